import { randomUUID } from 'node:crypto';
import type { PieceKind } from '../../../shared/domain/pieceKinds';
import type { ReferenceSite } from '../../../shared/domain/pieceReferences';
import type { LibraryCollection } from '../../../shared/schemas/libraryDocument';

/** A deleted piece as it was, with every place that named it, so it can come back whole. */
export interface TrashItem {
  trashId: string;
  collection: LibraryCollection;
  kind: PieceKind;
  id: string;
  /** The canonical record as the library held it, approvals included. */
  record: object;
  /** The references removed with it. */
  sites: ReferenceSite[];
  deletedAt: string;
}

/**
 * Recently deleted pieces, newest first, kept in memory until the app closes (the history issue
 * makes this permanent). Bounded, so a long session of deletes cannot grow without end.
 */
export class Trash {
  private items: TrashItem[] = [];

  constructor(private readonly limit = 100) {}

  add(item: Omit<TrashItem, 'trashId'>): TrashItem {
    const entry = { ...item, trashId: randomUUID() };
    this.items.unshift(entry);
    this.items.length = Math.min(this.items.length, this.limit);
    return entry;
  }

  get(trashId: string): TrashItem | undefined {
    return this.items.find((i) => i.trashId === trashId);
  }

  remove(trashId: string): void {
    this.items = this.items.filter((i) => i.trashId !== trashId);
  }

  list(): readonly TrashItem[] {
    return this.items;
  }
}
