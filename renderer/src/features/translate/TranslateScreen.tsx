import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import type { StoredTextStatus } from '../../../../shared/domain/pieceKinds';
import { checkTranslation } from '../../../../shared/translation/checkTranslation';
import { getApi } from '../../api/getApi';
import { toApiError } from '../../api/ApiFailure';
import { useApiQuery } from '../../api/useApiQuery';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { describeApiError } from '../../components/describeApiError';
import { foldText } from '../../components/foldText';
import { useUiLocale } from '../../components/useUiLocale';
import { useUnsavedChanges } from '../../navigation/NavigationProvider';
import { initialChoices, rememberChoices, withMode, type TranslateChoices } from './translateChoices';
import { useTranslationWork } from './useTranslationWork';
import { saveWorkUnit } from './saveWorkUnit';
import { listedOf, type WorkUnit } from './workUnit';
import { matchesSearch } from './matchesSearch';
import { useDeepMatches } from './useDeepMatches';
import { useOpenUnit } from './useOpenUnit';
import { useTermContext } from './useTermContext';
import { TranslateToolbar } from './TranslateToolbar';
import { UnitList } from './UnitList';
import { UnitEditor } from './UnitEditor';
import { Shortcuts } from './Shortcuts';
import { ProgressPanel } from './ProgressPanel';
import { StrictPanel } from './StrictPanel';
import { XliffPanel } from './XliffPanel';
import { ConcordancePanel } from './ConcordancePanel';
import { TmxPanel } from './TmxPanel';
import { unitConflictIndex } from '../../../../shared/translation/unitConflicts';
import { ConflictCard } from '../sync/ConflictCard';
import { announceSyncChanged } from '../sync/syncEvents';
import { useOpenConflicts } from '../sync/useOpenConflicts';
import './translate.css';

/**
 * The translator's view: the texts of the library (or the app's own strings) that need work in
 * one language, each beside its source, saved as draft or approved from the keyboard.
 */
export function TranslateScreen() {
  const { t, i18n } = useTranslation();
  const locale = useUiLocale();
  const [choices, setChoices] = useState<TranslateChoices>(initialChoices);
  const work = useTranslationWork(choices);
  const terms = useTermContext(choices.mode === 'library', choices.source, choices.target);
  const packs = useApiQuery(`packs:${locale}`, () => getApi()['library.list']({ kind: 'packs', locale }));
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  /** Bumped when the list is reloaded, so the open unit is read again too. */
  const [revision, setRevision] = useState(0);
  /** What the translator typed and has not saved, for one unit in one target language. */
  const [draft, setDraft] = useState<{ key: string; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [pending, setPending] = useState<(() => void) | null>(null);
  const [approveAnyway, setApproveAnyway] = useState<{ work: WorkUnit; text: string; next: boolean; problems: string[] } | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const focusTarget = useRef(false);

  useEffect(() => rememberChoices(choices), [choices]);

  const needle = foldText(choices.search.trim());
  const deep = useDeepMatches(choices.search, choices.mode === 'library');
  const visible = useMemo(
    () => (work.units ?? []).filter((w) => !needle || matchesSearch(w, needle) || deep?.has(w.key) === true),
    [work.units, needle, deep],
  );
  const index = visible.findIndex((w) => w.key === selectedKey);
  const selected = index >= 0 ? visible[index] : work.units?.find((w) => w.key === selectedKey);
  const opened = useOpenUnit(selected, choices.source, choices.target, revision);
  const current = opened.work;
  const openConflicts = useOpenConflicts();
  const conflictIndex = useMemo(
    () =>
      choices.mode === 'library'
        ? unitConflictIndex(openConflicts.data ?? [], (work.units ?? []).flatMap((w) => (w.mode === 'library' ? [w.unit] : [])), choices.source, choices.target)
        : new Map<string, never[]>(),
    [openConflicts.data, work.units, choices.mode, choices.source, choices.target],
  );
  const conflicted = useMemo(() => new Set(conflictIndex.keys()), [conflictIndex]);
  const selectedConflicts = selected ? (conflictIndex.get(selected.key) ?? []) : [];
  const draftKey = selected ? `${choices.target}\u0000${selected.key}` : '';
  const saved = current?.unit.target ?? '';
  const text = draft && draft.key === draftKey ? draft.text : saved;
  const dirty = draft !== null && draft.key === draftKey && draft.text !== saved;

  useUnsavedChanges('translate', dirty);

  // Something is always open when the list has anything: the translator starts typing at once.
  useEffect(() => {
    if (!work.units) return;
    if (!work.units.some((w) => w.key === selectedKey)) setSelectedKey(visible[0]?.key ?? null);
  }, [work.units, visible, selectedKey]);

  // The text box can take the focus once the whole unit has come (at once for interface strings).
  const ready = current !== null;
  useEffect(() => {
    if (focusTarget.current && ready) {
      focusTarget.current = false;
      textareaRef.current?.focus();
    }
  }, [selectedKey, ready]);

  const reload = () => {
    work.reload();
    setRevision((r) => r + 1);
  };

  /** Runs `action` at once, or after the user agrees to drop the unsaved translation. */
  const guard = useCallback(
    (action: () => void) => {
      if (dirty) setPending(() => action);
      else action();
    },
    [dirty],
  );

  const open = (key: string, focus: boolean, notice = '') => {
    setSelectedKey(key);
    setDraft(null);
    setError(null);
    setMessage(null);
    setNotice(notice);
    focusTarget.current = focus;
    if (focus && key === selectedKey) textareaRef.current?.focus();
  };

  /** `saved` names what was just saved: the next unit opens at once, and says so. */
  const moveFrom = (key: string | null, delta: 1 | -1, saved?: string) => {
    const at = visible.findIndex((w) => w.key === key);
    const next = visible[at + delta];
    if (!next) {
      const end = delta > 0 ? t('ui:translate.lastOne') : t('ui:translate.firstOne');
      setNotice(saved ? `${saved} ${end}` : end);
      return;
    }
    if (saved !== undefined) open(next.key, true, saved);
    else guard(() => open(next.key, true));
  };

  const change = (patch: Partial<TranslateChoices>) => {
    const onlySearch = Object.keys(patch).every((k) => k === 'search');
    const apply = () => {
      setChoices((c) => {
        const moved = patch.mode ? withMode(c, patch.mode) : c;
        return { ...moved, ...patch, source: patch.source ?? moved.source };
      });
      if (!onlySearch) {
        setSelectedKey(null);
        setDraft(null);
        setError(null);
        setMessage(null);
        setNotice('');
      }
    };
    if (onlySearch) apply();
    else guard(apply);
  };

  const persist = async (target: WorkUnit, value: string | null, status: StoredTextStatus, next: boolean, force: boolean) => {
    setSaving(true);
    setError(null);
    setMessage(null);
    try {
      const result = await saveWorkUnit(target, { source: choices.source, target: choices.target, text: value, status, force }, i18n);
      work.replace(listedOf(result));
      opened.put(result);
      const key = `${choices.target}\u0000${target.key}`;
      setDraft((d) => (d?.key === key ? null : d));
      const done = value === null ? t('ui:translate.reverted') : status === 'approved' ? t('ui:translate.approved') : t('ui:translate.savedDraft');
      setNotice(done);
      work.refreshSummary();
      if (next) moveFrom(target.key, 1, done);
    } catch (caught) {
      const failure = toApiError(caught);
      if (failure.code === 'translation.checksFailed' && status === 'approved' && !force && value !== null) {
        const local = checkTranslation(target.unit.source, value, terms).map((c) => t(`common:checks.${c.key}`, c.values));
        const described = describeApiError(failure, t);
        setApproveAnyway({ work: target, text: value, next, problems: local.length > 0 ? local : described.problems.length > 0 ? described.problems : [described.message] });
      } else setError(failure);
    } finally {
      setSaving(false);
    }
  };

  const commit = (status: StoredTextStatus, next: boolean) => {
    if (!current || saving) return;
    if (text.trim() === '') {
      setMessage(t('ui:translate.emptyRefused'));
      return;
    }
    const checks = checkTranslation(current.unit.source, text, terms);
    if (status === 'approved' && checks.length > 0) {
      setApproveAnyway({ work: current, text, next, problems: checks.map((c) => t(`common:checks.${c.key}`, c.values)) });
      return;
    }
    void persist(current, text, status, next, false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey) {
      event.preventDefault();
      commit(event.shiftKey ? 'approved' : 'draft', true);
    } else if (event.altKey && !event.ctrlKey && !event.metaKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      moveFrom(selectedKey, event.key === 'ArrowDown' ? 1 : -1);
    }
  };

  const titles = useMemo(() => {
    const map = new Map<string, string>();
    for (const w of work.units ?? []) if (w.mode === 'library' && w.unit.title) map.set(w.unit.pieceId, w.unit.title);
    return map;
  }, [work.units]);

  const listLoaded = work.units !== undefined;
  return (
    <div className="translate">
      <div className="translate-head">
        <h2 id="translate-heading">{t('ui:translate.title')}</h2>
        <p className="hint">{choices.mode === 'library' ? t('ui:translate.introLibrary') : t('ui:translate.introUi')}</p>
      </div>
      <TranslateToolbar choices={choices} packs={packs.data ?? []} onChange={change} onRefresh={() => guard(reload)} />
      {work.sameLanguages ? (
        <p className="alert alert-error" role="alert" data-testid="tr-same-languages">
          {t('ui:translate.sameLanguages')}
        </p>
      ) : null}
      <ErrorAlert error={work.error ?? packs.error} testId="tr-load-error" />
      <div className="translate-workspace" onKeyDown={onKeyDown}>
        <section className="translate-list" aria-labelledby="tr-list-heading">
          <h3 id="tr-list-heading" className="sr-only">
            {t('ui:translate.listLabel')}
          </h3>
          <p className="count" role="status" data-testid="tr-count">
            {work.sameLanguages || (work.error && !listLoaded)
              ? ''
              : !listLoaded
                ? t('ui:loading')
                : needle
                  ? t('ui:translate.shown', { count: work.units!.length, shown: visible.length })
                  : t('ui:translate.count', { count: visible.length })}
          </p>
          {listLoaded && visible.length === 0 ? (
            <div className="empty" data-testid="tr-empty">
              <p>{needle ? t('ui:translate.noMatch') : t('ui:translate.nothing')}</p>
            </div>
          ) : listLoaded ? (
            <UnitList
              units={visible}
              selectedKey={selectedKey}
              target={choices.target}
              resetKey={`${choices.mode}|${choices.source}|${choices.target}|${needle}`}
              conflicted={conflicted}
              onSelect={(key) => (key === selectedKey ? textareaRef.current?.focus() : guard(() => open(key, false)))}
            />
          ) : null}
        </section>
        <div className="translate-detail">
          {selectedConflicts.length > 0 ? (
            <section aria-labelledby="tr-conflicts-heading" data-testid="tr-conflicts">
              <h3 id="tr-conflicts-heading">{t('ui:translate.conflictsHere', { count: selectedConflicts.length })}</h3>
              <p className="hint">{t('ui:translate.conflictsHint')}</p>
              <ul className="conflicts-here">
                {selectedConflicts.map((c) => (
                  <ConflictCard
                    key={c.id}
                    conflict={c}
                    onResolved={() => {
                      // The count in the header, these cards, the list's filter and the open text all change.
                      announceSyncChanged();
                      setDraft(null);
                      reload();
                    }}
                  />
                ))}
              </ul>
            </section>
          ) : null}
          {selected ? (
            <UnitEditor
              key={draftKey}
              item={selected}
              work={current}
              loadError={opened.error}
              source={choices.source}
              target={choices.target}
              terms={terms}
              text={text}
              onText={(value) => {
                setDraft({ key: draftKey, text: value });
                setMessage(null);
              }}
              dirty={dirty}
              saving={saving}
              error={error}
              message={message}
              notice={notice}
              position={{ index: Math.max(index, 0), count: visible.length }}
              textareaRef={textareaRef}
              onSave={commit}
              onRevert={() => {
                if (current) void persist(current, null, 'draft', false, false);
              }}
              onMove={(delta) => moveFrom(selectedKey, delta)}
              onReload={() => {
                setError(null);
                reload();
              }}
            />
          ) : listLoaded && visible.length > 0 ? (
            <p className="empty">{t('ui:translate.pick')}</p>
          ) : null}
          <Shortcuts />
        </div>
      </div>
      <div className="translate-panels">
        {work.sameLanguages ? null : <ProgressPanel summary={work.summary} target={choices.target} />}
        {choices.mode === 'library' && choices.packId && work.summary?.strictBlockers ? (
          <StrictPanel blockers={work.summary.strictBlockers} titleOf={(id) => titles.get(id)} />
        ) : null}
        {choices.mode === 'library' && !work.sameLanguages ? <ConcordancePanel source={choices.source} target={choices.target} /> : null}
        {choices.mode === 'library' ? <TmxPanel /> : null}
        <XliffPanel
          mode={choices.mode}
          source={choices.source}
          target={choices.target}
          packId={choices.packId}
          disabled={work.sameLanguages}
          onImported={() => {
            setDraft(null);
            reload();
          }}
        />
      </div>
      {pending ? (
        <Dialog
          title={t('ui:unsaved.title')}
          confirmLabel={t('ui:translate.discard')}
          danger
          testId="tr-unsaved-dialog"
          onCancel={() => {
            setPending(null);
            textareaRef.current?.focus();
          }}
          onConfirm={() => {
            const action = pending;
            setPending(null);
            setDraft(null);
            action();
          }}
        >
          <p>{t('ui:translate.unsavedMessage')}</p>
        </Dialog>
      ) : null}
      {approveAnyway ? (
        <Dialog
          title={t('ui:translate.approveAnyway.title')}
          confirmLabel={t('ui:translate.approveAnyway.confirm')}
          testId="tr-approve-anyway-dialog"
          onCancel={() => {
            setApproveAnyway(null);
            textareaRef.current?.focus();
          }}
          onConfirm={() => {
            const { work: target, text: value, next } = approveAnyway;
            setApproveAnyway(null);
            void persist(target, value, 'approved', next, true);
          }}
        >
          <p>{t('ui:translate.approveAnyway.message')}</p>
          <ul data-testid="tr-approve-anyway-problems">
            {approveAnyway.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </Dialog>
      ) : null}
    </div>
  );
}
