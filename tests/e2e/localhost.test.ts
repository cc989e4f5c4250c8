import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUN_BROWSER_TESTS, openBrowserSession, type BrowserSession } from '../helpers/browser';

/**
 * A user who types http://localhost:PORT instead of the printed 127.0.0.1 address: the page's
 * API calls carry Origin http://localhost:PORT, which is ours too (they were all refused before).
 */
let session: BrowserSession;
beforeAll(async () => {
  if (!RUN_BROWSER_TESTS) return;
  session = await openBrowserSession();
}, 120_000);
afterAll(async () => {
  await session?.close();
});

describe.skipIf(!RUN_BROWSER_TESTS)('browser mode at http://localhost:PORT', () => {
  it('loads the library through the API, like the printed address', async () => {
    const { app, page } = session;
    const port = new URL(app.server.origin).port;
    const refused: string[] = [];
    page.on('response', (res) => {
      if (res.url().includes('/api/') && res.status() !== 200) refused.push(`${res.status()} ${res.url()}`);
    });
    await page.goto(`http://localhost:${port}/#token=${app.server.token}`);
    await page.getByTestId('row-prio-rps-1').waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).hostname).toBe('localhost');
    expect(refused).toEqual([]);
  });
});
