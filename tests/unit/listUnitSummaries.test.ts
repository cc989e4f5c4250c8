import { describe, expect, it } from 'vitest';
import { LibraryStore } from '../../main/services/LibraryStore';
import { applyLibraryDocument } from '../../main/services/importLibrary';
import { listTranslationUnits, type UnitQuery } from '../../main/services/translation/listTranslationUnits';
import { listUnitSummaries } from '../../main/services/translation/listUnitSummaries';
import { hashSourceText } from '../../main/db/textHash';
import { packTranslationScope } from '../../main/pdf/packTranslationScope';
import { LOCALES } from '../../shared/domain/locales';
import { EXCERPT_CHARS, excerpt, summarizeUnit } from '../../shared/translation/summarizeUnit';
import { scaleLibrary } from '../bench/scaleLibrary';
import { emptyDocument, tri } from '../helpers/documents';
import { useStarterStores } from '../helpers/starterStores';
import { chainedNote, edgeMeeting } from '../helpers/edgeRecords';

/** The SQL listing against the whole-text one it summarizes, for every pair of languages. */
function expectSameUnits(store: LibraryStore, extra: Omit<UnitQuery, 'source' | 'target'> = {}): void {
  for (const source of LOCALES) {
    for (const target of LOCALES) {
      if (source === target) continue;
      const query = { source, target, ...extra };
      const reference = listTranslationUnits(store, query, packTranslationScope);
      expect(listUnitSummaries(store, query, packTranslationScope), `${source}→${target} ${JSON.stringify(extra)}`).toEqual({
        ...reference,
        units: reference.units.map(summarizeUnit),
      });
    }
  }
}

const starterStore = useStarterStores('briefing-units-');

describe("the translator's list read straight from SQLite", () => {
  it('gives the summaries, counts and strict blockers of the whole-text listing on the starter library', async () => {
    const store = await starterStore('starter');
    expect(listUnitSummaries(store, { source: 'fr', target: 'en' }).units.length).toBeGreaterThan(20);
    expectSameUnits(store);
    expectSameUnits(store, { states: ['missing', 'stale', 'draft'] });
    expectSameUnits(store, { states: ['approved'], kind: 'instrument' });
    expectSameUnits(store, { kind: 'country' });
    expectSameUnits(store, { packId: 'panama-2025' });
    expectSameUnits(store, { packId: 'panama-2025', states: ['missing'], kind: 'section' });
  });

  it('gives the same on the starter library scaled three times', async () => {
    const store = await starterStore('scaled');
    applyLibraryDocument(store, scaleLibrary(store.readDocument(), 3));
    expectSameUnits(store);
  });

  it('agrees on out-of-date, chained, orphaned, renormalized and fallback texts, and long excerpts', async () => {
    const store = await starterStore('edges');
    const doc = emptyDocument();
    const oldHash = hashSourceText('Ancien texte');
    const long = `${'Préambule '.repeat(15)}😀 ${'suite '.repeat(40)}`;
    doc.notes.push(
      {
        id: 'note-edge-stale',
        countryCode: 'PA',
        date: '2025-01-02',
        tags: [],
        title: tri('Titre à jour'),
        body: {
          fr: { text: long, status: 'approved' },
          en: { text: 'Old text', status: 'approved', from: 'fr', sourceHash: oldHash },
          es: { text: long.replace('Préambule', 'Preámbulo'), status: 'draft', from: 'fr' },
        },
        instruments: [],
        priorities: [],
        sources: [],
      },
      chainedNote(oldHash),
      {
        id: 'note-edge-nfc',
        countryCode: null,
        date: '2025-01-03',
        tags: [],
        title: tri('Événement'),
        body: tri('Déjà traduit'),
        instruments: [],
        priorities: [],
        sources: [],
      },
    );
    doc.meetings.push(edgeMeeting());
    applyLibraryDocument(store, doc);
    const run = (sql: string) => store.db.prepare(sql).run();
    // What only a damaged or hand-edited file holds: a translation whose source text is gone, a
    // formal name in one language; a source kept nowhere; a source stored decomposed, which
    // hashes as before (NFC) but no longer equals the kept body.
    run("DELETE FROM texts WHERE piece_id = 'note-edge-chain' AND field = 'title' AND locale = 'fr'");
    run("DELETE FROM texts WHERE piece_id = 'PA' AND field = 'formalName' AND locale <> 'es'");
    run("DELETE FROM source_texts WHERE body = 'Corps'");
    store.db.prepare("UPDATE texts SET body = ? WHERE piece_id = 'note-edge-nfc' AND field = 'body' AND locale = 'fr'").run('Déjà traduit'.normalize('NFD'));

    const es = listUnitSummaries(store, { source: 'fr', target: 'es' }).units;
    const body = es.find((u) => u.pieceId === 'note-edge-stale' && u.field === 'body')!;
    expect(body.sourceExcerpt).toBe(excerpt(long));
    expect([...body.sourceExcerpt].length).toBe(EXCERPT_CHARS);
    expect(body.sourceExcerpt).toContain('😀');
    expect(es.find((u) => u.pieceId === 'note-edge-nfc' && u.field === 'body')?.state).toBe('draft');
    const en = listUnitSummaries(store, { source: 'fr', target: 'en' }).units;
    expect(en.find((u) => u.pieceId === 'note-edge-stale' && u.field === 'body')?.state).toBe('stale');
    expect(en.find((u) => u.pieceId === 'note-edge-chain' && u.field === 'body')?.state).toBe('approved');
    expect(listUnitSummaries(store, { source: 'es', target: 'en' }).units.find((u) => u.pieceId === 'meet-edge')?.title).toBe('Reunión');
    expect(listUnitSummaries(store, { source: 'fr', target: 'es' }).units.find((u) => u.pieceId === 'meet-edge')?.title).toBe('Reunión');
    expectSameUnits(store);
    expectSameUnits(store, { states: ['stale'] });
  });
});
