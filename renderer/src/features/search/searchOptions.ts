import type { FoundPiece, LibrarySearchResult } from '../../../../shared/api/listTypes';
import type { PieceKind } from '../../../../shared/domain/pieceKinds';

/** Kinds with a library tab whose own search can show every match ("Show all"). */
const LISTED: readonly PieceKind[] = ['priority', 'instrument', 'country', 'note', 'meeting', 'source'];

export type SearchOption =
  | { key: string; type: 'hit'; kind: PieceKind; hit: FoundPiece }
  | { key: string; type: 'all'; kind: PieceKind; total: number };

/**
 * The results as the arrow keys go through them: each group's pieces, then its "Show all" when
 * the group has more than it shows and a tab to show them in.
 */
export function searchOptions(result: LibrarySearchResult | null): SearchOption[] {
  if (!result) return [];
  const out: SearchOption[] = [];
  for (const group of result.groups) {
    for (const hit of group.hits) out.push({ key: `hit:${hit.kind}:${hit.id}`, type: 'hit', kind: group.kind, hit });
    if (group.total > group.hits.length && LISTED.includes(group.kind)) {
      out.push({ key: `all:${group.kind}`, type: 'all', kind: group.kind, total: group.total });
    }
  }
  return out;
}

/** The next option for an arrow key, wrapping at the ends; none chosen yet starts at an end. */
export function moveActive(current: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}

/** Typing in a field must not be taken for the "/" shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || el.isContentEditable;
}
