import { AppError } from '../../../shared/errors/AppError';
import type { Locale } from '../../../shared/domain/locales';
import {
  findReferences,
  kindOfCollection,
  recordKey,
  withoutReferences,
  withReferencesRestored,
  withResolvableReferences,
  type ReferenceSite,
} from '../../../shared/domain/pieceReferences';
import { recordTitle } from '../../../shared/descriptors/pieceTitle';
import type { DeleteResult, NamedPiece, ReferencesResult, RestoreResult, TrashEntry } from '../../../shared/api/deleteTypes';
import { checkLibraryDocument } from '../../../shared/schemas/checkLibraryDocument';
import {
  LIBRARY_COLLECTIONS,
  emptyLibraryDocument,
  type LibraryCollection,
  type LibraryDocument,
  type PackDoc,
} from '../../../shared/schemas/libraryDocument';
import { problemFromDocumentIssue } from '../../../shared/schemas/validationProblems';
import { writeRecords } from '../importLibrary';
import { carryApprovals } from '../carryApprovals';
import { hashSourceText } from '../../db/textHash';
import { normalizeLibraryDocument } from '../../../shared/schemas/normalizeLibraryDocument';
import { referrerIds } from './referrerIds';
import type { LibraryStore } from '../LibraryStore';
import type { Trash, TrashItem } from './Trash';

type Found = { collection: LibraryCollection; record: object };

/** The record with this id (a country's code) in whichever collection holds it. */
function locate(doc: LibraryDocument, id: string): Found | null {
  for (const collection of LIBRARY_COLLECTIONS) {
    const record = (doc[collection] as object[]).find((r) => recordKey(r) === id);
    if (record) return { collection, record };
  }
  return null;
}

/** The piece and every record that may name it, read on their own (never the whole library). */
function readAround(store: LibraryStore, id: string): LibraryDocument {
  return store.readRecords([id, ...referrerIds(store, id)]);
}

function named(found: Found, locale: Locale): NamedPiece {
  const title = recordTitle(kindOfCollection(found.collection), found.record, locale);
  return { kind: kindOfCollection(found.collection), id: recordKey(found.record), title: title.text, titleLocale: title.locale };
}

function mustLocate(doc: LibraryDocument, id: string): Found {
  const found = locate(doc, id);
  // A section is part of its pack: it goes with the pack's editor, not on its own.
  if (!found) throw new AppError('api.notFound', { id });
  return found;
}

function describeSites(doc: LibraryDocument, sites: readonly ReferenceSite[], locale: Locale) {
  return sites.map((site) => {
    const from = named(mustLocate(doc, site.fromId), locale);
    const reference: ReferencesResult['references'][number] = { from, label: site.label, required: site.required };
    if (site.sectionId) {
      const pack = doc.packs.find((p) => p.id === site.fromId)!;
      const section = pack.sections.find((s) => s.id === site.sectionId)!;
      const title = recordTitle('section', section, locale);
      reference.section = { id: section.id, title: title.text, titleLocale: title.locale };
    }
    return reference;
  });
}

/** Who refers to the piece, by kind and title in `locale`. */
export function pieceReferences(store: LibraryStore, id: string, locale: Locale): ReferencesResult {
  const doc = readAround(store, id);
  const found = mustLocate(doc, id);
  const sites = findReferences(doc, id, kindOfCollection(found.collection));
  return { piece: named(found, locale), references: describeSites(doc, sites, locale) };
}

const distinctPieces = (sites: readonly ReferenceSite[]) => new Set(sites.map((s) => `${s.collection}:${s.fromId}`)).size;

/**
 * Deletes a piece of any kind. Refused while other pieces name it, unless `removeReferences`:
 * then those references are removed through the library's writer in the same transaction, so
 * nothing is left dangling. A reference the referring piece cannot do without (a meeting's host
 * country) always refuses. The piece goes to the trash, whence `restorePiece` brings it back.
 */
export function deletePiece(
  store: LibraryStore,
  trash: Trash,
  input: { id: string; locale: Locale; removeReferences?: boolean },
): DeleteResult {
  const doc = readAround(store, input.id);
  const found = mustLocate(doc, input.id);
  const piece = named(found, input.locale);
  const sites = findReferences(doc, piece.id, piece.kind);
  const required = sites.filter((s) => s.required);
  if (required.length > 0) {
    const first = describeSites(doc, required.slice(0, 1), input.locale)[0]!;
    throw new AppError('delete.required', { title: piece.title, count: distinctPieces(required), first: first.from.title });
  }
  if (sites.length > 0 && !input.removeReferences) {
    throw new AppError('delete.referenced', { title: piece.title, count: distinctPieces(sites) });
  }
  const changed = withoutReferences(doc, piece.id, sites);
  store.write(() => {
    // The referring records as read, less the reference: their approvals are kept as they are.
    if (sites.length > 0) writeRecords(store, normalizeLibraryDocument({ ...emptyLibraryDocument(), ...changed } as LibraryDocument, hashSourceText));
    if (found.collection === 'packs') for (const s of (found.record as PackDoc).sections) store.pieces.delete(s.id);
    store.pieces.delete(piece.id);
  });
  const item = trash.add({
    collection: found.collection,
    kind: piece.kind,
    id: piece.id,
    record: found.record,
    sites,
    deletedAt: new Date().toISOString(),
  });
  return { piece, trashId: item.trashId, removedReferences: sites.length };
}

export function listTrash(trash: Trash, locale: Locale): TrashEntry[] {
  return trash.list().map((item) => ({
    trashId: item.trashId,
    piece: named(item, locale),
    deletedAt: item.deletedAt,
    removedReferences: item.sites.length,
  }));
}

function takenIds(item: TrashItem): string[] {
  return item.collection === 'packs' ? [item.id, ...(item.record as PackDoc).sections.map((s) => s.id)] : [item.id];
}

/**
 * Brings a deleted piece back with the references it had, where they still resolve: its own
 * references to pieces deleted since are dropped (a required one refuses, by name), and the
 * pieces that named it name it again if they still exist. All or nothing, through the writer.
 */
export function restorePiece(store: LibraryStore, trash: Trash, input: { trashId: string; locale: Locale }): RestoreResult {
  const item = trash.get(input.trashId);
  if (!item) throw new AppError('trash.gone');
  const piece = named(item, input.locale);
  if (takenIds(item).some((id) => store.kindOf(id) !== undefined)) throw new AppError('trash.idTaken', { title: piece.title });
  const own = withResolvableReferences(item.collection, item.record, (id, kind) => store.kindOf(id) === kind);
  const doc = store.readRecords(item.sites.map((site) => site.fromId));
  const incoming = withReferencesRestored(doc, item.id, item.kind, item.sites);
  const restoreDoc = { ...emptyLibraryDocument(), ...incoming.records } as LibraryDocument;
  (restoreDoc[item.collection] as object[]) = [...(restoreDoc[item.collection] as object[]), own.record];
  const issues = checkLibraryDocument(restoreDoc, store);
  if (issues.length > 0) {
    const problems = issues.map((issue) => problemFromDocumentIssue(issue, restoreDoc));
    throw new AppError('trash.cannotRestore', { title: piece.title, count: problems.length }, problems);
  }
  const canonical = normalizeLibraryDocument(restoreDoc, hashSourceText);
  // Approvals come back as recorded when the piece was deleted; none is made here.
  carryApprovals(store, canonical, null);
  writeRecords(store, canonical);
  trash.remove(item.trashId);
  return { piece, restoredReferences: incoming.restored, droppedReferences: incoming.dropped + own.dropped };
}

