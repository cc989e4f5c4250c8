import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/server';
import { RUN_BROWSER_TESTS, openBrowserSession, seriousViolations, type BrowserSession } from '../helpers/browser';
import { createTranslator } from '../../shared/locales/createTranslator';

/**
 * The meeting form's participating countries, and the build panel's "approved only" option, as a
 * user drives them in browser mode. Screenshots go to test-artifacts/.
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

describe.skipIf(!RUN_BROWSER_TESTS)('participants and approved-only builds, end to end', () => {
  it('shows the Panama meeting’s 21 participating countries and saves a change to them', async () => {
    await page.getByTestId('kind-meetings').click();
    await page.getByTestId('row-meet-rps-panama-2025').click();
    // A row opens the reading view; Edit opens the editor.
    await page.getByTestId('reader-edit').click();
    await page.getByTestId('editor').waitFor();
    const list = page.getByTestId('participants');
    await list.waitFor();
    expect(await list.locator('input[type="checkbox"]:checked').count()).toBe(21);
    await session.shot('meeting-participants-en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('participants-CU').uncheck();
    await page.getByTestId('save').click();
    await expect
      .poll(() => app.ctx.store.readDocument().meetings[0]!.participants.includes('CU'))
      .toBe(false);
    expect(app.ctx.store.readDocument().meetings[0]!.participants).toHaveLength(20);
  });

  it('refuses an approved-only build of the English drafts with a message naming what blocks, and writes nothing', async () => {
    const t = createTranslator('en');
    await page.getByTestId('nav-packs').click();
    await page.getByTestId('pack-panama-2025').click();
    await page.getByTestId('pack-builder').waitFor();
    await page.getByTestId('build-mode').selectOption('en');
    await page.getByTestId('build-require-approved').check();
    await session.shot('build-require-approved-en');
    await page.getByTestId('build').click();
    const error = page.getByTestId('strict-failure');
    await error.waitFor({ timeout: 60_000 });
    // The app's own wording, each text named by its piece's title once the names have come.
    await expect.poll(async () => (await error.textContent()) ?? '', { timeout: 30_000 }).not.toContain('…');
    const text = (await error.textContent()) ?? '';
    const network = app.ctx.store.readDocument().networks.find((n) => n.id === 'net-rps')!;
    expect(text).toContain(network.name.en!.text);
    expect(text).not.toContain(t('ui:issues.untitled'));
    expect(text).not.toContain('--require-approved');
    await session.shot('build-require-approved-refused-en');
  });
});
