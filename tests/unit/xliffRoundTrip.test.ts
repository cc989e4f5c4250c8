import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readXliff } from '../../main/xliff/readXliff';
import { writeXliff } from '../../main/xliff/writeXliff';
import type { XliffDocumentOut, XliffUnitOut } from '../../main/xliff/xliffTypes';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOCALES = ['en', 'fr', 'es'] as const;
type Locale = (typeof LOCALES)[number];

/** Every group of translations in the starter library: { en: { text }, fr: { text }, … }. */
function localizedTexts(value: unknown, out: Array<Partial<Record<Locale, string>>> = []) {
  if (Array.isArray(value)) {
    for (const item of value) localizedTexts(item, out);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const group: Partial<Record<Locale, string>> = {};
    for (const locale of LOCALES) {
      const entry = record[locale] as { text?: unknown } | undefined;
      if (entry && typeof entry === 'object' && typeof entry.text === 'string') group[locale] = entry.text;
    }
    if (Object.keys(group).length > 0) out.push(group);
    for (const inner of Object.values(record)) localizedTexts(inner, out);
  }
  return out;
}

function interfaceStrings(locale: Locale): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') out.set(key, value);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${key}.${k}`);
  };
  const dir = path.join(ROOT, 'shared/locales', locale);
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    walk(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), file.slice(0, -5));
  }
  return out;
}

function unit(id: string, source: string, target: string | null): XliffUnitOut {
  return { id, source, target, state: 'translated', sourceHash: `hash-${id}`, notes: [] };
}

/** Writes the units, reads them back, and expects exactly the same texts. */
function expectRoundTrip(units: XliffUnitOut[], srcLang = 'en', trgLang = 'fr') {
  const doc: XliffDocumentOut = { srcLang, trgLang, files: [{ id: 'texts', notes: [], units }] };
  const xml = writeXliff(doc);
  const back = readXliff(xml);
  expect(back.units.map((u) => u.id)).toEqual(units.map((u) => u.id));
  back.units.forEach((read, i) => {
    const written = units[i]!;
    expect({ id: read.id, source: read.source }).toEqual({ id: written.id, source: written.source });
    expect({ id: read.id, target: read.target }).toEqual({ id: written.id, target: written.target });
    expect(read.sourceHash).toBe(written.sourceHash);
    expect(read.untranslatedSegments).toBe(0);
  });
  return xml;
}

const TRICKY: Record<string, string> = {
  nestedEmphasis: 'Some ***very*** important *and **nested** emphasis* and **bold with *em* inside**.',
  underscores: 'snake_case_name, _em_, __strong__ and a_b_c.',
  escapedStars: 'Not emphasis: \\*literal\\* and 2 \\* 3, a \\_b\\_ and \\[brackets\\].',
  unclosedStrong: 'Starts **bold but never closes, and * a lone star.',
  urlWithParentheses: 'See [the article](https://en.wikipedia.org/wiki/Palermo_(convention)) and [titled](<https://x.org/a b> "T (1)").',
  imageAndReference: 'An ![alt *text*](img.png) and a [reference][ref] and [collapsed][].',
  xmlSpecials: 'Quotes " and \' and < and > and & and &amp; and ]]> and <![CDATA[x]]>.',
  htmlAndAutolinks: 'Line<br>break, <span class="x">span</span>, <https://example.org> and <a@b.org>.',
  crlf: 'First line\r\nsecond line\r\n\r\nSecond paragraph\r\n- item\r\n- item two',
  loneCr: 'Old Mac\rline endings\r\rhere',
  trailingSpaces: 'Hard break  \nnext line   ',
  trailingNewlines: 'Text with newlines at the end\n\n\n',
  leadingBlankLines: '\n\n  \nText after blank lines',
  emoji: 'Emoji 😀 and 🇫🇷 flags and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 **bold 😀** [😀](https://x.org/😀)',
  tabs: '\tIndented with a tab\tand\ttabs\n\n\tcode block?',
  onlyPlaceholder: '{{count}}',
  placeholders: '{{count}} pieces for {{name, format}}; see $t(common:more) and $t(key, {"count": {{n}}}).',
  codeSpans: 'Use `npm run build` or ``code with ` tick`` and an unclosed ` tick.',
  blocks: '# Heading\n\nParagraph\n> quote\n> more\n\n1. one\n2. two\n   continued\n\n---\n\n- [link](u)\n  - nested *em*',
  // NEL and the other control characters (but tab and LF), lone surrogates: no text may hold them.
  unicodeSeparators: 'Line\u2028separator, paragraph\u2029separator and next line',
  replacementCharacter: 'Already broken: \ufffd and **\ufffd**',
  bracketsUnmatched: '[not a link] and [half](open and ](x)',
  nbspParagraph: 'Text\n\n\u00a0\n\nMore',
  onlyMarkup: '**',
  empty: '',
  spaces: '   ',
};

describe('XLIFF round trip', () => {
  it('gives back every starter-library text, source and target, for every language pair', () => {
    const seed = JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds/starter-library.json'), 'utf8'));
    const groups = localizedTexts(seed);
    expect(groups.length).toBeGreaterThan(50);
    let checked = 0;
    for (const src of LOCALES) {
      for (const trg of LOCALES) {
        if (src === trg) continue;
        const units = groups.flatMap((group, i) => {
          const source = group[src];
          if (source === undefined) return [];
          return [unit(`t${i}`, source, group[trg] ?? null)];
        });
        expectRoundTrip(units, src, trg);
        checked += units.length;
      }
    }
    // Each text is the source of two language pairs.
    expect(checked).toBe(groups.reduce((sum, group) => sum + Object.keys(group).length * 2, 0));
  });

  it('gives back every starter-library text from a file whose tool dropped all <originalData>', () => {
    const seed = JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds/starter-library.json'), 'utf8'));
    const units = localizedTexts(seed).flatMap((group, i) => (group.en && group.fr ? [unit(`t${i}`, group.en, group.fr)] : []));
    const xml = writeXliff({ srcLang: 'en', trgLang: 'fr', files: [{ id: 'texts', notes: [], units }] });
    const stripped = xml.replace(/\n *<originalData>[\s\S]*?<\/originalData>/g, '');
    expect(stripped).not.toContain('<data');
    expect(readXliff(stripped).units.map((u) => [u.source, u.target])).toEqual(units.map((u) => [u.source, u.target]));
  });

  it('gives back the markup of target tags whose dataRef the tool dropped, from the source tags', () => {
    const source = '- **Bold** [link](https://x.org/(a)) {{n}}\n- `code` \\*';
    const target = '- **Gras** [lien](https://x.org/(a)) {{n}}\n- `code` \\*';
    const xml = writeXliff({ srcLang: 'en', trgLang: 'fr', files: [{ id: 'f', notes: [], units: [unit('u', source, target)] }] });
    const stripped = xml.replace(/<target>.*<\/target>/g, (t) => t.replace(/ dataRef(Start|End)?="[^"]*"/g, ''));
    expect(stripped).toMatch(/<target><ph id="1" disp="- "/);
    expect(readXliff(stripped).units[0]).toMatchObject({ source, target });
  });

  it('gives back every interface string with its placeholders and nesting', () => {
    const en = interfaceStrings('en');
    expect(en.size).toBeGreaterThan(100);
    for (const trg of ['fr', 'es'] as const) {
      const other = interfaceStrings(trg);
      const units = [...en].map(([key, text], i) => unit(`ui${i}`, text, other.get(key) ?? null));
      expect(units.some((u) => u.source.includes('{{'))).toBe(true);
      expectRoundTrip(units, 'en', trg);
    }
  });

  it.each(Object.entries(TRICKY))('gives back a tricky text exactly: %s', (name, text) => {
    const mirrored = text.replace(/[a-z]+/g, (w) => w.toUpperCase());
    const units = [unit(`${name}-alone`, text, null)];
    if (/[^ \t\r\n]/.test(text)) units.push(unit(`${name}-translated`, text, mirrored), unit(`${name}-reversed`, mirrored, text));
    expectRoundTrip(units);
  });

  it('gives back tricky texts paired with each other, whatever their paragraph layout', () => {
    const texts = Object.values(TRICKY).filter((t) => /[^ \t\r\n]/.test(t));
    const units = texts.flatMap((source, i) => texts.map((target, j) => unit(`p${i}-${j}`, source, target)));
    expectRoundTrip(units);
  });

  it('gives back thousands of random texts built from Markdown, XML and whitespace pieces', () => {
    const pieces = [
      'a', 'Word', ' ', '  ', '\n', '\r\n', '\n\n', '\t', '*', '**', '***', '_', '__', '`', '``', '[', ']', '(', ')', '](',
      '](https://x.org/(a))', '{{n}}', '{{', '}}', '$t(k)', '$t(', '<', '>', '<b>', '</b>', '&', '"', "'", '\\', '\\*',
      '# ', '- ', '1. ', '> ', '---', '😀', 'é', '\u2028', ']]>', '!', '![', '\u00a0', '.',
    ];
    let seed = 20251117;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const text = () => Array.from({ length: Math.floor(random() * 24) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    for (let batch = 0; batch < 20; batch++) {
      const units = Array.from({ length: 100 }, (_, i) => {
        const target = text();
        return unit(`r${batch}-${i}`, text(), /[^ \t\r\n]/.test(target) ? target : null);
      });
      expectRoundTrip(units);
    }
  });
});
