import fs from 'node:fs';
import path from 'node:path';
import { openLibrary } from '../../main/db/openLibrary';
import { createBackup } from '../../main/services/backups/createBackup';
import { restoreBackup } from '../../main/services/backups/restoreBackup';

type Emit = (record: Record<string, unknown>) => void;

/** A backup now, and a restore (its checks, the backup of the current library, the copy in), per library size. */
export async function runBackupsBench(emit: Emit, libraries: [string, string][], work: string, runs: number): Promise<void> {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const [name, source] of libraries) {
    const dir = fs.mkdtempSync(path.join(work, `backups-${name}-`));
    const file = path.join(dir, 'library.sqlite');
    fs.copyFileSync(source, file);
    const library = await openLibrary(file, { create: false });
    try {
      const backupMs: number[] = [];
      const restoreMs: number[] = [];
      let bytes = 0;
      for (let r = 0; r < runs; r++) {
        let start = performance.now();
        const made = await createBackup(library.db, file, 'manual');
        backupMs.push(performance.now() - start);
        bytes = made.bytes;
        start = performance.now();
        await restoreBackup(library.db, file, made.name);
        restoreMs.push(performance.now() - start);
      }
      emit({ bench: 'backups', library: name, bytes, backup_ms: Math.round(median(backupMs)), restore_ms: Math.round(median(restoreMs)) });
    } finally {
      library.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
