import type { Locale } from '../../../shared/domain/locales';
import { EDITABLE_NAMESPACES, type EditableNamespace } from '../../../shared/api/translationTypes';
import { unflattenResources } from '../../../shared/locales/flattenResources';
import type { LibraryStore } from '../LibraryStore';
import { effectiveStrings } from './uiStringUnits';

/** One language's interface strings as i18next JSON, per namespace, translators' edits applied. */
export function uiStringsAsJson(store: LibraryStore, locale: Locale): Record<EditableNamespace, Record<string, unknown>> {
  const out = {} as Record<EditableNamespace, Record<string, unknown>>;
  for (const namespace of EDITABLE_NAMESPACES) out[namespace] = unflattenResources(effectiveStrings(store, locale, namespace));
  return out;
}
