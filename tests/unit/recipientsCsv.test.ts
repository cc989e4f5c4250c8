import { describe, expect, it } from 'vitest';
import { parseRecipientsCsv, recipientLabel } from '../../shared/domain/recipientsCsv';
import { describeProblem } from '../../shared/schemas/validationProblems';
import { createTranslator } from '../../shared/locales/createTranslator';

const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (text: string) => parseRecipientsCsv(bytes(text));
const messages = (text: string, locale: 'en' | 'fr' | 'es' = 'en') => parse(text).problems.map((p) => describeProblem(p, createTranslator(locale)));

describe('recipients CSV', () => {
  it('reads names, organisations and languages, quoted or not, CRLF or LF, with a byte order mark, columns in any order', () => {
    const text = '\ufeffLanguage,Name,Organisation\r\nfr,Ana Pérez,"Delegation of Panama"\r\n,"Smith, John",\r\nES,"Maria ""Mara"" Díaz","Senado de\nChile"\r\n\r\n';
    expect(parse(text)).toEqual({
      recipients: [
        { line: 2, name: 'Ana Pérez', organisation: 'Delegation of Panama', language: 'fr' },
        { line: 3, name: 'Smith, John', organisation: null, language: null },
        { line: 4, name: 'Maria "Mara" Díaz', organisation: 'Senado de Chile', language: 'es' },
      ],
      problems: [],
    });
    expect(parse('nom;x').problems[0]!.key).toBe('recipients.unknownColumn');
    expect(parse('nombre,idioma\nJuana,en').recipients).toEqual([{ line: 2, name: 'Juana', organisation: null, language: 'en' }]);
    expect(parse('name\nAna').recipients).toHaveLength(1);
  });

  it('names each bad row by line and column (en, fr, es), and builds nothing from a list with any', () => {
    const text = 'name,organisation,language\nAna,,de\n,Senate,fr\nBen,House\nDee,,en\n dee ,,\n"Carl",x,en\n';
    expect(parse(text).recipients).toEqual([]);
    expect(messages(text)).toEqual([
      'line 2, column 3: “de” is not a language of the packs (en, fr or es)',
      'line 3, column 1: the name is empty',
      'line 4: 2 fields where the first line names 3 columns',
      'line 6: dee is already on line 5',
    ]);
    expect(messages(text, 'fr')[0]).toBe('ligne 2, colonne 3 : « de » n’est pas une langue des dossiers (en, fr ou es)');
    expect(messages(text, 'es')[1]).toBe('línea 3, columna 1: el nombre está vacío');
  });

  it('refuses quotes out of place, a header without a name column, a repeated column and an empty file', () => {
    expect(messages('name\n"Ana\n')).toEqual(['line 2, column 1: a quoted field is never closed']);
    expect(messages('name\n"Ana"x\n')).toEqual(['line 2, column 6: text after a closing quote (a quote inside a field is written twice: "")']);
    expect(messages('name\nAna "A" B\n')).toEqual(['line 2, column 5: a quote inside a field that does not start with one (quote the whole field, and double the quote)']);
    expect(messages('organisation\nSenate\n')).toEqual(['line 1: the first line must name the columns, one of them “name”']);
    expect(messages('name,nom\nA,B\n')).toEqual(['line 1, column 2: the column “nom” is there twice']);
    expect(messages('')).toEqual(['the file lists no recipient']);
    expect(messages('name\n\n')).toEqual(['the file lists no recipient']);
  });

  it('names the line and column of the first byte that is not UTF-8 (a Latin-1 export)', () => {
    const latin1 = Uint8Array.from([...bytes('name\nAna\nJos'), 0xe9, ...bytes('\n')]);
    expect(parseRecipientsCsv(latin1).problems.map((p) => describeProblem(p, createTranslator('en')))).toEqual([
      'line 3, column 4: the text is not UTF-8 (save the file as “CSV UTF-8”)',
    ]);
    // A multi-byte character before the bad byte counts as one column; the rule is shared/text/decodeUtf8's.
    const after = Uint8Array.from([...bytes('name\nÑandú '), 0xff]);
    expect(parseRecipientsCsv(after).problems).toEqual([{ path: [], key: 'recipients.notUtf8', values: { line: 2, column: 7 } }]);
  });

  it('limits names, labels and the number of recipients', () => {
    expect(parse(`name\n${'a'.repeat(201)}\n`).problems[0]).toMatchObject({ key: 'recipients.nameTooLong', values: { line: 2, column: 1, max: 200 } });
    expect(parse(`name,organisation\n${'a'.repeat(150)},${'b'.repeat(60)}\n`).problems[0]).toMatchObject({ key: 'recipients.labelTooLong', values: { line: 2 } });
    const many = `name\n${Array.from({ length: 501 }, (_, i) => `Person ${i}`).join('\n')}\n`;
    expect(parse(many).problems).toEqual([{ path: [], key: 'recipients.tooMany', values: { count: 501, max: 500 } }]);
    expect(recipientLabel({ name: 'Ana', organisation: 'Senate' })).toBe('Ana (Senate)');
  });
});
