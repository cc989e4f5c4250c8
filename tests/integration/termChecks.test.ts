import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/apiContract';
import type { TranslationUnit } from '../../shared/api/translationTypes';
import type { Concept } from '../../shared/terms/termTypes';
import { startTestApp, type TestApp } from '../helpers/server';

/*
 * The termbase as the translator's view meets it through the API: the starter terms hold an
 * approval that uses a forbidden term (unless the translator confirms), and the Terminology
 * screen's edits take effect on the next check.
 */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

async function invoke<T>(channel: string, input: unknown): Promise<ApiResult<T>> {
  return (await app.api.invoke(channel as never, input as never)) as ApiResult<T>;
}

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = await invoke<T>(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

const ref = { pieceId: 'note-unga-trafficking-2025', field: 'title', source: 'fr', target: 'es' } as const;

describe('term checks on approval', () => {
  it('refuses “trata de seres humanos” in a Spanish text and names “trata de personas”, unless forced', async () => {
    const unit = await call<TranslationUnit>('translation.unit', ref);
    expect(unit.source).toContain('traite des personnes');
    const slipped = unit.target!.replace('Trata de Personas', 'trata de seres humanos');
    const refused = await invoke('translation.save', { ...ref, sourceHash: unit.sourceHash, text: slipped, status: 'approved' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('translation.checksFailed');
    const forbidden = refused.error.problems.find((p) => p.key === 'common:checks.termForbidden');
    expect(forbidden?.values).toEqual({ term: 'trata de seres humanos', expected: 'trata de personas' });
    expect(refused.error.problems.map((p) => p.key)).toContain('common:checks.termMissing');
    expect((await call<TranslationUnit>('translation.unit', ref)).target).toBe(unit.target);

    // A draft is saved whatever its terms; an approval the translator confirms is too.
    expect((await call<TranslationUnit>('translation.save', { ...ref, sourceHash: unit.sourceHash, text: slipped, status: 'draft' })).state).toBe('draft');
    const forced = await call<TranslationUnit>('translation.save', { ...ref, sourceHash: unit.sourceHash, text: slipped, status: 'approved', force: true });
    expect(forced.state).toBe('approved');
  });

  it('approves the starter English title, which uses the termbase’s terms', async () => {
    const en = { ...ref, target: 'en' } as const;
    const unit = await call<TranslationUnit>('translation.unit', en);
    expect(unit.target).toContain('Global Plan of Action to Combat Trafficking in Persons');
    const saved = await invoke<TranslationUnit>('translation.save', { ...en, sourceHash: unit.sourceHash, text: unit.target, status: 'approved' });
    expect(saved.ok).toBe(true);
    const slipped = unit.target!.replace('Trafficking in Persons', 'Trafficking in Human Beings');
    const refused = await invoke('translation.save', { ...en, sourceHash: unit.sourceHash, text: slipped, status: 'approved' });
    expect(refused.ok).toBe(false);
  });
});

describe('terms API', () => {
  it('saves a concept with an approved term signed by the user, and a forbidden term then gates approvals', async () => {
    await call('app.setUserName', { name: 'Ana Terminologist' });
    const saved = await call<Concept>('terms.save', {
      concept: {
        id: 'c-test',
        subject: ' ',
        note: 'Test concept',
        source: null,
        terms: [
          { locale: 'es', text: '  Asamblea   General ', status: 'preferred', note: null, approval: 'approved' },
          { locale: 'es', text: 'Asamblea Plenaria', status: 'forbidden', note: null, approval: 'draft' },
        ],
      },
    });
    expect(saved.subject).toBeNull();
    expect(saved.terms.map((t) => [t.text, t.approval, t.approvedBy])).toEqual([
      ['Asamblea General', 'approved', 'Ana Terminologist'],
      ['Asamblea Plenaria', 'draft', null],
    ]);
    expect((await call<Concept[]>('terms.list', {})).some((c) => c.id === 'c-test')).toBe(true);

    const unit = await call<TranslationUnit>('translation.unit', { ...ref, pieceId: 'note-unga-trafficking-2025' });
    const text = `${unit.target!} Asamblea Plenaria`;
    const refused = await invoke('translation.save', { ...ref, sourceHash: unit.sourceHash, text, status: 'approved' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.problems.map((p) => p.values.term)).toContain('Asamblea Plenaria');

    const duplicate = await invoke('terms.save', {
      concept: { id: 'c-test', subject: null, note: null, source: null, terms: [1, 2].map(() => ({ locale: 'fr', text: 'x', status: 'preferred', note: null, approval: 'draft' })) },
    });
    expect(!duplicate.ok && duplicate.error.code).toBe('terms.duplicateTerm');
    const deleted = await call('terms.delete', { id: 'c-test' });
    expect(deleted).toEqual({ id: 'c-test', undoToken: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const again = await invoke('terms.delete', { id: 'c-test' });
    expect(!again.ok && again.error.code).toBe('terms.notFound');
  });
});

describe('TBX through the API (the Terminology screen)', () => {
  it('exports the termbase and imports it back; a bad file is refused with where, nothing changed', async () => {
    const before = await call<Concept[]>('terms.list', {});
    const out = await call<{ fileName: string; xml: string; concepts: number; savedTo: string | null }>('terms.exportTbx', {});
    expect(out).toMatchObject({ fileName: 'termbase.tbx', concepts: before.length, savedTo: null });
    const report = await call<{ concepts: number; added: number }>('terms.importTbx', { xml: out.xml });
    expect(report).toMatchObject({ concepts: before.length, added: 0 });
    expect(await call<Concept[]>('terms.list', {})).toEqual(before);

    const bad = out.xml.replace('xml:lang="es"', 'xml:lang="pt-BR"');
    const refused = await invoke('terms.importTbx', { xml: bad.replace('<term>trata de personas</term>', '<term>trata</term>') });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'tbx.unknownLanguage', params: { language: 'pt-BR', concept: before[0]!.id } });
    expect(await call<Concept[]>('terms.list', {})).toEqual(before);
  });

  it('keeps an approval through export and import while the term is unchanged; a changed term comes back a draft', async () => {
    await call('app.setUserName', { name: 'Ana Terminologist' });
    const term = { locale: 'fr', status: 'preferred', note: null, approval: 'approved' } as const;
    await call('terms.save', {
      concept: { id: 'c-kept', subject: null, note: null, source: null, terms: [{ ...term, text: 'réseau parlementaire' }, { ...term, text: 'rencontre', status: 'admitted' }] },
    });
    const { xml } = await call<{ xml: string }>('terms.exportTbx', {});
    await call('terms.importTbx', { xml: xml.replace('<term>rencontre</term>', '<term>réunion</term>') });
    const kept = (await call<Concept[]>('terms.list', {})).find((c) => c.id === 'c-kept')!;
    expect(kept.terms.map((t) => [t.text, t.approval, t.approvedBy])).toEqual([
      ['réseau parlementaire', 'approved', 'Ana Terminologist'],
      ['réunion', 'draft', null],
    ]);
  });
});

describe('term checks on an XLIFF import', () => {
  it('takes a “final” unit with a forbidden term as a draft, saying which check failed, and imports the rest', async () => {
    const { xml } = await call<{ xml: string }>('translation.exportXliff', { source: 'fr', target: 'es' });
    const unit = /(<file id="note-unga-trafficking-2025"[\s\S]*?<unit id="title">[\s\S]*?)<segment[^>]*>\s*(<source>[\s\S]*?<\/source>)(?:\s*<target>[\s\S]*?<\/target>)?/;
    expect(unit.test(xml)).toBe(true);
    const translated = xml.replace(unit, '$1<segment state="final">$2<target>Asamblea General: 15 años del Plan de Acción Mundial contra la trata de seres humanos</target>');
    const report = await call<{ applied: { approved: number; draft: number }; downgraded: { id: string; checks: string[] }[] }>('translation.importXliff', { xml: translated, dryRun: false });
    expect(report.downgraded).toEqual([{ id: 'note-unga-trafficking-2025/title', checks: expect.arrayContaining(['termForbidden', 'termMissing']) as unknown as string[] }]);
    const saved = await call<TranslationUnit>('translation.unit', ref);
    expect(saved.target).toContain('trata de seres humanos');
    expect(saved.state).toBe('draft');
  });
});

