/** Nested i18next JSON as `a.b.c` → string, the way translators and XLIFF units name keys. */
export function flattenResources(tree: unknown, prefix = '', out: Map<string, string> = new Map()): Map<string, string> {
  if (typeof tree === 'string') {
    out.set(prefix, tree);
    return out;
  }
  if (tree && typeof tree === 'object') {
    for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
      flattenResources(value, prefix ? `${prefix}.${key}` : key, out);
    }
  }
  return out;
}

/** The inverse: `a.b.c` keys back into nested objects, in the order given (the bundled files' order, so a contribution diffs cleanly). */
export function unflattenResources(flat: ReadonlyMap<string, string>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const key of flat.keys()) {
    const parts = key.split('.');
    let here = root;
    for (const part of parts.slice(0, -1)) {
      const next = here[part];
      if (!next || typeof next !== 'object') here[part] = {};
      here = here[part] as Record<string, unknown>;
    }
    here[parts[parts.length - 1]!] = flat.get(key)!;
  }
  return root;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/**
 * The keys a language needs for a source language's keys: plural groups take the target's own
 * categories (French and Spanish need `_many`, English does not), other keys stay as they are.
 * Each maps to the source key whose text a translator reads.
 */
export function targetKeys(sourceKeys: Iterable<string>, target: string): Map<string, string> {
  const categories = new Intl.PluralRules(target).resolvedOptions().pluralCategories;
  const source = new Set(sourceKeys);
  const out = new Map<string, string>();
  for (const key of source) {
    const match = PLURAL_SUFFIX.exec(key);
    if (!match) {
      out.set(key, key);
      continue;
    }
    const base = key.slice(0, match.index);
    for (const category of categories) {
      const own = `${base}_${category}`;
      if (!out.has(own)) out.set(own, source.has(own) ? own : `${base}_other`);
    }
  }
  return out;
}
