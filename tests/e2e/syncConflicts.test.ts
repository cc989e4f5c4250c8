import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openLibrary, type OpenedLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { applyLibraryDocument } from '../../main/services/importLibrary';
import { serializeLibrary } from '../../main/services/exportLibrary';
import { setUserName } from '../../main/services/userName';
import { defaultSyncRepoDir, syncLibrary } from '../../main/services/sync/syncLibrary';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import type { TestApp } from '../helpers/server';
import { RUN_BROWSER_TESTS, useBrowserSession, seriousViolations, type BrowserSession } from '../helpers/browser';
import { skipReasonGitServer, startGitServer, type GitServer } from '../helpers/gitServer';
import { tempDir } from '../helpers/cli';

/**
 * Two offices share a library through a real git server on 127.0.0.1: Ottawa in the app (Chromium,
 * browser mode), the secretariat through the sync service. The same French title edited on both
 * sides is one conflict, resolved in the app with a merged text; the secretariat's next sync gets it.
 * Screenshots: test-artifacts/sync-*.png.
 */
const skip = skipReasonGitServer();
let session: BrowserSession;
let app: TestApp;
let page: Page;
let server: GitServer;
let secretariat: { library: OpenedLibrary; store: LibraryStore; sync: () => ReturnType<typeof syncLibrary> };

useBrowserSession((opened) => {
  session = opened;
  ({ app, page } = opened);
});

const shot = (name: string) => session.shot(`sync-${name}`);
const edit = (store: LibraryStore, change: (doc: LibraryDocument) => void) => {
  const doc = store.readDocument();
  change(doc);
  applyLibraryDocument(store, doc);
};
const frenchTitle = (store: LibraryStore, id: string) => store.readDocument().notes.find((n) => n.id === id)!.title.fr!.text;

describe.skipIf(!RUN_BROWSER_TESTS || skip !== null)('sync conflicts, resolved in the app', () => {
  let noteId = '';
  const merged = 'Palerme à 25 ans : texte commun des deux bureaux';

  beforeAll(async () => {
    server = await startGitServer();
    const file = path.join(tempDir('briefing-e2e-secretariat-'), 'library.sqlite');
    const library = await openLibrary(file, { create: true });
    const store = new LibraryStore(library.db);
    secretariat = {
      library,
      store,
      sync: () => syncLibrary(store, { repoDir: defaultSyncRepoDir(file), url: server.url, author: { name: 'Ana Ruiz', office: 'Secretariat' } }),
    };
    setUserName(app.ctx.store, 'Luc Tremblay');
    noteId = app.ctx.store.readDocument().notes[0]!.id;
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    secretariat?.library.close();
  });

  it('Sync now publishes the library; with nothing to resolve the header shows no count', async () => {
    await page.getByTestId('nav-sync').click();
    await page.getByTestId('sync-status').waitFor();
    expect(await page.getByTestId('sync-status').innerText()).toContain('does not sync');
    await page.getByTestId('sync-remote').fill(server.url);
    await page.getByTestId('sync-run').click();
    await page.getByTestId('sync-done').waitFor();
    await expect.poll(() => page.getByTestId('sync-status').innerText()).toContain(server.url);
    expect(await page.getByTestId('sync-conflict-count').count()).toBe(0);
    await secretariat.sync();
    expect(serializeLibrary(secretariat.store.readDocument())).toBe(serializeLibrary(app.ctx.store.readDocument()));
  }, 60_000);

  it('a server that is down: a clear message, nothing lost', async () => {
    const before = serializeLibrary(app.ctx.store.readDocument());
    await page.getByTestId('sync-remote').fill('http://127.0.0.1:9/library.git');
    await page.getByTestId('sync-run').click();
    const error = page.getByTestId('sync-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('127.0.0.1:9');
    expect(await error.innerText()).not.toMatch(/Unexpected/);
    await shot('down-en');
    expect(serializeLibrary(app.ctx.store.readDocument())).toBe(before);
    await page.getByTestId('sync-remote').fill(server.url);
  }, 60_000);

  it('the same French title edited in both offices: one conflict, side by side with word diffs, counted in the header', async () => {
    edit(secretariat.store, (d) => (d.notes.find((n) => n.id === noteId)!.title.fr = { text: 'Palerme à 25 ans : version du secrétariat', status: 'draft' }));
    edit(app.ctx.store, (d) => (d.notes.find((n) => n.id === noteId)!.title.fr = { text: 'Palerme, 25 ans après : version d’Ottawa', status: 'draft' }));
    await secretariat.sync();
    await page.getByTestId('sync-run').click();
    await expect.poll(() => page.getByTestId('sync-done').innerText()).toContain('New conflicts: 1');
    const card = page.getByTestId('sync-conflict');
    await card.waitFor();
    expect(await page.getByTestId('sync-conflict-count').innerText()).toBe('1 sync conflict');
    expect(await card.getByTestId('sync-ours').innerText()).toContain('Luc Tremblay');
    expect(await card.getByTestId('sync-theirs').innerText()).toContain('Ana Ruiz (Secretariat)');
    expect((await card.getByTestId('sync-theirs').locator('ins').allInnerTexts()).join(' ')).toContain('secrétariat');
    expect((await card.getByTestId('sync-ours').locator('ins').allInnerTexts()).join(' ')).toContain('Ottawa');
    expect(await card.locator('h3').innerText()).toContain('Title (French)');
    // Ours is kept until resolved.
    expect(frenchTitle(app.ctx.store, noteId)).toBe('Palerme, 25 ans après : version d’Ottawa');
    await shot('conflict-en');
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('in French: the same view in the interface language', async () => {
    await page.getByTestId('ui-language').selectOption('fr');
    const card = page.getByTestId('sync-conflict');
    await expect.poll(() => card.getByTestId('sync-keep-theirs').innerText()).toBe('Garder la leur');
    expect(await page.getByTestId('sync-conflict-count').innerText()).toBe('1 conflit de synchronisation');
    await shot('conflict-fr');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('ui-language').selectOption('en');
  }, 60_000);

  it('a merged text resolves it; the count goes; the next syncs give the secretariat the same text', async () => {
    const card = page.getByTestId('sync-conflict');
    await card.getByTestId('sync-merged-text').fill(merged);
    await card.getByTestId('sync-save-merged').click();
    await page.getByTestId('sync-no-conflicts').waitFor();
    await expect.poll(() => page.getByTestId('sync-conflict-count').count()).toBe(0);
    expect(app.ctx.store.readDocument().notes.find((n) => n.id === noteId)!.title.fr).toMatchObject({ text: merged, status: 'draft' });
    await shot('resolved-en');
    await page.getByTestId('sync-run').click();
    await expect.poll(() => page.getByTestId('sync-done').innerText()).toContain('Synced');
    await secretariat.sync();
    expect(frenchTitle(secretariat.store, noteId)).toBe(merged);
    expect(serializeLibrary(secretariat.store.readDocument())).toBe(serializeLibrary(app.ctx.store.readDocument()));
  }, 60_000);
});
