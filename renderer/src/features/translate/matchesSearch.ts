import { foldText } from '../../components/foldText';
import type { ListedUnit } from './workUnit';

// Folded once per unit, not once per unit and keystroke: at 20,000 units that is the difference.
const folded = new WeakMap<object, string>();

/**
 * Whether a row matches the search box (`needle` already folded): a library text by its piece's
 * title, id, field and the excerpts the list holds of its source and target; an interface string
 * by its key, namespace and texts.
 */
export function matchesSearch(work: ListedUnit, needle: string): boolean {
  let hay = folded.get(work.unit);
  if (hay === undefined) {
    const parts =
      work.mode === 'library'
        ? [work.unit.title, work.unit.pieceId, work.unit.field, work.unit.sourceExcerpt, work.unit.targetExcerpt]
        : [work.unit.key, work.unit.namespace, work.unit.source, work.unit.target];
    // A newline cannot be typed in the search box, so no match spans two parts.
    folded.set(work.unit, (hay = foldText(parts.map((p) => p ?? '').join('\n'))));
  }
  return hay.includes(needle);
}
