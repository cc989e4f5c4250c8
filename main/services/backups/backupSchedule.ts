import type { Database as Db } from 'better-sqlite3';
import { createBackup } from './createBackup';

export const BACKUP_INTERVAL_MS = 30 * 60 * 1000;

export interface BackupSchedule {
  /** Runs one scheduled check now (what the timer does); resolves when it is done. */
  tick(): Promise<void>;
  stop(): void;
}

/**
 * While the app or `briefing serve` runs: every `intervalMs`, a backup if the library changed
 * since the last one (this connection's changes, or another program's). The timer does not
 * keep the process alive, and a failure is logged and tried again at the next tick.
 */
export function startBackupSchedule(options: { db: () => Db; libraryPath: string; intervalMs?: number }): BackupSchedule {
  const fingerprint = () => {
    const db = options.db();
    const own = db.prepare('SELECT total_changes()').pluck().get() as number;
    const others = db.pragma('data_version', { simple: true }) as number;
    return `${own}:${others}`;
  };
  let last = fingerprint();
  let running: Promise<void> | null = null;
  const run = async () => {
    try {
      const now = fingerprint();
      if (now !== last) {
        await createBackup(options.db(), options.libraryPath, 'scheduled');
        last = now;
      }
    } catch (error) {
      console.error('[backups] scheduled backup failed', error);
    }
  };
  // One at a time: a tick while a backup is still being written waits for that one.
  const tick = (): Promise<void> => {
    if (!running) running = run().finally(() => (running = null));
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? BACKUP_INTERVAL_MS);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
