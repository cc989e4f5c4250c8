import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { cli, tempDir } from './cli';

/** A library with the starter content, created once per test file and copied for each test. */
export class StarterTemplate {
  private template: string | null = null;

  async copy(dir: string = tempDir(), name = 'lib.sqlite'): Promise<string> {
    if (this.template === null) {
      const file = path.join(tempDir('briefing-template-'), 'template.sqlite');
      const result = await cli(['init', '--db', file]);
      if (result.code !== 0) throw new Error(`init failed: ${result.stderr}`);
      this.template = file;
    }
    const target = path.join(dir, name);
    fs.copyFileSync(this.template, target);
    return target;
  }
}

/** The exact bytes `briefing export` writes for a library (read-only use of the library). */
export async function exportBytes(db: string): Promise<Buffer> {
  const out = path.join(tempDir('briefing-export-'), 'export.json');
  const result = await cli(['export', '--db', db, '--out', out]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return fs.readFileSync(out);
}

export function sha256File(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function writeJson(file: string, value: unknown): string {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  return file;
}

export function readJson<T = unknown>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** stderr split in lines, without the final newline. */
export function lines(text: string): string[] {
  return text.replace(/\n$/, '').split('\n');
}

/** Asserts a single-line error on stderr and returns it. */
export function oneLine(stderr: string): string {
  expect(stderr.endsWith('\n')).toBe(true);
  const all = lines(stderr);
  expect(all, `expected one line on stderr, got:\n${stderr}`).toHaveLength(1);
  return all[0]!;
}
