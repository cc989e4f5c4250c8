import type { ApiError } from '../../../shared/api/apiContract';
import { isAppError } from '../../../shared/errors/AppError';
import { LIMITS } from '../../../shared/schemas/common';
import { decodeUtf8 } from '../../../shared/text/decodeUtf8';

const MIB = 1024 * 1024;

/** What is read of a picked file: a File, or anything shaped like one in a test. */
export interface PickedBlob {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type PickedFile = { ok: true; name: string; text: string } | { ok: false; error: ApiError };

export interface PickOptions {
  /** The error code for a file over the limit; its message gets {{file}}, {{size}} and {{limit}} (MB). */
  tooLargeCode: string;
  /** The name the messages use (defaults to the file's own). */
  name?: string;
  maxBytes?: number;
}

/**
 * A picked file's text, or the error to show: too large is refused before its bytes are read,
 * and bytes that are not UTF-8 are refused with the line and column of the first bad one
 * (File.text() would turn them into U+FFFD without a word).
 */
export async function readPickedFile(file: PickedBlob, options: PickOptions): Promise<PickedFile> {
  const name = options.name ?? file.name;
  const maxBytes = options.maxBytes ?? LIMITS.importFileBytes;
  if (file.size > maxBytes) {
    const size = Math.round((file.size / MIB) * 10) / 10;
    return { ok: false, error: { code: options.tooLargeCode, params: { file: name, size, limit: maxBytes / MIB }, problems: [] } };
  }
  try {
    return { ok: true, name, text: decodeUtf8(new Uint8Array(await file.arrayBuffer()), name) };
  } catch (caught) {
    if (!isAppError(caught)) throw caught;
    return { ok: false, error: { code: caught.code, params: caught.params, problems: [] } };
  }
}
