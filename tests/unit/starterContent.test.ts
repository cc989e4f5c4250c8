import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLibraryDocument } from '../../main/services/parseLibraryDocument';
import { readLibraryFile } from '../../main/services/readLibraryFile';
import { STARTER_LIBRARY_PATH } from '../../main/services/loadStarterLibrary';
import { LOCALES } from '../../shared/domain/locales';
import type { LocalizedDoc } from '../../shared/schemas/common';
import { EMPTY_LOOKUP } from '../../shared/schemas/checkLibraryDocument';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';

const raw = readLibraryFile(STARTER_LIBRARY_PATH);
const doc: LibraryDocument = parseLibraryDocument(raw, STARTER_LIBRARY_PATH, EMPTY_LOOKUP);

/** Every Localized value in the document, with where it is. */
function localizedValues(value: unknown, where = ''): { where: string; text: LocalizedDoc }[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => localizedValues(v, `${where}[${i}]`));
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > 0 && keys.every((k) => (LOCALES as readonly string[]).includes(k))) {
    return [{ where, text: record as LocalizedDoc }];
  }
  const id = typeof record.id === 'string' ? record.id : typeof record.code === 'string' ? record.code : '';
  return keys.flatMap((k) => localizedValues(record[k], `${where}${id ? `(${id})` : ''}.${k}`));
}

describe('the starter library', () => {
  it('validates as a library document, with no problem', () => {
    expect(() => parseLibraryDocument(raw, STARTER_LIBRARY_PATH, EMPTY_LOOKUP)).not.toThrow();
    expect(doc.format).toBe('briefing-library');
    expect(doc.formatVersion).toBe(1);
  });

  it('has 7 priorities numbered 1 to 7 in one network', () => {
    expect(doc.priorities).toHaveLength(7);
    expect(doc.priorities.map((p) => p.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(doc.priorities.map((p) => p.networkId))).toEqual(new Set(['net-rps']));
  });

  it('has the 21 countries as participants of the Panama meeting, not as members of the network', () => {
    const expected = 'AG AR BB BZ CA CL CO CR CU CW DO EC GD GT GY KN MX PA PE PY SV'.split(' ');
    expect(doc.countries.map((c) => c.code)).toEqual(expected);
    expect(doc.meetings.find((m) => m.id === 'meet-rps-panama-2025')!.participants).toEqual(expected);
    // The declaration says they took part in the first meeting, not that they are members.
    expect(doc.networks.find((n) => n.id === 'net-rps')!.members).toEqual([]);
  });

  it('ties the Convention and its first two protocols to the resolution of 15 November 2000, and the Firearms Protocol to later', () => {
    const instrument = (id: string) => doc.instruments.find((i) => i.id === id)!;
    for (const id of ['inst-palermo', 'inst-palermo-trafficking', 'inst-palermo-migrants']) expect(instrument(id).yearAdopted, id).toBe(2000);
    const firearms = instrument('inst-palermo-firearms');
    expect(firearms.yearAdopted).toBeNull();
    expect(firearms.summary.en!.text).toMatch(/adopted after the Convention and its first two protocols/);
    expect(firearms.summary.fr!.text).toMatch(/adopté après la Convention et ses deux premiers protocoles/);
    expect(firearms.summary.es!.text).toMatch(/aprobado después de la Convención y de sus dos primeros protocolos/);
    expect(firearms.summary.en!.text).not.toMatch(/2000|2001/);
    const palermo = instrument('inst-palermo').summary;
    expect(palermo.en!.text).toMatch(/15 November 2000, together with its first two additional protocols/);
    expect(palermo.fr!.text).toMatch(/15 novembre 2000, avec ses deux premiers protocoles additionnels/);
    expect(palermo.es!.text).toMatch(/15 de noviembre de 2000, junto con sus dos primeros protocolos adicionales/);
    // No text ties every protocol to that resolution any more.
    const all = JSON.stringify(doc);
    expect(all).not.toMatch(/with its additional protocols by the resolution|protocoles additionnels, issus de la résolution/);
  });

  it('says trafficking in persons and smuggling of migrants, in English and Spanish', () => {
    const texts = localizedValues(doc);
    const en = texts.map((v) => v.text.en?.text ?? '').join('\n');
    const es = texts.map((v) => v.text.es?.text ?? '').join('\n');
    expect(en).not.toMatch(/human beings|migrant smuggling/i);
    expect(en).toMatch(/trafficking in persons/);
    expect(en).toMatch(/smuggling of migrants/);
    expect(es).not.toMatch(/seres humanos|tráfico de migrantes/i);
    expect(es).toMatch(/trata de personas/);
  });

  it('names Saint Kitts and Nevis “Saint Kitts y Nevis” in Spanish, as a draft from French', () => {
    expect(doc.countries.find((c) => c.code === 'KN')!.formalName!.es).toMatchObject({ text: 'Saint Kitts y Nevis', status: 'draft', from: 'fr' });
  });

  it('marks the joint declaration’s title as a working title in every language', () => {
    const declaration = doc.instruments.find((i) => i.id === 'inst-joint-declaration-digital-trafficking')!;
    expect(declaration.officialTitle.en!.text).toMatch(/\(working title\)$/);
    expect(declaration.officialTitle.fr!.text).toMatch(/\(titre de travail\)$/);
    expect(declaration.officialTitle.es!.text).toMatch(/\(título provisional\)$/);
    expect(declaration.summary.en!.text).toMatch(/working title/);
  });

  it('names the source documents by file name in its README, never by a path on a machine', () => {
    const readme = fs.readFileSync(new URL('../../seeds/README.md', import.meta.url), 'utf8');
    for (const file of ['000_ef0f5555f3501eaf.txt', '001_6de508d0ae3b2eed.txt', '002_a769af5db55c78fa.txt']) expect(readme).toContain(file);
    expect(readme).not.toMatch(/(^|[\s(`])(\/[\w.-]+){2,}|[A-Z]:\\/m);
  });

  it('has the first meeting, in Panama on 27–28 November 2025', () => {
    expect(doc.meetings).toHaveLength(1);
    expect(doc.meetings[0]).toMatchObject({
      id: 'meet-rps-panama-2025',
      networkId: 'net-rps',
      hostCountry: 'PA',
      startDate: '2025-11-27',
      endDate: '2025-11-28',
    });
  });

  it('has every French text approved and original, every English and Spanish text a draft from French', () => {
    const values = localizedValues(doc);
    expect(values.length).toBeGreaterThan(60);
    const problems: string[] = [];
    for (const { where, text } of values) {
      if (!text.fr) problems.push(`${where}: no French text`);
      else if (text.fr.status !== 'approved' || text.fr.from !== undefined) problems.push(`${where}.fr: ${JSON.stringify(text.fr)}`);
      for (const locale of ['en', 'es'] as const) {
        const entry = text[locale];
        if (entry && (entry.status !== 'draft' || entry.from !== 'fr')) problems.push(`${where}.${locale}: ${entry.status} from ${entry.from}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('leaves sourceHash out: the loader computes it', () => {
    expect(fs.readFileSync(STARTER_LIBRARY_PATH, 'utf8')).not.toContain('sourceHash');
  });

  it('has a pack with the slug panama-2025 for the meeting, whose items all exist', () => {
    const pack = doc.packs.find((p) => p.slug === 'panama-2025');
    expect(pack).toBeDefined();
    expect(pack!.meetingId).toBe('meet-rps-panama-2025');
    expect(pack!.sections.length).toBe(5);
    const ids = new Set<string>([
      ...doc.priorities.map((p) => p.id),
      ...doc.instruments.map((i) => i.id),
      ...doc.notes.map((n) => n.id),
      ...doc.countries.map((c) => c.code),
    ]);
    for (const item of pack!.sections.flatMap((s) => s.items)) expect(ids.has(item.ref), item.ref).toBe(true);
  });

  it('cites at least one source in every piece except the countries', () => {
    const pieces: { id: string; sources: string[] }[] = [
      ...doc.networks,
      ...doc.meetings,
      ...doc.priorities,
      ...doc.instruments,
      ...doc.notes,
    ];
    expect(pieces.length).toBe(1 + 1 + 7 + 12 + 2);
    const sourceIds = new Set(doc.sources.map((s) => s.id));
    expect(pieces.filter((p) => p.sources.length === 0).map((p) => p.id)).toEqual([]);
    for (const p of pieces) for (const s of p.sources) expect(sourceIds.has(s), `${p.id} cites ${s}`).toBe(true);
  });

  it('writes « Nguyên Hoàng Nguyên » with its diacritics, in precomposed form', () => {
    const text = fs.readFileSync(STARTER_LIBRARY_PATH, 'utf8');
    expect(text).toContain('Nguyên Hoàng Nguyên');
    expect(text).toBe(text.normalize('NFC'));
    const flat = JSON.stringify(doc);
    expect(flat).not.toMatch(/Nguyen Hoang Nguyen/);
    expect(flat.match(/Nguyên Hoàng Nguyên/g)!.length).toBeGreaterThanOrEqual(3); // en, fr and es
  });
});
