import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, ApiResult, PieceRecord } from '../../shared/api/apiContract';
import { createTranslator } from '../../shared/locales/createTranslator';
import type { LibraryDocument, MeetingDoc, NetworkDoc, PriorityDoc } from '../../shared/schemas/libraryDocument';
import { describeApiError } from '../../renderer/src/components/describeApiError';
import { newPieceId, newPieceRecord } from '../../renderer/src/features/library/newPieceRecord';
import { startTestApp, type TestApp } from '../helpers/server';

/*
 * Creating and editing every kind through the one generic channel, `library.save`, checked by the
 * kind's descriptor schema; each bad input named by its field label in the interface language,
 * with the library unchanged after.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const LANGS = { en: createTranslator('en'), fr: createTranslator('fr'), es: createTranslator('es') };
const exported = () => JSON.stringify(app.ctx.store.readDocument());

async function save(piece: PieceRecord): Promise<ApiResult<PieceRecord>> {
  return (await app.api.invoke('library.save', piece as never)) as ApiResult<PieceRecord>;
}
async function saved(piece: PieceRecord): Promise<PieceRecord> {
  const result = await save(piece);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}
/** A refused save: the message in each language, and the proof that nothing was written. */
async function refused(piece: PieceRecord): Promise<Record<keyof typeof LANGS, string>> {
  const before = exported();
  const result = await save(piece);
  expect(result.ok).toBe(false);
  expect(exported()).toBe(before);
  const error = (result as { error: ApiError }).error;
  return {
    en: describeApiError(error, LANGS.en as never).message,
    fr: describeApiError(error, LANGS.fr as never).message,
    es: describeApiError(error, LANGS.es as never).message,
  };
}
const label = (key: string) => ({ en: LANGS.en(key), fr: LANGS.fr(key), es: LANGS.es(key) });
function expectNamed(messages: Record<string, string>, labelKey: string) {
  for (const [lang, message] of Object.entries(label(labelKey))) expect(messages[lang], lang).toContain(message);
}

function newMeeting(): MeetingDoc {
  const piece = newPieceRecord('meeting', { title: 'Segunda reunión de la red', locale: 'es', networkId: 'net-rps' });
  const record = piece.record as MeetingDoc;
  return { ...record, place: { es: { text: 'Ciudad de Panamá', status: 'draft' } }, hostCountry: 'PA', startDate: '2026-05-04', endDate: '2026-05-06' };
}

describe('library.save: every kind created and edited through one channel', () => {
  it('creates a network, a meeting of it, a priority and an instrument that serves it', async () => {
    const network = await saved(newPieceRecord('network', { title: 'Réseau parlementaire pour l’égalité', locale: 'fr' }));
    expect(network.kind).toBe('network');
    const networkId = (network.record as { id: string }).id;
    const withMembers = await saved({ kind: 'network', record: { ...(network.record as NetworkDoc), members: ['PA', 'CA'] } });
    expect((withMembers.record as { members: string[] }).members).toEqual(['CA', 'PA']);

    const meeting = await saved({ kind: 'meeting', record: { ...newMeeting(), networkId } });
    expect(meeting.record).toMatchObject({ networkId, hostCountry: 'PA', startDate: '2026-05-04' });

    const priority = newPieceRecord('priority', { title: 'Igualdad de género', locale: 'es', networkId, number: 1 });
    (priority.record as PriorityDoc).body = { es: { text: 'Texto de la prioridad.', status: 'draft' } };
    const p = await saved(priority);

    const instrument = newPieceRecord('instrument', { title: 'Convención de Belém do Pará', locale: 'es' });
    Object.assign(instrument.record, { summary: { es: { text: 'Resumen.', status: 'draft' } }, priorities: [(p.record as PriorityDoc).id], parentId: null });
    const i = await saved(instrument);
    expect((i.record as { priorities: string[] }).priorities).toEqual([(p.record as PriorityDoc).id]);

    const doc: LibraryDocument = app.ctx.store.readDocument();
    expect(doc.networks.some((n) => n.id === networkId)).toBe(true);
    expect(doc.meetings.some((m) => m.networkId === networkId)).toBe(true);
    const got = await app.api.invoke('library.get', { id: networkId });
    expect(got).toMatchObject({ ok: true, value: { kind: 'network' } });
  });

  it('renumbers a priority to a free number and refuses a number the network already has', async () => {
    const doc = app.ctx.store.readDocument();
    const [first, second] = doc.priorities.filter((p) => p.networkId === 'net-rps').sort((a, b) => a.number - b.number);
    const moved = await saved({ kind: 'priority', record: { ...first!, number: 99 } });
    expect((moved.record as PriorityDoc).number).toBe(99);
    const messages = await refused({ kind: 'priority', record: { ...second!, number: 99 } });
    expectNamed(messages, 'ui:fields.number');
    expect(messages.en).toContain('already has a priority number 99');
  });

  it('refuses an end date before the start date, naming the end date', async () => {
    const messages = await refused({ kind: 'meeting', record: { ...newMeeting(), startDate: '2026-05-06', endDate: '2026-05-04' } });
    expectNamed(messages, 'ui:fields.endDate');
    expect(messages.en).toContain(LANGS.en('errors:validation.endBeforeStart'));
  });

  it('refuses 31 February as a day that does not exist, in the form’s terms, naming the start date', async () => {
    const messages = await refused({ kind: 'meeting', record: { ...newMeeting(), startDate: '2026-02-31', endDate: '2026-03-02' } });
    expectNamed(messages, 'ui:fields.startDate');
    expect(messages.en).toContain(LANGS.en('errors:inApp.validation.dateDoesNotExist', { day: 31 }));
    expect(messages.fr).toContain(LANGS.fr('errors:inApp.validation.dateDoesNotExist', { day: 31 }));
    expect(messages.es).toContain(LANGS.es('errors:inApp.validation.dateDoesNotExist', { day: 31 }));
    for (const message of Object.values(messages)) expect(message).not.toMatch(/YYYY|AAAA/);
  });

  it('refuses a host country that is not in the library, and one that is not a country', async () => {
    expectNamed(await refused({ kind: 'meeting', record: { ...newMeeting(), hostCountry: 'FJ' } }), 'ui:fields.hostCountry');
    expectNamed(await refused({ kind: 'meeting', record: { ...newMeeting(), hostCountry: 'ZZ' } }), 'ui:fields.hostCountry');
  });

  it('refuses an empty required field: a meeting without a place, a network without a network', async () => {
    expectNamed(await refused({ kind: 'meeting', record: { ...newMeeting(), place: {} } }), 'ui:fields.place');
    expectNamed(await refused({ kind: 'meeting', record: { ...newMeeting(), networkId: '' } }), 'ui:fields.network');
  });

  it('takes a 300-character title with an id that fits, and names the title past the limit', async () => {
    const long = `${'Parlement ouvert et transparence budgétaire '.repeat(7)}`.slice(0, 300);
    expect(newPieceId('network', long).length).toBeLessThanOrEqual(64);
    const network = await saved(newPieceRecord('network', { title: long, locale: 'fr' }));
    expect((network.record as { name: { fr: { text: string } } }).name.fr.text).toBe(long.trim());
    const tooLong = newPieceRecord('network', { title: 'x'.repeat(1001), locale: 'fr' });
    const messages = await refused(tooLong);
    expectNamed(messages, 'ui:fields.name');
    expect(messages.en).toContain('1001');
  });

  it('creates a country with its formal name in each language, and refuses a code that is not a country', async () => {
    const piece = newPieceRecord('country', { title: 'Republic of Fiji', locale: 'en', code: 'fj' });
    Object.assign(piece.record, {
      formalName: {
        en: { text: 'Republic of Fiji', status: 'draft' },
        fr: { text: 'République des Fidji', status: 'draft', from: 'en' },
        es: { text: 'República de Fiyi', status: 'draft', from: 'en' },
      },
    });
    const country = await saved(piece);
    expect(country.record).toMatchObject({ code: 'FJ', formalName: { fr: { text: 'République des Fidji' } } });
    const list = (await app.api.invoke('library.list', { kind: 'countries', locale: 'es' })) as ApiResult<{ id: string; title: string }[]>;
    expect(list.ok && list.value.find((c) => c.id === 'FJ')?.title).toBe('República de Fiyi');
    expectNamed(await refused(newPieceRecord('country', { title: '', locale: 'en', code: 'EU' })), 'ui:fields.country');
  });

  it('keeps the per-kind channels working', async () => {
    const doc = app.ctx.store.readDocument();
    const result = (await app.api.invoke('library.saveMeeting', { record: doc.meetings[0]! } as never)) as ApiResult<MeetingDoc>;
    expect(result.ok).toBe(true);
  });
});
