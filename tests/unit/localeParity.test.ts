import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOCALES_DIR = path.join(ROOT, 'shared/locales');
const LOCALES = ['en', 'fr', 'es'] as const;
const PLURAL_SUFFIXES = ['_zero', '_one', '_two', '_few', '_many', '_other'];

type Flat = Map<string, unknown>;

function flatten(value: unknown, prefix = '', out: Flat = new Map()): Flat {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

function namespaces(locale: string): string[] {
  return fs
    .readdirSync(path.join(LOCALES_DIR, locale))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

function load(locale: string, ns: string): Flat {
  return flatten(JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, locale, `${ns}.json`), 'utf8')));
}

const NAMESPACES = namespaces('en');
const RESOURCES = Object.fromEntries(
  LOCALES.map((l) => [l, Object.fromEntries(NAMESPACES.map((ns) => [ns, fs.existsSync(path.join(LOCALES_DIR, l, `${ns}.json`)) ? load(l, ns) : new Map()]))]),
) as Record<(typeof LOCALES)[number], Record<string, Flat>>;

const placeholders = (text: string) => new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!));

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|mjs|js)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Does `ns:key` exist in English, directly or as a plural family (key_one, key_other, …)? */
function existsInEnglish(ns: string, key: string): boolean {
  const flat = RESOURCES.en[ns];
  if (!flat) return false;
  return flat.has(key) || PLURAL_SUFFIXES.some((suffix) => flat.has(`${key}${suffix}`));
}

describe('locale resources', () => {
  it('have the same namespaces in en, fr and es', () => {
    expect(NAMESPACES.length).toBeGreaterThanOrEqual(3);
    for (const locale of ['fr', 'es']) expect(namespaces(locale), locale).toEqual(NAMESPACES);
  });

  it.each(NAMESPACES)('%s: en, fr and es have exactly the same keys', (ns) => {
    const en = [...RESOURCES.en[ns]!.keys()].sort();
    expect(en.length).toBeGreaterThan(0);
    for (const locale of ['fr', 'es'] as const) {
      const other = [...RESOURCES[locale][ns]!.keys()].sort();
      expect({ locale, missing: en.filter((k) => !other.includes(k)), extra: other.filter((k) => !en.includes(k)) }).toEqual({
        locale,
        missing: [],
        extra: [],
      });
    }
  });

  it.each(NAMESPACES)('%s: every plural with _one has _many and _other in fr and es', (ns) => {
    const problems: string[] = [];
    for (const locale of LOCALES) {
      const flat = RESOURCES[locale][ns]!;
      for (const key of flat.keys()) {
        if (!key.endsWith('_one')) continue;
        const base = key.slice(0, -'_one'.length);
        const needed = locale === 'en' ? ['_other'] : ['_many', '_other'];
        for (const suffix of needed) if (!flat.has(`${base}${suffix}`)) problems.push(`${locale} ${ns}:${base}${suffix}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(NAMESPACES)('%s: every value is a non-empty string', (ns) => {
    const problems: string[] = [];
    for (const locale of LOCALES) {
      for (const [key, value] of RESOURCES[locale][ns]!) {
        if (typeof value !== 'string') problems.push(`${locale} ${ns}:${key} is ${JSON.stringify(value)}`);
        else if (value.trim() === '') problems.push(`${locale} ${ns}:${key} is empty`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(NAMESPACES)('%s: every {{placeholder}} of an English string is in the French and Spanish ones', (ns) => {
    const problems: string[] = [];
    for (const [key, value] of RESOURCES.en[ns]!) {
      if (typeof value !== 'string') continue;
      for (const locale of ['fr', 'es'] as const) {
        const other = RESOURCES[locale][ns]!.get(key);
        if (typeof other !== 'string') continue; // reported by the key test
        const theirs = placeholders(other);
        for (const name of placeholders(value)) if (!theirs.has(name)) problems.push(`${locale} ${ns}:${key} lacks {{${name}}}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('keys used in the source', () => {
  // The renderer names its namespace in every call (t('ui:…')), so the same scan covers it.
  const files = [
    ...sourceFiles(path.join(ROOT, 'main')),
    ...sourceFiles(path.join(ROOT, 'shared')),
    ...sourceFiles(path.join(ROOT, 'renderer/src')),
  ];

  it('finds source files to scan', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("every literal t('ns:key') key exists in English", () => {
    const missing: string[] = [];
    let seen = 0;
    const call = /\bt\(\s*(['"`])((?:(?!\1).)*)\1/g;
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      for (const match of source.matchAll(call)) {
        const literal = match[2]!;
        if (match[1] === '`' && literal.includes('${')) continue; // a template built at run time
        const sep = literal.indexOf(':');
        if (sep < 0) continue;
        const ns = literal.slice(0, sep);
        const key = literal.slice(sep + 1);
        seen++;
        if (!existsInEnglish(ns, key)) missing.push(`${path.relative(ROOT, file)}: ${literal}`);
      }
    }
    expect(seen).toBeGreaterThan(300);
    expect(missing).toEqual([]);
  });

  it('every key chosen by a conditional, e.g. t(x ? \'ns:a\' : \'ns:b\'), exists in English', () => {
    const missing: string[] = [];
    const ternary = /\bt\([^()]*?\?\s*(['"])([a-z]+:[\w.]+)\1\s*:\s*(['"])([a-z]+:[\w.]+)\3/g;
    for (const file of files) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(ternary)) {
        for (const literal of [match[2]!, match[4]!]) {
          const [ns, key] = [literal.slice(0, literal.indexOf(':')), literal.slice(literal.indexOf(':') + 1)];
          if (!existsInEnglish(ns, key)) missing.push(`${path.relative(ROOT, file)}: ${literal}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('every AppError code has a message in errors', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const file of files) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/new AppError\(\s*(['"])([\w.]+)\1/g)) {
        seen++;
        if (!existsInEnglish('errors', match[2]!)) missing.push(`${path.relative(ROOT, file)}: ${match[2]}`);
      }
    }
    expect(seen).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('every validation problem key and check problem key has a message', () => {
    const missing: string[] = [];
    let seen = 0;
    const schemas = path.join(ROOT, 'shared/schemas');
    for (const file of sourceFiles(schemas)) {
      const source = fs.readFileSync(file, 'utf8');
      const keys = [
        ...[...source.matchAll(/\bkey: '([a-zA-Z]+)'/g)].map((m) => m[1]!),
        ...[...source.matchAll(/\{ error: '([a-zA-Z]+)' \}/g)].map((m) => m[1]!),
        ...[...source.matchAll(/\badd\(\s*(?:\[[^\]]*\]|\w+)\s*,\s*'([a-zA-Z]+)'/g)].map((m) => m[1]!),
      ];
      seen += keys.length;
      for (const key of keys) if (!existsInEnglish('errors', `validation.${key}`)) missing.push(`${path.relative(ROOT, file)}: ${key}`);
    }
    expect(seen).toBeGreaterThan(20);
    const check = fs.readFileSync(path.join(ROOT, 'main/services/checkLibrary.ts'), 'utf8');
    const checkKeys = [...check.matchAll(/\bkey: '([a-zA-Z]+)'/g)].map((m) => m[1]!);
    expect(checkKeys.length).toBeGreaterThan(3);
    for (const key of checkKeys) if (!existsInEnglish('cli', `check.problems.${key}`)) missing.push(`checkLibrary.ts: ${key}`);
    expect(missing).toEqual([]);
  });
});
