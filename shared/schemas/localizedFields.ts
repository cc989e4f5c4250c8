import type { LocalizedDoc } from './common';
import type { LibraryDocument } from './libraryDocument';

/** One localized field of one piece in an exchange document (sections are pieces of their own). */
export interface LocalizedField {
  pieceId: string;
  field: string;
  value: LocalizedDoc;
}

/**
 * Every localized text of a document, with the piece and field it is stored under: the same
 * names the store writes (LibraryStore.write*), so a document and the texts table can be matched.
 */
export function* localizedFields(doc: LibraryDocument): Generator<LocalizedField> {
  const of = function* (pieceId: string, fields: Record<string, LocalizedDoc | null>) {
    for (const [field, value] of Object.entries(fields)) if (value) yield { pieceId, field, value };
  };
  for (const s of doc.sources) yield* of(s.id, { title: s.title });
  for (const c of doc.countries) yield* of(c.code, { formalName: c.formalName });
  for (const n of doc.networks) yield* of(n.id, { name: n.name, ofName: n.ofName, acronym: n.acronym });
  for (const m of doc.meetings) yield* of(m.id, { title: m.title, theme: m.theme, place: m.place });
  for (const p of doc.priorities) yield* of(p.id, { title: p.title, body: p.body });
  for (const i of doc.instruments) {
    yield* of(i.id, { shortName: i.shortName, officialTitle: i.officialTitle, adoptingBody: i.adoptingBody, summary: i.summary });
  }
  for (const n of doc.notes) yield* of(n.id, { title: n.title, body: n.body });
  for (const p of doc.packs) {
    yield* of(p.id, { title: p.title, subtitle: p.subtitle, audience: p.audience, classification: p.classification, watermark: p.watermark });
    for (const s of p.sections) yield* of(s.id, { title: s.title, text: s.text });
  }
}
