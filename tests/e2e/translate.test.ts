import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/server';
import { ARTIFACTS, RUN_BROWSER_TESTS, openBrowserSession, seriousViolations, type BrowserSession } from '../helpers/browser';
import { createTranslator } from '../../shared/locales/createTranslator';
import type { TranslationUnit, TranslationUnitsResult, UiStringOverride } from '../../shared/api/translationTypes';

/**
 * The translator's view end to end in a Chromium or Chrome (browser mode, its own temporary
 * library): a French source edited in the library shows up out of date with its word diff,
 * translations are approved from the keyboard, a failing check asks first, an interface string
 * changes the header live, XLIFF goes out and a broken file comes back refused.
 */
const TRANSLATOR = 'Ana Pérez';
const NEW_FRENCH_TITLE = 'Sécurité humaine, multidimensionnelle et climatique';

let session: BrowserSession;
let app: TestApp;
let page: Page;

beforeAll(async () => {
  if (!RUN_BROWSER_TESTS) return;
  session = await openBrowserSession();
  ({ app, page } = session);
  // A missing element fails the step that waits for it, well within the test's own timeout.
  page.setDefaultTimeout(10_000);
  await page.goto(app.server.url);
  await page.getByTestId('nav-library').waitFor();
}, 120_000);

afterAll(async () => {
  await session?.close();
});

const shot = (name: string) => session.shot(name);

async function invoke<T>(channel: string, input: unknown): Promise<T> {
  const result = await app.api.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const titleOf = (id: string) => app.ctx.store.readDocument().priorities.find((p) => p.id === id)!.title;

/**
 * Opens one unit of the list, found with the list's search box (long lists are windowed), and
 * waits for the editor to have the whole unit (the list holds only excerpts).
 */
async function openUnit(search: string, testId: string) {
  await page.getByTestId('tr-search').fill(search);
  await page.getByTestId(testId).click();
  await expect.poll(() => page.getByTestId(testId).getAttribute('aria-current')).toBe('true');
  await page.locator('[data-testid="tr-editor"][aria-busy="false"]').waitFor();
}

describe.skipIf(!RUN_BROWSER_TESTS)("the translator's view, end to end", () => {
  it('records the name set in Settings', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-user-name').fill(TRANSLATOR);
    await page.getByTestId('settings-user-name-save').click();
    await expect.poll(async () => (await invoke<{ userName: string }>('app.info', {})).userName).toBe(TRANSLATOR);
  });

  it('shows a French title edited in the library as out of date in Spanish and English, with the word diff', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('kind-priorities').click();
    await page.getByTestId('row-prio-rps-1').click();
    await page.getByTestId('reader-edit').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('field-title-fr').fill(NEW_FRENCH_TITLE);
    await page.getByTestId('save').click();
    await expect.poll(() => titleOf('prio-rps-1').fr?.text).toBe(NEW_FRENCH_TITLE);

    await page.getByTestId('nav-translate').click();
    await page.getByTestId('tr-mode-library').waitFor();
    expect(await page.getByTestId('tr-mode-library').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('tr-source').inputValue()).toBe('fr');
    for (const target of ['es', 'en'] as const) {
      await page.getByTestId('tr-target').selectOption(target);
      await openUnit('climatique', 'tr-unit-prio-rps-1-title');
      expect(await page.getByTestId('tr-unit-prio-rps-1-title').getAttribute('data-state')).toBe('stale');
      expect(await page.getByTestId('tr-state').getAttribute('data-state')).toBe('stale');
      const diff = page.getByTestId('tr-diff');
      expect(await diff.locator('ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('climatique')]));
      expect(await diff.textContent()).toContain('multidimensionnelle');
    }
    await shot('translate-stale-en');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('approves a translation with Ctrl+Shift+Enter, moves on, and shows who approved it', async () => {
    const target = page.getByTestId('tr-target-text');
    await target.fill('Human, multidimensional and climate security');
    // Moving without saving asks first, and keeps the text when the user stays. (The list is
    // sorted by field: the title comes after the body, which also mentions « climatique ».)
    expect(await page.getByTestId('tr-position').textContent()).not.toMatch(/^1 /);
    await target.press('Alt+ArrowUp');
    await page.getByTestId('tr-unsaved-dialog').waitFor();
    await page.getByTestId('dialog-cancel').click();
    expect(await target.inputValue()).toBe('Human, multidimensional and climate security');

    await target.press('Control+Shift+Enter');
    await expect.poll(() => titleOf('prio-rps-1').en).toMatchObject({
      text: 'Human, multidimensional and climate security',
      status: 'approved',
      from: 'fr',
      approvedBy: TRANSLATOR,
    });
    // The next unit is open (or, when it was the only one, the list says it was the last).
    await expect.poll(() => page.getByTestId('tr-unit-prio-rps-1-title').getAttribute('data-state')).toBe('approved');
    await page.getByTestId('tr-unit-prio-rps-1-title').click();
    expect(await page.getByTestId('tr-state').getAttribute('data-state')).toBe('approved');
    expect(await page.getByTestId('tr-signature').textContent()).toContain(TRANSLATOR);
    await expect.poll(async () => Number(await page.getByTestId('tr-progress-en').getAttribute('data-approved'))).toBeGreaterThan(0);

    // The library editor shows the same approval beside the English title.
    await page.getByTestId('nav-library').click();
    await page.getByTestId('kind-priorities').click();
    await page.getByTestId('row-prio-rps-1').click();
    await page.getByTestId('reader-edit').click();
    expect(await page.getByTestId('approved-title-en').textContent()).toContain(TRANSLATOR);
    await page.getByTestId('nav-translate').click();
    await page.getByTestId('tr-mode-library').waitFor();
  });

  it('asks before approving a translation that drops a number, and approves only when confirmed', async () => {
    await page.getByTestId('tr-target').selectOption('es');
    const { units } = await invoke<TranslationUnitsResult>('translation.units', { source: 'fr', target: 'es', states: ['missing', 'stale', 'draft'] });
    const listed = units.find((u) => u.field === 'title' && /\d/.test(u.sourceExcerpt)) ?? units.find((u) => /\d/.test(u.sourceExcerpt));
    expect(listed, 'a French text with a number to translate into Spanish').toBeDefined();
    const unit = await invoke<TranslationUnit>('translation.unit', { pieceId: listed!.pieceId, field: listed!.field, source: 'fr', target: 'es' });
    const testId = `tr-unit-${unit.pieceId}-${unit.field}`;
    await openUnit(unit.pieceId, testId);
    const withoutDigits = unit.source.replace(/\d/g, '');
    await page.getByTestId('tr-target-text').fill(withoutDigits);
    expect(Number(await page.getByTestId('tr-checks').getAttribute('data-count'))).toBeGreaterThan(0);
    const before = app.ctx.store.readDocument();

    await page.getByTestId('tr-approve-next').click();
    const dialog = page.getByTestId('tr-approve-anyway-dialog');
    await dialog.waitFor();
    const t = createTranslator('en');
    const numbersMessage = t('common:checks.numbers', { numbers: '' }).replace(/[:.\s]+$/, '');
    expect(await page.getByTestId('tr-approve-anyway-problems').textContent()).toContain(numbersMessage);
    await page.getByTestId('dialog-cancel').click();
    expect(app.ctx.store.readDocument()).toEqual(before);
    expect(await page.getByTestId('tr-target-text').inputValue()).toBe(withoutDigits);

    await page.getByTestId('tr-approve-next').click();
    await dialog.waitFor();
    await page.getByTestId('dialog-confirm').click();
    await expect.poll(async () => {
      const after = await invoke<TranslationUnitsResult>('translation.units', { source: 'fr', target: 'es', states: ['approved'] });
      return after.units.some((u) => u.pieceId === unit.pieceId && u.field === unit.field);
    }).toBe(true);
    const approved = await invoke<TranslationUnit>('translation.unit', { pieceId: unit.pieceId, field: unit.field, source: 'fr', target: 'es' });
    expect(approved).toMatchObject({ state: 'approved', target: withoutDigits });
  });

  it('edits an interface string: the header changes at once, without a reload, and reverts', async () => {
    const es = createTranslator('es');
    await page.getByTestId('ui-language').selectOption('es');
    await expect.poll(() => page.getByTestId('nav-library').textContent()).toBe(es('ui:nav.library'));
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    await page.getByTestId('tr-mode-ui').click();
    // Interface strings are written in English first: the usual source switches with the mode.
    expect(await page.getByTestId('tr-source').inputValue()).toBe('en');
    await page.getByTestId('tr-target').selectOption('es');
    await page.getByTestId('tr-namespace').selectOption('ui');
    // The bundled string is approved, so the list has to show approved strings too.
    await page.getByTestId('tr-filter-approved').check();
    await openUnit('nav.library', 'tr-ui-ui-nav.library');
    await page.getByTestId('tr-target-text').fill('Biblioteca de textos');
    await page.getByTestId('tr-target-text').press('Control+Enter');
    await expect.poll(() => page.getByTestId('nav-library').textContent()).toBe('Biblioteca de textos');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    const overrides = await invoke<UiStringOverride[]>('uiStrings.overrides', {});
    expect(overrides).toContainEqual({ namespace: 'ui', key: 'nav.library', locale: 'es', value: 'Biblioteca de textos', status: 'draft' });
    await shot('translate-ui-es');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('tr-ui-ui-nav.library').click();
    await page.getByTestId('tr-revert').click();
    await expect.poll(() => page.getByTestId('nav-library').textContent()).toBe(es('ui:nav.library'));
    expect(await invoke<UiStringOverride[]>('uiStrings.overrides', {})).toEqual([]);
    await page.getByTestId('ui-language').selectOption('en');
  });

  it('exports XLIFF as a download, and previews an import before applying it', async () => {
    await page.getByTestId('tr-mode-library').click();
    await page.getByTestId('tr-target').selectOption('es');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tr-export-xliff').click()]);
    expect(download.suggestedFilename()).toMatch(/\.(xlf|xliff)$/);
    const file = path.join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(file);
    const xml = fs.readFileSync(file, 'utf8');
    expect(xml).toContain('<xliff');
    expect(xml).toContain(NEW_FRENCH_TITLE);

    const before = app.ctx.store.readDocument();
    await page.getByTestId('tr-import-xliff').setInputFiles(file);
    const report = page.getByTestId('tr-import-report');
    await report.waitFor();
    expect(await report.getAttribute('data-dry-run')).toBe('true');
    expect(Number(await page.getByTestId('tr-import-units').textContent())).toBeGreaterThan(0);
    await page.getByTestId('tr-import-cancel').click();
    expect(app.ctx.store.readDocument()).toEqual(before);
  });

  it('refuses a malformed XLIFF file in place and changes nothing', async () => {
    const before = app.ctx.store.readDocument();
    await page.getByTestId('tr-import-xliff').setInputFiles({
      name: 'broken.xlf',
      mimeType: 'application/xml',
      buffer: Buffer.from('<?xml version="1.0"?><xliff version="2.0" srcLang="fr" trgLang="es"><file id="f"><unit id="u"><segment><source>Oui'),
    });
    await page.getByTestId('tr-import-error').waitFor();
    expect(await page.getByTestId('tr-import-report').count()).toBe(0);
    expect(app.ctx.store.readDocument()).toEqual(before);
  });

  it('refuses an XLIFF file that is not UTF-8, naming the line and column, instead of replacing the bytes', async () => {
    const before = app.ctx.store.readDocument();
    const bytes = Buffer.from('<?xml version="1.0"?>\n<xliff version="2.0" srcLang="fr" trgLang="es">\n<file id="f"><unit id="u"><segment><source>Oui</source><target>Sí X</target></segment></unit></file></xliff>', 'utf8');
    bytes[bytes.indexOf('X')] = 0xe9; // é in Latin-1
    await page.getByTestId('tr-import-xliff').setInputFiles({ name: 'latin1.xlf', mimeType: 'application/xml', buffer: bytes });
    const error = page.getByTestId('tr-import-error');
    await error.waitFor();
    const column = [...'<file id="f"><unit id="u"><segment><source>Oui</source><target>Sí '].length + 1;
    expect(await error.textContent()).toContain(`latin1.xlf is not valid UTF-8 text: the bytes at line 3, column ${column}`);
    await session.shot('xliff-not-utf8-en');
    expect(await page.getByTestId('tr-import-report').count()).toBe(0);
    expect(app.ctx.store.readDocument()).toEqual(before);
  });

  it('finds a text by words beyond the excerpt the list holds', async () => {
    await page.getByTestId('tr-mode-library').click();
    const row = page.getByTestId('tr-unit-pack-panama-2025-s1-text');
    // « pays participants » ends the section's French text, far past its first 160 characters.
    await page.getByTestId('tr-search').fill('pays participants');
    await row.waitFor();
    await page.getByTestId('tr-search').fill('pays participantsxyz');
    await expect.poll(() => row.count()).toBe(0);
  });

  it('lists what a strict build of a pack would refuse, and passes axe', async () => {
    await page.getByTestId('tr-search').fill('');
    await page.getByTestId('tr-pack').selectOption({ index: 1 });
    const strict = page.getByTestId('tr-strict');
    await strict.waitFor();
    const packId = await page.getByTestId('tr-pack').inputValue();
    const { strictBlockers } = await invoke<TranslationUnitsResult>('translation.units', { source: 'fr', target: 'es', packId });
    expect(Number(await strict.getAttribute('data-count'))).toBe(strictBlockers!.length);
    await shot('translate-en');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
