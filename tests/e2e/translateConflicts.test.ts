import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/server';
import { RUN_BROWSER_TESTS, useBrowserSession, seriousViolations, type BrowserSession } from '../helpers/browser';
import { listConflicts, recordConflicts } from '../../main/services/sync/syncConflicts';
import type { MergeConflict } from '../../shared/sync/threeWayMerge';

/**
 * Sync conflicts where the translator works: the Conflicts filter lists the texts an open conflict
 * bears on (an approved or draft one alike), each row marked; the open text shows the Sync screen's
 * card (base, ours, theirs) and is resolved there; the list follows. The conflicts are stored as a
 * sync stores them (the git side is syncConflicts.test.ts). Screenshots: test-artifacts/translate-conflicts-*.png.
 */
let session: BrowserSession;
let app: TestApp;
let page: Page;

useBrowserSession((opened) => {
  session = opened;
  ({ app, page } = opened);
  page.setDefaultTimeout(10_000);
});

const shot = (name: string) => session.shot(`translate-conflicts-${name}`);
const priority = (id: string) => app.ctx.store.readDocument().priorities.find((p) => p.id === id)!;
const THEIRS_EN = 'Human, multidimensional and climate security';
const MERGED_ES = 'Seguridad humana, multidimensional y climática';

function conflictOn(id: string, locale: 'en' | 'es', theirsText: string): MergeConflict {
  const cell = priority(id).title[locale]!;
  return {
    kind: 'cell',
    collection: 'priorities',
    pieceId: id,
    section: null,
    field: 'title',
    locale,
    base: cell,
    ours: cell,
    theirs: { ...cell, text: theirsText },
    oursBy: 'Ana Pérez (Ottawa)',
    theirsBy: 'Ana Ruiz (Secretariat)',
  };
}

describe.skipIf(!RUN_BROWSER_TESTS)('sync conflicts in the translator’s view', () => {
  beforeAll(() => {
    const { store } = app.ctx;
    store.write(() =>
      recordConflicts(store, [conflictOn('prio-rps-1', 'en', THEIRS_EN), conflictOn('prio-rps-2', 'es', 'Prevención de las violencias')], '2026-12-03T10:00:00.000Z'),
    );
  });

  it('marks the rows in conflict; the filter lists only them, whatever their state', async () => {
    await page.getByTestId('nav-translate').click();
    await page.getByTestId('tr-source').selectOption('fr');
    await page.getByTestId('tr-target').selectOption('en');
    const row = page.getByTestId('tr-unit-prio-rps-1-title');
    await page.getByTestId('tr-search').fill('multidimensionnelle');
    await row.waitFor();
    await expect.poll(() => row.getByTestId('conflict-mark').count()).toBe(1);
    // The Spanish conflict is not the English unit's.
    await page.getByTestId('tr-search').fill('violence');
    await page.getByTestId('tr-unit-prio-rps-2-title').waitFor();
    expect(await page.getByTestId('tr-unit-prio-rps-2-title').getByTestId('conflict-mark').count()).toBe(0);
    await page.getByTestId('tr-search').fill('');

    await page.getByTestId('tr-filter-conflicts').check();
    await expect.poll(() => page.getByTestId('tr-count').innerText()).toBe('1 text');
    expect(await page.getByTestId('tr-filter-draft').isDisabled()).toBe(true);
    expect(await page.getByTestId('tr-list').getByTestId('conflict-mark').count()).toBe(1);
  }, 60_000);

  it('the open text shows base, ours and theirs with word diffs, in the Sync screen’s card', async () => {
    const here = page.getByTestId('tr-conflicts');
    await here.waitFor();
    const card = here.getByTestId('sync-conflict');
    expect(await card.count()).toBe(1);
    expect(await card.locator('h3').innerText()).toContain('Title (English)');
    expect(await card.getByTestId('sync-base').innerText()).toContain('Human and multidimensional security');
    expect(await card.getByTestId('sync-theirs').innerText()).toContain('Ana Ruiz (Secretariat)');
    expect((await card.getByTestId('sync-theirs').locator('ins').allInnerTexts()).join(' ')).toContain('climate');
    await shot('open-en');
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('keeping theirs writes their text; the filter then lists nothing and the header counts one', async () => {
    await page.getByTestId('tr-conflicts').getByTestId('sync-keep-theirs').click();
    await page.getByTestId('tr-empty').waitFor();
    expect(await page.getByTestId('tr-conflicts').count()).toBe(0);
    expect(priority('prio-rps-1').title.en!.text).toBe(THEIRS_EN);
    await expect.poll(() => page.getByTestId('sync-conflict-count').innerText()).toBe('1 sync conflict');
    await shot('resolved-en');
  }, 60_000);

  it('into Spanish, in French: the other conflict, resolved with a merged text', async () => {
    await page.getByTestId('ui-language').selectOption('fr');
    await page.getByTestId('tr-target').selectOption('es');
    const card = page.getByTestId('tr-conflicts').getByTestId('sync-conflict');
    await card.waitFor();
    await expect.poll(() => page.getByTestId('tr-conflicts').locator('h3').first().innerText()).toBe('Un conflit de synchronisation sur ce texte');
    await expect.poll(() => page.getByTestId('tr-count').innerText()).toBe('1 texte');
    await shot('open-fr');
    expect(await seriousViolations(page)).toEqual([]);
    await card.getByTestId('sync-merged-text').fill(MERGED_ES);
    await card.getByTestId('sync-save-merged').click();
    await page.getByTestId('tr-empty').waitFor();
    expect(priority('prio-rps-2').title.es).toMatchObject({ text: MERGED_ES, status: 'draft' });
    expect(listConflicts(app.ctx.store)).toEqual([]);
    await expect.poll(() => page.getByTestId('sync-conflict-count').count()).toBe(0);
    await page.getByTestId('tr-filter-conflicts').uncheck();
    await page.getByTestId('ui-language').selectOption('en');
  }, 60_000);
});
