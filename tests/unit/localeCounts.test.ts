import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/locales/createTranslator';

// A count in a message needs i18next's plural forms, or "1 sync conflicts" goes out to the user.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOCALES_DIR = path.join(ROOT, 'shared/locales');
const LOCALES = ['en', 'fr', 'es'] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;
// English has no _many, but the project keeps the three forms everywhere so the files stay parallel.
const NEEDED = ['_one', '_many', '_other'];

function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else if (typeof value === 'string') {
    out.set(prefix, value);
  }
  return out;
}

const NAMESPACES = fs.readdirSync(path.join(LOCALES_DIR, 'en')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
const load = (locale: string, ns: string) => flatten(JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, locale, `${ns}.json`), 'utf8')));
const RESOURCES = Object.fromEntries(LOCALES.map((l) => [l, Object.fromEntries(NAMESPACES.map((ns) => [ns, load(l, ns)]))]));

/** `ns:base` of every plural family, from the English files. */
function pluralFamilies(): Set<string> {
  const families = new Set<string>();
  for (const ns of NAMESPACES) for (const key of RESOURCES.en![ns]!.keys()) if (PLURAL.test(key)) families.add(`${ns}:${key.replace(PLURAL, '')}`);
  return families;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** How many arguments a call's text passes (brackets and braces nest; strings are not parsed). */
function argumentCount(call: string): number {
  let depth = 0;
  let count = call.slice(1, -1).trim() === '' ? 0 : 1;
  for (const ch of call.slice(1, -1)) {
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) count++;
  }
  return count;
}

/** The text of a call from its opening parenthesis to the matching one (strings ignored: none of ours holds a paren that matters). */
function callText(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return source.slice(open, i + 1);
  }
  return source.slice(open);
}

describe('counts in messages', () => {
  it('every message that interpolates {{count}} is a plural family with _one, _many and _other in en, fr and es', () => {
    const problems: string[] = [];
    let counted = 0;
    for (const locale of LOCALES) {
      for (const ns of NAMESPACES) {
        const flat = RESOURCES[locale]![ns]!;
        for (const [key, value] of flat) {
          if (!/\{\{\s*count\s*(,[^}]*)?\}\}/.test(value)) continue;
          counted++;
          if (!PLURAL.test(key)) {
            problems.push(`${locale} ${ns}:${key} interpolates {{count}} but has no plural forms`);
            continue;
          }
          const base = key.replace(PLURAL, '');
          for (const suffix of NEEDED) if (!flat.has(`${base}${suffix}`)) problems.push(`${locale} ${ns}:${base}${suffix} is missing`);
        }
      }
    }
    expect(counted).toBeGreaterThan(200);
    expect([...new Set(problems)]).toEqual([]);
  });

  it('every literal call of a plural message passes count (t(…), new AppError(…), and problem keys)', () => {
    const families = pluralFamilies();
    const problems: string[] = [];
    let seen = 0;
    const files = [...sourceFiles(path.join(ROOT, 'main')), ...sourceFiles(path.join(ROOT, 'shared')), ...sourceFiles(path.join(ROOT, 'renderer/src'))];
    const patterns: Array<[RegExp, (literal: string) => string]> = [
      [/\bt\(\s*'([a-z]+:[\w.]+)'/g, (literal) => literal],
      [/new AppError\(\s*'([\w.]+)'/g, (literal) => `errors:${literal}`],
    ];
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      for (const [pattern, family] of patterns) {
        for (const match of source.matchAll(pattern)) {
          if (!families.has(family(match[1]!))) continue;
          seen++;
          const call = callText(source, source.indexOf('(', match.index));
          // An AppError with a list of problems is counted by the formatters (runCli, describeApiError).
          const countedProblems = match[0].startsWith('new AppError') && argumentCount(call) >= 3;
          if (!countedProblems && !/\bcount\b/.test(call)) problems.push(`${path.relative(ROOT, file)}: ${match[0]} without count`);
        }
      }
      // Problems carry their values beside the key: { key: 'recipients.tooMany', values: { count, … } }.
      for (const match of source.matchAll(/\bkey: '([\w.]+)', values: \{([^}]*)\}/g)) {
        if (!families.has(`errors:${match[1]}`)) continue;
        seen++;
        if (!/\bcount\b/.test(match[2]!)) problems.push(`${path.relative(ROOT, file)}: ${match[1]} without count`);
      }
    }
    expect(seen).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  const RENDERED: Array<[string, Record<(typeof LOCALES)[number], [string, string]>]> = [
    [
      'cli:check.conflicts',
      {
        en: ['1 sync conflict to resolve', '2 sync conflicts to resolve'],
        fr: ['1 conflit de synchronisation à résoudre', '2 conflits de synchronisation à résoudre'],
        es: ['1 conflicto de sincronización por resolver', '2 conflictos de sincronización por resolver'],
      },
    ],
    [
      'errors:rebuild.tampered',
      {
        en: ['(1 difference)', '(2 differences)'],
        fr: ['(1 différence)', '(2 différences)'],
        es: ['(1 diferencia)', '(2 diferencias)'],
      },
    ],
    [
      'errors:sync.strictConflicts',
      {
        en: ['has 1 unresolved sync conflict (', 'has 2 unresolved sync conflicts ('],
        fr: ['a 1 conflit de synchronisation non résolu (', 'a 2 conflits de synchronisation non résolus ('],
        es: ['tiene 1 conflicto de sincronización sin resolver (', 'tiene 2 conflictos de sincronización sin resolver ('],
      },
    ],
    [
      'ui:terms.tbx.savedTo',
      {
        en: ['1 concept saved to', '2 concepts saved to'],
        fr: ['1 concept enregistré dans', '2 concepts enregistrés dans'],
        es: ['1 concepto guardado en', '2 conceptos guardados en'],
      },
    ],
    [
      'ui:viewer.matchesSoFar',
      {
        en: ['1 match so far', '2 matches so far'],
        fr: ['1 occurrence pour l’instant', '2 occurrences pour l’instant'],
        es: ['1 coincidencia por ahora', '2 coincidencias por ahora'],
      },
    ],
  ];

  it.each(LOCALES)('%s: a count of 1 reads singular and 2 plural', (locale) => {
    const t = createTranslator(locale);
    for (const [key, forms] of RENDERED) {
      const [one, two] = forms[locale];
      expect(t(key, { count: 1, file: 'f', path: 'p', build: 'b', pack: 'p', first: '' }), `${key} 1`).toContain(one);
      expect(t(key, { count: 2, file: 'f', path: 'p', build: 'b', pack: 'p', first: '' }), `${key} 2`).toContain(two);
    }
    // Spanish and French "many" (1,000,000 and up) must not fall back to English.
    if (locale !== 'en') expect(t('cli:check.conflicts', { count: 1_000_000 })).not.toContain('sync conflicts to resolve');
  });
});
