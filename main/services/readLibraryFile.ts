import fs from 'node:fs';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { AppError } from '../../shared/errors/AppError';
import { LIMITS } from '../../shared/schemas/common';

const MB = 1024 * 1024;

/** Reads and JSON-parses an import file, refusing oversized files before reading them. */
export function readLibraryFile(file: string): unknown {
  return parseJsonText(readImportText(file), file);
}

/** An import file's text (library JSON, XLIFF), checked for size before it is read; no BOM. */
export function readImportText(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('import.fileNotFound', { file });
  }
  if (!stat.isFile()) throw new AppError('import.notAFile', { file });
  if (stat.size > LIMITS.importFileBytes) {
    throw new AppError('import.fileTooLarge', {
      file,
      size: Math.round((stat.size / MB) * 10) / 10,
      limit: LIMITS.importFileBytes / MB,
    });
  }
  const text = decodeUtf8(fs.readFileSync(file), file);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The file's bytes as text, refusing invalid UTF-8 with the line and column of the first bad
 * byte: a silent U+FFFD would change the user's text without anyone noticing.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
    let line = 1;
    for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
    const column = [...new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset))].length + 1;
    throw new AppError('import.invalidUtf8', { file, line, column, offset });
  }
}

/** The offset of the first byte that does not begin a valid UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    if (i + length > bytes.length) return i;
    let cp = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += length;
  }
  return bytes.length;
}

export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // V8's messages often lack a position and quote the source; jsonc-parser locates the fault
    // and names it with a code that errors:jsonProblem translates.
    const errors: ParseError[] = [];
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const offset = first?.offset ?? text.length;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const problem = first ? printParseErrorCode(first.error) : 'InvalidSymbol';
    throw new AppError('import.malformedJson', { file, line, column, problem });
  }
}

