import type { PackDoc, PackItemDoc, SectionDoc } from '../../../../shared/schemas/libraryDocument';

/** `list` with the element at `from` moved to `to` (indexes in the original list). */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const [moved] = out.splice(from, 1);
  const target = Math.max(0, Math.min(out.length, to));
  out.splice(target, 0, moved!);
  return out;
}

export interface ItemPosition {
  section: number;
  index: number;
}

/**
 * Moves an item to a position, possibly in another section. `to.index` is where it should be
 * in the target section once it has left its own.
 */
export function moveItem(sections: readonly SectionDoc[], from: ItemPosition, to: ItemPosition): SectionDoc[] {
  const source = sections[from.section];
  const item = source?.items[from.index];
  if (!source || !item || !sections[to.section]) return [...sections];
  const out = sections.map((s) => ({ ...s, items: [...s.items] }));
  out[from.section]!.items.splice(from.index, 1);
  const target = out[to.section]!.items;
  target.splice(Math.max(0, Math.min(target.length, to.index)), 0, item);
  return out;
}

/**
 * One step up or down, as Alt+Arrow and the move buttons do: past the top or bottom of a
 * section the item goes to the end of the previous (start of the next) section.
 */
export function stepItem(sections: readonly SectionDoc[], from: ItemPosition, delta: -1 | 1): { sections: SectionDoc[]; to: ItemPosition } | null {
  const count = sections[from.section]?.items.length ?? 0;
  const index = from.index + delta;
  if (index >= 0 && index < count) {
    const to = { section: from.section, index };
    return { sections: moveItem(sections, from, to), to };
  }
  const section = from.section + delta;
  if (section < 0 || section >= sections.length) return null;
  const to = { section, index: delta < 0 ? sections[section]!.items.length : 0 };
  return { sections: moveItem(sections, from, to), to };
}

export function sameItem(a: PackItemDoc, b: PackItemDoc): boolean {
  return a.kind === b.kind && a.ref === b.ref;
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A section id unique in the pack: `<pack id>-s<n>`, or a random one when that is too long. */
export function newSectionId(pack: PackDoc): string {
  const used = new Set(pack.sections.map((s) => s.id));
  let n = pack.sections.length + 1;
  while (used.has(`${pack.id}-s${n}`)) n++;
  const id = `${pack.id}-s${n}`;
  if (id.length <= 64) return id;
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `section-${[...bytes].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('')}`;
}
