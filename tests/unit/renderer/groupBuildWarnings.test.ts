import { describe, expect, it } from 'vitest';
import { groupBuildWarnings } from '../../../renderer/src/features/packs/groupBuildWarnings';

describe('groupBuildWarnings', () => {
  it('groups term, glyph and Markdown warnings and fallbacks by piece, and keeps what names no piece apart', () => {
    const groups = groupBuildWarnings({
      warnings: [
        { path: [], recordId: 'note-a', key: 'buildTerms.forbidden', values: { edition: 'es', piece: 'A note', field: 'body', term: 'trata de seres humanos', expected: 'trata de personas' } },
        { path: [], key: 'layout.glyphs', values: { edition: 'parallel', piece: 'prio-b', field: 'title', chars: '🙂 (U+1F642)' } },
        { path: [], key: 'layout.glyphsUnnamed', values: { edition: 'en', chars: '🙂 (U+1F642)' } },
        { path: [], key: 'layout.markdownLimited', values: { edition: 'fr', piece: '?', field: '?', lines: 1, marks: 0 } },
        { path: [], recordId: 'note-a', key: 'buildTerms.missing', values: { edition: 'en', piece: 'A note', field: 'title', term: 'traite', expected: 'trafficking' } },
        { path: [], key: 'buildTerms.more', values: { count: 3 } },
      ],
      editions: [{ locale: 'fr', missing: [{ pieceId: 'prio-b', field: 'summary' }, { pieceId: 'c-x', field: 'name' }], draft: [], stale: [] }],
    });
    expect(groups.pieces.map((g) => [g.pieceId, g.warnings.map((w) => `${w.kind}:${w.edition}:${w.field}`)])).toEqual([
      ['note-a', ['termForbidden:es:body', 'termMissing:en:title']],
      ['prio-b', ['glyphs:parallel:title', 'fallback:fr:summary']],
      ['c-x', ['fallback:fr:name']],
    ]);
    expect(groups.general.map((w) => w.key)).toEqual(['layout.glyphsUnnamed', 'layout.markdownLimited', 'buildTerms.more']);
    expect(groups.count).toBe(8);
  });

  it('has nothing to show for a clean build', () => {
    expect(groupBuildWarnings({ warnings: [], editions: [{ locale: 'en', missing: [], draft: [], stale: [] }] })).toEqual({ pieces: [], general: [], count: 0 });
  });
});
