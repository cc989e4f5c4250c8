import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/server';
import { ARTIFACTS, RUN_BROWSER_TESTS, openBrowserSession, seriousViolations, type BrowserSession } from '../helpers/browser';
import { loadPdf, type LoadedPdf, type PdfOutlineNode } from '../helpers/pdf';
import { createTranslator } from '../../shared/locales/createTranslator';
import { CSS_PER_POINT } from '../../renderer/src/features/viewer/pageLayout';

/**
 * The pack builder and the PDF viewer end to end in Debian's Chromium (browser mode, a temporary
 * starter library): the builder never scrolls the window past its content, focus lands somewhere
 * sensible after every action that removes what had it, the build panel stays in view and follows
 * each edition, and the three editions of the Panama pack are read in the app's own viewer.
 */
let session: BrowserSession;
let app: TestApp;
let page: Page;
const problems: string[] = [];
const WIDE = { width: 1400, height: 900 };
const NARROW = { width: 760, height: 900 };

beforeAll(async () => {
  if (!RUN_BROWSER_TESTS) return;
  session = await openBrowserSession();
  ({ app, page } = session);
  page.setDefaultTimeout(15_000);
  // What the CSP refuses and every request that leaves the app's origin are failures of their own.
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['blob:', 'data:'].includes(url.protocol) && url.origin !== app.server.origin) problems.push(`request to ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  await page.goto(app.server.url);
  await page.getByTestId('nav-library').waitFor();
}, 120_000);

afterAll(async () => {
  await session?.close();
});

const shot = (name: string) => session.shot(name);
const active = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? document.activeElement?.tagName);
const pagesState = () =>
  page.getByTestId('viewer-pages').evaluate((el) => ({
    page: Number(el.dataset.page),
    zoom: Number(el.dataset.zoom),
    state: el.dataset.state,
    inDom: el.querySelectorAll('.viewer-page').length,
    clientWidth: el.clientWidth,
  }));

async function openBuilder(slug: string) {
  await page.getByTestId('nav-packs').click();
  await page.getByTestId(`pack-${slug}`).click();
  await page.getByTestId('pack-builder').waitFor();
}

describe.skipIf(!RUN_BROWSER_TESTS)('the pack builder', () => {
  it('never lets the window scroll past its content, however long the pack', async () => {
    await openBuilder('panama-2025');
    const sizes = await page.evaluate(() => {
      const main = document.querySelector<HTMLElement>('#main')!;
      main.scrollTop = main.scrollHeight;
      window.scrollTo(0, document.documentElement.scrollHeight);
      return {
        document: document.documentElement.scrollHeight,
        body: document.body.scrollHeight,
        window: window.innerHeight,
        windowScroll: window.scrollY,
        content: main.scrollHeight,
      };
    });
    // The builder is far taller than the window: its own area scrolls, the window does not.
    expect(sizes.content).toBeGreaterThan(3 * sizes.window);
    expect(sizes.document).toBeLessThanOrEqual(sizes.window);
    expect(sizes.body).toBeLessThanOrEqual(sizes.window);
    expect(sizes.windowScroll).toBe(0);
  });

  it('keeps the build panel in view at the bottom of the pack', async () => {
    const box = await page.getByTestId('build').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(WIDE.height);
    await page.evaluate(() => document.querySelector<HTMLElement>('#main')!.scrollTo(0, 0));
  });

  it('gives focus back to the opener when a dialog is cancelled, by button or Escape', async () => {
    const remove = page.getByTestId('section-1').getByTestId('remove-section');
    await remove.click();
    await page.getByTestId('remove-section-dialog').waitFor();
    await page.getByTestId('dialog-cancel').click();
    await expect.poll(() => remove.evaluate((el) => el === document.activeElement)).toBe(true);
    await remove.click();
    await page.getByTestId('remove-section-dialog').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => remove.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.getByTestId('back-to-packs').click();
    const del = page.getByTestId('delete-panama-2025');
    await del.click();
    await page.getByTestId('delete-dialog').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => del.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByTestId('new-pack').click();
    await page.getByTestId('dialog-cancel').click();
    await expect.poll(active).toBe('new-pack');
  });

  it('keeps focus where the next piece is chosen after adding one, and on a field after a removed section', async () => {
    await page.getByTestId('new-pack').click();
    await page.getByTestId('new-pack-title').fill('Focus check');
    await page.getByTestId('new-pack-slug').fill('focus-check');
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('pack-builder').waitFor();
    await page.getByTestId('add-section').click();
    await page.getByTestId('add-section').click();
    await page.getByTestId('add-item-0').click();
    await page.getByTestId('item-search').fill('palermo');
    const add = page.locator('[data-testid^="add-inst-"]').first();
    await add.click();
    // The button pressed became "Added" (disabled): focus is back in the search box.
    await expect.poll(active).toBe('item-search');
    expect(await add.isDisabled()).toBe(true);
    await page.getByTestId('picker-kind').selectOption('priority');
    await page.getByTestId('picker-add').click();
    await expect.poll(active).toBe('picker-piece');
    expect(await page.getByTestId('section-0').locator('[data-testid^="item-0-"]').count()).toBe(2);
    expect(await page.getByTestId('announcement').textContent()).not.toBe('');

    await page.getByTestId('section-0').getByTestId('remove-section').click();
    await page.getByTestId('dialog-confirm').click();
    // The removed section's buttons are gone; the section that took its place has focus.
    await expect.poll(() => page.getByTestId('section-0').getByTestId('section-handle').evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('after a failed save, puts focus on the field the message names, and keeps the text', async () => {
    for (const locale of ['en', 'fr', 'es']) {
      const field = page.getByTestId(`field-title-${locale}`);
      if (await field.count()) await field.fill('');
    }
    await page.getByTestId('field-section-0-title-en').fill('Kept section title');
    await page.getByTestId('save').click();
    await page.getByTestId('error').waitFor();
    const focused = await page.evaluate(() => ({
      invalid: document.activeElement?.getAttribute('aria-invalid'),
      id: document.activeElement?.getAttribute('data-testid'),
    }));
    expect(focused.invalid).toBe('true');
    expect(focused.id).toMatch(/^field-title-/);
    expect(await page.getByTestId('field-section-0-title-en').inputValue()).toBe('Kept section title');
    await page.getByTestId(focused.id!).fill('Focus check');
    await page.getByTestId('save').click();
    await expect.poll(() => app.ctx.store.readDocument().packs.find((p) => p.slug === 'focus-check')?.sections.length).toBe(1);
    await expect.poll(() => page.getByTestId('save').isEnabled()).toBe(true);
  });

  it('keeps focus on Build while building, back on Build after Cancel', async () => {
    await page.getByTestId('back-to-packs').click();
    await openBuilder('panama-2025');
    await page.getByTestId('build-mode').selectOption('all');
    await page.getByTestId('build').click();
    await page.getByTestId('build-progress').waitFor();
    expect(await active()).toBe('build');
    expect(await page.getByTestId('build').getAttribute('aria-disabled')).toBe('true');
    for (const edition of ['en', 'fr', 'es']) await page.getByTestId(`build-progress-${edition}`).waitFor();
    await page.getByTestId('build-cancel').click();
    await expect.poll(active).toBe('build');
    await page.getByTestId('build-progress').waitFor({ state: 'detached' });
  });
});

describe.skipIf(!RUN_BROWSER_TESTS)('the PDF viewer', () => {
  const editions = ['en', 'fr', 'es'] as const;
  const pdfs = new Map<string, LoadedPdf>();
  const t = createTranslator('en');

  it('builds the three editions, follows each one, and moves focus to the report when done', async () => {
    await page.getByTestId('build').click();
    await page.getByTestId('build-progress').waitFor();
    // Each edition's bar moves on its own.
    await expect
      .poll(async () => Number(await page.getByTestId('build-progress-fr').getAttribute('data-fraction')), { timeout: 60_000, interval: 100 })
      .toBeGreaterThan(0);
    await page.getByTestId('build-report').waitFor({ timeout: 120_000 });
    await expect.poll(active).toBe('report-heading');
    expect(await page.getByTestId('build-summary').textContent()).toMatch(/^3 PDFs built in [\d.]+ s\.$/);
    const heading = await page.locator('#report-heading').boundingBox();
    expect(heading!.y).toBeGreaterThanOrEqual(0);
    expect(heading!.y).toBeLessThan(WIDE.height);
    for (const edition of editions) {
      const file = fs
        .readdirSync(app.ctx.outputDir, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith(`panama-2025-${edition}.pdf`))
        .map((f) => path.join(app.ctx.outputDir, f))
        .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0]!;
      pdfs.set(edition, await loadPdf(file));
    }
    await shot('viewer-report-en');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('opens each edition, on its first page, with only the pages near the viewport drawn', async () => {
    await page.getByTestId('view-en').click();
    await page.getByTestId('viewer').waitFor();
    await page.locator('[data-testid="viewer-page-1"][data-rendered="true"]').waitFor();
    for (const edition of editions) {
      await page.getByTestId(`viewer-tab-${edition}`).click();
      await expect.poll(() => page.getByTestId(`viewer-tab-${edition}`).getAttribute('aria-selected')).toBe('true');
      await page.locator('[data-testid="viewer-page-1"][data-rendered="true"]').waitFor();
      const count = pdfs.get(edition)!.pageCount;
      expect(await page.getByTestId('viewer-page-count').textContent()).toBe(t('ui:viewer.ofPages', { total: count }));
      const state = await pagesState();
      expect(state.page).toBe(1);
      expect(state.inDom).toBeLessThanOrEqual(4);
      expect(count).toBeGreaterThan(10);
    }
    await page.getByTestId('viewer-tab-en').click();
    await page.locator('[data-testid="viewer-page-1"][data-rendered="true"]').waitFor();
    // Nothing pdf.js adds to the page (its measuring canvas) makes the window scroll.
    const sizes = await page.evaluate(() => ({ document: document.documentElement.scrollHeight, window: window.innerHeight }));
    expect(sizes.document).toBeLessThanOrEqual(sizes.window);
  });

  it('pages with the keyboard, the buttons and the page number', async () => {
    const last = pdfs.get('en')!.pageCount;
    await page.getByTestId('viewer-pages').focus();
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await pagesState()).page).toBe(2);
    await page.getByTestId('viewer-next').click();
    await expect.poll(async () => (await pagesState()).page).toBe(3);
    await page.getByTestId('viewer-prev').click();
    await expect.poll(async () => (await pagesState()).page).toBe(2);
    await page.getByTestId('viewer-pages').focus();
    await page.keyboard.press('End');
    await expect.poll(async () => (await pagesState()).page).toBe(last);
    await page.locator(`[data-testid="viewer-page-${last}"][data-rendered="true"]`).waitFor();
    expect((await pagesState()).inDom).toBeLessThanOrEqual(4);
    await page.keyboard.press('Home');
    await expect.poll(async () => (await pagesState()).page).toBe(1);
    await page.getByTestId('viewer-page-input').fill('6');
    await page.getByTestId('viewer-page-input').press('Enter');
    await expect.poll(async () => (await pagesState()).page).toBe(6);
    await page.locator('[data-testid="viewer-page-6"][data-rendered="true"]').waitFor();
    // Past the end: the last page.
    await page.getByTestId('viewer-page-input').fill('9999');
    await page.getByTestId('viewer-page-input').press('Enter');
    await expect.poll(async () => (await pagesState()).page).toBe(last);
  });

  it('zooms by steps and to a percentage, keeps the page, and fits the width', async () => {
    await page.getByTestId('viewer-page-input').fill('6');
    await page.getByTestId('viewer-page-input').press('Enter');
    const pageWidth = async () => (await page.getByTestId('viewer-page-6').boundingBox())!.width;
    const widthPoints = pdfs.get('en')!.pages[5]!.width;
    // Opened at fit to width: the page fills the pane less its margins.
    const fitted = await pagesState();
    expect(Math.abs((await pageWidth()) - (fitted.clientWidth - 32))).toBeLessThanOrEqual(1);
    await page.getByTestId('viewer-zoom').selectOption('0.5');
    await expect.poll(async () => (await pagesState()).zoom).toBe(0.5);
    expect(await pageWidth()).toBe(Math.floor(widthPoints * CSS_PER_POINT * 0.5));
    expect((await pagesState()).page).toBe(6);
    await page.getByTestId('viewer-zoom-in').click();
    await expect.poll(async () => (await pagesState()).zoom).toBe(0.67);
    await page.getByTestId('viewer-zoom-out').click();
    await page.getByTestId('viewer-zoom-out').click();
    await expect.poll(async () => (await pagesState()).zoom).toBe(0.33);
    expect((await pagesState()).page).toBe(6);
    await page.locator('[data-testid="viewer-page-6"][data-rendered="true"]').waitFor();
    await shot('viewer-zoomed-en');
    await page.getByTestId('viewer-fit-width').click();
    await expect.poll(async () => (await pagesState()).zoom).toBeCloseTo(fitted.zoom, 3);
    expect(await page.getByTestId('viewer-fit-width').getAttribute('aria-pressed')).toBe('true');
    expect((await pagesState()).page).toBe(6);
  });

  it('goes to the page of a bookmark', async () => {
    // The viewer names its bookmarks by their place in the outline tree ("1.3"): walked the same way here.
    const flat: (PdfOutlineNode & { id: string })[] = [];
    const walk = (nodes: PdfOutlineNode[], parent: string | null) =>
      nodes.forEach((n, i) => {
        const id = parent === null ? String(i) : `${parent}.${i}`;
        flat.push({ ...n, id });
        walk(n.children, id);
      });
    walk(pdfs.get('en')!.outline, null);
    expect(flat.length).toBeGreaterThan(10);
    // A bookmark deep in the document, away from where the viewer is.
    const target = flat.filter((n) => n.page !== null && n.page > 8).at(-1)!;
    expect(target).toBeDefined();
    const bookmark = page.getByTestId(`bookmark-${target.id}`);
    expect(await bookmark.textContent()).toBe(target.title);
    await bookmark.click();
    await expect.poll(async () => (await pagesState()).page).toBe(target.page);
    await page.locator(`[data-testid="viewer-page-${target.page}"][data-rendered="true"]`).waitFor();
    await expect.poll(() => page.getByTestId('viewer-outline').locator('[aria-current="location"]').textContent()).toBe(target.title);
  });

  it('follows a link of the table of contents', async () => {
    await page.getByTestId('viewer-page-input').fill('2');
    await page.getByTestId('viewer-page-input').press('Enter');
    await page.locator('[data-testid="viewer-page-2"][data-rendered="true"]').waitFor();
    const link = page.getByTestId('viewer-page-2').locator('.viewer-links a').last();
    await link.waitFor();
    const name = (await link.getAttribute('aria-label'))!;
    const to = Number(/\((?:page|página) (\d+)\)$/.exec(name)?.[1]);
    expect(to).toBeGreaterThan(2);
    await link.click();
    await expect.poll(async () => (await pagesState()).page).toBe(to);
  });

  it('searches without accents, highlights the match, and goes from match to match', async () => {
    await page.getByTestId('viewer-tab-fr').click();
    await page.locator('[data-testid="viewer-page-1"][data-rendered="true"]').waitFor();
    const fr = pdfs.get('fr')!;
    const expected = fr.pages.reduce((n, p) => n + (p.text.match(/sécurité/gi)?.length ?? 0), 0);
    expect(expected).toBeGreaterThan(3);
    await page.getByTestId('viewer-search').fill('securite');
    const selected = page.locator('.textLayer .highlight.selected');
    await selected.waitFor();
    expect((await selected.textContent())!.toLowerCase()).toBe('sécurité');
    await expect.poll(() => page.getByTestId('viewer-matches').textContent(), { timeout: 20_000 }).toMatch(/^Match 1 of \d+$/);
    const total = Number(/of (\d+)/.exec((await page.getByTestId('viewer-matches').textContent())!)![1]);
    // pdf.js may split a word across items or count the running header: within a few of the text's count.
    expect(total).toBeGreaterThanOrEqual(expected);
    const box = await selected.boundingBox();
    expect(box!.y).toBeGreaterThan(0);
    expect(box!.y).toBeLessThan(WIDE.height);
    await shot('viewer-search-fr');
    await page.getByTestId('viewer-search').press('Enter');
    await expect.poll(() => page.getByTestId('viewer-matches').textContent()).toBe(`Match 2 of ${total}`);
    await page.getByTestId('viewer-find-prev').click();
    await expect.poll(() => page.getByTestId('viewer-matches').textContent()).toBe(`Match 1 of ${total}`);
    await page.getByTestId('viewer-find-prev').click();
    // Before the first: round to the last.
    await expect.poll(() => page.getByTestId('viewer-matches').textContent()).toBe(`Match ${total} of ${total}`);
    await expect.poll(async () => (await pagesState()).page).toBeGreaterThan(3);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('downloads the edition it shows', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('viewer-download').click()]);
    const file = path.join(ARTIFACTS, 'viewer-panama-2025-fr.pdf');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe('panama-2025-fr.pdf');
    const saved = await loadPdf(file);
    expect(saved.pageCount).toBe(pdfs.get('fr')!.pageCount);
    expect(saved.info.Language).toMatch(/^fr/);
  });

  it('closes with Escape (after clearing the search) and gives focus back to Read', async () => {
    await page.getByTestId('viewer-search').focus();
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('viewer-search').inputValue()).toBe('');
    await expect.poll(() => page.locator('.textLayer .highlight').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('viewer').waitFor({ state: 'detached' });
    expect(await active()).toBe('view-en');
    expect(problems).toEqual([]);
  });

  it('reads well in French on a narrow window and in Spanish on a wide one', async () => {
    await page.getByTestId('ui-language').selectOption('fr');
    await page.setViewportSize(NARROW);
    const fr = createTranslator('fr');
    await expect.poll(() => page.getByTestId('view-fr').textContent()).toBe(fr('ui:report.read'));
    const sizes = await page.evaluate(() => ({ document: document.documentElement.scrollHeight, window: window.innerHeight }));
    expect(sizes.document).toBeLessThanOrEqual(sizes.window);
    await shot('pack-builder-narrow-fr');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('view-fr').click();
    await page.locator('[data-testid="viewer-page-1"][data-rendered="true"]').waitFor();
    // The bookmarks cover the pages on a narrow window: closed until asked for.
    expect(await page.getByTestId('viewer-outline-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('viewer-page-count').textContent()).toBe(fr('ui:viewer.ofPages', { total: pdfs.get('fr')!.pageCount }));
    await shot('viewer-narrow-fr');
    await page.getByTestId('viewer-outline-toggle').click();
    await page.getByTestId('viewer-outline').waitFor();
    await shot('viewer-narrow-outline-fr');
    expect(await seriousViolations(page)).toEqual([]);
    // A bookmark used, the panel gets out of the way of the page it went to.
    await page.getByTestId('viewer-outline').locator('button').nth(3).click();
    await page.getByTestId('viewer-outline').waitFor({ state: 'detached' });
    expect(await active()).toBe('viewer-pages');
    await expect.poll(async () => (await pagesState()).page).toBeGreaterThan(1);
    await page.getByTestId('viewer-close').click();

    await page.getByTestId('ui-language').selectOption('es');
    await page.setViewportSize(WIDE);
    const es = createTranslator('es');
    await page.getByTestId('view-es').click();
    await page.locator('[data-testid="viewer-page-1"][data-rendered="true"]').waitFor();
    await page.getByTestId('viewer-search').fill('palermo');
    await page.locator('.textLayer .highlight.selected').waitFor();
    await expect.poll(() => page.getByTestId('viewer-matches').textContent(), { timeout: 20_000 }).toMatch(new RegExp(`^${es('ui:viewer.matchOf', { position: 1, total: 999 }).replace('999', '\\d+')}$`));
    await shot('viewer-wide-es');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('viewer-close').click();
    await page.getByTestId('ui-language').selectOption('en');
    expect(problems).toEqual([]);
  });
  it('says so, in words, when a built file is gone or is not a PDF', async () => {
    const before = new Set(fs.readdirSync(app.ctx.outputDir));
    await page.getByTestId('build').click();
    await page.getByTestId('build-report').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByTestId('build-summary').count()).toBe(1);
    const folder = fs.readdirSync(app.ctx.outputDir).find((f) => !before.has(f))!;
    const file = (edition: string) => path.join(app.ctx.outputDir, folder, `panama-2025-${edition}.pdf`);
    fs.writeFileSync(file('en'), 'this is not a PDF at all');
    fs.rmSync(file('fr'));
    await page.getByTestId('view-en').click();
    const failed = page.locator('[data-testid="viewer-pages"][data-state="failed"]');
    await failed.waitFor();
    expect(await failed.getByRole('alert').textContent()).toBe(t('ui:viewer.notAPdf'));
    await page.getByTestId('viewer-tab-fr').click();
    await failed.waitFor();
    const gone = t('errors:api.unknownDownload', { id: `${folder}/panama-2025-fr.pdf` });
    expect(await failed.getByRole('alert').textContent()).toBe(t('ui:viewer.failed', { detail: gone }));
    // The other edition still opens.
    await page.getByTestId('viewer-tab-es').click();
    await page.locator('[data-testid="viewer-page-1"][data-rendered="true"]').waitFor();
    await page.getByTestId('viewer-close').click();
    expect(problems).toEqual([]);
  });
});
