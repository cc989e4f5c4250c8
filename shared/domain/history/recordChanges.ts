import { canonicalJson } from '../canonicalJson';
import { LOCALES, type Locale } from '../locales';

/** One thing that changed between two versions of a piece: a text in one language, or a structural field. */
export interface FieldChange {
  field: string;
  language?: Locale;
}

/** One step of a patch: set `field` (or its `language`) to `value`, or remove it when `value` is absent. */
export interface PatchStep {
  f: string;
  l?: Locale;
  v?: unknown;
}

type Rec = Record<string, unknown>;

const isLocalized = (value: unknown): value is Rec =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).every((k) => (LOCALES as readonly string[]).includes(k));

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * The steps that turn `from` into `to`. A text that is a localized value on both sides changes
 * language by language, so a French edit neither stores nor reports the English and Spanish.
 */
export function patchBetween(from: Rec, to: Rec): PatchStep[] {
  const steps: PatchStep[] = [];
  for (const f of [...new Set([...Object.keys(from), ...Object.keys(to)])].sort()) {
    const a = from[f];
    const b = to[f];
    if (same(a, b)) continue;
    if (isLocalized(a) && isLocalized(b) && f in from && f in to) {
      for (const l of LOCALES) {
        if (same(a[l], b[l])) continue;
        steps.push(l in b ? { f, l, v: b[l] } : { f, l });
      }
    } else steps.push(f in to ? { f, v: b } : { f });
  }
  return steps;
}

export function applyPatch(record: Rec, steps: readonly PatchStep[]): Rec {
  const out: Rec = JSON.parse(JSON.stringify(record)) as Rec;
  for (const step of steps) {
    if (step.l) {
      const value = { ...(out[step.f] as Rec) };
      if ('v' in step) value[step.l] = step.v;
      else delete value[step.l];
      out[step.f] = value;
    } else if ('v' in step) out[step.f] = step.v;
    else delete out[step.f];
  }
  return out;
}

/** What changed, in the words the history shows: per field and language for texts. */
export function changesBetween(from: Rec, to: Rec): FieldChange[] {
  return patchBetween(from, to).flatMap((s): FieldChange[] => {
    if (s.l) return [{ field: s.f, language: s.l }];
    const a = from[s.f];
    const b = to[s.f];
    // A text added or emptied as a whole still reads as the languages it had or gained.
    if ((isLocalized(a) || a == null) && (isLocalized(b) || b == null) && (isLocalized(a) || isLocalized(b))) {
      const langs = LOCALES.filter((l) => !same((a as Rec | null)?.[l], (b as Rec | null)?.[l]));
      if (langs.length > 0) return langs.map((language) => ({ field: s.f, language }));
    }
    return [{ field: s.f }];
  });
}
