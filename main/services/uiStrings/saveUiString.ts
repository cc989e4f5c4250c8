import type { Locale } from '../../../shared/domain/locales';
import type { StoredTextStatus } from '../../../shared/domain/pieceKinds';
import type { EditableNamespace, UiStringOverride } from '../../../shared/api/translationTypes';
import { AppError } from '../../../shared/errors/AppError';
import { targetKeys } from '../../../shared/locales/flattenResources';
import type { Approver } from '../carryApprovals';
import type { LibraryStore } from '../LibraryStore';
import { hashSourceText } from '../../db/textHash';
import { effectiveStrings } from './uiStringUnits';
import { assertApprovable } from '../translation/assertApprovable';

export interface UiStringEdit {
  namespace: EditableNamespace;
  key: string;
  source: Locale;
  target: Locale;
  /** null: remove the override, the bundled string shows again. */
  value: string | null;
  status: StoredTextStatus;
  sourceHash: string;
  force?: boolean;
}

/** Checks and writes one interface string (not in a transaction of its own: callers batch). */
export function writeUiString(store: LibraryStore, edit: UiStringEdit, approver: Approver): UiStringOverride | null {
  const sources = effectiveStrings(store, edit.source, edit.namespace);
  const sourceKey = targetKeys(sources.keys(), edit.target).get(edit.key);
  if (sourceKey === undefined) throw new AppError('uiStrings.unknownKey', { namespace: edit.namespace, key: edit.key });
  if (edit.source === edit.target) throw new AppError('translation.sameLanguage', { locale: edit.source });
  if (edit.value === null) {
    store.uiStrings.delete(edit.target, edit.namespace, edit.key);
    return null;
  }
  const source = sources.get(sourceKey)!;
  if (hashSourceText(source) !== edit.sourceHash) {
    throw new AppError('translation.sourceChanged', { piece: edit.namespace, field: edit.key, locale: edit.source });
  }
  assertApprovable(source, edit.value, edit.status, edit.force ?? false, { piece: edit.namespace, field: edit.key });
  store.uiStrings.upsert({
    locale: edit.target,
    namespace: edit.namespace,
    key: edit.key,
    value: edit.value,
    status: edit.status,
    sourceLocale: edit.source,
    sourceHash: edit.sourceHash,
    updatedBy: approver.by,
    updatedAt: approver.at,
  });
  // Kept by hash like library sources, so a later change to the source string can be diffed.
  store.db.prepare('INSERT OR IGNORE INTO source_texts (hash, body) VALUES (?, ?)').run(edit.sourceHash, source);
  return { namespace: edit.namespace, key: edit.key, locale: edit.target, value: edit.value, status: edit.status };
}

export function saveUiString(store: LibraryStore, edit: UiStringEdit, approver: Approver): UiStringOverride | null {
  return store.write(() => writeUiString(store, edit, approver));
}
