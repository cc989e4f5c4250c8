import type { TFunction } from 'i18next';
import type { ListedUnit, WorkUnit } from './workUnit';

/** How a unit is named in the list and the editor: the piece and its field, or the string's key. */
export function unitHeading(work: ListedUnit | WorkUnit, t: TFunction): { title: string; detail: string } {
  if (work.mode === 'library') {
    const field = t(`ui:fields.${work.unit.field}`, { defaultValue: work.unit.field });
    return { title: work.unit.title || work.unit.pieceId, detail: `${t(`ui:pieceKind.${work.unit.kind}`)} · ${field}` };
  }
  return { title: work.unit.key, detail: t(`ui:translate.namespace.${work.unit.namespace}`) };
}
