import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { changesSince } from '../../main/pdf/changesSince';
import { piecesUsed } from '../../main/pdf/recordedBuild';
import { saveBuildRecord } from '../../main/services/buildRecords';
import { markDistributed } from '../../main/services/distribution';
import { duplicatePack } from '../../main/services/packsService';
import type { LibraryStore } from '../../main/services/LibraryStore';
import { approverNow } from '../../main/services/userName';
import { saveRecord } from '../../main/api/saveRecord';
import { isAppError } from '../../shared/errors/AppError';
import { createTranslator } from '../../shared/locales/createTranslator';
import { useStarterStores } from '../helpers/starterStores';

const open = useStarterStores('briefing-changes-');

/** A build record as recordedBuild writes it, without laying out the PDFs. */
function recordBuild(store: LibraryStore, pack: string, status: 'ok' | 'refused' = 'ok'): string {
  const doc = store.readDocument();
  const found = doc.packs.find((p) => p.slug === pack)!;
  const id = randomUUID();
  saveBuildRecord(store, {
    id,
    packId: found.id,
    packSlug: found.slug,
    builtAt: new Date().toISOString(),
    builtBy: 'Ana',
    mode: 'en',
    editions: ['en'],
    options: { paper: 'a4', watermark: null, strict: false, requireApproved: false },
    appVersion: '0.0.0',
    fontsHash: 'f'.repeat(64),
    status,
    error: status === 'ok' ? null : { code: 'build.notApproved', params: {} },
    outputs: status === 'ok' ? [{ edition: 'en', path: '/tmp/x.pdf', sha256: 'a'.repeat(64), pages: 3, bytes: 10 }] : [],
    pieces: piecesUsed(store, found.id, doc),
  });
  return id;
}

function editFrenchPriority(store: LibraryStore, id: string, text: string): void {
  const p = store.readDocument().priorities.find((x) => x.id === id)!;
  saveRecord(store, 'priorities', { ...p, body: { ...p.body, fr: { ...p.body.fr!, text } } }, approverNow(store));
}

function failure(run: () => unknown, locale: 'en' | 'fr' | 'es' = 'en'): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { code: error.code, message: createTranslator(locale)(`errors:${error.code}`, error.params) };
  }
  throw new Error('expected a failure');
}

describe('changes since an earlier build (the library’s history at the build’s versions)', () => {
  it('names an edited French priority under its section as a change of the source text', async () => {
    const store = await open('edit');
    const build = recordBuild(store, 'panama-2025');
    expect(changesSince(store, store.readDocument(), 'panama-2025', build)!.changes.sections).toEqual([]);
    editFrenchPriority(store, 'prio-rps-2', 'Un texte de priorité revu.\n\nUn second paragraphe.');
    const result = changesSince(store, store.readDocument(), 'panama-2025', build)!;
    expect(result.buildId).toBe(build);
    expect(result.changes.counts).toEqual({ added: 0, removed: 0, changed: 1 });
    const [section] = result.changes.sections;
    expect(section!.sectionId).toBe('pack-panama-2025-s2');
    expect(section!.pieces.map((p) => [p.pieceId, p.change, p.kinds])).toEqual([['prio-rps-2', 'changed', ['text']]]);
    expect(section!.pieces[0]!.cells.map((c) => [c.field, c.locale, c.paragraphs])).toEqual([['body', 'fr', [0, 1]]]);
  });

  it('takes the last build marked as distributed by default, and none when no build was sent', async () => {
    const store = await open('distributed');
    const first = recordBuild(store, 'panama-2025');
    expect(changesSince(store, store.readDocument(), 'panama-2025', 'distributed')).toBeNull();
    markDistributed(store, first, ['Delegation of Panama']);
    recordBuild(store, 'panama-2025');
    editFrenchPriority(store, 'prio-rps-3', 'Troisième priorité, revue.');
    const result = changesSince(store, store.readDocument(), 'panama-2025', 'distributed')!;
    expect(result.buildId).toBe(first);
    expect(result.changes.counts.changed).toBe(1);
    expect(changesSince(store, store.readDocument(), 'panama-2025', 'none')).toBeNull();
  });

  it('names an unknown build, a build of another pack, an unfinished build and a build whose versions are gone (en/fr/es)', async () => {
    const store = await open('bad');
    const doc = () => store.readDocument();
    const unknown = failure(() => changesSince(store, doc(), 'panama-2025', '00000000-0000-4000-8000-000000000000'), 'fr');
    expect(unknown).toEqual({ code: 'changes.unknownBuild', message: expect.stringContaining('Aucune construction 00000000-0000-4000-8000-000000000000 à comparer') });
    duplicatePack(store, 'panama-2025', 'panama-copy');
    const other = recordBuild(store, 'panama-copy');
    expect(failure(() => changesSince(store, doc(), 'panama-2025', other)).message).toBe(
      `Build ${other} is a build of the pack panama-copy, not of panama-2025: compare a pack only with its own builds.`,
    );
    const refused = recordBuild(store, 'panama-2025', 'refused');
    expect(failure(() => changesSince(store, doc(), 'panama-2025', refused), 'es').message).toContain('no produjo ningún archivo (estado: refused)');
    const build = recordBuild(store, 'panama-2025');
    // A version gone from the history (a library cut down by hand): said, with the piece named.
    store.db.prepare("DELETE FROM piece_versions WHERE piece_id = 'prio-rps-4'").run();
    expect(failure(() => changesSince(store, doc(), 'panama-2025', build)).message).toBe(
      `Build ${build} cannot be compared: the library no longer holds the version it used of prio-rps-4.`,
    );
  });
});
