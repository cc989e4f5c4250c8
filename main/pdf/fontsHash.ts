import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { FONTS } from './fonts';

let cached: string | null = null;

/**
 * SHA-256 over the font files the engine embeds, in FONTS order (each file once): a different
 * font version changes the output's bytes, so a build record names the fonts it used.
 */
export function fontsHash(): string {
  if (cached) return cached;
  const files = [...new Set(Object.values(FONTS).flatMap((f) => [f.normal, f.bold, f.italics, f.bolditalics]))];
  const hash = createHash('sha256');
  for (const file of files) hash.update(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).update('\n');
  return (cached = hash.digest('hex'));
}
