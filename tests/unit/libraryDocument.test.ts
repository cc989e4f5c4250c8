import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseLibraryDocument } from '../../main/services/parseLibraryDocument';
import { hashSourceText } from '../../main/db/textHash';
import { AppError } from '../../shared/errors/AppError';
import { createTranslator } from '../../shared/locales/createTranslator';
import type { PieceKind } from '../../shared/domain/pieceKinds';
import { checkLibraryDocument, EMPTY_LOOKUP, type LibraryLookup } from '../../shared/schemas/checkLibraryDocument';
import { libraryDocumentSchema, type LibraryDocument } from '../../shared/schemas/libraryDocument';
import { normalizeLibraryDocument } from '../../shared/schemas/normalizeLibraryDocument';
import { describeProblem, type ValidationProblem } from '../../shared/schemas/validationProblems';
import { deleteAt, mutable, setAt, smallDocument, tri } from '../helpers/documents';

interface Found {
  path: string;
  key: string;
  values: Record<string, string | number>;
  recordId?: string;
}

const pathText = (path: readonly (string | number)[]) => path.join('.');

function toFound(p: ValidationProblem): Found {
  const found: Found = { path: pathText(p.path), key: p.key, values: p.values };
  if (p.recordId !== undefined) found.recordId = p.recordId;
  return found;
}

/** Every problem parseLibraryDocument reports for a document (empty when it is valid). */
function problemsOf(doc: unknown, lookup: LibraryLookup = EMPTY_LOOKUP): Found[] {
  try {
    parseLibraryDocument(doc, 'test.json', lookup);
    return [];
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.code).toBe('import.invalid');
    expect(error.problems.length).toBeGreaterThan(0);
    return error.problems.map(toFound);
  }
}

function expectOnly(doc: unknown, expected: Partial<Found>, lookup?: LibraryLookup): Found {
  const found = problemsOf(doc, lookup);
  expect(found).toEqual([expect.objectContaining(expected)]);
  return found[0]!;
}

function lookupOf(kinds: Record<string, PieceKind>): LibraryLookup {
  return { kindOf: (id) => kinds[id], priorityIdAt: () => undefined, packIdWithSlug: () => undefined, instrumentParent: () => undefined };
}

describe('a valid document', () => {
  it('passes the schema and the cross-record checks', () => {
    const doc = smallDocument();
    expect(libraryDocumentSchema.safeParse(doc).success).toBe(true);
    expect(checkLibraryDocument(doc, EMPTY_LOOKUP)).toEqual([]);
    expect(problemsOf(doc)).toEqual([]);
  });
});

describe('localized texts', () => {
  it('rejects an unknown locale key ("de")', () => {
    const doc = mutable(smallDocument());
    setAt(doc, ['priorities', 0, 'title', 'de'], { text: 'Priorität', status: 'draft' });
    const found = expectOnly(doc, { path: 'priorities.0.title', key: 'unknownLocale', recordId: 't-prio-1' });
    expect(found.values).toEqual({ key: 'de' });
  });

  it('rejects an unknown locale even when it is the only key', () => {
    const doc = mutable(smallDocument());
    setAt(doc, ['sources', 0, 'title'], { de: { text: 'Quelle', status: 'approved' } });
    const found = problemsOf(doc);
    expect(found.map((f) => f.key)).toContain('unknownLocale');
    expect(found.every((f) => f.path.startsWith('sources.0.title'))).toBe(true);
  });

  it('accepts the two statuses and nothing else', () => {
    for (const status of ['draft', 'approved']) {
      const doc = mutable(smallDocument());
      setAt(doc, ['notes', 0, 'title', 'fr', 'status'], status);
      expect(problemsOf(doc), status).toEqual([]);
    }
    for (const status of ['final', 'Approved', 'missing', 'stale', '', null, 1]) {
      const doc = mutable(smallDocument());
      setAt(doc, ['notes', 0, 'title', 'fr', 'status'], status);
      const found = expectOnly(doc, { path: 'notes.0.title.fr.status', recordId: 't-note' });
      expect(['badEnum', 'wrongType']).toContain(found.key);
    }
  });

  it('rejects `from` pointing at a locale with no text, or at its own locale', () => {
    const doc = mutable(smallDocument());
    deleteAt(doc, ['meetings', 0, 'title', 'fr']);
    // en and es both say from: fr
    const found = problemsOf(doc);
    expect(found).toEqual([
      expect.objectContaining({ path: 'meetings.0.title.en.from', key: 'fromMissing', values: { locale: 'fr' } }),
      expect.objectContaining({ path: 'meetings.0.title.es.from', key: 'fromMissing', values: { locale: 'fr' } }),
    ]);

    const self = mutable(smallDocument());
    setAt(self, ['meetings', 0, 'title', 'en', 'from'], 'en');
    expectOnly(self, { path: 'meetings.0.title.en.from', key: 'fromItself' });
  });

  it('rejects a source hash without `from`, a malformed hash, an empty text and a text with no locale', () => {
    const a = mutable(smallDocument());
    setAt(a, ['notes', 0, 'title', 'fr', 'sourceHash'], 'a'.repeat(64));
    expectOnly(a, { path: 'notes.0.title.fr.sourceHash', key: 'hashWithoutFrom' });

    const b = mutable(smallDocument());
    setAt(b, ['notes', 0, 'title', 'en', 'sourceHash'], 'A'.repeat(64));
    expectOnly(b, { path: 'notes.0.title.en.sourceHash', key: 'badHash' });

    const c = mutable(smallDocument());
    setAt(c, ['notes', 0, 'title', 'fr', 'text'], '');
    expectOnly(c, { path: 'notes.0.title.fr.text', key: 'tooShort' });

    const d = mutable(smallDocument());
    setAt(d, ['notes', 0, 'title'], {});
    expectOnly(d, { path: 'notes.0.title', key: 'noLocale' });
  });

  it('limits titles to 1,000 characters and bodies to 200,000', () => {
    const ok = mutable(smallDocument());
    setAt(ok, ['notes', 0, 'title', 'fr', 'text'], 't'.repeat(1_000));
    setAt(ok, ['notes', 0, 'body', 'fr', 'text'], 'b'.repeat(200_000));
    expect(problemsOf(ok)).toEqual([]);

    const title = mutable(smallDocument());
    setAt(title, ['notes', 0, 'title', 'fr', 'text'], 't'.repeat(1_001));
    expectOnly(title, { path: 'notes.0.title.fr.text', key: 'tooLong', values: { actual: 1_001, max: 1_000 } });

    const body = mutable(smallDocument());
    setAt(body, ['notes', 0, 'body', 'fr', 'text'], 'b'.repeat(200_001));
    expectOnly(body, { path: 'notes.0.body.fr.text', key: 'tooLong', values: { actual: 200_001, max: 200_000 } });
  });
});

describe('fields', () => {
  it('reports a missing required field (a priority without title)', () => {
    const doc = mutable(smallDocument());
    deleteAt(doc, ['priorities', 1, 'title']);
    expectOnly(doc, { path: 'priorities.1.title', key: 'required', recordId: 't-prio-2' });
  });

  it('reports an unknown field', () => {
    const doc = mutable(smallDocument());
    setAt(doc, ['priorities', 0, 'colour'], 'red');
    expectOnly(doc, { key: 'unknownField', values: { key: 'colour' } });
  });

  it('rejects codes that are not ISO 3166-1 alpha-2 country codes wherever a country is expected', () => {
    const places: (string | number)[][] = [
      ['countries', 0, 'code'],
      ['networks', 0, 'members', 0],
      ['meetings', 0, 'hostCountry'],
      ['meetings', 0, 'participants', 0],
      ['notes', 0, 'countryCode'],
    ];
    for (const code of ['XX', 'EU', 'UN', 'ZZ', 'pa', 'PAN', 'P']) {
      for (const place of places) {
        const doc = mutable(smallDocument());
        setAt(doc, place, code);
        const found = problemsOf(doc).filter((f) => f.path === pathText(place));
        expect(found, `${code} at ${pathText(place)}`).toEqual([
          expect.objectContaining({ key: 'badCountryCode', values: { value: code } }),
        ]);
      }
    }
  });

  it('rejects impossible dates, and accepts 29 February in a leap year', () => {
    for (const date of ['2025-02-30', '2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31']) {
      const doc = mutable(smallDocument());
      setAt(doc, ['notes', 0, 'date'], date);
      expectOnly(doc, { path: 'notes.0.date', key: 'badDate', values: { value: date } });
      const meeting = mutable(smallDocument());
      setAt(meeting, ['meetings', 0, 'startDate'], date);
      expect(problemsOf(meeting).map((f) => `${f.path}:${f.key}`), date).toContain('meetings.0.startDate:badDate');
    }
    const leap = mutable(smallDocument());
    setAt(leap, ['notes', 0, 'date'], '2024-02-29');
    expect(problemsOf(leap)).toEqual([]);
  });

  it('reports a malformed date once, not once per failed check', () => {
    for (const date of ['2025-1-01', '25-01-01', '2025-11-27T00:00:00Z', '27/11/2025', '']) {
      const doc = mutable(smallDocument());
      setAt(doc, ['notes', 0, 'date'], date);
      expectOnly(doc, { path: 'notes.0.date', key: 'badDate' });
    }
  });

  it('accepts a partial citation date and rejects an impossible one', () => {
    for (const date of ['2025', '2025-02', '2025-02-28', null]) {
      const doc = mutable(smallDocument());
      setAt(doc, ['sources', 0, 'date'], date);
      expect(problemsOf(doc), String(date)).toEqual([]);
    }
    for (const date of ['2025-02-30', '2025-13', '2025-00']) {
      const doc = mutable(smallDocument());
      setAt(doc, ['sources', 0, 'date'], date);
      expectOnly(doc, { path: 'sources.0.date', key: 'badPartialDate' });
    }
  });

  it('reports a malformed citation date once, not once per failed check', () => {
    for (const date of ['202', '2025/02', 'November 2025']) {
      const doc = mutable(smallDocument());
      setAt(doc, ['sources', 0, 'date'], date);
      expectOnly(doc, { path: 'sources.0.date', key: 'badPartialDate' });
    }
  });

  it('reads a meeting written before participants existed as one with none', () => {
    const doc = mutable(smallDocument());
    deleteAt(doc, ['meetings', 0, 'participants']);
    expect(problemsOf(doc)).toEqual([]);
    expect(parseLibraryDocument(doc, 'old.json', EMPTY_LOOKUP).meetings[0]!.participants).toEqual([]);
  });

  it('rejects a meeting that ends before it starts', () => {
    const doc = mutable(smallDocument());
    setAt(doc, ['meetings', 0, 'endDate'], '2025-11-26');
    expectOnly(doc, { path: 'meetings.0.endDate', key: 'endBeforeStart' });
  });

  it('rejects malformed ids, slugs, tags and URLs', () => {
    const cases: [(string | number)[], unknown, string][] = [
      [['notes', 0, 'id'], 'Note-1', 'badId'],
      [['notes', 0, 'id'], 'n1', 'badId'],
      [['notes', 0, 'id'], '1-note', 'badId'],
      [['notes', 0, 'id'], `n${'x'.repeat(64)}`, 'badId'],
      [['packs', 0, 'slug'], 'Panama 2025', 'badSlug'],
      [['notes', 0, 'tags', 0], 'Security', 'badTag'],
      [['sources', 0, 'url'], 'javascript:alert(1)', 'badUrl'],
      [['sources', 0, 'url'], 'ftp://example.org', 'badUrl'],
      [['sources', 0, 'url'], 'https://', 'badUrl'],
      [['sources', 0, 'url'], 'http:///etc/passwd', 'badUrl'],
      [['sources', 0, 'url'], 'https://example.org/a b', 'badUrl'],
      [['sources', 0, 'url'], 'mailto:someone@example.org', 'badUrl'],
    ];
    for (const [place, value, key] of cases) {
      const doc = mutable(smallDocument());
      setAt(doc, place, value);
      const found = problemsOf(doc);
      expect(found.map((f) => `${f.path}:${f.key}`), String(value)).toContain(`${pathText(place)}:${key}`);
    }
  });
});

describe('ids and references', () => {
  it('rejects an id used twice, whatever the kinds', () => {
    const pairs: [(string | number)[], string][] = [
      [['notes', 0, 'id'], 't-prio-1'],
      [['instruments', 1, 'id'], 't-src-a'],
      [['packs', 0, 'sections', 0, 'id'], 't-pack'],
      [['meetings', 0, 'id'], 't-net'],
      [['priorities', 1, 'id'], 't-prio-1'],
    ];
    for (const [place, id] of pairs) {
      const doc = mutable(smallDocument());
      setAt(doc, place, id);
      const found = problemsOf(doc).filter((f) => f.key === 'duplicateId');
      expect(found, `${pathText(place)} = ${id}`).toHaveLength(1);
      expect(found[0]!.values).toEqual({ id });
    }
  });

  /** Every kind of reference the format has, each pointed at something that does not exist. */
  const references: { place: (string | number)[]; value: string; kind: PieceKind }[] = [
    { place: ['meetings', 0, 'networkId'], value: 'net-nope', kind: 'network' },
    { place: ['priorities', 0, 'networkId'], value: 'net-nope', kind: 'network' },
    { place: ['meetings', 0, 'hostCountry'], value: 'MX', kind: 'country' },
    { place: ['networks', 0, 'members', 0], value: 'MX', kind: 'country' },
    { place: ['meetings', 0, 'participants', 0], value: 'MX', kind: 'country' },
    { place: ['notes', 0, 'countryCode'], value: 'MX', kind: 'country' },
    { place: ['instruments', 1, 'parentId'], value: 'inst-nope', kind: 'instrument' },
    { place: ['instruments', 0, 'priorities', 0], value: 'prio-nope', kind: 'priority' },
    { place: ['notes', 0, 'priorities', 0], value: 'prio-nope', kind: 'priority' },
    { place: ['notes', 0, 'instruments', 0], value: 'inst-nope', kind: 'instrument' },
    { place: ['countries', 0, 'sources', 0], value: 'src-nope', kind: 'source' },
    { place: ['networks', 0, 'sources', 0], value: 'src-nope', kind: 'source' },
    { place: ['meetings', 0, 'sources', 0], value: 'src-nope', kind: 'source' },
    { place: ['priorities', 0, 'sources', 0], value: 'src-nope', kind: 'source' },
    { place: ['instruments', 0, 'sources', 0], value: 'src-nope', kind: 'source' },
    { place: ['notes', 0, 'sources', 0], value: 'src-nope', kind: 'source' },
    { place: ['packs', 0, 'meetingId'], value: 'meet-nope', kind: 'meeting' },
    { place: ['packs', 0, 'sections', 0, 'items', 0, 'ref'], value: 'prio-nope', kind: 'priority' },
    { place: ['packs', 0, 'sections', 0, 'items', 1, 'ref'], value: 'inst-nope', kind: 'instrument' },
    { place: ['packs', 0, 'sections', 0, 'items', 2, 'ref'], value: 'note-nope', kind: 'note' },
    { place: ['packs', 0, 'sections', 0, 'items', 3, 'ref'], value: 'MX', kind: 'country' },
  ];

  it.each(references)('rejects a reference to a missing piece at $place', ({ place, value, kind }) => {
    const doc = mutable(smallDocument());
    setAt(doc, place, value);
    expectOnly(doc, { path: pathText(place), key: 'unknownReference', values: { kind, id: value } });
  });

  it.each(references)('accepts a reference at $place to a piece the library already holds', ({ place, value, kind }) => {
    const doc = mutable(smallDocument());
    setAt(doc, place, value);
    expect(problemsOf(doc, lookupOf({ [value]: kind }))).toEqual([]);
  });

  it('rejects references to a piece of the wrong kind, in the file or in the library', () => {
    const cases: { place: (string | number)[]; value: string; actual: PieceKind; kind: PieceKind }[] = [
      { place: ['meetings', 0, 'networkId'], value: 't-prio-1', actual: 'priority', kind: 'network' },
      { place: ['packs', 0, 'sections', 0, 'items', 2, 'ref'], value: 't-prio-1', actual: 'priority', kind: 'note' },
      { place: ['instruments', 1, 'parentId'], value: 't-note', actual: 'note', kind: 'instrument' },
      { place: ['notes', 0, 'sources', 0], value: 't-inst-conv', actual: 'instrument', kind: 'source' },
      { place: ['packs', 0, 'meetingId'], value: 't-pack-s1', actual: 'section', kind: 'meeting' },
    ];
    for (const { place, value, actual, kind } of cases) {
      const doc = mutable(smallDocument());
      setAt(doc, place, value);
      expectOnly(doc, { path: pathText(place), key: 'wrongKindReference', values: { id: value, actual, kind } });
    }
    const viaLibrary = mutable(smallDocument());
    setAt(viaLibrary, ['meetings', 0, 'networkId'], 'lib-note');
    expectOnly(
      viaLibrary,
      { path: 'meetings.0.networkId', key: 'wrongKindReference', values: { id: 'lib-note', actual: 'note', kind: 'network' } },
      lookupOf({ 'lib-note': 'note' }),
    );
  });

  it('rejects a record whose id the library already uses for another kind', () => {
    const found = problemsOf(smallDocument(), lookupOf({ 't-note': 'priority' }));
    expect(found).toEqual([
      expect.objectContaining({ path: 'notes.0.id', key: 'wrongKindReference', values: { id: 't-note', actual: 'priority', kind: 'note' } }),
    ]);
  });

  it('rejects an instrument that is its own parent, and a longer parent cycle', () => {
    const self = mutable(smallDocument());
    setAt(self, ['instruments', 0, 'parentId'], 't-inst-conv');
    setAt(self, ['instruments', 1, 'parentId'], null);
    expect(problemsOf(self)).toEqual([
      expect.objectContaining({ path: 'instruments.0.parentId', key: 'parentCycle', values: { id: 't-inst-conv' } }),
    ]);

    const loop = mutable(smallDocument());
    setAt(loop, ['instruments', 0, 'parentId'], 't-inst-prot'); // conv → prot → conv
    const found = problemsOf(loop);
    expect(found.map((f) => `${f.path}:${f.key}`).sort()).toEqual([
      'instruments.0.parentId:parentCycle',
      'instruments.1.parentId:parentCycle',
    ]);
  });

  it('rejects two priorities with one number in a network, and a pack slug used twice', () => {
    const numbers = mutable(smallDocument());
    setAt(numbers, ['priorities', 1, 'number'], 1);
    expectOnly(numbers, { path: 'priorities.1.number', key: 'duplicateNumber', values: { network: 't-net', number: 1 } });

    const slug = mutable(smallDocument());
    const second = structuredClone(slug.packs[0]!);
    second.id = 't-pack-two';
    second.sections = [];
    slug.packs.push(second);
    expectOnly(slug, { path: 'packs.1.slug', key: 'duplicateSlug' });
  });
});

describe('envelope', () => {
  it('refuses another format version, and a missing one, before looking at records', () => {
    const v2 = mutable(smallDocument());
    setAt(v2, ['formatVersion'], 2);
    expect(() => parseLibraryDocument(v2, 'x.json', EMPTY_LOOKUP)).toThrow(
      expect.objectContaining({ code: 'import.formatVersion', params: expect.objectContaining({ version: '2', supported: 1 }) }),
    );
    const none = mutable(smallDocument());
    deleteAt(none, ['formatVersion']);
    expect(() => parseLibraryDocument(none, 'x.json', EMPTY_LOOKUP)).toThrow(
      expect.objectContaining({ code: 'import.formatVersionMissing' }),
    );
    for (const input of [null, [], 'briefing-library', { format: 'other', formatVersion: 1 }]) {
      expect(() => parseLibraryDocument(input, 'x.json', EMPTY_LOOKUP)).toThrow(expect.objectContaining({ code: 'import.notLibrary' }));
    }
  });

  it('describes a problem with the record, its id and the field, in the reader’s language', () => {
    const doc = mutable(smallDocument());
    deleteAt(doc, ['priorities', 1, 'title']);
    const [problem] = (() => {
      try {
        parseLibraryDocument(doc, 'x.json', EMPTY_LOOKUP);
        return [];
      } catch (error) {
        return (error as AppError).problems;
      }
    })();
    expect(problem).toBeDefined();
    expect(describeProblem(problem!, createTranslator('en'))).toBe('priorities[1] (t-prio-2) title: required field is missing');
    const fr = describeProblem(problem!, createTranslator('fr'));
    expect(fr).toContain('priorities[1]');
    expect(fr).toContain('t-prio-2');
    expect(fr).not.toContain('required field is missing');
  });
});

describe('normalizeLibraryDocument', () => {
  const sha = (text: string) => crypto.createHash('sha256').update(text.normalize('NFC'), 'utf8').digest('hex');

  it('sorts records by id (countries by code) and every id list, dropping repeats', () => {
    const doc = mutable(smallDocument());
    doc.notes[0]!.tags = ['zeta', 'alpha', 'zeta'];
    doc.notes[0]!.sources = ['t-src-b', 't-src-a', 't-src-b'];
    const out = normalizeLibraryDocument(doc, hashSourceText);
    expect(out.sources.map((s) => s.id)).toEqual(['t-src-a', 't-src-b']);
    expect(out.countries.map((c) => c.code)).toEqual(['CA', 'PA']);
    expect(out.countries[1]!.sources).toEqual(['t-src-a', 't-src-b']);
    expect(out.networks[0]!.members).toEqual(['CA', 'PA']);
    expect(out.instruments[0]!.priorities).toEqual(['t-prio-1', 't-prio-2']);
    expect(out.notes[0]!.instruments).toEqual(['t-inst-conv', 't-inst-prot']);
    expect(out.notes[0]!.tags).toEqual(['alpha', 'zeta']);
    expect(out.notes[0]!.sources).toEqual(['t-src-a', 't-src-b']);
    // Pack sections and items keep their reading order.
    expect(out.packs[0]!.sections[0]!.items.map((i) => i.kind)).toEqual(['priority', 'instrument', 'note', 'country']);
  });

  it('fills sourceHash from the NFC source text, keeps a given one, and writes locales in the order en, fr, es', () => {
    const doc = mutable(smallDocument());
    const decomposed = 'Se\u0301curite\u0301'; // "Sécurité" typed with combining accents
    doc.priorities[0]!.title = {
      es: { text: 'Seguridad', status: 'draft', from: 'fr', sourceHash: 'b'.repeat(64) },
      fr: { text: decomposed, status: 'approved' },
      en: { text: 'Security', status: 'draft', from: 'fr' },
    };
    const out = normalizeLibraryDocument(doc, hashSourceText);
    const title = out.priorities[0]!.title;
    expect(Object.keys(title)).toEqual(['en', 'fr', 'es']);
    expect(title.en!.sourceHash).toBe(sha('Sécurité'));
    expect(title.en!.sourceHash).toBe(hashSourceText('Sécurité'));
    expect(title.es!.sourceHash).toBe('b'.repeat(64));
    expect(title.fr!.sourceHash).toBeUndefined();
    expect(title.fr!.text).toBe(decomposed); // the text itself is kept as typed
    expect(Object.keys(title.en!)).toEqual(['text', 'status', 'from', 'sourceHash']);
  });

  it('is idempotent and gives the same bytes whatever the input order', () => {
    const doc = smallDocument();
    const once = normalizeLibraryDocument(doc, hashSourceText);
    const shuffled = mutable(doc);
    shuffled.sources.reverse();
    shuffled.countries.reverse();
    shuffled.priorities.reverse();
    shuffled.instruments.reverse();
    expect(JSON.stringify(normalizeLibraryDocument(shuffled, hashSourceText))).toBe(JSON.stringify(once));
    expect(JSON.stringify(normalizeLibraryDocument(once, hashSourceText))).toBe(JSON.stringify(once));
  });

  it('is what parseLibraryDocument returns', () => {
    const doc: LibraryDocument = smallDocument();
    doc.priorities[0]!.title = tri('Un');
    expect(parseLibraryDocument(doc, 'x.json', EMPTY_LOOKUP)).toEqual(normalizeLibraryDocument(doc, hashSourceText));
  });
});
