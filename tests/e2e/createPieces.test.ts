import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/server';
import { RUN_BROWSER_TESTS, openBrowserSession, seriousViolations, type BrowserSession } from '../helpers/browser';
import { createTranslator } from '../../shared/locales/createTranslator';

/**
 * Issue 9, point 2: a secretariat creates, with no command line, a network, the network's second
 * meeting, a roadmap priority and an instrument that serves it, through the forms made from the
 * descriptors. Bad input is refused by its field label in the interface language, and what was
 * typed stays. Screenshots go to test-artifacts/ (not committed).
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

const shot = (name: string) => session.shot(name);
const doc = () => app.ctx.store.readDocument();

async function setDate(field: string, day: string, month: string, year: string) {
  await page.getByTestId(`${field}-day`).fill(day);
  await page.getByTestId(`${field}-month`).selectOption(month);
  await page.getByTestId(`${field}-year`).fill(year);
}

describe.skipIf(!RUN_BROWSER_TESTS)('creating every kind in the app', () => {
  it('creates a network with its members', async () => {
    await page.getByTestId('kind-networks').click();
    await page.getByTestId('new-network').click();
    await page.getByTestId('new-piece-title').fill('Parliamentary Network for Gender Equality');
    await shot('new-network-dialog-en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('field-acronym-en').fill('PNGE');
    await page.getByTestId('members-PA').check();
    await page.getByTestId('members-CA').check();
    await page.getByTestId('save').click();
    await expect.poll(() => doc().networks.find((n) => n.acronym?.en?.text === 'PNGE')?.members).toEqual(['CA', 'PA']);
    await shot('network-editor-en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('back-to-list').click();
    const network = doc().networks.find((n) => n.acronym?.en?.text === 'PNGE')!;
    await page.getByTestId(`row-${network.id}`).waitFor();
  });

  it('creates the network’s second meeting in French, with dates in French and the end before the start refused', async () => {
    await page.getByTestId('ui-language').selectOption('fr');
    const t = createTranslator('fr');
    await expect.poll(() => page.getByTestId('nav-library').textContent()).toBe(t('ui:nav.library'));
    await page.getByTestId('kind-meetings').click();
    await page.getByTestId('new-meeting').click();
    await page.getByTestId('new-piece-network').selectOption('net-rps');
    await page.getByTestId('dialog-confirm').click();
    // Nothing typed yet: the dialog names the field and stays open.
    expect(await page.getByTestId('new-meeting-dialog').textContent()).toContain(t('ui:newPiece.titleRequired', { field: t('ui:fields.title') }));
    await page.getByTestId('new-piece-title').fill('Deuxième rencontre du réseau sur la sécurité');
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('editor').waitFor();

    // Day, month (by its French name), year: the order and words of the interface language.
    const first = await page.getByTestId('field-startDate').locator('input, select').first().getAttribute('data-testid');
    expect(first).toBe('field-startDate-day');
    expect(await page.getByTestId('field-startDate-month').locator('option[value="3"]').textContent()).toBe('mars');

    await page.getByTestId('field-place-fr').fill('Panama');
    await page.getByTestId('field-hostCountry').selectOption('PA');
    // 31 February: said not to exist, in the form's terms (not "AAAA-MM-JJ"), the typed day kept.
    await setDate('field-startDate', '31', '2', '2026');
    await setDate('field-endDate', '10', '3', '2026');
    const unchanged = JSON.stringify(doc());
    await page.getByTestId('save').click();
    await page.getByTestId('error').waitFor();
    const noSuchDay = await page.getByTestId('error').textContent();
    expect(noSuchDay).toContain(`${t('ui:fields.startDate')} : ${t('errors:inApp.validation.dateDoesNotExist', { day: 31 })}`);
    expect(noSuchDay).not.toContain('AAAA');
    expect(await page.getByTestId('field-startDate-day').inputValue()).toBe('31');
    expect(JSON.stringify(doc())).toBe(unchanged);
    await shot('meeting-no-such-day-fr');
    await setDate('field-startDate', '12', '3', '2026');
    const before = JSON.stringify(doc());
    await page.getByTestId('save').click();
    const alert = page.getByTestId('error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`${t('ui:fields.endDate')} : ${t('errors:validation.endBeforeStart')}`);
    // What was typed is still there; the library did not change.
    expect(await page.getByTestId('field-place-fr').inputValue()).toBe('Panama');
    expect(await page.getByTestId('field-endDate-day').inputValue()).toBe('10');
    expect(JSON.stringify(doc())).toBe(before);
    await shot('meeting-error-fr');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('field-endDate-day').fill('14');
    await page.getByTestId('save').click();
    await expect.poll(() => doc().meetings.find((m) => m.title.fr?.text.startsWith('Deuxième rencontre'))?.endDate).toBe('2026-03-14');
    const meeting = doc().meetings.find((m) => m.title.fr?.text.startsWith('Deuxième rencontre'))!;
    expect(meeting).toMatchObject({ networkId: 'net-rps', hostCountry: 'PA', startDate: '2026-03-12', place: { fr: { text: 'Panama' } } });
    expect(doc().meetings.filter((m) => m.networkId === 'net-rps').length).toBeGreaterThanOrEqual(2);
    await shot('meeting-saved-fr');
    await page.getByTestId('back-to-list').click();
    await page.getByTestId(`row-${meeting.id}`).waitFor();
    await page.getByTestId('ui-language').selectOption('en');
  });

  it('creates a roadmap priority, refusing a number the network already has', async () => {
    const t = createTranslator('en');
    await expect.poll(() => page.getByTestId('nav-library').textContent()).toBe(t('ui:nav.library'));
    await page.getByTestId('kind-priorities').click();
    await page.getByTestId('new-priority').click();
    // The new network has no priority yet (number 1); the roadmap's network has seven.
    await page.getByTestId('new-piece-network').selectOption('net-rps');
    await page.getByTestId('new-piece-title').fill('Gender equality in security policy');
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('editor').waitFor();
    expect(await page.getByTestId('field-number').inputValue()).toBe('8');
    await page.getByTestId('field-body-en').fill('Parliaments review security budgets for their effect on women and girls.');
    await page.getByTestId('field-number').fill('3');
    await page.getByTestId('save').click();
    const alert = page.getByTestId('error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`${t('ui:fields.number')}: ${t('errors:validation.duplicateNumber', { network: 'net-rps', number: 3 })}`);
    expect(await page.getByTestId('field-body-en').inputValue()).toContain('women and girls');
    await shot('priority-error-en');
    await page.getByTestId('field-number').fill('8');
    await page.getByTestId('save').click();
    await expect.poll(() => doc().priorities.find((p) => p.title.en?.text === 'Gender equality in security policy')?.number).toBe(8);
    await shot('priority-saved-en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('back-to-list').click();
  });

  it('creates an instrument with a parent that serves the new priority', async () => {
    const priority = doc().priorities.find((p) => p.title.en?.text === 'Gender equality in security policy')!;
    const parent = doc().instruments[0]!;
    await page.getByTestId('kind-instruments').click();
    await page.getByTestId('new-instrument').click();
    await page.getByTestId('new-piece-title').fill('Additional protocol on gender and security');
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('field-kind').selectOption('protocol');
    await page.getByTestId('field-parentId').selectOption(parent.id);
    await page.getByTestId('field-yearAdopted').fill('2026');
    await page.getByTestId('field-summary-en').fill('Adds gender analysis to the regional security framework.');
    await page.getByTestId(`priorities-${priority.id}`).check();
    await page.getByTestId('save').click();
    await expect.poll(() => doc().instruments.find((i) => i.shortName.en?.text === 'Additional protocol on gender and security')?.priorities).toEqual([priority.id]);
    const instrument = doc().instruments.find((i) => i.shortName.en?.text === 'Additional protocol on gender and security')!;
    expect(instrument).toMatchObject({ kind: 'protocol', parentId: parent.id, yearAdopted: 2026 });
    await shot('instrument-saved-en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('back-to-list').click();
    await page.getByTestId(`row-${instrument.id}`).waitFor();
    await shot('instruments-list-en');
  });
});
