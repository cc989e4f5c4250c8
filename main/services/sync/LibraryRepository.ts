import crypto from 'node:crypto';
import fs from 'node:fs';
import git from 'isomorphic-git';
import { boundedHttp } from './boundedHttp';
import { AppError } from '../../../shared/errors/AppError';

/** Who signs a commit: the user's name and office (the office is the e-mail's place, for git hosts). */
export interface SyncAuthor {
  name: string;
  office: string;
}

/** A token, or a user name and password, for the remote; never written anywhere by us. */
export interface SyncCredentials {
  username: string;
  password: string;
}

export const BRANCH = 'main';
const LOCAL = `refs/heads/${BRANCH}`;
const REMOTE = `refs/remotes/origin/${BRANCH}`;
/** More entries than any library has (10,000 pieces is a large one): a hostile tree stops here. */
export const MAX_TREE_ENTRIES = 200_000;

/** How the author reads in a conflict and in `git log`: "Ana Ruiz (Secretariat)". */
export const authorLabel = (a: SyncAuthor) => (a.office ? `${a.name} (${a.office})` : a.name);

/**
 * The library's own git repository (bare: it holds commits, never a work tree; the SQLite file
 * is the working copy). Commits are made from file maps directly, so no checkout or index is
 * kept in step, and a piece file git already has is never written twice.
 */
export class LibraryRepository {
  private readonly cache = {};

  private constructor(readonly gitdir: string) {}

  static async open(gitdir: string): Promise<LibraryRepository> {
    if (!fs.existsSync(`${gitdir}/HEAD`)) {
      fs.mkdirSync(gitdir, { recursive: true });
      await git.init({ fs, gitdir, bare: true, defaultBranch: BRANCH });
    }
    return new LibraryRepository(gitdir);
  }

  private get base() {
    return { fs, gitdir: this.gitdir, cache: this.cache };
  }

  async remoteUrl(): Promise<string | undefined> {
    return (await git.getConfig({ fs, gitdir: this.gitdir, path: 'remote.origin.url' })) as string | undefined;
  }

  async setRemoteUrl(url: string): Promise<void> {
    await git.setConfig({ fs, gitdir: this.gitdir, path: 'remote.origin.url', value: url });
    await git.setConfig({ fs, gitdir: this.gitdir, path: 'remote.origin.fetch', value: `+refs/heads/*:refs/remotes/origin/*` });
  }

  private async resolve(ref: string): Promise<string | null> {
    try {
      return await git.resolveRef({ fs, gitdir: this.gitdir, ref });
    } catch {
      return null;
    }
  }

  head = () => this.resolve(LOCAL);
  remoteHead = () => this.resolve(REMOTE);

  async setHead(oid: string): Promise<void> {
    await git.writeRef({ fs, gitdir: this.gitdir, ref: LOCAL, value: oid, force: true });
  }

  async mergeBase(a: string, b: string): Promise<string | null> {
    const [oid] = (await git.findMergeBase({ ...this.base, oids: [a, b] })) as string[];
    return oid ?? null;
  }

  isAncestor(ancestor: string, oid: string): Promise<boolean> {
    return ancestor === oid ? Promise.resolve(true) : git.isDescendent({ ...this.base, oid, ancestor, depth: -1 });
  }

  /** Every blob of a commit's tree, path → oid; a tree larger than any library is refused. */
  async treeFiles(commit: string): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const walk = async (oid: string, prefix: string): Promise<void> => {
      const { tree } = await git.readTree({ ...this.base, oid });
      for (const entry of tree) {
        if (out.size >= MAX_TREE_ENTRIES) throw new AppError('sync.tooManyFiles', { limit: MAX_TREE_ENTRIES });
        const path = `${prefix}${entry.path}`;
        if (entry.type === 'tree') await walk(entry.oid, `${path}/`);
        else out.set(path, entry.oid);
      }
    };
    await walk(commit, '');
    return out;
  }

  /**
   * The files that differ between two commits' trees, path → [oid in a, oid in b] (undefined where
   * absent); with no `a`, every file of `b`. Subtrees with the same id are skipped unread, so the
   * cost is that of the change, not of the library; a change larger than any library is refused.
   */
  async changedFiles(a: string | null, b: string): Promise<Map<string, [string | undefined, string | undefined]>> {
    const out = new Map<string, [string | undefined, string | undefined]>();
    const entries = async (oid: string | undefined) => (oid === undefined ? [] : (await git.readTree({ ...this.base, oid })).tree);
    const walk = async (left: string | undefined, right: string | undefined, prefix: string): Promise<void> => {
      const l = new Map((await entries(left)).map((e) => [e.path, e]));
      const r = new Map((await entries(right)).map((e) => [e.path, e]));
      for (const name of new Set([...l.keys(), ...r.keys()])) {
        const x = l.get(name);
        const y = r.get(name);
        if (x && y && x.oid === y.oid && x.type === y.type) continue;
        const path = `${prefix}${name}`;
        const xt = x?.type === 'tree' ? x.oid : undefined;
        const yt = y?.type === 'tree' ? y.oid : undefined;
        if (xt !== undefined || yt !== undefined) await walk(xt, yt, `${path}/`);
        const xb = x && x.type !== 'tree' ? x.oid : undefined;
        const yb = y && y.type !== 'tree' ? y.oid : undefined;
        if (xb !== undefined || yb !== undefined) {
          if (out.size >= MAX_TREE_ENTRIES) throw new AppError('sync.tooManyFiles', { limit: MAX_TREE_ENTRIES });
          out.set(path, [xb, yb]);
        }
      }
    };
    const treeOf = async (commit: string) => (await git.readCommit({ ...this.base, oid: commit })).commit.tree;
    await walk(a === null ? undefined : await treeOf(a), await treeOf(b), '');
    return out;
  }

  async readBlob(oid: string): Promise<Uint8Array> {
    return (await git.readBlob({ ...this.base, oid })).blob;
  }

  /** The blob id each file would have: the same content always gives the same id. */
  static oids(files: ReadonlyMap<string, string>): Map<string, readonly [string, string]> {
    const out = new Map<string, readonly [string, string]>();
    for (const [path, text] of files) {
      // git's blob id ("blob <size>\0<bytes>", SHA-1), with node's hash: the same id as hashBlob, faster.
      const bytes = Buffer.from(text);
      out.set(path, [crypto.createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex'), text] as const);
    }
    return out;
  }

  /**
   * Commits these files (path → [oid, text]) as the whole tree, on the given parents; moves main.
   * A file without its text must already be in the repository (it is in a parent's tree).
   */
  async commitFiles(files: ReadonlyMap<string, readonly [string, string?]>, parents: string[], message: string, author: SyncAuthor): Promise<string> {
    const have = new Set(parents.length > 0 ? (await this.treeFiles(parents[0]!)).values() : []);
    const dirs = new Map<string, { mode: string; path: string; oid: string; type: 'blob' | 'tree' }[]>();
    for (const [path, [oid, text]] of files) {
      if (text !== undefined && !have.has(oid)) await git.writeBlob({ fs, gitdir: this.gitdir, blob: new TextEncoder().encode(text) });
      const slash = path.lastIndexOf('/');
      const dir = path.slice(0, slash);
      if (!dirs.has(dir)) dirs.set(dir, []);
      dirs.get(dir)!.push({ mode: '100644', path: path.slice(slash + 1), oid, type: 'blob' });
    }
    const tree = await this.writeTrees(dirs);
    const who = { name: author.name, email: `${slug(author.name)}@${slug(author.office) || 'office'}.invalid` };
    const oid = await git.commit({ ...this.base, message, author: who, committer: who, parent: parents, tree, noUpdateBranch: true });
    await this.setHead(oid);
    return oid;
  }

  /** Nested trees from the leaves up ("pieces/notes" inside "pieces" inside the root). */
  private async writeTrees(dirs: Map<string, { mode: string; path: string; oid: string; type: 'blob' | 'tree' }[]>): Promise<string> {
    const children = new Map<string, Set<string>>();
    for (const dir of dirs.keys()) {
      const parts = dir.split('/');
      for (let i = 1; i <= parts.length; i++) {
        const parent = parts.slice(0, i - 1).join('/');
        if (!children.has(parent)) children.set(parent, new Set());
        children.get(parent)!.add(parts.slice(0, i).join('/'));
      }
    }
    const write = async (dir: string): Promise<string> => {
      const entries = [...(dirs.get(dir) ?? [])];
      for (const child of children.get(dir) ?? []) {
        entries.push({ mode: '040000', path: child.slice(dir ? dir.length + 1 : 0), oid: await write(child), type: 'tree' });
      }
      return git.writeTree({ fs, gitdir: this.gitdir, tree: entries });
    };
    return write('');
  }

  async fetch(url: string, credentials: SyncCredentials | null, timeoutMs: number): Promise<void> {
    // Not singleBranch: with it, isomorphic-git tells the server only our own main as what we have,
    // which it does not know before our push, and the server sends the whole library again.
    // Without it, the remote-tracking ref (known to the server) is sent too.
    await git.fetch({ ...this.base, http: boundedHttp(timeoutMs), url, remote: 'origin', ref: BRANCH, singleBranch: false, tags: false, ...auth(credentials) });
  }

  async push(url: string, credentials: SyncCredentials | null, timeoutMs: number): Promise<{ ok: boolean; error?: string }> {
    const result = await git.push({ ...this.base, http: boundedHttp(timeoutMs), url, remote: 'origin', ref: BRANCH, remoteRef: BRANCH, ...auth(credentials) });
    const ref = result.refs?.[LOCAL];
    // What the server now has: the next fetch tells it so, and gets only what is new.
    const head = await this.head();
    if (result.ok && (ref?.ok ?? true) && head) await git.writeRef({ fs, gitdir: this.gitdir, ref: REMOTE, value: head, force: true });
    return { ok: result.ok && (ref?.ok ?? true), error: ref?.error ?? result.error ?? undefined };
  }
}

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/** Credentials once; a refusal is not retried (isomorphic-git would ask again). */
function auth(credentials: SyncCredentials | null) {
  return {
    onAuth: () => (credentials ? { username: credentials.username, password: credentials.password } : { cancel: true }),
    onAuthFailure: () => ({ cancel: true }),
  };
}
