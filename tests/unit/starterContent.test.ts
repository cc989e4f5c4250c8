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

  it('has the 21 participating countries, and they are the network’s members', () => {
    const expected = 'AG AR BB BZ CA CL CO CR CU CW DO EC GD GT GY KN MX PA PE PY SV'.split(' ');
    expect(doc.countries.map((c) => c.code)).toEqual(expected);
    expect(doc.networks.find((n) => n.id === 'net-rps')!.members).toEqual(expected);
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
