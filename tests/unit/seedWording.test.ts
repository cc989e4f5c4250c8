import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLibraryDocument } from '../../main/services/parseLibraryDocument';
import { readLibraryFile } from '../../main/services/readLibraryFile';
import { STARTER_LIBRARY_PATH } from '../../main/services/loadStarterLibrary';
import { LOCALES, type Locale } from '../../shared/domain/locales';
import type { LocalizedDoc } from '../../shared/schemas/common';
import { EMPTY_LOOKUP } from '../../shared/schemas/checkLibraryDocument';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';

/*
 * The starter content takes facts from the source documents, never sentences: no run of more
 * than 8 words of a starter text may match a run of a source document. Titles (of instruments,
 * sources, meetings, networks) and organizations' names are facts and may be quoted whole.
 * The source documents live outside the repository (../shared/seeds); without them, this skips.
 */

const SEEDS_DIR = path.resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/seeds');
const MAX_RUN = 8;
/** Names the starter content quotes as they are (an organization's own name). */
const NAMES = ['Organisation Mondiale de Sécurité Anti Corruption et Criminalité'];

const seedFiles = fs.existsSync(SEEDS_DIR) ? fs.readdirSync(SEEDS_DIR).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort() : [];

/** Lower-case words, apostrophes and punctuation as separators: "l’égard" is "l", "égard". */
function wordsOf(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Every run of `length` words of the texts, joined by spaces. */
function runs(words: readonly string[], length: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + length <= words.length; i++) out.add(words.slice(i, i + length).join(' '));
  return out;
}

/** The runs longer than MAX_RUN words that `text` shares with the source runs. */
function sharedRuns(text: string, sourceRuns: ReadonlySet<string>): string[] {
  return [...runs(wordsOf(text), MAX_RUN + 1)].filter((run) => sourceRuns.has(run));
}

function localizedEntries(value: unknown, where: string[] = []): { where: string[]; text: LocalizedDoc }[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => localizedEntries(v, [...where, String(i)]));
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > 0 && keys.every((k) => (LOCALES as readonly string[]).includes(k))) return [{ where, text: record as LocalizedDoc }];
  return keys.flatMap((k) => localizedEntries(record[k], [...where, k]));
}

/** Titles a text may quote, by locale: with and without a trailing "(working title)". */
function quotableTitles(doc: LibraryDocument, locale: Locale): string[] {
  const fields: (LocalizedDoc | null)[] = [
    ...doc.instruments.map((i) => i.officialTitle),
    ...doc.sources.map((s) => s.title),
    ...doc.meetings.flatMap((m) => [m.title, m.theme]),
    ...doc.networks.map((n) => n.name),
  ];
  const titles = fields.flatMap((f) => (f?.[locale] ? [f[locale]!.text, f[locale]!.text.replace(/\s*\([^)]*\)$/, '')] : []));
  return [...new Set([...titles, ...NAMES])].sort((a, b) => b.length - a.length);
}

describe.skipIf(seedFiles.length === 0)('starter texts against the source documents (8-word rule)', () => {
  const doc = parseLibraryDocument(readLibraryFile(STARTER_LIBRARY_PATH), STARTER_LIBRARY_PATH, EMPTY_LOOKUP);
  const sourceRuns = new Set(seedFiles.flatMap((f) => [...runs(wordsOf(fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8')), MAX_RUN + 1)]));

  it('reads the three source documents as text', () => {
    expect(seedFiles).toHaveLength(3);
    expect(sourceRuns.size).toBeGreaterThan(1000);
  });

  it('finds a copied sentence (the check works)', () => {
    const copied = 'Les priorités suivantes, identifiées lors de cette Réunion, représentent de grands domaines';
    expect(sharedRuns(copied, sourceRuns)).not.toEqual([]);
    expect(sharedRuns('Les priorités identifiées lors de cette réunion forment une feuille de route.', sourceRuns)).toEqual([]);
  });

  it('has no run of more than 8 words matching a source document, in any text or language', () => {
    const found: string[] = [];
    for (const { where, text } of localizedEntries(doc)) {
      const field = where[where.length - 1];
      // Titles themselves are facts: quoted as the sources give them.
      if (field === 'officialTitle' || (where[0] === 'sources' && field === 'title')) continue;
      for (const locale of LOCALES) {
        let body = text[locale]?.text;
        if (!body) continue;
        for (const title of quotableTitles(doc, locale)) body = body.split(title).join(' | ');
        for (const run of sharedRuns(body, sourceRuns)) found.push(`${where.join('.')}.${locale}: “${run}”`);
      }
    }
    expect(found).toEqual([]);
  });
});
