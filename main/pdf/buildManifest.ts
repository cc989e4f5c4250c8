import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/domain/canonicalJson';
import { LOCALES, type Locale } from '../../shared/domain/locales';
import type { PackDoc } from '../../shared/schemas/libraryDocument';
import { MANIFEST_FORMAT, MANIFEST_VERSION, translationState, type BuildManifest } from '../../shared/schemas/buildManifest';
import type { Edition, EditionReport, LanguageMode } from '../../shared/api/buildTypes';

/** What recordedBuild knows before the editions are laid out. */
export interface ManifestSeed {
  id: string;
  builtAt: string;
  appVersion: string;
  fontsHash: string;
  pieces: { id: string; kind: string; hash: string }[];
  /** The interface-string overrides the build uses (recorded only when there are some). */
  strings?: BuildManifest['strings'];
}

/** The hash a manifest carries of itself: SHA-256 of its canonical JSON without `contentHash`. */
export function manifestContentHash(manifest: Omit<BuildManifest, 'contentHash'> & { contentHash?: unknown }): string {
  const { contentHash: _left, ...rest } = manifest;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/** One file's manifest and its titles (for XMP's dc:title), from the build's results. */
export function buildManifest(
  seed: ManifestSeed,
  pack: PackDoc,
  edition: Edition,
  options: BuildManifest['options'] & { mode: LanguageMode },
  made: { edition: Edition; pages: number; reports: EditionReport[] }[],
): { manifest: BuildManifest; titles: { locale: string; title: string }[] } {
  const body: Omit<BuildManifest, 'contentHash'> = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    build: { id: seed.id, builtAt: seed.builtAt, appVersion: seed.appVersion, fontsHash: seed.fontsHash },
    pack: { id: pack.id, slug: pack.slug, reference: pack.reference ?? null, version: pack.version ?? null, issued: pack.issued ?? null },
    edition,
    options,
    editions: made.map((m) => ({
      edition: m.edition,
      pages: m.pages,
      languages: m.reports.map((r) => {
        const counts = { missing: r.missing.length, draft: r.draft.length, stale: r.stale.length };
        return { locale: r.locale, status: translationState(counts), ...counts };
      }),
    })),
    pieces: [...seed.pieces].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    ...(seed.strings && Object.keys(seed.strings).length > 0 ? { strings: seed.strings } : {}),
  };
  const locales: readonly Locale[] = edition === 'parallel' ? LOCALES : [edition];
  const titles = locales.flatMap((locale) => {
    const title = pack.title?.[locale]?.text;
    return title ? [{ locale, title }] : [];
  });
  return { manifest: { ...body, contentHash: manifestContentHash(body) }, titles };
}
