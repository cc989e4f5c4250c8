import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli';
import { StarterTemplate } from '../helpers/library';
import { createTranslator } from '../../shared/locales/createTranslator';

/* `briefing history PIECE`: the versions table, one version's texts, a restore, and bad input named. */

const template = new StarterTemplate();
let db: string;
let dir: string;
beforeEach(async () => {
  dir = tempDir();
  db = await template.copy(dir);
});

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => cli([...args, '--db', db], env);

describe('briefing history', () => {
  it('lists versions, shows one, restores one as a new version', async () => {
    const list = await run(['history', 'prio-rps-1']);
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toBe('Version\tWhen\tWho\tWhat changed');
    expect(list.stdout).toMatch(/^v1\t\d{4}-\d\d-\d\dT/m);
    const show = await run(['history', 'prio-rps-1', '--show', '1']);
    expect(show.stdout).toContain('title [fr] Sécurité humaine et multidimensionnelle');
    const same = await run(['history', 'prio-rps-1', '--restore', '1']);
    expect(same.stdout).toContain('already reads as version 1');
    const json = JSON.parse((await run(['history', 'prio-rps-1', '--json'])).stdout) as unknown[];
    expect(json).toHaveLength(1);
  });

  it('names an unknown piece, an unknown version and a bad number, in the user’s language', async () => {
    const fr = createTranslator('fr');
    const piece = await run(['history', 'no-such'], { BRIEFING_LOCALE: 'fr' });
    expect(piece.code).not.toBe(0);
    expect(piece.stderr).toContain(fr('errors:history.unknownPiece', { id: 'no-such' }));
    const version = await run(['history', 'prio-rps-1', '--show', '9']);
    expect(version.code).not.toBe(0);
    expect(version.stderr).toContain('“prio-rps-1” has no version 9: its versions run from 1 to 1.');
    const bad = await run(['history', 'prio-rps-1', '--restore', '0'], { BRIEFING_LOCALE: 'es' });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('«0» no es un número de versión');
  });
});

describe('an XLIFF import in the history', () => {
  it('records a version of the piece whose translation came in, naming that language', async () => {
    const file = path.join(dir, 'out.xlf');
    expect((await run(['xliff', 'export', '--from', 'fr', '--lang', 'es', '--out', file])).code).toBe(0);
    const unit = /(<file id="prio-rps-2"[\s\S]*?<unit id="title">[\s\S]*?)<segment[^>]*>\s*(<source>[\s\S]*?<\/source>)(?:\s*<target>[\s\S]*?<\/target>)?/;
    const xml = fs.readFileSync(file, 'utf8');
    expect(unit.test(xml)).toBe(true);
    fs.writeFileSync(file, xml.replace(unit, '$1<segment state="final">$2<target>Prevención de la violencia armada</target>'));
    const before = JSON.parse((await run(['history', 'prio-rps-2', '--json'])).stdout) as { number: number }[];
    expect((await run(['xliff', 'import', file, '--by', 'Diego Ruiz'])).code).toBe(0);
    const after = JSON.parse((await run(['history', 'prio-rps-2', '--json'])).stdout) as { number: number; changes: unknown[] }[];
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)!.changes).toEqual([{ field: 'title', language: 'es' }]);
  });
});
