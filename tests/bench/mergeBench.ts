import { parseLibraryDocument } from '../../main/services/parseLibraryDocument';
import { readLibraryFile } from '../../main/services/readLibraryFile';
import { STARTER_LIBRARY_PATH } from '../../main/services/loadStarterLibrary';
import { filesToLibrary, libraryToFiles } from '../../main/services/sync/libraryFiles';
import { EMPTY_LOOKUP } from '../../shared/schemas/checkLibraryDocument';
import { LIBRARY_COLLECTIONS, type LibraryDocument } from '../../shared/schemas/libraryDocument';
import type { LocalizedDoc } from '../../shared/schemas/common';
import { mergeLibraries } from '../../shared/sync/threeWayMerge';
import { scaleLibrary } from './scaleLibrary';
import { withNotes } from './uiBench';

type Emit = (record: Record<string, unknown>) => void;

const PIECES = 10_000;
const EDITS = 500;
/** Of each office's edits, this many fall on the same text as the other office's (conflicts). */
const CLASHES = 20;

const count = (doc: LibraryDocument) => LIBRARY_COLLECTIONS.reduce((n, c) => n + doc[c].length, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;

/** The first text of a record (the field a translator would open first). */
function firstText(record: Record<string, unknown>): LocalizedDoc | undefined {
  return Object.values(record).find((v): v is LocalizedDoc => !!v && typeof v === 'object' && !Array.isArray(v) && ('en' in v || 'fr' in v));
}

/**
 * Two offices' EDITS edits each over a library of PIECES pieces: the French office rewrites the
 * French of one set of pieces, the Spanish office the Spanish of an overlapping set (different
 * cells of the same pieces merge silently), and CLASHES pieces get a French edit from both
 * (conflicts). Measured: the merge alone, and the whole pure path a sync runs around git (three
 * trees of files read back into libraries, merged, written as files again).
 * Reference: the issue's target, ≤ 5 s on this machine.
 */
export async function runMergeBench(emit: Emit, runs: number): Promise<void> {
  const starter = parseLibraryDocument(readLibraryFile(STARTER_LIBRARY_PATH), STARTER_LIBRARY_PATH, EMPTY_LOOKUP);
  // As the search bench: the starter scaled 9 times (priority numbers stay valid), filled with notes.
  const base = parseLibraryDocument(withNotes(scaleLibrary(starter, 9), PIECES), 'bench', EMPTY_LOOKUP);
  const records = LIBRARY_COLLECTIONS.flatMap((c) => (base[c] as Record<string, unknown>[]).flatMap((r, i) => (firstText(r) ? [{ c, i }] : [])));
  const edit = (doc: LibraryDocument, indexes: number[], locale: 'fr' | 'es', tag: string) => {
    for (const k of indexes) {
      const { c, i } = records[k]!;
      const text = firstText((doc[c] as Record<string, unknown>[])[i]!)!;
      text[locale] = { text: `${text[locale]?.text ?? 'Texte'} (${tag} ${k})`, status: 'draft' };
    }
  };
  const stride = Math.floor(records.length / (EDITS * 2));
  const at = (from: number, n: number) => Array.from({ length: n }, (_, j) => (from + j) * stride);
  const ours = structuredClone(base);
  const theirs = structuredClone(base);
  edit(ours, at(0, EDITS), 'fr', 'Paris');
  // Half over the same pieces as ours (other language), half elsewhere; CLASHES on ours' French.
  edit(theirs, at(EDITS / 2, EDITS - CLASHES), 'es', 'Madrid');
  edit(theirs, at(0, CLASHES), 'fr', 'Québec');
  const who = { ours: 'Paris office', theirs: 'Madrid office' };

  const mergeTimes: number[] = [];
  const pathTimes: number[] = [];
  let conflicts = 0;
  const trees = [base, ours, theirs].map(libraryToFiles);
  for (let r = 0; r < runs; r++) {
    let start = performance.now();
    conflicts = mergeLibraries(base, ours, theirs, who).conflicts.length;
    mergeTimes.push(performance.now() - start);
    start = performance.now();
    const [b, o, t] = trees.map(filesToLibrary);
    libraryToFiles(mergeLibraries(b!, o!, t!, who).merged);
    pathTimes.push(performance.now() - start);
  }
  const common = { pieces: count(base), edits_per_office: EDITS, conflicts, runs, target_ms: 5000, reference: 'issue 13 target: a merge of two offices’ 500 edits each, ≤ 5 s' };
  emit({ bench: 'merge', step: 'mergeLibraries', ...common, median_ms: round(median(mergeTimes)) });
  emit({ bench: 'merge', step: 'files → 3 libraries → merge → files', ...common, median_ms: round(median(pathTimes)) });
}
