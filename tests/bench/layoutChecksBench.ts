import { prepareEdition, renderEdition } from '../../main/pdf/buildEdition';
import { renderPdf } from '../../main/pdf/pdfmakeEngine';
import { wholeDocument } from '../../main/pdf/documentParts';
import type { Edition } from '../../shared/api/buildTypes';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';

/*
 * What the layout checks cost (issue 10: at most 10 % of a build). In this thread, runs
 * interleaved so that all three variants see the same machine load, medians of each:
 * - with checks: a build as shipped (glyph coverage listed before layout, every line checked
 *   against its page and box after layout);
 * - without checks: the same build with both checks off (text still cut into font runs and
 *   given break opportunities, which are layout features, not checks);
 * - no text preparation: pdfmake on the document as built before this work (no font runs, no
 *   break opportunities, no checks), for reference.
 */

type Emit = (record: Record<string, unknown>) => void;

const OPTIONS = { paper: 'a4' as const, watermark: null, builtAt: new Date('2025-11-20T12:00:00Z') };

export async function runLayoutChecksBench(
  emit: Emit,
  runs: number,
  cases: { name: string; doc: LibraryDocument; pack: string; editions: Edition[] }[],
): Promise<void> {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const round = (x: number) => Math.round(x * 10) / 10;
  for (const { name, doc, pack, editions } of cases) {
    for (const edition of editions) {
      const variants = {
        with: () => renderEdition(prepareEdition(doc, pack, edition, OPTIONS), { checks: true }),
        without: () => renderEdition(prepareEdition(doc, pack, edition, OPTIONS), { checks: false }),
        bare: () => renderPdf(wholeDocument(prepareEdition(doc, pack, edition, OPTIONS).layout), undefined, { prepared: true }),
      };
      const times: Record<keyof typeof variants, number[]> = { with: [], without: [], bare: [] };
      for (const run of Object.values(variants)) await run(); // warm-up
      for (let i = 0; i < runs; i++) {
        for (const [key, run] of Object.entries(variants) as [keyof typeof variants, () => Promise<unknown>][]) {
          const start = performance.now();
          await run();
          times[key].push(performance.now() - start);
        }
      }
      const [withChecks, without, bare] = [median(times.with), median(times.without), median(times.bare)];
      emit({
        bench: 'layoutChecks',
        pack: name,
        edition,
        runs,
        with_checks_ms: round(withChecks),
        without_checks_ms: round(without),
        no_text_preparation_ms: round(bare),
        checks_overhead_pct: round(((withChecks - without) / without) * 100),
        preparation_and_checks_overhead_pct: round(((withChecks - bare) / bare) * 100),
        budget_pct: 10,
        reference: 'the same build with the checks off, same thread, runs interleaved',
      });
    }
  }
}
