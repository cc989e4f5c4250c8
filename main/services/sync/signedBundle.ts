import crypto from 'node:crypto';
import fs from 'node:fs';
import git from 'isomorphic-git';
import { AppError, isAppError } from '../../../shared/errors/AppError';
import type { LibraryStore } from '../LibraryStore';
import { LibraryRepository, type SyncAuthor } from './LibraryRepository';
import { listTrustedOffices, readOfficeKey, checkOfficeName } from './officeKeys';
import { commitLocalChanges, receiveCommit } from './syncLibrary';

/*
 * A signed bundle carries git objects, not a JSON delta of pieces: the commits since the base the
 * other office has, with the trees and blobs it lacks, each as git stores it (isomorphic-git writes
 * no git bundle or packfile we could sign and check piece by piece). The receiver then holds the
 * very same commits, so its merge is the sync's merge (threeWayMerge against the real common
 * ancestor), and a later sync through a shared server knows them already: the offices converge.
 *
 * File: a magic line, a header line (JSON: office, key id, payload size and SHA-256, signature),
 * then the payload (JSON: base, head, objects). The Ed25519 signature covers the office, the key id
 * and the payload's SHA-256, so none can be swapped without the signature failing.
 */
const MAGIC = 'BRIEFING-SIGNED-BUNDLE 1';
/** Larger than the full history of a 10,000-piece library; an oversized file is refused unread. */
export const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;
const TYPES = new Set(['commit', 'tree', 'blob']);

interface Header {
  office: string;
  keyId: string;
  payloadBytes: number;
  payloadSha256: string;
  signature: string;
}

interface Payload {
  base: string | null;
  head: string;
  objects: [oid: string, type: 'commit' | 'tree' | 'blob', base64: string][];
}

const signedText = (h: Pick<Header, 'office' | 'keyId' | 'payloadSha256'>) => Buffer.from(`${MAGIC}\n${h.office}\n${h.keyId}\n${h.payloadSha256}\n`);
const officeRef = (office: string) => `refs/offices/${crypto.createHash('sha256').update(office).digest('hex').slice(0, 16)}`;

export interface BundleExportReport {
  file: string;
  office: string;
  keyId: string;
  base: string | null;
  head: string;
  commits: number;
  objects: number;
  bytes: number;
}

/**
 * Writes the changes since `since` (a commit id, or an office whose bundle was imported here: the
 * point it is known to have) as one signed file. Local changes are committed first, as a sync does.
 */
export async function exportBundle(store: LibraryStore, options: { libraryPath: string; repoDir: string; out: string; since?: string; author: SyncAuthor }): Promise<BundleExportReport> {
  const key = readOfficeKey(options.libraryPath);
  const repo = await LibraryRepository.open(options.repoDir);
  const { head } = await commitLocalChanges(store, repo, { ...options.author, office: options.author.office || key.office });
  const base = options.since ? await resolveSince(repo, options.since) : null;
  if (base && !(await repo.isAncestor(base, head))) throw new AppError('bundle.sinceNotAncestor', { since: options.since! });

  const known = new Set<string>();
  const knownCommits = new Set<string>();
  if (base) {
    for (const entry of await git.log({ fs, gitdir: repo.gitdir, ref: base })) knownCommits.add(entry.oid);
    await collectTree(repo, (await git.readCommit({ fs, gitdir: repo.gitdir, oid: base })).commit.tree, known, null);
  }
  const objects: Payload['objects'] = [];
  const add = async (oid: string) => {
    const { type, object } = await git.readObject({ fs, gitdir: repo.gitdir, oid, format: 'content' });
    objects.push([oid, type as 'commit' | 'tree' | 'blob', Buffer.from(object as Uint8Array).toString('base64')]);
  };
  let commits = 0;
  for (const entry of await git.log({ fs, gitdir: repo.gitdir, ref: head })) {
    if (knownCommits.has(entry.oid)) continue;
    commits++;
    await add(entry.oid);
    await collectTree(repo, entry.commit.tree, known, add);
  }
  const payload = Buffer.from(JSON.stringify({ base, head, objects } satisfies Payload));
  const payloadSha256 = crypto.createHash('sha256').update(payload).digest('hex');
  const unsigned = { office: key.office, keyId: key.keyId, payloadSha256 };
  const header: Header = { ...unsigned, payloadBytes: payload.length, signature: crypto.sign(null, signedText(unsigned), key.privateKey).toString('base64') };
  const bytes = Buffer.concat([Buffer.from(`${MAGIC}\n${JSON.stringify(header)}\n`), payload]);
  const tmp = `${options.out}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, options.out);
  return { file: options.out, office: key.office, keyId: key.keyId, base, head, commits, objects: objects.length, bytes: bytes.length };
}

/** Every tree and blob under a tree not yet in `seen`; a subtree already seen is whole on the other side. */
async function collectTree(repo: LibraryRepository, oid: string, seen: Set<string>, add: ((oid: string) => Promise<void>) | null): Promise<void> {
  if (seen.has(oid)) return;
  seen.add(oid);
  await add?.(oid);
  const { tree } = await git.readTree({ fs, gitdir: repo.gitdir, oid });
  for (const entry of tree) {
    if (entry.type === 'tree') await collectTree(repo, entry.oid, seen, add);
    else if (!seen.has(entry.oid)) {
      seen.add(entry.oid);
      await add?.(entry.oid);
    }
  }
}

async function resolveSince(repo: LibraryRepository, since: string): Promise<string> {
  const candidates = /^[0-9a-f]{4,40}$/i.test(since) ? [since.toLowerCase()] : [];
  try {
    const ref = await git.resolveRef({ fs, gitdir: repo.gitdir, ref: officeRef(checkOfficeName(since)) });
    candidates.unshift(ref);
  } catch {
    // Not an office this library has received a bundle from.
  }
  for (const c of candidates) {
    try {
      const oid = c.length === 40 ? c : await git.expandOid({ fs, gitdir: repo.gitdir, oid: c });
      await git.readCommit({ fs, gitdir: repo.gitdir, oid });
      return oid;
    } catch {
      // Next candidate.
    }
  }
  throw new AppError('bundle.unknownSince', { since: since.slice(0, 80) });
}

export interface BundleImportReport {
  office: string;
  keyId: string;
  head: string;
  integrated: 'none' | 'fastForward' | 'merged';
  changedPieces: number;
  newConflicts: number;
}

/**
 * Verifies a bundle (size, form, signature against the trusted offices, each object's id) before
 * anything is written, then merges its head exactly like a sync. A refusal leaves the library and
 * its repository as they were.
 */
export async function importBundle(store: LibraryStore, options: { libraryPath: string; repoDir: string; file: string; author: SyncAuthor; maxBytes?: number }): Promise<BundleImportReport> {
  const { header, payload } = verifyBundle(options.libraryPath, options.file, options.maxBytes ?? MAX_BUNDLE_BYTES);
  const repo = await LibraryRepository.open(options.repoDir);
  if (payload.base) {
    try {
      await git.readCommit({ fs, gitdir: repo.gitdir, oid: payload.base });
    } catch {
      throw new AppError('bundle.missingBase', { file: options.file, office: header.office, base: payload.base.slice(0, 12) });
    }
  }
  for (const [oid, type, data] of payload.objects) {
    await git.writeObject({ fs, gitdir: repo.gitdir, type, object: Buffer.from(data, 'base64'), format: 'content', oid });
  }
  try {
    await git.readCommit({ fs, gitdir: repo.gitdir, oid: payload.head });
  } catch {
    throw new AppError('bundle.tampered', { file: options.file });
  }
  const received = await receiveCommit(store, repo, payload.head, options.author);
  await git.writeRef({ fs, gitdir: repo.gitdir, ref: officeRef(header.office), value: payload.head, force: true });
  return { office: header.office, keyId: header.keyId, head: received.head, integrated: received.integrated, changedPieces: received.changedPieces, newConflicts: received.conflicts };
}

function verifyBundle(libraryPath: string, file: string, maxBytes: number): { header: Header; payload: Payload } {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new AppError('bundle.notFound', { file });
  }
  if (size > maxBytes) throw new AppError('bundle.oversized', { file, size, limit: maxBytes });
  const bytes = fs.readFileSync(file);
  const first = bytes.indexOf(0x0a);
  const magic = bytes.subarray(0, first < 0 ? bytes.length : first).toString('utf8');
  if (magic !== MAGIC) {
    // A payload with no signed header at all (or the start of one cut off) is unsigned; anything else is not a bundle.
    if (bytes.subarray(0, 64).toString('utf8').includes('"objects"') || /^\{"(base|head)"/.test(bytes.subarray(0, 10).toString('utf8'))) {
      throw new AppError('bundle.unsigned', { file });
    }
    if (first < 0 && MAGIC.startsWith(magic) && magic.length > 0) throw new AppError('bundle.truncated', { file });
    throw new AppError('bundle.notBundle', { file });
  }
  const second = bytes.indexOf(0x0a, first + 1);
  if (second < 0) throw new AppError('bundle.truncated', { file });
  let raw: Partial<Header>;
  try {
    raw = JSON.parse(bytes.subarray(first + 1, second).toString('utf8')) as Partial<Header>;
  } catch {
    throw new AppError('bundle.tampered', { file });
  }
  if (typeof raw !== 'object' || raw === null || typeof raw.office !== 'string' || typeof raw.keyId !== 'string' || !raw.signature || typeof raw.signature !== 'string') {
    throw new AppError('bundle.unsigned', { file });
  }
  if (typeof raw.payloadBytes !== 'number' || typeof raw.payloadSha256 !== 'string') throw new AppError('bundle.tampered', { file });
  const header = raw as Header;
  const body = bytes.subarray(second + 1);
  if (body.length < header.payloadBytes) throw new AppError('bundle.truncated', { file });

  const trusted = listTrustedOffices(libraryPath).find((o) => o.office === header.office);
  if (!trusted) throw new AppError('bundle.unknownOffice', { file, office: header.office.slice(0, 80) });
  if (trusted.keyId !== header.keyId) throw new AppError('bundle.wrongKey', { file, office: trusted.office, keyId: header.keyId.slice(0, 16), trustedKeyId: trusted.keyId });
  const sha = crypto.createHash('sha256').update(body).digest('hex');
  if (body.length !== header.payloadBytes || sha !== header.payloadSha256) throw new AppError('bundle.tampered', { file });
  const signature = Buffer.from(header.signature, 'base64');
  if (!crypto.verify(null, signedText(header), crypto.createPublicKey(trusted.publicKeyPem), signature)) {
    throw new AppError('bundle.wrongKey', { file, office: trusted.office, keyId: header.keyId.slice(0, 16), trustedKeyId: trusted.keyId });
  }
  return { header, payload: parsePayload(body, file) };
}

/** Signed by a trusted office, yet checked: every object's id must be the hash of its content. */
function parsePayload(body: Buffer, file: string): Payload {
  try {
    const payload = JSON.parse(body.toString('utf8')) as Payload;
    const oid = /^[0-9a-f]{40}$/;
    if (!oid.test(payload.head) || (payload.base !== null && !oid.test(payload.base)) || !Array.isArray(payload.objects)) throw new Error('shape');
    for (const entry of payload.objects) {
      const [id, type, data] = entry;
      if (!TYPES.has(type) || typeof data !== 'string' || !oid.test(id)) throw new Error('object');
      const content = Buffer.from(data, 'base64');
      const actual = crypto.createHash('sha1').update(`${type} ${content.length}\0`).update(content).digest('hex');
      if (actual !== id) throw new Error('oid');
    }
    return payload;
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('bundle.tampered', { file });
  }
}
