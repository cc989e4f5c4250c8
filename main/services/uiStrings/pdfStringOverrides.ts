import type { Locale } from '../../../shared/domain/locales';
import type { StringOverrides } from '../../../shared/locales/createTranslator';
import type { LibraryStore } from '../LibraryStore';

/** The namespaces a PDF reads its headings and labels from (common also names the native menu). */
const PDF_NAMESPACES = new Set(['pdf', 'common']);

/** Translators' edits to the strings PDFs use, so a build shows what the translator approved. */
export function pdfStringOverrides(store: LibraryStore): Partial<Record<Locale, StringOverrides>> {
  const out: Partial<Record<Locale, StringOverrides>> = {};
  for (const row of store.uiStrings.readAll()) {
    if (!PDF_NAMESPACES.has(row.namespace)) continue;
    ((out[row.locale] ??= {})[row.namespace] ??= {})[row.key] = row.value;
  }
  return out;
}
