import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors/AppError';
import { diskFullError, isNoSpace } from '../db/diskFull';

/**
 * A build's files land all or none. Each is written under a temporary name first; once every
 * one is complete, a journal naming them is written, and only then are they renamed into place.
 * A build killed before the journal leaves only temporary files, which the next build in that
 * folder removes; one killed between renames leaves its journal, and the next build finishes
 * the renames it lists. Either way the folder ends with all the editions or none of them.
 */
const TEMP = /^\.(.+\.pdf)\.(\d+)\.tmp$/;
const JOURNAL = /^\.briefing-build\.(\d+)\.json$/;

interface Journal {
  renames: { temp: string; file: string }[];
}

export function writeOutputs(files: { file: string; bytes: Uint8Array }[], force: boolean): void {
  const temps: string[] = [];
  let writing = files[0]?.file ?? '';
  let journal: string | null = null;
  try {
    for (const { file, bytes } of files) {
      if (!force && fs.existsSync(file)) throw new AppError('build.outputExists', { file });
      // A folder (or anything but a file) in the way would stop the renames half done.
      if (fs.existsSync(file) && !fs.statSync(file).isFile()) throw new AppError('build.cannotWrite', { file, detail: 'EISDIR' });
      writing = file;
      const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
      temps.push(temp);
      fs.writeFileSync(temp, bytes);
    }
    const folder = path.dirname(files[0]!.file);
    journal = path.join(folder, `.briefing-build.${process.pid}.json`);
    writing = journal;
    const content: Journal = { renames: files.map(({ file }, i) => ({ temp: temps[i]!, file })) };
    fs.writeFileSync(journal, JSON.stringify(content));
  } catch (error) {
    for (const temp of temps) fs.rmSync(temp, { force: true });
    if (journal) fs.rmSync(journal, { force: true });
    if (error instanceof AppError) throw error;
    if (isNoSpace(error)) throw diskFullError(writing, error);
    throw new AppError('build.cannotWrite', { file: writing, detail: (error as NodeJS.ErrnoException).code ?? String(error) }, [], { cause: error });
  }
  // From here on the build is committed: renames need no space, and a crash is finished later.
  let renamed = 0;
  try {
    for (const [i, { file }] of files.entries()) {
      writing = file;
      fs.renameSync(temps[i]!, file);
      renamed++;
    }
  } catch (error) {
    // Only a change made between the checks above and now (a folder put in the way) gets here.
    for (const temp of temps.slice(renamed)) fs.rmSync(temp, { force: true });
    throw new AppError('build.cannotWrite', { file: writing, detail: (error as NodeJS.ErrnoException).code ?? String(error) }, [], { cause: error });
  } finally {
    fs.rmSync(journal, { force: true });
  }
}

/**
 * What builds killed in `folder` left behind: their journals' renames are finished, their other
 * temporary files removed. Files of a build still running (its process alive) are left alone.
 */
export function sweepBuildLeftovers(folder: string): { finished: number; removed: number } {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return { finished: 0, removed: 0 };
  }
  let finished = 0;
  let removed = 0;
  for (const name of names) {
    const pid = JOURNAL.exec(name)?.[1];
    if (pid === undefined || isAlive(Number(pid))) continue;
    const journal = path.join(folder, name);
    try {
      const { renames } = JSON.parse(fs.readFileSync(journal, 'utf8')) as Journal;
      for (const { temp, file } of renames) {
        if (!fs.existsSync(temp)) continue;
        fs.renameSync(temp, file);
        finished++;
      }
    } catch {
      // A journal cut short was never complete: its build had not begun renaming.
    }
    fs.rmSync(journal, { force: true });
  }
  for (const name of fs.readdirSync(folder)) {
    const pid = TEMP.exec(name)?.[2];
    if (pid === undefined || isAlive(Number(pid))) continue;
    fs.rmSync(path.join(folder, name), { force: true });
    removed++;
  }
  return { finished, removed };
}

/** Whether a process that left files behind still runs (this one always does). */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
