import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, RUN_BROWSER_TESTS, openBrowserSession, seriousViolations, type BrowserSession } from '../helpers/browser';
import { postApi } from '../helpers/server';
import { openLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { applyLibraryDocument } from '../../main/services/importLibrary';
import { PackBuildService } from '../../main/pdf/PackBuildService';
import { ImportParser } from '../../main/services/importWorker/ImportParser';
import { createApi } from '../../main/api/createApi';
import { startServer } from '../../main/server/startServer';
import { ensureRendererBuilt } from '../../main/server/ensureRendererBuilt';
import type { NoteDoc } from '../../shared/schemas/libraryDocument';

/**
 * The reading view, the header's library-wide search, the first-run welcome and the empty states,
 * in Chromium through browser mode, by keyboard where a user would use it. Screenshots go to
 * test-artifacts/.
 */
let session: BrowserSession;
let page: Page;

/** A Panama note written in French only, with Markdown a reader must never get as HTML. */
const HOSTILE_NOTE: NoteDoc = {
  id: 'note-pa-lecture',
  countryCode: 'PA',
  date: '2025-11-20',
  tags: ['lecture'],
  title: { fr: { text: 'Le Panama et la Convention de Palerme', status: 'approved' } },
  body: {
    fr: {
      text: [
        '## Contexte',
        '',
        'Le **Panama** a ratifié la Convention. <script>window.__pwned = true</script> <img src="http://example.invalid/x.png">',
        '',
        '![carte](http://example.invalid/carte.png)',
        '',
        '[lien piégé](javascript:window.__pwned=true) · [fichier](file:///etc/passwd) · [site officiel](https://www.unodc.org/)',
        '',
        '| Année | Fait |',
        '|---|---|',
        '| 2004 | Ratification |',
      ].join('\n'),
      status: 'approved',
    },
  },
  instruments: ['inst-palermo', 'inst-palermo-trafficking'],
  priorities: ['prio-rps-3'],
  sources: [],
};

beforeAll(async () => {
  if (!RUN_BROWSER_TESTS) return;
  session = await openBrowserSession();
  page = session.page;
  const saved = await postApi(session.app.server, 'library.saveNote', { record: HOSTILE_NOTE });
  expect(saved.ok).toBe(true);
  // The starter network lists no members: give it three, so the reader shows both sides of membership.
  const store = session.app.ctx.store;
  const doc = store.readDocument();
  applyLibraryDocument(store, { ...doc, networks: doc.networks.map((n) => ({ ...n, members: ['PA', 'CA', 'MX'] })) });
  await page.goto(session.app.server.url);
  await page.getByTestId('nav-library').waitFor();
}, 120_000);

afterAll(async () => {
  await session?.close();
});

const shot = (name: string) => session.shot(name);
const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? null);

describe.skipIf(!RUN_BROWSER_TESTS)('reading view, library-wide search, welcome, empty states', () => {
  it('shows the first-run welcome with the four steps over the starter library', async () => {
    await page.getByTestId('welcome').waitFor();
    for (const step of ['library', 'pack', 'build', 'read']) await page.getByTestId(`welcome-step-${step}`).waitFor();
    await page.getByTestId('row-prio-rps-1').waitFor();
    await shot('welcome-en');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds the four Palermo instruments from the Priorities tab (Ctrl+K, type, arrows, Enter)', async () => {
    await page.getByTestId('kind-priorities').click();
    await page.keyboard.press('Control+K');
    expect(await focusedTestId()).toBe('global-search');
    await page.keyboard.type('palermo');
    const group = page.getByTestId('search-group-instrument');
    await page.locator('[data-testid="global-search-results"][data-query="palermo"]').waitFor();
    const ids = await group.locator('[role="option"][data-testid^="search-hit-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(ids.sort()).toEqual(['search-hit-inst-palermo', 'search-hit-inst-palermo-firearms', 'search-hit-inst-palermo-migrants', 'search-hit-inst-palermo-trafficking']);
    // Notes are their own group, with the matched words marked.
    await page.getByTestId('search-group-note').waitFor();
    expect(await page.locator('[data-testid="search-group-instrument"] mark').first().textContent()).toMatch(/palermo/i);
    await shot('search-palermo-en');
    expect(await seriousViolations(page)).toEqual([]);
    // The per-tab search still looks in its own kind only.
    expect(await page.getByTestId('library-search').inputValue()).toBe('');

    const options = page.locator('[data-testid="global-search-results"] [role="option"]');
    const first = await options.first().getAttribute('data-testid');
    await page.keyboard.press('ArrowDown');
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    const active = await page.getByTestId('global-search').getAttribute('aria-activedescendant');
    expect(active).toBe(await options.first().getAttribute('id'));
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="reader"][data-state="ready"]').waitFor();
    expect(first).toMatch(/^search-hit-inst-palermo/);
    expect(await focusedTestId()).toBe('reader-heading');
  });

  it('reads an instrument: its protocols and the priorities it serves are links, Edit is separate', async () => {
    await page.keyboard.press('Control+K');
    await page.keyboard.type('convention de palerme');
    await page.locator('[data-testid="global-search-results"][data-query="convention de palerme"]').waitFor();
    await page.getByTestId('search-hit-inst-palermo').click();
    await page.locator('[data-testid="reader"][data-state="ready"]').waitFor();
    expect(await page.getByTestId('reader-title').textContent()).toBe('Palermo Convention');
    const protocols = await page.getByTestId('reader-links-protocols').locator('a').allTextContents();
    expect(protocols.sort()).toEqual(['Firearms Protocol', 'Smuggling of Migrants Protocol', 'Trafficking in Persons Protocol']);
    await page.getByTestId('reader-links-priorities').getByTestId('reader-link-prio-rps-3').waitFor();
    // No form field anywhere: reading cannot change the piece.
    expect(await page.locator('[data-testid="reader"] input, [data-testid="reader"] textarea, [data-testid="reader"] select').count()).toBe(0);
    await shot('reader-instrument-en');
    expect(await seriousViolations(page)).toEqual([]);

    // A protocol, then back up to its parent, by keyboard.
    await page.getByTestId('reader-link-inst-palermo-trafficking').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="reader"][data-state="ready"]').waitFor();
    await expect.poll(() => page.getByTestId('reader-title').textContent()).toBe('Trafficking in Persons Protocol');
    await page.getByTestId('reader-links-parent').getByTestId('reader-link-inst-palermo').waitFor();
    await page.getByTestId('reader-links-priorities').getByTestId('reader-link-prio-rps-2').click();
    await page.getByTestId('reader-links-instruments').getByTestId('reader-link-inst-palermo-trafficking').waitFor();
    expect(await page.getByTestId('reader-title').textContent()).toBe('Violence prevention');
  });

  it('reads a priority: the instruments that serve it and the notes about it', async () => {
    await page.getByTestId('kind-priorities').click();
    await page.getByTestId('row-prio-rps-3').click();
    await page.locator('[data-testid="reader"][data-state="ready"]').waitFor();
    const instruments = await page.getByTestId('reader-links-instruments').locator('a').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(instruments).toEqual(expect.arrayContaining(['reader-link-inst-palermo', 'reader-link-inst-palermo-firearms', 'reader-link-inst-corruption-2003']));
    const notes = await page.getByTestId('reader-links-notes').locator('a').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(notes.sort()).toEqual(['reader-link-note-omsac-palermo-25-2025', 'reader-link-note-pa-lecture']);
    await shot('reader-priority-en');
  });

  it('switches the language for this piece only, shows the fallback language, and renders Markdown safely', async () => {
    await page.getByTestId('reader-link-note-pa-lecture').click();
    await expect.poll(() => page.getByTestId('reader-title').getAttribute('lang')).toBe('fr');
    // English asked, French shown, and said so.
    expect(await page.getByTestId('reader').getAttribute('data-lang')).toBe('en');
    expect(await page.getByTestId('reader-fallback-body').textContent()).toBe('Not translated into English yet: shown in French.');
    expect(await page.getByTestId('reader-status').getAttribute('data-state')).toBe('missing');
    // Markdown: raw HTML as text, no image loads, only the web link is a link (opened outside).
    const body = page.getByTestId('reader-field-body');
    expect(await body.locator('img, script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(await body.textContent()).toContain('<script>window.__pwned = true</script>');
    const links = await body.locator('a').evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute('href'), e.getAttribute('target'), e.getAttribute('rel')]));
    expect(links).toEqual([['site officiel', 'https://www.unodc.org/', '_blank', 'noopener noreferrer']]);
    expect(await body.locator('table td').allTextContents()).toEqual(['2004', 'Ratification']);
    await shot('reader-note-fallback-en');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('reader-lang-fr').click();
    await expect.poll(() => page.getByTestId('reader').getAttribute('data-lang')).toBe('fr');
    await page.getByTestId('reader-status').waitFor();
    expect(await page.getByTestId('reader-fallback-body').count()).toBe(0);
    expect(await page.getByTestId('reader-lang-fr').getAttribute('aria-pressed')).toBe('true');
    // Link titles follow the piece's language; the interface stays in English.
    await expect.poll(() => page.getByTestId('reader-link-inst-palermo').textContent()).toBe('Convention de Palerme');
    expect(await page.getByTestId('nav-library').textContent()).toBe('Library');
    await shot('reader-note-fr');
  });

  it('reads a country: its notes, the packs it appears in, the instruments its notes link', async () => {
    await page.getByTestId('reader-link-PA').click();
    await page.locator('[data-testid="reader"][data-state="ready"]').waitFor();
    await expect.poll(() => page.getByTestId('reader-title').textContent()).toBe('Panama');
    await page.getByTestId('reader-links-notes').getByTestId('reader-link-note-pa-lecture').waitFor();
    await page.getByTestId('reader-links-packs').getByTestId('reader-link-pack-panama-2025').waitFor();
    const instruments = await page.getByTestId('reader-links-instruments').locator('a').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(instruments.sort()).toEqual(['reader-link-inst-palermo', 'reader-link-inst-palermo-trafficking']);
    await page.getByTestId('reader-links-meetings').getByTestId('reader-link-meet-rps-panama-2025').waitFor();
    await shot('reader-country-en');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('reads a meeting (its packs) and a network (its meetings and members)', async () => {
    const meetingTitle = await page.getByTestId('reader-link-meet-rps-panama-2025').textContent();
    await page.getByTestId('reader-link-meet-rps-panama-2025').click();
    await expect.poll(() => page.getByTestId('reader-title').textContent()).toBe(meetingTitle);
    await page.getByTestId('reader-links-packs').getByTestId('reader-link-pack-panama-2025').waitFor();
    const network = page.getByTestId('reader-links-network').locator('a').first();
    const networkTitle = await network.textContent();
    await network.click();
    await expect.poll(() => page.getByTestId('reader-title').textContent()).toBe(networkTitle);
    await page.getByTestId('reader-links-meetings').getByTestId('reader-link-meet-rps-panama-2025').waitFor();
    expect(await page.getByTestId('reader-links-members').locator('a').allTextContents()).toEqual(['Canada', 'Mexico', 'Panama']);
    await shot('reader-network-en');
  });

  it('Edit opens the editor of the piece; the list row opens the reading view first', async () => {
    await page.getByTestId('kind-instruments').click();
    await page.getByTestId('row-inst-palermo').click();
    await page.locator('[data-testid="reader"][data-state="ready"]').waitFor();
    expect(await page.getByTestId('editor').count()).toBe(0);
    await page.getByTestId('reader-edit').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('field-shortName-en').waitFor();
    await page.getByTestId('back-to-list').click();
    await page.getByTestId('row-inst-palermo').waitFor();
  });

  it('"/" opens the search when not typing, and types a slash in a field', async () => {
    await page.getByTestId('library-search').fill('a/b');
    expect(await page.getByTestId('library-search').inputValue()).toBe('a/b');
    await page.getByTestId('library-search').fill('');
    await page.getByTestId('kind-notes').focus();
    await page.keyboard.press('/');
    expect(await focusedTestId()).toBe('global-search');
    // Accents and case do not matter, in any of the three languages.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('SEGURIDAD HUMANA');
    await page.locator('[data-testid="global-search-results"][data-query="SEGURIDAD HUMANA"]').waitFor();
    await page.getByTestId('search-hit-prio-rps-1').waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('zzqx nothing');
    await page.getByTestId('search-none').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('global-search-panel').isHidden()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('global-search').inputValue()).toBe('');
  });

  it('shows the search and the reader in French and Spanish', async () => {
    for (const locale of ['fr', 'es'] as const) {
      await page.getByTestId('ui-language').selectOption(locale);
      await page.getByTestId('kind-priorities').click();
      await page.getByTestId('row-prio-rps-2').click();
      await page.locator('[data-testid="reader"][data-state="ready"]').waitFor();
      await expect.poll(() => page.getByTestId('reader').getAttribute('data-lang')).toBe(locale);
      await page.keyboard.press('Control+K');
      await page.keyboard.type('palerme');
      await page.locator('[data-testid="global-search-results"][data-query="palerme"]').waitFor();
      await shot(`search-reader-${locale}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
    }
    await page.getByTestId('ui-language').selectOption('en');
  });

  it('fits a narrow window: the search box shrinks, the reader stacks its links', async () => {
    await page.setViewportSize({ width: 900, height: 800 });
    await page.getByTestId('ui-language').selectOption('fr');
    await page.getByTestId('kind-instruments').click();
    await page.getByTestId('row-inst-palermo').click();
    await page.locator('[data-testid="reader"][data-state="ready"]').waitFor();
    await page.keyboard.press('Control+K');
    await page.keyboard.type('traite');
    await page.locator('[data-testid="global-search-results"][data-query="traite"]').waitFor();
    const panel = await page.getByTestId('global-search-panel').boundingBox();
    expect(panel!.x).toBeGreaterThanOrEqual(0);
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(900);
    await shot('search-reader-narrow-fr');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.getByTestId('ui-language').selectOption('en');
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('the welcome leads to the starter pack, and once dismissed stays dismissed', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('welcome-go-pack').click();
    await page.getByTestId('pack-builder').waitFor();
    await page.getByTestId('nav-library').click();
    await page.getByTestId('welcome-dismiss').focus();
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('welcome').count()).toBe(0);
    await page.reload();
    await page.getByTestId('row-prio-rps-1').waitFor();
    expect(await page.getByTestId('welcome').count()).toBe(0);
    // Settings can bring it back.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('show-welcome').click();
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('welcome-dismiss').click();
  });

  it('a 300-character title and a 5,000-character word stay inside the window, in the reader and the search', async () => {
    const long = `${'Hostile title '.repeat(21)}END`.slice(0, 300);
    const huge = 'x'.repeat(5000);
    const note: NoteDoc = { ...HOSTILE_NOTE, id: 'note-hostile', title: { en: { text: long, status: 'draft' } }, body: { en: { text: `Zebrafoo ${huge} and https://example.org/${'a'.repeat(400)}`, status: 'draft' } } };
    expect((await postApi(session.app.server, 'library.saveNote', { record: note })).ok).toBe(true);
    await page.keyboard.press('Control+K');
    await page.keyboard.type('zebrafoo');
    await page.getByTestId('search-hit-note-hostile').waitFor();
    const panel = await page.getByTestId('global-search-panel').boundingBox();
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(1400);
    await shot('search-hostile-en');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="reader"][data-state="ready"]').waitFor();
    expect(await page.getByTestId('reader-title').textContent()).toBe(long);
    const overflow = await page.evaluate(() => {
      const content = document.querySelector('.library-content')!;
      return content.scrollWidth - content.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await shot('reader-hostile-en');
  });

  it('an empty pack offers Add a section; an empty library offers the import and New pack', async () => {
    await page.getByTestId('nav-packs').click();
    await page.getByTestId('new-pack').click();
    await page.getByTestId('new-pack-title').fill('Empty pack');
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('empty-add-section').waitFor();
    await shot('pack-no-sections-en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('empty-add-section').click();
    await page.getByTestId('section-0').waitFor();

    // A library with nothing in it, served on its own.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-empty-'));
    const library = await openLibrary(path.join(dir, 'library.sqlite'), { create: true });
    const ctx = {
      store: new LibraryStore(library.db),
      libraryPath: library.path,
      builds: new PackBuildService(1),
      imports: new ImportParser(),
      outputDir: dir,
      mode: 'browser' as const,
      version: 'test',
    };
    const server = await startServer({ api: createApi(ctx), ctx, staticDir: await ensureRendererBuilt() });
    const empty = await session.browser.newPage({ viewport: { width: 1200, height: 800 } });
    try {
      await empty.goto(server.url);
      await empty.getByTestId('empty-import').waitFor();
      expect(await empty.getByTestId('welcome').count()).toBe(0);
      await empty.screenshot({ path: path.join(ARTIFACTS, 'empty-library-en.png'), fullPage: true });
      expect(await seriousViolations(empty)).toEqual([]);
      await empty.getByTestId('empty-import').click();
      await empty.getByTestId('settings-ui-language').waitFor();
      await empty.getByTestId('nav-packs').click();
      await empty.getByTestId('empty-new-pack').click();
      await empty.getByTestId('new-pack-dialog').waitFor();
    } finally {
      await empty.close();
      await server.close();
      await ctx.builds.close();
      await ctx.imports.close();
      library.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
