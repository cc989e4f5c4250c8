import type { Locale } from '../../../shared/domain/locales';
import { escapeAttribute, escapeNote } from '../../xliff/escapeXml';
import { LOCALE_TAGS } from '../../../shared/domain/locales';
import type { MemoryIndex } from './MemoryIndex';

/**
 * The translation memory of one language pair as TMX 1.4b: one translation unit per paragraph
 * pair, named by piece, field and paragraph, with the piece and field as properties so a CAT
 * tool can filter them. Languages are written as BCP 47 tags (fr-CA, es-419), as tools expect.
 */
export function writeTmx(memory: MemoryIndex, source: Locale, target: Locale, version: string): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="Briefing Pack Builder" creationtoolversion="${escapeAttribute(version)}" segtype="paragraph" o-tmf="briefing-library" adminlang="en" srclang="${LOCALE_TAGS[source]}" datatype="plaintext"/>`,
    '  <body>',
  ];
  const counts = new Map<string, number>();
  for (const pair of memory.pairs) {
    // Units imported from other tools' TMX go back to those tools from their own files.
    if (pair.origin !== undefined) continue;
    const key = `${pair.pieceId}/${pair.field}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    out.push(`    <tu tuid="${escapeAttribute(`${key}/${n}`)}">`);
    out.push(`      <prop type="x-piece">${escapeNote(pair.pieceId)}</prop>`);
    out.push(`      <prop type="x-field">${escapeNote(pair.field)}</prop>`);
    out.push(`      <tuv xml:lang="${LOCALE_TAGS[source]}"><seg>${escapeNote(pair.source)}</seg></tuv>`);
    out.push(`      <tuv xml:lang="${LOCALE_TAGS[target]}"><seg>${escapeNote(pair.target)}</seg></tuv>`);
    out.push('    </tu>');
  }
  out.push('  </body>', '</tmx>', '');
  return out.join('\n');
}
