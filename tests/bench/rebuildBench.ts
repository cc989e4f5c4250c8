import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { openLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { PackBuildService, type LanguageMode } from '../../main/pdf/PackBuildService';
import { narrowDocument } from '../../main/pdf/narrowDocument';
import { rebuildBuild } from '../../main/pdf/rebuildPdf';
import { piecesUsed, recordedBuild } from '../../main/pdf/recordedBuild';
import { saveRecord } from '../../main/api/saveRecord';
import { approverNow } from '../../main/services/userName';

type Emit = (record: Record<string, unknown>) => void;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/**
 * A rebuild against its reference, a full build of the same pack on the same warm workers:
 * - `full`: recordedBuild of the pack as it is (the reference);
 * - `after_edit`: the build after one French priority was edited (issue 12's target: ≤ 10 % of
 *   the full build; a build lays every part out again today, so it is about the same);
 * - `rebuild`: `briefing rebuild --build` of an earlier build, from the history;
 * - `whole_library`: the same build sent the whole library instead of its narrow input, with
 *   the bytes each worker is sent (v8 serialization, as postMessage copies it) for both.
 */
export async function runRebuildBench(emit: Emit, libraryFile: string, work: string, runs: number, modes: LanguageMode[]): Promise<void> {
  const file = path.join(work, 'rebuild.sqlite');
  fs.copyFileSync(libraryFile, file);
  const library = await openLibrary(file, { create: false });
  const store = new LibraryStore(library.db);
  const service = new PackBuildService(2);
  service.warm();
  const pack = 'panama-2025';
  let n = 0;
  const out = () => path.join(work, `rebuild-${n++}`);
  const timed = async (run: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
    return median(times);
  };
  try {
    for (const mode of modes) {
      const first = await recordedBuild(service, store, { pack, mode, out: out() }); // warm-up, and the build rebuilt
      // Interleaved, so a slower moment of a shared machine weighs on both alike.
      const fulls: number[] = [];
      const edits: number[] = [];
      for (let i = 0; i < runs; i++) {
        let start = performance.now();
        await recordedBuild(service, store, { pack, mode, out: out(), changesSince: 'none' });
        fulls.push(performance.now() - start);
        const p = store.readDocument(['priorities']).priorities.find((x) => x.id === 'prio-rps-2')!;
        saveRecord(store, 'priorities', { ...p, body: { ...p.body, fr: { ...p.body.fr!, text: `${p.body.fr!.text} Révision ${i}.` } } }, approverNow(store));
        start = performance.now();
        await recordedBuild(service, store, { pack, mode, out: out(), changesSince: 'none' });
        edits.push(performance.now() - start);
      }
      const full = median(fulls);
      const afterEdit = median(edits);
      const rebuild = await timed(() => rebuildBuild(service, store, first.buildId!, out(), { locale: 'en' }));
      const doc = store.readDocument();
      const narrow = narrowDocument(doc, piecesUsed(store, pack, doc));
      const whole = await timed(() => service.build(doc, { pack, mode, out: out() }));
      const narrowed = await timed(() => service.build(narrow, { pack, mode, out: out() }));
      emit({
        bench: 'rebuild',
        pack,
        mode,
        runs,
        full_ms: round(full),
        after_edit_ms: round(afterEdit),
        after_edit_over_full: ratio(afterEdit, full),
        rebuild_ms: round(rebuild),
        rebuild_over_full: ratio(rebuild, full),
        whole_library_ms: round(whole),
        narrow_input_ms: round(narrowed),
        whole_library_bytes: v8.serialize(doc).length,
        narrow_input_bytes: v8.serialize(narrow).length,
        reference: 'full: recordedBuild of the same pack on the same warm workers; target after_edit_over_full ≤ 0.10',
      });
    }
  } finally {
    await service.close();
    library.close();
  }
}
