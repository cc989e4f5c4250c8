// First, before fontkit is loaded: the parses made here are then the ones pdfkit gets (see the file).
import './shareParsedFonts';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { FONTS } from './fonts';
import { fontCoverage } from './fontCoverage';

const require = createRequire(import.meta.url);

/**
 * Parses every font file and decodes the tables text layout reads (fontkit decodes them on first
 * use), so a build worker does it while it waits for its first job rather than inside it. The
 * parsed fonts are the ones every later document of the thread shares (shareParsedFonts.ts), as
 * in any warm build: the bytes a build gives do not depend on it.
 */
export function warmFonts(): void {
  fontCoverage();
  const fontkit = require('fontkit') as { create(buffer: Uint8Array): { layout(text: string): unknown } };
  for (const file of new Set(Object.values(FONTS).flatMap((files) => Object.values(files)))) {
    fontkit.create(fs.readFileSync(file)).layout('Aé fi');
  }
}
