import { describe, expect, it } from 'vitest';
import {
  conflictPieceId,
  conflictsOfPiece,
  conflictsOfUnit,
  piecesInConflict,
  unitConflictIndex,
  type ConflictPlace,
} from '../../shared/translation/unitConflicts';

const cell = (pieceId: string, field: string, locale: ConflictPlace['locale'], section: string | null = null): ConflictPlace => ({
  kind: 'cell',
  pieceId,
  section,
  field,
  locale,
});
const deleted = (pieceId: string, section: string | null = null): ConflictPlace => ({ kind: 'deletedEdited', pieceId, section, field: null, locale: null });

describe('unitConflicts', () => {
  it('a conflict on the unit’s field in the target or the source language is the unit’s; one in the third language is not', () => {
    const target = cell('n1', 'title', 'en');
    const source = cell('n1', 'title', 'fr');
    const third = cell('n1', 'title', 'es');
    expect(conflictsOfUnit([target, source, third], { pieceId: 'n1', field: 'title' }, 'fr', 'en')).toEqual([target, source]);
    expect(conflictsOfUnit([third], { pieceId: 'n1', field: 'title' }, 'fr', 'en')).toEqual([]);
  });

  it('another field or another piece is not the unit’s', () => {
    expect(conflictsOfUnit([cell('n1', 'body', 'en'), cell('n2', 'title', 'en')], { pieceId: 'n1', field: 'title' }, 'fr', 'en')).toEqual([]);
  });

  it('a piece deleted by one office and edited by the other bears on every unit of the piece', () => {
    const gone = deleted('n1');
    expect(conflictsOfUnit([gone], { pieceId: 'n1', field: 'title' }, 'fr', 'en')).toEqual([gone]);
    expect(conflictsOfUnit([gone], { pieceId: 'n1', field: 'body' }, 'es', 'fr')).toEqual([gone]);
  });

  it('a pack section’s conflict is named by its section, the piece its unit belongs to', () => {
    const inSection = cell('pack-1', 'heading', 'en', 's7');
    expect(conflictPieceId(inSection)).toBe('s7');
    expect(conflictsOfUnit([inSection], { pieceId: 's7', field: 'heading' }, 'fr', 'en')).toEqual([inSection]);
    expect(conflictsOfUnit([inSection], { pieceId: 'pack-1', field: 'heading' }, 'fr', 'en')).toEqual([]);
  });

  it('indexes a list by the keys its rows use, leaving out the units without a conflict', () => {
    const a = cell('n1', 'title', 'en');
    const b = deleted('n2');
    const index = unitConflictIndex(
      [a, b, cell('n3', 'title', 'es')],
      [
        { pieceId: 'n1', field: 'title' },
        { pieceId: 'n1', field: 'body' },
        { pieceId: 'n2', field: 'summary' },
        { pieceId: 'n3', field: 'title' },
      ],
      'fr',
      'en',
    );
    expect([...index.entries()]).toEqual([
      ['n1|title', [a]],
      ['n2|summary', [b]],
    ]);
  });

  it('the library marks a piece, and a pack for a conflict in one of its sections', () => {
    const conflicts = [cell('n1', 'title', 'en'), cell('pack-1', 'heading', 'fr', 's7'), deleted('c-ca')];
    expect([...piecesInConflict(conflicts)].sort()).toEqual(['c-ca', 'n1', 'pack-1', 's7']);
    expect(conflictsOfPiece(conflicts, 'pack-1')).toEqual([conflicts[1]]);
    expect(conflictsOfPiece(conflicts, 's7')).toEqual([conflicts[1]]);
    expect(conflictsOfPiece(conflicts, 'n2')).toEqual([]);
  });
});
