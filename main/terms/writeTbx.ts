import type { Concept } from '../../shared/terms/termTypes';
import { escapeAttribute, escapeNote } from '../xliff/escapeXml';
import { TBX_NS, VALUE_OF_STATUS } from './tbxNames';

/**
 * The termbase as TBX v3, TBX-Basic dialect in the DCA style: concept entries with their
 * subject field, definition and source, a language section per language, a term section per
 * term with its administrative status and note. Review state is the library's own and is not
 * written: a file read back gives drafts.
 */
export function writeTbx(concepts: readonly Concept[], title: string): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="${TBX_NS}">`,
    '  <tbxHeader>',
    '    <fileDesc>',
    `      <sourceDesc><p>${text(title)}</p></sourceDesc>`,
    '    </fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>',
  ];
  for (const concept of concepts) {
    out.push(`      <conceptEntry id="${escapeAttribute(concept.id)}">`);
    if (concept.subject) out.push(`        <descrip type="subjectField">${text(concept.subject)}</descrip>`);
    if (concept.note) out.push(`        <descrip type="definition">${text(concept.note)}</descrip>`);
    if (concept.source) out.push(`        <admin type="source">${text(concept.source)}</admin>`);
    for (const locale of ['en', 'fr', 'es'] as const) {
      const terms = concept.terms.filter((t) => t.locale === locale);
      if (terms.length === 0) continue;
      out.push(`        <langSec xml:lang="${locale}">`);
      for (const term of terms) {
        out.push('          <termSec>');
        out.push(`            <term>${text(term.text)}</term>`);
        out.push(`            <termNote type="administrativeStatus">${VALUE_OF_STATUS[term.status]}</termNote>`);
        if (term.note) out.push(`            <note>${text(term.note)}</note>`);
        out.push('          </termSec>');
      }
      out.push('        </langSec>');
    }
    out.push('      </conceptEntry>');
  }
  out.push('    </body>', '  </text>', '</tbx>', '');
  return out.join('\n');
}

/** Element content: line breaks of notes kept as they are, what XML cannot hold replaced. */
function text(value: string): string {
  return escapeNote(value);
}
