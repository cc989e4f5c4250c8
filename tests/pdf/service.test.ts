import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PackBuildService, type BuildReport } from '../../main/pdf/PackBuildService';
import type { Edition } from '../../main/pdf/buildEdition';
import { LibraryStore } from '../../main/services/LibraryStore';
import { AppError } from '../../shared/errors/AppError';
import type { LibraryDocument } from '../../shared/schemas/libraryDocument';
import { cli } from '../helpers/cli';
import { filesIn, loadPdf, scratch } from '../helpers/pdf';

const tmp = scratch('briefing-pdf-service-');
afterAll(() => tmp.cleanup());

/** PackBuildService used directly, as the desktop app does: progress, cancellation, reuse. */

const BUILT_AT = new Date('2025-11-20T12:00:00Z');
const dir = tmp.dir('service-');
const service = new PackBuildService(2);
let doc: LibraryDocument;

interface Progress {
  edition: Edition;
  fraction: number;
  at: number;
}

beforeAll(async () => {
  const db = path.join(dir, 'lib.sqlite');
  expect((await cli(['init', '--db', db])).code).toBe(0);
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    doc = new LibraryStore(conn).readDocument();
  } finally {
    conn.close();
  }
  // A small pack, for the builds that only need to succeed.
  const small = structuredClone(doc.packs.find((p) => p.slug === 'panama-2025')!);
  small.id = 'pack-small';
  small.slug = 'small';
  small.sections = small.sections.slice(0, 2).map((s, i) => ({ ...s, id: `pack-small-s${i + 1}` }));
  doc.packs.push(small);
  service.warm();
}, 60_000);

afterAll(async () => {
  await service.close();
});

describe('PackBuildService', () => {
  it('reports progress as fractions in [0, 1], rising to 1, for the edition being built', async () => {
    const events: Progress[] = [];
    const out = path.join(dir, 'progress');
    const report = await service.build(
      doc,
      { pack: 'panama-2025', mode: 'fr', out, builtAt: BUILT_AT },
      { onProgress: (p) => events.push({ ...p, at: Date.now() }) },
    );
    expect(events.length).toBeGreaterThan(1);
    for (const e of events) {
      expect(e.edition).toBe('fr');
      expect(e.fraction).toBeGreaterThanOrEqual(0);
      expect(e.fraction).toBeLessThanOrEqual(1);
    }
    const fractions = events.map((e) => e.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(filesIn(out)).toEqual(['panama-2025-fr.pdf']);
    const pdf = await loadPdf(report.files[0]!.file);
    expect(pdf.pageCount).toBe(report.files[0]!.pages);
    expect(pdf.info.Language).toBe('fr-CA');
    // The fixed build date is on the cover.
    expect(pdf.pages[0]!.text).toContain('Préparé le 20 novembre 2025');
  });

  it('reports progress for each edition of --lang all', async () => {
    const seen = new Map<Edition, number[]>();
    const out = path.join(dir, 'all');
    const report = await service.build(
      doc,
      { pack: 'small', mode: 'all', out, builtAt: BUILT_AT },
      { onProgress: (p) => seen.set(p.edition, [...(seen.get(p.edition) ?? []), p.fraction]) },
    );
    expect([...seen.keys()].sort()).toEqual(['en', 'es', 'fr']);
    for (const [, fractions] of seen) {
      expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
      expect(fractions[fractions.length - 1]).toBe(1);
    }
    expect(filesIn(out)).toEqual(['small-en.pdf', 'small-es.pdf', 'small-fr.pdf']);
    expect(report.files.map((f) => f.edition)).toEqual(['en', 'fr', 'es']);
  });

  describe('cancellation', () => {
    // One worker: the editions of `all` run one after the other, so the build is cancelled while
    // the first is rendering and the other two are still waiting for the worker.
    const single = new PackBuildService(1);
    const late: Progress[] = [];
    let cancelledAt = 0;
    afterAll(async () => {
      await single.close();
    });

    it('rejects with build.cancelled when aborted during a build, and writes no file', async () => {
      const controller = new AbortController();
      const out = path.join(dir, 'cancelled');
      let progressCalls = 0;
      const build = single.build(
        doc,
        { pack: 'panama-2025', mode: 'all', out, builtAt: BUILT_AT },
        {
          signal: controller.signal,
          onProgress: (p) => {
            progressCalls++;
            if (progressCalls === 1) controller.abort();
            if (cancelledAt > 0) late.push({ ...p, at: Date.now() });
          },
        },
      );
      const error = await build.then(
        () => null,
        (e: unknown) => e,
      );
      cancelledAt = Date.now();
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('build.cancelled');
      expect(progressCalls).toBeGreaterThan(0);
      expect(filesIn(out)).toEqual([]);
    });

    it('builds again after a cancellation', async () => {
      const out = path.join(dir, 'after-cancel');
      const report: BuildReport = await single.build(doc, { pack: 'small', mode: 'es', out, builtAt: BUILT_AT });
      expect(filesIn(out)).toEqual(['small-es.pdf']);
      const pdf = await loadPdf(report.files[0]!.file);
      expect(pdf.info.Language).toBe('es-419');
      expect(pdf.text).toContain('Prioridad 1 — ');
      expect(filesIn(path.join(dir, 'cancelled'))).toEqual([]);
    });

    it('starts none of the editions still waiting for a worker when the build is cancelled', () => {
      // The build above waited for the single worker behind anything the cancelled build left
      // running: any edition of the cancelled build that still ran has reported its progress.
      expect(cancelledAt).toBeGreaterThan(0);
      expect([...new Set(late.map((p) => p.edition))], 'editions rendered after the cancellation').toEqual([]);
    });

    it('rejects at once when the signal is already aborted, and writes no file', async () => {
      const controller = new AbortController();
      controller.abort();
      const out = path.join(dir, 'pre-aborted');
      let progressCalls = 0;
      await expect(
        single.build(doc, { pack: 'small', mode: 'en', out, builtAt: BUILT_AT }, { signal: controller.signal, onProgress: () => progressCalls++ }),
      ).rejects.toMatchObject({ code: 'build.cancelled' });
      expect(progressCalls).toBe(0);
      expect(filesIn(out)).toEqual([]);
    });
  });

  it('rejects an unknown mode, an unknown pack and a --lang all .pdf file before any work', async () => {
    const out = path.join(dir, 'bad');
    await expect(service.build(doc, { pack: 'small', mode: 'de' as never, out })).rejects.toMatchObject({
      code: 'build.unknownLanguage',
      params: { value: 'de' },
    });
    await expect(service.build(doc, { pack: 'nope', mode: 'en', out })).rejects.toMatchObject({
      code: 'build.unknownPack',
      params: { pack: 'nope' },
    });
    await expect(service.build(doc, { pack: 'small', mode: 'all', out: path.join(out, 'x.pdf') })).rejects.toMatchObject({
      code: 'build.outNeedsFolder',
    });
    expect(filesIn(out)).toEqual([]);
  });
});
