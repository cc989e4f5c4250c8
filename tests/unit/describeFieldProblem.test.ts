import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/locales/createTranslator';
import { describeProblem, type ValidationProblem } from '../../shared/schemas/validationProblems';
import { describeFieldProblem, fieldLabelsLoaded } from '../../renderer/src/components/describeFieldProblem';
import { describeApiError } from '../../renderer/src/components/describeApiError';

// The labels load apart from the interface's first bundle, as soon as the module is read.
beforeAll(() => fieldLabelsLoaded);

const en = createTranslator('en');
const fr = createTranslator('fr');
const es = createTranslator('es');

const problem = (path: (string | number)[], key: string, values: Record<string, string | number> = {}, recordId?: string): ValidationProblem => ({
  path,
  key,
  values,
  ...(recordId ? { recordId } : {}),
});

describe('problems as the interface shows them', () => {
  it('name a field by its label and a language by its name, in the interface language', () => {
    const empty = problem(['instruments', 0, 'officialTitle', 'fr', 'text'], 'tooShort', {}, 'inst-x');
    expect(describeFieldProblem(empty, en)).toBe('Official title (French): must not be empty');
    expect(describeFieldProblem(empty, fr)).toBe(`Titre officiel (Français) : ${fr('errors:validation.tooShort')}`);
    expect(describeFieldProblem(empty, es)).toBe(`${es('ui:fields.officialTitle')} (Francés): ${es('errors:validation.tooShort')}`);
  });

  it('read a request’s record path like a save’s', () => {
    const url = problem(['record', 'url'], 'badUrl', { value: 'ftp://x' });
    expect(describeFieldProblem(url, en)).toBe('Web address (URL): not a web address starting with http:// or https://');
    expect(describeFieldProblem(problem(['record', 'date'], 'badPartialDate'), fr)).toBe(
      `Date : ${fr('errors:validation.badPartialDate')}`,
    );
  });

  it('name statuses, lists, pack sections and options the way their forms do', () => {
    expect(describeFieldProblem(problem(['record', 'title', 'es', 'status'], 'badEnum', { value: 'done', options: 'draft, approved' }), en)).toBe(
      'Status of Title (Spanish): "done" is not one of: draft, approved',
    );
    expect(describeFieldProblem(problem(['notes', 0, 'sources', 1], 'unknownReference', { kind: 'source', id: 'src-x' }), en)).toBe(
      'Sources: refers to source "src-x", which does not exist',
    );
    expect(describeFieldProblem(problem(['packs', 0, 'sections', 1, 'title', 'fr', 'text'], 'tooShort'), en)).toBe(
      'Section 2: Title (French): must not be empty',
    );
    expect(describeFieldProblem(problem(['packs', 0, 'sections', 0, 'items', 2, 'ref'], 'unknownReference', { kind: 'note', id: 'n-x' }), en)).toBe(
      'Section 1, piece 3: refers to note "n-x", which does not exist',
    );
    expect(describeFieldProblem(problem(['record', 'options', 'watermark'], 'tooLong', { actual: 90, max: 80 }), en)).toBe(
      'Watermark text: text is 90 characters long; the limit is 80',
    );
    expect(describeFieldProblem(problem(['priorities', 0, 'number'], 'duplicateNumber', { network: 'net-rps', number: 3 }), en)).toBe(
      'Number: network net-rps already has a priority number 3',
    );
  });

  it('say in the form’s terms that a day/month/year date does not exist or lacks a part, and keep the file’s wording for a file', () => {
    const february31 = problem(['record', 'startDate'], 'badDate', { value: '2026-02-31' });
    expect(describeFieldProblem(february31, en)).toBe('Start date: day 31 does not exist in that month and year: check the day and the month');
    expect(describeFieldProblem(february31, fr)).toBe(`${fr('ui:fields.startDate')} : le jour 31 n’existe pas dans ce mois et cette année : vérifiez le jour et le mois`);
    expect(describeFieldProblem(february31, es)).toBe(`${es('ui:fields.startDate')}: el día 31 no existe en ese mes y ese año: revise el día y el mes`);
    for (const t of [en, fr, es]) expect(describeFieldProblem(february31, t)).not.toMatch(/YYYY|AAAA/);
    expect(describeFieldProblem(problem(['record', 'endDate'], 'badDate', { value: '2026--09' }), en)).toBe(
      'End date: incomplete: give the day and the year in figures, and choose the month',
    );
    // A library file writes its dates YYYY-MM-DD: its message says so.
    expect(describeFieldProblem(problem(['meetings', 0, 'startDate'], 'badDate', { value: '2026-02-31' }), en)).toBe(
      'Start date: not a date in the form YYYY-MM-DD',
    );
  });

  it('keep the technical path where no form shows the field, and whole-request messages as they are', () => {
    const odd = problem(['record', 'mystery'], 'invalid');
    expect(describeFieldProblem(odd, en)).toBe(describeProblem(odd, en));
    const request = problem(['kind'], 'badEnum', { value: 'x', options: 'a, b' });
    expect(describeFieldProblem(request, en)).toBe(describeProblem(request, en));
    expect(describeFieldProblem(problem(['record'], 'unknownField', { key: 'extra' }), en)).toBe('unknown field "extra"');
  });

  it('leave the command line’s wording alone: it names records and paths on purpose', () => {
    const cli = problem(['notes', 2, 'title', 'en', 'text'], 'required', {}, 'note-x');
    expect(describeProblem(cli, en)).toBe('notes[2] (note-x) title.en.text: required field is missing');
  });
});

describe('an API error in the interface', () => {
  it('calls a request refused for its record alone "not saved", with the friendly field name', () => {
    const described = describeApiError(
      { code: 'api.invalidInput', params: { channel: 'library.saveSource' }, problems: [problem(['record', 'url'], 'badUrl')] },
      en,
    );
    expect(described.message).toBe('Not saved: Web address (URL): not a web address starting with http:// or https://');
    expect(described.message).not.toContain('library.saveSource');
  });

  it('keeps the request message when the problem is not in a record', () => {
    const described = describeApiError(
      { code: 'api.invalidInput', params: { channel: 'library.list' }, problems: [problem(['locale'], 'badEnum', { value: 'de', options: 'en, fr, es' })] },
      en,
    );
    expect(described.message).toContain('library.list');
  });
});

describe('the app’s own wording', () => {
  it('replaces a message that names command-line options, in every language', () => {
    for (const locale of ['en', 'fr', 'es'] as const) {
      const t = createTranslator(locale);
      const readOnly = describeApiError({ code: 'db.readOnly', params: { path: '/x/library.sqlite' }, problems: [] }, t as never);
      expect(readOnly.message).toContain('/x/library.sqlite');
      expect(readOnly.message).not.toContain('--');
      const glyphs = describeApiError({ code: 'layout.glyphsMissing', params: { pack: 'p', characters: 1 }, problems: [{ path: [], key: 'pdf:x', values: {} }] }, t as never);
      expect(glyphs.message).not.toContain('--strict');
    }
  });
});
