import type { Locale } from '../../../shared/domain/locales';
import { stateAgainstSource, type TranslationState } from '../../../shared/domain/translationState';
import { EDITABLE_NAMESPACES, type EditableNamespace, type UiStringUnit } from '../../../shared/api/translationTypes';
import { AppError } from '../../../shared/errors/AppError';
import { RESOURCES } from '../../../shared/locales/resources';
import { flattenResources, targetKeys } from '../../../shared/locales/flattenResources';
import type { UiStringRow } from '../../db/repositories/UiStringsRepository';
import type { LibraryStore } from '../LibraryStore';
import { hashSourceText } from '../../db/textHash';

export interface UiStringQuery {
  source: Locale;
  target: Locale;
  states?: readonly TranslationState[];
  namespace?: EditableNamespace | null;
}

const flatCache = new Map<string, Map<string, string>>();
/** A bundled namespace, flattened once per process (the bundle never changes while running). */
export function bundled(locale: Locale, namespace: EditableNamespace): Map<string, string> {
  const id = `${locale}:${namespace}`;
  let flat = flatCache.get(id);
  if (!flat) flatCache.set(id, (flat = flattenResources(RESOURCES[locale][namespace])));
  return flat;
}

/** What the interface shows in a language: overrides over the bundled strings. */
export function effectiveStrings(store: LibraryStore, locale: Locale, namespace: EditableNamespace): Map<string, string> {
  const out = new Map(bundled(locale, namespace));
  for (const row of store.uiStrings.readLocale(locale)) if (row.namespace === namespace) out.set(row.key, row.value);
  return out;
}

/**
 * The app's own strings to translate from `source` into `target`, with the target's plural
 * forms. A bundled string counts as approved (it shipped reviewed); an override carries the
 * status the translator gave it, and goes stale when its source string changes.
 */
export function uiStringUnits(store: LibraryStore, query: UiStringQuery): UiStringUnit[] {
  if (query.source === query.target) throw new AppError('translation.sameLanguage', { locale: query.source });
  const overrides = new Map<string, UiStringRow>();
  for (const row of store.uiStrings.readLocale(query.target)) overrides.set(`${row.namespace}:${row.key}`, row);
  const wanted = new Set(query.states ?? ['missing', 'stale', 'draft', 'approved']);
  const units: UiStringUnit[] = [];
  for (const namespace of query.namespace ? [query.namespace] : EDITABLE_NAMESPACES) {
    const sources = effectiveStrings(store, query.source, namespace);
    const shipped = bundled(query.target, namespace);
    for (const [key, sourceKey] of targetKeys(sources.keys(), query.target)) {
      const unit = toUiUnit(store, namespace, key, sources.get(sourceKey)!, shipped.get(key) ?? null, overrides.get(`${namespace}:${key}`));
      if (wanted.has(unit.state)) units.push(unit);
    }
  }
  return units;
}

export function toUiUnit(
  store: LibraryStore,
  namespace: EditableNamespace,
  key: string,
  source: string,
  shipped: string | null,
  override: UiStringRow | undefined,
): UiStringUnit {
  const sourceHash = hashSourceText(source);
  const state: TranslationState = override
    ? stateAgainstSource(override.status, override.sourceHash, sourceHash)
    : shipped !== null
      ? 'approved'
      : 'missing';
  const stale = state === 'stale';
  return {
    namespace,
    key,
    source,
    sourceHash,
    target: override?.value ?? shipped,
    bundled: shipped,
    overridden: override !== undefined,
    state,
    previousSource: stale && override ? store.texts.sourceText(override.sourceHash) : null,
    updatedBy: override?.updatedBy ?? null,
    updatedAt: override?.updatedAt ?? null,
  };
}
