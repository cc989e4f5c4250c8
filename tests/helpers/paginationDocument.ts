import type { LibraryDocument, NoteDoc, SourceDoc } from '../../shared/schemas/libraryDocument';
import { hostileDocument, note, same } from './hostileDocument';

/*
 * A pack that puts headings at every position of a page: many short items, long items with
 * Markdown headings after 1 to 9 lines of text, and long source entries (marked SRCSTARTn and
 * SRCENDn) at the end of the first section.
 */

const words = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ['security', 'network', 'cooperation', 'parliament', 'priority', 'region'][(i + seed) % 6]).join(' ');

function source(i: number): SourceDoc {
  return {
    id: `src-p-${i}`,
    title: same(`SRCSTART${i} ${words(18 + (i % 4) * 6, i)} SRCEND${i}`),
    issuer: 'Secretariat',
    place: 'Panama',
    date: '2025-11-27',
    url: `https://example.org/sources/${i}`,
  };
}

/** Many short notes, then long ones with Markdown headings placed after 1, 2, … 9 lines of text. */
export function paginationDocument(): LibraryDocument {
  const sources = Array.from({ length: 24 }, (_, i) => source(i + 1));
  const short: NoteDoc[] = Array.from({ length: 40 }, (_, i) => ({
    ...note(`note-short-${i + 1}`, `Short item ${i + 1}`, words(4 + (i % 5) * 14, i)),
    sources: [sources[i % sources.length]!.id],
  }));
  const long: NoteDoc[] = Array.from({ length: 6 }, (_, n) =>
    note(
      `note-long-${n + 1}`,
      `Long item ${n + 1}`,
      Array.from({ length: 14 }, (_, k) => `${k % 2 ? '##' : '#'} Heading ${n + 1}.${k + 1}\n\n${words(12 * (((k + n) % 9) + 1), k)}`).join('\n\n'),
    ),
  );
  const doc = hostileDocument([...short, ...long]);
  const pack = doc.packs[0]!;
  pack.sections = [
    { id: 'sec-short', title: same('Short items'), text: null, items: short.map((n) => ({ kind: 'note' as const, ref: n.id })) },
    { id: 'sec-long', title: same('Long items'), text: null, items: long.map((n) => ({ kind: 'note' as const, ref: n.id })) },
  ];
  return { ...doc, sources };
}

