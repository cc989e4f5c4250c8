import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A PDF build is a "generación" in Spanish, everywhere: two words for one thing read as two things.
const DIR = fileURLToPath(new URL('../../shared/locales/es/', import.meta.url));

describe('Spanish wording', () => {
  it('calls a build "generación", never "compilación" or "compilar"', () => {
    const hits: string[] = [];
    let generacion = 0;
    for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith('.json'))) {
      const text = fs.readFileSync(path.join(DIR, file), 'utf8');
      generacion += (text.match(/generaci[oó]n/gi) ?? []).length;
      for (const m of text.matchAll(/[^"\n]*\bcompil\w*[^"\n]*/gi)) hits.push(`${file}: ${m[0]}`);
    }
    expect(generacion).toBeGreaterThan(20);
    expect(hits).toEqual([]);
  });
});
