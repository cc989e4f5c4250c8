import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from './server';
import { BROWSER_ARGS, findBrowser, runBrowserTests } from './findBrowser';

/*
 * End-to-end tests run the app in a Chromium or Chrome found on this computer (findBrowser:
 * BRIEFING_CHROMIUM or CHROME_PATH, then the usual install locations), as a user drives it in
 * browser mode (`briefing serve`). Screenshots go to test-artifacts/.
 */
export const BROWSER = findBrowser();
/** Whether this file's end-to-end tests run: a browser was found, or CI requires them. */
export const RUN_BROWSER_TESTS = runBrowserTests(BROWSER);
export const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts');
const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface BrowserSession {
  app: TestApp;
  browser: Browser;
  page: Page;
  shot(name: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** A fresh starter library served with the built renderer, and a page open on its URL. */
export async function openBrowserSession(): Promise<BrowserSession> {
  if (!('path' in BROWSER)) throw new Error(BROWSER.missing);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const app = await startTestApp({ buildRenderer: true });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: BROWSER.path, args: BROWSER_ARGS });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  return {
    app,
    browser,
    page,
    shot: (name) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true }),
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

/** axe-core in the page (evaluated through DevTools, so the page's CSP still applies to the app). */
export async function seriousViolations(target: Page): Promise<string[]> {
  await target.evaluate(AXE_SOURCE);
  const results = await target.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    return (await axe.run(document)).violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      count: v.nodes.length,
      where: (v.nodes as { target: string[] }[]).map((n) => n.target.join(' ')).join('; '),
    }));
  });
  return results
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.count}: ${v.where})`);
}

/**
 * One browser session for a test file: opened before its tests (the app loaded on the library
 * screen; `onOpen` runs first, to keep the session or set the page up), closed after them.
 * Nothing is opened when the browser tests are skipped.
 */
export function useBrowserSession(onOpen: (session: BrowserSession) => void): void {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    if (!RUN_BROWSER_TESTS) return;
    session = await openBrowserSession();
    onOpen(session);
    await session.page.goto(session.app.server.url);
    await session.page.getByTestId('nav-library').waitFor();
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });
}
