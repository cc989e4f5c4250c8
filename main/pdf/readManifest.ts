import { decodePDFRawStream, PDFArray, PDFDict, type PDFDocument, PDFName, PDFRawStream, PDFString, PDFHexString } from 'pdf-lib';
import { AppError } from '../../shared/errors/AppError';
import { buildManifestSchema, MANIFEST_FILE_NAME, type BuildManifest } from '../../shared/schemas/buildManifest';
import { manifestContentHash } from './buildManifest';
import { loadInspectedPdf } from './loadInspectedPdf';

/**
 * The manifest a PDF carries, checked: its schema, then its own hash (an edited manifest is
 * named as such). Needs no library: everything is in the file.
 */
export async function readManifest(file: string): Promise<BuildManifest> {
  // An encrypted file's manifest (an embedded file, its streams encrypted) cannot be read: named as such.
  const pdf = await loadInspectedPdf(file, 'inspect.encryptedManifest');
  const text = attachment(pdf, MANIFEST_FILE_NAME);
  if (text === null) throw new AppError('inspect.noManifest', { file, name: MANIFEST_FILE_NAME });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('inspect.badManifest', { file, detail: 'JSON' });
  }
  const parsed = buildManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('inspect.badManifest', { file, detail: issue.path.join('.') || '(root)' });
  }
  const actual = manifestContentHash(parsed.data);
  if (actual !== parsed.data.contentHash) throw new AppError('inspect.tampered', { file, expected: parsed.data.contentHash, actual });
  return parsed.data;
}

function attachment(pdf: PDFDocument, name: string): string | null {
  const names = pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const files = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const list = files?.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (!list) return null;
  for (let i = 0; i + 1 < list.size(); i += 2) {
    const key = list.lookup(i);
    const label = key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : null;
    if (label !== name) continue;
    const spec = list.lookup(i + 1, PDFDict);
    const stream = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
    if (!(stream instanceof PDFRawStream)) return null;
    return new TextDecoder().decode(decodePDFRawStream(stream).decode());
  }
  return null;
}
