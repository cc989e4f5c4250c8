import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/server';
import { ARTIFACTS, RUN_BROWSER_TESTS, seriousViolations, useBrowserSession, type BrowserSession } from '../helpers/browser';

/**
 * The pack builder's details are the pack's descriptor (shared/descriptors/packDescriptor) drawn by
 * the same DescriptorForm as every other kind: its dates in the interface language's words and
 * order, its hints, and a bad value named by its label, with what was typed kept.
 */
let app: TestApp;
let page: Page;
useBrowserSession((s: BrowserSession) => ({ app, page } = s));

const packJson = () => JSON.stringify(app.ctx.store.readDocument().packs.find((p) => p.slug === 'panama-2025'));

describe.skipIf(!RUN_BROWSER_TESTS)('pack builder: the details form read from the pack’s descriptor', () => {
  it('shows every field the descriptor lists, dates as day, month and year in French order', async () => {
    await page.getByTestId('ui-language').selectOption('fr');
    await page.getByTestId('nav-packs').click();
    await page.getByTestId('pack-panama-2025').click();
    await page.getByTestId('pack-builder').waitFor();
    const builder = page.getByTestId('pack-builder');
    for (const id of ['pack-meeting', 'pack-paper', 'pack-reference', 'pack-version', 'pack-issued', 'localized-title', 'localized-subtitle', 'localized-audience', 'localized-classification', 'localized-watermark']) {
      expect(await builder.getByTestId(id).count(), id).toBe(1);
    }
    // The slug names the files: shown, not editable.
    expect(await builder.getByText('Nom court : panama-2025').count()).toBe(1);
    expect(await builder.getByTestId('field-slug').count()).toBe(0);
    // The paper's choices in words, the meeting by its title.
    expect(await page.getByTestId('pack-paper').locator('option').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/A4/)]));
    expect(await page.getByTestId('pack-issued').locator('input, select').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual([
      'pack-issued-day',
      'pack-issued-month',
      'pack-issued-year',
    ]);
    expect(await page.getByTestId('pack-issued-month').locator('option').nth(11).textContent()).toBe('novembre');
    // The hints the descriptor gives: the document line, the watermark.
    expect(await builder.getByText('Imprimé en travers de chaque page', { exact: false }).count()).toBe(1);
    await page.getByTestId('pack-reference').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'pack-details-fr.png') });
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);

  it('refuses 31 February by the field’s label in French, keeps what was typed and leaves the library as it was', async () => {
    const before = packJson();
    await page.getByTestId('pack-issued-day').fill('31');
    await page.getByTestId('pack-issued-month').selectOption('2');
    await page.getByTestId('pack-issued-year').fill('2026');
    await page.getByTestId('save').click();
    const error = page.getByTestId('pack-builder').getByTestId('error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Date de publication');
    expect(await error.textContent()).not.toMatch(/issued|Unexpected|inattendue/);
    expect(await page.getByTestId('pack-issued-day').inputValue()).toBe('31');
    expect(await page.getByTestId('pack-issued-year').inputValue()).toBe('2026');
    // Focus goes to the field the message names.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toMatch(/^pack-issued-/);
    expect(packJson()).toBe(before);
    await page.screenshot({ path: path.join(ARTIFACTS, 'pack-details-bad-date-fr.png') });
  }, 60_000);

  it('saves a corrected date, and a document line of spaces alone as none', async () => {
    await page.getByTestId('pack-issued-day').fill('27');
    await page.getByTestId('pack-issued-month').selectOption('11');
    await page.getByTestId('pack-issued-year').fill('2025');
    await page.getByTestId('pack-reference').fill('   ');
    await page.getByTestId('pack-version').fill('Rév. 1');
    await page.getByTestId('pack-paper').selectOption('letter');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('pack-builder').getByTestId('error').count()).toBe(0);
    await expect.poll(() => JSON.parse(packJson()).issued).toBe('2025-11-27');
    const pack = JSON.parse(packJson());
    expect(pack).toMatchObject({ reference: null, version: 'Rév. 1', paper: 'letter' });
  }, 60_000);
});
