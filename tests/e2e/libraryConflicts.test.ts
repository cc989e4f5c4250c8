import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/server';
import { RUN_BROWSER_TESTS, useBrowserSession, seriousViolations, type BrowserSession } from '../helpers/browser';
import { listConflicts, recordConflicts } from '../../main/services/sync/syncConflicts';
import type { MergeConflict } from '../../shared/sync/threeWayMerge';

/**
 * Sync conflicts in the library: rows of pieces with an open conflict are marked and a Conflicts
 * filter lists only them; the reading view and the editor name the piece's conflicts and lead to
 * the Sync screen's cards for that piece; once resolved, the mark and the filter follow. The
 * conflicts are stored as a sync stores them. Screenshots: test-artifacts/library-conflicts-*.png.
 */
let session: BrowserSession;
let app: TestApp;
let page: Page;

useBrowserSession((opened) => {
  session = opened;
  ({ app, page } = opened);
  page.setDefaultTimeout(10_000);
});

const shot = (name: string) => session.shot(`library-conflicts-${name}`);
const priority = (id: string) => app.ctx.store.readDocument().priorities.find((p) => p.id === id)!;

function conflictOn(id: string, locale: 'en' | 'fr', theirsText: string): MergeConflict {
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
    oursBy: 'Luc Tremblay (Ottawa)',
    theirsBy: 'Ana Ruiz (Secretariat)',
  };
}

describe.skipIf(!RUN_BROWSER_TESTS)('sync conflicts in the library', () => {
  beforeAll(async () => {
    const { store } = app.ctx;
    store.write(() =>
      recordConflicts(
        store,
        [conflictOn('prio-rps-1', 'en', 'Human security, in every dimension'), conflictOn('prio-rps-2', 'fr', 'Prévenir la violence')],
        '2026-12-03T10:00:00.000Z',
      ),
    );
    // The page was opened before the conflicts existed (a sync would have announced them).
    await page.reload();
    await page.getByTestId('nav-library').waitFor();
  });

  it('marks the rows of pieces in conflict; the Conflicts filter lists only them', async () => {
    await page.getByTestId('kind-priorities').click();
    const row = page.getByTestId('row-prio-rps-1');
    await row.waitFor();
    await expect.poll(() => row.getByTestId('conflict-mark').count()).toBe(1);
    expect(await page.getByTestId('row-prio-rps-3').getByTestId('conflict-mark').count()).toBe(0);
    await page.getByTestId('filter-conflicts').check();
    await expect.poll(() => page.getByTestId('library-list').getByRole('button').count()).toBe(2);
    expect(await page.getByTestId('library-count').innerText()).toMatch(/^2 shown of \d+ pieces$/);
    await shot('list-en');
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('the reading view names the piece’s conflict and leads to its card on the Sync screen', async () => {
    await page.getByTestId('row-prio-rps-1').click();
    const notice = page.getByTestId('piece-conflicts');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('An open sync conflict in this piece: Title (English)');
    await shot('reader-en');
    expect(await seriousViolations(page)).toEqual([]);
    await notice.getByTestId('piece-conflicts-resolve').click();
    await page.getByTestId('sync-piece-only').waitFor();
    expect(await page.getByTestId('sync-conflict').count()).toBe(1);
    expect(await page.getByTestId('sync-conflict').locator('h3').innerText()).toContain('Title (English)');
    expect(await page.getByTestId('sync-show-all').innerText()).toBe('Show all (2)');
    await shot('sync-piece-en');
    await page.getByTestId('sync-keep-ours').click();
    await page.getByTestId('sync-no-conflicts').waitFor();
    expect(listConflicts(app.ctx.store).map((c) => c.pieceId)).toEqual(['prio-rps-2']);
    expect(priority('prio-rps-1').title.en!.text).toBe('Human and multidimensional security');
  }, 60_000);

  it('after resolving, the filter lists only the other piece; its editor names its conflict, in French too', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('kind-priorities').click();
    await page.getByTestId('filter-conflicts').check();
    await expect.poll(() => page.getByTestId('library-list').getByRole('button').count()).toBe(1);
    await page.getByTestId('row-prio-rps-2').click();
    await page.getByTestId('reader-edit').click();
    await page.getByTestId('editor').waitFor();
    const notice = page.getByTestId('piece-conflicts');
    await notice.waitFor();
    expect(await notice.getByTestId('piece-conflicts-where').innerText()).toBe('Title (French)');
    await page.getByTestId('ui-language').selectOption('fr');
    await expect.poll(() => notice.getByTestId('piece-conflicts-resolve').innerText()).toBe('Le résoudre');
    await shot('editor-fr');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('ui-language').selectOption('en');
  }, 60_000);
});
