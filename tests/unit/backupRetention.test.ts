import { describe, expect, it } from 'vitest';
import { backupsToKeep, type RetentionRule } from '../../main/services/backups/backupRetention';

const NOW = new Date('2026-03-31T18:00:00.000Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const rule: RetentionRule = { recent: 5, days: 7, weeks: 5, maxBytes: 1_000_000 };
const at = (msAgo: number, bytes = 100) => ({ name: `b-${msAgo}`, takenAt: new Date(NOW.getTime() - msAgo), bytes });

describe('backup retention', () => {
  it('keeps the last five of today and drops older ones of today', () => {
    const today = [1, 2, 3, 4, 5, 6, 7].map((h) => at(h * HOUR));
    const kept = backupsToKeep(today, NOW, rule);
    expect([...kept].sort()).toEqual(today.slice(0, 5).map((b) => b.name).sort());
  });

  it('keeps the newest of each of the seven days before today', () => {
    // Two a day for ten days back (at 19:00 and 20:00 UTC the day before, etc.).
    const older = Array.from({ length: 10 }, (_, d) => [at((d + 1) * DAY - HOUR), at((d + 1) * DAY - 2 * HOUR)]).flat();
    const kept = backupsToKeep(older, NOW, rule);
    for (let d = 1; d <= 7; d++) {
      const ofDay = older.filter((b) => Math.floor(b.takenAt.getTime() / DAY) === Math.floor((NOW.getTime() - d * DAY) / DAY));
      const newest = ofDay.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime())[0]!;
      expect(kept.has(newest.name)).toBe(true);
      expect(ofDay.filter((b) => kept.has(b.name))).toHaveLength(1);
    }
  });

  it('keeps one a week for five weeks after the daily ones, and nothing older', () => {
    const daily = Array.from({ length: 60 }, (_, d) => at((d + 1) * DAY));
    const kept = backupsToKeep(daily, NOW, rule);
    // 7 daily + 5 weekly.
    expect(kept.size).toBe(12);
    const ages = daily.filter((b) => kept.has(b.name)).map((b) => Math.round((NOW.getTime() - b.takenAt.getTime()) / DAY));
    expect(ages).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 15, 22, 29, 36]);
    expect(Math.max(...ages)).toBeLessThanOrEqual(7 + 5 * 7);
  });

  it('drops the oldest kept until the total fits the size cap, but always keeps the newest', () => {
    const big = [at(1 * HOUR, 400_000), at(2 * HOUR, 400_000), at(1 * DAY, 400_000)];
    expect([...backupsToKeep(big, NOW, rule)].sort()).toEqual([big[0]!.name, big[1]!.name].sort());
    const huge = [at(1 * HOUR, 5_000_000), at(2 * HOUR, 10)];
    expect([...backupsToKeep(huge, NOW, rule)]).toEqual([huge[0]!.name]);
  });

  it('keeps the newest even when it is older than every bucket', () => {
    const ancient = [at(400 * DAY), at(500 * DAY)];
    expect([...backupsToKeep(ancient, NOW, rule)]).toEqual([ancient[0]!.name]);
  });

  it('counts a backup dated in the future (the clock went back) as today’s', () => {
    const kept = backupsToKeep([at(-2 * HOUR), at(1 * HOUR)], NOW, rule);
    expect(kept.size).toBe(2);
  });
});
