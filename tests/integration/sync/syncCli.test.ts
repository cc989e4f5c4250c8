import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/db/openLibrary';
import { LibraryStore } from '../../../main/services/LibraryStore';
import { applyLibraryDocument } from '../../../main/services/importLibrary';
import type { LibraryDocument } from '../../../shared/schemas/libraryDocument';
import { cli, tempDir } from '../../helpers/cli';
import { StarterTemplate, exportBytes } from '../../helpers/library';
import { skipReasonGitServer, startGitServer, type GitServer } from '../../helpers/gitServer';

const skip = skipReasonGitServer();
const starter = new StarterTemplate();
const ana = { BRIEFING_OFFICE: 'Secretariat' };
const luc = { BRIEFING_OFFICE: 'Ottawa' };
/** `sync` as each office runs it: its user's name, its office from the environment. */
const asAna = (args: string[], env = {}) => cli(['sync', '--by', 'Ana Ruiz', ...args], { ...ana, ...env });
const asLuc = (args: string[], env = {}) => cli(['sync', '--by', 'Luc Tremblay', ...args], { ...luc, ...env });

/** An edit made the way the app makes one: through the library's write gate. */
async function edit(db: string, change: (doc: LibraryDocument) => void): Promise<void> {
  const library = await openLibrary(db, { create: false });
  try {
    const store = new LibraryStore(library.db);
    const doc = store.readDocument();
    change(doc);
    applyLibraryDocument(store, doc);
  } finally {
    library.close();
  }
}

describe.skipIf(skip !== null)('briefing sync, sync conflicts, sync resolve, check and build --strict', () => {
  let server: GitServer;
  let a: string;
  let b: string;
  let packId: string;

  beforeAll(async () => {
    server = await startGitServer();
    a = await starter.copy(tempDir('briefing-sync-a-'), 'library.sqlite');
    b = path.join(tempDir('briefing-sync-b-'), 'library.sqlite');
    expect((await cli(['init', '--empty', '--db', b])).code).toBe(0);
    const library = await openLibrary(a, { create: false });
    packId = new LibraryStore(library.db).readDocument().packs[0]!.id;
    library.close();
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('publishes one library and fills the other; the remote is remembered', async () => {
    const first = await asAna(['--remote', server.url, '--db', a, '--json']);
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toMatchObject({ url: server.url, pushed: true, committedLocal: true });
    const second = await asLuc(['--remote', server.url, '--db', b]);
    expect(second.stderr).toBe('');
    expect(second.stdout).toMatch(/^Synced with http:\/\/127\.0\.0\.1:\d+\/library\.git: \d+ pieces changed here, 0 new conflicts \(0 to resolve\)\.\n$/);
    expect((await exportBytes(b)).equals(await exportBytes(a))).toBe(true);
    // No --remote: the one given before.
    const again = await asAna(['--db', a]);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
  }, 60_000);

  it('a conflict on the pack title (fr) is listed by sync conflicts and check, refuses build --strict, and is resolved', async () => {
    await edit(a, (d) => (d.packs.find((p) => p.id === packId)!.title.fr = { text: 'Titre du secrétariat', status: 'draft' }));
    await edit(b, (d) => (d.packs.find((p) => p.id === packId)!.title.fr = { text: 'Titre d’Ottawa', status: 'draft' }));
    expect((await asAna(['--db', a])).code).toBe(0);
    const merged = await asLuc(['--db', b, '--json']);
    expect(JSON.parse(merged.stdout)).toMatchObject({ newConflicts: 1, openConflicts: 1, pushed: true });

    const list = await cli(['sync', 'conflicts', '--db', b]);
    expect(list.stdout).toBe(`#1 packs/${packId} title (fr): ours (Luc Tremblay (Ottawa)) kept, theirs (Ana Ruiz (Secretariat)) waiting\n`);
    const fr = await cli(['sync', 'conflicts', '--db', b], { BRIEFING_LOCALE: 'fr' });
    expect(fr.stdout).toContain(`n° 1 packs/${packId} title (fr) : notre version (Luc Tremblay (Ottawa)) gardée`);
    const json = JSON.parse((await cli(['sync', 'conflicts', '--db', b, '--json'])).stdout);
    expect(json[0]).toMatchObject({ id: 1, pieceId: packId, field: 'title', locale: 'fr', ours: { text: 'Titre d’Ottawa' }, theirs: { text: 'Titre du secrétariat' } });

    const check = await cli(['check', '--db', b]);
    expect(check.stdout).toContain('1 sync conflict to resolve (briefing sync conflicts):');
    expect(check.stdout).toContain(`  - #1 packs/${packId} title (fr)`);

    const out = tempDir('briefing-sync-build-');
    for (const [locale, words] of [['en', 'has 1 unresolved sync conflict ('], ['fr', 'a 1 conflit de synchronisation non résolu ('], ['es', 'tiene 1 conflicto de sincronización sin resolver (']] as const) {
      const strict = await cli(['build', '--db', b, '--pack', packId, '--lang', 'en', '--out', out, '--strict'], { BRIEFING_LOCALE: locale });
      expect(strict.code).toBe(1);
      expect(strict.stderr).toContain(words);
      expect(strict.stderr).toContain(packId);
    }
    // Personalized copies go through the same refusal; none is written.
    const recipients = path.join(out, 'recipients.csv');
    fs.writeFileSync(recipients, 'name\nAna Ruiz\n');
    const copies = await cli(['build', '--db', b, '--pack', packId, '--lang', 'en', '--out', path.join(out, 'copies'), '--strict', '--recipients', recipients]);
    expect(copies.code).toBe(1);
    expect(copies.stderr).toContain('has 1 unresolved sync conflict (');
    expect(fs.existsSync(path.join(out, 'copies'))).toBe(false);

    const bad = await cli(['sync', 'resolve', '7', '--keep', 'theirs', '--db', b]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('There is no sync conflict number 7');
    const usage = await cli(['sync', 'resolve', '1', '--keep', 'both', '--db', b]);
    expect(usage.code).toBe(2);

    const resolved = await cli(['sync', 'resolve', '1', '--keep', 'theirs', '--db', b]);
    expect(resolved.stderr).toBe('');
    expect(resolved.stdout).toContain('Sync conflict 1 resolved: kept theirs.');
    expect(JSON.parse((await exportBytes(b)).toString()).packs.find((p: { id: string }) => p.id === packId).title.fr.text).toBe('Titre du secrétariat');
    expect((await cli(['sync', 'conflicts', '--db', b])).stdout).toBe('No sync conflicts to resolve.\n');
    expect((await cli(['check', '--db', b])).stdout).not.toContain('sync conflicts');
    const twice = await cli(['sync', 'resolve', '1', '--keep', 'ours', '--db', b]);
    expect(twice.stderr).toContain('already resolved');

    expect((await asLuc(['--db', b])).code).toBe(0);
    expect((await asAna(['--db', a])).code).toBe(0);
    expect((await exportBytes(b)).equals(await exportBytes(a))).toBe(true);
  }, 120_000);

  it('with the server down: exit 1, a translated message naming the address, the library as it was', async () => {
    await edit(b, (d) => (d.packs.find((p) => p.id === packId)!.title.es = { text: 'Título sin enviar', status: 'draft' }));
    const before = await exportBytes(b);
    await server.stop();
    for (const [locale, words] of [['en', 'Could not reach the shared repository'], ['fr', 'Impossible de joindre le dépôt partagé'], ['es', 'No se pudo contactar el repositorio compartido']] as const) {
      const down = await asLuc(['--db', b], { BRIEFING_LOCALE: locale });
      expect(down.code).toBe(1);
      expect(down.stderr).toContain(words);
      expect(down.stderr).toContain(server.url);
      expect(down.stderr).not.toMatch(/Unexpected|sync\.unreachable/);
    }
    expect((await exportBytes(b)).equals(before)).toBe(true);
  }, 60_000);

  it('a remote that is not an http(s) address is refused by name', async () => {
    const bad = await cli(['sync', '--remote', 'file:///etc', '--db', a]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"file:///etc" is not the address of a shared repository');
  });
});
