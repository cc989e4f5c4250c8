import { LOCALES, type Locale } from '../../../shared/domain/locales';
import type { LibraryStore } from '../LibraryStore';

/** The language most originals are written in, other than the target: what translators work from. */
export function defaultSourceLocale(store: LibraryStore, target: Locale): Locale {
  const rows = store.db
    .prepare('SELECT locale FROM texts WHERE source_locale IS NULL AND locale <> ? GROUP BY locale ORDER BY count(*) DESC, locale')
    .pluck()
    .all(target) as Locale[];
  return rows[0] ?? LOCALES.find((l) => l !== target)!;
}
