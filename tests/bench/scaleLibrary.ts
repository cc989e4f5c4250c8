import type { LibraryDocument, NoteDoc, PackDoc } from '../../shared/schemas/libraryDocument';

const COUNTRY_COPIES = 13;

/**
 * The starter library scaled `factor` times: every priority, instrument and note copied with new
 * ids (links remapped to the copies), each development note also filed under 13 member countries, and one pack
 * `large-<factor>x` that lists everything. Benchmark input only.
 */
export function scaleLibrary(doc: LibraryDocument, factor: number): LibraryDocument {
  const copy = <T>(value: T): T => structuredClone(value);
  const suffix = (id: string, k: number) => (k === 0 ? id : `${id}-x${k}`);
  const out = copy(doc);
  out.priorities = [];
  out.instruments = [];
  out.notes = [];
  const codes = doc.countries.map((c) => c.code);
  for (let k = 0; k < factor; k++) {
    for (const p of doc.priorities) out.priorities.push({ ...copy(p), id: suffix(p.id, k), number: p.number + k * 100 });
    for (const i of doc.instruments) {
      out.instruments.push({
        ...copy(i),
        id: suffix(i.id, k),
        parentId: i.parentId ? suffix(i.parentId, k) : null,
        priorities: i.priorities.map((p) => suffix(p, k)),
      });
    }
    doc.notes.forEach((n, j) => {
      const note: NoteDoc = {
        ...copy(n),
        id: suffix(n.id, k),
        instruments: n.instruments.map((x) => suffix(x, k)),
        priorities: n.priorities.map((x) => suffix(x, k)),
      };
      out.notes.push(note);
      // The same note filed under several member countries, so country profiles have content.
      for (let c = 0; c < COUNTRY_COPIES; c++) {
        const code = codes[(k * doc.notes.length * COUNTRY_COPIES + j * COUNTRY_COPIES + c) % codes.length]!;
        out.notes.push({ ...copy(note), id: `${note.id}-${code.toLowerCase()}`, countryCode: code });
      }
    });
  }
  const base = doc.packs.find((p) => p.slug === 'panama-2025')!;
  const id = `pack-large-${factor}x`;
  const large: PackDoc = {
    ...copy(base),
    id,
    slug: `large-${factor}x`,
    sections: base.sections.map((s, i) => ({
      ...copy(s),
      id: `${id}-s${i + 1}`,
      items:
        s.items.length === 0
          ? []
          : s.items[0]!.kind === 'priority'
            ? out.priorities.map((p) => ({ kind: 'priority' as const, ref: p.id }))
            : s.items[0]!.kind === 'instrument'
              ? out.instruments.map((x) => ({ kind: 'instrument' as const, ref: x.id }))
              : s.items[0]!.kind === 'note'
                ? out.notes.filter((n) => n.countryCode === null).map((n) => ({ kind: 'note' as const, ref: n.id }))
                : copy(s.items),
    })),
  };
  out.packs = [...doc.packs, large];
  return out;
}
