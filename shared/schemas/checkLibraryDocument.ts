import type { PieceKind } from '../domain/pieceKinds';
import type { LibraryDocument } from './libraryDocument';
import { DESCRIPTORS } from '../descriptors/descriptors';
import { allReferences } from '../descriptors/references';

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
  // Every kind's records by their id field; a pack's sections are pieces of their own.
  for (const descriptor of Object.values(DESCRIPTORS)) {
    if (!descriptor.collection) continue;
    const records = (doc as unknown as Record<string, Record<string, unknown>[]>)[descriptor.collection] ?? [];
    records.forEach((record, i) => {
      declare(String(record[descriptor.idField]), descriptor.kind, [descriptor.collection!, i, descriptor.idField]);
      for (const [name, spec] of Object.entries(descriptor.fields)) {
        if (spec.type !== 'sections') continue;
        (record[name] as { id: string }[]).forEach((section, j) => declare(section.id, 'section', [descriptor.collection!, i, name, j, 'id']));
      }
    });
  }

  const ref = (id: string | null, kind: PieceKind, path: (string | number)[]) => {
    if (id === null) return;
    const actual = declared.get(id) ?? library.kindOf(id);
    if (actual === undefined) add(path, 'unknownReference', { kind, id });
    else if (actual !== kind) add(path, 'wrongKindReference', { id, actual, kind });
  };
  // Every reference field of every kind, as its descriptor declares it.
  for (const r of allReferences(doc)) ref(r.toId, r.toKind, [r.collection, r.index, ...r.path]);

  const numbers = new Map<string, string>();
  const filePriorityIds = new Set(doc.priorities.map((q) => q.id));
  doc.priorities.forEach((p, i) => {
    const slot = `${p.networkId}#${p.number}`;
    const inFile = numbers.get(slot);
    const inLibrary = library.priorityIdAt(p.networkId, p.number);
    // A library priority that the file also carries may be renumbered by the same import.
    const taken = inFile ?? (inLibrary !== undefined && inLibrary !== p.id && !filePriorityIds.has(inLibrary) ? inLibrary : undefined);
    if (taken !== undefined) add(['priorities', i, 'number'], 'duplicateNumber', { network: p.networkId, number: p.number });
    numbers.set(slot, p.id);
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
  const slugs = new Set<string>();
  doc.packs.forEach((p, i) => {
    const owner = library.packIdWithSlug(p.slug);
    if (slugs.has(p.slug) || (owner !== undefined && owner !== p.id)) {
      add(['packs', i, 'slug'], 'duplicateSlug', { slug: p.slug });
    }
    slugs.add(p.slug);
  });
  return issues;
}
