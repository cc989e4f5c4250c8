import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/server';
import { RUN_BROWSER_TESTS, useBrowserSession, seriousViolations, type BrowserSession } from '../helpers/browser';
import { createTranslator } from '../../shared/locales/createTranslator';

/**
 * Backups in Settings, in Chromium against browser mode: edit, back up, edit again, restore
 * (the earlier text is back everywhere), undo the restore. Screenshots: test-artifacts/backups-*.png.
 */
let session: BrowserSession;
let app: TestApp;
let page: Page;

useBrowserSession((opened) => {
  session = opened;
  ({ app, page } = opened);
});

const shot = (name: string) => session.shot(`backups-${name}`);
const PRIORITY = 'prio-rps-2';
const storedTitle = () => app.ctx.store.readDocument().priorities.find((p) => p.id === PRIORITY)?.title.en?.text;

async function editTitle(title: string): Promise<void> {
  await page.getByTestId('nav-library').click();
  await page.getByTestId('kind-priorities').click();
  await page.getByTestId(`row-${PRIORITY}`).click();
  await page.getByTestId('reader-edit').click();
  await page.getByTestId('editor').waitFor();
  await page.getByTestId('field-title-en').fill(title);
  await page.getByTestId('save').click();
  await expect.poll(storedTitle).toBe(title);
}

async function shownTitle(): Promise<string> {
  await page.getByTestId('nav-library').click();
  await page.getByTestId('kind-priorities').click();
  await page.getByTestId(`row-${PRIORITY}`).waitFor();
  return (await page.getByTestId(`row-${PRIORITY}`).textContent()) ?? '';
}

describe.skipIf(!RUN_BROWSER_TESTS)('backups in Settings', () => {
  it('backs up, restores the earlier text after a confirmation, and undoes the restore', async () => {
    const t = createTranslator('en');
    await editTitle('Violence prevention, first wording');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('backups').waitFor();
    await page.getByTestId('backup-now').click();
    await page.getByTestId('backup-done').waitFor();
    await expect.poll(() => page.getByTestId('backup-row').count()).toBeGreaterThan(0);
    const first = page.getByTestId('backup-row').first();
    expect(await first.getAttribute('data-reason')).toBe('manual');
    expect(await first.textContent()).toContain(t('ui:settings.backups.reasons.manual'));

    await editTitle('Violence prevention, second wording');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('backup-row').first().waitFor();
    await page.getByTestId('backups-table').scrollIntoViewIfNeeded();
    await shot('list-en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('backup-row').first().getByTestId('backup-restore').click();
    const dialog = page.getByTestId('backup-restore-dialog');
    await dialog.waitFor();
    // The confirmation says the current library is backed up first.
    expect(await dialog.textContent()).toContain(t('ui:settings.backups.confirmBody'));
    await shot('confirm-en');
    expect(await seriousViolations(page)).toEqual([]);
    // Cancel changes nothing.
    await dialog.getByTestId('dialog-cancel').click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(storedTitle()).toBe('Violence prevention, second wording');

    await page.getByTestId('backup-row').first().getByTestId('backup-restore').click();
    await page.getByTestId('backup-restore-dialog').getByTestId('dialog-confirm').click();
    await page.getByTestId('backup-restored').waitFor();
    expect(storedTitle()).toBe('Violence prevention, first wording');
    // The library as it was before the restore is now the newest backup.
    await expect.poll(() => page.getByTestId('backup-row').first().getAttribute('data-reason')).toBe('restore');
    await shot('restored-en');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await shownTitle()).toContain('Violence prevention, first wording');

    // Leaving Settings and coming back, the restore can still be undone.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('backup-undo').click();
    await page.getByTestId('backup-undone').waitFor();
    expect(storedTitle()).toBe('Violence prevention, second wording');
    expect(await page.getByTestId('backup-undo').count()).toBe(0);
    await page.getByTestId('backups-table').scrollIntoViewIfNeeded();
    await shot('undone-en');
    expect(await shownTitle()).toContain('Violence prevention, second wording');
  });

  it('names a damaged backup in the interface language and changes nothing', async () => {
    const folder = path.join(path.dirname(app.library.path), 'backups');
    const name = `library-scheduled-${new Date(Date.now() + 60_000).toISOString().replace(/[:.]/g, '-')}.sqlite`;
    fs.writeFileSync(path.join(folder, name), 'not a library at all');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('ui-language').selectOption('fr');
    const fr = createTranslator('fr');
    await expect.poll(() => page.getByRole('heading', { name: fr('ui:settings.backups.title') }).count()).toBe(1);
    // Reopen the list so it holds the new file.
    await page.getByTestId('nav-library').click();
    await page.getByTestId('nav-settings').click();
    const row = page.locator(`[data-testid="backup-row"][data-name="${name}"]`);
    await row.waitFor();
    await row.getByTestId('backup-restore').click();
    await page.getByTestId('backup-restore-dialog').getByTestId('dialog-confirm').click();
    const alert = page.getByTestId('backups-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(fr('errors:backups.notALibrary', { file: name }));
    expect(storedTitle()).toBe('Violence prevention, second wording');
    await shot('refused-fr');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('after a restore, the interface strings are the restored library’s (a later edit of one is gone)', async () => {
    const fr = createTranslator('fr');
    const made = await app.api.invoke('backups.create', {});
    if (!made.ok) throw new Error('backup failed');
    const units = await app.api.invoke('uiStrings.units', { source: 'en', target: 'fr', namespace: 'ui' });
    if (!units.ok) throw new Error('units failed');
    const unit = (units.value as { key: string; sourceHash: string }[]).find((u) => u.key === 'nav.library')!;
    const saved = await app.api.invoke('uiStrings.save', {
      namespace: 'ui',
      key: 'nav.library',
      source: 'en',
      target: 'fr',
      value: 'Fonds documentaire',
      status: 'approved',
      sourceHash: unit.sourceHash,
    });
    expect(saved.ok).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-library').textContent()).toBe('Fonds documentaire');
    await page.getByTestId('nav-settings').click();
    const name = (made.value as { name: string }).name;
    const row = page.locator(`[data-testid="backup-row"][data-name="${name}"]`);
    await row.waitFor();
    await row.getByTestId('backup-restore').click();
    await page.getByTestId('backup-restore-dialog').getByTestId('dialog-confirm').click();
    await page.getByTestId('backup-restored').waitFor();
    await expect.poll(() => page.getByTestId('nav-library').textContent()).toBe(fr('ui:nav.library'));
    await shot('restored-fr');
  });
});
