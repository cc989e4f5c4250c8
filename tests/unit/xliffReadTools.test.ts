import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readXliff } from '../../main/xliff/readXliff';

const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/xliff/${name}`, import.meta.url), 'utf8');

const BODY_SOURCE =
  'The **Parliamentary Network on Security** met in Panama. Members adopted a roadmap.\n\n' +
  'Parliamentarians from **21 countries** took part; see [the declaration](https://parlamericas.org/decl_(2025)).';
const TITLE_SOURCE = '**Bold first sentence. Bold second.** Plain {{count}} end.';

describe('readXliff on files as CAT tools write them', () => {
  it('Okapi/OmegaT style: sentence segments with ignorables, <sc>/<ec> across segments, term <mrk>, BOM, extensions', () => {
    const text = fixture('okapi-style.xlf');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(readXliff(text)).toEqual({
      srcLang: 'en',
      trgLang: 'fr-FR',
      units: [
        {
          fileId: 'notes',
          id: 'note.rps-intro.body',
          source: BODY_SOURCE,
          target:
            'Le **Réseau parlementaire sur la sécurité** s’est réuni à Panama. Les membres ont adopté une feuille de route.\n\n' +
            'Des parlementaires de **21 pays** y ont participé ; voir [la déclaration](https://parlamericas.org/decl_(2025)).',
          state: 'translated',
          sourceHash: '9f2c',
          untranslatedSegments: 0,
        },
        {
          fileId: 'notes',
          id: 'note.rps-intro.title',
          source: TITLE_SOURCE,
          target: '**Première phrase en gras. Seconde.** Texte {{count}} fin.',
          state: 'final',
          sourceHash: 'aa01',
          untranslatedSegments: 0,
        },
      ],
    });
  });

  it('memoQ style: CRLF, es-ES, no ignorables, target tags without dataRef, <sc>/<ec> for a pair, copyOf, an untranslated segment', () => {
    const text = fixture('memoq-style.xlf');
    expect(text).toContain('\r\n');
    expect(readXliff(text)).toEqual({
      srcLang: 'en',
      trgLang: 'es-ES',
      units: [
        {
          fileId: 'notes',
          id: 'note.rps-intro.body',
          source: BODY_SOURCE,
          target:
            'La **Red Parlamentaria sobre Seguridad** se reunió en Panamá. Los miembros aprobaron una hoja de ruta.\n\n' +
            'Participaron parlamentarios de **21 países**; véase [la declaración](https://parlamericas.org/decl_(2025)).',
          state: 'reviewed',
          sourceHash: '9f2c',
          untranslatedSegments: 0,
        },
        {
          fileId: 'notes',
          id: 'priority.p1.summary',
          source: 'Strengthen border cooperation. Share intelligence.\n\nTrain {{count}} officers.',
          // The untranslated sentence keeps its source text; the caller decides from the count.
          target: 'Reforzar la cooperación fronteriza. Share intelligence.\n\nFormar a {{count}} agentes.',
          state: 'initial',
          sourceHash: 'cc03',
          untranslatedSegments: 1,
        },
        {
          fileId: 'notes',
          id: 'ui.packs.count',
          source: '- {{count}} pieces\n- Built on {{date, datetime}}',
          target: '- {{count}} piezas ({{count}} en total)\n- Creado el {{date, datetime}}',
          state: 'translated',
          sourceHash: 'bb02',
          untranslatedSegments: 0,
        },
      ],
    });
  });

  it('Trados style: es-419, groups, metadata and originalData dropped, comment annotations, target spaces kept under xml:space="default"', () => {
    const text = fixture('trados-style.xlf');
    expect(text).not.toContain('<data ');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(readXliff(text)).toEqual({
      srcLang: 'en-US',
      trgLang: 'es-419',
      units: [
        {
          fileId: 'notes',
          id: 'note.rps-intro.body',
          source: BODY_SOURCE,
          target:
            'La **Red Parlamentaria sobre Seguridad** se reunió en Panamá.  Los miembros aprobaron una hoja de ruta.\n\n' +
            'Participaron legisladores de **21 países**; ver [la declaración](https://parlamericas.org/decl_(2025)) ',
          state: 'reviewed',
          sourceHash: null,
          untranslatedSegments: 0,
        },
        {
          fileId: 'notes',
          id: 'note.rps-intro.title',
          source: TITLE_SOURCE,
          target: '**Primera frase en negrita. Segunda.** Texto {{count}} fin.',
          state: 'translated',
          sourceHash: null,
          untranslatedSegments: 0,
        },
      ],
    });
  });
});

describe('readXliff details', () => {
  const wrap = (units: string, root = 'version="2.0" srcLang="en" trgLang="fr"') =>
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" ${root}><file id="f">${units}</file></xliff>`;

  it('takes the least advanced state of the segments that have text, initial when a state is missing', () => {
    const read = (states: string[]) =>
      readXliff(wrap(`<unit id="u">${states.map((s) => `<segment${s}><source>x</source><target>y</target></segment>`).join('')}</unit>`)).units[0]!.state;
    expect(read([' state="final"', ' state="reviewed"'])).toBe('reviewed');
    expect(read([' state="final"', ''])).toBe('initial');
    expect(read([' state="translated"', ' state="final"'])).toBe('translated');
    expect(read([' state="bogus"'])).toBe('initial');
  });

  it('ignores the state of a segment holding only whitespace', () => {
    const xml = wrap('<unit id="u"><segment state="final"><source>x</source><target>y</target></segment><segment><source> </source></segment></unit>');
    expect(readXliff(xml).units[0]).toMatchObject({ state: 'final', target: 'y ', untranslatedSegments: 0 });
  });

  it('gives a null target when no segment has one, or every target is empty', () => {
    const none = wrap('<unit id="u"><segment><source>a</source></segment><segment><source>b</source></segment></unit>');
    const empty = wrap('<unit id="u"><segment><source>a</source><target/></segment><segment><source>b</source><target> </target></segment></unit>');
    expect(readXliff(none).units[0]).toMatchObject({ source: 'ab', target: null, untranslatedSegments: 0 });
    expect(readXliff(empty).units[0]).toMatchObject({ source: 'ab', target: null, untranslatedSegments: 0 });
  });

  it('counts segments left empty while others are translated', () => {
    const xml = wrap(
      '<unit id="u"><segment><source>a </source><target>A </target></segment><segment><source>b </source><target/></segment>' +
        '<segment><source>c </source><target>  </target></segment><segment><source>d</source></segment></unit>',
    );
    expect(readXliff(xml).units[0]).toMatchObject({ target: 'A b c d', untranslatedSegments: 3 });
  });

  it('keeps the text of <mrk>, drops <sm>/<em> markers, restores <cp> and CDATA, ignores comments and foreign elements', () => {
    const xml = wrap(
      '<unit id="u" xmlns:x="urn:x"><x:extra>skip</x:extra><segment><source>a<cp hex="1F600"/><![CDATA[<b>&]]></source>' +
        '<target><mrk id="m1" translate="no">A</mrk><sm id="m2"/><!-- c --><x:inline>skip</x:inline><cp hex="E9"/><em startRef="m2"/></target></segment></unit>',
    );
    expect(readXliff(xml).units[0]).toMatchObject({ source: 'a😀<b>&', target: 'Aé' });
  });

  it('reads XLIFF 2.1, units in nested groups, and the same unit id in two files', () => {
    const xml =
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="fr" trgLang="en-GB">' +
      '<file id="a"><group id="g"><group id="h"><unit id="u"><segment><source>x</source></segment></unit></group></group></file>' +
      '<file id="b"><unit id="u"><segment><source>y</source></segment></unit></file></xliff>';
    const read = readXliff(xml);
    expect(read.trgLang).toBe('en-GB');
    expect(read.units.map((u) => [u.fileId, u.id, u.source])).toEqual([
      ['a', 'u', 'x'],
      ['b', 'u', 'y'],
    ]);
  });

  it('restores a target tag from the source tag of another segment', () => {
    const xml = wrap(
      '<unit id="u"><originalData><data id="d1">{{n}}</data></originalData>' +
        '<segment><source>a <ph id="1" dataRef="d1"/></source><target>b</target></segment>' +
        '<segment><source> c</source><target> <ph id="1"/> c</target></segment></unit>',
    );
    expect(readXliff(xml).units[0]!.target).toBe('b {{n}} c');
  });

  it('keeps the sourceHash of our metaGroup even when the tool adds its own meta of the same type', () => {
    const xml = wrap(
      '<unit id="u"><mda:metadata xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0">' +
        '<mda:metaGroup category="tool"><mda:meta type="sourceHash">theirs</mda:meta></mda:metaGroup>' +
        '<mda:metaGroup category="briefing"><mda:meta type="sourceHash"> ours </mda:meta></mda:metaGroup>' +
        '</mda:metadata><segment><source>x</source></segment></unit>',
    );
    expect(readXliff(xml).units[0]!.sourceHash).toBe('ours');
  });

  it('keeps U+2028 and NEL as written instead of turning them into line feeds', () => {
    const xml = wrap('<unit id="u"><segment><source>a\u2028b\u0085c</source><target>x\u2029y</target></segment></unit>');
    expect(readXliff(xml).units[0]).toMatchObject({ source: 'a\u2028b\u0085c', target: 'x\u2029y' });
  });
});
