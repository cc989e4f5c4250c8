import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/server';
import { hashSourceText } from '../../main/db/textHash';
import { ARTIFACTS, RUN_BROWSER_TESTS, useBrowserSession, seriousViolations, type BrowserSession } from '../helpers/browser';

/**
 * The termbase end to end (browser mode, starter library): the translator's view flags a
 * forbidden Spanish term and proposes the preferred one, and approving asks first; the
 * Terminology screen finds a concept and a term added there is checked at once; the translation
 * memory offers another piece's approved translation, inserted with the keyboard.
 */
let session: BrowserSession;
let app: TestApp;
let page: Page;

useBrowserSession((opened) => {
  session = opened;
  ({ app, page } = opened);
  page.setDefaultTimeout(10_000);
});

const UNIT = 'tr-unit-note-unga-trafficking-2025-title';

async function openTitle() {
  await page.getByTestId('nav-translate').click();
  await page.getByTestId('tr-target').selectOption('es');
  await page.getByTestId('tr-search').fill('note-unga-trafficking-2025');
  await page.getByTestId(UNIT).click();
  await page.locator('[data-testid="tr-editor"][aria-busy="false"]').waitFor();
}

describe.skipIf(!RUN_BROWSER_TESTS)('the termbase, end to end', () => {
  it('flags “trata de seres humanos” in a Spanish text and proposes “trata de personas”', async () => {
    await openTitle();
    const terms = page.getByTestId('tr-terms');
    await expect.poll(() => terms.locator('[data-concept="un-trafficking-in-persons"]').getAttribute('data-used')).toBe('true');
    const target = page.getByTestId('tr-target-text');
    await target.fill((await target.inputValue()).replace('Trata de Personas', 'trata de seres humanos'));
    const forbidden = page.locator('[data-check="termForbidden"]');
    await expect.poll(() => forbidden.textContent()).toContain('“trata de seres humanos” is a forbidden term');
    expect(await forbidden.textContent()).toContain('trata de personas');
    expect(await terms.locator('[data-concept="un-trafficking-in-persons"]').getAttribute('data-used')).toBe('false');
    await session.shot('terms-translate-forbidden');
    // Approving asks first, like the other checks; nothing is written meanwhile.
    await page.getByTestId('tr-approve-next').click();
    const ask = page.locator('dialog[open]');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('trata de seres humanos');
    await ask.getByTestId('dialog-cancel').click();
    const stored = app.ctx.store.texts.readPiece('note-unga-trafficking-2025').get('title')!.es!;
    expect(stored.text).toContain('Trata de Personas');
  });

  it('lists and searches concepts on the Terminology screen, and a term added there is checked at once', async () => {
    await page.getByTestId('nav-terms').click();
    // The forbidden term typed above was never saved: leaving asks first.
    await page.getByTestId('unsaved-dialog').getByTestId('dialog-confirm').click();
    await page.getByTestId('concept-list').waitFor();
    await page.getByTestId('terms-search').fill('seres humanos');
    await expect.poll(() => page.getByTestId('concept').count()).toBe(1);
    expect(await page.getByTestId('concept').getAttribute('data-concept')).toBe('un-trafficking-in-persons');
    expect(await seriousViolations(page)).toEqual([]);
    await session.shot('terms-screen-search');

    await page.getByTestId('terms-search').fill('');
    await page.getByTestId('concept-new').click();
    await page.getByTestId('concept-id').fill('c-general-assembly');
    await page.getByTestId('term-text').fill('General Assembly');
    await page.getByTestId('term-add').click();
    const rows = page.getByTestId('term-row');
    await rows.nth(1).locator('select').first().selectOption('es');
    await rows.nth(1).getByTestId('term-text').fill('Asamblea Plenaria');
    await rows.nth(1).getByTestId('term-status').selectOption('forbidden');
    await session.shot('terms-screen-editor');
    await page.getByTestId('concept-save').click();
    await expect.poll(() => page.getByTestId('terms-notice').textContent()).toBe('Concept c-general-assembly saved.');
    expect(app.ctx.store.terms.read('c-general-assembly')!.terms.map((t) => [t.locale, t.text, t.status])).toEqual([
      ['en', 'General Assembly', 'preferred'],
      ['es', 'Asamblea Plenaria', 'forbidden'],
    ]);

    await openTitle();
    const target = page.getByTestId('tr-target-text');
    await target.fill(`${await target.inputValue()} (Asamblea Plenaria)`);
    await expect.poll(() => page.locator('[data-check="termForbidden"]').textContent()).toContain('Asamblea Plenaria');
  });

  it('exports the termbase as TBX and refuses a bad TBX file with its line, nothing imported', async () => {
    await page.getByTestId('nav-terms').click();
    // The text typed at the end of the last test was never saved.
    await page.getByTestId('unsaved-dialog').getByTestId('dialog-confirm').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('terms-export-tbx').click()]);
    const file = path.join(ARTIFACTS, 'termbase-e2e.tbx');
    await download.saveAs(file);
    expect(fs.readFileSync(file, 'utf8')).toContain('<term>trata de personas</term>');

    const before = app.ctx.store.terms.readAll();
    const bad = path.join(ARTIFACTS, 'bad-e2e.tbx');
    fs.writeFileSync(bad, fs.readFileSync(file, 'utf8').replace('<term>trata de personas</term>', '<term> </term>'));
    await page.getByTestId('terms-import-tbx').setInputFiles(bad);
    const error = page.getByTestId('terms-tbx-error');
    await expect.poll(() => error.textContent()).toMatch(/Concept un-trafficking-in-persons, line \d+: a term in language es is empty\. Nothing was imported\./);
    expect(app.ctx.store.terms.readAll()).toEqual(before);
    await session.shot('terms-screen-bad-tbx');
  });

  it('offers a fuzzy match from another piece and inserts it with Alt+1', async () => {
    const store = app.ctx.store;
    const first = store.texts.readPiece('prio-rps-1').get('title')!;
    const at = new Date().toISOString();
    const fr = first.fr!.text;
    // Another piece's approved translation, and a near-identical French title on this one.
    store.write(() => {
      store.texts.replaceField('prio-rps-1', 'title', {
        ...first,
        es: { text: 'Seguridad humana: título aprobado', status: 'approved', from: 'fr', sourceHash: hashSourceText(fr), approvedBy: 'Ana', approvedAt: at },
      }, at);
      const second = store.texts.readPiece('prio-rps-2').get('title')!;
      store.texts.replaceField('prio-rps-2', 'title', { ...second, fr: { ...second.fr!, text: `${fr} régionale` } }, at);
    });
    await page.getByTestId('nav-translate').click();
    await page.getByTestId('tr-refresh').click().catch(() => undefined);
    await page.getByTestId('tr-target').selectOption('es');
    await page.getByTestId('tr-search').fill('régionale');
    await page.getByTestId('tr-unit-prio-rps-2-title').click();
    await page.locator('[data-testid="tr-editor"][aria-busy="false"]').waitFor();
    const match = page.getByTestId('tr-memory-match').first();
    await match.waitFor();
    expect(Number(await match.getAttribute('data-score'))).toBeLessThan(100);
    expect(await match.locator('ins').count()).toBeGreaterThan(0);
    await session.shot('memory-match');
    const target = page.getByTestId('tr-target-text');
    await target.fill('');
    await target.press('Alt+1');
    await expect.poll(() => target.inputValue()).toBe('Seguridad humana: título aprobado');

    // Concordance: how the phrase was translated before, across approved pairs.
    await page.getByTestId('tr-concordance').fill('título APROBADO');
    await expect.poll(() => page.getByTestId('tr-concordance-pair').count()).toBe(1);
    expect(await page.getByTestId('tr-concordance-pair').textContent()).toContain(fr);
    await page.getByTestId('tr-concordance').scrollIntoViewIfNeeded();
    await session.shot('memory-concordance');
  });
});

