import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { writeXliff } from '../../main/xliff/writeXliff';
import type { XliffDocumentOut, XliffUnitOut } from '../../main/xliff/xliffTypes';

const XLIFF = 'urn:oasis:names:tc:xliff:document:2.0';
const MDA = 'urn:oasis:names:tc:xliff:metadata:2.0';

function unit(overrides: Partial<XliffUnitOut> = {}): XliffUnitOut {
  return { id: 'note.n1.body', source: 'Hello', target: 'Bonjour', state: 'translated', sourceHash: 'abc123', notes: [], ...overrides };
}

function doc(units: XliffUnitOut[], fileNotes: XliffDocumentOut['files'][number]['notes'] = []): XliffDocumentOut {
  return { srcLang: 'en', trgLang: 'fr', files: [{ id: 'notes', notes: fileNotes, units }] };
}

function parse(xml: string) {
  return new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
}

function all(root: Element, name: string, ns = XLIFF): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, name));
}

describe('writeXliff', () => {
  it('writes a readable XLIFF 2.0 document: namespaces, languages, notes, metadata, segments', () => {
    const xml = writeXliff(
      doc(
        [
          unit({
            source: 'The **network** met in {{place}}.\n\nIt adopted [a roadmap](https://x.org/r).',
            target: 'Le **réseau** s’est réuni à {{place}}.\n\nIl a adopté [une feuille de route](https://x.org/r).',
            notes: [{ category: 'field', text: 'Body of the note' }, { text: 'Keep "réseau"' }],
          }),
        ],
        [{ category: 'pack', text: 'Security pack' }],
      ),
    );
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<xliff xmlns="${XLIFF}" xmlns:mda="${MDA}" version="2.0" srcLang="en" trgLang="fr">`,
        '  <file id="notes" xml:space="preserve">',
        '    <notes>',
        '      <note category="pack">Security pack</note>',
        '    </notes>',
        '    <unit id="note.n1.body">',
        '      <mda:metadata>',
        '        <mda:metaGroup category="briefing">',
        '          <mda:meta type="sourceHash">abc123</mda:meta>',
        '        </mda:metaGroup>',
        '      </mda:metadata>',
        '      <notes>',
        '        <note category="field">Body of the note</note>',
        '        <note>Keep "réseau"</note>',
        '      </notes>',
        '      <originalData>',
        '        <data id="d1">**</data>',
        '        <data id="d2">{{place}}</data>',
        '        <data id="d3">[</data>',
        '        <data id="d4">](https://x.org/r)</data>',
        '      </originalData>',
        '      <segment state="translated">',
        '        <source>The <pc id="1" dataRefStart="d1" dataRefEnd="d1" dispStart="**" dispEnd="**" type="fmt" subType="xlf:b">network</pc> met in <ph id="2" dataRef="d2" disp="{{place}}" type="ui" subType="xlf:var"/>.</source>',
        '        <target>Le <pc id="1" dataRefStart="d1" dataRefEnd="d1" dispStart="**" dispEnd="**" type="fmt" subType="xlf:b">réseau</pc> s’est réuni à <ph id="2" dataRef="d2" disp="{{place}}" type="ui" subType="xlf:var"/>.</target>',
        '      </segment>',
        '      <ignorable>',
        '        <source>&#xA;&#xA;</source>',
        '      </ignorable>',
        '      <segment state="translated">',
        '        <source>It adopted <pc id="3" dataRefStart="d3" dataRefEnd="d4" dispStart="[" dispEnd="](https://x.org/r)" type="link">a roadmap</pc>.</source>',
        '        <target>Il a adopté <pc id="3" dataRefStart="d3" dataRefEnd="d4" dispStart="[" dispEnd="](https://x.org/r)" type="link">une feuille de route</pc>.</target>',
        '      </segment>',
        '    </unit>',
        '  </file>',
        '</xliff>',
        '',
      ].join('\n'),
    );
  });

  it('gives the same bytes for the same input', () => {
    const input = doc([unit({ source: '*a* {{b}}\n\nc', target: '*A* {{b}}\n\nC' }), unit({ id: 'u2', target: null })]);
    expect(writeXliff(input)).toBe(writeXliff(structuredClone(input)));
  });

  it('puts one segment per paragraph, with the blank lines, leading and trailing whitespace as ignorables', () => {
    const root = parse(writeXliff(doc([unit({ source: '\n\nOne\n\n\nTwo\n  \nThree\n', target: null })])));
    const parts = Array.from(all(root, 'unit')[0]!.childNodes).filter((n): n is Element => n.nodeType === 1 && n.namespaceURI === XLIFF);
    const layout = parts.filter((el) => el.localName === 'segment' || el.localName === 'ignorable').map((el) => [el.localName, all(el, 'source')[0]!.textContent]);
    expect(layout).toEqual([
      ['ignorable', '\n\n'],
      ['segment', 'One'],
      ['ignorable', '\n\n\n'],
      ['segment', 'Two'],
      ['ignorable', '\n  \n'],
      ['segment', 'Three'],
      ['ignorable', '\n'],
    ]);
  });

  it('counts CRLF as one line break: a single one stays inside the paragraph, two separate paragraphs', () => {
    const root = parse(writeXliff(doc([unit({ source: 'A\r\nB\r\n\r\nC', target: null })])));
    const sourceOf = (el: Element) => all(el, 'source')[0]!.textContent;
    expect(all(root, 'segment').map(sourceOf)).toEqual(['AB', 'C']);
    expect(all(root, 'ignorable').map(sourceOf)).toEqual(['\r\n\r\n']);
    expect(all(root, 'ph').map((el) => el.getAttribute('disp'))).toEqual(['\r\n']);
  });

  it('writes an ignorable target only where the translation spaces its paragraphs differently', () => {
    const root = parse(writeXliff(doc([unit({ source: 'One\n\nTwo', target: 'Un\n\n\nDeux' })])));
    const ignorable = all(root, 'ignorable')[0]!;
    expect(all(ignorable, 'source')[0]!.textContent).toBe('\n\n');
    expect(all(ignorable, 'target')[0]!.textContent).toBe('\n\n\n');
  });

  it('keeps a translation with another paragraph layout in a single segment rather than misalign it', () => {
    const root = parse(writeXliff(doc([unit({ source: 'One\n\nTwo', target: 'Un et deux' })])));
    expect(all(root, 'segment')).toHaveLength(1);
    expect(all(root, 'ignorable')).toHaveLength(0);
    expect(all(root, 'target')[0]!.textContent).toBe('Un et deux');
  });

  it('protects placeholders, code spans and escapes as <ph>, emphasis and links as <pc>, line starts as <ph>', () => {
    const root = parse(writeXliff(doc([unit({ source: '- **Bold** and *em*\n- `code`, \\* and $t(common:more)', target: null })])));
    const phs = all(root, 'ph').map((el) => [el.getAttribute('disp'), el.getAttribute('type'), el.getAttribute('subType')]);
    expect(phs).toEqual([
      ['- ', 'fmt', null],
      ['\n- ', 'fmt', 'xlf:lb'],
      ['`code`', 'other', null],
      ['\\*', 'other', null],
      ['$t(common:more)', 'ui', 'xlf:var'],
    ]);
    const pcs = all(root, 'pc').map((el) => [el.getAttribute('dispStart'), el.textContent, el.getAttribute('subType')]);
    expect(pcs).toEqual([
      ['**', 'Bold', 'xlf:b'],
      ['*', 'em', 'xlf:i'],
    ]);
    const data = all(root, 'data').map((el) => [el.getAttribute('id'), el.textContent]);
    expect(data).toEqual([
      ['d1', '- '],
      ['d2', '**'],
      ['d3', '*'],
      ['d4', '\n- '],
      ['d5', '`code`'],
      ['d6', '\\*'],
      ['d7', '$t(common:more)'],
    ]);
  });

  it('gives a target code the id of the identical source code, and its own id and data when it differs', () => {
    const root = parse(writeXliff(doc([unit({ source: 'See [this](https://x.org/en) {{n}}', target: '{{n}} : voir [ceci](https://x.org/fr)' })])));
    const [source, target] = [all(root, 'source')[0]!, all(root, 'target')[0]!];
    expect(all(source, 'pc').map((el) => el.getAttribute('id'))).toEqual(['1']);
    expect(all(source, 'ph').map((el) => el.getAttribute('id'))).toEqual(['2']);
    expect(all(target, 'ph').map((el) => el.getAttribute('id'))).toEqual(['2']);
    const link = all(target, 'pc')[0]!;
    expect(link.getAttribute('id')).toBe('3');
    const data = new Map(all(root, 'data').map((el) => [el.getAttribute('id'), el.textContent]));
    expect(data.get(link.getAttribute('dataRefEnd')!)).toBe('](https://x.org/fr)');
  });

  it('marks a unit without translation as initial, with no <target>', () => {
    const root = parse(writeXliff(doc([unit({ target: null, state: 'final' })])));
    expect(all(root, 'segment')[0]!.getAttribute('state')).toBe('initial');
    expect(all(root, 'target')).toHaveLength(0);
  });

  it('stores the source hash with the Metadata module', () => {
    const root = parse(writeXliff(doc([unit({ sourceHash: 'f'.repeat(64) })])));
    const meta = all(root, 'meta', MDA)[0]!;
    expect(meta.getAttribute('type')).toBe('sourceHash');
    expect((meta.parentNode as Element).getAttribute('category')).toBe('briefing');
    expect(meta.textContent).toBe('f'.repeat(64));
  });

  it('escapes what XML cannot hold and keeps every element on its own line', () => {
    const xml = writeXliff(doc([unit({ source: 'a < b & c > d ]]> "q"\r\nnext\u2028x\u0001', target: null, notes: [{ category: 'a"b', text: 'x < y\nz' }] })]));
    expect(xml).toContain('<source>a &lt; b &amp; c &gt; d ]]&gt; "q"<ph id="1" dataRef="d1" disp="&#xD;&#xA;" type="fmt" subType="xlf:lb"/>next&#x2028;x<cp hex="0001"/></source>');
    expect(xml).toContain('<data id="d1">&#xD;&#xA;</data>');
    expect(xml).toContain('<note category="a&quot;b">x &lt; y\nz</note>');
    expect(xml).not.toMatch(/[\r\u0001]/);
  });

  it('refuses ids XLIFF does not allow, repeated ids, and documents or files without content', () => {
    expect(() => writeXliff(doc([unit({ id: 'has space' })]))).toThrow(/has space/);
    expect(() => writeXliff(doc([unit(), unit()]))).toThrow(/note\.n1\.body/);
    expect(() => writeXliff(doc([]))).toThrow(/no units/);
    expect(() => writeXliff({ srcLang: 'en', trgLang: 'fr', files: [] })).toThrow(/at least one file/);
    const twoFiles: XliffDocumentOut = { srcLang: 'en', trgLang: 'es', files: [doc([unit()]).files[0]!, doc([unit()]).files[0]!] };
    expect(() => writeXliff(twoFiles)).toThrow(/notes/);
  });
});
