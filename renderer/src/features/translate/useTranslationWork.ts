import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError, ApiResult } from '../../../../shared/api/apiContract';
import type {
  EditableNamespace,
  StateCounts,
  StrictBlocker,
  TranslationProgress,
  UiStringUnit,
} from '../../../../shared/api/translationTypes';
import type { TranslationState } from '../../../../shared/domain/translationState';
import { getApi } from '../../api/getApi';
import { useApiQuery } from '../../api/useApiQuery';
import type { TranslateChoices } from './translateChoices';
import { listedLibrary, uiWork, type ListedUnit } from './workUnit';

/** How far the chosen target is: the library's own counts, or counts by namespace for interface strings. */
export interface Summary {
  progress: TranslationProgress | null;
  byNamespace: Partial<Record<EditableNamespace, StateCounts>> | null;
  strictBlockers: StrictBlocker[] | null;
}

interface Loaded {
  units: ListedUnit[];
  summary: Summary;
}

function countByNamespace(units: readonly UiStringUnit[]): Partial<Record<EditableNamespace, StateCounts>> {
  const out: Partial<Record<EditableNamespace, StateCounts>> = {};
  for (const u of units) {
    const counts = (out[u.namespace] ??= { missing: 0, stale: 0, draft: 0, approved: 0, total: 0 });
    counts[u.state] += 1;
    counts.total += 1;
  }
  return out;
}

/**
 * The list and its counts; with `countsOnly`, the counts alone (no state wanted, so no unit comes
 * back): after a save the list already shows the saved unit, and at 10,000 pieces the whole list
 * is megabytes.
 */
async function load(choices: TranslateChoices, countsOnly = false): Promise<ApiResult<Loaded>> {
  const { source, target } = choices;
  if (choices.mode === 'library') {
    const result = await getApi()['translation.units']({
      source,
      target,
      states: countsOnly ? [] : choices.states,
      kind: choices.kind || null,
      packId: choices.packId || null,
      ...(choices.conflictsOnly && !countsOnly ? { conflicts: true } : {}),
    });
    if (!result.ok) return result;
    const { units, progress, strictBlockers } = result.value;
    return { ok: true, value: { units: units.map(listedLibrary), summary: { progress, byNamespace: null, strictBlockers } } };
  }
  // Every state is fetched (a few hundred strings): the counts need them all, and the state
  // filter then works without another request.
  const result = await getApi()['uiStrings.units']({ source, target, namespace: choices.namespace || null });
  if (!result.ok) return result;
  return {
    ok: true,
    value: { units: result.value.map(uiWork), summary: { progress: null, byNamespace: countByNamespace(result.value), strictBlockers: null } },
  };
}

/** What decides the list; the text search and (for interface strings) the states filter are applied here. */
function queryKey(c: TranslateChoices): string | null {
  if (c.source === c.target) return null;
  return c.mode === 'library'
    ? JSON.stringify(['library', c.source, c.target, c.conflictsOnly ? 'conflicts' : [...c.states].sort(), c.kind, c.packId])
    : JSON.stringify(['ui', c.source, c.target, c.namespace]);
}

/**
 * The units for the chosen languages and filters. The list keeps its members and order while the
 * translator works through it (a text just approved does not vanish from under the cursor), while
 * each unit shows its latest state; the counts are refreshed after every save.
 */
export function useTranslationWork(choices: TranslateChoices) {
  const key = queryKey(choices);
  const choicesRef = useRef(choices);
  choicesRef.current = choices;
  const query = useApiQuery(key, () => load(choicesRef.current));
  const [members, setMembers] = useState<string[]>([]);
  const [latest, setLatest] = useState<Map<string, ListedUnit>>(new Map());
  const [summary, setSummary] = useState<Summary | null>(null);
  const [summaryError, setSummaryError] = useState<ApiError | null>(null);
  const ticket = useRef(0);
  const uiStates = choices.mode === 'ui' ? [...choices.states].sort().join(',') : '';

  useEffect(() => {
    const data = query.data;
    if (!data) return;
    const wanted = new Set<TranslationState>(choicesRef.current.states);
    const shown = choicesRef.current.mode === 'ui' ? data.units.filter((w) => wanted.has(w.unit.state)) : data.units;
    setMembers(shown.map((w) => w.key));
    setLatest(new Map(data.units.map((w) => [w.key, w])));
    setSummary(data.summary);
    setSummaryError(null);
  }, [query.data, uiStates]);

  // A change of filters shows nothing stale while the new list loads.
  useEffect(() => {
    setMembers([]);
    setSummary(null);
  }, [key]);

  const replace = useCallback((work: ListedUnit) => {
    setLatest((map) => new Map(map).set(work.key, work));
  }, []);

  /** New counts (and, for interface strings, each string's true state) without reordering the list. */
  const refreshSummary = useCallback(() => {
    const mine = ++ticket.current;
    const asked = key;
    void load(choicesRef.current, true).then((result) => {
      if (mine !== ticket.current || asked !== queryKey(choicesRef.current)) return;
      if (!result.ok) {
        setSummaryError(result.error);
        return;
      }
      setSummary(result.value.summary);
      setSummaryError(null);
      setLatest((map) => {
        const next = new Map(map);
        for (const w of result.value.units) if (next.has(w.key)) next.set(w.key, w);
        return next;
      });
    });
  }, [key]);

  const units = useMemo(() => members.map((k) => latest.get(k)).filter((w): w is ListedUnit => w !== undefined), [members, latest]);

  return {
    /** Undefined until the first answer for these filters. */
    units: summary ? units : undefined,
    summary,
    loading: query.loading,
    error: query.error ?? summaryError,
    reload: query.reload,
    replace,
    refreshSummary,
    sameLanguages: key === null,
  };
}
