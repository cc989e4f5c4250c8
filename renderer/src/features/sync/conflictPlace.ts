import type { TFunction } from 'i18next';
import type { SyncConflictView } from '../../../../shared/api/syncTypes';
import { fieldLabelKey, kindOfCollection } from '../../../../shared/descriptors/descriptors';

/** Where in its piece a conflict is, as the editor names it: "Title (French)", or the whole piece. */
export function conflictPlace(conflict: Pick<SyncConflictView, 'kind' | 'collection' | 'field' | 'locale'>, t: TFunction): string {
  if (conflict.kind === 'deletedEdited') return t('ui:sync.deletedEdited');
  const fieldKey = conflict.field ? fieldLabelKey(conflict.field, kindOfCollection(conflict.collection)) : undefined;
  const field = fieldKey ? t(fieldKey) : (conflict.field ?? '');
  return conflict.locale ? t('ui:editor.fieldInLanguage', { field, language: t(`ui:languageName.${conflict.locale}`) }) : field;
}
