import type { PieceKind } from '../domain/pieceKinds';
import type { LibraryDocument } from './libraryDocument';

/** A problem zod cannot see: it needs the whole document, or the library it is imported into. */
export interface DocumentIssue {
  path: (string | number)[];
  key: string;
  values: Record<string, string | number>;
}

/** What the library already holds, so a file may refer to pieces it does not carry. */
export interface LibraryLookup {
  kindOf(id: string): PieceKind | undefined;
  priorityIdAt(networkId: string, number: number): string | undefined;
  packIdWithSlug(slug: string): string | undefined;
  /** The parent of an instrument already in the library (null: none; undefined: unknown). */
  instrumentParent(id: string): string | null | undefined;
}

export const EMPTY_LOOKUP: LibraryLookup = {
  kindOf: () => undefined,
  priorityIdAt: () => undefined,
  packIdWithSlug: () => undefined,
  instrumentParent: () => undefined,
};

export function checkLibraryDocument(doc: LibraryDocument, library: LibraryLookup): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  const add = (path: (string | number)[], key: string, values: Record<string, string | number> = {}) =>
    issues.push({ path, key, values });

  // Ids the file itself declares, with their kind.
  const declared = new Map<string, PieceKind>();
  const declare = (id: string, kind: PieceKind, path: (string | number)[]) => {
    if (declared.has(id)) {
      add(path, 'duplicateId', { id });
      return;
    }
    declared.set(id, kind);
    const existing = library.kindOf(id);
    if (existing !== undefined && existing !== kind) add(path, 'wrongKindReference', { id, actual: existing, kind });
  };
  doc.sources.forEach((s, i) => declare(s.id, 'source', ['sources', i, 'id']));
  doc.countries.forEach((c, i) => declare(c.code, 'country', ['countries', i, 'code']));
  doc.networks.forEach((n, i) => declare(n.id, 'network', ['networks', i, 'id']));
  doc.meetings.forEach((m, i) => declare(m.id, 'meeting', ['meetings', i, 'id']));
  doc.priorities.forEach((p, i) => declare(p.id, 'priority', ['priorities', i, 'id']));
  doc.instruments.forEach((x, i) => declare(x.id, 'instrument', ['instruments', i, 'id']));
  doc.notes.forEach((n, i) => declare(n.id, 'note', ['notes', i, 'id']));
  doc.packs.forEach((p, i) => {
    declare(p.id, 'pack', ['packs', i, 'id']);
    p.sections.forEach((s, j) => declare(s.id, 'section', ['packs', i, 'sections', j, 'id']));
  });

  const ref = (id: string | null, kind: PieceKind, path: (string | number)[]) => {
    if (id === null) return;
    const actual = declared.get(id) ?? library.kindOf(id);
    if (actual === undefined) add(path, 'unknownReference', { kind, id });
    else if (actual !== kind) add(path, 'wrongKindReference', { id, actual, kind });
  };
  const refs = (ids: readonly string[], kind: PieceKind, path: (string | number)[]) =>
    ids.forEach((id, j) => ref(id, kind, [...path, j]));

  doc.countries.forEach((c, i) => refs(c.sources, 'source', ['countries', i, 'sources']));
  doc.networks.forEach((n, i) => {
    refs(n.members, 'country', ['networks', i, 'members']);
    refs(n.sources, 'source', ['networks', i, 'sources']);
  });
  doc.meetings.forEach((m, i) => {
    ref(m.networkId, 'network', ['meetings', i, 'networkId']);
    ref(m.hostCountry, 'country', ['meetings', i, 'hostCountry']);
    refs(m.participants, 'country', ['meetings', i, 'participants']);
    refs(m.sources, 'source', ['meetings', i, 'sources']);
  });
  const numbers = new Map<string, string>();
  const filePriorityIds = new Set(doc.priorities.map((q) => q.id));
  doc.priorities.forEach((p, i) => {
    ref(p.networkId, 'network', ['priorities', i, 'networkId']);
    refs(p.sources, 'source', ['priorities', i, 'sources']);
    const slot = `${p.networkId}#${p.number}`;
    const inFile = numbers.get(slot);
    const inLibrary = library.priorityIdAt(p.networkId, p.number);
    // A library priority that the file also carries may be renumbered by the same import.
    const taken = inFile ?? (inLibrary !== undefined && inLibrary !== p.id && !filePriorityIds.has(inLibrary) ? inLibrary : undefined);
    if (taken !== undefined) add(['priorities', i, 'number'], 'duplicateNumber', { network: p.networkId, number: p.number });
    numbers.set(slot, p.id);
  });
  doc.instruments.forEach((x, i) => {
    ref(x.parentId, 'instrument', ['instruments', i, 'parentId']);
    refs(x.priorities, 'priority', ['instruments', i, 'priorities']);
    refs(x.sources, 'source', ['instruments', i, 'sources']);
  });
  // The file's parents win; beyond them, the library's, so a cycle through both is caught.
  const parents = new Map(doc.instruments.map((x) => [x.id, x.parentId]));
  const parentOf = (id: string) => (parents.has(id) ? parents.get(id)! : (library.instrumentParent(id) ?? null));
  doc.instruments.forEach((x, i) => {
    const seen = new Set<string>([x.id]);
    for (let p = x.parentId; p !== null; p = parentOf(p)) {
      if (seen.has(p)) {
        add(['instruments', i, 'parentId'], 'parentCycle', { id: x.id });
        break;
      }
      seen.add(p);
    }
  });
  doc.notes.forEach((n, i) => {
    ref(n.countryCode, 'country', ['notes', i, 'countryCode']);
    refs(n.instruments, 'instrument', ['notes', i, 'instruments']);
    refs(n.priorities, 'priority', ['notes', i, 'priorities']);
    refs(n.sources, 'source', ['notes', i, 'sources']);
  });
  const slugs = new Set<string>();
  doc.packs.forEach((p, i) => {
    ref(p.meetingId, 'meeting', ['packs', i, 'meetingId']);
    const owner = library.packIdWithSlug(p.slug);
    if (slugs.has(p.slug) || (owner !== undefined && owner !== p.id)) {
      add(['packs', i, 'slug'], 'duplicateSlug', { slug: p.slug });
    }
    slugs.add(p.slug);
    p.sections.forEach((s, j) =>
      s.items.forEach((item, k) => ref(item.ref, item.kind, ['packs', i, 'sections', j, 'items', k, 'ref'])),
    );
  });
  return issues;
}
