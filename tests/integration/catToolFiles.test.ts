import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli';
import { sha256File, StarterTemplate } from '../helpers/library';
import type { Concept } from '../../shared/terms/termTypes';

/*
 * Termbases and memories written the way Trados, memoQ and OmegaT write theirs
 * (tests/fixtures/cat-tools) import through `briefing terms import` and `briefing memory import`
 * with the concepts and units a translator would expect; inline codes are dropped, their words
 * kept, and the import says how many. A broken copy of each is refused with its line and column
 * and leaves the library byte for byte as it was.
 */

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/cat-tools');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

const template = new StarterTemplate();
let dir: string;
let db: string;
beforeEach(async () => {
  dir = tempDir();
  db = await template.copy(dir);
});

async function ok(args: string[]) {
  const result = await cli([...args, '--db', db]);
  expect(result.stderr, args.join(' ')).toBe('');
  expect(result.code).toBe(0);
  return result;
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const termsOf = (c: Concept) => c.terms.map((t) => [t.locale, t.text, t.status, t.note, t.approval]);

describe('TBX written like other tools’ exports', () => {
  it('takes a MultiTerm export: its DOCTYPE, header, transactions, and a definition given in a language section', async () => {
    const report = JSON.parse((await ok(['terms', 'import', path.join(FIXTURES, 'multiterm.tbx'), '--json'])).stdout) as { concepts: number; added: number; terms: number };
    expect(report).toMatchObject({ concepts: 2, added: 2, terms: 6 });
    const concepts = JSON.parse((await ok(['terms', 'list', '--json'])).stdout) as Concept[];
    const tip = concepts.find((c) => c.id === 'mt-0001')!;
    expect([tip.subject, tip.note, tip.source]).toEqual([
      'Transnational crime',
      'Moving or holding people by force, fraud or coercion in order to exploit them.',
      'Palermo Protocol, article 3',
    ]);
    expect(termsOf(tip)).toEqual([
      ['en', 'trafficking in persons', 'preferred', null, 'draft'],
      ['fr', 'traite des personnes', 'preferred', null, 'draft'],
      ['es', 'trata de personas', 'preferred', null, 'draft'],
      ['es', 'trata de seres humanos', 'forbidden', null, 'draft'],
    ]);
    expect(termsOf(concepts.find((c) => c.id === 'mt-0002')!)).toEqual([
      ['en', 'smuggling of migrants', 'preferred', null, 'draft'],
      ['es', 'tráfico ilícito de migrantes', 'admitted', null, 'draft'],
    ]);
  });

  it('takes a memoQ export: numeric ids, lower-case region tags, its own x- notes, a term without a status', async () => {
    await ok(['terms', 'import', path.join(FIXTURES, 'memoq.tbx')]);
    const concepts = JSON.parse((await ok(['terms', 'list', '--json'])).stdout) as Concept[];
    const first = concepts.find((c) => c.id === '1')!;
    expect([first.subject, first.note, first.source]).toEqual([null, 'The body of a State that makes its laws.', null]);
    expect(termsOf(first)).toEqual([
      ['en', 'parliament', 'preferred', null, 'draft'],
      ['en', 'legislature', 'admitted', 'Used for the body as a whole, across both chambers.', 'draft'],
      ['fr', 'parlement', 'admitted', null, 'draft'],
      ['es', 'parlamento', 'preferred', null, 'draft'],
    ]);
    expect(termsOf(concepts.find((c) => c.id === '2')!)).toEqual([
      ['en', 'rapporteur', 'preferred', null, 'draft'],
      ['es', 'relator', 'preferred', null, 'draft'],
    ]);
  });
});

describe('TBX entries without an id (TBX 2008 makes it optional)', () => {
  it('are named after their first term, apart from the ids the file gives, and found again on a re-import', async () => {
    const text = fixture('memoq.tbx')
      .replace('<termEntry id="1">', '<termEntry>')
      .replace('<termEntry id="2">', '<termEntry>')
      .replace('<term>rapporteur</term>', '<term>Parliament</term>')
      .replace('</body>', '<termEntry id="parliament"><langSet xml:lang="fr"><tig><term>Assemblée</term><termNote type="normativeAuthorization">standardizedTerm</termNote></tig></langSet></termEntry></body>');
    const file = write('no-ids.tbx', text);
    const first = JSON.parse((await ok(['terms', 'import', file, '--json'])).stdout) as { concepts: number; added: number };
    expect(first).toMatchObject({ concepts: 3, added: 3 });
    const concepts = JSON.parse((await ok(['terms', 'list', '--json'])).stdout) as Concept[];
    const byId = (id: string) => concepts.find((c) => c.id === id)?.terms.map((t) => [t.text, t.status]);
    expect(byId('parliament')).toEqual([['Assemblée', 'preferred']]);
    expect(byId('parliament-2')?.[0]).toEqual(['parliament', 'preferred']);
    expect(byId('parliament-3')).toEqual([['Parliament', 'preferred'], ['relator', 'preferred']]);
    expect(JSON.parse((await ok(['terms', 'import', file, '--json'])).stdout)).toMatchObject({ concepts: 3, added: 0, updated: 3 });
  });

  it('refuses an id that is there but not one the library can hold, naming it', async () => {
    const before = sha256File(db);
    const result = await cli(['terms', 'import', write('bad-id.tbx', fixture('memoq.tbx').replace('<termEntry id="2">', '<termEntry id="two words">')), '--db', db]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/The concept entry on line 37 has the id “two words”; an id is 1 to 64 letters/);
    expect(sha256File(db)).toBe(before);
  });
});

interface ImportReport {
  units: number;
  inlineCodes: number;
  pairs: { source: string; target: string; units: number }[];
}

async function importedPairs(file: string): Promise<{ report: ImportReport; pairs: string[][] }> {
  const report = JSON.parse((await ok(['memory', 'import', file, '--json'])).stdout) as ImportReport;
  const { openLibrary } = await import('../../main/db/openLibrary');
  const library = (await openLibrary(db, { create: false, readOnly: true })).db;
  try {
    const rows = library
      .prepare('SELECT source_locale, target_locale, source, target FROM external_memory WHERE origin = ? ORDER BY id')
      .raw()
      .all(path.basename(file)) as string[][];
    return { report, pairs: rows };
  } finally {
    library.close();
  }
}

describe('TMX written like other tools’ exports', () => {
  it('takes a Trados Studio export: header and unit props, notes, usage attributes, empty bpt / ept / ph codes', async () => {
    const { report, pairs } = await importedPairs(path.join(FIXTURES, 'trados-studio.tmx'));
    expect(report).toMatchObject({ units: 2, inlineCodes: 6, pairs: [{ source: 'en', target: 'es', units: 2 }] });
    expect(pairs).toEqual([
      ['en', 'es', 'The network meets to discuss trafficking in persons in the region.', 'La red se reúne para debatir la trata de personas en la región.'],
      ['en', 'es', 'See annex for the full list.', 'Véase el anexo para la lista completa.'],
    ]);
  });

  it('takes a memoQ export: def* header props, context props, ph codes holding tags', async () => {
    const { report, pairs } = await importedPairs(path.join(FIXTURES, 'memoq.tmx'));
    expect(report).toMatchObject({ units: 2, inlineCodes: 4, pairs: [{ source: 'en', target: 'fr', units: 2 }] });
    expect(pairs).toEqual([
      ['en', 'fr', 'The network brings together women parliamentarians of the Americas.', 'Le réseau réunit des parlementaires femmes des Amériques.'],
      ['en', 'fr', 'Its plenary meets once a year.', 'Son assemblée plénière se réunit une fois par an.'],
    ]);
  });

  it('takes an OmegaT export: the DOCTYPE naming tmx14.dtd, upper-case tags, a placeholder between two words', async () => {
    const { report, pairs } = await importedPairs(path.join(FIXTURES, 'omegat.tmx'));
    expect(report).toMatchObject({ units: 2, inlineCodes: 6, pairs: [{ source: 'en', target: 'es', units: 2 }] });
    expect(pairs).toEqual([
      ['en', 'es', 'Parliaments adopt the Escazú Agreement into national law.', 'Los parlamentos incorporan el Acuerdo de Escazú al derecho nacional.'],
      ['en', 'es', 'Line one line two.', 'Primera línea segunda línea.'],
    ]);
  });

  it('says in the user’s language how many inline codes it left out', async () => {
    const file = path.join(FIXTURES, 'omegat.tmx');
    expect((await ok(['memory', 'import', file])).stdout).toContain('6 inline codes of the other tool (its formatting and placeholders) were left out; the words they held are kept.');
    const es = await cli(['memory', 'import', file, '--db', db], { BRIEFING_LOCALE: 'es' });
    expect(es.stdout).toContain('Se omitieron 6 códigos internos de la otra herramienta');
    const fr = await cli(['memory', 'import', file, '--db', db], { BRIEFING_LOCALE: 'fr' });
    expect(fr.stdout).toContain('6 codes internes de l’autre outil');
  });
});

/** Line and column of the first occurrence of `needle` in `text`, 1-based. */
function placeOf(text: string, needle: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(needle));
  const lines = before.split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

describe('broken copies of those files: refused with line and column, nothing written', () => {
  const multiterm = fixture('multiterm.tbx');
  const memoqTbx = fixture('memoq.tbx');
  const trados = fixture('trados-studio.tmx');
  const memoqTmx = fixture('memoq.tmx');
  const omegat = fixture('omegat.tmx');
  const cases: { name: string; file: string; text: string; message: RegExp }[] = [
    {
      name: 'MultiTerm TBX with a termGrp left open',
      file: 'multiterm.tbx',
      text: multiterm.replace('</termGrp>', ''),
      message: new RegExp(`not well-formed XML \\(line ${placeOf(multiterm.replace('</termGrp>', ''), '</ntig>').line}, column \\d+: unexpected close tag: <termGrp> opened at line ${placeOf(multiterm, '<termGrp>').line} is not closed`),
    },
    {
      name: 'memoQ TBX with a bare ampersand in a term',
      file: 'memoq.tbx',
      text: memoqTbx.replace('<term>rapporteur</term>', '<term>rapporteur & co</term>'),
      // saxes alone would point at the end of the file; the message points at the ampersand.
      message: (() => {
        const at = placeOf(memoqTbx.replace('<term>rapporteur</term>', '<term>rapporteur & co</term>'), '& co');
        return new RegExp(`not well-formed XML \\(line ${at.line}, column ${at.column}: a bare & \\(an ampersand in text is written &amp;\\)\\)`);
      })(),
    },
    {
      name: 'MultiTerm TBX whose DOCTYPE names a DTD by URL',
      file: 'multiterm.tbx',
      text: multiterm.replace('"TBXcoreStructV02.dtd"', '"http://example.org/TBXcoreStructV02.dtd"'),
      message: /TBX file declares a DOCTYPE \(line 2, column \d+\)/,
    },
    {
      name: 'Trados TMX cut off halfway',
      file: 'trados-studio.tmx',
      text: trados.slice(0, trados.indexOf('<tu creationdate="20250214T102010Z"')),
      message: /TMX file is not well-formed XML \(line \d+, column \d+/,
    },
    {
      name: 'memoQ TMX with an unquoted attribute',
      file: 'memoq.tmx',
      text: memoqTmx.replace('changeid="reviewer"', 'changeid=reviewer'),
      message: new RegExp(`TMX file is not well-formed XML \\(line ${placeOf(memoqTmx, 'changeid="reviewer"').line}, column \\d+`),
    },
    {
      name: 'OmegaT TMX with a seg closed by its tuv',
      file: 'omegat.tmx',
      text: omegat.replace('al derecho nacional.</seg>', 'al derecho nacional.'),
      message: new RegExp(`TMX file is not well-formed XML \\(line ${placeOf(omegat, 'al derecho nacional.').line + 1}, column \\d+: unexpected close tag: <seg>`),
    },
    {
      name: 'OmegaT TMX whose DOCTYPE declares an entity',
      file: 'omegat.tmx',
      text: omegat.replace('<!DOCTYPE tmx SYSTEM "tmx14.dtd">', '<!DOCTYPE tmx SYSTEM "tmx14.dtd" [<!ENTITY e "x">]>'),
      message: /TMX file declares a DOCTYPE \(line 2, column \d+\)/,
    },
  ];
  it.each(cases)('$name', async ({ file, text, message }) => {
    const before = sha256File(db);
    const command = file.endsWith('.tbx') ? 'terms' : 'memory';
    const result = await cli([command, 'import', write(file, text), '--db', db]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/Nothing was imported\./);
    expect(sha256File(db)).toBe(before);
  });
});
