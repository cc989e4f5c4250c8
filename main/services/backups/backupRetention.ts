/**
 * Which backups to keep: the one rule, applied after every backup. Newest first: the last
 * `recent` taken today (UTC), then the newest of each of the `days` days before, then the
 * newest of each of the `weeks` weeks before that; then the oldest kept go until the total
 * fits `maxBytes`. The newest backup is always kept, whatever its size: it may be the only
 * way back from a restore.
 */
export interface RetentionRule {
  recent: number;
  days: number;
  weeks: number;
  maxBytes: number;
}

export const DEFAULT_RETENTION: RetentionRule = { recent: 5, days: 7, weeks: 5, maxBytes: 2 * 1024 * 1024 * 1024 };

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetainedBackup {
  name: string;
  takenAt: Date;
  bytes: number;
}

export function backupsToKeep<T extends RetainedBackup>(backups: readonly T[], now: Date, rule: RetentionRule = DEFAULT_RETENTION): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || (a.name < b.name ? 1 : -1));
  const today = Math.floor(now.getTime() / DAY_MS);
  const keep: T[] = [];
  const daysSeen = new Set<number>();
  const weeksSeen = new Set<number>();
  let recentKept = 0;
  for (const [index, backup] of newestFirst.entries()) {
    const before = keep.length;
    const day = Math.floor(backup.takenAt.getTime() / DAY_MS);
    const age = today - day;
    // A backup dated in the future (clock changed) counts as today's.
    if (age <= 0) {
      if (recentKept < rule.recent) {
        recentKept += 1;
        keep.push(backup);
      }
    } else if (age <= rule.days) {
      if (!daysSeen.has(day)) {
        daysSeen.add(day);
        keep.push(backup);
      }
    } else {
      const week = Math.floor((age - rule.days - 1) / 7);
      if (week < rule.weeks && !weeksSeen.has(week)) {
        weeksSeen.add(week);
        keep.push(backup);
      }
    }
    if (index === 0 && keep.length === before) keep.push(backup);
  }
  let total = keep.reduce((sum, b) => sum + b.bytes, 0);
  while (keep.length > 1 && total > rule.maxBytes) total -= keep.pop()!.bytes;
  return new Set(keep.map((b) => b.name));
}
