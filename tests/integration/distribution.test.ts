import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli';
import { exportBytes, oneLine, StarterTemplate } from '../helpers/library';

const starter = new StarterTemplate();

const buildIds = (db: string): { id: string; status: string }[] => {
  const lib = new Database(db, { readonly: true });
  try {
    return lib.prepare('SELECT id, status FROM builds ORDER BY rowid').all() as { id: string; status: string }[];
  } finally {
    lib.close();
  }
};

describe('marking a build as distributed (briefing packs distribute)', () => {
  let db: string;
  let built: string;
  let refused: string;

  beforeAll(async () => {
    db = await starter.copy();
    const ok = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'en', '--out', path.join(tempDir(), 'a.pdf')]);
    expect(ok.code, ok.stderr).toBe(0);
    const no = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'en', '--require-approved', '--out', path.join(tempDir(), 'b.pdf')]);
    expect(no.code).not.toBe(0);
    [built, refused] = buildIds(db).map((b) => b.id) as [string, string];
  }, 120_000);

  it('records each named recipient once and lists them with the pack’s builds', async () => {
    const first = await cli(['packs', 'distribute', built, '--db', db, '--to', 'Delegation of Panama', ' Ana  Pérez ']);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(`Build ${built} is marked as distributed to 2 recipients: Delegation of Panama, Ana Pérez.\n`);
    const again = await cli(['packs', 'distribute', built, '--db', db, '--to', 'Ana Pérez', 'Delegation of Chile']);
    expect(again.stdout).toContain('to 3 recipients: Delegation of Panama, Ana Pérez, Delegation of Chile.');
    const list = await cli(['packs', 'builds', 'panama-2025', '--db', db, '--json']);
    const builds = JSON.parse(list.stdout) as { id: string; status: string; distributedTo: { recipient: string; by: string }[] }[];
    expect(builds.map((b) => b.id)).toEqual([refused, built]);
    expect(builds[1]!.distributedTo.map((d) => d.recipient)).toEqual(['Delegation of Panama', 'Ana Pérez', 'Delegation of Chile']);
    expect(builds[0]!.distributedTo).toEqual([]);
    const text = await cli(['packs', 'builds', 'panama-2025', '--db', db]);
    expect(text.stdout).toContain(`${built}`);
    expect(text.stdout).toContain('sent to Delegation of Panama, Ana Pérez, Delegation of Chile');
  });

  it.each([
    ['en', 'No build 00000000-0000-4000-8000-000000000000 in this library'],
    ['fr', 'Aucune construction 00000000-0000-4000-8000-000000000000 dans cette bibliothèque'],
    ['es', 'No hay ninguna generación 00000000-0000-4000-8000-000000000000 en esta biblioteca'],
  ])('names an unknown build (%s) and changes nothing', async (locale, message) => {
    const before = await exportBytes(db);
    const r = await cli(['packs', 'distribute', '00000000-0000-4000-8000-000000000000', '--db', db, '--to', 'Ana'], { BRIEFING_LOCALE: locale });
    expect(r.code).not.toBe(0);
    expect(oneLine(r.stderr)).toContain(message);
    expect(await exportBytes(db)).toEqual(before);
  });

  it('refuses a build that made no files, and blank names, saying why', async () => {
    const r = await cli(['packs', 'distribute', refused, '--db', db, '--to', 'Ana']);
    expect(oneLine(r.stderr)).toContain(`Build ${refused} made no files (it was refused)`);
    const fr = await cli(['packs', 'distribute', built, '--db', db, '--to', '  '], { BRIEFING_LOCALE: 'fr' });
    expect(oneLine(fr.stderr)).toContain('indiquez au moins un destinataire');
    const es = await cli(['packs', 'distribute', built, '--db', db, '--to', 'x'.repeat(300)], { BRIEFING_LOCALE: 'es' });
    expect(oneLine(es.stderr)).toContain('es demasiado largo: como máximo 200 caracteres');
  });
});
