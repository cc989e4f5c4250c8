import { useEffect, useState } from 'react';
import { LOCALES, type Locale } from '../../../shared/domain/locales';
import type { LocalizedDoc } from '../../../shared/schemas/common';
import type { TranslationState } from '../../../shared/domain/translationState';

const MAX_CACHED = 200;
const cache = new Map<string, string>();
const inFlight = new Map<string, Promise<string>>();

/** SHA-256 of the NFC text, as main computes a translation's sourceHash (main/db/textHash.ts). */
async function sha256(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text.normalize('NFC'));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function hashOf(text: string): Promise<string> {
  let promise = inFlight.get(text);
  if (!promise) {
    promise = sha256(text).then((hash) => {
      inFlight.delete(text);
      cache.set(text, hash);
      if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
      return hash;
    });
    inFlight.set(text, promise);
  }
  return promise;
}

/** The texts other languages say they were translated from, and still carry a hash of. */
function sourcesOf(value: LocalizedDoc | null): string[] {
  const out: string[] = [];
  for (const locale of LOCALES) {
    const entry = value?.[locale];
    if (entry?.from && entry.sourceHash) {
      const source = value?.[entry.from];
      if (source) out.push(source.text);
    }
  }
  return out;
}

/**
 * Each language's state as the user edits: a translation whose source text no longer hashes
 * to its recorded sourceHash is stale, live. Until a hash is known the stored status is shown.
 */
export function useTranslationStates(value: LocalizedDoc | null): Record<Locale, TranslationState> {
  const [, setTick] = useState(0);
  const sources = sourcesOf(value);
  const key = sources.join('\u0000');

  useEffect(() => {
    let alive = true;
    const unknown = sources.filter((s) => !cache.has(s));
    if (unknown.length === 0 || typeof crypto === 'undefined' || !crypto.subtle) return;
    const timer = setTimeout(() => {
      void Promise.all(unknown.map(hashOf)).then(() => {
        if (alive) setTick((n) => n + 1);
      });
    }, 150);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
    // The key stands for every input: rerunning on each new object identity would refetch on every render.
  }, [key]);

  const states = {} as Record<Locale, TranslationState>;
  for (const locale of LOCALES) {
    const entry = value?.[locale];
    if (!entry) {
      states[locale] = 'missing';
      continue;
    }
    if (entry.from && entry.sourceHash) {
      const source = value?.[entry.from];
      if (!source) {
        states[locale] = 'stale';
        continue;
      }
      const hash = cache.get(source.text);
      if (hash !== undefined && hash !== entry.sourceHash) {
        states[locale] = 'stale';
        continue;
      }
    }
    states[locale] = entry.status;
  }
  return states;
}
