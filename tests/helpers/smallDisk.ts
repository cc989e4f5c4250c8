import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './cli';

export interface SmallDisk {
  dir: string;
  /** Fills the disk with a file until at most `leaveKb` are free. */
  fill(leaveKb: number): void;
  unmount(): void;
}

/** A tmpfs of `sizeKb` (needs root); null, with the reason printed, where it cannot be mounted. */
export function mountSmallDisk(sizeKb: number): SmallDisk | null {
  const dir = tempDir('briefing-disk-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    console.log(`full-disk tests skipped: cannot mount a small tmpfs (${(error as Error).message.split('\n')[0]})`);
    return null;
  }
  const filler = path.join(dir, 'filler');
  return {
    dir,
    fill(leaveKb) {
      const { bavail, bsize } = fs.statfsSync(dir);
      const free = bavail * bsize;
      const add = Math.max(0, free - leaveKb * 1024);
      fs.appendFileSync(filler, Buffer.alloc(add));
      // tmpfs rounds to pages: fill what remains above the wanted free space a page at a time.
      try {
        while (fs.statfsSync(dir).bavail * bsize > leaveKb * 1024) fs.appendFileSync(filler, Buffer.alloc(bsize));
      } catch {
        // ENOSPC: full.
      }
    },
    unmount() {
      execFileSync('umount', [dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
