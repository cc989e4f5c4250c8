import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RUN_BROWSER_TESTS, useBrowserSession, type BrowserSession } from '../helpers/browser';

/**
 * English comes with the first bundle; French and Spanish are chunks of their own, fetched from
 * the app's own server when first shown (never a remote address), so the first screen stays small.
 */
let page: Page;
const requested: string[] = [];
useBrowserSession((s: BrowserSession) => {
  page = s.page;
  page.on('request', (request) => requested.push(request.url()));
});

describe.skipIf(!RUN_BROWSER_TESTS)('interface languages, loaded when first shown', () => {
  it('starts in English without fetching the other languages', async () => {
    expect(await page.getByTestId('nav-library').textContent()).toContain('Library');
    expect(requested.filter((u) => /\/assets\/(fr|es)-[^/]*\.js$/.test(u))).toEqual([]);
  });

  it('switches to Spanish at once, from its chunk on the app’s own server', async () => {
    await page.getByTestId('ui-language').selectOption('es');
    await expect.poll(() => page.getByTestId('nav-library').textContent()).toContain('Biblioteca');
    const chunks = requested.filter((u) => /\/assets\/es-[^/]*\.js$/.test(u));
    expect(chunks).toHaveLength(1);
    expect(new URL(chunks[0]!).origin).toBe(new URL(page.url()).origin);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
  });

  it('opens in the remembered language after a reload, with no English first', async () => {
    const seen: string[] = [];
    await page.exposeFunction('recordNav', (text: string) => seen.push(text));
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const nav = document.querySelector('[data-testid="nav-library"]');
        if (nav?.textContent) (window as unknown as { recordNav: (t: string) => void }).recordNav(nav.textContent);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-library').textContent()).toContain('Biblioteca');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((t) => t.includes('Biblioteca'))).toBe(true);
    // Back and forth: English was never unloaded, French is fetched now.
    await page.getByTestId('ui-language').selectOption('fr');
    await expect.poll(() => page.getByTestId('nav-library').textContent()).toContain('Bibliothèque');
    await page.getByTestId('ui-language').selectOption('en');
    await expect.poll(() => page.getByTestId('nav-library').textContent()).toContain('Library');
  });
});
