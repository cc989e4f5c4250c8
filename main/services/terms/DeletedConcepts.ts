import { randomUUID } from 'node:crypto';
import type { Concept } from '../../../shared/terms/termTypes';

/**
 * Concepts deleted in this session, as they were (approvals and their signatures included), so
 * the Terminology screen's Undo puts one back whole. Kept in memory, bounded, like the Trash.
 */
export class DeletedConcepts {
  private readonly items = new Map<string, Concept>();

  constructor(private readonly limit = 50) {}

  add(concept: Concept): string {
    const token = randomUUID();
    this.items.set(token, concept);
    // A Map keeps insertion order: the oldest go first.
    for (const key of this.items.keys()) {
      if (this.items.size <= this.limit) break;
      this.items.delete(key);
    }
    return token;
  }

  peek(token: string): Concept | undefined {
    return this.items.get(token);
  }

  forget(token: string): void {
    this.items.delete(token);
  }
}
