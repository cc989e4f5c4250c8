import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Noto Sans (TTF; .woff2 crashes fontkit on accented text) covers all of Latin, including the
 * Vietnamese diacritics of names such as Nguyên Hoàng Nguyên. Builds may read only this folder.
 */
export const FONT_DIR = path.dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));

export const FONT_FAMILY = 'NotoSans';

export const FONTS = {
  [FONT_FAMILY]: {
    normal: path.join(FONT_DIR, '400Regular', 'NotoSans_400Regular.ttf'),
    bold: path.join(FONT_DIR, '700Bold', 'NotoSans_700Bold.ttf'),
    italics: path.join(FONT_DIR, '400Regular_Italic', 'NotoSans_400Regular_Italic.ttf'),
    bolditalics: path.join(FONT_DIR, '700Bold_Italic', 'NotoSans_700Bold_Italic.ttf'),
  },
};

/** True only for files inside the font folder, after resolving `..` segments. */
export function isFontPath(candidate: string): boolean {
  const resolved = path.resolve(candidate);
  return resolved.startsWith(FONT_DIR + path.sep);
}
