import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/server';
import { RUN_BROWSER_TESTS, openBrowserSession, seriousViolations, type BrowserSession } from '../helpers/browser';
import { pngBytes } from '../helpers/images';

/** The pack editor's paper fields: watermark per language, document line, numbered paragraphs, logo. */
let session: BrowserSession;
let app: TestApp;
let page: Page;

beforeAll(async () => {
  if (!RUN_BROWSER_TESTS) return;
  session = await openBrowserSession();
  ({ app, page } = session);
  await page.goto(app.server.url);
  await page.getByTestId('nav-library').waitFor();
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describe.skipIf(!RUN_BROWSER_TESTS)('pack editor: a secretariat’s paper', () => {
  it('sets the document line, a watermark in each language, numbering and a logo, and saves them', async () => {
    await page.getByTestId('nav-packs').click();
    await page.getByTestId('pack-panama-2025').click();
    await page.getByTestId('pack-builder').waitFor();
    await page.getByTestId('field-watermark-en').fill('DRAFT');
    await page.getByTestId('field-watermark-fr').fill('PROJET');
    await page.getByTestId('field-watermark-es').fill('BORRADOR');
    await page.getByTestId('pack-reference').fill('PA/RPS/2025/1');
    await page.getByTestId('pack-version').fill('2');
    // Day, month by name and year, in the interface language's order (as every date in a form).
    await page.getByTestId('pack-issued-day').fill('27');
    await page.getByTestId('pack-issued-month').selectOption('11');
    await page.getByTestId('pack-issued-year').fill('2025');
    await page.getByTestId('option-numberedParagraphs').check();

    // A file that is not an image: named, translated, nothing changes.
    await page.getByTestId('pack-logo-file').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
    await expect.poll(() => page.getByTestId('pack-logo-problem').textContent()).toBe('notes.png: not a PNG or JPEG image');
    expect(await page.getByTestId('pack-logo-preview').count()).toBe(0);

    await page.getByTestId('pack-logo-file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: pngBytes(200, 60) });
    await page.getByTestId('pack-logo-preview').waitFor();
    expect(await page.getByTestId('pack-logo-problem').count()).toBe(0);
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved');
    await session.shot('pack-paper-en');
    expect(await seriousViolations(page)).toEqual([]);

    const pack = app.ctx.store.readDocument().packs.find((p) => p.slug === 'panama-2025')!;
    expect(pack).toMatchObject({ reference: 'PA/RPS/2025/1', version: '2', issued: '2025-11-27' });
    expect(pack.options.numberedParagraphs).toBe(true);
    expect(pack.watermark?.fr?.text).toBe('PROJET');
    expect(pack.logo?.type).toBe('image/png');
    expect(Buffer.from(pack.logo!.data, 'base64')).toEqual(pngBytes(200, 60));
  }, 120_000);

  it('refuses a logo whose bytes the API is sent wrongly, naming the field', async () => {
    const pack = app.ctx.store.readDocument().packs.find((p) => p.slug === 'panama-2025')!;
    const result = await app.api.invoke('packs.save', { record: { ...pack, logo: { type: 'image/jpeg', data: pack.logo!.data } } });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain('logoWrongType');
  });
});
