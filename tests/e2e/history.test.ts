import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/server';
import { RUN_BROWSER_TESTS, useBrowserSession, seriousViolations, type BrowserSession } from '../helpers/browser';

/**
 * A piece's history in Chromium: edit a French priority, see the change as a word diff, restore
 * the earlier version, undo that restore. Screenshots go to test-artifacts/history-*.png.
 */
let session: BrowserSession;
let app: TestApp;
let page: Page;

useBrowserSession((opened) => {
  session = opened;
  ({ app, page } = opened);
});

const shot = (name: string) => session.shot(`history-${name}`);
const PRIORITY = 'prio-rps-1';
const frenchTitle = () => app.ctx.store.readRecords([PRIORITY]).priorities[0]!.title.fr!.text;

describe.skipIf(!RUN_BROWSER_TESTS)('a piece’s history, in the app', () => {
  let original = '';

  it('an edit of the French title shows in the history with a word diff', async () => {
    original = frenchTitle();
    await page.getByTestId('kind-priorities').click();
    await page.getByTestId(`row-${PRIORITY}`).click();
    await page.getByTestId('reader-edit').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('field-title-fr').fill(`${original} renforcée`);
    await page.getByTestId('save').click();
    await expect.poll(frenchTitle).toBe(`${original} renforcée`);
    await page.getByTestId('open-history').click();
    const dialog = page.getByTestId('history-dialog');
    await dialog.getByTestId('history-v2').waitFor();
    expect(await dialog.getByTestId('history-what-2').innerText()).toBe('Title (French)');
    const diff = dialog.getByTestId('history-diff');
    await diff.waitFor();
    expect(await diff.locator('ins').innerText()).toContain('renforcée');
    // Marked for screen readers too, not by colour alone.
    expect(await diff.locator('ins').innerText()).toMatch(/insert|added/i);
    await shot('diff-en');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('restores version 1 after a confirmation, and Undo brings the edit back', async () => {
    const dialog = page.getByTestId('history-dialog');
    await dialog.getByTestId('history-restore-1').click();
    await shot('confirm-en');
    expect(frenchTitle()).toBe(`${original} renforcée`);
    await dialog.getByTestId('history-confirm').click();
    await expect.poll(frenchTitle).toBe(original);
    await dialog.getByTestId('history-v3').waitFor();
    expect(await dialog.getByTestId('history-what-3').innerText()).toBe('Restored from v1: Title (French)');
    expect(await dialog.getByTestId('history-notice').innerText()).toContain('Version 1 restored as version 3.');
    await shot('restored-en');
    await dialog.getByTestId('history-undo').click();
    await expect.poll(frenchTitle).toBe(`${original} renforcée`);
    await dialog.getByTestId('history-v4').waitFor();
    await dialog.getByTestId('history-close').click();
    // The editor shows what the library now holds.
    expect(await page.getByTestId('field-title-fr').inputValue()).toBe(`${original} renforcée`);
    await shot('after-undo-en');
  });

  it('in French and Spanish: the history names changes in the interface language', async () => {
    for (const [lang, what, restore] of [
      ['fr', 'Titre (Français)', 'Rétablir cette version'],
      ['es', 'Título (Francés)', 'Restablecer esta versión'],
    ] as const) {
      await page.getByTestId('ui-language').selectOption(lang);
      await page.getByTestId('open-history').click();
      const dialog = page.getByTestId('history-dialog');
      await dialog.getByTestId('history-v4').waitFor();
      await expect.poll(() => dialog.getByTestId('history-what-2').innerText()).toBe(what);
      expect(await dialog.getByTestId('history-restore-1').innerText()).toBe(restore);
      await shot(`list-${lang}`);
      await dialog.getByTestId('history-close').click();
    }
    await page.getByTestId('ui-language').selectOption('en');
  });
});
