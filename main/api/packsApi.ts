import { approverNow } from '../services/userName';
import { pdfStringOverrides } from '../services/uiStrings/pdfStringOverrides';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors/AppError';
import { LOCALES } from '../../shared/domain/locales';
import { DOWNLOAD_ID, type BuiltPdf } from '../../shared/api/apiContract';
import { createPack, deletePack, duplicatePack } from '../services/packsService';
import type { ApiContext } from './ApiContext';
import type { ApiRegistry } from './ApiRegistry';
import { saveRecord } from './saveRecord';
import { assertLogoEmbeddable } from '../services/verifyLogo';
import { recordedBuild } from '../pdf/recordedBuild';
import { hasStoredManifests, listBuildRecords } from '../services/buildRecords';
import { rebuildBuild } from '../pdf/rebuildPdf';
import { distributionsOf, markDistributed } from '../services/distribution';
import { changesSince } from '../pdf/changesSince';
import { createHash } from 'node:crypto';

/** The file behind a download id, or an error: ids are ours, never paths a caller chose. */
export function downloadPath(ctx: ApiContext, id: string): string {
  if (!DOWNLOAD_ID.safeParse(id).success) throw new AppError('api.unknownDownload', { id });
  const file = path.join(ctx.outputDir, id);
  if (!fs.existsSync(file)) throw new AppError('api.unknownDownload', { id });
  return file;
}

/** Pack builder: read, save, create, copy, delete, build. */
export function registerPacksApi(api: ApiRegistry, ctx: ApiContext): void {
  const { store } = ctx;
  const find = (id: string) => {
    const pack = store.readDocument().packs.find((p) => p.id === id || p.slug === id);
    if (!pack) throw new AppError('build.unknownPack', { pack: id });
    return pack;
  };
  api.register('packs.get', ({ id }) => find(id));
  api.register('packs.save', ({ record }) => {
    // A PNG that decodes badly would stop a build later: refused now, with the pack named.
    assertLogoEmbeddable(record.logo, { pack: record.slug });
    return saveRecord(store, 'packs', record, approverNow(store));
  });
  api.register('packs.create', (input) => createPack(store, input));
  api.register('packs.duplicate', ({ id, slug }) => duplicatePack(store, id, slug));
  api.register('packs.delete', ({ id }) => ({ id: deletePack(store, id).id }));
  const jobs = new Map<string, { controller: AbortController; fractions: Map<string, number>; editions: string[] }>();
  api.register('packs.build', async ({ id, mode, paper, watermark, strict, requireApproved, changesSince: since, jobId }) => {
    const folder = randomUUID();
    const out = path.join(ctx.outputDir, folder);
    const editions: string[] = mode === 'all' ? [...LOCALES] : [mode];
    const job = { controller: new AbortController(), fractions: new Map<string, number>(), editions };
    if (jobId) jobs.set(jobId, job);
    let report;
    try {
      report = await recordedBuild(
        ctx.builds,
        store,
        { pack: id, mode, out, paper, watermark, strict, requireApproved, changesSince: since, force: false, strings: pdfStringOverrides(store) },
        { signal: job.controller.signal, onProgress: ({ edition, fraction }) => job.fractions.set(edition, fraction) },
      );
    } finally {
      if (jobId) jobs.delete(jobId);
    }
    const pdfs: BuiltPdf[] = report.files.map((f) => ({
      edition: f.edition,
      pages: f.pages,
      bytes: f.bytes,
      fileName: path.basename(f.file),
      downloadId: `${folder}/${path.basename(f.file)}`,
    }));
    return { report, pdfs };
  });
  api.register('packs.buildProgress', ({ jobId }) => {
    const job = jobs.get(jobId);
    if (!job) return { running: false, fraction: 0, editions: [] };
    const editions = job.editions.map((edition) => ({ edition, fraction: Math.min(1, job.fractions.get(edition) ?? 0) }));
    const done = editions.reduce((sum, e) => sum + e.fraction, 0);
    return { running: true, fraction: Math.min(1, done / editions.length), editions };
  });
  api.register('packs.cancelBuild', ({ jobId }) => {
    const job = jobs.get(jobId);
    job?.controller.abort();
    return { cancelled: job !== undefined };
  });
  api.register('packs.readPdf', ({ downloadId }) => ({
    base64: fs.readFileSync(downloadPath(ctx, downloadId)).toString('base64'),
  }));
  const fileState = (file: string, sha256: string): 'present' | 'missing' | 'changed' => {
    try {
      return createHash('sha256').update(fs.readFileSync(file)).digest('hex') === sha256 ? 'present' : 'changed';
    } catch {
      return 'missing';
    }
  };
  api.register('packs.builds', ({ packId }) =>
    listBuildRecords(store, packId).map(({ pieces, outputs, ...rest }) => ({
      ...rest,
      pieceCount: pieces.length,
      rebuildable: rest.status === 'ok' && hasStoredManifests(store, rest.id),
      distributedTo: distributionsOf(store, rest.id),
      outputs: outputs.map((o) => ({ ...o, file: fileState(o.path, o.sha256) })),
    })),
  );
  api.register('packs.openBuild', ({ buildId }) => {
    const row = store.db.prepare('SELECT pack_id FROM builds WHERE id = ?').pluck().get(buildId) as string | undefined;
    const record = row ? listBuildRecords(store, row, 1000).find((b) => b.id === buildId) : undefined;
    if (!record) throw new AppError('api.unknownBuild', { id: buildId });
    // Only files still exactly as built are shown: the record names them, never the caller.
    const folder = randomUUID();
    fs.mkdirSync(path.join(ctx.outputDir, folder), { recursive: true });
    return record.outputs
      .filter((o) => fileState(o.path, o.sha256) === 'present')
      .map((o): BuiltPdf => {
        const fileName = path.basename(o.path);
        fs.copyFileSync(o.path, path.join(ctx.outputDir, folder, fileName));
        return { edition: o.edition, pages: o.pages, bytes: o.bytes, fileName, downloadId: `${folder}/${fileName}` };
      });
  });
  api.register('packs.changes', ({ packId, since }) => changesSince(store, store.readDocument(), packId, since));
  api.register('packs.distribute', ({ buildId, recipients }) => markDistributed(store, buildId, recipients));
  api.register('packs.rebuild', async ({ buildId, locale }) => {
    // Into a folder of our own, as a build's files are: the renderer saves or downloads them from there.
    const folder = randomUUID();
    const made = await rebuildBuild(ctx.builds, store, buildId, path.join(ctx.outputDir, folder), { locale });
    const pages = new Map((store.db.prepare('SELECT edition, pages FROM build_outputs WHERE build_id = ?').all(buildId) as { edition: string; pages: number }[]).map((r) => [r.edition, r.pages]));
    return made.map((m) => {
      const fileName = path.basename(m.file);
      return { edition: m.edition, pages: pages.get(m.edition) ?? 0, bytes: fs.statSync(m.file).size, fileName, downloadId: `${folder}/${fileName}`, same: m.same };
    });
  });
  api.register('desktop.savePdf', async ({ downloadId }) => {
    if (!ctx.desktop) throw new AppError('api.desktopOnly');
    return { path: await ctx.desktop.savePdf(downloadPath(ctx, downloadId)) };
  });
  api.register('desktop.openPdf', async ({ downloadId }) => {
    if (!ctx.desktop) throw new AppError('api.desktopOnly');
    return { opened: await ctx.desktop.openPdf(downloadPath(ctx, downloadId)) };
  });
}
