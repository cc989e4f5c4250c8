import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/server';
import { RUN_BROWSER_TESTS, useBrowserSession, seriousViolations, type BrowserSession } from '../helpers/browser';
import { saveRecord } from '../../main/api/saveRecord';
import { approverNow } from '../../main/services/userName';

/** Past builds → "What changed since this build": the comparison by section, with word diffs. */
let session: BrowserSession;
let app: TestApp;
let page: Page;

useBrowserSession((opened) => {
  session = opened;
  ({ app, page } = opened);
});

describe.skipIf(!RUN_BROWSER_TESTS)('pack builder: what changed since a build', () => {
  it('lists the edited French priority under its section, with the kind of change and a word diff (en, fr)', async () => {
    await page.getByTestId('nav-packs').click();
    await page.getByTestId('pack-panama-2025').click();
    await page.getByTestId('pack-builder').waitFor();
    await page.getByTestId('build-mode').selectOption('fr');
    await page.getByTestId('build').click();
    await page.getByTestId('build-report').waitFor({ timeout: 90_000 });
    await expect.poll(() => page.getByTestId('past-build').count()).toBe(1);

    // Someone edits the French (original) text of priority 2 after the build.
    const store = app.ctx.store;
    const p = store.readDocument().priorities.find((x) => x.id === 'prio-rps-2')!;
    saveRecord(store, 'priorities', { ...p, body: { ...p.body, fr: { ...p.body.fr!, text: `${p.body.fr!.text} Suivi annuel.` } } }, approverNow(store));

    await page.getByTestId('past-build-changes').click();
    const view = page.getByTestId('build-changes');
    await expect.poll(() => view.getByTestId('build-changes-summary').textContent()).toBe('0 added, 0 removed, 1 changed.');
    expect(await view.getByTestId('build-changes-section').locator('h5').textContent()).toBe('Roadmap priorities');
    expect(await view.getByTestId('build-changes-piece').textContent()).toContain('Violence prevention — changed: text');
    expect(await view.locator('ins').textContent()).toContain('Suivi annuel.');
    await view.scrollIntoViewIfNeeded();
    await session.shot('build-changes-en');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('ui-language').selectOption('fr');
    await expect.poll(() => view.getByTestId('build-changes-summary').textContent()).toBe('0 ajout(s), 0 retrait(s), 1 modification(s).');
    expect(await view.getByTestId('build-changes-piece').textContent()).toContain('Prévention de la violence — modifié : texte');
    await session.shot('build-changes-fr');
    expect(await seriousViolations(page)).toEqual([]);
    await view.getByTestId('build-changes-close').click();
    expect(await page.getByTestId('build-changes').count()).toBe(0);

    // The next build compares with this one, chosen from Past builds; the picker says which.
    await page.getByTestId('ui-language').selectOption('en');
    const earlier = app.ctx.store.db.prepare("SELECT id FROM builds WHERE status = 'ok'").pluck().get() as string;
    expect(await page.getByTestId('build-changes-since').inputValue()).toBe('distributed');
    expect(await page.getByTestId('build-changes-since').locator('option:checked').textContent()).toBe('The last build sent out (none yet: no changes page)');
    await page.getByTestId('past-build-compare-next').click();
    expect(await page.getByTestId('build-changes-since').inputValue()).toBe(earlier);
    expect(await page.getByTestId('past-build-compare-next').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('build').click();
    await expect.poll(() => page.getByTestId('past-build').count(), { timeout: 90_000 }).toBe(2);
    const options = JSON.parse(app.ctx.store.db.prepare("SELECT options FROM builds WHERE id <> ? AND status = 'ok'").pluck().get(earlier) as string) as { changesSince: string };
    expect(options.changesSince).toBe(earlier);
    await expect.poll(() => page.getByTestId('past-build').first().getByTestId('past-build-compared').textContent()).toMatch(/^Changes page: since the build of /);
    await page.getByTestId('build-changes-since').scrollIntoViewIfNeeded();
    await session.shot('build-changes-since-picker-en');
    expect(await seriousViolations(page)).toEqual([]);
  }, 240_000);
});
