import type { i18n } from 'i18next';
import type { Locale } from '../../../../shared/domain/locales';
import type { StoredTextStatus } from '../../../../shared/domain/pieceKinds';
import { getApi } from '../../api/getApi';
import { unwrap } from '../../api/ApiFailure';
import { applyUiOverride } from '../../uiOverrides';
import { libraryWork, uiWork, type WorkUnit } from './workUnit';

export interface SaveRequest {
  source: Locale;
  target: Locale;
  /** null (interface strings only): drop the override, the bundled string shows again. */
  text: string | null;
  status: StoredTextStatus;
  force: boolean;
}

/**
 * Saves one translation and returns the unit as it now stands. An interface string is applied
 * to the running interface at once; its state is then confirmed by the next refresh of the counts.
 * Throws ApiFailure (source changed, checks failed, …) with nothing changed.
 */
export async function saveWorkUnit(work: WorkUnit, request: SaveRequest, instance: i18n): Promise<WorkUnit> {
  const { source, target, text, status, force } = request;
  if (work.mode === 'library') {
    const saved = unwrap(
      await getApi()['translation.save']({
        pieceId: work.unit.pieceId,
        field: work.unit.field,
        source,
        target,
        text: text ?? '',
        status,
        sourceHash: work.unit.sourceHash,
        ...(force ? { force } : {}),
      }),
    );
    return libraryWork(saved);
  }
  const { namespace, key } = work.unit;
  const override = unwrap(
    await getApi()['uiStrings.save']({
      namespace,
      key,
      source,
      target,
      value: text,
      status,
      sourceHash: work.unit.sourceHash,
      ...(force ? { force } : {}),
    }),
  );
  applyUiOverride(instance, target, namespace, key, override?.value ?? null);
  return uiWork({
    ...work.unit,
    target: override?.value ?? work.unit.bundled,
    overridden: override !== null,
    state: override ? override.status : work.unit.bundled === null ? 'missing' : work.unit.state,
    previousSource: override ? null : work.unit.previousSource,
  });
}
