import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type OpenedLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { loadStarterLibrary } from '../../main/services/loadStarterLibrary';
import { applyLibraryDocument } from '../../main/services/importLibrary';
import { createApi } from '../../main/api/createApi';
import type { ApiRegistry } from '../../main/api/ApiRegistry';
import { PackBuildService } from '../../main/pdf/PackBuildService';
import { ImportParser } from '../../main/services/importWorker/ImportParser';
import type { ApiResult } from '../../shared/api/apiContract';
import type { ReadPiece } from '../../shared/api/readTypes';
import type { LibrarySearchResult } from '../../shared/api/listTypes';
import type { NoteDoc } from '../../shared/schemas/libraryDocument';

/** library.read and library.searchAll through the API registry (zod-checked input), on the starter library. */
let dir: string;
let library: OpenedLibrary;
let store: LibraryStore;
let api: ApiRegistry;
let ctx: Parameters<typeof createApi>[0];

const PA_NOTE: NoteDoc = {
  id: 'note-pa-read',
  countryCode: 'PA',
  date: '2025-11-20',
  tags: ['b-tag', 'a-tag'],
  title: { fr: { text: 'Le Panama et la Convention de Palerme', status: 'approved' } },
  body: { fr: { text: 'Le **Panama** a ratifié la Convention.', status: 'approved' } },
  instruments: ['inst-palermo', 'inst-palermo-trafficking'],
  priorities: ['prio-rps-3'],
  sources: [],
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-read-'));
  library = await openLibrary(path.join(dir, 'library.sqlite'), { create: true });
  store = new LibraryStore(library.db);
  loadStarterLibrary(store);
  ctx = { store, libraryPath: library.path, builds: new PackBuildService(1), imports: new ImportParser(), outputDir: dir, mode: 'browser', version: 'test' };
  api = createApi(ctx);
  expect((await api.invoke('library.saveNote', { record: PA_NOTE })).ok).toBe(true);
  // The starter network lists no members: give it three, so both sides of membership are read.
  const doc = store.readDocument();
  applyLibraryDocument(store, { ...doc, networks: doc.networks.map((n) => ({ ...n, members: ['PA', 'CA', 'MX'] })) });
});

afterAll(async () => {
  await ctx.builds.close();
  await ctx.imports.close();
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function read(id: string, locale = 'en'): Promise<ReadPiece> {
  const result = (await api.invoke('library.read', { id, locale })) as ApiResult<ReadPiece>;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}
const ids = (piece: ReadPiece, group: string) => piece.links.find((l) => l.group === group)?.items.map((i) => i.id) ?? [];

describe('library.read', () => {
  it('a priority lists the instruments that serve it and the notes about it', async () => {
    const p = await read('prio-rps-3');
    expect(p.kind).toBe('priority');
    expect(p.facts.number).toBe(3);
    expect(ids(p, 'instruments')).toEqual(
      expect.arrayContaining(['inst-palermo', 'inst-palermo-firearms', 'inst-palermo-migrants', 'inst-palermo-trafficking', 'inst-corruption-2003']),
    );
    expect(ids(p, 'notes').sort()).toEqual(['note-omsac-palermo-25-2025', 'note-pa-read']);
    expect(ids(p, 'network')).toEqual(['net-rps']);
    expect(p.fields.map((f) => f.name)).toEqual(['title', 'body']);
    expect(p.fields.find((f) => f.name === 'body')!.markdown).toBe(true);
  });

  it('an instrument lists its protocols, its parent and the priorities it serves', async () => {
    const convention = await read('inst-palermo');
    expect(ids(convention, 'protocols').sort()).toEqual(['inst-palermo-firearms', 'inst-palermo-migrants', 'inst-palermo-trafficking']);
    expect(ids(convention, 'priorities')).toEqual(['prio-rps-3']);
    expect(ids(convention, 'notes').sort()).toEqual(['note-omsac-palermo-25-2025', 'note-pa-read']);
    const protocol = await read('inst-palermo-trafficking');
    expect(ids(protocol, 'parent')).toEqual(['inst-palermo']);
    expect(ids(protocol, 'priorities')).toEqual(['prio-rps-2', 'prio-rps-3']);
    expect(protocol.facts.kind).toBe('protocol');
  });

  it('a country lists its notes, the packs it appears in and the instruments its notes link', async () => {
    const pa = await read('PA');
    expect(pa.title).toBe('Panama');
    expect(ids(pa, 'notes')).toEqual(['note-pa-read']);
    expect(ids(pa, 'packs')).toEqual(['pack-panama-2025']);
    expect(ids(pa, 'instruments').sort()).toEqual(['inst-palermo', 'inst-palermo-trafficking']);
    expect(ids(pa, 'meetings')).toEqual(['meet-rps-panama-2025']);
    // A member of the network this file gives three members to.
    expect(ids(pa, 'memberOf')).toEqual(['net-rps']);
    // A country without a formal name is named by Intl in every language: nothing is missing.
    expect(pa.states).toEqual({ en: 'approved', fr: 'approved', es: 'approved' });
  });

  it('a network lists its meetings and members; a meeting its packs, network and host', async () => {
    const network = await read('net-rps');
    expect(ids(network, 'meetings')).toEqual(['meet-rps-panama-2025']);
    expect(ids(network, 'members').sort()).toEqual(['CA', 'MX', 'PA']);
    const meeting = await read('meet-rps-panama-2025', 'es');
    expect(ids(meeting, 'packs')).toEqual(['pack-panama-2025']);
    expect(ids(meeting, 'host')).toEqual(['PA']);
    // The 21 countries that took part, in the reader's alphabetical order.
    expect(ids(meeting, 'participants')).toHaveLength(21);
    expect(ids(meeting, 'participants')).toContain('KN');
    expect(meeting.facts).toMatchObject({ startDate: '2025-11-27', endDate: '2025-11-28' });
  });

  it('a note lists its country, priorities, instruments and the packs that use it', async () => {
    const note = await read('note-omsac-palermo-25-2025');
    expect(ids(note, 'packs')).toEqual(['pack-panama-2025']);
    expect(ids(note, 'instruments')).toHaveLength(4);
    const mine = await read('note-pa-read');
    expect(ids(mine, 'country')).toEqual(['PA']);
    expect(mine.facts.tags).toEqual(['a-tag', 'b-tag']);
  });

  it('titles the piece and its links in the language asked for, or says which one it falls back to', async () => {
    const fr = await read('note-pa-read', 'fr');
    expect(fr.links.find((l) => l.group === 'instruments')!.items.find((i) => i.id === 'inst-palermo')).toMatchObject({ title: 'Convention de Palerme', titleLocale: 'fr' });
    const en = await read('note-pa-read', 'en');
    expect(en).toMatchObject({ title: 'Le Panama et la Convention de Palerme', titleLocale: 'fr' });
    expect(en.states).toEqual({ en: 'missing', fr: 'approved', es: 'missing' });
    expect(en.fields.find((f) => f.name === 'body')!.states).toEqual({ en: 'missing', fr: 'approved', es: 'missing' });
  });

  it('shows a translation whose original changed as out of date', async () => {
    const doc = store.readDocument();
    const prio = structuredClone(doc.priorities.find((p) => p.id === 'prio-rps-1')!);
    const original = (['en', 'fr', 'es'] as const).find((l) => prio.title[l] && !prio.title[l]!.from)!;
    prio.title[original] = { ...prio.title[original]!, text: `${prio.title[original]!.text} (revised)` };
    expect((await api.invoke('library.savePriority', { record: prio })).ok).toBe(true);
    const piece = await read('prio-rps-1');
    const others = (['en', 'fr', 'es'] as const).filter((l) => l !== original);
    for (const l of others) expect(piece.fields.find((f) => f.name === 'title')!.states[l]).toBe('stale');
  });

  it('counts every link but sends at most 100 per group', async () => {
    const doc = store.readDocument();
    const base = doc.notes.find((n) => n.id === 'note-omsac-palermo-25-2025')!;
    const many = Array.from({ length: 150 }, (_, i): NoteDoc => ({ ...structuredClone(base), id: `note-many-${String(i).padStart(3, '0')}` }));
    applyLibraryDocument(store, { ...doc, notes: [...doc.notes, ...many] });
    const p = await read('prio-rps-5');
    const notes = p.links.find((l) => l.group === 'notes')!;
    expect(notes.total).toBe(151);
    expect(notes.items).toHaveLength(100);
  });

  it('refuses bad input by name and an id that is not a readable piece', async () => {
    for (const input of [{ id: 'x', locale: 'en' }, { id: 'prio-rps-1', locale: 'de' }, { id: 'prio-rps-1', locale: 'en', extra: 1 }, { id: 'a'.repeat(65), locale: 'en' }]) {
      const result = await api.invoke('library.read', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('api.invalidInput');
    }
    for (const id of ['nothing-here', 'pack-panama-2025', 'pack-panama-2025-s1']) {
      const result = await api.invoke('library.read', { id, locale: 'en' });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ code: 'api.notFound', params: { id } });
    }
  });
});

describe('library.searchAll', () => {
  const search = async (query: string, locale = 'en') => {
    const result = (await api.invoke('library.searchAll', { query, locale })) as ApiResult<LibrarySearchResult>;
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  };

  it('`palermo` finds the four Palermo instruments in their own group, with the word marked', async () => {
    const result = await search('palermo');
    const instruments = result.groups.find((g) => g.kind === 'instrument')!;
    expect(instruments.hits.map((h) => h.id).sort()).toEqual(['inst-palermo', 'inst-palermo-firearms', 'inst-palermo-migrants', 'inst-palermo-trafficking']);
    expect(instruments.total).toBe(4);
    const convention = instruments.hits.find((h) => h.id === 'inst-palermo')!;
    expect(convention).toMatchObject({ inTitle: true, locale: 'en', title: 'Palermo Convention' });
    expect(convention.excerpt.filter((p) => p.hit).map((p) => p.text)).toEqual(['Palermo']);
    expect(result.groups.map((g) => g.kind)).toContain('note');
  });

  it('is accent- and case-insensitive in the three languages and titles results in the reader’s language', async () => {
    const fr = await search('SECURITE HUMAINE', 'fr');
    expect(fr.groups.find((g) => g.kind === 'priority')!.hits[0]).toMatchObject({ id: 'prio-rps-1' });
    const es = await search('seguridad humana', 'en');
    const hit = es.groups.find((g) => g.kind === 'priority')!.hits.find((h) => h.id === 'prio-rps-1')!;
    expect(hit.locale).toBe('es');
    expect(hit.titleLocale).toBe('en');
    expect((await search('Panamá')).groups.find((g) => g.kind === 'country')!.hits.map((h) => h.id)).toContain('PA');
  });

  it('a section’s text is found as its pack', async () => {
    const doc = store.readDocument();
    const pack = structuredClone(doc.packs[0]!);
    pack.sections[0]!.title = { en: { text: 'Zanzibarish opening words', status: 'draft' } };
    expect((await api.invoke('packs.save', { record: pack })).ok).toBe(true);
    const result = await search('zanzibarish');
    expect(result.groups).toEqual([expect.objectContaining({ kind: 'pack', total: 1, hits: [expect.objectContaining({ id: pack.id })] })]);
  });

  it('an empty or punctuation-only query finds nothing, without an error', async () => {
    expect((await search('')).groups).toEqual([]);
    expect((await search('"*) -- (:^')).groups).toEqual([]);
    expect((await search('zzqx')).groups).toEqual([]);
  });
});

describe('library.search for one tab', () => {
  it('looks only in the kinds asked for, so 150 matching notes never crowd out the instruments', async () => {
    const result = (await api.invoke('library.search', { query: 'palermo', locale: 'en', kinds: ['instrument'] })) as ApiResult<{ id: string; kind: string }[]>;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(new Set(result.value.map((h) => h.kind))).toEqual(new Set(['instrument']));
    expect(result.value.map((h) => h.id).sort()).toEqual(['inst-palermo', 'inst-palermo-firearms', 'inst-palermo-migrants', 'inst-palermo-trafficking']);
    const bad = await api.invoke('library.search', { query: 'palermo', locale: 'en', kinds: ['planet'] });
    expect(bad.ok).toBe(false);
  });
});
