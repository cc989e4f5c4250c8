import { describe, expect, it } from 'vitest';
import { DeletedConcepts } from '../../main/services/terms/DeletedConcepts';
import type { Concept } from '../../shared/terms/termTypes';

const concept = (id: string): Concept => ({ id, subject: null, note: null, source: null, terms: [] });

describe('DeletedConcepts', () => {
  it('keeps each deleted concept under its own token until forgotten, the oldest dropped past its limit', () => {
    const bin = new DeletedConcepts(2);
    const a = bin.add(concept('a'));
    const b = bin.add(concept('b'));
    expect(a).not.toBe(b);
    expect(bin.peek(a)?.id).toBe('a');
    const c = bin.add(concept('c'));
    expect(bin.peek(a)).toBeUndefined();
    expect([bin.peek(b)?.id, bin.peek(c)?.id]).toEqual(['b', 'c']);
    bin.forget(b);
    expect(bin.peek(b)).toBeUndefined();
  });
});
