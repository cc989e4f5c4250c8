import { AppError } from '../../shared/errors/AppError';
import { LIMITS } from '../../shared/schemas/common';
import type { LibraryDocument, PackDoc } from '../../shared/schemas/libraryDocument';

/** A pack by id or slug, checked for everything a build needs before any work starts. */
export function resolvePack(doc: LibraryDocument, idOrSlug: string): PackDoc {
  const pack = doc.packs.find((p) => p.id === idOrSlug || p.slug === idOrSlug);
  if (!pack) throw new AppError('build.unknownPack', { pack: idOrSlug });
  const hasContent = pack.sections.some((s) => s.items.length > 0 || s.text !== null);
  if (!hasContent) throw new AppError('build.emptyPack', { pack: pack.slug });

  const exists: Record<string, Set<string>> = {
    priority: new Set(doc.priorities.map((p) => p.id)),
    instrument: new Set(doc.instruments.map((i) => i.id)),
    note: new Set(doc.notes.map((n) => n.id)),
    country: new Set(doc.countries.map((c) => c.code)),
  };
  for (const [s, section] of pack.sections.entries()) {
    for (const item of section.items) {
      if (!exists[item.kind]?.has(item.ref)) {
        throw new AppError('build.missingPiece', { pack: pack.slug, section: s + 1, kind: item.kind, ref: item.ref });
      }
    }
  }
  // The library refuses longer texts on import; this guards texts written by other means.
  const tooLong = findTooLong(doc, pack);
  if (tooLong) throw new AppError('build.textTooLong', { ...tooLong, max: LIMITS.longText });
  return pack;
}

function findTooLong(doc: LibraryDocument, pack: PackDoc): { piece: string; length: number } | null {
  const used = new Set(pack.sections.flatMap((s) => s.items.map((i) => i.ref)));
  const candidates: [string, unknown][] = [
    ...doc.notes.filter((n) => used.has(n.id) || (n.countryCode && used.has(n.countryCode))).map((n) => [n.id, n] as [string, unknown]),
    ...doc.priorities.filter((p) => used.has(p.id)).map((p) => [p.id, p] as [string, unknown]),
    ...doc.instruments.filter((i) => used.has(i.id)).map((i) => [i.id, i] as [string, unknown]),
    ...pack.sections.map((s) => [s.id, s] as [string, unknown]),
  ];
  for (const [piece, record] of candidates) {
    const length = longestText(record);
    if (length > LIMITS.longText) return { piece, length };
  }
  return null;
}

function longestText(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (value === null || typeof value !== 'object') return 0;
  let max = 0;
  for (const v of Object.values(value)) max = Math.max(max, longestText(v));
  return max;
}
