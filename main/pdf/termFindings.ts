import { LOCALES, type Locale } from '../../shared/domain/locales';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import type { ValidationProblem } from '../../shared/schemas/validationProblems';
import { localizedFields } from '../../shared/schemas/localizedFields';
import { TermIndex } from '../../shared/terms/TermIndex';
import type { Concept } from '../../shared/terms/termTypes';
import { checkTerms } from '../../shared/translation/checkTerms';

/** Enough to find them in the translator's view; the rest are counted. */
export const MAX_TERM_FINDINGS = 50;

/** Every translated text in the library, whatever prints it: what `briefing check` looks at. */
export const EVERY_TEXT = 'every';

/**
 * The build report's termbase findings: each translated text an edition prints (`usedBy`, as
 * EditionTexts saw them) that uses a forbidden term or lacks the expected one for a term its
 * source holds, named by piece title, field and language. Warnings only: the approval gate is
 * where a translator overrides a term check, and the issue asks no more of --strict.
 */
export function termFindings(
  doc: LibraryDocument,
  usedBy: Partial<Record<Locale, ReadonlySet<string>>> | typeof EVERY_TEXT,
  concepts: readonly Concept[],
): ValidationProblem[] {
  if (concepts.length === 0) return [];
  const index = new TermIndex(concepts);
  const fields = [...localizedFields(doc)];
  const titles = new Map<string, string>();
  for (const f of fields) {
    if (f.field !== 'title' && f.field !== 'name') continue;
    const any = f.value.en?.text ?? f.value.fr?.text ?? f.value.es?.text;
    if (any && !titles.has(f.pieceId)) titles.set(f.pieceId, any);
  }
  const problems: ValidationProblem[] = [];
  let more = 0;
  for (const f of fields) {
    const editions = usedBy === EVERY_TEXT ? LOCALES.map((l) => [l, null] as const) : (Object.entries(usedBy) as [Locale, ReadonlySet<string>][]);
    for (const [locale, seen] of editions) {
      if (seen && !seen.has(`${f.pieceId}\u0000${f.field}`)) continue;
      const target = f.value[locale];
      const from = target?.from;
      const source = from ? f.value[from]?.text : undefined;
      if (!target || !from || !source) continue;
      for (const check of checkTerms(source, target.text, { index, source: from, target: locale })) {
        if (problems.length >= MAX_TERM_FINDINGS) {
          more += 1;
          continue;
        }
        problems.push({
          path: [],
          // The piece's id, for the pack builder to group and link by (the title is for reading).
          recordId: f.pieceId,
          key: check.key === 'termForbidden' ? 'buildTerms.forbidden' : 'buildTerms.missing',
          values: { edition: locale, piece: titles.get(f.pieceId) ?? f.pieceId, field: f.field, term: check.term, expected: check.expected.join(' / ') || '—' },
        });
      }
    }
  }
  if (more > 0) problems.push({ path: [], key: 'buildTerms.more', values: { count: more } });
  return problems;
}
