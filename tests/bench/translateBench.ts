import path from 'node:path';
import { openLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { applyLibraryDocument } from '../../main/services/importLibrary';
import { listTranslationUnits } from '../../main/services/translation/listTranslationUnits';
import { listUnitSummaries } from '../../main/services/translation/listUnitSummaries';
import { readTranslationUnit } from '../../main/services/translation/readTranslationUnit';
import { exportXliff } from '../../main/services/xliff/exportXliff';
import { importXliff } from '../../main/services/xliff/importXliff';
import { uiStringUnits } from '../../main/services/uiStrings/uiStringUnits';
import { loadStarterLibrary } from '../../main/services/loadStarterLibrary';
import { withNotes } from './uiBench';
import { listEntries } from '../../main/services/listEntries';

type Emit = (record: Record<string, unknown>) => void;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;

function time(runs: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * The translator's view and XLIFF at the starter library's size and at 10,000 pieces. The
 * reference is the library list of the same size (what the library screen calls), so the
 * translator's view can be judged against a screen users already find fast enough.
 */
export async function runTranslateBench(emit: Emit, work: string, runs: number): Promise<void> {
  for (const pieces of [0, 10_000]) {
    const lib = await openLibrary(path.join(work, `translate-${pieces}.sqlite`), { create: true });
    const store = new LibraryStore(lib.db);
    loadStarterLibrary(store);
    if (pieces > 0) applyLibraryDocument(store, withNotes(store.readDocument(), pieces));
    const size = pieces || 'starter';
    const query = { source: 'fr', target: 'es' } as const;
    const listed = listUnitSummaries(store, query);
    const units = listed.units.length;
    // What the translator's view receives per filter change: every unit summarized (excerpts).
    const responseMb = round(Buffer.byteLength(JSON.stringify(listed)) / 1024 / 1024);
    const unitsMs = time(runs, () => listUnitSummaries(store, query));
    const listMs = time(runs, () => listEntries(store, 'notes', 'es'));
    emit({ bench: 'translate', what: 'translation.units fr→es', library: size, units, response_mb: responseMb, runs, median_ms: round(unitsMs), reference: 'library.list notes (es)', reference_ms: round(listMs) });
    // The view's default filter (what needs work), and the whole texts as XLIFF export reads them.
    const todo = { ...query, states: ['missing', 'stale', 'draft'] } as const;
    emit({ bench: 'translate', what: 'translation.units fr→es, to do', library: size, units: listUnitSummaries(store, todo).units.length, runs, median_ms: round(time(runs, () => listUnitSummaries(store, todo))) });
    const whole = listTranslationUnits(store, query);
    emit({ bench: 'translate', what: 'whole units fr→es (XLIFF export reads these)', library: size, units: whole.units.length, whole_mb: round(Buffer.byteLength(JSON.stringify(whole)) / 1024 / 1024), runs, median_ms: round(time(runs, () => listTranslationUnits(store, query))) });
    const open = listed.units[Math.floor(units / 2)]!;
    const ref = { ...query, pieceId: open.pieceId, field: open.field };
    emit({ bench: 'translate', what: 'translation.unit (one opened)', library: size, runs, median_ms: round(time(runs, () => readTranslationUnit(store, ref))) });
    emit({ bench: 'translate', what: 'uiStrings.units en→es', library: size, units: uiStringUnits(store, { source: 'en', target: 'es' }).length, runs, median_ms: round(time(runs, () => uiStringUnits(store, { source: 'en', target: 'es' }))) });

    const request = { ...query, packId: null, ui: false, todoOnly: false };
    let xml = '';
    const exportMs = time(runs, () => (xml = exportXliff(store, request).xml));
    const jsonMs = time(runs, () => JSON.stringify(store.readDocument()));
    emit({ bench: 'translate', what: 'xliff export fr→es', library: size, units, bytes: Buffer.byteLength(xml), runs, median_ms: round(exportMs), reference: 'library JSON export (readDocument + stringify)', reference_ms: round(jsonMs) });
    const approver = { by: 'bench', at: new Date().toISOString() };
    const importMs = time(runs, () => importXliff(store, xml, { dryRun: true, approver }));
    emit({ bench: 'translate', what: 'xliff import (dry run) of that file', library: size, units, runs, median_ms: round(importMs) });
    lib.close();
  }
}
