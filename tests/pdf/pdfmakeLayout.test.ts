import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PDFMAKE_VERSION, WINDOW } from '../../main/pdf/pdfmakeLayout';
import { renderPdf } from '../../main/pdf/pdfmakeEngine';
import { FONT_FAMILY } from '../../main/pdf/fonts';
import { loadPdf } from '../helpers/pdf';

/** pdfmakeLayout.ts wraps internals of one pdfmake release: an upgrade must come through here. */
describe('pdfmake layout hooks', () => {
  it('are installed on the pdfmake version they were written for, pinned exactly', () => {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies.pdfmake).toBe(PDFMAKE_VERSION);
    expect(PDFMAKE_VERSION).toBe('0.3.11');
  });

  it('lay out a paragraph of more pieces than the window with every word, in full lines', async () => {
    // One paragraph of 3 × WINDOW pieces: the line builder sees it through its window.
    const words = Array.from({ length: WINDOW * 3 }, (_, i) => `w${i % 97}`);
    const lines = async (content: unknown) => {
      const { bytes } = await renderPdf({ defaultStyle: { font: FONT_FAMILY }, content: content as never });
      const pdf = await loadPdf(new Uint8Array(bytes));
      return pdf.pages.flatMap((p) => p.lines.map((l) => l.text));
    };
    const whole = await lines([{ text: words.join(' ') }]);
    expect(whole.join(' ').split(' ')).toEqual(words);
    // Lines are full: none but the last is much shorter than the first.
    const lengths = whole.slice(0, -1).map((l) => l.length);
    expect(Math.min(...lengths)).toBeGreaterThan(Math.max(...lengths) - 8);
  }, 60_000);

  it('share the width among table columns that cannot all get their longest word', async () => {
    const wide = 'W'.repeat(60);
    const { bytes } = await renderPdf({
      defaultStyle: { font: FONT_FAMILY },
      content: [{ table: { widths: ['*', '*', '*'], body: [[`A${wide}`, `B${wide}`, `C${wide}`]] } }],
    });
    const pdf = await loadPdf(new Uint8Array(bytes));
    const page = pdf.pages[0]!;
    for (const item of page.items) expect(item.x + item.width, item.str).toBeLessThanOrEqual(page.width - 40 + 0.5);
    const starts = ['A', 'B', 'C'].map((c) => page.items.find((i) => i.str.startsWith(c))!.x);
    expect(Math.abs(starts[1]! - starts[0]! - (starts[2]! - starts[1]!))).toBeLessThan(0.5);
  });
});
