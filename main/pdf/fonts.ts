import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const folderOf = (pkg: string) => path.dirname(require.resolve(`${pkg}/package.json`));

/**
 * Noto Sans (TTF; .woff2 crashes fontkit on accented text) covers all of Latin, including the
 * Vietnamese diacritics of names such as Nguyên Hoàng Nguyên. Builds may read only these folders.
 */
export const FONT_DIR = folderOf('@expo-google-fonts/noto-sans');
const SYMBOLS_DIR = folderOf('@expo-google-fonts/noto-sans-symbols');
const SYMBOLS_2_DIR = folderOf('@expo-google-fonts/noto-sans-symbols-2');
const MATH_DIR = folderOf('@expo-google-fonts/noto-sans-math');
export const FONT_DIRS: readonly string[] = [FONT_DIR, SYMBOLS_DIR, SYMBOLS_2_DIR, MATH_DIR];

export const FONT_FAMILY = 'NotoSans';

interface FontFiles {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

const only = (file: string): FontFiles => ({ normal: file, bold: file, italics: file, bolditalics: file });

/**
 * pdfmake has no per-glyph fallback: text is cut into runs of the first family of this chain
 * that has every glyph of the run (textRuns.ts). Noto Sans Symbols (arrows, ♀ ♂, ☉…) has a bold;
 * Symbols 2 (✓ ✗ ☐ ☑ ★ ⚠…) and Math (≤ ≥ ≠ ∞ ⇒…) have one weight, used for every style.
 */
export const FONT_CHAIN = [FONT_FAMILY, 'NotoSansSymbols', 'NotoSansSymbols2', 'NotoSansMath'] as const;
export type FontFamily = (typeof FONT_CHAIN)[number];

export const FONTS: Record<FontFamily, FontFiles> = {
  NotoSans: {
    normal: path.join(FONT_DIR, '400Regular', 'NotoSans_400Regular.ttf'),
    bold: path.join(FONT_DIR, '700Bold', 'NotoSans_700Bold.ttf'),
    italics: path.join(FONT_DIR, '400Regular_Italic', 'NotoSans_400Regular_Italic.ttf'),
    bolditalics: path.join(FONT_DIR, '700Bold_Italic', 'NotoSans_700Bold_Italic.ttf'),
  },
  NotoSansSymbols: {
    normal: path.join(SYMBOLS_DIR, '400Regular', 'NotoSansSymbols_400Regular.ttf'),
    bold: path.join(SYMBOLS_DIR, '700Bold', 'NotoSansSymbols_700Bold.ttf'),
    italics: path.join(SYMBOLS_DIR, '400Regular', 'NotoSansSymbols_400Regular.ttf'),
    bolditalics: path.join(SYMBOLS_DIR, '700Bold', 'NotoSansSymbols_700Bold.ttf'),
  },
  NotoSansSymbols2: only(path.join(SYMBOLS_2_DIR, '400Regular', 'NotoSansSymbols2_400Regular.ttf')),
  NotoSansMath: only(path.join(MATH_DIR, '400Regular', 'NotoSansMath_400Regular.ttf')),
};

/** True only for files inside the font folders, after resolving `..` segments. */
export function isFontPath(candidate: string): boolean {
  const resolved = path.resolve(candidate);
  return FONT_DIRS.some((dir) => resolved.startsWith(dir + path.sep));
}
