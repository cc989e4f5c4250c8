/**
 * A restore in a process of its own, for kill -9 tests: `restoreChild.ts LIBRARY BACKUP STEP`.
 * At copy step STEP (1: the current library backed up, the copy begun; -1: never) it says
 * "step" and waits to be killed. It says "started" when the restore begins.
 */
import { openLibrary } from '../../main/db/openLibrary';
import { restoreBackup } from '../../main/services/backups/restoreBackup';

const [library, backup, stepText] = process.argv.slice(2) as [string, string, string];
const stopAt = Number(stepText);
const opened = await openLibrary(library, { create: false });
let steps = 0;
const hang = () => {
  process.stdout.write('step\n');
  // Holds the process (and its open write transaction) until it is killed.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
};
process.stdout.write('started\n');
await restoreBackup(opened.db, library, backup, {
  onStep: () => {
    steps += 1;
    if (steps === stopAt) hang();
  },
});
opened.close();
process.stdout.write('done\n');
