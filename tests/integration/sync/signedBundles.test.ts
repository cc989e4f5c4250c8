import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/db/openLibrary';
import { LibraryStore } from '../../../main/services/LibraryStore';
import { applyLibraryDocument } from '../../../main/services/importLibrary';
import type { LibraryDocument } from '../../../shared/schemas/libraryDocument';
import { cli, tempDir } from '../../helpers/cli';
import { StarterTemplate, exportBytes, sha256File } from '../../helpers/library';

const starter = new StarterTemplate();
const folder = (parent: string, name: string) => {
  fs.mkdirSync(path.join(parent, name), { recursive: true });
  return path.join(parent, name);
};

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

const ok = async (args: string[], env = {}) => {
  const r = await cli(args, env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};

describe('signed bundles: office keys, trusted offices, export and import between two libraries', () => {
  let dir: string;
  let a: string;
  let b: string;
  let noteId: string;

  beforeAll(async () => {
    dir = tempDir('briefing-bundles-');
    a = await starter.copy(folder(dir, 'secretariat'), 'library.sqlite');
    fs.mkdirSync(path.join(dir, 'ottawa'));
    b = path.join(dir, 'ottawa', 'library.sqlite');
    expect((await cli(['init', '--empty', '--db', b])).code).toBe(0);
    const library = await openLibrary(a, { create: false });
    noteId = new LibraryStore(library.db).readDocument().notes[0]!.id;
    library.close();
  }, 60_000);

  it('creates an Ed25519 key per office beside the library (0600, outside the repository) and trusts the other office', async () => {
    const created = await ok(['sync', 'key', 'create', '--office', 'Secretariat', '--db', a]);
    expect(created).toMatch(/^Key [0-9a-f]{16} created for Secretariat in .*library\.office-key\.json/);
    expect(created).toContain('-----BEGIN PUBLIC KEY-----');
    const keyFile = path.join(path.dirname(a), 'library.office-key.json');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(keyFile, 'utf8')).toContain('PRIVATE KEY');
    await ok(['sync', 'key', 'create', '--office', 'Ottawa', '--db', b]);
    const again = await cli(['sync', 'key', 'create', '--office', 'Secretariat', '--db', a]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has an office key');

    const pemA = (await ok(['sync', 'key', 'show', '--db', a])).replace(/^.*\n/, '');
    const pemFile = path.join(dir, 'secretariat.pem');
    fs.writeFileSync(pemFile, pemA);
    expect(await ok(['sync', 'trust', 'add', 'Secretariat', pemFile, '--db', b])).toMatch(/^Bundles signed by Secretariat with key [0-9a-f]{16} are now accepted\.\n$/);
    const pemB = (await ok(['sync', 'key', 'show', '--db', b])).replace(/^.*\n/, '');
    // PEM text begins with dashes: after `--`, so it is not read as an option.
    await ok(['sync', 'trust', 'add', '--db', a, '--', 'Ottawa', pemB]);
    expect(JSON.parse(await ok(['sync', 'trust', 'list', '--json', '--db', a]))).toEqual([{ office: 'Ottawa', keyId: expect.stringMatching(/^[0-9a-f]{16}$/) }]);
    const bad = await cli(['sync', 'trust', 'add', 'Lima', 'not-a-key.pem', '--db', a]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Cannot read the public key file not-a-key.pem');
  }, 60_000);

  it('a bundle round-trips: all of the library, then only what came after, merged per cell both ways', async () => {
    const first = path.join(dir, 'first.bundle');
    expect(await ok(['sync', 'bundle', 'export', '--out', first, '--by', 'Ana Ruiz', '--db', a])).toMatch(/^Wrote .*first\.bundle: 1 commits, signed by Secretariat/);
    expect(await ok(['sync', 'bundle', 'import', first, '--by', 'Luc Tremblay', '--office', 'Ottawa', '--db', b])).toMatch(/^Merged .* from Secretariat: \d+ pieces changed here, 0 new conflicts \(0 to resolve\)\.\n$/);
    expect((await exportBytes(b)).equals(await exportBytes(a))).toBe(true);
    // The private key travels nowhere: not in the bundle, not in the library's repository.
    expect(fs.readFileSync(first, 'latin1')).not.toContain('PRIVATE KEY');
    expect(fs.readdirSync(path.join(path.dirname(a), 'library.sync.git'))).not.toContain('library.office-key.json');
    const unknown = await cli(['sync', 'bundle', 'export', '--out', path.join(dir, 'x.bundle'), '--since', 'Lima', '--db', a], { BRIEFING_LOCALE: 'es' });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('"Lima" no es un commit del repositorio');
    expect(fs.existsSync(path.join(dir, 'x.bundle'))).toBe(false);

    await edit(a, (d) => (d.notes.find((n) => n.id === noteId)!.title.en = { text: 'Secretariat title', status: 'draft' }));
    await edit(b, (d) => (d.notes.find((n) => n.id === noteId)!.title.fr = { text: 'Titre d’Ottawa', status: 'draft' }));
    const fromB = path.join(dir, 'ottawa-1.bundle');
    const exported = JSON.parse(await ok(['sync', 'bundle', 'export', '--out', fromB, '--since', 'Secretariat', '--by', 'Luc Tremblay', '--json', '--db', b]));
    // Only what the secretariat lacks: Ottawa's first (empty) commit, its merge of the first bundle
    // and its edit, with the few files they changed, not the library again.
    expect(exported).toMatchObject({ office: 'Ottawa', commits: 3, base: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(exported.objects).toBeLessThan(12);
    const merged = JSON.parse(await ok(['sync', 'bundle', 'import', fromB, '--by', 'Ana Ruiz', '--office', 'Secretariat', '--json', '--db', a]));
    expect(merged).toMatchObject({ office: 'Ottawa', integrated: 'merged', newConflicts: 0 });
    const back = path.join(dir, 'secretariat-2.bundle');
    await ok(['sync', 'bundle', 'export', '--out', back, '--since', 'Ottawa', '--by', 'Ana Ruiz', '--db', a]);
    expect(JSON.parse(await ok(['sync', 'bundle', 'import', back, '--by', 'Luc Tremblay', '--json', '--db', b]))).toMatchObject({ integrated: 'fastForward', newConflicts: 0 });
    const doc = JSON.parse((await exportBytes(b)).toString());
    const note = doc.notes.find((n: { id: string }) => n.id === noteId);
    expect(note.title.en.text).toBe('Secretariat title');
    expect(note.title.fr.text).toBe('Titre d’Ottawa');
    expect((await exportBytes(b)).equals(await exportBytes(a))).toBe(true);
  }, 120_000);

  it('unsigned, tampered (one byte), unknown office, wrong key, truncated, oversized: each refused by name, in three languages, the library byte for byte as it was', async () => {
    await edit(a, (d) => (d.notes.find((n) => n.id === noteId)!.title.es = { text: 'Título de la secretaría', status: 'draft' }));
    const good = path.join(dir, 'good.bundle');
    await ok(['sync', 'bundle', 'export', '--out', good, '--since', 'Ottawa', '--by', 'Ana Ruiz', '--db', a]);
    const bytes = fs.readFileSync(good);
    const headerEnd = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1);
    const write = (name: string, content: Buffer) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    };
    const tampered = Buffer.from(bytes);
    const at = bytes.indexOf('"head":"', headerEnd) + 10;
    tampered[at] = tampered[at] === 0x61 ? 0x62 : 0x61;
    // A stranger's office, and a key that claims to be the secretariat's.
    const c = await starter.copy(folder(dir, 'lima'), 'library.sqlite');
    await ok(['sync', 'key', 'create', '--office', 'Lima', '--db', c]);
    const lima = path.join(dir, 'lima.bundle');
    await ok(['sync', 'bundle', 'export', '--out', lima, '--by', 'X', '--db', c]);
    const d = await starter.copy(folder(dir, 'impostor'), 'library.sqlite');
    await ok(['sync', 'key', 'create', '--office', 'Secretariat', '--db', d]);
    const impostor = path.join(dir, 'impostor.bundle');
    await ok(['sync', 'bundle', 'export', '--out', impostor, '--by', 'X', '--db', d]);
    const oversized = path.join(dir, 'huge.bundle');
    fs.writeFileSync(oversized, bytes);
    fs.truncateSync(oversized, 300 * 1024 * 1024);

    const cases = [
      ['unsigned', write('unsigned.bundle', bytes.subarray(headerEnd + 1)), { en: 'is not signed', fr: 'n’est pas signé', es: 'no está firmado' }],
      ['tampered', write('tampered.bundle', tampered), { en: 'was changed after it was signed', fr: 'modifié après sa signature', es: 'se modificó después de firmarse' }],
      ['unknownOffice', lima, { en: 'signed by "Lima", which is not among the trusted offices', fr: 'signé par « Lima »', es: 'firmado por "Lima"' }],
      ['wrongKey', impostor, { en: 'not signed with the key trusted for that office', fr: 'pas signé avec la clé de confiance', es: 'no está firmado con la clave de confianza' }],
      ['truncated', write('truncated.bundle', bytes.subarray(0, Math.floor(bytes.length * 0.6))), { en: 'is cut short', fr: 'est tronqué', es: 'está incompleto' }],
      ['oversized', oversized, { en: 'more than a bundle may be', fr: 'plus que la taille permise', es: 'más de lo que puede ocupar' }],
    ] as const;
    const beforeFile = sha256File(b);
    const beforeExport = await exportBytes(b);
    for (const [code, file, words] of cases) {
      for (const locale of ['en', 'fr', 'es'] as const) {
        const r = await cli(['sync', 'bundle', 'import', file, '--by', 'Luc Tremblay', '--db', b], { BRIEFING_LOCALE: locale });
        expect(r.code, `${code} ${locale}`).toBe(1);
        expect(r.stderr, `${code} ${locale}`).toContain(words[locale]);
        expect(r.stderr).not.toMatch(/Unexpected|bundle\./);
      }
      expect(sha256File(b), code).toBe(beforeFile);
    }
    expect((await exportBytes(b)).equals(beforeExport)).toBe(true);
    // The good one still goes in.
    expect(JSON.parse(await ok(['sync', 'bundle', 'import', good, '--by', 'Luc Tremblay', '--json', '--db', b]))).toMatchObject({ integrated: 'fastForward' });
  }, 240_000);
});
