import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors/AppError';
import type { BuiltPdf } from '../../shared/api/apiContract';
import { createPack, deletePack, duplicatePack } from '../services/packsService';
import type { ApiContext } from './ApiContext';
import type { ApiRegistry } from './ApiRegistry';
import { saveRecord } from './saveRecord';

const DOWNLOAD_ID = /^[0-9a-f-]{36}\/[a-z0-9-]+\.pdf$/;

/** The file behind a download id, or an error: ids are ours, never paths a caller chose. */
export function downloadPath(ctx: ApiContext, id: string): string {
  if (!DOWNLOAD_ID.test(id)) throw new AppError('api.unknownDownload', { id });
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
  api.register('packs.save', ({ record }) => saveRecord(store, 'packs', record));
  api.register('packs.create', (input) => createPack(store, input));
  api.register('packs.duplicate', ({ id, slug }) => duplicatePack(store, id, slug));
  api.register('packs.delete', ({ id }) => ({ id: deletePack(store, id).id }));
  api.register('packs.build', async ({ id, mode, paper, watermark, strict }) => {
    const folder = randomUUID();
    const out = path.join(ctx.outputDir, folder);
    const report = await ctx.builds.build(store.readDocument(), { pack: id, mode, out, paper, watermark, strict, force: false });
    const pdfs: BuiltPdf[] = report.files.map((f) => ({
      edition: f.edition,
      pages: f.pages,
      bytes: f.bytes,
      fileName: path.basename(f.file),
      downloadId: `${folder}/${path.basename(f.file)}`,
    }));
    return { report, pdfs };
  });
}
