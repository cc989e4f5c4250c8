import { describe, expect, it } from 'vitest';
import { newPieceId, newPieceProblems, newPieceRecord, nextPriorityNumber } from '../../../renderer/src/features/library/newPieceRecord';
import { datePartOrder, joinIsoDate, monthNames, splitIsoDate } from '../../../renderer/src/features/library/forms/dateParts';
import { pieceIdSchema } from '../../../shared/schemas/common';
import { EDITABLE_KINDS } from '../../../shared/api/apiContract';

describe('new pieces, before the editor opens', () => {
  it('make ids that are valid and at most 64 characters, whatever the title', () => {
    for (const kind of EDITABLE_KINDS.filter((k) => k !== 'country')) {
      for (const title of ['Réseau', 'x'.repeat(300), '¿¡ — !?', `Assemblée générale : l'ONU ${'très '.repeat(80)}`]) {
        const id = newPieceId(kind, title);
        expect(id.length, id).toBeLessThanOrEqual(64);
        expect(pieceIdSchema.safeParse(id).success, id).toBe(true);
      }
    }
    expect(newPieceId('meeting', 'Segunda reunión')).toMatch(/^meet-segunda-reunion-[a-z0-9]{4}$/);
  });

  it('start with the title as an original draft in the language it was typed in', () => {
    const { record } = newPieceRecord('network', { title: '  Red parlamentaria  ', locale: 'es' });
    expect(record).toMatchObject({ name: { es: { text: 'Red parlamentaria', status: 'draft' } }, acronym: null, members: [] });
    const meeting = newPieceRecord('meeting', { title: 'Reunión', locale: 'es', networkId: 'net-rps' }).record;
    expect(meeting).toMatchObject({ networkId: 'net-rps', place: {}, hostCountry: '' });
    expect(newPieceRecord('country', { title: '', locale: 'fr', code: 'fj' }).record).toEqual({ code: 'FJ', formalName: null, sources: [] });
  });

  it('ask for what the piece cannot exist without', () => {
    expect(newPieceProblems('meeting', { title: ' ', networkId: '', code: '' })).toEqual(['title', 'networkId']);
    expect(newPieceProblems('priority', { title: 'P', networkId: 'net-rps', code: '' })).toEqual([]);
    expect(newPieceProblems('country', { title: '', networkId: '', code: 'ZZ' })).toEqual(['code']);
    expect(newPieceProblems('country', { title: '', networkId: '', code: 'FJ' })).toEqual([]);
  });

  it('number a new priority after the last one, within the limit', () => {
    expect(nextPriorityNumber([])).toBe(1);
    expect(nextPriorityNumber([1, 2, 7])).toBe(8);
    expect(nextPriorityNumber([999])).toBe(999);
  });
});

describe('dates in the interface language', () => {
  it('put the parts in the order each language writes them, with month names', () => {
    expect(datePartOrder('en')).toEqual(['month', 'day', 'year']);
    expect(datePartOrder('fr')).toEqual(['day', 'month', 'year']);
    expect(datePartOrder('es')).toEqual(['day', 'month', 'year']);
    expect(monthNames('fr')[2]).toBe('mars');
    expect(monthNames('es')[0]).toBe('enero');
    expect(monthNames('en')[11]).toBe('December');
  });

  it('keep what was typed, even a half date or one that does not exist', () => {
    expect(splitIsoDate('2026-03-09')).toEqual({ year: '2026', month: '3', day: '09' });
    expect(joinIsoDate({ year: '2026', month: '3', day: '9' })).toBe('2026-03-09');
    expect(joinIsoDate({ year: '2026', month: '2', day: '31' })).toBe('2026-02-31');
    expect(splitIsoDate(joinIsoDate({ year: '202', month: '', day: '4' }))).toEqual({ year: '202', month: '', day: '04' });
    expect(joinIsoDate({ year: '', month: '', day: '' })).toBe('');
    expect(splitIsoDate('')).toEqual({ year: '', month: '', day: '' });
  });
});
