import fs from 'node:fs';
import { AppError } from '../../shared/errors/AppError';
import { LIMITS } from '../../shared/schemas/common';

const MB = 1024 * 1024;

/** Reads and JSON-parses an import file, refusing oversized files before reading them. */
export function readLibraryFile(file: string): unknown {
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
  const text = fs.readFileSync(file, 'utf8');
  return parseJsonText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file);
}

export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    let detail = message;
    if (position) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      detail = `${message} (line ${line}, column ${column})`;
    }
    throw new AppError('import.malformedJson', { file, detail });
  }
}
