import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatPartialDate } from '../../shared/domain/formatDates';

/** Intl puts thin spaces around a range's dash: compared as plain spaces. */
const plain = (s: string) => s.replace(/[\u2009\u202f\u00a0]/g, ' ');

describe('formatDates: one date style per language', () => {
  it('writes a full date with the month in words', () => {
    expect(formatDate('2025-11-27', 'en')).toBe('November 27, 2025');
    expect(formatDate('2025-11-27', 'fr')).toBe('27 novembre 2025');
    expect(formatDate('2025-11-27', 'es')).toBe('27 de noviembre de 2025');
  });

  it('writes the first of the month as French does ("1er"), and only in French', () => {
    expect(formatDate('2025-11-01', 'fr')).toBe('1er novembre 2025');
    expect(formatDate('2025-11-01', 'en')).toBe('November 1, 2025');
    expect(formatDate('2025-11-01', 'es')).toBe('1 de noviembre de 2025');
    expect(formatDate('2025-11-11', 'fr')).toBe('11 novembre 2025');
  });

  it('writes ranges in the same style', () => {
    expect(plain(formatDateRange('2025-11-27', '2025-11-28', 'en'))).toBe('November 27 – 28, 2025');
    expect(formatDateRange('2025-11-27', '2025-11-28', 'fr')).toBe('27–28 novembre 2025');
    expect(formatDateRange('2025-11-27', '2025-11-28', 'es')).toBe('27–28 de noviembre de 2025');
    expect(plain(formatDateRange('2025-11-01', '2025-12-02', 'fr'))).toBe('1er novembre – 2 décembre 2025');
  });

  it('localizes dates known to the month, keeps years, and returns anything else as given', () => {
    expect(formatPartialDate('2025-11', 'en')).toBe('November 2025');
    expect(formatPartialDate('2025-11', 'fr')).toBe('novembre 2025');
    expect(formatPartialDate('2025-11', 'es')).toBe('noviembre de 2025');
    expect(formatPartialDate('2025', 'fr')).toBe('2025');
    expect(formatPartialDate('2025-11-27', 'es')).toBe('27 de noviembre de 2025');
    expect(formatPartialDate('vers 2001', 'fr')).toBe('vers 2001');
  });
});
