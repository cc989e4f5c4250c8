import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/domain/canonicalJson';
import { pieceContentHash } from '../../main/services/pieceContentHash';

describe('canonicalJson', () => {
  it('gives the same bytes whatever the key order, at every depth', () => {
    const a = { id: 'p1', title: { fr: 'Titre', en: 'Title' }, sources: [{ b: 2, a: 1 }] };
    const b = { sources: [{ a: 1, b: 2 }], title: { en: 'Title', fr: 'Titre' }, id: 'p1' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"id":"p1","sources":[{"a":1,"b":2}],"title":{"en":"Title","fr":"Titre"}}');
  });

  it('keeps array order and nulls, leaves out undefined members', () => {
    expect(canonicalJson({ x: [3, 1, 2], y: null, z: undefined })).toBe('{"x":[3,1,2],"y":null}');
  });

  it('hashes different content differently and equal content alike', () => {
    const h = pieceContentHash({ id: 'p1', body: { fr: 'a' } });
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(pieceContentHash({ body: { fr: 'a' }, id: 'p1' })).toBe(h);
    expect(pieceContentHash({ id: 'p1', body: { fr: 'b' } })).not.toBe(h);
  });
});
