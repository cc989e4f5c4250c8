import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/apiContract';
import type { PriorityDoc } from '../../shared/schemas/libraryDocument';
import { hashSourceText } from '../../main/db/textHash';
import type { TranslationUnit, TranslationUnitSummary } from '../../shared/api/translationTypes';
import { EXCERPT_CHARS, summarizeUnit } from '../../shared/translation/summarizeUnit';
import { startTestApp, type TestApp } from '../helpers/server';
import { loadPdf } from '../helpers/pdf';
import { tempDir } from '../helpers/cli';
import { openLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { applyLibraryDocument } from '../../main/services/importLibrary';
import path from 'node:path';

/*
 * The translation workflow through the same API the app calls: approvals recorded by main,
 * staleness with the old source kept, the translator's units and progress, saving with checks,
 * interface strings layered over the bundled ones.
 */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = (await app.api.invoke(channel as never, input as never)) as ApiResult<T>;
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

async function fail(channel: string, input: unknown) {
  const result = (await app.api.invoke(channel as never, input as never)) as ApiResult<unknown>;
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

async function priority(id: string): Promise<PriorityDoc> {
  return (await call<{ record: PriorityDoc }>('library.get', { id })).record;
}

describe('approvals', () => {
  beforeEach(async () => {
    await call('app.setUserName', { name: 'Ana Translator' });
  });

  it('records who approved and when, never what the caller claims', async () => {
    const record = await priority('prio-rps-3');
    expect(record.title.es?.status).toBe('draft');
    record.title.es = { ...record.title.es!, status: 'approved', approvedBy: 'Somebody Else', approvedAt: '2001-01-01T00:00:00Z' };
    const before = Date.now();
    const saved = await call<PriorityDoc>('library.savePriority', { record });
    expect(saved.title.es?.approvedBy).toBe('Ana Translator');
    expect(Date.parse(saved.title.es!.approvedAt!)).toBeGreaterThanOrEqual(before - 1000);
    const reread = await priority('prio-rps-3');
    expect(reread.title.es?.approvedBy).toBe('Ana Translator');
    expect(reread.title.es?.approvedAt).toBe(saved.title.es?.approvedAt);
  });

  it('keeps an approval while the text is unchanged, makes a changed text a draft until approved again, drops it on a draft', async () => {
    const record = await priority('prio-rps-4');
    record.title.es = { ...record.title.es!, status: 'approved' };
    const first = await call<PriorityDoc>('library.savePriority', { record });
    const stamp = first.title.es!.approvedAt!;

    await call('app.setUserName', { name: 'Bea Reviewer' });
    const again = await call<PriorityDoc>('library.savePriority', { record: await priority('prio-rps-4') });
    expect(again.title.es).toMatchObject({ approvedBy: 'Ana Translator', approvedAt: stamp });

    const edited = await priority('prio-rps-4');
    edited.title.es = { ...edited.title.es!, text: `${edited.title.es!.text} (revisado)` };
    // Changed words are no longer what was approved (issue 9): a draft, with no approval left.
    const changed = await call<PriorityDoc>('library.savePriority', { record: edited });
    expect(changed.title.es).toMatchObject({ status: 'draft', text: edited.title.es.text });
    expect(changed.title.es).not.toHaveProperty('approvedBy');
    // Approving it again is a new approval, recorded as the reviewer's.
    const reapproved = await call<PriorityDoc>('library.savePriority', {
      record: { ...changed, title: { ...changed.title, es: { ...changed.title.es!, status: 'approved' } } },
    });
    expect(reapproved.title.es).toMatchObject({ status: 'approved', approvedBy: 'Bea Reviewer' });

    const drafted = await priority('prio-rps-4');
    drafted.title.es = { ...drafted.title.es!, status: 'draft' };
    const draft = await call<PriorityDoc>('library.savePriority', { record: drafted });
    expect(draft.title.es).not.toHaveProperty('approvedBy');
    expect(draft.title.es).not.toHaveProperty('approvedAt');
  });

  it('carries approvals through export and import, and an import never invents one', async () => {
    const exported = app.ctx.store.readDocument();
    const title = exported.priorities.find((p) => p.id === 'prio-rps-3')!.title.es!;
    expect(title).toMatchObject({ status: 'approved', approvedBy: 'Ana Translator' });
    const copy = await openLibrary(path.join(tempDir(), 'copy.sqlite'), { create: true });
    try {
      const store = new LibraryStore(copy.db);
      applyLibraryDocument(store, exported);
      expect(JSON.stringify(store.readDocument())).toBe(JSON.stringify(exported));
      // Without who/when in the file, a text approved there arrives approved but unattributed.
      const bare = structuredClone(exported);
      const es = bare.priorities.find((p) => p.id === 'prio-rps-6')!.title.es!;
      Object.assign(es, { status: 'approved' });
      delete es.approvedBy;
      delete es.approvedAt;
      applyLibraryDocument(store, bare);
      const stored = store.readDocument().priorities.find((p) => p.id === 'prio-rps-6')!.title.es!;
      expect(stored.status).toBe('approved');
      expect(stored).not.toHaveProperty('approvedBy');
    } finally {
      copy.close();
    }
  });

  it('reports the user name in app.info and refuses an empty one', async () => {
    expect((await call<{ userName: string }>('app.info', {})).userName).toBe('Ana Translator');
    const error = await fail('app.setUserName', { name: '   ' });
    expect(error.code).toBe('api.invalidInput');
    expect((await call<{ userName: string }>('app.info', {})).userName).toBe('Ana Translator');
  });
});

describe('translator units', () => {
  it('marks translations stale when their source changes, with the old source to diff against', async () => {
    const record = await priority('prio-rps-2');
    const oldFrench = record.title.fr!.text;
    record.title.fr = { ...record.title.fr!, text: 'Prévention de la violence armée' };
    await call('library.savePriority', { record });

    for (const target of ['en', 'es'] as const) {
      const { units } = await call<{ units: TranslationUnitSummary[] }>('translation.units', { source: 'fr', target, states: ['stale'] });
      const listed = units.find((u) => u.pieceId === 'prio-rps-2' && u.field === 'title');
      expect(listed, target).toMatchObject({ state: 'stale', sourceExcerpt: 'Prévention de la violence armée' });
      // The old source, to diff against, comes with the whole unit the editor opens.
      const unit = await call<TranslationUnit>('translation.unit', { pieceId: 'prio-rps-2', field: 'title', source: 'fr', target });
      expect(unit, target).toMatchObject({ state: 'stale', previousSource: oldFrench, source: 'Prévention de la violence armée' });
    }
    const list = await call<{ id: string; states: Record<string, string> }[]>('library.list', { kind: 'priorities', locale: 'en' });
    // The edited original is a draft until approved again; its translations are out of date.
    expect(list.find((r) => r.id === 'prio-rps-2')?.states).toMatchObject({ fr: 'draft', en: 'stale', es: 'stale' });
  });

  it('lists only translations (never originals), filtered by state and kind, with counts that add up', async () => {
    const all = await call<{
      units: { kind: string; state: string; targetFrom: string | null }[];
      progress: { byLocale: Record<string, { total: number; missing: number; stale: number; draft: number; approved: number }>; byKind: Record<string, { total: number }> };
    }>('translation.units', { source: 'fr', target: 'en' });
    expect(all.units.length).toBeGreaterThan(20);
    expect(all.units.every((u) => u.targetFrom === null || u.targetFrom === 'fr')).toBe(true);
    for (const counts of Object.values(all.progress.byLocale)) {
      expect(counts.missing + counts.stale + counts.draft + counts.approved).toBe(counts.total);
    }
    const byKindTotal = Object.values(all.progress.byKind).reduce((n, c) => n + c.total, 0);
    expect(byKindTotal).toBe(all.units.length);

    const drafts = await call<{ units: { kind: string; state: string }[] }>('translation.units', {
      source: 'fr',
      target: 'en',
      states: ['draft'],
      kind: 'instrument',
    });
    expect(drafts.units.length).toBeGreaterThan(0);
    expect(drafts.units.every((u) => u.kind === 'instrument' && u.state === 'draft')).toBe(true);

    // The other way round, the French originals are not units: nothing to translate into French from English.
    const back = await call<{ units: unknown[] }>('translation.units', { source: 'en', target: 'fr' });
    expect(back.units).toEqual([]);
  });

  it('for a pack, lists what build --strict would refuse, exactly as the build does', async () => {
    const scoped = await call<{ units: { packs: string[] }[]; strictBlockers: { locale: string; pieceId: string; field: string; state: string }[] }>(
      'translation.units',
      { source: 'fr', target: 'es', packId: 'panama-2025' },
    );
    expect(scoped.units.length).toBeGreaterThan(0);
    const build = await app.api.invoke('packs.build', { id: 'panama-2025', mode: 'all', strict: true });
    expect(build.ok).toBe(false);
    if (build.ok) return;
    expect(build.error.code).toBe('build.incomplete');
    const fromBuild = build.error.problems.map((p) => `${p.values.locale}/${p.values.piece}/${p.values.field}`).sort();
    const fromList = scoped.strictBlockers.map((b) => `${b.locale}/${b.pieceId}/${b.field}`).sort();
    expect(fromList).toEqual(fromBuild);
    expect(fromList.length).toBeGreaterThan(0);
  });

  it('gives the counts alone when no state is wanted', async () => {
    const all = await call<{ units: unknown[]; progress: unknown }>('translation.units', { source: 'fr', target: 'es' });
    const counts = await call<{ units: unknown[]; progress: unknown }>('translation.units', { source: 'fr', target: 'es', states: [] });
    expect(counts.units).toEqual([]);
    expect(counts.progress).toEqual(all.progress);
  });

  it('refuses the same language on both sides', async () => {
    expect((await fail('translation.units', { source: 'es', target: 'es' })).code).toBe('translation.sameLanguage');
  });

  it('lists each unit as its row shows it: excerpts of its texts, not the texts', async () => {
    const { units } = await call<{ units: TranslationUnitSummary[] }>('translation.units', { source: 'fr', target: 'es' });
    expect(units.length).toBeGreaterThan(20);
    for (const unit of units) {
      expect(unit).not.toHaveProperty('source');
      expect(unit).not.toHaveProperty('target');
      expect([...unit.sourceExcerpt].length).toBeLessThanOrEqual(EXCERPT_CHARS);
    }
    // Some bodies are longer than an excerpt: the list carries only their beginning.
    const body = units.find((u) => u.field === 'body' && [...u.sourceExcerpt].length === EXCERPT_CHARS);
    expect(body).toBeDefined();
    const whole = await call<TranslationUnit>('translation.unit', { pieceId: body!.pieceId, field: 'body', source: 'fr', target: 'es' });
    expect(whole.source.length).toBeGreaterThan(body!.sourceExcerpt.length);
    expect(whole.source.startsWith(body!.sourceExcerpt)).toBe(true);
  });
});

describe('one unit, whole', () => {
  it('gives the unit the list summarizes, with its texts and the hash a save sends back', async () => {
    const { units } = await call<{ units: TranslationUnitSummary[] }>('translation.units', { source: 'fr', target: 'en' });
    for (const listed of units.slice(0, 10)) {
      const unit = await call<TranslationUnit>('translation.unit', { pieceId: listed.pieceId, field: listed.field, source: 'fr', target: 'en' });
      expect(summarizeUnit(unit)).toEqual(listed);
      expect(unit.sourceHash).toBe(hashSourceText(unit.source));
    }
  });

  it('refuses an unknown piece, a field without a source text, an original and the same language twice', async () => {
    const ref = { pieceId: 'prio-rps-1', field: 'title', source: 'fr', target: 'es' };
    expect((await fail('translation.unit', { ...ref, pieceId: 'nothing-here' })).code).toBe('api.notFound');
    expect((await fail('translation.unit', { ...ref, field: 'noSuchField' })).code).toBe('translation.noSource');
    expect((await fail('translation.unit', { ...ref, source: 'es', target: 'fr' })).code).toBe('translation.isOriginal');
    expect((await fail('translation.unit', { ...ref, target: 'fr' })).code).toBe('translation.sameLanguage');
  });

  it('refuses invalid input before reading anything', async () => {
    for (const input of [
      { pieceId: 'prio-rps-1', field: 'title', source: 'fr' },
      { pieceId: 'prio-rps-1', field: 'title', source: 'fr', target: 'de' },
      { pieceId: 'prio-rps-1', field: '', source: 'fr', target: 'es' },
      { pieceId: 'x'.repeat(65), field: 'title', source: 'fr', target: 'es' },
      { pieceId: 'prio-rps-1', field: 'title', source: 'fr', target: 'es', extra: true },
    ]) {
      expect((await fail('translation.unit', input)).code, JSON.stringify(input)).toBe('api.invalidInput');
    }
  });
});

describe('searching whole texts', () => {
  it('finds a field by words far into its text, in any language, accents folded', async () => {
    const { keys } = await call<{ keys: string[] }>('translation.search', { query: 'pays participants' });
    expect(keys).toContain('pack-panama-2025-s1\u0000text');
    const record = await call<{ sections: { id: string; text: { fr: { text: string } } }[] }>('packs.get', { id: 'pack-panama-2025' });
    const body = record.sections.find((s) => s.id === 'pack-panama-2025-s1')!.text.fr.text;
    expect(body.indexOf('pays participants')).toBeGreaterThan(160); // beyond the list's excerpt
    expect((await call<{ keys: string[] }>('translation.search', { query: 'prevencion violencia' })).keys).toContain('prio-rps-2\u0000title');
    expect(await call('translation.search', { query: '  ' })).toEqual({ keys: [], truncated: false });
    expect(await call('translation.search', { query: '"* OR NEAR(' })).toMatchObject({ truncated: false });
  });
});

describe('saving a translation', () => {
  const source = async (pieceId: string, field: string, locale = 'fr') =>
    call<TranslationUnit>('translation.unit', { pieceId, field, source: locale, target: 'es' });

  it('saves a draft, then approves it; the unit and the library both show it', async () => {
    const unit = await source('prio-rps-5', 'title');
    const draft = await call<{ state: string; target: string }>('translation.save', {
      pieceId: 'prio-rps-5', field: 'title', source: 'fr', target: 'es', text: 'Texto nuevo', status: 'draft', sourceHash: unit.sourceHash,
    });
    expect(draft).toMatchObject({ state: 'draft', target: 'Texto nuevo' });
    await call('app.setUserName', { name: 'Carla' });
    const approved = await call<{ state: string; approvedBy: string }>('translation.save', {
      pieceId: 'prio-rps-5', field: 'title', source: 'fr', target: 'es', text: 'Texto nuevo', status: 'approved', sourceHash: unit.sourceHash,
    });
    expect(approved).toMatchObject({ state: 'approved', approvedBy: 'Carla' });
    const record = await priority('prio-rps-5');
    expect(record.title.es).toMatchObject({ text: 'Texto nuevo', status: 'approved', from: 'fr', approvedBy: 'Carla' });
  });

  it('renews an approval when the same words are approved again against a changed source', async () => {
    const first = await source('prio-rps-7', 'title');
    await call('app.setUserName', { name: 'First Approver' });
    const approved = await call<{ approvedAt: string }>('translation.save', {
      pieceId: 'prio-rps-7', field: 'title', source: 'fr', target: 'es', text: 'Título aprobado', status: 'approved', sourceHash: first.sourceHash,
    });
    const record = await priority('prio-rps-7');
    record.title.fr = { ...record.title.fr!, text: `${record.title.fr!.text} (révisé)` };
    await call('library.savePriority', { record });
    const changed = await source('prio-rps-7', 'title');
    await call('app.setUserName', { name: 'Second Approver' });
    const again = await call<{ state: string; approvedBy: string; approvedAt: string }>('translation.save', {
      pieceId: 'prio-rps-7', field: 'title', source: 'fr', target: 'es', text: 'Título aprobado', status: 'approved', sourceHash: changed.sourceHash,
    });
    expect(again).toMatchObject({ state: 'approved', approvedBy: 'Second Approver' });
    expect(again.approvedAt >= approved.approvedAt).toBe(true);
  });

  it('refuses to approve a translation that fails a check unless forced, and never an empty one', async () => {
    const unit = await source('pack-panama-2025-s1', 'text');
    expect(unit.source).toMatch(/2025/);
    const dropped = unit.source.replace(/2025/g, '').replace(/\*\*/g, '');
    const base = { pieceId: 'pack-panama-2025-s1', field: 'text', source: 'fr', target: 'es', sourceHash: unit.sourceHash };
    const before = (await call<{ record: { sections: { text: unknown }[] } }>('packs.get', { id: 'pack-panama-2025' })) as unknown;
    const error = await fail('translation.save', { ...base, text: dropped, status: 'approved' });
    expect(error.code).toBe('translation.checksFailed');
    expect(error.problems.map((p) => p.key).sort()).toEqual(['common:checks.markdown', 'common:checks.numbers']);
    expect(await call('packs.get', { id: 'pack-panama-2025' })).toEqual(before);

    const forced = await call<{ state: string }>('translation.save', { ...base, text: dropped, status: 'approved', force: true });
    expect(forced.state).toBe('approved');
    const empty = await fail('translation.save', { ...base, text: '  ', status: 'draft', force: true });
    expect(empty.code).toBe('translation.empty');
  });

  it('refuses a save made against a source that changed meanwhile, an original, and an unknown piece', async () => {
    const stale = await fail('translation.save', {
      pieceId: 'prio-rps-6', field: 'title', source: 'fr', target: 'es', text: 'x', status: 'draft', sourceHash: hashSourceText('an older text'),
    });
    expect(stale.code).toBe('translation.sourceChanged');
    const fr = (await priority('prio-rps-6')).title.es!.text;
    expect(fr).not.toBe('x');

    const en = (await priority('prio-rps-6')).title.en!.text;
    const original = await fail('translation.save', {
      pieceId: 'prio-rps-6', field: 'title', source: 'en', target: 'fr', text: 'x', status: 'draft', sourceHash: hashSourceText(en),
    });
    expect(original.code).toBe('translation.isOriginal');

    const missing = await fail('translation.save', {
      pieceId: 'nothing-here', field: 'title', source: 'fr', target: 'es', text: 'x', status: 'draft', sourceHash: hashSourceText('x'),
    });
    expect(missing.code).toBe('api.notFound');
  });
});

describe('interface strings', () => {
  type UiUnit = { namespace: string; key: string; source: string; sourceHash: string; target: string | null; state: string; overridden: boolean; previousSource: string | null };
  const uiUnits = async (source: string, target: string, namespace = 'ui') =>
    call<UiUnit[]>('uiStrings.units', { source, target, namespace });

  it('gives French and Spanish the many form of every plural', async () => {
    for (const target of ['fr', 'es']) {
      const keys = new Set((await uiUnits('en', target)).map((u) => u.key));
      for (const key of keys) {
        if (key.endsWith('_one')) expect(keys.has(key.replace(/_one$/, '_many')), `${target} ${key}`).toBe(true);
      }
    }
    const english = new Set((await uiUnits('fr', 'en')).map((u) => u.key));
    expect([...english].some((k) => k.endsWith('_many'))).toBe(false);
  });

  it('layers an override over the bundled string, goes stale when its source changes, and reverts', async () => {
    const unit = (await uiUnits('en', 'es')).find((u) => u.key === 'nav.library')!;
    expect(unit).toMatchObject({ state: 'approved', overridden: false });
    const saved = await call('uiStrings.save', {
      namespace: 'ui', key: 'nav.library', source: 'en', target: 'es', value: 'Fondo documental', status: 'approved', sourceHash: unit.sourceHash,
    });
    expect(saved).toEqual({ namespace: 'ui', key: 'nav.library', locale: 'es', value: 'Fondo documental', status: 'approved' });
    expect(await call('uiStrings.overrides', {})).toContainEqual(saved);
    const json = JSON.parse((await call<{ json: string }>('uiStrings.exportJson', { locale: 'es' })).json);
    expect(json.ui.nav.library).toBe('Fondo documental');
    expect(Object.keys(json)).toEqual(['ui', 'common', 'errors', 'pdf']);

    // An English override changes the source of the Spanish one.
    const english = (await uiUnits('fr', 'en')).find((u) => u.key === 'nav.library')!;
    await call('uiStrings.save', {
      namespace: 'ui', key: 'nav.library', source: 'fr', target: 'en', value: 'Library of pieces', status: 'approved', sourceHash: english.sourceHash,
    });
    const now = (await uiUnits('en', 'es')).find((u) => u.key === 'nav.library')!;
    expect(now).toMatchObject({ state: 'stale', source: 'Library of pieces', previousSource: unit.source, target: 'Fondo documental' });

    for (const [locale, src] of [['en', 'fr'], ['es', 'en']] as const) {
      const current = (await uiUnits(src, locale)).find((u) => u.key === 'nav.library')!;
      await call('uiStrings.save', {
        namespace: 'ui', key: 'nav.library', source: src, target: locale, value: null, status: 'draft', sourceHash: current.sourceHash,
      });
    }
    expect(await call('uiStrings.overrides', {})).toEqual([]);
    expect((await uiUnits('en', 'es')).find((u) => u.key === 'nav.library')).toMatchObject({ state: 'approved', overridden: false, target: unit.target });
  });

  it('refuses an override that drops a placeholder, unless forced, and an unknown key', async () => {
    const unit = (await uiUnits('en', 'es')).find((u) => u.source.includes('{{count}}'))!;
    const error = await fail('uiStrings.save', {
      namespace: 'ui', key: unit.key, source: 'en', target: 'es', value: 'sin número', status: 'approved', sourceHash: unit.sourceHash,
    });
    expect(error.code).toBe('translation.checksFailed');
    expect(error.problems[0]?.key).toBe('common:checks.placeholders');
    expect(await call('uiStrings.overrides', {})).toEqual([]);
    const unknown = await fail('uiStrings.save', {
      namespace: 'ui', key: 'no.such.key', source: 'en', target: 'es', value: 'x', status: 'draft', sourceHash: unit.sourceHash,
    });
    expect(unknown.code).toBe('uiStrings.unknownKey');
  });

  it("uses a translator's edit of a PDF string in the next build", async () => {
    const unit = (await uiUnits('en', 'es', 'pdf')).find((u) => u.key === 'contents')!;
    await call('uiStrings.save', {
      namespace: 'pdf', key: 'contents', source: 'en', target: 'es', value: 'Tabla de materias', status: 'approved', sourceHash: unit.sourceHash,
    });
    try {
      const built = await call<{ pdfs: { downloadId: string }[] }>('packs.build', { id: 'panama-2025', mode: 'es' });
      const pdf = await loadPdf(path.join(app.ctx.outputDir, built.pdfs[0]!.downloadId));
      const text = pdf.pages.map((p) => p.text).join('\n');
      expect(text).toContain('Tabla de materias');
      expect(text).not.toContain('Índice');
    } finally {
      await call('uiStrings.save', {
        namespace: 'pdf', key: 'contents', source: 'en', target: 'es', value: null, status: 'draft', sourceHash: unit.sourceHash,
      });
    }
  });
});
