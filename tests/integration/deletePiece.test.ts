import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, ApiResult } from '../../shared/api/apiContract';
import type { DeleteResult, ReferencesResult, RestoreResult, TrashEntry } from '../../shared/api/deleteTypes';
import type { SourceDoc } from '../../shared/schemas/libraryDocument';
import { serializeLibrary } from '../../main/services/exportLibrary';
import { checkLibrary } from '../../main/services/checkLibrary';
import { cli } from '../helpers/cli';
import { startTestApp, type TestApp } from '../helpers/server';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app.close());

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = (await app.api.invoke(channel, input)) as ApiResult<T>;
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as { ok: true; value: T }).value;
}
async function refused(channel: string, input: unknown): Promise<ApiError> {
  const result = (await app.api.invoke(channel, input)) as ApiResult<unknown>;
  expect(result.ok, JSON.stringify(result)).toBe(false);
  return (result as { ok: false; error: ApiError }).error;
}
/** What `briefing export` would write now. */
const exported = () => serializeLibrary(app.ctx.store.readDocument());
const clean = () => expect(checkLibrary(app.ctx.store.db).problems).toEqual([]);
const pack = () => app.ctx.store.readDocument().packs.find((p) => p.id === 'pack-panama-2025')!;

describe('reading a few records', () => {
  it('gives each record exactly as the whole library reads it', () => {
    const whole = app.ctx.store.readDocument();
    for (const collection of ['sources', 'countries', 'networks', 'meetings', 'priorities', 'instruments', 'notes', 'packs'] as const) {
      for (const record of whole[collection] as { id?: string; code?: string }[]) {
        const id = record.id ?? record.code!;
        const part = app.ctx.store.readRecords([id]);
        expect(part[collection], id).toEqual([record]);
      }
    }
  });
});

describe('library.references', () => {
  it('names who refers to a note by kind and title in the interface language, with the pack section', async () => {
    const before = exported();
    const refs = await call<ReferencesResult>('library.references', { id: 'note-unga-trafficking-2025', locale: 'fr' });
    expect(refs.piece.kind).toBe('note');
    expect(refs.piece.titleLocale).toBe('fr');
    expect(refs.references).toHaveLength(1);
    const [ref] = refs.references;
    expect(ref!.from.kind).toBe('pack');
    expect(ref!.from.id).toBe('pack-panama-2025');
    expect(ref!.from.title).toBe(pack().title.fr!.text);
    expect(ref!.section?.title).toBe(pack().sections[3]!.title.fr!.text);
    expect(ref!.required).toBe(false);
    // Asking who refers to a piece (the dialog opening, then Cancel) changes nothing.
    expect(exported()).toBe(before);
  });

  it('lists notes, child instruments and packs for an instrument, and nothing for a pack', async () => {
    const refs = await call<ReferencesResult>('library.references', { id: 'inst-palermo', locale: 'en' });
    const from = refs.references.map((r) => `${r.from.kind}:${r.from.id}:${r.label}`).sort();
    expect(from).toEqual([
      'instrument:inst-palermo-firearms:parent',
      'instrument:inst-palermo-migrants:parent',
      'instrument:inst-palermo-trafficking:parent',
      'note:note-omsac-palermo-25-2025:instruments',
      'pack:pack-panama-2025:sectionItems',
    ]);
    expect((await call<ReferencesResult>('library.references', { id: 'pack-panama-2025', locale: 'es' })).references).toEqual([]);
  });
});

describe('library.delete', () => {
  it('refuses a note a pack uses, leaving the library byte-identical, then deletes it with the reference and restores both', async () => {
    const before = exported();
    const error = await refused('library.delete', { id: 'note-unga-trafficking-2025', locale: 'en' });
    expect(error.code).toBe('delete.referenced');
    expect(error.params).toMatchObject({ count: 1 });
    expect(String(error.params.title)).not.toMatch(/^note-/);
    expect(exported()).toBe(before);

    const deleted = await call<DeleteResult>('library.delete', { id: 'note-unga-trafficking-2025', locale: 'en', removeReferences: true });
    expect(deleted.removedReferences).toBe(1);
    expect(app.ctx.store.kindOf('note-unga-trafficking-2025')).toBeUndefined();
    expect(pack().sections[3]!.items).toEqual([{ kind: 'note', ref: 'note-omsac-palermo-25-2025' }]);
    clean();
    const trash = await call<TrashEntry[]>('library.trash', { locale: 'en' });
    expect(trash[0]).toMatchObject({ trashId: deleted.trashId, piece: deleted.piece, removedReferences: 1 });

    const restored = await call<RestoreResult>('library.restore', { trashId: deleted.trashId, locale: 'en' });
    expect(restored).toMatchObject({ restoredReferences: 1, droppedReferences: 0 });
    // Back as it was: texts, approvals, links, and its place in the pack.
    expect(exported()).toBe(before);
    clean();
    expect((await refused('library.restore', { trashId: deleted.trashId, locale: 'en' })).code).toBe('trash.gone');
  });

  it('deletes an instrument used by a pack, by notes and by its protocols, removing every reference in one go', async () => {
    const before = exported();
    expect((await refused('library.delete', { id: 'inst-palermo', locale: 'fr' })).params).toMatchObject({ count: 5 });
    expect(exported()).toBe(before);
    const deleted = await call<DeleteResult>('library.delete', { id: 'inst-palermo', locale: 'fr', removeReferences: true });
    expect(deleted.removedReferences).toBe(5);
    const doc = app.ctx.store.readDocument();
    expect(doc.notes.find((n) => n.id === 'note-omsac-palermo-25-2025')!.instruments).not.toContain('inst-palermo');
    expect(doc.instruments.filter((i) => i.parentId === 'inst-palermo')).toEqual([]);
    expect(doc.packs[0]!.sections[2]!.items.map((i) => i.ref)).not.toContain('inst-palermo');
    // The search index forgets its texts too.
    expect(app.ctx.store.db.prepare("SELECT count(*) FROM search_index WHERE piece_id = 'inst-palermo'").pluck().get()).toBe(0);
    clean();
    await call<RestoreResult>('library.restore', { trashId: deleted.trashId, locale: 'fr' });
    expect(exported()).toBe(before);
  });

  it('refuses a meeting a pack uses unless the pack lets go of it', async () => {
    const before = exported();
    const error = await refused('library.delete', { id: 'meet-rps-panama-2025', locale: 'es' });
    expect(error.code).toBe('delete.referenced');
    expect(exported()).toBe(before);
    const refs = await call<ReferencesResult>('library.references', { id: 'meet-rps-panama-2025', locale: 'es' });
    expect(refs.references.map((r) => [r.from.kind, r.label])).toEqual([['pack', 'meeting']]);
    const deleted = await call<DeleteResult>('library.delete', { id: 'meet-rps-panama-2025', locale: 'es', removeReferences: true });
    expect(pack().meetingId).toBeNull();
    clean();
    // The pack still builds without its meeting.
    const built = await call<{ pdfs: unknown[] }>('packs.build', { id: 'pack-panama-2025', mode: 'es' });
    expect(built.pdfs).toHaveLength(1);
    await call('library.restore', { trashId: deleted.trashId, locale: 'es' });
    expect(pack().meetingId).toBe('meet-rps-panama-2025');
    expect(exported()).toBe(before);
  });

  it('never deletes a country a meeting is held in, nor the network of meetings and priorities', async () => {
    const before = exported();
    const country = await refused('library.delete', { id: 'PA', locale: 'en', removeReferences: true });
    expect(country.code).toBe('delete.required');
    expect(country.params).toMatchObject({ title: 'Panama', count: 1 });
    const network = await refused('library.delete', { id: 'net-rps', locale: 'en', removeReferences: true });
    expect(network.code).toBe('delete.required');
    expect(network.params.count).toBe(8);
    expect(exported()).toBe(before);
    clean();
  });

  it('deletes a country that only packs and notes name, and a source a note cites', async () => {
    const before = exported();
    const country = await call<DeleteResult>('library.delete', { id: 'KN', locale: 'en', removeReferences: true });
    expect(country.piece.title).toBe('Saint Kitts and Nevis');
    expect(pack().sections[4]!.items.map((i) => i.ref)).not.toContain('KN');
    expect(app.ctx.store.readDocument().networks[0]!.members).not.toContain('KN');
    const citing = await call<ReferencesResult>('library.references', { id: 'src-omsac-palermo-2025', locale: 'en' });
    expect(citing.references.map((r) => r.label)).toContain('sources');
    expect(citing.references.map((r) => r.from.kind)).toContain('note');
    const source = await call<DeleteResult>('library.delete', { id: 'src-omsac-palermo-2025', locale: 'en', removeReferences: true });
    expect(source.removedReferences).toBe(citing.references.length);
    expect(app.ctx.store.db.prepare("SELECT count(*) FROM piece_sources WHERE source_id = 'src-omsac-palermo-2025'").pluck().get()).toBe(0);
    clean();
    // Most recent first.
    const trash = await call<TrashEntry[]>('library.trash', { locale: 'en' });
    expect(trash.slice(0, 2).map((e) => e.piece.id)).toEqual(['src-omsac-palermo-2025', 'KN']);
    await call('library.restore', { trashId: source.trashId, locale: 'en' });
    await call('library.restore', { trashId: country.trashId, locale: 'en' });
    expect(exported()).toBe(before);
  });

  it('deletes a pack with its sections and restores it whole', async () => {
    const before = exported();
    const deleted = await call<DeleteResult>('library.delete', { id: 'pack-panama-2025', locale: 'en' });
    expect(app.ctx.store.kindOf('pack-panama-2025-s1')).toBeUndefined();
    clean();
    await call('library.restore', { trashId: deleted.trashId, locale: 'en' });
    expect(exported()).toBe(before);
  });

  it('restores a note without the references whose pieces are gone since', async () => {
    const before = exported();
    const note = await call<DeleteResult>('library.delete', { id: 'note-omsac-palermo-25-2025', locale: 'en', removeReferences: true });
    const source = await call<DeleteResult>('library.delete', { id: 'src-omsac-palermo-2025', locale: 'en', removeReferences: true });
    const packGone = await call<DeleteResult>('library.delete', { id: 'pack-panama-2025', locale: 'en' });
    const restored = await call<RestoreResult>('library.restore', { trashId: note.trashId, locale: 'en' });
    // The pack that listed it and the source it cited are both gone.
    expect(restored).toMatchObject({ restoredReferences: 0, droppedReferences: 2 });
    expect(app.ctx.store.readDocument().notes.find((n) => n.id === 'note-omsac-palermo-25-2025')!.sources).toEqual([]);
    clean();
    await call('library.restore', { trashId: source.trashId, locale: 'en' });
    await call('library.restore', { trashId: packGone.trashId, locale: 'en' });
    expect(exported()).not.toBe(before); // the pack lost its item while the note was away, the note its source
    clean();
  });

  it('refuses to restore over a piece created since with the same id', async () => {
    const record: SourceDoc = { id: 'src-temp-1', title: { en: { text: 'Temporary', status: 'draft' } }, issuer: 'OAS', place: null, date: null, url: null };
    await call('library.saveSource', { record });
    const deleted = await call<DeleteResult>('library.delete', { id: 'src-temp-1', locale: 'en' });
    await call('library.saveSource', { record: { ...record, issuer: 'UN' } });
    const before = exported();
    const error = await refused('library.restore', { trashId: deleted.trashId, locale: 'en' });
    expect(error.code).toBe('trash.idTaken');
    expect(error.params.title).toBe('Temporary');
    expect(exported()).toBe(before);
  });

  it('validates its input and names an unknown piece', async () => {
    expect((await refused('library.delete', { id: 'x'.repeat(201), locale: 'en' })).code).toBe('api.invalidInput');
    expect((await refused('library.delete', { id: 'note-x', locale: 'en', force: true })).code).toBe('api.invalidInput');
    expect((await refused('library.restore', { trashId: '../../etc', locale: 'en' })).code).toBe('api.invalidInput');
    expect((await refused('library.delete', { id: 'note-nowhere', locale: 'en' })).code).toBe('api.notFound');
    expect((await refused('library.restore', { trashId: '6b1e1f4c-1d7e-4e43-9a55-1f5a2b3c4d5e', locale: 'en' })).code).toBe('trash.gone');
  });

  it('leaves `briefing check` clean', async () => {
    const result = await cli(['check', '--db', app.library.path]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

