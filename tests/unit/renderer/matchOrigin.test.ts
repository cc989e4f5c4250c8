import fs from 'node:fs';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { matchOrigin } from '../../../renderer/src/features/translate/matchOrigin';

const ui = (lang: string) => JSON.parse(fs.readFileSync(new URL(`../../../shared/locales/${lang}/ui.json`, import.meta.url), 'utf8')) as object;

describe('matchOrigin', () => {
  it.each([
    ['en', 'from prio-1 · body', 'from the imported memory trados.tmx'],
    ['fr', 'de la mémoire importée trados.tmx'],
    ['es', 'de la memoria importada trados.tmx'],
  ])('names a piece and field, or the imported TMX file, in %s', async (lang, ...expected) => {
    const i18n = createInstance();
    await i18n.init({ lng: lang, resources: { [lang]: { ui: ui(lang) } }, interpolation: { escapeValue: false } });
    const imported = matchOrigin(i18n.t, { pieceId: '', field: '', origin: 'trados.tmx' });
    expect(imported).toBe(expected.at(-1));
    const own = matchOrigin(i18n.t, { pieceId: 'prio-1', field: 'body' });
    expect(own).toContain('prio-1');
    expect(own).not.toContain('trados');
    if (lang === 'en') expect(own).toBe(expected[0]);
  });
});
