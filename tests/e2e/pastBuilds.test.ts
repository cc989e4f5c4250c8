import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/server';
import { tempDir } from '../helpers/cli';
import { buildRecipientCopies } from '../../main/pdf/recipientCopies';
import { RUN_BROWSER_TESTS, useBrowserSession, seriousViolations, type BrowserSession } from '../helpers/browser';

/** The pack builder's list of past builds, from the library's build records. */
let session: BrowserSession;
let app: TestApp;
let page: Page;

useBrowserSession((opened) => {
  session = opened;
  ({ app, page } = opened);
});

describe.skipIf(!RUN_BROWSER_TESTS)('pack builder: past builds', () => {
  it('lists each build (who, editions, pages, status), opens one, and says when a file is gone', async () => {
    await page.getByTestId('nav-packs').click();
    await page.getByTestId('pack-panama-2025').click();
    await page.getByTestId('pack-builder').waitFor();
    await page.getByTestId('build-mode').selectOption('fr');
    await page.getByTestId('build').click();
    await page.getByTestId('build-report').waitFor({ timeout: 90_000 });
    await expect.poll(() => page.getByTestId('past-build').count()).toBe(1);
    await page.getByTestId('build-mode').selectOption('en');
    await page.getByTestId('build').click();
    await expect.poll(() => page.getByTestId('past-build').count(), { timeout: 90_000 }).toBe(2);
    const newest = page.getByTestId('past-build').first();
    expect(await newest.getAttribute('data-status')).toBe('ok');
    expect(await newest.textContent()).toMatch(/built.*English edition: \d+ pages/s);

    // The older (French) build's file is removed: the list says so and offers no Open.
    const record = app.ctx.store.db.prepare("SELECT path FROM build_outputs WHERE edition = 'fr'").pluck().get() as string;
    fs.rmSync(record);
    await page.getByTestId('nav-library').click();
    await page.getByTestId('nav-packs').click();
    await page.getByTestId('pack-panama-2025').click();
    await expect.poll(() => page.getByTestId('past-build-file-note').textContent()).toBe(`French edition: the file is no longer at ${record}.`);
    expect(await page.getByTestId('past-build').nth(1).getByTestId('past-build-open').count()).toBe(0);
    await page.getByTestId('past-builds').scrollIntoViewIfNeeded();
    await session.shot('past-builds-en');
    expect(await seriousViolations(page)).toEqual([]);

    // Its file gone, the French build is rebuilt from the manifest the library kept: the same
    // bytes as first built, downloaded (browser mode) with the name the build gave it.
    const older = page.getByTestId('past-build').nth(1);
    await older.getByTestId('past-build-rebuild').click();
    await older.getByTestId('rebuilt-fr').waitFor({ timeout: 90_000 });
    expect(await older.getByTestId('rebuilt-fr').getAttribute('data-same')).toBe('true');
    expect(await older.getByTestId('rebuilt-fr').textContent()).toContain('French edition rebuilt (panama-2025-fr.pdf): the same bytes as first built.');
    const [download] = await Promise.all([page.waitForEvent('download'), older.getByTestId('rebuilt-save-fr').click()]);
    expect(download.suggestedFilename()).toBe('panama-2025-fr.pdf');
    const saved = path.join(tempDir(), 'rebuilt-fr.pdf');
    await download.saveAs(saved);
    const frSha = app.ctx.store.db.prepare("SELECT sha256 FROM build_outputs WHERE edition = 'fr'").pluck().get() as string;
    expect(createHash('sha256').update(fs.readFileSync(saved)).digest('hex')).toBe(frSha);
    await session.shot('past-builds-rebuilt-en');
    expect(await seriousViolations(page)).toEqual([]);
    await older.getByTestId('rebuild-close').click();

    // A version the library no longer holds is named, with its piece, in the interface's language.
    const frPieces = app.ctx.store.db.prepare("SELECT piece_id FROM build_pieces WHERE build_id = (SELECT build_id FROM build_outputs WHERE edition = 'fr') AND kind = 'priority' ORDER BY piece_id").pluck().all() as string[];
    const lost = frPieces[0]!;
    // The piece reads differently now and its history lost the version built (both put back after).
    const edit = app.ctx.store.db.prepare("UPDATE texts SET body = ? WHERE piece_id = ? AND field = 'title' AND locale = 'en'");
    const title = app.ctx.store.db.prepare("SELECT body FROM texts WHERE piece_id = ? AND field = 'title' AND locale = 'en'").pluck().get(lost) as string;
    edit.run(`${title} (edited)`, lost);
    app.ctx.store.db.prepare('UPDATE piece_versions SET piece_id = ? WHERE piece_id = ?').run(`${lost}-hidden`, lost);
    try {
      await older.getByTestId('past-build-rebuild').click();
      await older.getByTestId('rebuild-error').waitFor({ timeout: 60_000 });
      expect(await older.getByTestId('rebuild-error').textContent()).toMatch(new RegExp(`Pack panama-2025 cannot be rebuilt: the library no longer holds 1 of the versions it used\\..*\\(${lost}\\)`));
      await session.shot('past-builds-rebuild-missing-en');
      expect(await seriousViolations(page)).toEqual([]);
      await older.getByTestId('rebuild-close').click();
    } finally {
      app.ctx.store.db.prepare('UPDATE piece_versions SET piece_id = ? WHERE piece_id = ?').run(lost, `${lost}-hidden`);
      edit.run(title, lost);
    }

    // Marking the newest build as distributed: blank lines and spaces are dropped; the record keeps who received it.
    await newest.getByTestId('past-build-distribute').click();
    await newest.getByTestId('distribute-names').fill('Delegation of Panama\n\n  Ana Pérez  ');
    await session.shot('past-builds-distribute-en');
    expect(await seriousViolations(page)).toEqual([]);
    await newest.getByTestId('distribute-save').click();
    await expect.poll(() => newest.getByTestId('past-build-recipients').textContent()).toBe('Sent to Delegation of Panama, Ana Pérez');
    const buildId = app.ctx.store.db.prepare("SELECT build_id FROM build_outputs WHERE edition = 'en'").pluck().get() as string;
    expect(app.ctx.store.db.prepare('SELECT recipient FROM build_distributions WHERE build_id = ? ORDER BY rowid').pluck().all(buildId)).toEqual(['Delegation of Panama', 'Ana Pérez']);
    expect(await page.getByTestId('past-build').nth(1).getByTestId('past-build-recipients').count()).toBe(0);

    await newest.getByTestId('past-build-open').click();
    await page.getByRole('dialog').waitFor();
    await session.shot('past-builds-open-en');
    await page.keyboard.press('Escape');

    // A personalized copy (briefing build --recipients) says whose it is, and to whom it went.
    await buildRecipientCopies(app.ctx.builds, app.ctx.store, { pack: 'panama-2025', mode: 'es', out: tempDir() }, [{ line: 2, name: 'María Díaz', organisation: 'Senado de Chile', language: null }]);
    await page.getByTestId('nav-library').click();
    await page.getByTestId('nav-packs').click();
    await page.getByTestId('pack-panama-2025').click();
    await page.getByTestId('ui-language').selectOption('es');
    const copy = page.getByTestId('past-build').first();
    await expect.poll(() => copy.getByTestId('past-build-copy-for').textContent()).toBe('Ejemplar personalizado para María Díaz (Senado de Chile)');
    expect(await copy.getByTestId('past-build-recipients').textContent()).toContain('María Díaz (Senado de Chile)');
    await copy.scrollIntoViewIfNeeded();
    await session.shot('past-builds-copy-es');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('ui-language').selectOption('en');
  }, 240_000);
});
