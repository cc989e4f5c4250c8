import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/server';
import { hashSourceText } from '../../main/db/textHash';
import { editionModels } from '../../main/pdf/editionModels';
import { ARTIFACTS, RUN_BROWSER_TESTS, useBrowserSession, seriousViolations, type BrowserSession } from '../helpers/browser';

/**
 * The translator's references around the rest of the app (browser mode, starter library): the
 * pack builder lists the build's warnings by piece and leads to each text; a TMX file is checked,
 * summed up and imported from the translator's screen, a bad one refused with nothing written;
 * deleting a termbase concept asks first and can be undone.
 */
let session: BrowserSession;
let app: TestApp;
let page: Page;

useBrowserSession((opened) => {
  session = opened;
  ({ app, page } = opened);
  page.setDefaultTimeout(10_000);
});

const at = '2026-01-01T00:00:00.000Z';

describe.skipIf(!RUN_BROWSER_TESTS)('terms and memory across the app', () => {
  it('lists the build warnings by piece (a forbidden term, a character the fonts lack, fallbacks), each leading to its text', async () => {
    const store = app.ctx.store;
    const { usedBy } = editionModels(store.readDocument(), 'pack-panama-2025', ['es']);
    const [pieceId, field] = [...usedBy.es!].map((k) => k.split('\u0000') as [string, string]).find(([, f]) => f === 'body')!;
    const fr = 'La coopération contre la traite des personnes.';
    store.write(() =>
      store.texts.replaceField(pieceId, field, {
        ...store.texts.readPiece(pieceId).get(field)!,
        fr: { text: fr, status: 'approved' },
        es: { text: 'La cooperación contra la trata de seres humanos ᚠ.', status: 'approved', from: 'fr', sourceHash: hashSourceText(fr), approvedBy: 'Ana', approvedAt: at },
      }, at),
    );
    // Another printed text with no Spanish: the edition prints it in another language (a fallback).
    const [otherId, otherField] = [...usedBy.es!].map((k) => k.split('\u0000') as [string, string]).find(([id, f]) => id !== pieceId && f === 'title')!;
    store.write(() => {
      const { es: _dropped, ...rest } = store.texts.readPiece(otherId).get(otherField)!;
      store.texts.replaceField(otherId, otherField, rest, at);
    });
    await page.getByTestId('nav-packs').click();
    await page.getByTestId('pack-panama-2025').click();
    await page.getByTestId('pack-builder').waitFor();
    await page.getByTestId('build-mode').selectOption('es');
    await page.getByTestId('build').click();
    await page.getByTestId('build-report').waitFor({ timeout: 90_000 });
    const warnings = page.getByTestId('build-warnings');
    await warnings.waitFor();
    const group = warnings.locator(`[data-testid="warning-piece"][data-piece="${pieceId}"]`);
    const forbidden = group.locator('[data-kind="termForbidden"]');
    expect(await forbidden.textContent()).toContain('Spanish edition, Text: uses the forbidden term “trata de seres humanos”; the termbase expects trata de personas.');
    expect(await group.locator('[data-kind="glyphs"]').textContent()).toContain('ᚠ (U+16A0)');
    expect(await warnings.locator('h5').textContent()).toBe('4 warnings in 2 pieces');
    const fallback = warnings.locator(`[data-testid="warning-piece"][data-piece="${otherId}"] [data-kind="fallback"]`);
    expect(await fallback.textContent()).toContain('Spanish edition, Title: not translated yet, so printed in another language and marked as such.');
    await warnings.scrollIntoViewIfNeeded();
    await session.shot('build-warnings-en');
    expect(await seriousViolations(page)).toEqual([]);
    // In the reader's language, like every other message.
    await page.getByTestId('ui-language').selectOption('es');
    await expect.poll(() => warnings.locator('h5').textContent()).toBe('4 advertencias en 2 piezas');
    expect(await forbidden.textContent()).toContain('Texto, edición en español: usa el término prohibido «trata de seres humanos»; la base terminológica espera trata de personas.');
    await warnings.scrollIntoViewIfNeeded();
    await session.shot('build-warnings-es');
    await page.getByTestId('ui-language').selectOption('en');
    await expect.poll(() => warnings.locator('h5').textContent()).toBe('4 warnings in 2 pieces');

    // The link goes to the text, in the language it warns about.
    await forbidden.getByRole('button').click();
    await page.getByTestId(`field-${field}-es`).waitFor();
    expect(await page.getByTestId(`field-${field}-es`).inputValue()).toContain('trata de seres humanos');
  }, 180_000);

  it('imports a TMX file from the translator’s screen after its summary, refuses a bad one with nothing written, and removes an import', async () => {
    const rows = () => app.ctx.store.db.prepare('SELECT origin, source, target FROM external_memory ORDER BY rowid').all();
    await page.getByTestId('nav-translate').click();
    const good = path.join(ARTIFACTS, 'memoq-e2e.tmx');
    fs.writeFileSync(
      good,
      `<?xml version="1.0" encoding="utf-8"?>
<tmx version="1.4"><header creationtool="memoQ" creationtoolversion="10.0" segtype="sentence" o-tmf="MemoQTM" adminlang="en-us" srclang="en-us" datatype="unknown"/>
<body>
<tu><tuv xml:lang="en-us"><seg>Parliamentary diplomacy in the Americas.</seg></tuv><tuv xml:lang="es-mx"><seg>La diplomacia parlamentaria en las Américas.</seg></tuv></tu>
<tu><tuv xml:lang="en-us"><seg>Open parliament.</seg></tuv><tuv xml:lang="fr-ca"><seg>Parlement ouvert.</seg></tuv></tu>
</body></tmx>
`,
    );
    const bad = path.join(ARTIFACTS, 'memoq-bad-e2e.tmx');
    fs.writeFileSync(bad, fs.readFileSync(good, 'utf8').replace('es-mx', 'de-de'));
    await page.getByTestId('tmx-import').setInputFiles(bad);
    const error = page.getByTestId('tmx-error');
    await expect.poll(() => error.textContent()).toContain('Line 4: the language “de-de” is not one the library holds (en, fr, es). Nothing was imported.');
    expect(rows()).toEqual([]);
    await error.scrollIntoViewIfNeeded();
    await session.shot('tmx-import-refused-en');
    // The same refusal in French and Spanish.
    await page.getByTestId('ui-language').selectOption('fr');
    await page.getByTestId('tmx-import').setInputFiles(bad);
    await expect.poll(() => error.textContent()).toContain('Ligne 4 : la langue « de-de » n’est pas une langue de la bibliothèque (en, fr, es). Rien n’a été importé.');
    await page.getByTestId('ui-language').selectOption('es');
    await page.getByTestId('tmx-import').setInputFiles(bad);
    await expect.poll(() => error.textContent()).toContain('Línea 4: el idioma «de-de» no es uno de los de la biblioteca (en, fr, es). No se importó nada.');
    await session.shot('tmx-import-refused-es');
    await page.getByTestId('ui-language').selectOption('en');
    expect(rows()).toEqual([]);

    await page.getByTestId('tmx-import').setInputFiles(good);
    const review = page.getByTestId('tmx-review');
    await review.waitFor();
    expect(await review.textContent()).toContain('memoq-e2e.tmx holds 2 translation pairs that can be imported:');
    expect(await page.getByTestId('tmx-pairs').locator('li').allTextContents()).toEqual(['English → Spanish: 1 pair', 'English → French: 1 pair']);
    expect(await page.getByTestId('tmx-error').count()).toBe(0);
    expect(rows()).toEqual([]);
    await review.scrollIntoViewIfNeeded();
    await session.shot('tmx-import-review-en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('tmx-apply').click();
    await expect.poll(() => page.getByTestId('tmx-status').textContent()).toBe('Imported 2 translation pairs from memoq-e2e.tmx into the memory (replacing 0).');
    expect(rows()).toEqual([
      { origin: 'memoq-e2e.tmx', source: 'Parliamentary diplomacy in the Americas.', target: 'La diplomacia parlamentaria en las Américas.' },
      { origin: 'memoq-e2e.tmx', source: 'Open parliament.', target: 'Parlement ouvert.' },
    ]);
    // Listed among the imported files; removing it asks, then takes its pairs out of the memory.
    const listed = page.locator('[data-testid="tmx-imported"][data-origin="memoq-e2e.tmx"]');
    expect(await listed.textContent()).toContain('memoq-e2e.tmx: 2 pairs (en → es, en → fr)');
    await listed.getByTestId('tmx-remove').click();
    const ask = page.getByTestId('tmx-remove-dialog');
    await ask.waitFor();
    expect(await ask.locator('h2').textContent()).toBe('Remove memoq-e2e.tmx from the translation memory?');
    await session.shot('tmx-remove-ask-en');
    await ask.getByTestId('dialog-confirm').click();
    await expect.poll(() => page.getByTestId('tmx-status').textContent()).toBe('Removed memoq-e2e.tmx (2 pairs) from the memory.');
    expect(rows()).toEqual([]);
    // The list reloads after the status line is written: wait for it rather than race it.
    await expect.poll(() => page.getByTestId('tmx-imports').count()).toBe(0);
  });

  it('asks before deleting a concept, naming its term, and brings it back with Undo', async () => {
    const store = app.ctx.store;
    const before = store.terms.read('un-trafficking-in-persons')!;
    await page.getByTestId('nav-terms').click();
    const card = page.locator('[data-testid="concept"][data-concept="un-trafficking-in-persons"]');
    await card.getByTestId('concept-edit').click();
    await page.getByTestId('concept-delete').click();
    const ask = page.getByTestId('concept-delete-dialog');
    await ask.waitFor();
    expect(await ask.locator('h2').textContent()).toBe('Delete the concept “trafficking in persons”?');
    expect(await ask.textContent()).toContain('trata de seres humanos (Forbidden)');
    await session.shot('terms-delete-ask-en');
    // Cancel keeps it.
    await ask.getByTestId('dialog-cancel').click();
    expect(store.terms.read('un-trafficking-in-persons')).toEqual(before);

    await page.getByTestId('concept-delete').click();
    await page.getByTestId('concept-delete-dialog').getByTestId('dialog-confirm').click();
    await expect.poll(() => page.getByTestId('terms-notice').textContent()).toBe('Concept “trafficking in persons” (un-trafficking-in-persons) deleted. Undo');
    expect(store.terms.read('un-trafficking-in-persons')).toBeNull();
    await session.shot('terms-deleted-undo-en');
    await page.getByTestId('concept-undo-delete').click();
    await expect.poll(() => page.getByTestId('terms-notice').textContent()).toBe('Concept “trafficking in persons” (un-trafficking-in-persons) is back, as it was.');
    expect(store.terms.read('un-trafficking-in-persons')).toEqual(before);
    await card.waitFor();
  });
});
