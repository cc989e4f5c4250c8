import path from 'node:path';
import git from 'isomorphic-git';
import fs from 'node:fs';
import { AppError, isAppError } from '../../../shared/errors/AppError';
import { EMPTY_LOOKUP } from '../../../shared/schemas/checkLibraryDocument';
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
  let { mark, ours, oursFiles, head } = local;
  report.committedLocal = local.committed;

  for (let attempt = 0; ; attempt++) {
    const remote = await fetchRemote(repo, url, credentials, timeoutMs);
    if (remote && !(await repo.isAncestor(remote, head))) {
      const result = await integrate(store, repo, { head, remote, ours, oursFiles, mark, me, message, author: options.author });
      head = result.head;
      report.integrated = result.fastForward && report.integrated !== 'merged' ? 'fastForward' : 'merged';
      report.changedPieces += result.changedPieces;
      report.newConflicts += result.conflicts;
      oursFiles = result.oursFiles;
      // Read again only for a second round (a push refused because the remote moved).
      mark = changeMark(store);
      ours = store.readDocument();
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

/** The library as it is now, committed on the repository's main if it differs from its head. */
export async function commitLocalChanges(store: LibraryStore, repo: LibraryRepository, author: SyncAuthor) {
  const me = authorLabel(author);
  const mark = changeMark(store);
  const ours = store.readDocument();
  const oursFiles = LibraryRepository.oids(libraryToFiles(ours));
  let head = await repo.head();
  let committed = false;
  if (!head || !sameFiles(await repo.treeFiles(head), oursFiles)) {
    head = await repo.commitFiles(oursFiles, head ? [head] : [], syncMessage(`Library changes from ${me}`, me), author);
    committed = true;
  }
  return { mark, ours, oursFiles, head, committed };
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
  const result = await integrate(store, repo, { ...local, remote, me, message: (t) => syncMessage(t, me), author });
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

function sameFiles(tree: ReadonlyMap<string, string>, files: ReadonlyMap<string, readonly [string, string]>): boolean {
  if (tree.size !== files.size) return false;
  for (const [p, [oid]] of files) if (tree.get(p) !== oid) return false;
  return true;
}

interface IntegrateInput {
  head: string;
  remote: string;
  ours: LibraryDocument;
  oursFiles: Map<string, readonly [string, string]>;
  /** changeMark when `ours` was read. */
  mark: string;
  me: string;
  message: (title: string) => string;
  author: SyncAuthor;
}

type Files = Map<string, readonly [string, string]>;

/** A mark that moves with every change written through the gate (each records a version). */
const changeMark = (store: LibraryStore) => String(store.db.prepare("SELECT count(*) || ':' || ifnull(max(at), '') FROM piece_versions").pluck().get());

async function integrate(store: LibraryStore, repo: LibraryRepository, input: IntegrateInput) {
  const { head, remote, ours, oursFiles } = input;
  const fastForward = await repo.isAncestor(head, remote);
  const baseOid = fastForward ? head : await repo.mergeBase(head, remote);
  const oursTree = new Map([...oursFiles].map(([p, [oid]]) => [p, oid]));
  const theirsTree = await repo.treeFiles(remote);
  const baseTree = !baseOid ? new Map<string, string>() : baseOid === head ? oursTree : await repo.treeFiles(baseOid);
  // Only the files that differ somewhere take part: the rest is the same piece on all sides.
  const changed = [...new Set([...baseTree.keys(), ...oursTree.keys(), ...theirsTree.keys()])].filter(
    (p) => !(baseTree.get(p) === oursTree.get(p) && oursTree.get(p) === theirsTree.get(p)),
  );
  const changedSet = new Set(changed);
  // Every such file of the remote is read and checked (path, size, shape): the remote is anyone's.
  const side = async (tree: ReadonlyMap<string, string>) => {
    const files = new Map<string, string | Uint8Array>();
    for (const p of changed) {
      const oid = tree.get(p);
      if (oid !== undefined) files.set(p, oid === oursTree.get(p) ? oursFiles.get(p)![1] : await repo.readBlob(oid));
    }
    return filesToLibrary(files);
  };
  const [subBase, subOurs, subTheirs] = [await side(baseTree), await side(oursTree), await side(theirsTree)];
  const theirsBy = await commitAuthor(repo, remote);
  const { merged, conflicts } = fastForward
    ? { merged: subTheirs, conflicts: [] }
    : mergeLibraries(subBase, subOurs, subTheirs, { ours: input.me, theirs: theirsBy });
  const full = checkMerged(ours, merged, changedSet);
  const now = new Date().toISOString();
  const incoming = emptyLibraryDocument();
  const gone: { collection: LibraryCollection; record: object }[] = [];
  for (const collection of LIBRARY_COLLECTIONS) {
    const keep = new Set<string>();
    for (const record of full[collection] as object[]) {
      const path = pieceFilePath(collection, keyOf(record));
      if (!changedSet.has(path)) continue;
      keep.add(path);
      (incoming[collection] as object[]).push(record);
    }
    for (const record of ours[collection] as object[]) {
      const path = pieceFilePath(collection, keyOf(record));
      if (changedSet.has(path) && !keep.has(path)) gone.push({ collection, record });
    }
  }
  store.write(() => {
    // Edited in the app while this sync ran: nothing is written, the next sync takes the edit.
    if (changeMark(store) !== input.mark) throw new AppError('sync.libraryChanged');
    applyLibraryDocument(store, incoming, null, now);
    deletePieces(store, gone);
    recordConflicts(store, conflicts, now);
  });
  // The files of what the library now holds: ours, with the changed pieces as written.
  const afterFiles: Files = new Map(oursFiles);
  for (const p of changed) afterFiles.delete(p);
  const written = store.readRecords(LIBRARY_COLLECTIONS.flatMap((c) => (incoming[c] as object[]).map(keyOf)));
  for (const [p, entry] of LibraryRepository.oids(libraryToFiles(written))) afterFiles.set(p, entry);
  let newHead: string;
  if (fastForward) {
    await repo.setHead(remote);
    newHead = sameFiles(theirsTree, afterFiles)
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
  const changedPieces = changed.filter((p) => afterFiles.get(p)?.[0] !== oursFiles.get(p)?.[0]).length;
  return { head: newHead, fastForward, conflicts: conflicts.length, changedPieces, oursFiles: afterFiles };
}

/**
 * The merged library must pass every check an imported library passes, on its own: each merged
 * piece its fields (a merge can pair cells no one wrote together), the whole its ids and references.
 */
function checkMerged(ours: LibraryDocument, merged: LibraryDocument, changed: ReadonlySet<string>): LibraryDocument {
  const full = { ...ours } as LibraryDocument;
  for (const collection of LIBRARY_COLLECTIONS) {
    const kept = (ours[collection] as object[]).filter((r) => !changed.has(pieceFilePath(collection, keyOf(r))));
    (full[collection] as object[]) = [...kept, ...(merged[collection] as object[])];
  }
  try {
    parseLibraryShape({ ...merged, format: LIBRARY_FORMAT, formatVersion: LIBRARY_FORMAT_VERSION }, 'merged library');
    return checkLibraryShape(full, 'merged library', EMPTY_LOOKUP);
  } catch (error) {
    if (isAppError(error) && error.code === 'import.invalid') {
      throw new AppError('sync.mergeInvalid', { count: error.problems.length }, error.problems, { cause: error });
    }
    throw error;
  }
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
