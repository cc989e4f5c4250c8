import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, ApiResult, Choices, PieceRecord } from '../../shared/api/apiContract';
import type { ListEntry } from '../../shared/api/listTypes';
import type { NoteDoc, SourceDoc } from '../../shared/schemas/libraryDocument';
import { startTestApp, type TestApp } from '../helpers/server';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app.close());

const SOURCE: SourceDoc = {
  id: 'src-test-oas-report',
  title: { fr: { text: 'Rapport sur la sécurité citoyenne', status: 'draft' } },
  issuer: 'OEA',
  place: 'Washington',
  date: '2024-06',
  url: 'https://www.oas.org/fr/',
};

async function call<T>(channel: string, input: unknown): Promise<ApiResult<T>> {
  return (await app.api.invoke(channel, input)) as ApiResult<T>;
}

function failure(result: ApiResult<unknown>): ApiError {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  return (result as { ok: false; error: ApiError }).error;
}

describe('library.saveSource', () => {
  it('creates a source over HTTP, then lists it, loads it and offers it to cite', async () => {
    const res = await fetch(`${app.server.origin}/api/library.saveSource`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${app.server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ record: SOURCE }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: SOURCE });

    const list = await call<ListEntry[]>('library.list', { kind: 'sources', locale: 'en' });
    const row = list.ok ? list.value.find((e) => e.id === SOURCE.id) : undefined;
    expect(row).toEqual({
      id: SOURCE.id,
      title: 'Rapport sur la sécurité citoyenne',
      titleLocale: 'fr',
      status: 'missing',
      states: { en: 'missing', fr: 'draft', es: 'missing' },
      details: { issuer: 'OEA', place: 'Washington', date: '2024-06', url: 'https://www.oas.org/fr/' },
    });
    expect(await call<PieceRecord>('library.get', { id: SOURCE.id })).toEqual({ ok: true, value: { kind: 'source', record: SOURCE } });
    const choices = await call<Choices>('library.choices', { locale: 'fr' });
    expect(choices.ok && choices.value.sources).toContainEqual({ id: SOURCE.id, label: 'Rapport sur la sécurité citoyenne' });
  });

  it('edits a source and lets a note cite it', async () => {
    const edited: SourceDoc = {
      ...SOURCE,
      title: { ...SOURCE.title, en: { text: 'Report on citizen security', status: 'draft', from: 'fr' } },
      place: null,
      date: '2024-06-30',
      url: null,
    };
    const saved = await call<SourceDoc>('library.saveSource', { record: edited });
    expect(saved.ok).toBe(true);
    // The translation records the hash of the French it was made from.
    expect(saved.ok && saved.value.title.en?.sourceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(app.ctx.store.readDocument().sources.find((s) => s.id === SOURCE.id)).toMatchObject({ place: null, date: '2024-06-30', url: null });

    const got = await call<PieceRecord>('library.get', { id: 'note-unga-trafficking-2025' });
    const note = (got as { ok: true; value: { record: NoteDoc } }).value.record;
    const cited = await call<NoteDoc>('library.saveNote', { record: { ...note, sources: [...note.sources, SOURCE.id] } });
    expect(cited.ok).toBe(true);
    expect(app.ctx.store.readDocument().notes.find((n) => n.id === note.id)?.sources).toContain(SOURCE.id);
  });

  it('refuses a bad address, date, title or issuer, names the field, and changes nothing', async () => {
    const before = app.ctx.store.readDocument();
    const cases: [Partial<SourceDoc>, (string | number)[], string][] = [
      [{ url: 'javascript:alert(1)' }, ['record', 'url'], 'badUrl'],
      [{ url: 'ftp://example.org/report.pdf' }, ['record', 'url'], 'badUrl'],
      [{ url: 'https://' }, ['record', 'url'], 'badUrl'],
      [{ url: 'www.oas.org' }, ['record', 'url'], 'badUrl'],
      [{ date: '2024-13' }, ['record', 'date'], 'badPartialDate'],
      [{ date: '2023-02-29' }, ['record', 'date'], 'badPartialDate'],
      [{ date: '24' }, ['record', 'date'], 'badPartialDate'],
      [{ title: {} }, ['record', 'title'], 'noLocale'],
      [{ title: { fr: { text: '', status: 'draft' } } }, ['record', 'title', 'fr', 'text'], 'tooShort'],
      [{ issuer: '' }, ['record', 'issuer'], 'tooShort'],
      [{ id: 'Source 1' }, ['record', 'id'], 'badId'],
    ];
    for (const [change, path, key] of cases) {
      const error = failure(await call('library.saveSource', { record: { ...SOURCE, ...change } }));
      expect(error.code, JSON.stringify(change)).toBe('api.invalidInput');
      expect(error.problems.map((p) => ({ path: p.path, key: p.key })), JSON.stringify(change)).toEqual([{ path, key }]);
    }
    // An id another kind of piece already has is caught by the library's own checks.
    const taken = failure(await call('library.saveSource', { record: { ...SOURCE, id: 'note-unga-trafficking-2025' } }));
    expect(taken.code).toBe('api.invalidRecord');
    expect(taken.problems[0]).toMatchObject({ path: ['sources', 0, 'id'], key: 'wrongKindReference' });
    expect(app.ctx.store.readDocument()).toEqual(before);
  });
});
