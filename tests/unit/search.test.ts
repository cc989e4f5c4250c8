import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type OpenedLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { queryTokens, searchLibrary, type SearchHit } from '../../main/services/searchLibrary';
import { AppError } from '../../shared/errors/AppError';
import { cli, tempDir } from '../helpers/cli';
import { emptyDocument, tri } from '../helpers/documents';
import { oneLine, writeJson } from '../helpers/library';

let dir: string;
let db: string;
let library: OpenedLibrary;
let store: LibraryStore;

const EXTRA_NOTE = 'note-search-extra';

beforeAll(async () => {
  dir = tempDir();
  db = path.join(dir, 'lib.sqlite');
  expect((await cli(['init', '--db', db])).code).toBe(0);
  const doc = emptyDocument();
  doc.notes.push({
    id: EXTRA_NOTE,
    countryCode: null,
    date: '2025-11-20',
    tags: [],
    title: tri('Le chef-d’œuvre de l’école', 'The masterpiece', 'La obra maestra'),
    body: tri(
      'La mise en œuvre du programme à l’école primaire. ÉCOLE NORMALE.',
      'Implementation of the programme at the primary school.',
      'La aplicación del programa en la escuela primaria para los niños.',
    ),
    instruments: [],
    priorities: [],
    sources: [],
  });
  const file = writeJson(path.join(dir, 'extra.json'), doc);
  const imported = await cli(['import', file, '--db', db]);
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
  library = await openLibrary(db, { create: false, readOnly: true });
  store = new LibraryStore(library.db);
});

afterAll(() => library?.close());

const ids = (hits: SearchHit[]) => hits.map((h) => h.id);

function matchedTexts(hits: SearchHit[], id: string): string[] {
  return hits.find((h) => h.id === id)?.matches.map((m) => `${m.locale}:${m.field}:${m.excerpt}`) ?? [];
}

async function cliSearch(args: string[]): Promise<SearchHit[]> {
  const result = await cli(['search', ...args, '--json', '--db', db]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as SearchHit[];
}

describe('accent-, case- and ligature-insensitive search', () => {
  it('`securite` finds « sécurité » in French texts', async () => {
    const hits = await cliSearch(['securite', '--lang', 'fr']);
    expect(ids(hits)).toContain('prio-rps-1');
    const prio = hits.find((h) => h.id === 'prio-rps-1')!;
    expect(prio.title).toBe('Sécurité humaine et multidimensionnelle');
    expect(prio.matches.some((m) => m.locale === 'fr' && /\[sécurité\]/i.test(m.excerpt))).toBe(true);
  });

  it('`nino` and `ninos` find « niños » in Spanish texts', () => {
    for (const query of ['nino', 'ninos', 'NIÑOS']) {
      const hits = searchLibrary(store, query, 'es');
      expect(ids(hits), query).toContain('prio-rps-2');
      expect(matchedTexts(hits, 'prio-rps-2').some((m) => m.startsWith('es:') && /\[niños\]/.test(m)), query).toBe(true);
      expect(ids(hits), query).toContain(EXTRA_NOTE);
    }
  });

  it('`oeuvre` finds a text written with « œuvre », and `œuvre` finds it too', () => {
    for (const query of ['oeuvre', 'œuvre', 'ŒUVRE', 'Oeuvre']) {
      const hits = searchLibrary(store, query, 'fr');
      expect(ids(hits), query).toContain(EXTRA_NOTE);
      expect(matchedTexts(hits, EXTRA_NOTE).join('\n'), query).toMatch(/fr:body:.*\[oeuvre\]/i);
    }
  });

  it('"l ecole" finds « l’école », and so do "l\'école" and "ECOLE"', () => {
    for (const query of ['l ecole', "l'école", 'l’école', 'ECOLE', 'École']) {
      expect(ids(searchLibrary(store, query, 'fr')), query).toContain(EXTRA_NOTE);
    }
  });

  it('is case-insensitive: upper, lower and mixed case give the same hits', () => {
    const lower = ids(searchLibrary(store, 'sécurité humaine', 'fr'));
    expect(lower.length).toBeGreaterThan(0);
    expect(ids(searchLibrary(store, 'SÉCURITÉ HUMAINE', 'fr'))).toEqual(lower);
    expect(ids(searchLibrary(store, 'SeCuRiTe HuMaInE', 'fr'))).toEqual(lower);
  });

  it('matches a text stored in decomposed (NFD) form', async () => {
    const doc = emptyDocument();
    doc.notes.push({
      id: 'note-nfd',
      countryCode: null,
      date: '2025-01-01',
      tags: [],
      title: { fr: { text: 'Re\u0301silience climatique a\u0300 Cura\u00e7ao', status: 'approved' } },
      body: { fr: { text: 'Texte', status: 'approved' } },
      instruments: [],
      priorities: [],
      sources: [],
    });
    const other = path.join(tempDir(), 'nfd.sqlite');
    expect((await cli(['init', '--empty', '--db', other])).code).toBe(0);
    expect((await cli(['import', writeJson(path.join(dir, 'nfd.json'), doc), '--db', other])).code).toBe(0);
    const result = await cli(['search', 'résilience', '--json', '--db', other]);
    expect(result.code).toBe(0);
    expect(ids(JSON.parse(result.stdout) as SearchHit[])).toEqual(['note-nfd']);
  });

  it('searches all three languages whatever --lang is, and shows titles in --lang', () => {
    const en = searchLibrary(store, 'masterpiece', 'fr');
    expect(ids(en)).toEqual([EXTRA_NOTE]);
    expect(en[0]!.title).toBe('Le chef-d’œuvre de l’école');
    expect(searchLibrary(store, 'obra maestra', 'en')[0]!.title).toBe('The masterpiece');
  });
});

describe('country names come from Intl', () => {
  it('finds "Panamá" and "canada" by their display names', () => {
    expect(ids(searchLibrary(store, 'Panamá', 'es'))).toContain('PA');
    expect(ids(searchLibrary(store, 'panama', 'en'))).toContain('PA');
    expect(ids(searchLibrary(store, 'canada', 'en'))).toContain('CA');
    const ca = searchLibrary(store, 'canada', 'fr').find((h) => h.id === 'CA')!;
    expect(ca.kind).toBe('country');
    expect(ca.title).toBe('Canada');
    expect(ids(searchLibrary(store, 'Pérou', 'en'))).toContain('PE');
    expect(ids(searchLibrary(store, 'república dominicana', 'en'))).toContain('DO');
  });

  it('does not match a country that is not in the library', () => {
    expect(ids(searchLibrary(store, 'Brazil', 'en'))).not.toContain('BR');
  });
});

describe('queries that are not words', () => {
  it('a query made only of punctuation is an error, not an empty result', async () => {
    for (const query of ['!!!', '"', '*', '-', ':', '()', "'", '…', '¿?', '   ']) {
      expect(() => searchLibrary(store, query, 'en'), JSON.stringify(query)).toThrow(AppError);
      expect(() => searchLibrary(store, query, 'en')).toThrow(expect.objectContaining({ code: 'cli.emptyQuery' }));
    }
    const result = await cli(['search', '--db', db, '--', '?!']);
    expect(result.stdout).toBe('');
    expect([1, 2]).toContain(result.code);
    expect(oneLine(result.stderr)).toBe('The search query is empty.');
  });

  it('FTS5 syntax in a query never reaches SQLite as syntax', async () => {
    const queries = [
      '"securite',
      'securite"',
      'secur*',
      '*securite',
      'NEAR(securite',
      'NEAR(securite humaine, 2)',
      'securite OR',
      'OR securite',
      'securite AND',
      'NOT securite',
      'securite NOT',
      '-securite',
      'securite -humaine',
      'body:securite',
      'locale:fr',
      '{body} : securite',
      '^securite',
      'securite +',
      "securite'); DROP TABLE texts;--",
      '(securite',
      'securite)',
      'a b c d e f g h i j k l m n o p q r s t u v w x y z',
      'x'.repeat(5_000),
    ];
    for (const query of queries) {
      let outcome: unknown;
      try {
        outcome = searchLibrary(store, query, 'fr');
      } catch (error) {
        outcome = error;
      }
      if (outcome instanceof Error) {
        expect.fail(`${JSON.stringify(query.slice(0, 40))} threw ${outcome.name}: ${outcome.message}`);
      }
      expect(Array.isArray(outcome)).toBe(true);
    }
    // The words are still searched as words.
    expect(ids(searchLibrary(store, 'NEAR(securite', 'fr'))).toEqual([]);
    expect(ids(searchLibrary(store, '"securite', 'fr'))).toContain('prio-rps-1');
    expect(ids(searchLibrary(store, 'secur*', 'fr'))).toContain('prio-rps-1');
    expect(ids(searchLibrary(store, '(securite', 'fr'))).toContain('prio-rps-1');
    const viaCli = await cli(['search', '--db', db, '--json', '--', '-securite', 'NEAR(', 'OR', ':', '"', '*']);
    expect(viaCli.stderr).toBe('');
    expect(viaCli.code).toBe(0);
    expect(Array.isArray(JSON.parse(viaCli.stdout))).toBe(true);
  });

  it('treats OR, AND, NOT and NEAR as words to find, not operators', () => {
    // As operators these would match "securite" alone; as words every word must match.
    expect(ids(searchLibrary(store, 'securite', 'fr'))).toContain('prio-rps-1');
    expect(ids(searchLibrary(store, 'securite OR zzzzzz', 'fr'))).toEqual([]);
    expect(ids(searchLibrary(store, 'securite AND zzzzzz', 'fr'))).toEqual([]);
    expect(ids(searchLibrary(store, 'NEAR(securite zzzzzz)', 'fr'))).toEqual([]);
  });

  it('splits a query into folded words', () => {
    expect(queryTokens("L'ÉCOLE  de l’Œuvre — niños!")).toEqual(['l', 'ecole', 'de', 'l', 'oeuvre', 'ninos']);
    expect(queryTokens('"*:-()')).toEqual([]);
  });
});
