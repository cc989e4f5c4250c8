import { describe, expect, it } from 'vitest';
import { groupSearchMatches, type MatchRow } from '../../../main/services/groupSearchMatches';
import { titleFieldOf } from '../../../shared/descriptors/descriptors';
import type { PieceKind } from '../../../shared/domain/pieceKinds';
import { moveActive, searchOptions, isTypingTarget } from '../../../renderer/src/features/search/searchOptions';
import type { LibrarySearchResult } from '../../../shared/api/listTypes';

let rowid = 0;
const row = (pieceId: string, kind: PieceKind, field: string, locale: 'en' | 'fr' | 'es' = 'en'): MatchRow => ({ rowid: ++rowid, pieceId, kind, field, locale });
const titleField = (kind: PieceKind) => titleFieldOf(kind);

describe('groupSearchMatches', () => {
  it('groups by kind in the header order, each piece once', () => {
    const groups = groupSearchMatches(
      [row('note-1', 'note', 'body'), row('inst-1', 'instrument', 'summary'), row('note-1', 'note', 'title'), row('prio-1', 'priority', 'body')],
      'en',
      titleField,
      5,
    );
    expect(groups.map((g) => g.kind)).toEqual(['priority', 'instrument', 'note']);
    expect(groups.find((g) => g.kind === 'note')!.pieces.map((p) => p.pieceId)).toEqual(['note-1']);
  });

  it('keeps the best match of a piece: its title in the reader’s language first', () => {
    const [group] = groupSearchMatches(
      [row('note-1', 'note', 'body', 'en'), row('note-1', 'note', 'title', 'fr'), row('note-1', 'note', 'title', 'en'), row('note-1', 'note', 'body', 'fr')],
      'en',
      titleField,
      5,
    );
    expect(group!.pieces[0]!.best).toMatchObject({ field: 'title', locale: 'en' });
  });

  it('puts title matches first, then keeps the index order, and cuts at perKind while counting all', () => {
    const rows = [row('n1', 'note', 'body'), row('n2', 'note', 'body'), row('n3', 'note', 'title'), row('n4', 'note', 'body'), row('n5', 'note', 'body')];
    const [group] = groupSearchMatches(rows, 'en', titleField, 3);
    expect(group!.pieces.map((p) => p.pieceId)).toEqual(['n3', 'n1', 'n2']);
    expect(group!.total).toBe(5);
  });

  it('uses each kind’s own title field (an instrument is named by its short name)', () => {
    const [group] = groupSearchMatches([row('i1', 'instrument', 'summary'), row('i2', 'instrument', 'shortName')], 'en', titleField, 5);
    expect(group!.pieces.map((p) => p.pieceId)).toEqual(['i2', 'i1']);
  });
});

describe('searchOptions and the arrow keys', () => {
  const hit = (id: string, kind: PieceKind) => ({ id, kind, title: id, titleLocale: 'en' as const, field: 'title', locale: 'en' as const, inTitle: true, excerpt: [] });
  const result: LibrarySearchResult = {
    query: 'x',
    truncated: false,
    groups: [
      { kind: 'instrument', total: 2, hits: [hit('i1', 'instrument'), hit('i2', 'instrument')] },
      { kind: 'note', total: 40, hits: [hit('n1', 'note')] },
      { kind: 'network', total: 3, hits: [hit('w1', 'network')] },
    ],
  };

  it('lists each group’s pieces, then “Show all” where the group has more and a tab to show them', () => {
    expect(searchOptions(result).map((o) => o.key)).toEqual(['hit:instrument:i1', 'hit:instrument:i2', 'hit:note:n1', 'all:note', 'hit:network:w1']);
    expect(searchOptions(null)).toEqual([]);
  });

  it('moves through the options and wraps at both ends', () => {
    expect(moveActive(-1, 5, 1)).toBe(0);
    expect(moveActive(-1, 5, -1)).toBe(4);
    expect(moveActive(4, 5, 1)).toBe(0);
    expect(moveActive(0, 5, -1)).toBe(4);
    expect(moveActive(-1, 0, 1)).toBe(-1);
  });

  it('tells typing in a field from a key pressed elsewhere', () => {
    expect(isTypingTarget({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON', isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
