import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../helpers/server';
import { RENDERER_OUT } from '../../main/server/ensureRendererBuilt';
import { ARTIFACTS, RUN_BROWSER_TESTS, openBrowserSession, seriousViolations, type BrowserSession } from '../helpers/browser';
import { loadPdf } from '../helpers/pdf';
import { createTranslator } from '../../shared/locales/createTranslator';

/**
 * The app end to end in a Chromium or Chrome found on this computer (helpers/findBrowser.ts), as a
 * user drives it in browser mode (`briefing serve`). Screenshots go to test-artifacts/ (not committed).
 */
let session: BrowserSession;
let app: TestApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!RUN_BROWSER_TESTS) return;
  session = await openBrowserSession();
  ({ app, browser, page } = session);
  await page.goto(app.server.url);
  await page.getByTestId('nav-library').waitFor();
}, 120_000);

afterAll(async () => {
  await session?.close();
});

const shot = (name: string) => session.shot(name);

describe.skipIf(!RUN_BROWSER_TESTS)('browser mode, end to end', () => {
  it("serves React's production build, though the tests run with NODE_ENV=test", () => {
    expect(process.env.NODE_ENV).toBe('test');
    const assets = path.join(RENDERER_OUT, 'assets');
    const scripts = fs.readdirSync(assets).filter((f) => /^index-.*\.js$/.test(f));
    expect(scripts).toHaveLength(1);
    const bundle = fs.readFileSync(path.join(assets, scripts[0]!), 'utf8');
    // The development JSX runtime (jsxDEV) records file names and line numbers in every element.
    expect(bundle).not.toMatch(/jsxDEV|lineNumber:\d+,columnNumber:\d+/);
  });

  it('takes the token from the address, then removes it from the address bar', async () => {
    expect(page.url()).not.toContain('token=');
    await expect(page.getByTestId('row-prio-rps-1').isVisible()).resolves.toBe(true);
    await shot('library-en');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds a piece by typing without accents', async () => {
    await page.getByTestId('library-search').fill('securite numerique');
    await page.getByTestId('row-prio-rps-6').waitFor();
    await page.getByTestId('library-search').fill('');
  });

  it('creates a country note in French, adds its English and Spanish text, and saves it', async () => {
    await page.getByTestId('kind-notes').click();
    await page.getByTestId('new-note').click();
    await page.getByTestId('note-type-country').check();
    await page.getByTestId('new-note-country').selectOption('PA');
    await page.getByTestId('new-note-title').fill('Réforme de la sécurité citoyenne au Panama');
    await page.getByTestId('new-note-language').selectOption('fr');
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('field-body-fr').fill('Le **Panama** a accueilli la première réunion du réseau.');
    await page.getByTestId('field-title-en').fill('Citizen security reform in Panama');
    await page.getByTestId('field-body-en').fill('**Panama** hosted the first meeting of the network.');
    await page.getByTestId('field-title-es').fill('Reforma de la seguridad ciudadana en Panamá');
    await page.getByTestId('field-body-es').fill('**Panamá** acogió la primera reunión de la red.');
    await shot('editor-en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('save').click();
    await expect.poll(async () => {
      const notes = app.ctx.store.readDocument().notes;
      return notes.find((n) => n.title.fr?.text === 'Réforme de la sécurité citoyenne au Panama')?.title.es?.text;
    }).toBe('Reforma de la seguridad ciudadana en Panamá');
    const note = app.ctx.store.readDocument().notes.find((n) => n.title.fr?.text.startsWith('Réforme'))!;
    expect(note.countryCode).toBe('PA');
    // Typed in French first: the English and Spanish texts are drafts translated from it.
    expect(note.body.fr?.from).toBeUndefined();
    for (const locale of ['en', 'es'] as const) {
      expect(note.body[locale]).toMatchObject({ status: 'draft', from: 'fr' });
      expect(note.body[locale]?.sourceHash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(note.body.en?.text).toBe('**Panama** hosted the first meeting of the network.');
  });

  it('shows an invalid save in place, translated, and keeps what the user typed', async () => {
    await page.getByTestId('back-to-list').click();
    await page.getByTestId('kind-priorities').click();
    await page.getByTestId('row-prio-rps-2').click();
    await page.getByTestId('reader-edit').click();
    await page.getByTestId('editor').waitFor();
    const before = app.ctx.store.readDocument();
    await page.getByTestId('field-title-en').fill('Violence prevention — revised');
    await page.getByTestId('field-number').fill('3');
    await page.getByTestId('save').click();
    const alert = page.getByTestId('error');
    await alert.waitFor();
    const t = createTranslator('en');
    // The field as the form labels it, not the record path the command line prints.
    const problem = t('errors:validation.duplicateNumber', { network: 'net-rps', number: 3 });
    expect(await alert.textContent()).toContain(`${t('ui:fields.number')}: ${problem}`);
    expect(await alert.textContent()).not.toContain('priorities[');
    expect(await page.getByTestId('field-title-en').inputValue()).toBe('Violence prevention — revised');
    expect(app.ctx.store.readDocument()).toEqual(before);
    await shot('editor-error-en');
    // Put the number back so the rest of the run starts from a sound library.
    await page.getByTestId('field-number').fill('2');
    await page.getByTestId('save').click();
    await expect.poll(() => app.ctx.store.readDocument().priorities.find((p) => p.id === 'prio-rps-2')?.title.en?.text).toBe(
      'Violence prevention — revised',
    );
  });

  it('creates a source, refuses an address that is not http(s) by its label, and cites the source from the note', async () => {
    const t = createTranslator('en');
    await page.getByTestId('back-to-list').click();
    await page.getByTestId('kind-sources').click();
    await page.getByTestId('new-source').click();
    await page.getByTestId('new-source-title').fill('Rapport annuel sur la sécurité citoyenne');
    await page.getByTestId('new-source-language').selectOption('fr');
    await page.getByTestId('new-source-issuer').fill('Organisation des États américains');
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('field-title-en').fill('Annual report on citizen security');
    await page.getByTestId('field-date').fill('2025-03');
    await page.getByTestId('field-url').fill('javascript:alert(1)');
    await page.getByTestId('save').click();
    const alert = page.getByTestId('error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`${t('ui:fields.url')}: ${t('errors:validation.badUrl')}`);
    expect(await page.getByTestId('field-url').getAttribute('aria-invalid')).toBe('true');
    await shot('source-error-en');
    expect(await seriousViolations(page)).toEqual([]);
    expect(app.ctx.store.readDocument().sources.some((s) => s.issuer === 'Organisation des États américains')).toBe(false);
    await page.getByTestId('field-url').fill('https://www.oas.org/fr/');
    await page.getByTestId('save').click();
    await expect.poll(() => app.ctx.store.readDocument().sources.find((s) => s.issuer === 'Organisation des États américains')?.url).toBe(
      'https://www.oas.org/fr/',
    );
    const source = app.ctx.store.readDocument().sources.find((s) => s.issuer === 'Organisation des États américains')!;
    expect(source).toMatchObject({ date: '2025-03', place: null, title: { fr: { status: 'draft' }, en: { from: 'fr' } } });
    await page.getByTestId('back-to-list').click();
    await page.getByTestId(`row-${source.id}`).waitFor();

    const note = app.ctx.store.readDocument().notes.find((n) => n.title.fr?.text.startsWith('Réforme'))!;
    await page.getByTestId('kind-notes').click();
    await page.getByTestId(`row-${note.id}`).click();
    await page.getByTestId('reader-edit').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId(`sources-${source.id}`).check();
    await page.getByTestId('save').click();
    await expect.poll(() => app.ctx.store.readDocument().notes.find((n) => n.id === note.id)?.sources).toContain(source.id);
    await shot('source-cited-en');
    await page.getByTestId('back-to-list').click();
  });

  it('puts the note in a new pack, reorders it, builds it and downloads a PDF with the texts', async () => {
    const note = app.ctx.store.readDocument().notes.find((n) => n.title.fr?.text.startsWith('Réforme'))!;
    await page.getByTestId('nav-packs').click();
    await page.getByTestId('new-pack').click();
    await page.getByTestId('new-pack-title').fill('Note pour la délégation');
    await page.getByTestId('new-pack-slug').fill('delegation');
    await page.getByTestId('new-pack-language').selectOption('fr');
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('pack-builder').waitFor();
    await page.getByTestId('add-section').click();
    await page.getByTestId('field-section-0-title-fr').fill('Panama');
    await page.getByTestId('add-item-0').click();
    await page.getByTestId('item-search').fill('citoyenne');
    await page.getByTestId(`add-${note.id}`).click();
    await page.getByTestId('item-search').fill('parlement ouvert');
    await page.getByTestId('add-prio-rps-7').click();
    // The priority was added second; move it above the note.
    await page.getByTestId('item-0-1').getByTestId('move-up').click();
    await page.getByTestId('save').click();
    await expect.poll(() => app.ctx.store.readDocument().packs.find((p) => p.slug === 'delegation')?.sections[0]?.items.map((i) => i.ref)).toEqual([
      'prio-rps-7',
      note.id,
    ]);
    await shot('pack-builder-en');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('build-mode').selectOption('fr');
    await page.getByTestId('build').click();
    await page.getByTestId('build-report').waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-fr').click()]);
    const file = path.join(ARTIFACTS, 'delegation-fr.pdf');
    await download.saveAs(file);
    const pdf = await loadPdf(file);
    expect(pdf.info.Title).toBe('Note pour la délégation');
    expect(pdf.text).toContain('Réforme de la sécurité citoyenne au Panama');
    expect(pdf.text).toContain('a accueilli la première réunion du réseau');
    expect(pdf.text.indexOf('Parlement ouvert')).toBeLessThan(pdf.text.indexOf('Réforme de la sécurité citoyenne'));
    await shot('build-report-en');
  });

  it('builds the Panama pack from its builder and downloads the Spanish edition', async () => {
    await page.getByTestId('back-to-packs').click();
    await page.getByTestId('pack-panama-2025').click();
    await page.getByTestId('pack-builder').waitFor();
    await page.getByTestId('build-mode').selectOption('es');
    await page.getByTestId('build').click();
    await page.getByTestId('build-report').waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-es').click()]);
    const file = path.join(ARTIFACTS, 'panama-2025-es.pdf');
    await download.saveAs(file);
    const pdf = await loadPdf(file);
    expect(pdf.info.Language).toBe('es-419');
    expect(pdf.info.Title).toBe(app.ctx.store.readDocument().packs.find((p) => p.slug === 'panama-2025')!.title.es!.text);
    expect(pdf.text).toContain('Índice');
    expect(pdf.pageCount).toBeGreaterThan(10);
  });

  it('switches the interface to Spanish live', async () => {
    await page.getByTestId('ui-language').selectOption('es');
    const t = createTranslator('es');
    await expect.poll(() => page.getByTestId('nav-library').textContent()).toBe(t('ui:nav.library'));
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await page.getByTestId('nav-library').click();
    await page.getByTestId('kind-priorities').click();
    expect(await page.getByTestId('row-prio-rps-1').textContent()).toContain('Seguridad humana');
    await shot('library-es');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('backup-now').click();
    await page.getByTestId('backup-done').waitFor();
    expect(await page.getByTestId('backup-done').textContent()).toContain('backups');
    await shot('settings-es');
    expect(await seriousViolations(page)).toEqual([]);
    // The choice is remembered.
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-library').textContent()).toBe(t('ui:nav.library'));
  });

  it('refuses an API request without the token, and the page says so', async () => {
    const status = await page.evaluate(async () => (await fetch('/api/app.info', { method: 'POST', body: '{}' })).status);
    expect(status).toBe(401);
    const stranger = await browser.newContext();
    const other = await stranger.newPage();
    await other.goto(app.server.origin);
    await other.getByRole('alert').first().waitFor();
    expect(await other.getByRole('alert').first().textContent()).toContain(createTranslator('en')('errors:api.unauthorized'));
    await stranger.close();
  });
});
