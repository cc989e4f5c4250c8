import { AppError } from '../../shared/errors/AppError';
import type { ValidationProblem } from '../../shared/schemas/validationProblems';
import type { Edition } from '../../shared/api/buildTypes';
import type { MarkdownLimits } from '../../shared/text/lexMarkdown';
import type { TextOrigin } from './EditionTexts';
import type { OffPage } from './layoutChecks';
import type { TextFindings } from './textRuns';

/** Characters listed per piece and field in a message: enough to find them, short enough to read. */
const MAX_CHARS_LISTED = 12;

const originKey = (origin: TextOrigin | null) => (origin ? `${origin.pieceId}\u0000${origin.field}` : '');

/** `🙂 (U+1F642)`: the character, and its code for when the reader's font cannot show it either. */
export function describeChar(char: string): string {
  return `${char} (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}

/**
 * What one edition's text preparation found, as build warnings (or, with --strict, an error):
 * characters the fonts cannot show and Markdown the nesting limits cut, by piece and field.
 */
export class LayoutFindings implements TextFindings {
  private readonly chars = new Map<string, { origin: TextOrigin | null; chars: Set<string> }>();
  private readonly limited = new Map<string, { origin: TextOrigin | null; limits: MarkdownLimits }>();

  constructor(readonly edition: Edition) {}

  uncovered(char: string, origin: TextOrigin | null): void {
    const key = originKey(origin);
    let entry = this.chars.get(key);
    if (!entry) this.chars.set(key, (entry = { origin, chars: new Set() }));
    entry.chars.add(char);
  }

  markdownLimited(origin: TextOrigin | null, limits: MarkdownLimits): void {
    const key = originKey(origin);
    if (!this.limited.has(key)) this.limited.set(key, { origin, limits });
  }

  get uncoveredCount(): number {
    let count = 0;
    for (const entry of this.chars.values()) count += entry.chars.size;
    return count;
  }

  /** One problem per piece and field whose characters no embedded font shows. */
  glyphProblems(): ValidationProblem[] {
    return [...this.chars.values()].map(({ origin, chars }): ValidationProblem => {
      const list = [...chars].slice(0, MAX_CHARS_LISTED).map(describeChar).join(', ') + (chars.size > MAX_CHARS_LISTED ? ', …' : '');
      return origin
        ? { path: [], key: 'layout.glyphs', values: { edition: this.edition, piece: origin.pieceId, field: origin.field, chars: list } }
        : { path: [], key: 'layout.glyphsUnnamed', values: { edition: this.edition, chars: list } };
    });
  }

  warnings(): ValidationProblem[] {
    const cut = [...this.limited.values()].map(({ origin, limits }) => ({
      path: [],
      key: 'layout.markdownLimited',
      values: {
        edition: this.edition,
        piece: origin?.pieceId ?? '?',
        field: origin?.field ?? '?',
        lines: limits.nestingCut,
        marks: limits.emphasisCut,
      },
    }));
    return [...this.glyphProblems(), ...cut];
  }
}

/** --strict: characters the fonts cannot show stop the build before layout. */
export function assertGlyphsCovered(pack: string, findings: LayoutFindings): void {
  const problems = findings.glyphProblems();
  if (problems.length > 0) throw new AppError('layout.glyphsMissing', { pack, characters: findings.uncoveredCount }, problems);
}

/** Text laid out beyond the printable area: the build fails, naming where. */
export function offPageError(edition: Edition, problems: readonly OffPage[], pageOffset = 0): AppError {
  const listed: ValidationProblem[] = problems.map((p) => ({
    path: [],
    key: p.origin ? 'layout.offPageNamed' : 'layout.offPageUnnamed',
    values: {
      edition,
      page: p.page + pageOffset,
      piece: p.origin?.pieceId ?? '',
      field: p.origin?.field ?? '',
      excerpt: p.excerpt,
    },
  }));
  return new AppError('layout.offPage', { edition, count: problems.length }, listed);
}
