import { AppError } from '../../shared/errors/AppError';
import type { Distribution } from '../../shared/api/buildRecordTypes';
import type { LibraryStore } from './LibraryStore';
import { userName } from './userName';

/** How many recipients one call may name, and how long a name may be (the table's check). */
export const MAX_RECIPIENTS = 500;
export const MAX_RECIPIENT_LENGTH = 200;

/** Names as typed: trimmed, inner runs of spaces made one, empty ones dropped, each once. */
export function cleanRecipients(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.replace(/\s+/g, ' ').trim();
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * Marks a build as distributed to named recipients, through the write gate (all or nothing). A
 * recipient already recorded for the build keeps the date they first received it. Only a build
 * that made its files can have been sent.
 */
export function markDistributed(store: LibraryStore, buildId: string, names: readonly string[], at: Date = new Date()): Distribution[] {
  const recipients = cleanRecipients(names);
  if (recipients.length === 0) throw new AppError('distribution.noRecipients', { build: buildId });
  if (recipients.length > MAX_RECIPIENTS) throw new AppError('distribution.tooManyRecipients', { count: recipients.length, max: MAX_RECIPIENTS });
  const long = recipients.find((n) => n.length > MAX_RECIPIENT_LENGTH);
  if (long) throw new AppError('distribution.nameTooLong', { name: `${long.slice(0, 40)}…`, max: MAX_RECIPIENT_LENGTH });
  const build = store.db.prepare('SELECT status FROM builds WHERE id = ?').get(buildId) as { status: string } | undefined;
  if (!build) throw new AppError('distribution.unknownBuild', { build: buildId });
  if (build.status !== 'ok') throw new AppError('distribution.notBuilt', { build: buildId, status: build.status });
  const who = userName(store);
  const when = at.toISOString();
  store.write(() => {
    const insert = store.db.prepare(
      'INSERT INTO build_distributions (build_id, recipient, distributed_at, distributed_by) VALUES (?, ?, ?, ?) ON CONFLICT (build_id, recipient) DO NOTHING',
    );
    for (const name of recipients) insert.run(buildId, name, when, who);
  });
  return distributionsOf(store, buildId);
}

/** A build's recipients, in the order they received it. */
export function distributionsOf(store: LibraryStore, buildId: string): Distribution[] {
  return store.db
    .prepare('SELECT recipient, distributed_at AS at, distributed_by AS by FROM build_distributions WHERE build_id = ? ORDER BY distributed_at, rowid')
    .all(buildId) as Distribution[];
}

/** The pack's build most recently sent to anyone (by pack id or slug); null when none was. */
export function lastDistributedBuild(store: LibraryStore, packRef: string): string | null {
  const row = store.db
    .prepare(
      `SELECT b.id FROM builds b JOIN build_distributions d ON d.build_id = b.id
       WHERE (b.pack_id = ? OR b.pack_slug = ?) AND b.status = 'ok'
       ORDER BY d.distributed_at DESC, b.built_at DESC LIMIT 1`,
    )
    .pluck()
    .get(packRef, packRef) as string | undefined;
  return row ?? null;
}
