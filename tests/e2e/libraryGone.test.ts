import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/server';
import { RUN_BROWSER_TESTS, openBrowserSession, seriousViolations, type BrowserSession } from '../helpers/browser';
import { createTranslator } from '../../shared/locales/createTranslator';

/** The library's file deleted while the app runs: the save is refused, and a copy can be saved. */
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

describe.skipIf(!RUN_BROWSER_TESTS)('a library deleted while the app runs', () => {
  it('refuses the save with its message, keeps the typed text, and saves a copy on request', async () => {
    const file = app.library.path;
    await page.getByTestId('kind-priorities').click();
    await page.getByTestId('row-prio-rps-2').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('field-title-en').fill('Violence prevention — saved before');
    await page.getByTestId('save').click();
    await expect.poll(() => app.ctx.store.readDocument().priorities.find((p) => p.id === 'prio-rps-2')?.title.en?.text).toBe('Violence prevention — saved before');

    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    await page.getByTestId('field-title-en').fill('Violence prevention — typed after the file went');
    await page.getByTestId('save').click();
    const alert = page.getByTestId('error');
    await alert.waitFor();
    const t = createTranslator('en');
    expect(await alert.textContent()).toContain(t('errors:db.libraryGone', { path: file }));
    expect(await page.getByTestId('field-title-en').inputValue()).toBe('Violence prevention — typed after the file went');
    await session.shot('library-gone-en');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('save-library-copy').click();
    const note = page.getByTestId('library-copy-note');
    await note.waitFor();
    const text = (await note.textContent()) ?? '';
    const copy = /saved to (.+\.sqlite)\. Open/.exec(text)?.[1];
    expect(copy, text).toBeDefined();
    expect(path.dirname(copy!)).toBe(path.dirname(file));
    await session.shot('library-gone-copy-saved-en');
    const db = new Database(copy!, { readonly: true });
    try {
      const body = db.prepare("SELECT body FROM texts WHERE piece_id = 'prio-rps-2' AND field = 'title' AND locale = 'en'").pluck().get();
      expect(body).toBe('Violence prevention — saved before');
    } finally {
      db.close();
    }
    expect(fs.existsSync(file)).toBe(false);
  }, 120_000);
});
