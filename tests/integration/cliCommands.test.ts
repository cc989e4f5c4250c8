import { LATEST_SCHEMA_VERSION } from '../../main/db/migrations';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportReport } from '../../main/services/importLibrary';
import type { ListEntry } from '../../main/services/listPieces';
import type { SearchHit } from '../../main/services/searchLibrary';
import { createTranslator } from '../../shared/locales/createTranslator';
import { LIBRARY_COLLECTIONS, type LibraryDocument } from '../../shared/schemas/libraryDocument';
import { cli, tempDir } from '../helpers/cli';
import { emptyDocument, tri } from '../helpers/documents';
import { exportBytes, lines, oneLine, readJson, sha256File, StarterTemplate, writeJson } from '../helpers/library';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(ROOT, 'main/bin/briefing.mjs');
const run = promisify(execFile);
const starter = new StarterTemplate();

const STARTER_COUNTS = {
  sources: 3,
  countries: 21,
  networks: 1,
  meetings: 1,
  priorities: 7,
  instruments: 12,
  notes: 2,
  packs: 1,
} as const;

async function listJson(db: string, kind: string, lang?: string): Promise<ListEntry[]> {
  const result = await cli(['list', kind, '--json', '--db', db, ...(lang ? ['--lang', lang] : [])]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ListEntry[];
}

async function importJson(db: string, file: string, ...flags: string[]): Promise<ImportReport> {
  const result = await cli(['import', file, '--json', '--db', db, ...flags]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ImportReport;
}

async function exportFile(db: string): Promise<string> {
  const file = path.join(tempDir(), 'export.json');
  const result = await cli(['export', '--db', db, '--out', file]);
  expect(result.code).toBe(0);
  return file;
}

function rawSql(db: string, sql: string): void {
  const conn = new Database(db, { fileMustExist: true });
  conn.unsafeMode(true); // lets a test damage FTS5 shadow tables on purpose
  conn.exec(sql);
  conn.close();
}

interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function spawnCli(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ProcessResult> {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd: ROOT,
      env: { ...process.env, BRIEFING_LOCALE: 'en', ...env },
      encoding: 'utf8',
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number | string; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw error;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('briefing init', () => {
  it('creates a library, loads the starter content and says what it loaded', async () => {
    const db = path.join(tempDir(), 'nested', 'folder', 'lib.sqlite');
    const result = await cli(['init', '--db', db]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual([
      `Created the library ${db}.`,
      'Loaded the starter content: 3 sources, 21 countries, 1 network, 1 meeting, 7 priorities, 12 instruments, 2 notes, 1 pack.',
    ]);
    expect(fs.existsSync(db)).toBe(true);

    const again = await cli(['init', '--db', db, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ path: db, created: false, backup: null, loaded: null });
    expect(await listJson(db, 'priorities')).toHaveLength(7);
  });

  it('reports the loaded counts per kind with --json', async () => {
    const db = path.join(tempDir(), 'lib.sqlite');
    const result = await cli(['init', '--db', db, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ path: db, created: true, loaded: STARTER_COUNTS });
  });

  it('--empty creates a library without the starter content', async () => {
    const db = path.join(tempDir(), 'lib.sqlite');
    const result = await cli(['init', '--empty', '--db', db]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('The library is empty (--empty).');
    expect(await listJson(db, 'priorities')).toEqual([]);
    const text = await cli(['list', 'priorities', '--db', db]);
    expect(text.stdout).toBe('Nothing to list.\n');
  });
});

describe('briefing list', () => {
  it('lists the 7 priorities in en, fr and es, each with titles in that language', async () => {
    const db = await starter.copy();
    const titles: Record<string, string[]> = {};
    for (const lang of ['en', 'fr', 'es']) {
      const entries = await listJson(db, 'priorities', lang);
      expect(entries, lang).toHaveLength(7);
      expect(entries.map((e) => e.details.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(entries.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `prio-rps-${n}`));
      for (const e of entries) expect(e.titleLocale, `${lang} ${e.id}`).toBe(lang);
      titles[lang] = entries.map((e) => e.title);
    }
    expect(titles.fr![0]).toBe('Sécurité humaine et multidimensionnelle');
    expect(titles.en![0]).toBe('Human and multidimensional security');
    expect(titles.es![0]).toBe('Seguridad humana y multidimensional');
    for (let i = 0; i < 7; i++) {
      expect(titles.fr![i], `priority ${i + 1}`).not.toBe(titles.en![i]);
      expect(titles.es![i], `priority ${i + 1}`).not.toBe(titles.en![i]);
    }
    const fr = await listJson(db, 'priorities', 'fr');
    expect(fr.every((e) => e.status === 'approved')).toBe(true);
    expect((await listJson(db, 'priorities', 'en')).every((e) => e.status === 'draft')).toBe(true);
  });

  it('lists the 21 countries, with formal names where the library has one', async () => {
    const db = await starter.copy();
    const en = await listJson(db, 'countries', 'en');
    expect(en).toHaveLength(21);
    const names = en.map((e) => e.title);
    expect(names).toContain('Saint Kitts and Nevis');
    expect(names).not.toContain('St. Kitts & Nevis');
    expect(names).toContain('Antigua and Barbuda');
    expect(names.some((n) => n.includes('&'))).toBe(false);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    const text = await cli(['list', 'countries', '--lang', 'en', '--db', db]);
    expect(text.stdout).toContain('Saint Kitts and Nevis');
    expect(text.stdout).not.toContain('St. Kitts');
    expect(lines(text.stdout)).toHaveLength(21);

    const fr = await listJson(db, 'countries', 'fr');
    expect(fr.find((e) => e.id === 'KN')!.title).toBe('Saint-Kitts-et-Nevis');
    expect(fr.find((e) => e.id === 'PE')!.title).toBe('Pérou');
    const es = await listJson(db, 'countries', 'es');
    expect(es.find((e) => e.id === 'PA')!.title).toBe('Panamá');
  });

  it('lists meetings, packs, notes and instruments', async () => {
    const db = await starter.copy();
    const meetings = await listJson(db, 'meetings', 'fr');
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({
      id: 'meet-rps-panama-2025',
      details: { startDate: '2025-11-27', endDate: '2025-11-28' },
    });
    expect(meetings[0]!.title).toBe('Première réunion du Réseau parlementaire sur la sécurité de ParlAmericas');
    const packs = await listJson(db, 'packs', 'en');
    expect(packs).toHaveLength(1);
    expect(packs[0]).toMatchObject({ id: 'pack-panama-2025', details: { slug: 'panama-2025', sections: 5 } });
    const notes = await listJson(db, 'notes', 'es');
    expect(notes.map((n) => n.id).sort()).toEqual(['note-omsac-palermo-25-2025', 'note-unga-trafficking-2025']);
    expect((await listJson(db, 'instruments', 'en')).length).toBe(12);
    for (const kind of ['meetings', 'packs', 'notes', 'instruments']) {
      const text = await cli(['list', kind, '--db', db, '--lang', 'es']);
      expect(text.stderr, kind).toBe('');
      expect(text.code, kind).toBe(0);
      expect(lines(text.stdout).length, kind).toBe(STARTER_COUNTS[kind as keyof typeof STARTER_COUNTS]);
    }
  });

  it('marks a title shown in another language because its own is missing', async () => {
    const db = await starter.copy();
    const doc = emptyDocument();
    doc.notes.push({
      id: 'note-fr-only',
      countryCode: null,
      date: '2030-01-01',
      tags: [],
      title: { fr: { text: 'Seulement en français', status: 'approved' } },
      body: { fr: { text: 'Corps', status: 'approved' } },
      instruments: [],
      priorities: [],
      sources: [],
    });
    await importJson(db, writeJson(path.join(tempDir(), 'n.json'), doc));
    const entry = (await listJson(db, 'notes', 'en')).find((e) => e.id === 'note-fr-only')!;
    expect(entry).toMatchObject({ title: 'Seulement en français', titleLocale: 'fr', status: 'missing' });
    const text = await cli(['list', 'notes', '--db', db]);
    expect(text.stdout).toMatch(/Seulement en français \[FR\]/);
  });
});

describe('briefing search', () => {
  it('`search securite --lang fr` finds the pieces about sécurité', async () => {
    const db = await starter.copy();
    const result = await cli(['search', 'securite', '--lang', 'fr', '--db', db]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Sécurité humaine et multidimensionnelle  (prio-rps-1)');
    expect(result.stdout).toContain('[Sécurité]');
    const json = await cli(['search', 'securite', '--lang', 'fr', '--json', '--db', db]);
    const hits = JSON.parse(json.stdout) as SearchHit[];
    expect(hits.map((h) => h.id)).toEqual(expect.arrayContaining(['prio-rps-1', 'prio-rps-6', 'net-rps']));
  });

  it('says so when nothing matches', async () => {
    const db = await starter.copy();
    const result = await cli(['search', 'zzzyyyxxx', '--db', db]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('No match for "zzzyyyxxx".\n');
  });
});

describe('briefing export and import', () => {
  it('export → import into a new empty library → export gives the same bytes', async () => {
    const db = await starter.copy();
    const first = await exportBytes(db);
    const file = writeJson(path.join(tempDir(), 'first.json'), JSON.parse(first.toString('utf8')));
    fs.writeFileSync(file, first);
    const fresh = path.join(tempDir(), 'fresh.sqlite');
    const report = await importJson(fresh, file);
    for (const c of LIBRARY_COLLECTIONS) expect(report.counts[c], c).toEqual({ added: STARTER_COUNTS[c], updated: 0, unchanged: 0 });
    const second = await exportBytes(fresh);
    expect(second.equals(first)).toBe(true);
    expect(first.toString('utf8').endsWith('}\n')).toBe(true);
    const doc = JSON.parse(first.toString('utf8')) as LibraryDocument;
    expect(doc.format).toBe('briefing-library');
    expect(doc.formatVersion).toBe(1);
    // sourceHash is always written when `from` is set
    expect(doc.priorities[0]!.title.en!.sourceHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('importing the same file again reports every record unchanged', async () => {
    const db = await starter.copy();
    const file = await exportFile(db);
    const before = await exportBytes(db);
    const report = await importJson(db, file);
    for (const c of LIBRARY_COLLECTIONS) expect(report.counts[c], c).toEqual({ added: 0, updated: 0, unchanged: STARTER_COUNTS[c] });
    expect((await exportBytes(db)).equals(before)).toBe(true);
    const text = await cli(['import', file, '--db', db]);
    expect(text.stdout).toContain('priorities: 0 added, 0 updated, 7 unchanged');
    expect(text.stdout).toContain(`Imported ${file}.`);
  });

  it('reports a modified record as updated and a new one as added; --dry-run reports the same and writes nothing', async () => {
    const db = await starter.copy();
    const file = await exportFile(db);
    const doc = readJson<LibraryDocument>(file);
    doc.priorities[2]!.title.fr!.text = 'Criminalité transnationale organisée (révisé)';
    doc.notes.push({
      id: 'note-new-one',
      countryCode: 'PA',
      date: '2025-12-01',
      tags: ['test'],
      title: tri('Nouvelle note'),
      body: tri('Texte'),
      instruments: [],
      priorities: ['prio-rps-3'],
      sources: ['src-rps-declaration-2025'],
    });
    writeJson(file, doc);

    const before = await exportBytes(db);
    const dry = await importJson(db, file, '--dry-run');
    expect(dry.dryRun).toBe(true);
    expect(dry.counts.priorities).toEqual({ added: 0, updated: 1, unchanged: 6 });
    expect(dry.counts.notes).toEqual({ added: 1, updated: 0, unchanged: 2 });
    expect(dry.counts.countries).toEqual({ added: 0, updated: 0, unchanged: 21 });
    expect((await exportBytes(db)).equals(before)).toBe(true);
    const dryText = await cli(['import', file, '--dry-run', '--db', db]);
    expect(dryText.stdout).toContain('priorities: 0 added, 1 updated, 6 unchanged');
    expect(dryText.stdout).toContain(`Dry run: ${file} is valid; nothing was written.`);
    expect((await exportBytes(db)).equals(before)).toBe(true);

    const real = await importJson(db, file);
    expect(real.dryRun).toBe(false);
    expect(real.counts).toEqual(dry.counts);
    const after = readJson<LibraryDocument>(await exportFile(db));
    expect(after.priorities[2]!.title.fr!.text).toBe('Criminalité transnationale organisée (révisé)');
    // The English draft was translated from the old French text: its hash no longer matches.
    const en = (await listJson(db, 'priorities', 'en')).find((e) => e.id === 'prio-rps-3')!;
    expect(en.status).toBe('stale');
    expect(after.notes.map((n) => n.id)).toContain('note-new-one');
  });

  it('refuses to overwrite an existing file without --force, and replaces it with --force', async () => {
    const db = await starter.copy();
    const out = path.join(tempDir(), 'out.json');
    fs.writeFileSync(out, 'precious');
    const refused = await cli(['export', '--db', db, '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(oneLine(refused.stderr)).toBe(`${out} already exists. Use --force to replace it.`);
    expect(fs.readFileSync(out, 'utf8')).toBe('precious');
    const forced = await cli(['export', '--db', db, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(new RegExp(`^Exported the library to ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ bytes\\)\\.\\n$`));
    expect(fs.readFileSync(out).equals(await exportBytes(db))).toBe(true);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['out.json']); // no temporary file left behind
  });
});

describe('briefing check', () => {
  it('exits 0 on a sound library', async () => {
    const db = await starter.copy();
    const result = await cli(['check', '--db', db]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`The library ${db} is sound (schema ${LATEST_SCHEMA_VERSION}).\n`);
    const json = await cli(['check', '--db', db, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, problems: [], schemaVersion: LATEST_SCHEMA_VERSION });
  });

  it('exits 1 and names the pack item when a piece a pack lists was deleted', async () => {
    const db = await starter.copy();
    rawSql(db, "DELETE FROM pieces WHERE id = 'note-unga-trafficking-2025'");
    const result = await cli(['check', '--db', db]);
    expect(result.code).toBe(1);
    expect(lines(result.stdout)).toEqual([
      `The library ${db} has 2 problems:`,
      '  - pack pack-panama-2025 lists note "note-unga-trafficking-2025", which no longer exists',
      // Deleted around the write gate: its history still says it exists.
      '  - note-unga-trafficking-2025: its newest version in the history is not what the piece holds now (changed without recording a version)',
    ]);
  });

  it('exits 1 when a text is missing from the search index', async () => {
    const db = await starter.copy();
    rawSql(db, 'DELETE FROM search_index WHERE rowid = (SELECT min(rowid) FROM search_index)');
    const result = await cli(['check', '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('the search index is out of step with the texts');
  });

  it('exits 1 when the search index holds other words than the texts', async () => {
    const db = await starter.copy();
    rawSql(db, "UPDATE search_index SET body = 'zzz' WHERE rowid = (SELECT min(rowid) FROM search_index)");
    const result = await cli(['check', '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('the search index is out of step with the texts');
  });

  it('exits 1 when the search index storage itself is damaged', async () => {
    const db = await starter.copy();
    rawSql(db, 'DELETE FROM search_index_data WHERE id > 10');
    const result = await cli(['check', '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('search index');
  });

  it('exits 1 when a translation has lost its source text', async () => {
    const db = await starter.copy();
    rawSql(db, "DELETE FROM texts WHERE piece_id = 'prio-rps-1' AND field = 'title' AND locale = 'fr'");
    const result = await cli(['check', '--db', db, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { ok: boolean; problems: { key: string }[] };
    expect(report.ok).toBe(false);
    // The deleted text also left the piece out of step with its history (written around the gate).
    expect(report.problems.map((p) => p.key).sort()).toEqual(['historyBehind', 'orphanTranslation', 'orphanTranslation']);
  });
});

describe('help', () => {
  const commands = ['init', 'list', 'search', 'export', 'import', 'check'];

  it('--help works on every command', async () => {
    const t = createTranslator('en');
    for (const command of commands) {
      const result = await cli([command, '--help']);
      expect(result.code, command).toBe(0);
      expect(result.stderr, command).toBe('');
      expect(result.stdout, command).toContain(`briefing ${command}`);
      const description = t(`cli:commands.${command}`, { version: 1 });
      expect(result.stdout.replace(/\s+/g, ' '), command).toContain(description.replace(/\s+/g, ' '));
      expect(result.stdout, command).toContain('--help');
    }
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    for (const command of commands) expect(top.stdout).toContain(command);
    const sub = await cli(['help', 'import']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('briefing import');
    expect(sub.stdout).toContain('--dry-run');
  });

  it('help is in the reader’s language, headings included', async () => {
    for (const [locale, usage, commandsTitle] of [
      ['fr', 'Utilisation :', 'Commandes :'],
      ['es', createTranslator('es')('cli:help.usage'), createTranslator('es')('cli:help.commands')],
    ] as const) {
      expect(usage).not.toBe('Usage:');
      const top = await cli(['--help'], { BRIEFING_LOCALE: locale });
      expect(top.code).toBe(0);
      expect(top.stdout.replace(/\s+/g, ' ')).toContain(createTranslator(locale)('cli:commands.import'));
      expect(top.stdout.startsWith(`${usage} briefing`), `${locale}: ${top.stdout.split('\n')[0]}`).toBe(true);
      expect(top.stdout).toContain(commandsTitle);
      expect(top.stdout).not.toContain('Commands:');
      const list = await cli(['list', '--help'], { BRIEFING_LOCALE: locale });
      expect(list.stdout).not.toMatch(/^Usage:|^Options:|^Arguments:/m);
    }
  });
});

describe('which library', () => {
  it('BRIEFING_DB is honoured, and --db wins over it', async () => {
    const full = await starter.copy();
    const empty = path.join(tempDir(), 'empty.sqlite');
    expect((await cli(['init', '--empty', '--db', empty])).code).toBe(0);

    const viaEnv = await cli(['list', 'priorities', '--json'], { BRIEFING_DB: full });
    expect(viaEnv.code).toBe(0);
    expect(JSON.parse(viaEnv.stdout)).toHaveLength(7);

    const flagWins = await cli(['list', 'priorities', '--json', '--db', empty], { BRIEFING_DB: full });
    expect(flagWins.code).toBe(0);
    expect(JSON.parse(flagWins.stdout)).toEqual([]);

    const missing = path.join(tempDir(), 'missing.sqlite');
    const envMissing = await cli(['list', 'priorities'], { BRIEFING_DB: missing });
    expect(envMissing.code).toBe(1);
    expect(oneLine(envMissing.stderr)).toBe(`No library at ${missing}. Create it with: briefing init --db ${missing}`);
    expect(fs.existsSync(missing)).toBe(false);
    const init = await cli(['init'], { BRIEFING_DB: missing });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(`Created the library ${missing}.`);
  });

  it('without --db or BRIEFING_DB, the per-user library is created with the starter content on first use', async () => {
    const config = tempDir('briefing-xdg-');
    vi.stubEnv('XDG_CONFIG_HOME', config);
    vi.stubEnv('BRIEFING_DB', '');
    const result = await cli(['list', 'priorities', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(7);
    expect(fs.existsSync(path.join(config, 'Briefing Pack Builder', 'library.sqlite'))).toBe(true);
  });
});

describe('messages follow BRIEFING_LOCALE', () => {
  it('errors and output are in French with fr and in Spanish with es', async () => {
    const missing = path.join(tempDir(), 'missing.sqlite');
    const english = (await cli(['list', 'priorities', '--db', missing])).stderr;
    for (const locale of ['fr', 'es'] as const) {
      const t = createTranslator(locale);
      const error = await cli(['list', 'priorities', '--db', missing], { BRIEFING_LOCALE: locale });
      expect(error.code).toBe(1);
      expect(oneLine(error.stderr)).toBe(t('errors:db.notFound', { path: missing }));
      expect(error.stderr).not.toBe(english);

      const db = path.join(tempDir(), 'lib.sqlite');
      const init = await cli(['init', '--db', db], { BRIEFING_LOCALE: locale });
      expect(init.code).toBe(0);
      expect(lines(init.stdout)[0]).toBe(t('cli:init.created', { path: db }));
      expect(init.stdout).not.toContain('Created the library');
      expect(init.stdout).not.toContain('priorities');

      const unknown = await cli(['frobnicate'], { BRIEFING_LOCALE: locale });
      expect(unknown.code).toBe(2);
      expect(oneLine(unknown.stderr)).toBe(t('cli:usage.unknownCommand', { command: 'frobnicate' }));
    }
    const fr = await cli(['init', '--db', path.join(tempDir(), 'x.sqlite')], { BRIEFING_LOCALE: 'fr' });
    expect(fr.stdout).toContain('7 priorités');
  });

  it('falls back to LANG when BRIEFING_LOCALE is not set, and to English for other languages', async () => {
    const missing = path.join(tempDir(), 'missing.sqlite');
    const fr = await cli(['list', 'priorities', '--db', missing], { BRIEFING_LOCALE: '', LANG: 'fr_CA.UTF-8' });
    expect(oneLine(fr.stderr)).toBe(createTranslator('fr')('errors:db.notFound', { path: missing }));
    const de = await cli(['list', 'priorities', '--db', missing], { BRIEFING_LOCALE: '', LANG: 'de_DE.UTF-8' });
    expect(oneLine(de.stderr)).toBe(`No library at ${missing}. Create it with: briefing init --db ${missing}`);
  });

  it('a --lang error is fully translated, without commander’s English wrapper', async () => {
    const db = await starter.copy();
    for (const locale of ['en', 'fr', 'es'] as const) {
      const result = await cli(['list', 'priorities', '--lang', 'de', '--db', db], { BRIEFING_LOCALE: locale });
      expect(result.code).toBe(2);
      expect(oneLine(result.stderr)).toBe(createTranslator(locale)('errors:cli.unknownLocale', { value: 'de' }));
    }
  });
});

describe('as a real process', () => {
  it('exit codes, one-line errors, a stack trace only with --debug, and `npx briefing --help`', async () => {
    const missing = path.join(tempDir(), 'missing.sqlite');
    const [usage, failure, debug, ok, npx] = await Promise.all([
      spawnCli(process.execPath, [BIN, 'frobnicate']),
      spawnCli(process.execPath, [BIN, 'list', 'priorities', '--db', missing]),
      spawnCli(process.execPath, [BIN, 'list', 'priorities', '--db', missing, '--debug']),
      spawnCli(process.execPath, [BIN, '--help']),
      spawnCli('npx', ['--no', '--', 'briefing', '--help'], { npm_config_update_notifier: 'false' }),
    ]);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe('');
    expect(oneLine(usage.stderr)).toBe('Unknown command frobnicate. See: briefing --help');

    expect(failure.code).toBe(1);
    expect(failure.stdout).toBe('');
    expect(oneLine(failure.stderr)).toBe(`No library at ${missing}. Create it with: briefing init --db ${missing}`);
    expect(failure.stderr).not.toMatch(/\n\s+at /);

    expect(debug.code).toBe(1);
    expect(lines(debug.stderr)[0]).toBe(`No library at ${missing}. Create it with: briefing init --db ${missing}`);
    expect(debug.stderr).toMatch(/\n\s+at .+openLibrary/);

    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/^Usage: briefing/);

    expect(npx.code).toBe(0);
    expect(npx.stdout).toMatch(/^Usage: briefing/m);
    for (const command of ['init', 'list', 'search', 'export', 'import', 'check']) expect(npx.stdout).toContain(command);
  });

  it('a real sound library round-trips through a real process', async () => {
    const db = await starter.copy();
    const before = sha256File(db);
    const result = await spawnCli(process.execPath, [BIN, 'check', '--db', db]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`The library ${db} is sound (schema ${LATEST_SCHEMA_VERSION}).\n`);
    expect(sha256File(db)).toBe(before);
  });
});
