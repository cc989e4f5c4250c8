import type { TFunction } from 'i18next';
import type { MemoryMatch } from '../../../../shared/memory/memoryTypes';

/** Where a memory match comes from: a piece and field of this library, or an imported TMX file. */
export function matchOrigin(t: TFunction, match: Pick<MemoryMatch, 'pieceId' | 'field' | 'origin'>): string {
  return match.origin !== undefined
    ? t('ui:translate.memory.fromFile', { file: match.origin })
    : t('ui:translate.memory.from', { piece: match.pieceId, field: match.field });
}
