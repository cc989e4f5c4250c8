import fs from 'node:fs';
import path from 'node:path';
import { openLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { listTranslationUnits } from '../../main/services/translation/listTranslationUnits';
import { packTranslationScope } from '../../main/pdf/packTranslationScope';
import { TermIndex } from '../../shared/terms/TermIndex';
import type { Concept } from '../../shared/terms/termTypes';
import { checkTranslation } from '../../shared/translation/checkTranslation';
import { memoryIndexFor } from '../../main/services/memory/MemoryIndex';
import { writeTmx } from '../../main/services/memory/writeTmx';

const only = process.env.BENCH_ONLY?.split(',');

type Emit = (record: Record<string, unknown>) => void;

/** Made-up concepts, three languages each, so the index holds many terms that share first words. */
function syntheticConcepts(count: number): Concept[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `bench-${i}`,
    subject: null,
    note: null,
    source: null,
    terms: (['en', 'fr', 'es'] as const).map((locale) => ({
      locale,
      text: `${locale === 'en' ? 'convention' : 'convención'} número ${i} term${i % 97}`,
      status: 'preferred' as const,
      note: null,
      approval: 'draft' as const,
      approvedBy: null,
      approvedAt: null,
    })),
  }));
}

/**
 * Term checks for every unit of the starter pack (fr → es), as the gate on approval and the
 * translator's view run them: with the starter termbase, and with 5,000 more concepts. The
 * issue's budget is 200 ms for a whole pack.
 */
export async function runTermChecksBench(emit: Emit, libraryFile: string, work: string, runs: number): Promise<void> {
  const file = path.join(work, 'term-checks.sqlite');
  fs.copyFileSync(libraryFile, file);
  const library = await openLibrary(file, { create: false });
  try {
    const store = new LibraryStore(library.db);
    const { units } = listTranslationUnits(store, { source: 'fr', target: 'es', packId: 'pack-panama-2025' }, packTranslationScope);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    for (const [label, concepts] of [
      ['starter', store.terms.readAll()],
      ['starter+5000', [...store.terms.readAll(), ...syntheticConcepts(5000)]],
    ] as const) {
      const times: number[] = [];
      let checks = 0;
      for (let r = 0; r < runs; r++) {
        const start = performance.now();
        const terms = { index: new TermIndex(concepts), source: 'fr', target: 'es' } as const;
        checks = 0;
        for (const unit of units) checks += checkTranslation(unit.source, unit.target ?? '', terms).length;
        times.push(performance.now() - start);
      }
      emit({ bench: 'term-checks', termbase: label, concepts: concepts.length, units: units.length, checks, pack_ms: Math.round(median(times) * 10) / 10, budget_ms: 200 });
    }
  } finally {
    library.close();
  }
}

/**
 * Fuzzy matches for one unit against a memory of 10,000 pieces (the starter library scaled,
 * every Spanish text taken as approved): the budget is a 50 ms median.
 */
export async function runMemoryBench(emit: Emit, work: string, runs: number): Promise<void> {
  const { applyLibraryDocument } = await import('../../main/services/importLibrary');
  const { loadStarterLibrary } = await import('../../main/services/loadStarterLibrary');
  const { findMemoryMatches } = await import('../../main/services/memory/findMemoryMatches');
  const { scaleLibrary } = await import('./scaleLibrary');
  const { withNotes } = await import('./uiBench');
  const library = await openLibrary(path.join(work, 'memory.sqlite'), { create: true });
  try {
    const store = new LibraryStore(library.db);
    loadStarterLibrary(store);
    applyLibraryDocument(store, withNotes(scaleLibrary(store.readDocument(), 9), 10_000));
    store.db.prepare("UPDATE texts SET status = 'approved', approved_by = 'bench', approved_at = 't' WHERE locale = 'es'").run();
    const pieces = store.db.prepare('SELECT count(*) FROM pieces').pluck().get() as number;
    const segments = store.db.prepare("SELECT count(*) FROM texts WHERE locale = 'es' AND status = 'approved'").pluck().get() as number;
    const times: number[] = [];
    let matches = 0;
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      const result = findMemoryMatches(store, { pieceId: 'note-unga-trafficking-2025', field: 'body', source: 'fr', target: 'es' });
      times.push(performance.now() - start);
      matches = result.reduce((n, s) => n + s.matches.length, 0);
    }
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    emit({ bench: 'memory-fuzzy', pieces, approved_texts: segments, matches, unit_ms: Math.round(median * 10) / 10, budget_ms: 50 });
    if (!only || only.includes('tmx-export')) runTmxExportBench(emit, store, pieces, runs, median);
  } finally {
    library.close();
  }
}

/**
 * TMX export of that memory (fr → es, what `briefing memory export` writes): reading the memory
 * from the library (its first lookup, as in a fresh process) and writing the file. The reference
 * is one fuzzy lookup over the same memory.
 */
function runTmxExportBench(emit: Emit, store: LibraryStore, pieces: number, runs: number, fuzzyMs: number): void {
  const read: number[] = [];
  const write: number[] = [];
  let units = 0;
  let bytes = 0;
  for (let r = 0; r < runs; r++) {
    // A write the memory did not see makes the next lookup read it afresh, as a new process would.
    store.db.prepare("UPDATE texts SET approved_by = 'bench' WHERE rowid = (SELECT min(rowid) FROM texts)").run();
    let start = performance.now();
    const index = memoryIndexFor(store.db, 'fr', 'es');
    read.push(performance.now() - start);
    start = performance.now();
    const xml = writeTmx(index, 'fr', 'es', 'bench');
    write.push(performance.now() - start);
    units = index.pairs.length;
    bytes = Buffer.byteLength(xml);
  }
  const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]! * 10) / 10;
  emit({ bench: 'tmx-export', pieces, units, mb: Math.round((bytes / 2 ** 20) * 10) / 10, runs, read_ms: median(read), write_ms: median(write), total_ms: Math.round((median(read) + median(write)) * 10) / 10, reference: 'memory-fuzzy unit', reference_ms: Math.round(fuzzyMs * 10) / 10 });
}

/**
 * `briefing check`'s term warnings: termFindings over every translated text of a library of
 * 10,000 pieces (the starter library scaled, its Spanish and English texts translated from
 * French), reading the library included, as the command does. Reference: the term-checks bench
 * (a pack's units); there is no budget in the issue, this one keeps the command's cost in view.
 */
export async function runCheckTermsBench(emit: Emit, work: string, runs: number): Promise<void> {
  const { applyLibraryDocument } = await import('../../main/services/importLibrary');
  const { loadStarterLibrary } = await import('../../main/services/loadStarterLibrary');
  const { EVERY_TEXT, termFindings } = await import('../../main/pdf/termFindings');
  const { scaleLibrary } = await import('./scaleLibrary');
  const { withNotes } = await import('./uiBench');
  const library = await openLibrary(path.join(work, 'check-terms.sqlite'), { create: true });
  try {
    const store = new LibraryStore(library.db);
    loadStarterLibrary(store);
    applyLibraryDocument(store, withNotes(scaleLibrary(store.readDocument(), 9), 10_000));
    const pieces = store.db.prepare('SELECT count(*) FROM pieces').pluck().get() as number;
    const translated = store.db.prepare('SELECT count(*) FROM texts WHERE source_locale IS NOT NULL').pluck().get() as number;
    const times: number[] = [];
    const reads: number[] = [];
    let warnings = 0;
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      const doc = store.readDocument();
      const read = performance.now();
      warnings = termFindings(doc, EVERY_TEXT, store.terms.readAll()).length;
      times.push(performance.now() - start);
      reads.push(read - start);
    }
    const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! * 10) / 10;
    emit({ bench: 'check-terms', pieces, translated_texts: translated, warnings, check_ms: median(times), read_ms: median(reads), reference: 'term-checks' });
  } finally {
    library.close();
  }
}
