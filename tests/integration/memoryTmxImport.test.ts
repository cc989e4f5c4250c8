import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli';
import { sha256File, StarterTemplate } from '../helpers/library';
import { openLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { findMemoryMatches } from '../../main/services/memory/findMemoryMatches';
import { hashSourceText } from '../../main/db/textHash';

/*
 * `briefing memory import`: a TMX file written as Trados or OmegaT write them goes into the
 * external memory, apart from the library's texts; its matches name the file; a bad file is
 * refused with its message and leaves the library byte for byte as it was.
 */

const template = new StarterTemplate();
let dir: string;
let db: string;
beforeEach(async () => {
  dir = tempDir();
  db = await template.copy(dir);
});

function write(name: string, xml: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, xml);
  return file;
}

const TRADOS = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="SDL Language Platform" creationtoolversion="8.1" o-tmf="SDL TM8 Format" datatype="xml" segtype="sentence" adminlang="en-US" srclang="fr-CA"/>
  <body>
    <tu creationdate="20250101T120000Z" creationid="ANA">
      <tuv xml:lang="fr-CA"><seg>La lutte contre la corruption dans la région.</seg></tuv>
      <tuv xml:lang="es-419"><seg>La lucha contra la corrupción en la región.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="fr-CA"><seg>Les parlements <bpt i="1">&lt;b&gt;</bpt>ouverts<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
      <tuv xml:lang="es-419"><seg>Los parlamentos <bpt i="1">&lt;b&gt;</bpt>abiertos<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
    </tu>
  </body>
</tmx>
`;

describe('briefing memory import', () => {
  it('keeps the units apart from the texts, offers them as matches named by file, and replaces a re-import', async () => {
    const file = write('trados-export.tmx', TRADOS);
    const dry = await cli(['memory', 'import', file, '--dry-run', '--json', '--db', db]);
    expect(dry.stderr).toBe('');
    expect(JSON.parse(dry.stdout)).toMatchObject({ origin: 'trados-export.tmx', units: 2, replaced: 0, dryRun: true });
    const first = await cli(['memory', 'import', file, '--db', db]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('2');
    expect(first.stdout).toContain('trados-export.tmx');
    const again = await cli(['memory', 'import', file, '--json', '--db', db]);
    expect(JSON.parse(again.stdout)).toMatchObject({ units: 2, replaced: 2, pairs: [{ source: 'fr', target: 'es', units: 2 }] });

    const opened = await openLibrary(db, { create: false });
    const library = opened.db;
    const store = new LibraryStore(library);
    try {
      expect(library.prepare('SELECT count(*) FROM external_memory').pluck().get()).toBe(2);
      const at = '2026-01-01T00:00:00.000Z';
      const fr = 'La lutte contre la corruption dans la région.';
      store.write(() => store.texts.replaceField('prio-rps-1', 'body', { fr: { text: fr, status: 'approved' } }, at));
      const [segment] = findMemoryMatches(store, { pieceId: 'prio-rps-1', field: 'body', source: 'fr', target: 'es' });
      expect(segment!.matches[0]).toEqual({ score: 100, source: fr, target: 'La lucha contra la corrupción en la región.', pieceId: '', field: '', origin: 'trados-export.tmx' });
    } finally {
      library.close();
    }

    // The library's own export does not hand the imported units back.
    const out = path.join(dir, 'out.tmx');
    const exported = await cli(['memory', 'export', out, '--from', 'fr', '--lang', 'es', '--json', '--db', db]);
    expect(exported.stderr).toBe('');
    expect(fs.readFileSync(out, 'utf8')).not.toContain('trados-export');
    expect(fs.readFileSync(out, 'utf8')).not.toContain('Los parlamentos abiertos');
  });

  it('reads back the library’s own export (round trip)', async () => {
    const at = '2026-01-01T00:00:00.000Z';
    const library = (await openLibrary(db, { create: false })).db;
    const store = new LibraryStore(library);
    const fr = 'Le dialogue entre les parlements.';
    store.write(() =>
      store.texts.replaceField('prio-rps-2', 'body', {
        fr: { text: fr, status: 'approved' },
        es: { text: 'El diálogo entre los parlamentos.', status: 'approved', from: 'fr', sourceHash: hashSourceText(fr), approvedBy: 'Ana', approvedAt: at },
      }, at),
    );
    library.close();
    const out = path.join(dir, 'own.tmx');
    expect((await cli(['memory', 'export', out, '--from', 'fr', '--lang', 'es', '--db', db])).code).toBe(0);
    const imported = await cli(['memory', 'import', out, '--json', '--db', db]);
    expect(imported.stderr).toBe('');
    const report = JSON.parse(imported.stdout) as { units: number };
    expect(report.units).toBeGreaterThan(0);
    const check = (await openLibrary(db, { create: false, readOnly: true })).db;
    try {
      expect(check.prepare("SELECT target FROM external_memory WHERE source = ?").pluck().all(fr)).toEqual(['El diálogo entre los parlamentos.']);
    } finally {
      check.close();
    }
  });

  it.each([
    ['not XML', 'plain words', 'not well-formed XML', 'n’est pas un XML bien formé', 'no es XML bien formado'],
    ['an entity bomb', '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<tmx version="1.4"><body/></tmx>', 'DOCTYPE (line 2', 'DOCTYPE (ligne 2', 'DOCTYPE (línea 2'],
    ['the wrong version', '<tmx version="1.1"><header srclang="en"/><body/></tmx>', 'version 1.1', 'version 1.1', 'versión 1.1'],
    ['an unknown language', '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="pt-BR"><seg>b</seg></tuv></tu></body></tmx>', '“pt-BR”', '« pt-BR »', '«pt-BR»'],
    ['a unit with no translation', '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>a</seg></tuv></tu></body></tmx>', 'does not pair', 'n’associe pas', 'no empareja'],
  ])('refuses %s, naming it in en, fr and es, and changes nothing', async (_what, xml, en, fr, es) => {
    const file = write('bad.tmx', xml);
    const before = sha256File(db);
    for (const [lang, words] of [['en', en], ['fr', fr], ['es', es]] as const) {
      const result = await cli(['memory', 'import', file, '--db', db], { BRIEFING_LOCALE: lang });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(words);
      expect(result.stderr).not.toMatch(/Unexpected error/i);
    }
    expect(sha256File(db)).toBe(before);
  });
});
