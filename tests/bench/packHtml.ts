import { pathToFileURL } from 'node:url';
import { marked } from 'marked';
import type { Block, EditionModel } from '../../main/pdf/packBlocks';
import { FONTS } from '../../main/pdf/fonts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function block(b: Block): string {
  const tag = (t: { fallback: string | null }) => (t.fallback ? `<span class="tag">[${t.fallback.toUpperCase()}]</span> ` : '');
  switch (b.kind) {
    case 'sectionHeading':
      return `<h1 id="${b.id}">${tag(b.text)}${esc(b.text.text)}</h1>`;
    case 'itemHeading':
      return `<h2 id="${b.id}">${tag(b.text)}${esc(b.text.text)}<sup>${b.sourceMarks.join(', ')}</sup></h2>`;
    case 'subHeading':
      return `<h3>${tag(b.text)}${esc(b.text.text)}</h3>`;
    case 'officialTitle':
      return `<p class="official">${tag(b.text)}${esc(b.text.text)}</p>`;
    case 'meta':
      return `<p class="meta">${esc(b.text)}</p>`;
    case 'markdown':
      return `<div class="md">${tag(b.text)}${marked.parse(b.text.text, { async: false })}</div>`;
    case 'sourcesHeading':
      return `<h4>${esc(b.text)}</h4>`;
    case 'sourceNote':
      return `<p class="source">${b.number}. ${tag(b.title)}${esc(b.title.text)} — ${esc(b.citation)}</p>`;
    case 'countryTable': {
      const cells = (row: string[], tagName: string) => `<tr>${row.map((c) => `<${tagName}>${c}</${tagName}>`).join('')}</tr>`;
      const rows = b.table.rows.map((r) =>
        cells([esc(r.name), esc(r.role), r.notes.map((n) => `<a href="#${n.target}">${tag(n.title)}${esc(n.title.text)}</a>`).join('<br>') || '–'], 'td'),
      );
      return `<table>${cells(b.table.header.map(esc), 'th')}${rows.join('')}</table>`;
    }
  }
}

/**
 * The same edition as HTML, for the Chromium side of the benchmark (what an Electron app's
 * printToPDF would render). Same fonts, cover, contents and blocks; Chromium cannot print TOC
 * page numbers, so its contents list has links only.
 */
export function packHtml(model: EditionModel, paper: 'a4' | 'letter'): string {
  const font = (file: string, weight: number, style: string) =>
    `@font-face{font-family:NotoSans;src:url("${pathToFileURL(file).href}");font-weight:${weight};font-style:${style}}`;
  const f = FONTS.NotoSans;
  const toc = model.blocks
    .filter((b): b is Extract<Block, { kind: 'sectionHeading' | 'itemHeading' }> => b.kind === 'sectionHeading' || b.kind === 'itemHeading')
    .map((b) => `<li class="${b.kind}"><a href="#${b.id}">${esc(b.text.text)}</a></li>`)
    .join('');
  let body = '';
  for (const b of model.blocks) body += (b.kind === 'sectionHeading' ? '<div class="break"></div>' : '') + block(b);
  return `<!doctype html><html lang="${model.locale}"><head><meta charset="utf-8"><title>${esc(model.title)}</title><style>
${font(f.normal, 400, 'normal')}${font(f.bold, 700, 'normal')}${font(f.italics, 400, 'italic')}${font(f.bolditalics, 700, 'italic')}
@page{size:${paper === 'a4' ? 'A4' : 'letter'};margin:64pt 56pt 56pt 56pt}
body{font-family:NotoSans;font-size:10pt;line-height:1.25;color:#1d2433}
h1{font-size:17pt;color:#1a4f8b}h2{font-size:12.5pt;margin:12pt 0 3pt}h3{font-size:11pt}h4{font-size:10pt;color:#5b6475}
.meta,.source{font-size:8.5pt;color:#5b6475}.official{font-style:italic}.tag{font-size:7.5pt;font-weight:bold;color:#8b5a00}
.break{break-before:page}.cover h1{font-size:26pt;color:#1d2433;margin-top:140pt}
</style></head><body>
<section class="cover"><p>${esc(model.cover.network?.text ?? '')}</p><p>${esc(model.cover.meeting?.text ?? '')}</p><p>${esc(model.cover.meetingLine ?? '')}</p><h1>${esc(model.cover.title.text)}</h1></section>
<div class="break"></div><h1>Contents</h1><ul>${toc}</ul>
${body}</body></html>`;
}
