import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

/**
 * pdfkit parses each font file anew for every document (fontkit.create), and parsing Noto Sans's
 * layout tables was the largest single cost of a warm build in the profile. Parsed fonts are
 * immutable for pdfkit's purposes (each document keeps its own subset and layout cache), so one
 * parsed font per file content is shared by every later document in this thread.
 *
 * fontkit's exports cannot be redefined, so its module-cache entry is replaced by a copy whose
 * `create` is memoized. This module must be imported before pdfmake (which loads pdfkit, which
 * captures fontkit's exports when it loads).
 */
const require = createRequire(import.meta.url);
const entry = require.cache[require.resolve('fontkit')] ?? (require('fontkit'), require.cache[require.resolve('fontkit')]);
if (entry) {
  const real = entry.exports as { create: (buffer: Uint8Array, postscriptName?: string) => unknown };
  const parsed = new Map<string, unknown>();
  entry.exports = {
    ...real,
    create(buffer: Uint8Array, postscriptName?: string) {
      const key = `${createHash('sha1').update(buffer).digest('hex')}:${postscriptName ?? ''}`;
      let font = parsed.get(key);
      if (font === undefined) parsed.set(key, (font = real.create(buffer, postscriptName)));
      return font;
    },
  };
}
