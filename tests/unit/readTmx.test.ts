import { describe, expect, it } from 'vitest';
import { localeOfTag, readTmx, TMX_MAX_BYTES } from '../../main/memory/readTmx';
import { AppError } from '../../shared/errors/AppError';

const tmx = (body: string, header = '<header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en-US" srclang="en-US" datatype="plaintext"/>', version = '1.4') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="${version}">\n${header}\n<body>\n${body}\n</body>\n</tmx>\n`;

function refusal(xml: string): { code: string; params: Record<string, unknown> } {
  try {
    readTmx(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    return { code: e.code, params: e.params as Record<string, unknown> };
  }
  throw new Error('not refused');
}

describe('readTmx', () => {
  it('maps region tags to the library’s languages and drops the other tools’ inline codes', () => {
    expect([localeOfTag('en-US'), localeOfTag('FR-ca'), localeOfTag('es-419'), localeOfTag('es_MX'), localeOfTag('de-DE'), localeOfTag('')]).toEqual(['en', 'fr', 'es', 'es', null, null]);
    // As Trados writes it: region tags, bpt/ept around bold, several targets in one unit.
    const units = readTmx(
      tmx(
        '<tu tuid="1"><tuv xml:lang="en-US"><seg>Trafficking in <bpt i="1">{\\b </bpt>persons<ept i="1">}</ept></seg></tuv>' +
          '<tuv xml:lang="es-MX"><seg>Trata de <bpt i="1">&lt;b&gt;</bpt>personas<ept i="1">&lt;/b&gt;</ept></seg></tuv>' +
          '<tuv xml:lang="fr-FR"><seg>Traite des personnes</seg></tuv></tu>',
      ),
    );
    expect(units.map((u) => [u.sourceLocale, u.targetLocale, u.source, u.target])).toEqual([
      ['en', 'es', 'Trafficking in persons', 'Trata de personas'],
      ['en', 'fr', 'Trafficking in persons', 'Traite des personnes'],
    ]);
  });

  it('takes a unit’s own srclang over the header’s, and the lang attribute older tools write', () => {
    const units = readTmx(tmx('<tu srclang="fr"><tuv lang="fr"><seg>Bonjour</seg></tuv><tuv lang="es"><seg>Hola</seg></tuv></tu>'));
    expect(units).toEqual([{ source: 'Bonjour', target: 'Hola', sourceLocale: 'fr', targetLocale: 'es', line: 5, codes: 0 }]);
  });

  it('counts the codes it drops, and parts two words a placeholder stood between', () => {
    const units = readTmx(
      tmx('<tu><tuv xml:lang="en"><seg>one<ph x="1"/>two, <bpt i="1"/>three<ept i="1"/><ph x="2">&lt;fn/&gt;</ph>.</seg></tuv><tuv xml:lang="fr"><seg>un<ph x="1"/>deux</seg></tuv></tu>'),
    );
    expect(units.map((u) => [u.source, u.target, u.codes])).toEqual([['one two, three.', 'un deux', 5]]);
  });

  it('reads past a DOCTYPE that only names a TMX DTD, as OmegaT writes, and refuses any other', () => {
    const body = '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="es"><seg>b</seg></tuv></tu></body></tmx>';
    expect(readTmx(`<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n${body}`)).toHaveLength(1);
    expect(readTmx(`<!DOCTYPE tmx PUBLIC "-//LISA OSCAR:1998//DTD for Translation Memory eXchange//EN" "TMX14.DTD">\n${body}`)).toHaveLength(1);
    for (const doctype of ['<!DOCTYPE tmx SYSTEM "../tmx14.dtd">', '<!DOCTYPE tmx SYSTEM "http://example.org/tmx14.dtd">', '<!DOCTYPE tmx SYSTEM "other.dtd">', '<!DOCTYPE martif SYSTEM "tmx14.dtd">', '<!DOCTYPE tmx SYSTEM "tmx14.dtd" [<!ENTITY e "x">]>']) {
      expect(refusal(`<?xml version="1.0"?>\n${doctype}\n${body}`), doctype).toMatchObject({ code: 'tmx.doctype', params: { line: 2 } });
    }
  });

  it('looks for that DOCTYPE past many leading comments in bounded time', () => {
    const body = '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="es"><seg>b</seg></tuv></tu></body></tmx>';
    // Each comment could otherwise end at any later "-->": 2^59 ways to fail before the root.
    expect(readTmx(`<?xml version="1.0"?>${'<!-- x -->'.repeat(60)}\n${body}`)).toHaveLength(1);
    expect(readTmx(`<?xml version="1.0"?>${'<!-- x -->'.repeat(60)}\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n${body}`)).toHaveLength(1);
  });

  it('points at a bare ampersand, not at the end of the file', () => {
    expect(refusal(tmx('<tu><tuv xml:lang="en"><seg>Q & A</seg></tuv><tuv xml:lang="fr"><seg>b</seg></tuv></tu>'))).toMatchObject({
      code: 'tmx.notXml',
      params: { line: 5, column: 31, detail: 'a bare & (an ampersand in text is written &amp;)' },
    });
    // Inside a comment or CDATA section an ampersand is only text.
    expect(readTmx(tmx('<!-- Q & A --><tu><tuv xml:lang="en"><seg><![CDATA[Q & A]]></seg></tuv><tuv xml:lang="fr"><seg>Q &amp; R</seg></tuv></tu>'))).toMatchObject([{ source: 'Q & A', target: 'Q & R' }]);
  });

  it('refuses hostile and broken files by name, with the place', () => {
    expect(refusal('hello, not xml').code).toBe('tmx.notXml');
    expect(refusal('').code).toBe('tmx.empty');
    const bomb = '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>&b;</seg></tuv></tu></body></tmx>';
    expect(refusal(bomb)).toMatchObject({ code: 'tmx.doctype', params: { line: 2 } });
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "file:///etc/passwd">\n<tmx version="1.4"/>';
    expect(refusal(xxe).code).toBe('tmx.doctype');
    expect(refusal('<xliff version="2.0"/>')).toMatchObject({ code: 'tmx.notTmx', params: { element: 'xliff' } });
    expect(refusal(tmx('<tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="fr"><seg>b</seg></tuv></tu>', undefined, '1.1'))).toMatchObject({ code: 'tmx.wrongVersion', params: { version: '1.1' } });
    expect(refusal(tmx('')).code).toBe('tmx.noUnits');
    expect(refusal(tmx('<tu><tuv xml:lang="en"><seg>a</seg></tuv>\n<tuv xml:lang="de-DE"><seg>b</seg></tuv></tu>'))).toMatchObject({ code: 'tmx.unknownLanguage', params: { language: 'de-DE', line: 6 } });
    expect(refusal(tmx('<tu><tuv xml:lang="en"><seg>a</seg></tuv></tu>'))).toMatchObject({ code: 'tmx.mismatched', params: { line: 5 } });
    expect(refusal(tmx('<tu><tuv xml:lang="fr"><seg>a</seg></tuv><tuv xml:lang="es"><seg>b</seg></tuv></tu>'))).toMatchObject({ code: 'tmx.mismatched', params: { language: 'en-US' } });
    expect(refusal(tmx('<tu><tuv xml:lang="en"/><tuv xml:lang="fr"><seg>b</seg></tuv></tu>')).code).toBe('tmx.noSegment');
    expect(refusal(tmx('<tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="fr"><seg>b</seg></tuv></tu>', '<header srclang="*all*"/>')).code).toBe('tmx.noSourceLanguage');
    expect(refusal(' '.repeat(TMX_MAX_BYTES + 1)).code).toBe('tmx.tooLarge');
  });
});
