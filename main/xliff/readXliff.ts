import type { XmlElement as Element } from './xmlTree';
import { AppError } from '../../shared/errors/AppError';
import { parseXml } from './parseXml';
import { readUnit } from './readUnit';
import { attribute, childElements, lineOf } from './xmlElements';
import { READABLE_VERSIONS, XLIFF_NS } from './xliffNames';
import type { XliffDocumentIn, XliffUnitIn } from './xliffTypes';

const MIB = 1024 * 1024;
/** Far above any library's texts, low enough that a wrong file is refused before it is parsed. */
export const XLIFF_MAX_BYTES = 32 * MIB;

/**
 * Every unit of an XLIFF 2.0 (or 2.1) document as text with its markup restored. Throws AppError
 * (errors:xliff.*) for anything that is not a readable XLIFF 2 file; nothing is read partially.
 */
export function readXliff(xml: string): XliffDocumentIn {
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  checkSize(text);
  if (text.trim() === '') throw new AppError('xliff.empty');

  const root = parseXml(text).documentElement;
  if (!root) throw new AppError('xliff.empty');
  checkRoot(root);
  const srcLang = language(root, 'srcLang');
  const trgLang = language(root, 'trgLang');

  const units: XliffUnitIn[] = [];
  const fileIds = new Set<string>();
  for (const file of childElements(root, 'file')) {
    const fileId = attribute(file, 'id');
    if (fileId === null || fileId.trim() === '') throw new AppError('xliff.fileWithoutId', { line: lineOf(file) });
    if (fileIds.has(fileId)) throw new AppError('xliff.duplicateFileId', { file: fileId, line: lineOf(file) });
    fileIds.add(fileId);
    const unitIds = new Set<string>();
    for (const unit of unitsOf(file)) {
      const unitId = attribute(unit, 'id');
      if (unitId === null || unitId.trim() === '') throw new AppError('xliff.unitWithoutId', { file: fileId, line: lineOf(unit) });
      if (unitIds.has(unitId)) throw new AppError('xliff.duplicateUnitId', { file: fileId, unit: unitId, line: lineOf(unit) });
      unitIds.add(unitId);
      units.push(readUnit(unit, fileId, unitId));
    }
  }
  if (units.length === 0) throw new AppError('xliff.noUnits');
  return { srcLang, trgLang, units };
}

function checkSize(text: string): void {
  // UTF-8 needs at least one byte per UTF-16 unit, so a long string is refused without counting.
  const bytes = text.length > XLIFF_MAX_BYTES ? text.length : Buffer.byteLength(text, 'utf8');
  if (bytes > XLIFF_MAX_BYTES) {
    throw new AppError('xliff.tooLarge', { size: Math.round((bytes / MIB) * 10) / 10, limit: XLIFF_MAX_BYTES / MIB });
  }
}

function checkRoot(root: Element): void {
  if (root.localName !== 'xliff') throw new AppError('xliff.notXliff', { element: root.nodeName });
  const version = attribute(root, 'version') ?? '';
  const namespace = root.namespaceURI ?? '';
  if (namespace === XLIFF_NS) {
    if (version === '' || READABLE_VERSIONS.includes(version)) return;
    throw new AppError('xliff.unsupportedVersion', { version });
  }
  // XLIFF 1.x (with or without its namespace) and later major versions have their own namespace.
  const namespaceVersion = /^urn:oasis:names:tc:xliff:document:(\d+\.\d+)$/.exec(namespace)?.[1];
  if (namespaceVersion || version.startsWith('1.')) throw new AppError('xliff.unsupportedVersion', { version: version || namespaceVersion! });
  throw new AppError('xliff.notXliff', { element: `${root.nodeName} xmlns="${namespace}"` });
}

function language(root: Element, name: 'srcLang' | 'trgLang'): string {
  const value = attribute(root, name);
  if (value === null || value.trim() === '') throw new AppError('xliff.missingLanguage', { attribute: name });
  return value;
}

/** Units in document order, including those inside (nested) <group>s; without recursion. */
function unitsOf(parent: Element): Element[] {
  const out: Element[] = [];
  const stack = childElements(parent).reverse();
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.localName === 'unit') out.push(el);
    else if (el.localName === 'group') stack.push(...childElements(el).reverse());
  }
  return out;
}
