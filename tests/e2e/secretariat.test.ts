import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/server';
import { RUN_BROWSER_TESTS, openBrowserSession, seriousViolations, type BrowserSession } from '../helpers/browser';
import { createTranslator } from '../../shared/locales/createTranslator';
import { loadPdf } from '../helpers/pdf';
import { serializeLibrary } from '../../main/services/exportLibrary';
import { checkLibrary } from '../../main/services/checkLibrary';
import type { Locale } from '../../shared/domain/locales';

/**
 * Issue 9, "Done when": a secretariat prepares the network's second meeting from the starter
 * library with no command line, in one browser session and in order — the meeting, two roadmap
 * priorities, an instrument serving one, a country note, a pack of three sections for the new
 * meeting, its three editions built and read in the app's viewer, the note deleted with its
 * reference removed, the library exported and imported back — switching the interface between
 * English, French and Spanish on the way. Every screen visited is checked with axe and
 * photographed (test-artifacts/scn-*.png). The steps depend on one another: each `it` continues
 * where the previous one stopped.
 */
let session: BrowserSession;
let app: TestApp;
let page: Page;
const STEP = 180_000;

beforeAll(async () => {
  if (!RUN_BROWSER_TESTS) return;
  session = await openBrowserSession();
  ({ app, page } = session);
  page.setDefaultTimeout(30_000);
  await page.goto(app.server.url);
  await page.getByTestId('nav-library').waitFor();
}, STEP);

afterAll(async () => {
  await session?.close();
});

const doc = () => app.ctx.store.readDocument();
const exported = () => serializeLibrary(doc());
const clean = () => expect(checkLibrary(app.ctx.store.db).problems).toEqual([]);

/** A screenshot to look at, and axe over the same screen. */
async function screen(name: string): Promise<void> {
  await session.shot(`scn-${name}`);
  expect(await seriousViolations(page)).toEqual([]);
}

async function uiLanguage(locale: Locale): Promise<ReturnType<typeof createTranslator>> {
  await page.getByTestId('ui-language').selectOption(locale);
  const t = createTranslator(locale);
  await expect.poll(() => page.getByTestId('nav-library').textContent()).toBe(t('ui:nav.library'));
  return t;
}

async function setDate(field: string, day: string, month: string, year: string) {
  await page.getByTestId(`${field}-day`).fill(day);
  await page.getByTestId(`${field}-month`).selectOption(month);
  await page.getByTestId(`${field}-year`).fill(year);
}

const MEETING_FR = 'Deuxième rencontre du Réseau parlementaire pour la sécurité';
const MEETING_EN = 'Second meeting of the Parliamentary Network on Security';
const MEETING_ES = 'Segunda reunión de la Red parlamentaria de seguridad';
const PRIORITY_A = 'Firearms control in the Caribbean';
const PRIORITY_B = 'Oversight of private security companies';
const INSTRUMENT = 'Caribbean Firearms Roadmap';
const NOTE_ES = 'Costa Rica ante el control de armas de fuego';
const PACK = 'Briefing for the second meeting in San José';

const meeting = () => doc().meetings.find((m) => m.title.fr?.text === MEETING_FR);
const priority = (title: string) => doc().priorities.find((p) => p.title.en?.text === title);
const instrument = () => doc().instruments.find((i) => i.shortName.en?.text === INSTRUMENT);
const note = () => doc().notes.find((n) => n.title.es?.text === NOTE_ES);
const pack = () => doc().packs.find((p) => p.title.en?.text === PACK);

describe.skipIf(!RUN_BROWSER_TESTS)('a secretariat prepares the second meeting, with no command line', () => {
  it('1. in French: creates the network’s second meeting, with its dates, place and host country', async () => {
    const t = await uiLanguage('fr');
    await page.getByTestId('kind-meetings').click();
    await page.getByTestId('new-meeting').click();
    await page.getByTestId('new-piece-network').selectOption('net-rps');
    await page.getByTestId('new-piece-title').fill(MEETING_FR);
    await screen('meeting-dialog-fr');
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('editor').waitFor();
    expect(await page.getByTestId('field-startDate-month').locator('option[value="5"]').textContent()).toBe('mai');
    await page.getByTestId('field-title-en').fill(MEETING_EN);
    await page.getByTestId('field-title-es').fill(MEETING_ES);
    await page.getByTestId('field-place-fr').fill('San José');
    await page.getByTestId('field-hostCountry').selectOption('CR');
    await setDate('field-startDate', '18', '5', '2026');
    await setDate('field-endDate', '20', '5', '2026');
    await page.getByTestId('save').click();
    await expect.poll(() => meeting()?.endDate).toBe('2026-05-20');
    expect(meeting()).toMatchObject({ networkId: 'net-rps', hostCountry: 'CR', startDate: '2026-05-18', title: { en: { text: MEETING_EN } } });
    expect(doc().meetings.filter((m) => m.networkId === 'net-rps')).toHaveLength(2);
    expect(await page.getByTestId('save').textContent()).toBe(t('ui:actions.save'));
    await screen('meeting-saved-fr');
    await page.getByTestId('back-to-list').click();
    await page.getByTestId(`row-${meeting()!.id}`).waitFor();
    await screen('meetings-list-fr');
  }, STEP);

  it('2. in English: adds two roadmap priorities to the network', async () => {
    await uiLanguage('en');
    await page.getByTestId('kind-priorities').click();
    for (const [title, body] of [
      [PRIORITY_A, 'Parliaments harmonise firearms marking and tracing laws across the Caribbean.'],
      [PRIORITY_B, 'Parliaments set rules and public registers for private security companies.'],
    ] as const) {
      await page.getByTestId('new-priority').click();
      await page.getByTestId('new-piece-network').selectOption('net-rps');
      await page.getByTestId('new-piece-title').fill(title);
      await page.getByTestId('dialog-confirm').click();
      await page.getByTestId('editor').waitFor();
      await page.getByTestId('field-body-en').fill(body);
      await page.getByTestId('save').click();
      await expect.poll(() => priority(title)?.body.en?.text).toBe(body);
      await screen(`priority-${priority(title)!.number}-en`);
      await page.getByTestId('back-to-list').click();
      await page.getByTestId(`row-${priority(title)!.id}`).waitFor();
    }
    // Numbered after the seven of the starter roadmap, in the order they were added.
    expect([priority(PRIORITY_A)!.number, priority(PRIORITY_B)!.number]).toEqual([8, 9]);
    await screen('priorities-list-en');
  }, STEP);

  it('3. creates an instrument that serves the first new priority', async () => {
    const served = priority(PRIORITY_A)!;
    await page.getByTestId('kind-instruments').click();
    await page.getByTestId('new-instrument').click();
    await page.getByTestId('new-piece-title').fill(INSTRUMENT);
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('field-yearAdopted').fill('2018');
    await page.getByTestId('field-summary-en').fill('A regional plan to end illicit firearms trafficking in the Caribbean by 2030.');
    await page.getByTestId(`priorities-${served.id}`).check();
    await page.getByTestId('save').click();
    await expect.poll(() => instrument()?.priorities).toEqual([served.id]);
    expect(instrument()!.yearAdopted).toBe(2018);
    await screen('instrument-saved-en');
    await page.getByTestId('back-to-list').click();
    // Its reading view names the priority it serves, as a link.
    await page.getByTestId(`row-${instrument()!.id}`).click();
    await page.locator('[data-testid="reader"][data-state="ready"]').waitFor();
    await page.getByTestId('reader-links-priorities').getByTestId(`reader-link-${served.id}`).waitFor();
    await screen('instrument-reader-en');
  }, STEP);

  it('4. in Spanish: writes a country note about the host country, linked to the instrument and priority', async () => {
    await uiLanguage('es');
    await page.getByTestId('kind-notes').click();
    await page.getByTestId('new-note').click();
    await page.getByTestId('note-type-country').check();
    await page.getByTestId('new-note-country').selectOption('CR');
    await page.getByTestId('new-note-title').fill(NOTE_ES);
    await page.getByTestId('new-note-language').selectOption('es');
    await screen('note-dialog-es');
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('field-body-es').fill('**Costa Rica** aprobó en 2024 una ley de marcaje de armas de fuego.');
    await page.getByTestId('field-title-en').fill('Costa Rica and firearms control');
    await page.getByTestId('field-body-en').fill('**Costa Rica** passed a firearms marking law in 2024.');
    await page.getByTestId('field-title-fr').fill('Le Costa Rica et le contrôle des armes à feu');
    await page.getByTestId('field-body-fr').fill('Le **Costa Rica** a adopté en 2024 une loi sur le marquage des armes à feu.');
    await page.getByTestId(`instruments-${instrument()!.id}`).check();
    await page.getByTestId(`priorities-${priority(PRIORITY_A)!.id}`).check();
    await page.getByTestId('save').click();
    await expect.poll(() => note()?.instruments).toEqual([instrument()!.id]);
    expect(note()).toMatchObject({ countryCode: 'CR', priorities: [priority(PRIORITY_A)!.id] });
    await screen('note-saved-es');
    await page.getByTestId('back-to-list').click();
    await page.getByTestId(`row-${note()!.id}`).waitFor();
    await screen('notes-list-es');
  }, STEP);

  it('5. in English: makes a pack for the new meeting with three sections holding those pieces', async () => {
    await uiLanguage('en');
    await page.getByTestId('nav-packs').click();
    await page.getByTestId('new-pack').click();
    await page.getByTestId('new-pack-title').fill(PACK);
    await page.getByTestId('new-pack-language').selectOption('en');
    await page.getByTestId('new-pack-meeting').selectOption(meeting()!.id);
    await screen('pack-dialog-en');
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('pack-builder').waitFor();
    await page.getByTestId('field-title-fr').fill('Dossier pour la deuxième rencontre à San José');
    await page.getByTestId('field-title-es').fill('Carpeta para la segunda reunión en San José');
    const sections: { en: string; fr: string; es: string; items: string[] }[] = [
      { en: 'Roadmap priorities', fr: 'Priorités de la feuille de route', es: 'Prioridades de la hoja de ruta', items: [priority(PRIORITY_A)!.id, priority(PRIORITY_B)!.id] },
      { en: 'Instruments', fr: 'Instruments', es: 'Instrumentos', items: [instrument()!.id] },
      { en: 'Host country', fr: 'Pays hôte', es: 'País anfitrión', items: [note()!.id] },
    ];
    for (const [index, section] of sections.entries()) {
      await page.getByTestId('add-section').click();
      for (const locale of ['en', 'fr', 'es'] as const) await page.getByTestId(`field-section-${index}-title-${locale}`).fill(section[locale]);
      await page.getByTestId(`add-item-${index}`).click();
      for (const id of section.items) {
        const title = doc().priorities.find((p) => p.id === id)?.title.en?.text ?? doc().instruments.find((i) => i.id === id)?.shortName.en?.text ?? 'Costa Rica';
        await page.getByTestId('item-search').fill(title);
        await page.getByTestId(`add-${id}`).click();
        await expect.poll(() => page.getByTestId(`add-${id}`).isDisabled()).toBe(true);
      }
      await page.getByTestId('add-close').click();
    }
    await page.getByTestId('save').click();
    await expect.poll(() => pack()?.sections.map((s) => s.items.map((i) => i.ref))).toEqual(sections.map((s) => s.items));
    expect(pack()!.meetingId).toBe(meeting()!.id);
    expect(pack()!.sections.map((s) => s.title.fr?.text)).toEqual(sections.map((s) => s.fr));
    await page.getByTestId('section-2').scrollIntoViewIfNeeded();
    expect(await page.getByTestId('section-2').locator('[data-testid^="item-2-"]').count()).toBe(1);
    await screen('pack-builder-en');
  }, STEP);

  it('6. builds the three editions and reads each one in the viewer: its pages and its bookmarks', async () => {
    const t = createTranslator('en');
    await page.getByTestId('build-mode').selectOption('all');
    await page.getByTestId('build').click();
    await page.getByTestId('build-report').waitFor({ timeout: STEP });
    await expect.poll(() => page.getByTestId('build-summary').textContent(), { timeout: STEP }).toMatch(/^3 PDFs built in [\d.]+ s\.$/);
    await screen('build-report-en');
    const built = (edition: string) =>
      fs
        .readdirSync(app.ctx.outputDir, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith(`${pack()!.slug}-${edition}.pdf`))
        .map((f) => path.join(app.ctx.outputDir, f))[0]!;
    await page.getByTestId('view-en').click();
    await page.getByTestId('viewer').waitFor();
    for (const edition of ['en', 'fr', 'es'] as const) {
      await page.getByTestId(`viewer-tab-${edition}`).click();
      await expect.poll(() => page.getByTestId(`viewer-tab-${edition}`).getAttribute('aria-selected')).toBe('true');
      await page.locator('[data-testid="viewer-page-1"][data-rendered="true"]').waitFor({ timeout: STEP });
      const count = Number(/\d+/.exec((await page.getByTestId('viewer-page-count').textContent()) ?? '')?.[0]);
      expect(count).toBeGreaterThan(1);
      // The pages shown are the built edition's, which holds the pieces in its language.
      const pdf = await loadPdf(built(edition));
      expect(pdf.pageCount).toBe(count);
      expect(pdf.text).toContain(note()!.title[edition]!.text);
      expect(pdf.text).toContain(INSTRUMENT);
      expect(await page.getByTestId('viewer-page-count').textContent()).toBe(t('ui:viewer.ofPages', { total: count }));
      // The bookmarks name the sections in the edition's language.
      const outline = page.getByTestId('viewer-outline');
      const bookmarks = outline.locator('[data-testid^="bookmark-"]');
      await bookmarks.first().waitFor();
      const titles = await bookmarks.allTextContents();
      const section = pack()!.sections[2]!.title[edition]!.text;
      const at = titles.findIndex((title) => title.includes(section));
      expect(at, titles.join(' | ')).toBeGreaterThanOrEqual(0);
      await bookmarks.nth(at).click();
      await expect.poll(async () => Number(await page.getByTestId('viewer-pages').getAttribute('data-page'))).toBeGreaterThan(1);
      await screen(`viewer-${edition}`);
    }
    await page.getByTestId('viewer-close').click();
    await page.getByTestId('viewer').waitFor({ state: 'detached' });
  }, STEP);

  it('7. deletes the note the pack uses: the dialog names the pack, the reference goes with it, check stays clean', async () => {
    const t = createTranslator('en');
    const noteId = note()!.id;
    await page.getByTestId('nav-library').click();
    await page.getByTestId('kind-notes').click();
    await page.getByTestId(`row-${noteId}`).click();
    await page.locator('[data-testid="reader"][data-state="ready"]').waitFor();
    await page.getByTestId('reader-links-instruments').getByTestId(`reader-link-${instrument()!.id}`).waitFor();
    await screen('note-reader-en');
    await page.getByTestId('reader-edit').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('delete-piece').click();
    const dialog = page.getByTestId('delete-piece-dialog');
    await dialog.getByTestId('delete-references').waitFor();
    const listed = await dialog.getByTestId('delete-references').innerText();
    expect(listed).toContain(`Pack “${PACK}”`);
    expect(listed).toContain(t('ui:delete.inSection', { title: 'Host country' }));
    expect(await dialog.innerText()).not.toContain(noteId);
    expect(await dialog.getByTestId('dialog-confirm').innerText()).toBe(t('ui:delete.removeAndDelete'));
    await screen('delete-dialog-en');
    await dialog.getByTestId('dialog-confirm').click();
    await page.getByTestId('deleted-notice').waitFor();
    expect(app.ctx.store.kindOf(noteId)).toBeUndefined();
    await screen('deleted-notice-en');
    expect(pack()!.sections[2]!.items).toEqual([]);
    clean();
    // The pack builder no longer lists it.
    await page.getByTestId('nav-packs').click();
    await page.getByTestId(`pack-${pack()!.slug}`).waitFor();
    await screen('packs-list-en');
    await page.getByTestId(`pack-${pack()!.slug}`).click();
    await page.getByTestId('pack-builder').waitFor();
    await page.getByTestId('section-2').scrollIntoViewIfNeeded();
    expect(await page.getByTestId('section-2').locator('[data-testid^="item-2-"]').count()).toBe(0);
    expect(await page.getByTestId('section-0').locator('[data-testid^="item-0-"]').count()).toBe(2);
    expect(await page.getByTestId('pack-builder').innerText()).not.toContain('Costa Rica and firearms control');
    await screen('pack-after-delete-en');
  }, STEP);

  it('8. in Spanish: exports the library file, and imports it back after a change, with the dry run first', async () => {
    const t = await uiLanguage('es');
    await page.getByTestId('nav-library').click();
    await page.getByTestId('open-library-file').click();
    await page.getByTestId('library-file-dialog').waitFor();
    await screen('library-file-es');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-library').click()]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/^briefing-library-\d{4}-\d{2}-\d{2}\.json$/);
    const file = fs.readFileSync(await download.path(), 'utf8');
    expect(file).toBe(exported());
    await page.getByTestId('library-file-notice').filter({ hasText: t('ui:libraryFile.downloaded', { file: name }) }).waitFor();
    await page.getByTestId('library-file-close').click();

    // A change made after the export (the second priority retitled) is what importing it back undoes.
    const changed = priority(PRIORITY_B)!;
    await page.getByTestId('kind-priorities').click();
    await page.getByTestId(`row-${changed.id}`).click();
    await page.getByTestId('reader-edit').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('field-title-en').fill(`${PRIORITY_B} (draft to drop)`);
    await page.getByTestId('save').click();
    await expect.poll(() => doc().priorities.find((p) => p.id === changed.id)?.title.en?.text).toBe(`${PRIORITY_B} (draft to drop)`);
    await screen('priority-changed-es');
    await page.getByTestId('back-to-list').click();

    const before = exported();
    await page.getByTestId('open-library-file').click();
    await page.getByTestId('library-file-dialog').waitFor();
    await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.getByTestId('import-report').waitFor();
    // Added, updated, unchanged: one priority updated, nothing else.
    expect(await page.getByTestId('import-count-priorities').innerText()).toMatch(new RegExp(`^${t('ui:libraryFile.collection.priorities')}\\s+0\\s+1\\s+8$`));
    expect(await page.getByTestId('import-count-notes').innerText()).toMatch(new RegExp(`^${t('ui:libraryFile.collection.notes')}\\s+0\\s+0\\s+2$`));
    // The dry run writes nothing.
    expect(exported()).toBe(before);
    await screen('import-dry-run-es');
    await page.getByTestId('apply-import').click();
    await page.getByTestId('library-file-notice').filter({ hasText: `${name} se importó` }).waitFor();
    expect(exported()).toBe(file);
    clean();
    await screen('import-done-es');

    // One byte of Latin-1 in a UTF-8 file: refused where it is, not read with U+FFFD in its place.
    const at = file.indexOf(PRIORITY_B) + PRIORITY_B.length;
    const head = Buffer.from(file.slice(0, at), 'utf8');
    const latin1 = Buffer.concat([head, Buffer.from([0xe9]), Buffer.from(file.slice(at), 'utf8')]);
    const lineStart = file.lastIndexOf('\n', at - 1) + 1;
    const where = { file: 'latin1.json', line: file.slice(0, at).split('\n').length, column: [...file.slice(lineStart, at)].length + 1, offset: head.length };
    await page.getByTestId('import-file').setInputFiles({ name: 'latin1.json', mimeType: 'application/json', buffer: latin1 });
    const refusal = page.getByTestId('import-error');
    await refusal.waitFor();
    await screen('import-latin1-es');
    expect(await refusal.innerText()).toContain(t('errors:import.invalidUtf8', where));
    expect(await page.getByTestId('import-report').count()).toBe(0);
    // The earlier import's notice is not left under the refusal as if this file had been imported.
    expect(await page.getByTestId('library-file-notice').innerText()).toBe('');
    expect(exported()).toBe(file);
    await page.getByTestId('library-file-close').click();
  }, STEP);
});
