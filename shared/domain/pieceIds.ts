/** The longest id a piece may have (the exchange format's pieceIdSchema allows 64 characters). */
export const MAX_ID_LENGTH = 64;

/** "Assemblée générale : l'ONU" → "assemblee-generale-l-onu", at most `max` characters. */
export function slugify(text: string, max: number): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** `head` cut (at a hyphen's end, never mid-way into "--") so that `head + tail` fits `max`. */
export function fitId(head: string, tail = '', max = MAX_ID_LENGTH): string {
  if (head.length + tail.length <= max) return head + tail;
  return head.slice(0, Math.max(1, max - tail.length)).replace(/-+$/, '') + tail;
}

/**
 * `base` fitted to `max`, or if a piece has it already, `base-2`, `base-3`… each cut to fit:
 * an id made from a long title always fits and never takes another piece's id.
 */
export function uniqueId(base: string, isTaken: (id: string) => boolean, max = MAX_ID_LENGTH): string {
  const first = fitId(base, '', max);
  if (!isTaken(first)) return first;
  for (let n = 2; ; n++) {
    const candidate = fitId(base, `-${n}`, max);
    if (!isTaken(candidate)) return candidate;
  }
}

/** An id made of a prefix and a title's words, e.g. `meeting-` + "Plenary Assembly 2026". */
export function idFromTitle(prefix: string, title: string, isTaken: (id: string) => boolean): string {
  const slug = slugify(title, MAX_ID_LENGTH);
  return uniqueId(slug ? `${prefix}${slug}` : prefix.replace(/-+$/, ''), isTaken);
}

/** A pack's id from its slug (`pack-<slug>`, cut to fit), unique among all pieces. */
export function packIdFor(slug: string, isTaken: (id: string) => boolean): string {
  return uniqueId(`pack-${slug}`, isTaken);
}

/** Section n of a pack: `<pack id>-s<n>`, the pack's part cut so the whole fits. */
export function sectionIdFor(packId: string, n: number): string {
  return fitId(packId, `-s${n}`);
}
