import { z } from 'zod';
import { AppError } from '../../shared/errors/AppError';
import { PACK_ITEM_KINDS, PAPER_SIZES, type PackItemKind } from '../../shared/domain/pieceKinds';
import { localeSchema } from '../../shared/schemas/common';
import type { PackDoc } from '../../shared/schemas/libraryDocument';
import type { Locale } from '../../shared/domain/locales';
import type { LibraryStore } from './LibraryStore';
import { MAX_ID_LENGTH, packIdFor, sectionIdFor, uniqueId } from '../../shared/domain/pieceIds';

const SLUG = /^[a-z0-9][a-z0-9-]{1,63}$/;

export const createPackInput = z.object({
  slug: z.string(),
  title: z.string(),
  lang: localeSchema,
  meetingId: z.string().nullable().default(null),
  paper: z.enum(PAPER_SIZES).default('a4'),
  /** The slug was proposed from the title, not typed: take the next free one if it is taken. */
  uniqueSlug: z.boolean().default(false),
});
export type CreatePackInput = z.input<typeof createPackInput>;

export interface PackSummary {
  id: string;
  slug: string;
  sections: number;
  items: number;
}

const slugTaken = (store: LibraryStore, slug: string) => store.packs.idWithSlug(slug) !== undefined;
const idTaken = (store: LibraryStore) => (id: string) => store.kindOf(id) !== undefined;

/**
 * `pack-<slug>`; refused if another piece has that id and the slug was typed. A slug too long
 * for that (or proposed from the title) gets the id cut to fit, numbered if need be.
 */
function newPackId(store: LibraryStore, slug: string, unique: boolean): string {
  const plain = `pack-${slug}`;
  if (!unique && plain.length <= MAX_ID_LENGTH && idTaken(store)(plain)) throw new AppError('packs.slugTaken', { slug });
  return packIdFor(slug, idTaken(store));
}

/**
 * The slug to use: as typed (refused if malformed or taken), or, when it was proposed from the
 * title (`unique`), the first free one of slug, slug-2, slug-3… (cut to 64 characters).
 */
function checkSlug(store: LibraryStore, slug: string, unique = false): string {
  if (!SLUG.test(slug)) throw new AppError('packs.badSlug', { slug });
  if (!slugTaken(store, slug)) return slug;
  if (!unique) throw new AppError('packs.slugTaken', { slug });
  return uniqueId(slug, (s) => slugTaken(store, s));
}

export function findPack(store: LibraryStore, ref: string): PackDoc {
  const pack = store.readDocument().packs.find((p) => p.id === ref || p.slug === ref);
  if (!pack) throw new AppError('build.unknownPack', { pack: ref });
  return pack;
}

/** `<pack id>-s<n>` (cut to fit) with the first n that no piece of any kind uses yet. */
function freeSectionId(store: LibraryStore, packId: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const candidate = sectionIdFor(packId, n);
    if (!taken.has(candidate) && store.kindOf(candidate) === undefined) return candidate;
  }
}

/** A new, empty pack whose title is an original text in the user's language, a draft like every new piece's. */
export function createPack(store: LibraryStore, raw: CreatePackInput): PackDoc {
  const input = createPackInput.parse(raw);
  const slug = checkSlug(store, input.slug, input.uniqueSlug);
  const title = input.title.trim();
  if (!title) throw new AppError('packs.emptyTitle');
  if (input.meetingId !== null && store.kindOf(input.meetingId) !== 'meeting') {
    throw new AppError('packs.unknownMeeting', { meeting: input.meetingId });
  }
  const pack: PackDoc = {
    id: newPackId(store, slug, input.uniqueSlug),
    slug,
    meetingId: input.meetingId,
    title: { [input.lang]: { text: title, status: 'draft' } },
    subtitle: null,
    audience: null,
    classification: null,
    paper: input.paper,
    watermark: null,
    reference: null,
    version: null,
    issued: null,
    logo: null,
    options: { cover: true, toc: true, sources: true, numberedParagraphs: false },
    sections: [],
  };
  store.write(() => store.writePack(pack, new Date().toISOString()));
  return pack;
}

/** Parses "priority:prio-rps-1" or "country:PA" and checks the piece exists. */
export function parseItemRef(store: LibraryStore, value: string): { kind: PackItemKind; ref: string } {
  const [kind, ref] = value.split(':', 2);
  if (!kind || !ref || !(PACK_ITEM_KINDS as readonly string[]).includes(kind)) throw new AppError('packs.badItem', { item: value });
  if (store.kindOf(ref) !== kind) throw new AppError('packs.unknownItem', { kind, ref });
  return { kind: kind as PackItemKind, ref };
}

export function addSection(
  store: LibraryStore,
  packRef: string,
  input: { title: string; lang: Locale; items: string[] },
): PackDoc {
  const pack = findPack(store, packRef);
  const title = input.title.trim();
  if (!title) throw new AppError('packs.emptyTitle');
  const items = input.items.map((item) => parseItemRef(store, item));
  const sectionId = freeSectionId(store, pack.id, new Set(pack.sections.map((s) => s.id)));
  const updated: PackDoc = {
    ...pack,
    sections: [...pack.sections, { id: sectionId, title: { [input.lang]: { text: title, status: 'draft' } }, text: null, items }],
  };
  store.write(() => store.writePack(updated, new Date().toISOString()));
  return updated;
}

export function listPacks(store: LibraryStore): PackSummary[] {
  return store.readDocument().packs.map((p) => ({
    id: p.id,
    slug: p.slug,
    sections: p.sections.length,
    items: p.sections.reduce((n, s) => n + s.items.length, 0),
  }));
}

/** A copy under a new slug, with its own section ids: editing one never changes the other. */
export function duplicatePack(store: LibraryStore, packRef: string, slug: string): PackDoc {
  const pack = findPack(store, packRef);
  checkSlug(store, slug);
  const id = newPackId(store, slug, false);
  const copy: PackDoc = { ...pack, id, slug, sections: [] };
  const taken = new Set<string>([id]);
  for (const s of pack.sections) {
    const sectionId = freeSectionId(store, id, taken);
    taken.add(sectionId);
    copy.sections.push({ ...s, id: sectionId });
  }
  store.write(() => store.writePack(copy, new Date().toISOString()));
  return copy;
}

export function deletePack(store: LibraryStore, packRef: string): PackDoc {
  const pack = findPack(store, packRef);
  store.write(() => {
    for (const s of pack.sections) store.pieces.delete(s.id);
    store.pieces.delete(pack.id);
  });
  return pack;
}
