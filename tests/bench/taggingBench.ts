import { prepareEdition, renderEdition } from '../../main/pdf/buildEdition';
import type { Edition } from '../../shared/api/buildTypes';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';

/*
 * What tagging costs (issue 14: at most 15 % of a build): each edition built as shipped
 * (tagged) and with tagging off, in this thread, runs interleaved so both see the same load.
 */

type Emit = (record: Record<string, unknown>) => void;

const OPTIONS = { paper: 'a4' as const, watermark: null, builtAt: new Date('2025-11-20T12:00:00Z') };

export async function runTaggingBench(emit: Emit, runs: number, name: string, doc: LibraryDocument, pack: string, editions: Edition[]): Promise<void> {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const round = (x: number) => Math.round(x * 10) / 10;
  for (const edition of editions) {
    const variants = {
      tagged: () => renderEdition(prepareEdition(doc, pack, edition, OPTIONS), { tagged: true }),
      untagged: () => renderEdition(prepareEdition(doc, pack, edition, OPTIONS), { tagged: false }),
    };
    const times: Record<keyof typeof variants, number[]> = { tagged: [], untagged: [] };
    // CPU time of this process too: on a shared machine, wall time also counts the others' work.
    const cpu: Record<keyof typeof variants, number[]> = { tagged: [], untagged: [] };
    const bytes: Record<keyof typeof variants, number> = { tagged: 0, untagged: 0 };
    for (const [key, run] of Object.entries(variants) as [keyof typeof variants, () => Promise<{ bytes: Buffer }>][]) {
      bytes[key] = (await run()).bytes.length; // warm-up, not timed
    }
    for (let i = 0; i < runs; i++) {
      for (const [key, run] of Object.entries(variants) as [keyof typeof variants, () => Promise<unknown>][]) {
        const start = performance.now();
        const used = process.cpuUsage();
        await run();
        times[key].push(performance.now() - start);
        const { user, system } = process.cpuUsage(used);
        cpu[key].push((user + system) / 1000);
      }
    }
    const [tagged, untagged] = [median(times.tagged), median(times.untagged)];
    const [taggedCpu, untaggedCpu] = [median(cpu.tagged), median(cpu.untagged)];
    emit({
      bench: 'tagging',
      pack: name,
      edition,
      runs,
      tagged_ms: round(tagged),
      untagged_ms: round(untagged),
      tagging_overhead_pct: round(((tagged - untagged) / untagged) * 100),
      tagged_cpu_ms: round(taggedCpu),
      untagged_cpu_ms: round(untaggedCpu),
      tagging_cpu_overhead_pct: round(((taggedCpu - untaggedCpu) / untaggedCpu) * 100),
      tagged_bytes: bytes.tagged,
      untagged_bytes: bytes.untagged,
      budget_pct: 15,
      reference: 'the same build with tagging off, same thread, runs interleaved',
    });
  }
}
