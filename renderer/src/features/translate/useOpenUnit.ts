import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/api/apiContract';
import type { Locale } from '../../../../shared/domain/locales';
import { getApi } from '../../api/getApi';
import { toApiError } from '../../api/ApiFailure';
import { libraryWork, type ListedUnit, type WorkUnit } from './workUnit';

const openId = (source: Locale, target: Locale, key: string) => `${source}\u0000${target}\u0000${key}`;

/**
 * The open unit, whole. The list carries only excerpts of library texts, so the one opened is
 * read (`translation.unit`) when it opens, and again when `revision` changes (the list was
 * reloaded): meanwhile the last answer for the same unit stays shown, so a reload never blanks
 * the editor. Interface strings come whole in the list.
 */
export function useOpenUnit(item: ListedUnit | undefined, source: Locale, target: Locale, revision: number) {
  const [loaded, setLoaded] = useState<{ id: string; work: WorkUnit } | null>(null);
  const [failed, setFailed] = useState<{ id: string; error: ApiError } | null>(null);
  const id = item ? openId(source, target, item.key) : null;
  const ref = item?.mode === 'library' ? { pieceId: item.unit.pieceId, field: item.unit.field } : null;

  useEffect(() => {
    if (!ref || id === null) return;
    let current = true;
    setFailed(null);
    const api = getApi();
    api['translation.unit']({ ...ref, source, target }).then(
      (result) => {
        if (!current) return;
        if (result.ok) setLoaded({ id, work: libraryWork(result.value) });
        else setFailed({ id, error: result.error });
      },
      (caught: unknown) => {
        if (current) setFailed({ id, error: toApiError(caught) });
      },
    );
    return () => {
      current = false;
    };
    // Reloads only when the unit or its revision changes, not on each new callback identity.
  }, [id, revision]);

  /** A unit as a save returned it: shown at once, without asking again. */
  const put = useCallback((work: WorkUnit) => setLoaded({ id: openId(source, target, work.key), work }), [source, target]);

  const work: WorkUnit | null = !item ? null : item.mode === 'ui' ? item : loaded?.id === id ? loaded.work : null;
  return { work, error: failed?.id === id ? failed.error : null, put };
}
