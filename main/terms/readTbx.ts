import { AppError } from '../../shared/errors/AppError';
import { isLocale, type Locale } from '../../shared/domain/locales';
import type { Concept, Term, TermStatus } from '../../shared/terms/termTypes';
import { CONCEPT_ID, TERM_LIMITS } from '../../shared/terms/termLimits';
import { parseXml } from '../xliff/parseXml';
import { ELEMENT_NODE, type XmlElement } from '../xliff/xmlTree';
import { attribute, lineOf } from '../xliff/xmlElements';
import { blankStandardDoctype } from '../xliff/blankStandardDoctype';
import { STATUS_OF_VALUE, TBX_V2, TBX_V3 } from './tbxNames';

const MIB = 1024 * 1024;
/** A termbase of many thousand concepts is a few MB: anything far larger is not one. */
export const TBX_MAX_BYTES = 32 * MIB;

type Names = typeof TBX_V3 | typeof TBX_V2;

/**
 * The concepts of a TBX file (TBX v3 TBX-Basic, or the v2 `martif` files older tools write), as
 * drafts: a file's claim is not a review. Throws AppError (errors:tbx.*) naming what is wrong and
 * where for anything it cannot take whole; nothing is read partially.
 */
export function readTbx(xml: string): Concept[] {
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  const bytes = text.length > TBX_MAX_BYTES ? text.length : Buffer.byteLength(text, 'utf8');
  if (bytes > TBX_MAX_BYTES) throw new AppError('tbx.tooLarge', { size: Math.round((bytes / MIB) * 10) / 10, limit: TBX_MAX_BYTES / MIB });
  if (text.trim() === '') throw new AppError('tbx.empty');
  const root = parseXml(blankStandardDoctype(text), { format: 'tbx', refuseDoctype: true }).documentElement;
  if (!root) throw new AppError('tbx.empty');
  const names: Names | null = root.localName === TBX_V3.root ? TBX_V3 : root.localName === TBX_V2.root ? TBX_V2 : null;
  if (!names) throw new AppError('tbx.notTbx', { element: root.nodeName });
  const ns = root.namespaceURI;
  const named = (e: XmlElement, ...local: readonly string[]) => e.namespaceURI === ns && local.includes(e.localName);
  const children = (parent: XmlElement, ...local: readonly string[]) => {
    const out: XmlElement[] = [];
    for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT_NODE && named(n, ...local)) out.push(n);
    return out;
  };
  const typed = (parent: XmlElement, local: string, type: string) =>
    children(parent, local).find((e) => attribute(e, 'type') === type);
  const body = children(root, 'text').flatMap((t) => children(t, 'body'));

  const concepts: Concept[] = [];
  const seen = new Map<string, number>();
  const unnamed = new Set<number>();
  for (const entry of body.flatMap((b) => children(b, names.concept))) {
    const line = lineOf(entry);
    // TBX 2008 makes a termEntry's id optional, and some tools leave it out: such an entry is
    // named after its first term once all given ids are known (below); until then, by its line.
    const given = attribute(entry, 'id');
    const id = given === null ? `line-${line}` : given.trim();
    if (given !== null) {
      if (!CONCEPT_ID.test(id)) throw new AppError('tbx.badConceptId', { id: id || '—', line });
      if (seen.has(id)) throw new AppError('tbx.duplicateConcept', { id, line, first: seen.get(id)! });
      seen.set(id, line);
    } else unnamed.add(concepts.length);
    const field = (value: string | undefined, what: string, limit: number, at: number) => {
      const v = value?.trim() ?? '';
      if (v.length > limit) throw new AppError('tbx.tooLong', { what, concept: id, line: at, limit });
      return v === '' ? null : v;
    };
    // Notes may sit in a descripGrp or an adminGrp beside their data category; MultiTerm and
    // memoQ put the definition and its source in a language section when the concept has none.
    const sections = children(entry, names.language);
    const grouped = [entry, ...children(entry, 'descripGrp', 'adminGrp')];
    for (const section of sections) grouped.push(section, ...children(section, 'descripGrp', 'adminGrp'));
    const first = (local: string, type: string) => grouped.map((g) => typed(g, local, type)).find((e) => e !== undefined);
    const definition = first('descrip', 'definition') ?? grouped.flatMap((g) => children(g, 'note'))[0];
    const sourceElement = first('admin', 'source') ?? first('descrip', 'source');
    const subjectElement = first('descrip', 'subjectField');
    const concept: Concept = {
      id,
      subject: field(subjectElement?.textContent, 'subjectField', TERM_LIMITS.subject, subjectElement ? lineOf(subjectElement) : line),
      note: field(definition?.textContent, 'definition', TERM_LIMITS.note, definition ? lineOf(definition) : line),
      source: field(sourceElement?.textContent, 'source', TERM_LIMITS.source, sourceElement ? lineOf(sourceElement) : line),
      terms: [],
    };
    for (const section of sections) {
      const tag = attribute(section, 'xml:lang') ?? '';
      const locale = tag.split(/[-_]/)[0]!.toLowerCase();
      if (!isLocale(locale)) throw new AppError('tbx.unknownLanguage', { language: tag || '—', concept: id, line: lineOf(section) });
      for (const holder of children(section, ...names.term)) concept.terms.push(readTerm(holder, locale, id, children, field));
    }
    const keys = new Set<string>();
    for (const term of concept.terms) {
      const key = `${term.locale}\u0000${term.text}`;
      if (keys.has(key)) throw new AppError('tbx.duplicateTerm', { term: term.text, language: term.locale, concept: id, line });
      keys.add(key);
    }
    if (concept.terms.length === 0) throw new AppError('tbx.noTerms', { concept: id, line });
    concepts.push(concept);
  }
  if (concepts.length === 0) throw new AppError('tbx.noConcepts');
  for (const at of unnamed) {
    const concept = concepts[at]!;
    const base = idFromTerm(concept.terms[0]!.text);
    let id = base;
    for (let n = 2; seen.has(id); n++) id = `${base}-${n}`;
    seen.set(id, 0);
    concepts[at] = { ...concept, id };
  }
  return concepts;
}

/** "Trata de seres humanos" → "trata-de-seres-humanos": an id a re-import of the same file finds again. */
function idFromTerm(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug === '' ? 'concept' : slug;
}

function readTerm(
  holder: XmlElement,
  locale: Locale,
  concept: string,
  children: (parent: XmlElement, ...local: string[]) => XmlElement[],
  field: (value: string | undefined, what: string, limit: number, at: number) => string | null,
): Term {
  // An ntig holds its term and term notes in a termGrp.
  const parts = [holder, ...children(holder, 'termGrp')];
  const termElement = parts.flatMap((p) => children(p, 'term'))[0];
  const line = lineOf(termElement ?? holder);
  const text = termElement?.textContent.replace(/\s+/g, ' ').trim() ?? '';
  if (text === '') throw new AppError('tbx.emptyTerm', { concept, language: locale, line });
  if (text.length > TERM_LIMITS.term) throw new AppError('tbx.tooLong', { what: 'term', concept, line, limit: TERM_LIMITS.term });
  const notes = parts.flatMap((p) => children(p, 'termNote'));
  const statusNote = notes.find((n) => ['administrativeStatus', 'normativeAuthorization'].includes(attribute(n, 'type') ?? ''));
  let status: TermStatus = 'admitted';
  if (statusNote) {
    const value = statusNote.textContent.trim();
    const known = STATUS_OF_VALUE[value];
    if (!known) throw new AppError('tbx.unknownStatus', { value: value || '—', concept, line: lineOf(statusNote) });
    status = known;
  }
  const note = parts.flatMap((p) => children(p, 'note'))[0];
  return {
    locale,
    text,
    status,
    note: field(note?.textContent, 'note', TERM_LIMITS.note, note ? lineOf(note) : line),
    approval: 'draft',
    approvedBy: null,
    approvedAt: null,
  };
}
