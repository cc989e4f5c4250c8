import type { PackDoc } from '../../shared/schemas/libraryDocument';

/*
 * Cross-references of a briefing pack as links: "Roadmap priorities 3, 4" goes to those
 * priorities, "Related instruments: …" and "Supplements: …" to those instruments, when the pack
 * has them; source marks go to their entries in the section's list of sources.
 */

/** A piece of a generated line: plain, or a link to a heading or entry of the document. */
export interface LinePart {
  text: string;
  target?: string;
}

/** The id of the heading each piece of the pack is printed under first: `priority:prio-1` → `section-2-item-1`. */
export function headingTargets(pack: PackDoc): Map<string, string> {
  const out = new Map<string, string>();
  pack.sections.forEach((section, s) =>
    section.items.forEach((item, i) => {
      const key = `${item.kind}:${item.ref}`;
      if (!out.has(key)) out.set(key, `section-${s + 1}-item-${i + 1}`);
    }),
  );
  return out;
}

/** Stands for the list in a translated label, so the label can be cut around it. */
export const LIST_SLOT = '\u0000list\u0000';

/** A label translated with `{{list}}` = LIST_SLOT, with the list's items (some linked) put in the slot. */
export function withLinkedList(label: string, items: readonly LinePart[], separator = ', '): LinePart[] {
  const at = label.indexOf(LIST_SLOT);
  if (at < 0) return [{ text: label }];
  const parts: LinePart[] = [];
  if (at > 0) parts.push({ text: label.slice(0, at) });
  items.forEach((item, i) => {
    if (i > 0) parts.push({ text: separator });
    parts.push(item);
  });
  const rest = label.slice(at + LIST_SLOT.length);
  if (rest) parts.push({ text: rest });
  return parts;
}

/** The id of a source entry in its section's list. */
export function sourceEntryId(sectionId: string, number: number): string {
  return `${sectionId}-source-${number}`;
}
