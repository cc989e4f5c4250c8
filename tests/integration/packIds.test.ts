import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/apiContract';
import type { PackDoc } from '../../shared/schemas/libraryDocument';
import { pieceIdSchema } from '../../shared/schemas/common';
import { MAX_ID_LENGTH, fitId, idFromTitle, packIdFor, sectionIdFor, slugify, uniqueId } from '../../shared/domain/pieceIds';
import { addSection } from '../../main/services/packsService';
import { checkLibrary } from '../../main/services/checkLibrary';
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

// 300 characters, accents and punctuation included, as a pasted meeting title might be.
const LONG_TITLE = `Réunion extraordinaire du Réseau parlementaire : ${'égalité de genre, sécurité citoyenne et changement climatique — '.repeat(5)}`.slice(0, 300);

describe('ids made from long titles', () => {
  it('always fit 64 characters and stay valid piece ids', () => {
    expect(LONG_TITLE).toHaveLength(300);
    const slug = slugify(LONG_TITLE, MAX_ID_LENGTH - 'pack-'.length);
    const id = packIdFor(slug, () => false);
    expect(id.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
    expect(pieceIdSchema.safeParse(id).success).toBe(true);
    for (const n of [1, 9, 10, 999]) {
      const section = sectionIdFor(id, n);
      expect(section.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
      expect(section.endsWith(`-s${n}`)).toBe(true);
      expect(pieceIdSchema.safeParse(section).success).toBe(true);
    }
    const meeting = idFromTitle('meeting-', LONG_TITLE, () => false);
    expect(meeting.startsWith('meeting-reunion-extraordinaire')).toBe(true);
    expect(pieceIdSchema.safeParse(meeting).success).toBe(true);
    // A cut never leaves a trailing hyphen before the suffix.
    expect(fitId('pack-aaaa-bbbb', '-s1', 13)).toBe('pack-aaaa-s1');
  });

  it('take the next free number when the cut id is in use, still within 64 characters', () => {
    const taken = new Set<string>();
    const made: string[] = [];
    for (let i = 0; i < 12; i++) {
      const id = uniqueId(`note-${'x'.repeat(100)}`, (c) => taken.has(c));
      taken.add(id);
      made.push(id);
    }
    expect(new Set(made).size).toBe(12);
    for (const id of made) expect(id.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
    expect(made[1]!.endsWith('-2')).toBe(true);
    expect(made[11]!.endsWith('-12')).toBe(true);
  });
});

describe('a pack with a 300-character title', () => {
  it('is created, opened, built and deleted through the API, and a second one gets its own id', async () => {
    const slug = slugify(LONG_TITLE, MAX_ID_LENGTH - 'pack-'.length);
    const input = { slug, title: LONG_TITLE, lang: 'fr', meetingId: null, paper: 'a4', uniqueSlug: true };
    const pack = await call<PackDoc>('packs.create', input);
    expect(pack.id.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
    expect(pack.title.fr?.text).toBe(LONG_TITLE.trim());
    // A new original is a draft until someone approves it, like every new piece.
    expect(pack.title.fr?.status).toBe('draft');

    // Sections of a pack whose id is already 64 characters long still fit.
    addSection(app.ctx.store, pack.id, { title: 'Contexte', lang: 'fr', items: ['priority:prio-rps-1', 'country:PA'] });
    const opened = await call<PackDoc>('packs.get', { id: pack.id });
    expect(opened.sections).toHaveLength(1);
    expect(opened.sections[0]!.id.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
    expect(opened.sections[0]!.title.fr?.status).toBe('draft');
    // The editor saves what it opened: every id passes the exchange format's checks.
    await call<PackDoc>('packs.save', { record: opened });

    const built = await call<{ pdfs: { pages: number }[] }>('packs.build', { id: pack.id, mode: 'fr' });
    expect(built.pdfs).toHaveLength(1);
    expect(built.pdfs[0]!.pages).toBeGreaterThan(0);

    // The same title again: the proposed slug is taken, so the next free one is used.
    const second = await call<PackDoc>('packs.create', input);
    expect(second.id).not.toBe(pack.id);
    expect(second.slug).not.toBe(pack.slug);
    expect(second.id.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
    expect(second.slug.length).toBeLessThanOrEqual(64);

    // A typed slug that is taken is refused by name, not renumbered behind the user's back.
    const refused = await app.api.invoke('packs.create', { ...input, uniqueSlug: false });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('packs.slugTaken');

    for (const id of [pack.id, second.id]) await call('packs.delete', { id });
    const list = await call<{ id: string }[]>('library.list', { kind: 'packs', locale: 'fr' });
    expect(list.map((p) => p.id)).not.toContain(pack.id);
    expect(checkLibrary(app.ctx.store.db).problems).toEqual([]);
  });

  it('with a 64-character typed slug gets an id cut to fit', async () => {
    const slug = `a${'b'.repeat(62)}c`;
    const pack = await call<PackDoc>('packs.create', { slug, title: 'Long slug', lang: 'en', meetingId: null, paper: 'letter' });
    expect(pack.slug).toBe(slug);
    expect(pack.id.length).toBe(MAX_ID_LENGTH);
    expect((await call<PackDoc>('packs.get', { id: pack.id })).slug).toBe(slug);
    const copy = await call<PackDoc>('packs.duplicate', { id: pack.id, slug: `${slug.slice(0, 60)}-cpy` });
    expect(copy.id.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
    expect(copy.id).not.toBe(pack.id);
    await call('packs.delete', { id: copy.id });
    await call('packs.delete', { id: slug });
  });
});
