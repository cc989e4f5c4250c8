import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli';
import { StarterTemplate } from '../helpers/library';
import type { Concept } from '../../shared/terms/termTypes';

/*
 * `briefing terms …` with TBX files: the starter termbase goes out and comes back unchanged, a
 * file written as other tools write it comes in, and a bad file is refused whole.
 */

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

async function termbase(): Promise<Concept[]> {
  return JSON.parse((await ok(['terms', 'list', '--json'])).stdout) as Concept[];
}

function write(name: string, xml: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, xml);
  return file;
}

const tbx = (body: string, root = '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">', end = '</tbx>') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n<text><body>\n${body}\n</body></text>\n${end}\n`;

const concept = (id: string, lang: string, term: string) =>
  `<conceptEntry id="${id}"><langSec xml:lang="${lang}"><termSec><term>${term}</term>` +
  '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec></conceptEntry>';

describe('starter termbase', () => {
  it('holds the instruments’ official titles and the UN terms, all drafts', async () => {
    const concepts = await termbase();
    const palermo = concepts.find((c) => c.id === 'inst-palermo')!;
    expect(palermo.terms.filter((t) => t.status === 'preferred').map((t) => t.text)).toEqual([
      'United Nations Convention against Transnational Organized Crime',
      'Convention des Nations Unies contre la criminalité transnationale organisée',
      'Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
    ]);
    const tip = concepts.find((c) => c.id === 'un-trafficking-in-persons')!;
    expect(tip.terms.filter((t) => t.locale === 'es').map((t) => [t.text, t.status])).toEqual([
      ['trata de personas', 'preferred'],
      ['trata de seres humanos', 'forbidden'],
    ]);
    expect(concepts.flatMap((c) => c.terms).every((t) => t.approval === 'draft' && t.approvedBy === null)).toBe(true);
    // A working title is not an official one: the joint declaration has no term.
    expect(concepts.some((c) => c.id === 'inst-joint-declaration-digital-trafficking')).toBe(false);
  });

  it('takes every instrument term from the starter library’s official titles', async () => {
    const library = JSON.parse(fs.readFileSync(new URL('../../seeds/starter-library.json', import.meta.url), 'utf8')) as {
      instruments: { id: string; officialTitle: Record<string, { text: string }> }[];
    };
    const concepts = await termbase();
    for (const instrument of library.instruments) {
      const c = concepts.find((x) => x.id === instrument.id);
      if (!c) continue;
      for (const locale of ['en', 'fr', 'es']) {
        expect(c.terms.find((t) => t.locale === locale && t.status === 'preferred')?.text).toBe(instrument.officialTitle[locale]!.text);
      }
    }
  });
});

describe('briefing terms export | import (TBX)', () => {
  it('writes well-formed TBX that reads back to the same termbase, approvals kept', async () => {
    await ok(['terms', 'add', '--concept', 'c-note', '--lang', 'fr', '--term', 'note d’information', '--note', 'Avec <balises> & "guillemets"\nsur deux lignes']);
    const before = await termbase();
    const file = path.join(dir, 'out.tbx');
    expect((await ok(['terms', 'export', file])).stdout).toBe(`Wrote ${before.length} concepts to ${file}.\n`);
    // xmllint: well-formed XML, whatever the library holds.
    expect(() => execFileSync('xmllint', ['--noout', file], { stdio: 'pipe' })).not.toThrow();
    const xml = fs.readFileSync(file, 'utf8');
    expect(xml).toContain('<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>');

    const fresh = path.join(dir, 'fresh.sqlite');
    expect((await cli(['init', '--empty', '--db', fresh])).code).toBe(0);
    const imported = await cli(['terms', 'import', file, '--db', fresh]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain(`Imported ${before.length} concepts (${before.length} new, 0 replaced)`);
    const after = JSON.parse((await cli(['terms', 'list', '--json', '--db', fresh])).stdout) as Concept[];
    expect(after).toEqual(before);
    // Importing the same file again replaces each concept with itself.
    expect((await ok(['terms', 'import', file])).stdout).toContain(`(0 new, ${before.length} replaced)`);
    expect(await termbase()).toEqual(before);
  });

  it('reads a TBX v2 (martif) file as older tools write it, with regional language tags', async () => {
    const file = write(
      'memoq.tbx',
      tbx(
        `<termEntry id="c1"><descrip type="definition">Un concept</descrip>
           <langSet xml:lang="en-US"><ntig><termGrp><term>human trafficking</term>
             <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termGrp></ntig></langSet>
           <langSet xml:lang="es-ES"><tig><term>trata</term><termNote type="normativeAuthorization">admittedTerm</termNote></tig></langSet>
         </termEntry>`,
        '<martif type="TBX-Basic" xml:lang="en">',
        '</martif>',
      ),
    );
    await ok(['terms', 'import', file]);
    const c1 = (await termbase()).find((c) => c.id === 'c1')!;
    expect(c1.note).toBe('Un concept');
    expect(c1.terms.map((t) => [t.locale, t.text, t.status, t.approval])).toEqual([
      ['en', 'human trafficking', 'forbidden', 'draft'],
      ['es', 'trata', 'admitted', 'draft'],
    ]);
  });

  it('reports a term forbidden in one concept and preferred in another as a termbase problem', async () => {
    const file = write('conflict.tbx', tbx(concept('c-a', 'es', 'trata de personas').replace('preferredTerm', 'deprecatedTerm')));
    const result = await ok(['terms', 'import', file]);
    expect(result.stdout).toContain(
      'Termbase problem: the es term “trata de personas” is forbidden in concept c-a but allowed in concept un-trafficking-in-persons.',
    );
  });
});

describe('bad TBX: a message naming what and where, nothing imported', () => {
  const cases: [string, string, RegExp][] = [
    ['not XML', '<tbx><text><body><conceptEntry id="a">', /not well-formed XML \(line \d+, column \d+/],
    ['wrong root', '<?xml version="1.0"?><xliff version="2.0"/>', /not a TBX termbase: .* begins with <xliff>/],
    ['unknown language', tbx(`${concept('ok-1', 'en', 'fine')}\n${concept('c-de', 'de-DE', 'Menschenhandel')}`), /Concept c-de, line 5: the language “de-DE” is not one the library holds/],
    ['empty term', tbx(`${concept('ok-1', 'en', 'fine')}\n${concept('c-empty', 'fr', '  ')}`), /Concept c-empty, line 5: a term in language fr is empty/],
    ['duplicate concept', tbx(`${concept('c-x', 'en', 'one')}\n${concept('c-x', 'fr', 'un')}`), /Two concept entries have the id c-x \(lines 4 and 5\)/],
    ['a DOCTYPE', `<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY e "x">]>\n${tbx(concept('c-e', 'en', '&e;')).replace(/^<\?xml[^>]*>\n/, '')}`, /declares a DOCTYPE \(line 2/],
    ['an undefined entity', tbx(concept('c-e', 'en', '&trade;')), /undefined entity &trade;/],
    ['too deep', tbx(`${'<note>'.repeat(300)}${'</note>'.repeat(300)}`), /nests elements more than 256 deep/],
    ['an unknown status', tbx(concept('c-s', 'en', 'x').replace('preferredTerm-admn-sts', 'bestTerm')), /“bestTerm” is not an administrative status/],
  ];
  it.each(cases)('%s', async (_name, xml, message) => {
    const before = await termbase();
    const result = await cli(['terms', 'import', write('bad.tbx', xml), '--db', db]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/Nothing was imported\./);
    expect(await termbase()).toEqual(before);
  });

  it('says it in the user’s language', async () => {
    const result = await cli(['terms', 'import', write('bad.tbx', tbx(concept('c-de', 'de', 'x'))), '--db', db], { BRIEFING_LOCALE: 'es' });
    expect(result.stderr).toMatch(/Concepto c-de, línea 4: el idioma «de» no es uno de los de la biblioteca .* No se importó nada\./);
  });
});
