import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/server';
import { RUN_BROWSER_TESTS, openBrowserSession, seriousViolations, type BrowserSession } from '../helpers/browser';
import { serializeLibrary } from '../../main/services/exportLibrary';

/**
 * Deleting with references, undo and "Recently deleted" in Chromium, as a secretariat would
 * in browser mode. Screenshots go to test-artifacts/crud-*.png.
 */
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

const shot = (name: string) => session.shot(`crud-${name}`);
const exported = () => serializeLibrary(app.ctx.store.readDocument());
const NOTE = 'note-unga-trafficking-2025';

async function openNote(): Promise<void> {
  await page.getByTestId('kind-notes').click();
  await page.getByTestId(`row-${NOTE}`).click();
  await page.getByTestId('editor').waitFor();
}

describe.skipIf(!RUN_BROWSER_TESTS)('deleting a piece others refer to, in the app', () => {
  it('shows what refers to the note by title, and Cancel leaves the library byte-identical', async () => {
    const before = exported();
    const packTitle = app.ctx.store.readDocument().packs[0]!.title.en!.text;
    await openNote();
    await page.getByTestId('delete-piece').click();
    const dialog = page.getByTestId('delete-piece-dialog');
    await dialog.getByTestId('delete-references').waitFor();
    const listed = await dialog.getByTestId('delete-references').innerText();
    expect(listed).toContain(`Pack “${packTitle}”`);
    expect(listed).toContain('in the section');
    // No raw ids in what a user reads.
    expect(await dialog.innerText()).not.toMatch(/pack-panama|note-unga|-s\d\b/);
    expect(await dialog.getByTestId('dialog-confirm').innerText()).toBe('Remove the references and delete');
    await shot('delete-dialog-en');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByTestId('dialog-cancel').click();
    await expect.poll(() => page.getByTestId('delete-piece-dialog').count()).toBe(0);
    // Focus is back on the Delete button that opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('delete-piece');
    expect(exported()).toBe(before);
  });

  it('removes the reference and deletes, then Undo brings both back', async () => {
    const before = exported();
    await page.getByTestId('delete-piece').click();
    await page.getByTestId('delete-references').waitFor();
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('deleted-notice').waitFor();
    expect(app.ctx.store.kindOf(NOTE)).toBeUndefined();
    expect(await page.getByTestId(`row-${NOTE}`).count()).toBe(0);
    expect(await page.getByTestId('deleted-notice').innerText()).toContain('removed from the piece that used it');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('undo-delete');
    await shot('deleted-notice-en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('undo-delete').click();
    await page.getByTestId('editor').waitFor();
    expect(exported()).toBe(before);
  });

  it('in French: deletes again and restores from “Supprimés récemment”', async () => {
    const before = exported();
    await page.getByTestId('ui-language').selectOption('fr');
    await page.getByTestId('delete-piece').click();
    await page.getByTestId('delete-references').waitFor();
    expect(await page.getByTestId('dialog-confirm').innerText()).toBe('Retirer les références et supprimer');
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('deleted-notice').waitFor();
    await page.getByTestId('open-trash').click();
    const trash = page.getByTestId('trash-dialog');
    await trash.getByTestId(`trash-${NOTE}`).waitFor();
    expect(await trash.innerText()).toContain('Supprimés récemment');
    await shot('trash-fr');
    expect(await seriousViolations(page)).toEqual([]);
    await trash.getByTestId(`restore-${NOTE}`).click();
    await trash.getByTestId('trash-empty').waitFor();
    await trash.getByTestId('trash-close').click();
    await page.getByTestId(`row-${NOTE}`).waitFor();
    expect(exported()).toBe(before);
    await page.getByTestId('ui-language').selectOption('en');
  });

  it('refuses a country a meeting is held in, naming the meeting, and deletes nothing', async () => {
    const before = exported();
    await page.getByTestId('kind-countries').click();
    await page.getByTestId('row-PA').click();
    await page.getByTestId('delete-piece').click();
    await page.getByTestId('delete-blocked').waitFor();
    expect(await page.getByTestId('delete-required').innerText()).toMatch(/^Meeting “.+” — Host country$/);
    expect(await page.getByTestId('dialog-confirm').isDisabled()).toBe(true);
    await shot('delete-blocked-en');
    await page.keyboard.press('Escape');
    expect(exported()).toBe(before);
  });

  it('deletes a pack from the pack list and undoes it', async () => {
    const before = exported();
    await page.getByTestId('nav-packs').click();
    await page.getByTestId('delete-panama-2025').click();
    await page.getByTestId('delete-dialog').getByTestId('delete-unused').waitFor();
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('deleted-notice').waitFor();
    await expect.poll(() => page.getByTestId('pack-panama-2025').count()).toBe(0);
    await page.getByTestId('undo-delete').click();
    await page.getByTestId('pack-panama-2025').waitFor();
    expect(exported()).toBe(before);
  });
});
