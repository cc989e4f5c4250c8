import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/apiContract';
import type { Concept } from '../../shared/terms/termTypes';
import { startTestApp, type TestApp } from '../helpers/server';

/** terms.delete and its undo: the concept comes back as it was, signatures included, and only once. */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

async function invoke<T>(channel: string, input: unknown): Promise<ApiResult<T>> {
  return (await app.api.invoke(channel as never, input as never)) as ApiResult<T>;
}

const ID = 'un-trafficking-in-persons';

describe('deleting a termbase concept, and undoing it', () => {
  it('brings the concept back whole, with its approvals as they were', async () => {
    const store = app.ctx.store;
    // One term approved, so its signature is there to be kept.
    store.write(() => {
      const c = store.terms.read(ID)!;
      store.terms.replace({ ...c, terms: c.terms.map((t, i) => (i === 0 ? { ...t, approval: 'approved', approvedBy: 'Ana Pérez', approvedAt: '2025-05-01T10:00:00.000Z' } : t)) }, '2025-05-01T10:00:00.000Z');
    });
    const before = store.terms.read(ID)!;
    const deleted = await invoke<{ id: string; undoToken: string }>('terms.delete', { id: ID });
    if (!deleted.ok) throw new Error(JSON.stringify(deleted.error));
    expect(store.terms.read(ID)).toBeNull();
    const back = await invoke<Concept>('terms.undoDelete', { undoToken: deleted.value.undoToken });
    expect(back).toEqual({ ok: true, value: before });
    expect(store.terms.read(ID)).toEqual(before);
    // Once: the same token again is refused, and changes nothing.
    const twice = await invoke('terms.undoDelete', { undoToken: deleted.value.undoToken });
    expect(twice).toMatchObject({ ok: false, error: { code: 'terms.undoGone' } });
    expect(store.terms.read(ID)).toEqual(before);
  });

  it('does not put a concept back over one created since under the same id', async () => {
    const store = app.ctx.store;
    const deleted = await invoke<{ id: string; undoToken: string }>('terms.delete', { id: ID });
    if (!deleted.ok) throw new Error(JSON.stringify(deleted.error));
    const made = await invoke<Concept>('terms.save', { concept: { id: ID, subject: '', note: '', source: '', terms: [{ locale: 'en', text: 'human trafficking', status: 'preferred', note: '', approval: 'draft' }] } });
    expect(made.ok).toBe(true);
    const refused = await invoke('terms.undoDelete', { undoToken: deleted.value.undoToken });
    expect(refused).toMatchObject({ ok: false, error: { code: 'terms.undoTaken', params: { concept: ID } } });
    expect(store.terms.read(ID)!.terms.map((t) => t.text)).toEqual(['human trafficking']);
  });

  it('refuses a token that is not one, and a concept that is not there', async () => {
    expect(await invoke('terms.undoDelete', { undoToken: 'not-a-token' })).toMatchObject({ ok: false });
    expect(await invoke('terms.undoDelete', { undoToken: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'terms.undoGone' } });
    expect(await invoke('terms.delete', { id: 'no-such-concept' })).toMatchObject({ ok: false, error: { code: 'terms.notFound' } });
  });
});
