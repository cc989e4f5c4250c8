import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../main/pdf/buildEdition';
import { renderPdf } from '../../main/pdf/pdfmakeEngine';
import { offPageError } from '../../main/pdf/layoutFindings';
import { FONT_FAMILY } from '../../main/pdf/fonts';
import type { OffPage } from '../../main/pdf/layoutChecks';
import { formatAppError } from '../../main/cli/runCli';
import { createTranslator } from '../../shared/locales/createTranslator';
import { isAppError } from '../../shared/errors/AppError';
import { cli } from '../helpers/cli';
import { writeJson } from '../helpers/library';
import { hostileDocument, note } from '../helpers/hostileDocument';
import { filesIn, loadPdf, scratch } from '../helpers/pdf';

const tmp = scratch('briefing-pdf-glyphs-');
afterAll(() => tmp.cleanup());

const OPTIONS = { paper: 'a4' as const, watermark: null, builtAt: new Date('2025-11-20T12:00:00Z') };

/** What parliaments of the Americas write beyond letters: currency, checks, arrows, comparisons. */
const SYMBOLS = ['€', '✓', '✗', '✔', '→', '←', '↔', '⇒', '≥', '≤', '≠', '±', '•', '№', '©', '®', '™', '★', '⚠', '∞', '₡', '₲', '☑', '☐'];

describe('glyph coverage', () => {
  it('prints common symbols from the fallback fonts, with nothing to warn about', async () => {
    const body = `Symbols: ${SYMBOLS.join(' ')}.\n\n**Bold ✓ → ≥** and _italic ✓ → ≥_; Nguyễn Thị Minh Khai.`;
    const built = await buildEdition(hostileDocument([note('note-symbols', 'Symbols ✓', body)]), 'hostile', 'en', OPTIONS);
    expect(built.warnings).toEqual([]);
    const pdf = await loadPdf(new Uint8Array(built.bytes));
    for (const symbol of SYMBOLS) expect(pdf.text, symbol).toContain(symbol);
    // A symbol comes from another font than the letters around it (pdf.js names one per font).
    const items = pdf.pages.flatMap((p) => p.items);
    const letters = items.find((i) => i.str.includes('Symbols:'))!;
    const check = items.find((i) => i.str.includes('✓'))!;
    expect(check.font).not.toBe(letters.font);
    expect(pdf.raw).toMatch(/NotoSansSymbols2/);
    expect(pdf.raw).toMatch(/NotoSansMath/);
  }, 60_000);

  it('lists characters no embedded font has, with the piece and field, and still builds', async () => {
    const doc = hostileDocument([note('note-emoji', 'Emoji', 'Good news 🙂 and a flag 🇵🇦 ✅.'), note('note-plain', 'Plain', 'Nothing odd.')]);
    const built = await buildEdition(doc, 'hostile', 'fr', OPTIONS);
    expect(built.warnings).toEqual([
      {
        path: [],
        key: 'layout.glyphs',
        values: { edition: 'fr', piece: 'note-emoji', field: 'body', chars: '🙂 (U+1F642), 🇵 (U+1F1F5), 🇦 (U+1F1E6), ✅ (U+2705)' },
      },
    ]);
    const t = createTranslator('en');
    expect(t(`errors:${built.warnings[0]!.key}`, built.warnings[0]!.values)).toBe(
      'fr edition, note-emoji body: the embedded fonts cannot show 🙂 (U+1F642), 🇵 (U+1F1F5), 🇦 (U+1F1E6), ✅ (U+2705); they print as empty boxes.',
    );
  }, 60_000);

  it('with --strict, refuses before layout, naming the piece and field', async () => {
    const doc = hostileDocument([note('note-emoji', 'Emoji', 'Good news 🙂.')]);
    const error = await buildEdition(doc, 'hostile', 'en', OPTIONS, undefined, { strict: true, pack: 'hostile' }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('layout.glyphsMissing');
    const [first] = formatAppError(error as never, createTranslator('es'));
    expect(first).toBe(
      'El dossier hostile no se puede generar con --strict: Edición en, note-emoji body: las fuentes incrustadas no pueden mostrar 🙂 (U+1F642); se imprimen como casillas vacías.',
    );
  });
});

describe('briefing build and characters the fonts cannot show', () => {
  const dir = tmp.dir('cli-');
  const db = path.join(dir, 'lib.sqlite');

  beforeAll(async () => {
    expect((await cli(['init', '--empty', '--db', db])).code).toBe(0);
    const file = writeJson(path.join(dir, 'lib.json'), hostileDocument([note('note-emoji', 'Emoji', 'Good news 🙂.')]));
    const imported = await cli(['import', file, '--db', db]);
    expect(imported.stderr).toBe('');
  }, 60_000);

  it('warns on stderr, names the piece and field, and writes the PDF', async () => {
    const out = path.join(tmp.dir('out-'), 'out');
    const result = await cli(['build', '--db', db, '--pack', 'hostile', '--lang', 'en', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'warning: en edition, note-emoji body: the embedded fonts cannot show 🙂 (U+1F642); they print as empty boxes.\n',
    );
    expect(filesIn(out)).toEqual(['hostile-en.pdf']);
  }, 60_000);

  it('--strict fails with exit 1 and writes nothing; --json carries the warnings', async () => {
    const out = path.join(tmp.dir('out-'), 'out');
    const strict = await cli(['build', '--db', db, '--pack', 'hostile', '--lang', 'all', '--out', out, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('cannot be built with --strict');
    expect(strict.stderr).toContain('note-emoji body');
    expect(filesIn(out)).toEqual([]);
    const json = await cli(['build', '--db', db, '--pack', 'hostile', '--lang', 'es', '--out', out, '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { warnings: { key: string; values: Record<string, string> }[] };
    expect(report.warnings).toEqual([
      { path: [], key: 'layout.glyphs', values: { edition: 'es', piece: 'note-emoji', field: 'body', chars: '🙂 (U+1F642)' } },
    ]);
  }, 60_000);
});

describe('the check after layout', () => {
  it('finds a line laid out past the page edge, naming its piece and field, before rendering', async () => {
    const found: OffPage[][] = [];
    const origin = { pieceId: 'note-wide', field: 'body' };
    await renderPdf(
      { defaultStyle: { font: FONT_FAMILY }, content: [{ text: [{ text: `Wide ${'x'.repeat(400)}`, noWrap: true, textOrigin: origin } as never] }, { text: 'Fits.' }] },
      undefined,
      { onOffPage: (problems) => void found.push(problems) },
    );
    expect(found).toEqual([[{ page: 1, origin, excerpt: `Wide ${'x'.repeat(35)}`, kind: 'outsidePage' }]]);
  });

  it('stops the build with a translated message', async () => {
    const problems: OffPage[] = [{ page: 3, origin: { pieceId: 'note-wide', field: 'body' }, excerpt: 'Wide xxx', kind: 'outsidePage' }];
    await expect(
      renderPdf({ defaultStyle: { font: FONT_FAMILY }, content: [{ text: 'x'.repeat(400), noWrap: true }] }, undefined, {
        onOffPage: () => {
          throw offPageError('fr', problems);
        },
      }),
    ).rejects.toMatchObject({ code: 'layout.offPage' });
    const error = offPageError('fr', problems);
    expect(formatAppError(error, createTranslator('en'))).toEqual([
      'The fr edition was not written: on page 3, note-wide body runs outside the printable area ("Wide xxx").',
    ]);
    expect(formatAppError(error, createTranslator('fr'))[0]).toBe(
      'L’édition fr n’a pas été écrite : page 3, note-wide body dépasse la zone imprimable (« Wide xxx »).',
    );
  });

  it('hostile content in the side-by-side edition passes it (the build does not throw)', async () => {
    const built = await buildEdition(hostileDocument(), 'hostile', 'parallel', OPTIONS);
    expect(built.pages).toBeGreaterThan(2);
  }, 60_000);
});
