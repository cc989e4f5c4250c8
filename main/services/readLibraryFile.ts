import fs from 'node:fs';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { AppError } from '../../shared/errors/AppError';
import { LIMITS } from '../../shared/schemas/common';
import { decodeUtf8 } from '../../shared/text/decodeUtf8';

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

