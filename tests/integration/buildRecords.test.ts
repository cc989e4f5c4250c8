import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AFRelationship, PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildManifestSchema, MANIFEST_FILE_NAME, type BuildManifest } from '../../shared/schemas/buildManifest';
import { manifestContentHash } from '../../main/pdf/buildManifest';
import { cli, tempDir } from '../helpers/cli';
import { sha256File, StarterTemplate } from '../helpers/library';
import { holdWriteLock } from '../helpers/holdWriteLock';

const starter = new StarterTemplate();

function builds(db: string) {
  const lib = new Database(db, { readonly: true });
  try {
    return {
      builds: lib.prepare('SELECT id, pack_id, status, error, built_by, editions, app_version, fonts_hash FROM builds ORDER BY rowid').all() as Record<string, string>[],
      outputs: lib.prepare('SELECT build_id, edition, path, sha256, pages FROM build_outputs ORDER BY rowid').all() as Record<string, string | number>[],
      pieces: lib.prepare('SELECT build_id, piece_id, kind, content_hash FROM build_pieces').all() as Record<string, string>[],
    };
  } finally {
    lib.close();
  }
}

async function pdfWithAttachment(content: string): Promise<string> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  await pdf.attach(new TextEncoder().encode(content), MANIFEST_FILE_NAME, { mimeType: 'application/json', afRelationship: AFRelationship.Data });
  const file = path.join(tempDir(), 'made.pdf');
  fs.writeFileSync(file, await pdf.save());
  return file;
}

describe('build records and the manifest inside each PDF (Panama starter pack)', () => {
  let db: string;
  let out: string;
  let manifest: BuildManifest;

  beforeAll(async () => {
    // userName reads the process's environment (the CLI runs in this process).
    const before = process.env.BRIEFING_USER;
    process.env.BRIEFING_USER = 'Ana Pérez';
    db = await starter.copy();
    out = path.join(tempDir(), 'out');
    const result = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'all', '--out', out]);
    if (before === undefined) delete process.env.BRIEFING_USER;
    else process.env.BRIEFING_USER = before;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = await cli(['inspect', path.join(out, 'panama-2025-fr.pdf'), '--json']);
    expect(json.code).toBe(0);
    manifest = JSON.parse(json.stdout) as BuildManifest;
  }, 120_000);

  it('records the build: who, editions, app version, fonts hash, each file’s SHA-256 and pages, each piece’s hash', () => {
    const { builds: rows, outputs, pieces } = builds(db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ pack_id: 'pack-panama-2025', status: 'ok', error: null, built_by: 'Ana Pérez', editions: '["en","fr","es"]', app_version: '0.1.0' });
    expect(rows[0]!.fonts_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(outputs.map((o) => o.edition)).toEqual(['en', 'fr', 'es']);
    for (const o of outputs) expect(sha256File(o.path as string)).toBe(o.sha256);
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.map((p) => p.piece_id)).toContain('pack-panama-2025');
    // The manifest names the same pieces with the same hashes as the record.
    expect(manifest.pieces.map((p) => [p.id, p.hash]).sort()).toEqual(pieces.map((p) => [p.piece_id, p.content_hash]).sort());
    expect(manifest.build.id).toBe(rows[0]!.id);
  });

  it('inspect prints pack, date, version, each edition’s translation status and the pieces, without a library', async () => {
    const result = await cli(['inspect', path.join(out, 'panama-2025-en.pdf')], { BRIEFING_DB: '/nonexistent/lib.sqlite' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Pack panama-2025 (pack-panama-2025), edition en');
    expect(result.stdout).toContain(`Built ${manifest.build.builtAt} by Briefing Pack Builder 0.1.0`);
    expect(result.stdout).toMatch(/fr \(13 pages\), fr: approved — 0 missing, 0 draft, 0 out of date/);
    expect(result.stdout).toMatch(/en \(\d+ pages\), en: drafts — 0 missing, \d+ draft/);
    const hash = manifest.pieces.find((p) => p.id === 'pack-panama-2025')!.hash;
    expect(result.stdout).toContain(hash);
    expect(buildManifestSchema.safeParse(manifest).success).toBe(true);
    expect(manifest.edition).toBe('fr');
  });

  it('pdf.js reads the manifest as an attachment and the XMP; qpdf finds the file clean', async () => {
    const file = path.join(out, 'panama-2025-es.pdf');
    const pdf = await getDocument({ data: new Uint8Array(fs.readFileSync(file)), verbosity: 0 }).promise;
    const attachments = (await pdf.getAttachments()) as Record<string, { filename: string; content: Uint8Array }>;
    const embedded = JSON.parse(new TextDecoder().decode(attachments[MANIFEST_FILE_NAME]!.content)) as BuildManifest;
    expect(embedded.edition).toBe('es');
    expect(embedded.contentHash).toBe(manifestContentHash(embedded));
    const { metadata } = await pdf.getMetadata();
    expect(metadata?.get('dc:language')).toBe('es');
    expect(metadata?.get('dc:title')).toContain('Carpeta informativa');
    expect(metadata?.get('bpb:manifesthash')).toBe(embedded.contentHash);
    expect(metadata?.get('xmp:createdate')).toBe(embedded.build.builtAt);
    expect(metadata?.get('bpb:buildid')).toBe(embedded.build.id);
    await pdf.destroy();
    const check = execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check).toContain('No syntax or stream encoding errors found');
  });

  it('a refused build and a failed build are recorded too, with their reason', async () => {
    const again = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'en', '--out', path.join(out, 'panama-2025-en.pdf')]);
    expect(again.code).toBe(1);
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, 'x');
    const failed = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'en', '--out', path.join(blocker, 'x.pdf')]);
    expect(failed.code).toBe(1);
    const rows = builds(db).builds.slice(1);
    expect(rows.map((r) => [r.status, JSON.parse(r.error!).code])).toEqual([
      ['refused', 'build.outputExists'],
      ['failed', 'build.cannotWrite'],
    ]);
  }, 120_000);
});

describe('a build while another program writes to the library', () => {
  it('writes the PDFs and warns that the build could not be recorded', async () => {
    const db = await starter.copy();
    const out = path.join(tempDir(), 'busy.pdf');
    const lock = await holdWriteLock(db);
    let result;
    try {
      result = await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'fr', '--out', out], { BRIEFING_BUSY_TIMEOUT_MS: '200' });
    } finally {
      await lock.release();
    }
    expect(result.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect(result.stderr).toContain('The PDFs were written, but another program was writing to the library, so this build was not recorded');
    expect(builds(db).builds).toHaveLength(0);
  }, 120_000);
});

describe('briefing inspect: bad input, named', () => {
  it('a file that is not a PDF', async () => {
    const file = path.join(tempDir(), 'notes.pdf');
    fs.writeFileSync(file, 'hello');
    const r = await cli(['inspect', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file} is not a PDF file.`);
    expect((await cli(['inspect', file], { BRIEFING_LOCALE: 'es' })).stderr).toContain('no es un archivo PDF');
  });

  it('a PDF with no manifest', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const file = path.join(tempDir(), 'plain.pdf');
    fs.writeFileSync(file, await pdf.save());
    const r = await cli(['inspect', file], { BRIEFING_LOCALE: 'fr' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file} ne contient pas de manifeste de construction (briefing-manifest.json)`);
  });

  it('a manifest that fails its schema names where', async () => {
    const file = await pdfWithAttachment(JSON.stringify({ format: 'briefing-manifest', version: 1 }));
    const r = await cli(['inspect', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`The build manifest in ${file} is not valid (at build)`);
  });

  it('a manifest changed after the build is named as tampered, with both hashes', async () => {
    const db = await starter.copy();
    const out = path.join(tempDir(), 'one.pdf');
    expect((await cli(['build', '--db', db, '--pack', 'panama-2025', '--lang', 'fr', '--out', out])).code).toBe(0);
    const real = JSON.parse((await cli(['inspect', out, '--json'])).stdout) as BuildManifest;
    const edited = { ...real, pieces: real.pieces.map((p, i) => (i === 0 ? { ...p, hash: 'f'.repeat(64) } : p)) };
    const file = await pdfWithAttachment(JSON.stringify(edited));
    const r = await cli(['inspect', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`The build manifest in ${file} has been changed since it was built`);
    expect(r.stderr).toContain(real.contentHash);
  }, 120_000);
});
