import type { Locale } from '../../shared/domain/locales';
import type { Translate } from '../../shared/locales/createTranslator';
import type { LibraryDocument, NoteDoc, PackDoc, SourceDoc } from '../../shared/schemas/libraryDocument';
import { countryName } from '../../shared/domain/countryName';
import { formatDate, formatDateRange, formatPartialDate } from '../../shared/domain/formatDates';
import { documentLine, type DocumentLine } from '../../shared/domain/documentLine';
import { instrumentFacts, memberOfLabel, relatedInstrumentsLabel, roadmapPrioritiesLabel } from '../../shared/domain/documentLabels';
import type { EditionText, EditionTexts } from './EditionTexts';
import { numberParagraphs, type ParagraphNumbers } from './paragraphNumbers';
import { LIST_SLOT, headingTargets, sourceEntryId, withLinkedList, type LinePart } from './crossReferences';
import { coverStatus, statusNote, type EditionStatus, type StatusNote } from './editionStatus';
import { markedText } from './statusMarks';
import { countryRole, countryTableHeader, sortCountries, type CountryTable, type RoleContext } from './countryTable';

/**
 * One edition of a pack as a flat list of blocks. Every edition of a pack has the same blocks in
 * the same order (structure comes from the pack, never from a language), which is what lets the
 * parallel edition put block i of EN, FR and ES on one row.
 */
export type Block =
  | { kind: 'sectionHeading'; id: string; text: EditionText }
  | { kind: 'itemHeading'; id: string; parentId: string; text: EditionText; sourceMarks: number[] }
  | { kind: 'subHeading'; text: EditionText }
  | { kind: 'officialTitle'; text: EditionText }
  /** `parts`, when some of the line links to a heading of the document (crossReferences.ts). */
  | { kind: 'meta'; text: string; parts?: LinePart[] }
  | { kind: 'markdown'; text: EditionText; paragraphs?: ParagraphNumbers }
  | { kind: 'sourcesHeading'; text: string }
  | { kind: 'sourceNote'; id: string; number: number; title: EditionText; citation: string; url: string | null }
  | { kind: 'countryTable'; parentId: string; table: CountryTable; sourceMarks: number[] };

export interface CoverModel {
  network: EditionText | null;
  meeting: EditionText | null;
  meetingLine: string | null;
  title: EditionText;
  subtitle: EditionText | null;
  audience: EditionText | null;
  classification: EditionText | null;
  /** The original language, and the translation status when the edition is not all approved. */
  status: string[];
}

export interface EditionModel {
  locale: Locale;
  cover: CoverModel;
  blocks: Block[];
  status: EditionStatus;
  /** What the edition says about its translation, with the legend of its marks; null when nothing to say. */
  statusNote: StatusNote | null;
  /** Plain strings for metadata and running headers (with their marks). */
  title: string;
  classification: string | null;
  /** The pack's watermark in this edition's language. */
  watermark: string | null;
  /** Reference, version and date of issue, for the cover and the running header. */
  documentLine: DocumentLine | null;
  subject: string | null;
  author: string | null;
  keywords: string[];
}

const plain = (text: string): EditionText => ({ text, fallback: null });

export interface EditionModelOptions {
  /**
   * Whose alphabetical order the country profiles follow (the country table always follows the
   * edition's): the side-by-side edition needs one order in its three columns.
   */
  profileOrder?: Locale;
}

export function buildEditionModel(
  doc: LibraryDocument,
  pack: PackDoc,
  texts: EditionTexts,
  t: Translate,
  options: EditionModelOptions = {},
): EditionModel {
  const locale = texts.locale;
  texts.staleMark = t('pdf:status.staleMark');
  const meeting = doc.meetings.find((m) => m.id === pack.meetingId) ?? null;
  const network = meeting ? (doc.networks.find((n) => n.id === meeting.networkId) ?? null) : null;
  const networkName = network ? texts.get(network.name, network.id, 'name') : null;
  const place = meeting ? texts.get(meeting.place, meeting.id, 'place') : null;
  const title = texts.get(pack.title, pack.id, 'title') ?? plain(pack.slug);
  const classification = pack.classification ? texts.get(pack.classification, pack.id, 'classification') : null;
  const meetingTitle = meeting ? texts.get(meeting.title, meeting.id, 'title') : null;
  const cover: CoverModel = {
    network: networkName,
    meeting: meetingTitle,
    meetingLine: meeting
      ? t('pdf:meetingLine', {
          dates: formatDateRange(meeting.startDate, meeting.endDate, locale),
          place: place?.text ?? '',
        })
      : null,
    title,
    subtitle: pack.subtitle ? texts.get(pack.subtitle, pack.id, 'subtitle') : null,
    audience: pack.audience ? texts.get(pack.audience, pack.id, 'audience') : null,
    classification,
    status: [],
  };

  const priorities = new Map(doc.priorities.map((p) => [p.id, p]));
  const instruments = new Map(doc.instruments.map((i) => [i.id, i]));
  const notes = new Map(doc.notes.map((n) => [n.id, n]));
  const sources = new Map(doc.sources.map((s) => [s.id, s]));
  const countries = new Map(doc.countries.map((c) => [c.code, c]));
  const notesByCountry = new Map<string, NoteDoc[]>();
  for (const n of [...doc.notes].sort((a, b) => b.date.localeCompare(a.date))) {
    if (n.countryCode) notesByCountry.set(n.countryCode, [...(notesByCountry.get(n.countryCode) ?? []), n]);
  }
  const roles: RoleContext = {
    meeting,
    network,
    networks: doc.networks,
    memberOf: (n) =>
      // A name after "of" in another language would not fit this sentence: only this edition's.
      memberOfLabel(t, texts.get(n.name, n.id, 'name')?.text ?? n.id, n.ofName?.[locale] ? (texts.get(n.ofName, n.id, 'ofName')?.text ?? null) : null),
  };
  const nameOf = (code: string, l: Locale) => {
    const c = countries.get(code)!;
    // Without a formal name in this language, Intl's name is right: nothing is missing.
    const formal = c.formalName?.[l] ? (l === locale ? texts.get(c.formalName, c.code, 'formalName') : c.formalName[l]!) : null;
    return formal?.text ?? countryName(c.code, l);
  };
  const shortName = (id: string) => {
    const i = instruments.get(id);
    return i ? (texts.get(i.shortName, i.id, 'shortName')?.text ?? id) : id;
  };

  const targets = headingTargets(pack);
  /** A meta line whose list items link to their headings in this pack (when it has them). */
  const linkedMeta = (label: string, items: LinePart[]): Block => {
    const parts = withLinkedList(label, items);
    return { kind: 'meta', text: parts.map((p) => p.text).join(''), parts };
  };
  const instrumentRef = (id: string): LinePart => ({ text: shortName(id), target: targets.get(`instrument:${id}`) });

  const blocks: Block[] = [];
  pack.sections.forEach((section, s) => {
    const sectionId = `section-${s + 1}`;
    const heading = texts.get(section.title, section.id, 'title') ?? plain(section.id);
    blocks.push({ kind: 'sectionHeading', id: sectionId, text: { ...heading, text: `${s + 1}. ${heading.text}` } });
    if (section.text) {
      const body = texts.get(section.text, section.id, 'text');
      if (body) blocks.push({ kind: 'markdown', text: body });
    }
    // Sources are numbered per section, in order of first citation.
    const cited: SourceDoc[] = [];
    const marksFor = (ids: readonly string[]) =>
      ids.flatMap((id) => {
        const source = sources.get(id);
        if (!source) return [];
        let index = cited.indexOf(source);
        if (index < 0) index = cited.push(source) - 1;
        return [index + 1];
      });
    // Numbered in order of first citation, listed in increasing order, each once.
    const marksOf = (ids: readonly string[]) => [...new Set(marksFor(ids))].sort((a, b) => a - b);

    let countriesDone = false;
    /** The section's country table, then the profiles of the countries that have notes. */
    const countryBlocks = (first: number) => {
      const items = section.items.flatMap((item, i) => (item.kind === 'country' && i >= first ? [{ code: item.ref, id: `${sectionId}-item-${i + 1}` }] : []));
      const rows = items.map(({ code, id }) => ({
        code,
        name: nameOf(code, locale),
        role: countryRole(code, roles, t),
        notes: (notesByCountry.get(code) ?? []).map((n) => ({ title: texts.get(n.title, n.id, 'title') ?? plain(n.id), target: id })),
        id,
      }));
      blocks.push({
        kind: 'countryTable',
        table: { header: countryTableHeader(meeting !== null, t), rows: sortCountries(rows, locale).map(({ id: _, ...row }) => row) },
        parentId: sectionId,
        sourceMarks: pack.options.sources ? marksOf(items.flatMap(({ code }) => countries.get(code)!.sources)) : [],
      });
      const profiles = rows.filter((r) => r.notes.length > 0).map((r) => ({ ...r, name: nameOf(r.code, options.profileOrder ?? locale) }));
      for (const row of sortCountries(profiles, options.profileOrder ?? locale)) {
        const c = countries.get(row.code)!;
        blocks.push({
          kind: 'itemHeading',
          id: row.id,
          parentId: sectionId,
          text: plain(nameOf(row.code, locale)),
          sourceMarks: pack.options.sources ? marksOf(c.sources) : [],
        });
        blocks.push({ kind: 'meta', text: row.role });
        for (const n of notesByCountry.get(row.code) ?? []) {
          blocks.push({ kind: 'subHeading', text: texts.get(n.title, n.id, 'title') ?? plain(n.id) });
          blocks.push({ kind: 'meta', text: formatDate(n.date, locale) });
          const body = texts.get(n.body, n.id, 'body');
          if (body) blocks.push({ kind: 'markdown', text: body });
        }
      }
    };

    section.items.forEach((item, i) => {
      const id = `${sectionId}-item-${i + 1}`;
      const head = (text: EditionText, sourceIds: readonly string[]) =>
        // Numbered in order of first citation, listed in increasing order.
        blocks.push({
          kind: 'itemHeading',
          id,
          parentId: sectionId,
          text,
          sourceMarks: pack.options.sources ? marksOf(sourceIds) : [],
        });
      switch (item.kind) {
        case 'priority': {
          const p = priorities.get(item.ref)!;
          const title = texts.get(p.title, p.id, 'title') ?? plain(p.id);
          head({ ...title, text: `${t('pdf:priority', { number: p.number })} — ${title.text}` }, p.sources);
          const body = texts.get(p.body, p.id, 'body');
          if (body) blocks.push({ kind: 'markdown', text: body });
          break;
        }
        case 'instrument': {
          const x = instruments.get(item.ref)!;
          head(texts.get(x.shortName, x.id, 'shortName') ?? plain(x.id), x.sources);
          const official = texts.get(x.officialTitle, x.id, 'officialTitle');
          if (official) blocks.push({ kind: 'officialTitle', text: official });
          const body = x.adoptingBody ? texts.get(x.adoptingBody, x.id, 'adoptingBody') : null;
          // The title's own noun picks the label's grammar; a title shown from another language does not.
          const titleNoun = official && !official.fallback ? official.text : null;
          blocks.push({ kind: 'meta', text: instrumentFacts(t, x.kind, x.yearAdopted, body?.text ?? null, titleNoun).join(' · ') });
          if (x.parentId) blocks.push(linkedMeta(t('pdf:supplements', { parent: LIST_SLOT }), [instrumentRef(x.parentId)]));
          const summary = texts.get(x.summary, x.id, 'summary');
          if (summary) blocks.push({ kind: 'markdown', text: summary });
          if (x.priorities.length > 0) {
            const served = x.priorities
              .flatMap((id) => {
                const p = priorities.get(id);
                return p ? [{ number: p.number, target: targets.get(`priority:${id}`) }] : [];
              })
              .sort((a, b) => a.number - b.number);
            blocks.push(
              linkedMeta(
                roadmapPrioritiesLabel(t, served.map((p) => p.number), LIST_SLOT),
                served.map((p) => ({ text: String(p.number), target: p.target })),
              ),
            );
          }
          break;
        }
        case 'note': {
          const n = notes.get(item.ref)!;
          head(texts.get(n.title, n.id, 'title') ?? plain(n.id), n.sources);
          const where = n.countryCode ? countryName(n.countryCode, locale, countries.get(n.countryCode)?.formalName) : null;
          blocks.push({ kind: 'meta', text: [formatDate(n.date, locale), where].filter(Boolean).join(' · ') });
          const body = texts.get(n.body, n.id, 'body');
          if (body) blocks.push({ kind: 'markdown', text: body });
          if (n.instruments.length > 0) {
            blocks.push(linkedMeta(relatedInstrumentsLabel(t, n.instruments.map(shortName), LIST_SLOT), n.instruments.map(instrumentRef)));
          }
          break;
        }
        case 'country':
          // All of a section's countries go together, at its first country (countryBlocks).
          if (!countriesDone) countryBlocks(i);
          countriesDone = true;
          break;
      }
    });

    if (pack.options.sources && cited.length > 0) {
      blocks.push({ kind: 'sourcesHeading', text: t('pdf:sources') });
      cited.forEach((source, index) => {
        const date = source.date ? formatPartialDate(source.date, locale) : null;
        blocks.push({
          kind: 'sourceNote',
          id: sourceEntryId(sectionId, index + 1),
          number: index + 1,
          title: texts.get(source.title, source.id, 'title') ?? plain(source.id),
          citation: [source.issuer, source.place, date].filter(Boolean).join(', '),
          url: source.url,
        });
      });
    }
  });

  if (pack.options.numberedParagraphs) numberParagraphs(blocks, doc);
  // Every text is picked by now: the report and the languages used are complete.
  const status: EditionStatus = {
    original: texts.originalLanguage(),
    draft: texts.report.draft.length,
    stale: texts.report.stale.length,
    fallbacks: [...texts.fallbacks].sort(),
  };
  const note = statusNote(status, locale, t, texts.staleMark);
  cover.status = coverStatus(status, locale, t, note);

  return {
    locale,
    cover,
    blocks,
    status,
    statusNote: note,
    title: markedText(title),
    classification: classification ? markedText(classification) : null,
    watermark: pack.watermark ? (texts.get(pack.watermark, pack.id, 'watermark')?.text ?? null) : null,
    documentLine: documentLine(t, pack, locale),
    subject: meetingTitle ? markedText(meetingTitle) : null,
    author: networkName ? markedText(networkName) : null,
    keywords: [pack.slug, ...(meeting ? [meeting.startDate.slice(0, 4)] : [])],
  };
}
