import path from 'node:path';
import git from 'isomorphic-git';
import fs from 'node:fs';
import { AppError, isAppError } from '../../../shared/errors/AppError';
import type { LibraryLookup } from '../../../shared/schemas/checkLibraryDocument';
import {
  LIBRARY_COLLECTIONS,
  LIBRARY_FORMAT,
  LIBRARY_FORMAT_VERSION,
  emptyLibraryDocument,
  type LibraryCollection,
  type LibraryDocument,
  type PackDoc,
} from '../../../shared/schemas/libraryDocument';
import { mergeLibraries } from '../../../shared/sync/threeWayMerge';
import { applyLibraryDocument } from '../importLibrary';
import { checkLibraryShape, parseLibraryShape } from '../parseLibraryDocument';
import type { LibraryStore } from '../LibraryStore';
import { filesToLibrary, libraryToFiles, pieceFilePath } from './libraryFiles';
import { pieceStates, piecePath, piecesChangedSince, readSyncMark, writeSyncMark, type PieceState } from './syncMark';
import { referrerIds } from '../trash/referrerIds';
import { LibraryRepository, authorLabel, type SyncAuthor, type SyncCredentials } from './LibraryRepository';
import { listConflicts, recordConflicts } from './syncConflicts';
import { remoteError } from './remoteError';
import type { SyncRunResult } from '../../../shared/api/syncTypes';

export interface SyncOptions {
  /** The shared repository (https://…); remembered in the library's repository once given. */
  url?: string;
  /** The library's own repository (see defaultSyncRepoDir). */
  repoDir: string;
  author: SyncAuthor;
  credentials?: SyncCredentials | null;
  /** How long the remote may stay silent before the sync gives up (default one minute). */
  timeoutMs?: number;
  /** Called before each push (progress in the app; tests move the remote here to race a push). */
  beforePush?: (attempt: number) => Promise<void> | void;
}

/** What one sync did: the app's answer to sync.run is this report as it is. */
export type SyncReport = SyncRunResult;

/** The library's repository sits beside it: `library.sqlite` → `library.sync.git`. */
export function defaultSyncRepoDir(libraryPath: string): string {
  const { dir, name } = path.parse(libraryPath);
  return path.join(dir, `${name}.sync.git`);
}

const TRAILER = 'Synced-by: ';
const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Shares the library through git: commits local changes (author = the user and office), fetches,
 * merges per cell with the common ancestor (threeWayMerge), checks the merged library with the
 * exchange format's checks, writes it through the write gate with its conflicts (ours kept), commits
 * the merge and pushes; a push refused because the remote moved is fetched, merged and pushed once
 * more. Any failure before the write leaves the library as it was; local commits stay queued.
 */
export async function syncLibrary(store: LibraryStore, options: SyncOptions): Promise<SyncReport> {
  const repo = await LibraryRepository.open(options.repoDir);
  const url = options.url ?? (await repo.remoteUrl());
  if (!url) throw new AppError('sync.noRemote');
  if (!/^https?:\/\/[^\s]+$/i.test(url)) throw new AppError('sync.badRemote', { url });
  if (options.url && options.url !== (await repo.remoteUrl())) await repo.setRemoteUrl(options.url);
  const credentials = options.credentials ?? null;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const me = authorLabel(options.author);
  const message = (title: string) => syncMessage(title, me);

  const report: SyncReport = {
    url,
    committedLocal: false,
    integrated: 'none',
    changedPieces: 0,
    newConflicts: 0,
    openConflicts: 0,
    pushed: false,
    retried: false,
    head: '',
  };

  const local = await commitLocalChanges(store, repo, options.author);
  let { mark, head } = local;
  report.committedLocal = local.committed;

  for (let attempt = 0; ; attempt++) {
    const remote = await fetchRemote(repo, url, credentials, timeoutMs);
    if (remote && !(await repo.isAncestor(remote, head))) {
      const result = await integrate(store, repo, { head, remote, mark, me, message, author: options.author });
      head = result.head;
      report.integrated = result.fastForward && report.integrated !== 'merged' ? 'fastForward' : 'merged';
      report.changedPieces += result.changedPieces;
      report.newConflicts += result.conflicts;
      mark = result.mark;
    }
    if (remote === head) break;
    await options.beforePush?.(attempt);
    const pushed = await pushRemote(repo, url, credentials, timeoutMs);
    if (pushed) {
      report.pushed = true;
      break;
    }
    if (attempt >= 1) throw new AppError('sync.pushRejected', { url });
    report.retried = true;
  }
  report.head = head;
  report.openConflicts = listConflicts(store).length;
  return report;
}

/**
 * The library as it is now, committed on the repository's main if it differs from its head. With a
 * mark of the last sync (syncMark) only the pieces changed since are read; without one, all of them.
 * Either way main's tree is then the library's files, and the mark says so.
 */
export async function commitLocalChanges(store: LibraryStore, repo: LibraryRepository, author: SyncAuthor) {
  const me = authorLabel(author);
  let head = await repo.head();
  // From here to the read of the records nothing waits: no write can come between them.
  const prior = head ? readSyncMark(repo.gitdir, store) : null;
  const mark = changeMark(store);
  const pieces = pieceStates(store);
  let next: Files;
  let before: ReadonlyMap<string, string> | null = null;
  if (prior && prior.commit === head) {
    const { changed, removed } = piecesChangedSince(prior.pieces, pieces);
    if (changed.length === 0 && removed.length === 0) return { mark, head: head!, committed: false };
    const files = LibraryRepository.oids(libraryToFiles(store.readRecords(changed)));
    before = await repo.treeFiles(head!);
    next = new Map([...before].map(([p, oid]) => [p, [oid] as const]));
    for (const r of removed) next.delete(piecePath(r.id, r.kind));
    for (const [p, entry] of files) next.set(p, entry);
  } else {
    next = LibraryRepository.oids(libraryToFiles(store.readDocument()));
    if (head) before = await repo.treeFiles(head);
  }
  let committed = false;
  if (!head || !before || !sameFiles(before, next)) {
    head = await repo.commitFiles(next, head ? [head] : [], syncMessage(`Library changes from ${me}`, me), author);
    committed = true;
  }
  writeSyncMark(repo.gitdir, store, { commit: head, pieces });
  return { mark, head, committed };
}

const syncMessage = (title: string, me: string) => `${title}\n\n${TRAILER}${me}\n`;

/**
 * Takes commits that are already in the repository (fetched, or read from a signed bundle) into the
 * library exactly as a sync does: local changes committed first, then merged per cell with the
 * common ancestor, checked, written through the gate with their conflicts, the merge committed.
 */
export async function receiveCommit(store: LibraryStore, repo: LibraryRepository, remote: string, author: SyncAuthor) {
  const me = authorLabel(author);
  const local = await commitLocalChanges(store, repo, author);
  if (await repo.isAncestor(remote, local.head)) {
    return { head: local.head, committedLocal: local.committed, integrated: 'none' as const, changedPieces: 0, conflicts: 0 };
  }
  const result = await integrate(store, repo, { head: local.head, mark: local.mark, remote, me, message: (t) => syncMessage(t, me), author });
  return { head: result.head, committedLocal: local.committed, integrated: result.fastForward ? ('fastForward' as const) : ('merged' as const), changedPieces: result.changedPieces, conflicts: result.conflicts };
}

async function fetchRemote(repo: LibraryRepository, url: string, credentials: SyncCredentials | null, timeoutMs: number): Promise<string | null> {
  try {
    await repo.fetch(url, credentials, timeoutMs);
  } catch (error) {
    // An empty shared repository (just created by IT) has no branch yet: the first push makes it.
    if ((error as { code?: string }).code === 'NotFoundError') return null;
    throw remoteError(error, url);
  }
  return repo.remoteHead();
}

async function pushRemote(repo: LibraryRepository, url: string, credentials: SyncCredentials | null, timeoutMs: number): Promise<boolean> {
  try {
    const result = await repo.push(url, credentials, timeoutMs);
    if (result.ok) return true;
    if (/fast.forward|fetch first|stale/i.test(result.error ?? '')) return false;
    throw new AppError('sync.pushRefused', { url, reason: result.error ?? '' });
  } catch (error) {
    if ((error as { code?: string }).code === 'PushRejectedError') return false;
    throw remoteError(error, url);
  }
}

function sameFiles(tree: ReadonlyMap<string, string>, files: ReadonlyMap<string, readonly [string, string?]>): boolean {
  if (tree.size !== files.size) return false;
  for (const [p, [oid]] of files) if (tree.get(p) !== oid) return false;
  return true;
}

interface IntegrateInput {
  /** main, whose tree is the library's files (commitLocalChanges made it so). */
  head: string;
  remote: string;
  /** changeMark when main was made from the library. */
  mark: string;
  me: string;
  message: (title: string) => string;
  author: SyncAuthor;
}

/** path → [oid, text]; without the text, the file is already in the repository. */
type Files = Map<string, readonly [string, string?]>;

/** A mark that moves with every change written through the gate (each records a version). */
const changeMark = (store: LibraryStore) => String(store.db.prepare("SELECT count(*) || ':' || ifnull(max(at), '') FROM piece_versions").pluck().get());

/**
 * Takes `remote` into the library. Only the files that differ between the common ancestor and either
 * side are read (a tree diff, not the whole library): the rest is the same piece on all sides.
 */
async function integrate(store: LibraryStore, repo: LibraryRepository, input: IntegrateInput) {
  const { head, remote } = input;
  const fastForward = await repo.isAncestor(head, remote);
  const baseOid = fastForward ? head : await repo.mergeBase(head, remote);
  const theirsDiff = await repo.changedFiles(baseOid, remote);
  const oursDiff = fastForward ? new Map<string, [string | undefined, string | undefined]>() : await repo.changedFiles(baseOid, head);
  const changed = [...new Set([...oursDiff.keys(), ...theirsDiff.keys()])].sort();
  const changedSet = new Set(changed);
  const baseOf = (p: string) => (theirsDiff.get(p) ?? oursDiff.get(p))![0];
  const oursOf = (p: string) => (oursDiff.has(p) ? oursDiff.get(p)![1] : baseOf(p));
  const theirsOf = (p: string) => (theirsDiff.has(p) ? theirsDiff.get(p)![1] : baseOf(p));
  // Every such file of the remote is read and checked (path, size, shape): the remote is anyone's.
  const blobs = new Map<string, Uint8Array>();
  const side = async (oidOf: (p: string) => string | undefined) => {
    const files = new Map<string, string | Uint8Array>();
    for (const p of changed) {
      const oid = oidOf(p);
      if (oid === undefined) continue;
      if (!blobs.has(oid)) blobs.set(oid, await repo.readBlob(oid));
      files.set(p, blobs.get(oid)!);
    }
    return filesToLibrary(files);
  };
  const [subBase, subOurs, subTheirs] = [await side(baseOf), await side(oursOf), await side(theirsOf)];
  const theirsBy = await commitAuthor(repo, remote);
  const { merged, conflicts } = fastForward
    ? { merged: subTheirs, conflicts: [] }
    : mergeLibraries(subBase, subOurs, subTheirs, { ours: input.me, theirs: theirsBy });
  const keptPaths = new Set(LIBRARY_COLLECTIONS.flatMap((c) => (merged[c] as object[]).map((r) => pieceFilePath(c, keyOf(r)))));
  const gone: { collection: LibraryCollection; record: object }[] = [];
  for (const collection of LIBRARY_COLLECTIONS) {
    for (const record of subOurs[collection] as object[]) {
      if (!keptPaths.has(pieceFilePath(collection, keyOf(record)))) gone.push({ collection, record });
    }
  }
  const incoming = checkMerged(store, merged, gone, changedSet);
  const before = await repo.treeFiles(head);
  const now = new Date().toISOString();
  store.write(() => {
    // Edited in the app while this sync ran: nothing is written, the next sync takes the edit.
    if (changeMark(store) !== input.mark) throw new AppError('sync.libraryChanged');
    applyLibraryDocument(store, incoming, null, now);
    deletePieces(store, gone);
    recordConflicts(store, conflicts, now);
  });
  // Read at once, before anything can wait: the state the next mark records is this write's.
  const pieces: PieceState = pieceStates(store);
  const mark = changeMark(store);
  const written = store.readRecords(LIBRARY_COLLECTIONS.flatMap((c) => (incoming[c] as object[]).map(keyOf)));
  // The files of what the library now holds: ours, with the changed pieces as written.
  const afterFiles: Files = new Map([...before].map(([p, oid]) => [p, [oid] as const]));
  for (const p of changed) afterFiles.delete(p);
  for (const [p, entry] of LibraryRepository.oids(libraryToFiles(written))) afterFiles.set(p, entry);
  let newHead: string;
  if (fastForward) {
    await repo.setHead(remote);
    newHead = changed.every((p) => afterFiles.get(p)?.[0] === theirsOf(p))
      ? remote
      : await repo.commitFiles(afterFiles, [remote], input.message(`Library in canonical form, by ${input.me}`), input.author);
  } else {
    // The other office is not told in its app yet: the shared history at least names each conflict.
    const lines = conflicts.map((c) => {
      const where = [`${c.collection}/${c.pieceId}`, c.section ? `§ ${c.section}` : '', c.field ?? '(whole piece)', c.locale ? `(${c.locale})` : ''].filter(Boolean).join(' ');
      return `Conflict: ${where}: kept ${c.oursBy}'s, ${c.theirsBy}'s kept aside until resolved`;
    });
    const title = conflicts.length > 0 ? `Merge with ${theirsBy} (${conflicts.length} conflicts, ours kept)\n\n${lines.join('\n')}` : `Merge with ${theirsBy}`;
    newHead = await repo.commitFiles(afterFiles, [head, remote], input.message(title), input.author);
  }
  writeSyncMark(repo.gitdir, store, { commit: newHead, pieces });
  const changedPieces = changed.filter((p) => afterFiles.get(p)?.[0] !== oursOf(p)).length;
  return { head: newHead, fastForward, conflicts: conflicts.length, changedPieces, mark };
}

/**
 * The merged pieces must pass every check an imported library passes: each its fields (a merge can
 * pair cells no one wrote together), and their ids and references against the library as it will
 * be: without the pieces the merge removes, whose referrers are checked too. Returns the changed
 * pieces in canonical form.
 */
function checkMerged(
  store: LibraryStore,
  merged: LibraryDocument,
  gone: readonly { collection: LibraryCollection; record: object }[],
  changed: ReadonlySet<string>,
): LibraryDocument {
  const goneIds = new Set(gone.flatMap(({ collection, record }) => [keyOf(record), ...(collection === 'packs' ? (record as PackDoc).sections.map((s) => s.id) : [])]));
  const mergedIds = new Set(LIBRARY_COLLECTIONS.flatMap((c) => (merged[c] as object[]).map(keyOf)));
  const referrers = [...new Set([...goneIds].flatMap((id) => referrerIds(store, id)))].filter((id) => !goneIds.has(id) && !mergedIds.has(id));
  const others = referrers.length > 0 ? store.readRecords(referrers) : emptyLibraryDocument();
  const doc = emptyLibraryDocument();
  for (const c of LIBRARY_COLLECTIONS) (doc[c] as object[]) = [...(merged[c] as object[]), ...(others[c] as object[])];
  const present = (id: string | undefined) => (id === undefined || goneIds.has(id) ? undefined : id);
  const lookup: LibraryLookup = {
    kindOf: (id) => (goneIds.has(id) ? undefined : store.kindOf(id)),
    priorityIdAt: (network, number) => present(store.priorityIdAt(network, number)),
    packIdWithSlug: (slug) => present(store.packIdWithSlug(slug)),
    instrumentParent: (id) => (goneIds.has(id) ? undefined : store.instrumentParent(id)),
  };
  let full: LibraryDocument;
  try {
    parseLibraryShape({ ...merged, format: LIBRARY_FORMAT, formatVersion: LIBRARY_FORMAT_VERSION }, 'merged library');
    full = checkLibraryShape(doc, 'merged library', lookup);
  } catch (error) {
    if (isAppError(error) && error.code === 'import.invalid') {
      throw new AppError('sync.mergeInvalid', { count: error.problems.length }, error.problems, { cause: error });
    }
    throw error;
  }
  const incoming = emptyLibraryDocument();
  for (const c of LIBRARY_COLLECTIONS) (incoming[c] as object[]) = (full[c] as object[]).filter((r) => changed.has(pieceFilePath(c, keyOf(r))));
  return incoming;
}

/** Pieces the merge removed (deleted on the other side, untouched here). */
function deletePieces(store: LibraryStore, gone: readonly { collection: LibraryCollection; record: object }[]): void {
  store.db.pragma('defer_foreign_keys = ON');
  for (const { collection, record } of gone) {
    if (collection === 'packs') for (const s of (record as PackDoc).sections) store.pieces.delete(s.id);
    store.pieces.delete(keyOf(record));
  }
}

const keyOf = (r: object) => String((r as { code?: string }).code ?? (r as { id: string }).id);

async function commitAuthor(repo: LibraryRepository, oid: string): Promise<string> {
  const { commit } = await git.readCommit({ fs, gitdir: repo.gitdir, oid });
  const trailer = commit.message.split('\n').find((l) => l.startsWith(TRAILER));
  return trailer ? trailer.slice(TRAILER.length).trim() : commit.author.name;
}
