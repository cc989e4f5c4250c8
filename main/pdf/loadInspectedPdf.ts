import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { AppError } from '../../shared/errors/AppError';

/**
 * A PDF named on the command line, loaded for `briefing inspect`: a file that cannot be read, is
 * not a PDF, or is encrypted (pdf-lib cannot decrypt; whatever it read would be garbage) is named
 * as such. `encrypted`: the message for an encrypted file, which says what cannot be read.
 */
export async function loadInspectedPdf(file: string, encrypted: 'inspect.encrypted' | 'inspect.encryptedManifest'): Promise<PDFDocument> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new AppError('inspect.unreadable', { file, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  if (bytes.subarray(0, 1024).indexOf('%PDF-') < 0) throw new AppError('inspect.notPdf', { file });
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true, ignoreEncryption: true });
  } catch {
    // pdf-lib cannot parse encrypted object streams: a trailer's /Encrypt still names the cause.
    throw new AppError(bytes.includes('/Encrypt') ? encrypted : 'inspect.notPdf', { file });
  }
  if (pdf.isEncrypted) throw new AppError(encrypted, { file });
  return pdf;
}
