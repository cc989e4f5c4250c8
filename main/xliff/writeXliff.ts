import { escapeAttribute, escapeContent, escapeNote } from './escapeXml';
import { renderUnitContent } from './renderUnitContent';
import { GLS_NS, MDA_NS, META_GROUP_CATEGORY, MTC_NS, SOURCE_HASH_META, XLIFF_NS } from './xliffNames';
import type { XliffDocumentOut, XliffNote, XliffUnitOut } from './xliffTypes';

// XML NMTOKEN, which XLIFF requires of file and unit ids.
const NMTOKEN = /^[\p{L}\p{N}\p{Mn}\p{Mc}._:\-\u00B7\u203F\u2040]+$/u;

/**
 * An XLIFF 2.0 document, one <file> per file and one <unit> per text, indented two spaces.
 * The same input always gives the same bytes. Throws a plain Error for input the caller should
 * never build (an invalid or repeated id, no file, a file without units): bugs, not user errors.
 */
export function writeXliff(doc: XliffDocumentOut): string {
  if (doc.files.length === 0) throw new Error('An XLIFF document needs at least one file');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_NS}" xmlns:mda="${MDA_NS}"${enriched(doc) ? ` xmlns:gls="${GLS_NS}" xmlns:mtc="${MTC_NS}"` : ''} version="2.0" srcLang="${escapeAttribute(doc.srcLang)}" trgLang="${escapeAttribute(doc.trgLang)}">`,
  ];
  const fileIds = new Set<string>();
  for (const file of doc.files) {
    checkId(file.id, fileIds, 'file');
    if (file.units.length === 0) throw new Error(`XLIFF file "${file.id}" has no units; XLIFF requires at least one`);
    lines.push(`  <file id="${escapeAttribute(file.id)}" xml:space="preserve">`);
    lines.push(...notes(file.notes, '    '));
    const unitIds = new Set<string>();
    for (const unit of file.units) {
      checkId(unit.id, unitIds, `unit in file "${file.id}"`);
      lines.push(...unitLines(unit));
    }
    lines.push('  </file>');
  }
  lines.push('</xliff>', '');
  return lines.join('\n');
}

function unitLines(unit: XliffUnitOut): string[] {
  const content = renderUnitContent(unit.source, unit.target);
  // A state past 'initial' claims a translation exists; without a target that would mislead tools.
  const state = unit.target === null ? 'initial' : unit.state;
  const lines = [
    `    <unit id="${escapeAttribute(unit.id)}">`,
    '      <mda:metadata>',
    `        <mda:metaGroup category="${META_GROUP_CATEGORY}">`,
    `          <mda:meta type="${SOURCE_HASH_META}">${escapeContent(unit.sourceHash)}</mda:meta>`,
    '        </mda:metaGroup>',
    '      </mda:metadata>',
    // Modules come before the core's notes, as the XLIFF 2.0 schema orders a unit's children.
    ...candidateLines(unit),
    ...glossaryLines(unit),
    ...notes(unit.notes, '      '),
  ];
  // A candidate points at the segment it is for; segments get ids only where one is needed.
  let segmentNumber = 0;
  const segmentId = () => (unit.candidates && unit.candidates.length > 0 ? ` id="s${++segmentNumber}"` : '');
  if (content.data.length > 0) {
    lines.push('      <originalData>');
    for (const [id, value] of content.data) lines.push(`        <data id="${id}">${escapeContent(value)}</data>`);
    lines.push('      </originalData>');
  }
  for (const part of content.parts) {
    lines.push(part.kind === 'segment' ? `      <segment${segmentId()} state="${state}">` : '      <ignorable>');
    lines.push(`        <source>${part.source}</source>`);
    if (part.target !== null) lines.push(`        <target>${part.target}</target>`);
    lines.push(part.kind === 'segment' ? '      </segment>' : '      </ignorable>');
  }
  lines.push('    </unit>');
  return lines;
}

function enriched(doc: XliffDocumentOut): boolean {
  return doc.files.some((f) => f.units.some((u) => (u.glossary?.length ?? 0) > 0 || (u.candidates?.length ?? 0) > 0));
}

/** Memory matches for the whole unit, referring to its first segment. */
function candidateLines(unit: XliffUnitOut): string[] {
  if (!unit.candidates || unit.candidates.length === 0) return [];
  return [
    '      <mtc:matches>',
    ...unit.candidates.flatMap((c) => [
      `        <mtc:match ref="#s1" type="tm" similarity="${Math.max(0, Math.min(100, Math.round(c.similarity)))}" origin="${escapeAttribute(c.origin)}">`,
      `          <source>${escapeContent(c.source)}</source>`,
      `          <target>${escapeContent(c.target)}</target>`,
      '        </mtc:match>',
    ]),
    '      </mtc:matches>',
  ];
}

function glossaryLines(unit: XliffUnitOut): string[] {
  if (!unit.glossary || unit.glossary.length === 0) return [];
  return [
    '      <gls:glossary>',
    ...unit.glossary.flatMap((g) => [
      '        <gls:glossEntry>',
      `          <gls:term source="termbase">${escapeNote(g.term)}</gls:term>`,
      ...g.translations.map((t) => `          <gls:translation source="termbase">${escapeNote(t)}</gls:translation>`),
      ...(g.definition !== null ? [`          <gls:definition source="termbase">${escapeNote(g.definition)}</gls:definition>`] : []),
      '        </gls:glossEntry>',
    ]),
    '      </gls:glossary>',
  ];
}

function notes(list: readonly XliffNote[], indent: string): string[] {
  if (list.length === 0) return [];
  return [
    `${indent}<notes>`,
    ...list.map((note) => {
      const category = note.category === undefined ? '' : ` category="${escapeAttribute(note.category)}"`;
      return `${indent}  <note${category}>${escapeNote(note.text)}</note>`;
    }),
    `${indent}</notes>`,
  ];
}

function checkId(id: string, seen: Set<string>, what: string): void {
  if (!NMTOKEN.test(id)) throw new Error(`"${id}" cannot be the id of an XLIFF ${what}: use letters, digits, "-", "_", "." or ":"`);
  if (seen.has(id)) throw new Error(`The id "${id}" is used twice for an XLIFF ${what}`);
  seen.add(id);
}
