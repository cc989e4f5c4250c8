import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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

// The tests share one page: one that fails half-way must not leave the next in French or Spanish.
afterEach(async () => {
  if (!RUN_BROWSER_TESTS) return;
  const language = page.getByTestId('ui-language');
  if ((await language.inputValue({ timeout: 5_000 }).catch(() => 'en')) !== 'en') await language.selectOption('en', { timeout: 5_000 }).catch(() => undefined);
});

const shot = (name: string) => session.shot(`crud-${name}`);
const exported = () => serializeLibrary(app.ctx.store.readDocument());
const NOTE = 'note-unga-trafficking-2025';

async function openNote(): Promise<void> {
  await page.getByTestId('kind-notes').click();
  // A row opens the reading view; deleting is done from the editor, an explicit step away.
  await page.getByTestId(`row-${NOTE}`).click();
  await page.getByTestId('reader-edit').click();
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
    // The notice comes from the delete's answer; the list refreshes after it, on its own request.
    await expect.poll(() => page.getByTestId(`row-${NOTE}`).count()).toBe(0);
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
    await page.getByTestId('reader-edit').click();
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

describe.skipIf(!RUN_BROWSER_TESTS)('a pack with a 300-character title, in the app', () => {
  it('is created from the title alone, opens, and is deleted from the list', async () => {
    const title = `Briefing for the extraordinary session on ${'citizen security, gender equality and climate resilience; '.repeat(6)}`.slice(0, 300);
    await page.getByTestId('nav-packs').click();
    await page.getByTestId('new-pack').click();
    await page.getByTestId('new-pack-title').fill(title);
    expect((await page.getByTestId('new-pack-slug').inputValue()).length).toBeLessThanOrEqual(59);
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('pack-builder').waitFor();
    const pack = app.ctx.store.readDocument().packs.find((p) => p.title.en?.text === title)!;
    expect(pack.id.length).toBeLessThanOrEqual(64);
    await page.getByTestId('back-to-packs').click();
    await page.getByTestId(`delete-${pack.slug}`).click();
    await page.getByTestId('delete-dialog').getByTestId('delete-unused').waitFor();
    await shot('delete-long-title-en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('deleted-notice').waitFor();
    expect(app.ctx.store.kindOf(pack.id)).toBeUndefined();
    await page.getByTestId('dismiss-deleted').click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('new-pack');
  });
});

describe.skipIf(!RUN_BROWSER_TESTS)('library files in the app', () => {
  async function openFiles(): Promise<void> {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('open-library-file').click();
    await page.getByTestId('library-file-dialog').waitFor();
  }
  const close = () => page.getByTestId('library-file-close').click();

  it('exports the library as a download with the bytes `briefing export` writes', async () => {
    await openFiles();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-library').click()]);
    expect(download.suggestedFilename()).toMatch(/^briefing-library-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(file, 'utf8')).toBe(exported());
    await page.getByTestId('library-file-notice').filter({ hasText: 'Downloaded as' }).waitFor();
    await close();
  });

  it('in Spanish: shows the dry run per kind before anything is written, then imports', async () => {
    await page.getByTestId('ui-language').selectOption('es');
    const before = exported();
    const doc = JSON.parse(before) as { sources: unknown[]; notes: { tags: string[] }[] };
    doc.sources.push({ id: 'src-informe-e2e', title: { es: { text: 'Informe de prueba', status: 'draft' } }, issuer: 'OEA', place: null, date: null, url: null });
    doc.notes[0]!.tags = [...doc.notes[0]!.tags, 'zz-e2e'];
    await openFiles();
    await page.getByTestId('import-file').setInputFiles({ name: 'cambios.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await page.getByTestId('import-report').waitFor();
    expect(await page.getByTestId('import-count-sources').innerText()).toMatch(/Fuentes\s+1\s+0\s+3/);
    expect(await page.getByTestId('import-count-notes').innerText()).toMatch(/Notas\s+0\s+1\s+1/);
    expect(exported()).toBe(before);
    await shot('import-dry-run-es');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('apply-import').click();
    await page.getByTestId('library-file-notice').filter({ hasText: 'cambios.json se importó' }).waitFor();
    expect(app.ctx.store.readDocument().sources.map((s) => s.id)).toContain('src-informe-e2e');
    await close();
    await page.getByTestId('ui-language').selectOption('en');
  });

  it('names a file that is not a library file, and one that refers to missing pieces, by record and field; nothing changes', async () => {
    const before = exported();
    await openFiles();
    await page.getByTestId('import-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Meeting notes, not JSON') });
    await page.getByTestId('import-error').waitFor();
    expect(await page.getByTestId('import-error').innerText()).toContain('notes.txt is not valid JSON');
    await page.getByTestId('import-file').setInputFiles({ name: 'package.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"x"}') });
    await page.getByTestId('import-error').filter({ hasText: 'is not a library file' }).waitFor();

    const doc = JSON.parse(before) as { notes: { instruments: string[]; title: { en: { text: string } } }[] };
    doc.notes[0]!.instruments.push('inst-nowhere');
    await page.getByTestId('import-file').setInputFiles({ name: 'dangling.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await page.getByTestId('import-problems').waitFor();
    const problems = await page.getByTestId('import-problems').innerText();
    expect(problems).toContain(`Note “${doc.notes[0]!.title.en.text}” — Instruments:`);
    expect(await page.getByTestId('apply-import').count()).toBe(0);
    await shot('import-problems-en');
    expect(await seriousViolations(page)).toEqual([]);
    await close();
    expect(exported()).toBe(before);
  });

  it('leads from an empty list to the import', async () => {
    const trashIds: string[] = [];
    for (const p of app.ctx.store.readDocument().priorities) {
      const result = await app.api.invoke('library.delete', { id: p.id, locale: 'en', removeReferences: true });
      expect(result.ok).toBe(true);
      if (result.ok) trashIds.push((result.value as { trashId: string }).trashId);
    }
    await page.getByTestId('nav-packs').click();
    await page.getByTestId('nav-library').click();
    await page.getByTestId('kind-priorities').click();
    await page.getByTestId('empty-import').click();
    await page.getByTestId('library-file-dialog').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('import-file');
    await shot('empty-import-en');
    await close();
    for (const trashId of trashIds.reverse()) expect((await app.api.invoke('library.restore', { trashId, locale: 'en' })).ok).toBe(true);
  });
});

describe.skipIf(!RUN_BROWSER_TESTS)('build messages name texts for people', () => {
  const NOTE_ID = 'note-omsac-palermo-25-2025';
  it('names a missing text by piece title, field label and language, links to it, and a strict build lists it the same way', async () => {
    const original = app.ctx.store.readDocument().notes.find((n) => n.id === NOTE_ID)!;
    const { es: _dropped, ...body } = original.body;
    expect((await app.api.invoke('library.saveNote', { record: { ...original, body } })).ok).toBe(true);
    const enTitle = original.title.en!.text;

    await page.getByTestId('nav-packs').click();
    await page.getByTestId('pack-panama-2025').click();
    await page.getByTestId('build-mode').selectOption('es');
    await page.getByTestId('build').click();
    const report = page.getByTestId('build-report');
    await report.waitFor({ timeout: 60_000 });
    const missing = report.getByTestId('missing-es');
    await missing.waitFor();
    await expect.poll(() => missing.innerText()).toBe(`Note “${enTitle}” — Text (Spanish)`);
    // Ids only inside the folded details area.
    const visible = await report.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.id-details').forEach((d) => d.remove());
      return copy.innerText;
    });
    expect(visible).not.toContain(NOTE_ID);
    expect(visible).not.toContain('--strict');
    await shot('build-report-links-en');
    expect(await seriousViolations(page)).toEqual([]);

    await missing.getByRole('button').click();
    await page.getByTestId('editor').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('field-body-es');

    await page.getByTestId('nav-packs').click();
    await page.getByTestId('pack-panama-2025').click();
    await page.getByTestId('build-mode').selectOption('es');
    await page.getByTestId('build-strict').check();
    await page.getByTestId('build').click();
    const failure = page.getByTestId('strict-failure');
    await failure.waitFor({ timeout: 60_000 });
    // Names arrive after the refusal ('…' meanwhile): wait for them, as a reader would.
    await expect.poll(() => failure.getByTestId('strict-missing').innerText()).toBe(`Note “${enTitle}” — Text (Spanish)`);
    const text = await failure.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.id-details').forEach((d) => d.remove());
      return copy.innerText;
    });
    expect(text).not.toMatch(/--strict|note-omsac|panama-2025/);
    await shot('strict-failure-en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('build-strict').uncheck();
    expect((await app.api.invoke('library.saveNote', { record: original })).ok).toBe(true);
  });
});
