import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useStarterStores } from '../helpers/starterStores';
import { tempDir } from '../helpers/cli';
import { exportXliff } from '../../main/services/xliff/exportXliff';
import { importXliff } from '../../main/services/xliff/importXliff';
import { readXliff } from '../../main/xliff/readXliff';
import { hashSourceText } from '../../main/db/textHash';
import type { LibraryStore } from '../../main/services/LibraryStore';

const open = useStarterStores('briefing-xliff-enrich-');
const at = '2026-01-01T00:00:00.000Z';

function put(store: LibraryStore, pieceId: string, field: string, fr: string, es: string | null) {
  store.write(() =>
    store.texts.replaceField(
      pieceId,
      field,
      {
        fr: { text: fr, status: 'approved' },
        ...(es === null ? {} : { es: { text: es, status: 'approved', from: 'fr', sourceHash: hashSourceText(fr), approvedBy: 'Ana', approvedAt: at } }),
      },
      at,
    ),
  );
}

describe('XLIFF export with the glossary and translation candidates modules', () => {
  it('carries the termbase’s terms (gls:) and the memory’s best matches (mtc:), and import ignores both', async () => {
    const store = await open('enrich');
    put(store, 'prio-rps-1', 'body', 'La coopération régionale contre la traite des personnes.', null);
    put(store, 'prio-rps-2', 'body', 'La coopération internationale contre la traite des personnes.', 'La cooperación internacional contra la trata de personas.');
    const { xml } = exportXliff(store, { source: 'fr', target: 'es', packId: null, ui: false, todoOnly: true });

    const unit = /<file id="prio-rps-1"[\s\S]*?<unit id="body">([\s\S]*?)<\/unit>/.exec(xml)![1]!;
    expect(xml).toContain('xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0"');
    expect(unit).toContain('<gls:term source="termbase">traite des personnes</gls:term>');
    expect(unit).toContain('<gls:translation source="termbase">trata de personas</gls:translation>');
    expect(unit).toMatch(/<gls:definition source="termbase">Not: trata de seres humanos/);
    expect(unit).toMatch(/<mtc:match ref="#s1" type="tm" similarity="\d+" origin="prio-rps-2\/body">\s*<source>La coopération internationale contre la traite des personnes\.<\/source>\s*<target>La cooperación internacional contra la trata de personas\.<\/target>/);
    expect(unit).toMatch(/<segment id="s1" state="initial">/);
    // The schema's order: modules, then notes, then content.
    expect(unit.indexOf('<mtc:matches>')).toBeLessThan(unit.indexOf('<notes>'));
    expect(unit.indexOf('<gls:glossary>')).toBeLessThan(unit.indexOf('<notes>'));

    const dir = tempDir();
    const file = path.join(dir, 'enriched.xlf');
    fs.writeFileSync(file, xml);
    // Well-formed, namespaces declared (no XLIFF 2.0 schemas in tests/fixtures/xliff to validate against).
    execFileSync('xmllint', ['--noout', '--nonet', file]);

    // A CAT tool fills the target; the modules' source and target are not read as the unit's.
    const translated = xml.replace(
      /(<file id="prio-rps-1"[\s\S]*?<unit id="body">[\s\S]*?<segment id="s1" )state="initial">(\s*<source>[\s\S]*?<\/source>)/,
      '$1state="final">$2<target>La cooperación regional contra la trata de personas.</target>',
    );
    const read = readXliff(translated).units.find((u) => u.fileId === 'prio-rps-1' && u.id === 'body')!;
    expect(read.source).toBe('La coopération régionale contre la traite des personnes.');
    expect(read.target).toBe('La cooperación regional contra la trata de personas.');
    const report = importXliff(store, translated, { dryRun: false, approver: { by: 'Diego Ruiz', at } });
    expect(report.applied.approved).toBe(1);
    expect(store.texts.readPiece('prio-rps-1').get('body')?.es?.text).toBe('La cooperación regional contra la trata de personas.');
  });
});

describe('an enriched export stays one the import takes back', () => {
  it('leaves out the matches, then the glossary, past the import limit, never a translation', async () => {
    const store = await open('limit');
    put(store, 'prio-rps-1', 'body', 'La coopération régionale contre la traite des personnes.', null);
    put(store, 'prio-rps-2', 'body', 'La coopération internationale contre la traite des personnes.', 'La cooperación internacional contra la trata de personas.');
    const request = { source: 'fr', target: 'es', packId: null, ui: false, todoOnly: true } as const;
    const full = exportXliff(store, request).xml;
    expect(full).toContain('<mtc:match ');
    expect(full).toContain('<gls:glossEntry>');
    const units = (xml: string) => readXliff(xml).units.map((u) => [u.fileId, u.id, u.target]);

    const noMatches = exportXliff(store, request, undefined, Buffer.byteLength(full) - 1).xml;
    expect(noMatches).not.toContain('<mtc:match ');
    expect(noMatches).toContain('<gls:glossEntry>');
    expect(units(noMatches)).toEqual(units(full));

    const bare = exportXliff(store, request, undefined, 1).xml;
    expect(bare).not.toContain('<mtc:match ');
    expect(bare).not.toContain('<gls:glossEntry>');
    expect(units(bare)).toEqual(units(full));
  });
});
