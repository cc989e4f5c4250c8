import { PDFDocument } from 'pdf-lib';
import { accessibilityFindings } from '../../main/pdf/accessibilityFindings';
import { prepareEdition, renderEdition } from '../../main/pdf/buildEdition';
import type { Edition } from '../../shared/api/buildTypes';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';

/*
 * What the PDF/UA checks cost (`briefing check-pdf`, and every build: the PDF/UA claim is written
 * only when they pass): the checks on an edition, against building that edition, same thread.
 */

type Emit = (record: Record<string, unknown>) => void;

const OPTIONS = { paper: 'a4' as const, watermark: null, builtAt: new Date('2025-11-20T12:00:00Z') };

export async function runCheckPdfBench(emit: Emit, runs: number, name: string, doc: LibraryDocument, pack: string, editions: Edition[]): Promise<void> {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const round = (x: number) => Math.round(x * 10) / 10;
  for (const edition of editions) {
    const build: number[] = [];
    const check: number[] = [];
    let pages = 0;
    for (let i = 0; i <= runs; i++) {
      let start = performance.now();
      const { bytes } = await renderEdition(prepareEdition(doc, pack, edition, OPTIONS), { tagged: true });
      const built = performance.now() - start;
      const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
      pages = pdf.getPageCount();
      start = performance.now();
      accessibilityFindings(pdf);
      const checked = performance.now() - start;
      // The first run warms up, untimed.
      if (i > 0) {
        build.push(built);
        check.push(checked);
      }
    }
    const [b, c] = [median(build), median(check)];
    emit({ bench: 'check-pdf', pack: name, edition, runs, pages, check_ms: round(c), build_ms: round(b), check_pct_of_build: round((c / b) * 100), reference: 'building the same edition, tagged, same thread' });
  }
}
