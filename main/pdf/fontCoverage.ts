import fs from 'node:fs';
import { createRequire } from 'node:module';
import { FONT_CHAIN, FONTS, type FontFamily } from './fonts';

const require = createRequire(import.meta.url);
// Through require, so that the parse is shared with pdfkit's (shareParsedFonts.ts).
const fontkit = require('fontkit') as { create(buffer: Uint8Array): { characterSet: number[] } };

/**
 * Which characters each family of the fallback chain can show. A family covers a character only
 * when every one of its styles has it (Noto Sans Italic lacks three that Regular has): the style
 * a run ends up in is known only to pdfmake's style stack, so coverage must hold for all of them.
 */
export interface FontCoverage {
  /** The first family of the chain that shows `codePoint`, or null when none does. */
  familyFor(codePoint: number): FontFamily | null;
}

let coverage: FontCoverage | null = null;

export function fontCoverage(): FontCoverage {
  if (coverage) return coverage;
  const sets = FONT_CHAIN.map((family) => {
    const files = [...new Set(Object.values(FONTS[family]))];
    const [first, ...rest] = files.map((file) => new Set(fontkit.create(fs.readFileSync(file)).characterSet));
    return new Set([...first!].filter((cp) => rest.every((set) => set.has(cp))));
  });
  // Most text is Latin: a table of the first family's Basic Multilingual Plane answers at once.
  const primary = new Uint8Array(0x10000);
  for (const cp of sets[0]!) if (cp < 0x10000) primary[cp] = 1;
  coverage = {
    familyFor(codePoint) {
      if (codePoint < 0x10000 && primary[codePoint]) return FONT_CHAIN[0];
      for (let i = 1; i < sets.length; i++) if (sets[i]!.has(codePoint)) return FONT_CHAIN[i]!;
      return sets[0]!.has(codePoint) ? FONT_CHAIN[0] : null;
    },
  };
  return coverage;
}

/**
 * Characters that need no glyph: line breaks and tabs (pdfmake handles them), and the invisible
 * format characters a font need not have (variation selectors, joiners, tag characters).
 */
export function needsNoGlyph(codePoint: number): boolean {
  return (
    codePoint < 0x20 ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x2060 && codePoint <= 0x2064) ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    codePoint === 0xfeff ||
    (codePoint >= 0xe0000 && codePoint <= 0xe01ef)
  );
}
