import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackSummary } from '../../main/services/packsService';
import type { LibraryDocument, PackDoc } from '../../shared/schemas/libraryDocument';
import { cli, type CliResult } from '../helpers/cli';
import { readJson } from '../helpers/library';
import { filesIn, loadPdf, type LoadedPdf, scratch } from '../helpers/pdf';

const tmp = scratch('briefing-pdf-packs-');
afterAll(() => tmp.cleanup());

/** `briefing packs create | add-section | list | duplicate | delete`, and building what they make. */

const dir = tmp.dir('packs-');
const db = path.join(dir, 'lib.sqlite');
let exports = 0;

async function ok(args: string[]): Promise<CliResult> {
  const result = await cli([...args, '--db', db]);
  expect(result.stderr, args.join(' ')).toBe('');
  expect(result.code, args.join(' ')).toBe(0);
  return result;
}

async function list(): Promise<PackSummary[]> {
  return JSON.parse((await ok(['packs', 'list', '--json'])).stdout) as PackSummary[];
}

async function exported(): Promise<LibraryDocument> {
  const file = path.join(dir, `export-${++exports}.json`);
  await ok(['export', '--out', file]);
  return readJson<LibraryDocument>(file);
}

function packOf(doc: LibraryDocument, slug: string): PackDoc {
  const pack = doc.packs.find((p) => p.slug === slug);
  if (!pack) throw new Error(`no pack ${slug}`);
  return pack;
}

async function build(slug: string): Promise<LoadedPdf> {
  const out = path.join(tmp.dir('packs-out-'), `${slug}.pdf`);
  await ok(['build', '--pack', slug, '--lang', 'en', '--out', out]);
  return loadPdf(out);
}

beforeAll(async () => {
  expect((await cli(['init', '--db', db])).code).toBe(0);
}, 60_000);

describe('briefing packs', () => {
  it('create makes an empty pack, with its title as an original in the given language', async () => {
    const created = await ok([
      'packs',
      'create',
      '--slug',
      'base',
      '--title',
      'Dossier de base',
      '--lang',
      'fr',
      '--meeting',
      'meet-rps-panama-2025',
      '--paper',
      'a4',
      '--json',
    ]);
    const pack = JSON.parse(created.stdout) as PackDoc;
    expect(pack).toMatchObject({
      id: 'pack-base',
      slug: 'base',
      meetingId: 'meet-rps-panama-2025',
      title: { fr: { text: 'Dossier de base', status: 'draft' } },
      paper: 'a4',
      sections: [],
    });
    expect(pack.title.en).toBeUndefined();
    const plain = await ok(['packs', 'create', '--slug', 'plain-one', '--title', '  Plain  ']);
    expect(plain.stdout).toBe('Created the pack plain-one (pack-plain-one).\n');
    expect(packOf(await exported(), 'plain-one').title).toEqual({ en: { text: 'Plain', status: 'draft' } });
  });

  it('add-section adds sections with pieces, in order', async () => {
    const first = await ok(['packs', 'add-section', 'base', '--title', 'Priorités', '--lang', 'fr', '--items', 'priority:prio-rps-1, priority:prio-rps-2']);
    expect(first.stdout).toBe('Added section 1 to base.\n');
    const second = await ok(['packs', 'add-section', 'pack-base', '--title', 'Pays', '--lang', 'fr', '--items', 'country:PA,note:note-unga-trafficking-2025']);
    expect(second.stdout).toBe('Added section 2 to base.\n');
    const pack = packOf(await exported(), 'base');
    expect(pack.sections.map((s) => [s.id, s.title.fr?.text, s.items])).toEqual([
      ['pack-base-s1', 'Priorités', [{ kind: 'priority', ref: 'prio-rps-1' }, { kind: 'priority', ref: 'prio-rps-2' }]],
      ['pack-base-s2', 'Pays', [{ kind: 'country', ref: 'PA' }, { kind: 'note', ref: 'note-unga-trafficking-2025' }]],
    ]);
  });

  it('add-section refuses unknown and malformed pieces, changing nothing', async () => {
    const unknown = await cli(['packs', 'add-section', 'base', '--db', db, '--title', 'X', '--items', 'priority:prio-nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('No priority "prio-nope" in the library.\n');
    const malformed = await cli(['packs', 'add-section', 'base', '--db', db, '--title', 'X', '--items', 'prio-rps-1']);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain('"prio-rps-1" is not a piece reference');
    const wrongKind = await cli(['packs', 'add-section', 'base', '--db', db, '--title', 'X', '--items', 'note:prio-rps-1']);
    expect(wrongKind.code).toBe(1);
    expect(packOf(await exported(), 'base').sections).toHaveLength(2);
  });

  it('list --json gives every pack with its section and piece counts', async () => {
    const packs = await list();
    expect(packs).toEqual(
      expect.arrayContaining([
        { id: 'pack-panama-2025', slug: 'panama-2025', sections: 5, items: 42 },
        { id: 'pack-base', slug: 'base', sections: 2, items: 4 },
        { id: 'pack-plain-one', slug: 'plain-one', sections: 0, items: 0 },
      ]),
    );
    expect(packs).toHaveLength(3);
    const plain = await ok(['packs', 'list']);
    expect(plain.stdout).toContain('base  (pack-base; 2 sections, 4 pieces)');
  });

  it('duplicate copies a pack that builds with the same sections and items', async () => {
    const copied = await ok(['packs', 'duplicate', 'base', '--slug', 'base-copy']);
    expect(copied.stdout).toBe('Copied base to base-copy (pack-base-copy).\n');
    const packs = await list();
    expect(packs).toContainEqual({ id: 'pack-base-copy', slug: 'base-copy', sections: 2, items: 4 });
    const doc = await exported();
    const original = packOf(doc, 'base');
    const copy = packOf(doc, 'base-copy');
    expect(copy.sections.map((s) => s.id)).toEqual(['pack-base-copy-s1', 'pack-base-copy-s2']);
    expect(copy.sections.map((s) => [s.title, s.text, s.items])).toEqual(original.sections.map((s) => [s.title, s.text, s.items]));
    expect(copy.title).toEqual(original.title);

    const [a, b] = await Promise.all([build('base'), build('base-copy')]);
    expect(b.outline.map((o) => o.title)).toEqual(a.outline.map((o) => o.title));
    expect(b.outline).toHaveLength(2);
    expect(b.outline.map((o) => o.children.map((c) => c.title))).toEqual(a.outline.map((o) => o.children.map((c) => c.title)));
    expect(b.pageCount).toBe(a.pageCount);
    expect(b.info.Title).toBe(a.info.Title);
  });

  it('editing the copy leaves the original as it was', async () => {
    await ok(['packs', 'add-section', 'base-copy', '--title', 'Extra', '--items', 'priority:prio-rps-7']);
    const packs = await list();
    expect(packs).toContainEqual({ id: 'pack-base-copy', slug: 'base-copy', sections: 3, items: 5 });
    expect(packs).toContainEqual({ id: 'pack-base', slug: 'base', sections: 2, items: 4 });
    const doc = await exported();
    expect(packOf(doc, 'base').sections.map((s) => s.id)).toEqual(['pack-base-s1', 'pack-base-s2']);
    expect(packOf(doc, 'base-copy').sections.map((s) => s.id)).toEqual(['pack-base-copy-s1', 'pack-base-copy-s2', 'pack-base-copy-s3']);
    const built = await build('base');
    expect(built.outline).toHaveLength(2);
    expect(built.text).not.toContain('Priority 7');
  });

  it('duplicate never gives the copy a section id that another piece already has', async () => {
    // A pack whose id is what the copy's first section would be called.
    await ok(['packs', 'create', '--slug', 'twin-s1', '--title', 'Other pack']);
    await ok(['packs', 'add-section', 'twin-s1', '--title', 'Its own section', '--items', 'country:PA']);
    await ok(['packs', 'duplicate', 'base', '--slug', 'twin']);
    const doc = await exported();
    const other = packOf(doc, 'twin-s1');
    expect(other.title).toEqual({ en: { text: 'Other pack', status: 'draft' } });
    expect(other.sections.map((s) => s.title.en?.text)).toEqual(['Its own section']);
    const twin = packOf(doc, 'twin');
    expect(twin.sections.map((s) => s.title)).toEqual(packOf(doc, 'base').sections.map((s) => s.title));
    const ids = [...doc.packs.map((p) => p.id), ...doc.packs.flatMap((p) => p.sections.map((s) => s.id))];
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('delete removes the pack and its sections, and keeps the pieces it listed', async () => {
    const before = await exported();
    const deleted = await ok(['packs', 'delete', 'base-copy']);
    expect(deleted.stdout).toBe('Deleted the pack base-copy.\n');
    const after = await exported();
    expect(after.packs.map((p) => p.slug)).not.toContain('base-copy');
    expect(packOf(after, 'base')).toEqual(packOf(before, 'base'));
    for (const kind of ['priorities', 'countries', 'notes', 'instruments', 'sources', 'meetings', 'networks'] as const) {
      expect(after[kind], kind).toEqual(before[kind]);
    }
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      expect(conn.prepare("SELECT id FROM pieces WHERE id LIKE 'pack-base-copy%'").all()).toEqual([]);
      expect(conn.prepare("SELECT count(*) AS n FROM texts WHERE piece_id LIKE 'pack-base-copy%'").get()).toEqual({ n: 0 });
    } finally {
      conn.close();
    }
    const check = await cli(['check', '--db', db]);
    expect(check.code).toBe(0);
    const gone = await cli(['build', '--db', db, '--pack', 'base-copy', '--lang', 'en', '--out', path.join(dir, 'gone')]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toBe('No pack "base-copy" in the library. See: briefing packs list\n');
    expect(filesIn(path.join(dir, 'gone'))).toEqual([]);
  });

  it('delete, duplicate and add-section name an unknown pack', async () => {
    for (const args of [
      ['packs', 'delete', 'nope'],
      ['packs', 'duplicate', 'nope', '--slug', 'fresh-slug'],
      ['packs', 'add-section', 'nope', '--title', 'X'],
    ]) {
      const result = await cli([...args, '--db', db]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toBe('No pack "nope" in the library. See: briefing packs list\n');
    }
  });

  it('refuses a slug already taken, by create or duplicate', async () => {
    const before = await list();
    for (const args of [
      ['packs', 'create', '--slug', 'panama-2025', '--title', 'Again'],
      ['packs', 'create', '--slug', 'base', '--title', 'Again'],
      ['packs', 'duplicate', 'base', '--slug', 'panama-2025'],
      ['packs', 'duplicate', 'panama-2025', '--slug', 'panama-2025'],
    ]) {
      const result = await cli([...args, '--db', db]);
      const slug = args[args.indexOf('--slug') + 1]!;
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toBe(`The slug "${slug}" is already used by another pack.\n`);
    }
    // A slug whose pack id would be another piece's id (here a section of the starter pack).
    const clash = await cli(['packs', 'create', '--db', db, '--slug', 'panama-2025-s1', '--title', 'Clash']);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('"panama-2025-s1" is already used');
    expect(await list()).toEqual(before);
  });

  it('refuses bad slugs with a clear message', async () => {
    const before = await list();
    const bad = ['Bad Slug', 'UPPER', 'a', '-leading', 'under_score', 'émoji', 'x'.repeat(65), 'dot.pdf', '../up'];
    for (const slug of bad) {
      for (const args of [
        ['packs', 'create', '--slug', slug, '--title', 'Bad'],
        ['packs', 'duplicate', 'base', '--slug', slug],
      ]) {
        const result = await cli([...args, '--db', db]);
        expect(result.code, `${args[1]} ${slug}`).toBe(1);
        expect(result.stderr).toBe(`"${slug}" is not a valid slug (lower-case letters, digits and hyphens).\n`);
      }
    }
    expect(await list()).toEqual(before);
  });

  it('refuses an empty title and an unknown meeting', async () => {
    const empty = await cli(['packs', 'create', '--db', db, '--slug', 'no-title', '--title', '   ']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toBe('A pack needs a title.\n');
    const meeting = await cli(['packs', 'create', '--db', db, '--slug', 'no-meeting', '--title', 'T', '--meeting', 'meet-nope']);
    expect(meeting.code).toBe(1);
    expect(meeting.stderr).toBe('No meeting "meet-nope" in the library.\n');
    expect((await list()).map((p) => p.slug)).not.toContain('no-title');
    expect((await list()).map((p) => p.slug)).not.toContain('no-meeting');
  });
});
