import { describe, expect, it } from 'vitest';
import { useStarterStores } from '../helpers/starterStores';
import { findMemoryMatches } from '../../main/services/memory/findMemoryMatches';
import { searchConcordance } from '../../main/services/memory/searchConcordance';
import { hashSourceText } from '../../main/db/textHash';
import type { LibraryStore } from '../../main/services/LibraryStore';

const open = useStarterStores('briefing-memory-');

/** A French original and its Spanish translation, approved or not, as the translator's view saves them. */
function put(store: LibraryStore, pieceId: string, field: string, fr: string, es: string, status: 'approved' | 'draft') {
  const at = '2026-01-01T00:00:00.000Z';
  store.write(() =>
    store.texts.replaceField(pieceId, field, {
      fr: { text: fr, status: 'approved' },
      es: { text: es, status, from: 'fr', sourceHash: hashSourceText(fr), ...(status === 'approved' ? { approvedBy: 'Ana', approvedAt: at } : {}) },
    }, at),
  );
}

describe('translation memory', () => {
  it('offers approved segments of other pieces, per paragraph, best first, and nothing from drafts or the unit itself', async () => {
    const store = await open('memory');
    put(store, 'prio-rps-1', 'body', 'La lutte contre la corruption.\n\nUn autre paragraphe sans rapport.', 'La lucha contra la corrupción.\n\nOtro párrafo sin relación.', 'approved');
    put(store, 'prio-rps-2', 'body', 'La lutte mondiale contre la corruption.', 'La lucha mundial contra la corrupción.', 'approved');
    put(store, 'prio-rps-3', 'body', 'La lutte contre la corruption des élus.', 'Borrador no revisado.', 'draft');
    put(store, 'prio-rps-4', 'body', 'Sécurité.\n\nLa lutte contre la corruption', 'Seguridad.\n\nLa lucha contra…', 'draft');

    const segments = findMemoryMatches(store, { pieceId: 'prio-rps-4', field: 'body', source: 'fr', target: 'es' });
    expect(segments.map((s) => s.source)).toEqual(['Sécurité.', 'La lutte contre la corruption']);
    expect(segments[0]!.matches).toEqual([]);
    expect(segments[1]!.matches).toEqual([
      { score: 100, source: 'La lutte contre la corruption.', target: 'La lucha contra la corrupción.', pieceId: 'prio-rps-1', field: 'body' },
      { score: 83, source: 'La lutte mondiale contre la corruption.', target: 'La lucha mundial contra la corrupción.', pieceId: 'prio-rps-2', field: 'body' },
    ]);
    // The unit's own approved translation is no suggestion for itself.
    const own = findMemoryMatches(store, { pieceId: 'prio-rps-1', field: 'body', source: 'fr', target: 'es' });
    expect(own[0]!.matches.map((m) => m.pieceId)).toEqual(['prio-rps-2']);

    // A translation approved since is in the memory at once; one set back to draft leaves it.
    put(store, 'prio-rps-3', 'body', 'La lutte contre la corruption des élus.', 'La lucha contra la corrupción de los electos.', 'approved');
    put(store, 'prio-rps-2', 'body', 'La lutte mondiale contre la corruption.', 'La lucha mundial contra la corrupción.', 'draft');
    const after = findMemoryMatches(store, { pieceId: 'prio-rps-4', field: 'body', source: 'fr', target: 'es' });
    expect(after[1]!.matches.map((m) => [m.pieceId, m.score])).toEqual([['prio-rps-1', 100], ['prio-rps-3', 71]]);
  });
});

describe('briefing memory export (TMX)', () => {
  it('writes well-formed TMX 1.4b with one unit per approved paragraph pair, and refuses one language twice', async () => {
    const { execFileSync } = await import('node:child_process');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { cli, tempDir } = await import('../helpers/cli');
    const dir = tempDir();
    const db = path.join(dir, 'lib.sqlite');
    expect((await cli(['init', '--db', db])).code).toBe(0);
    // The starter library's French originals are approved: French from Spanish has a memory.
    const file = path.join(dir, 'memory.tmx');
    const result = await cli(['memory', 'export', file, '--from', 'es', '--lang', 'fr', '--db', db]);
    expect(result.stderr).toBe('');
    const count = Number(/Wrote (\d+) translation units \(es → fr\)/.exec(result.stdout)?.[1]);
    expect(count).toBeGreaterThan(50);
    expect(() => execFileSync('xmllint', ['--noout', file], { stdio: 'pipe' })).not.toThrow();
    const xml = fs.readFileSync(file, 'utf8');
    expect(xml.match(/<tu /g)).toHaveLength(count);
    expect(xml).toContain('<header creationtool="Briefing Pack Builder"');
    expect(xml).toContain('srclang="es-419"');
    expect(xml).toMatch(/<tuv xml:lang="fr-CA"><seg>Convention des Nations Unies contre la criminalité transnationale organisée<\/seg><\/tuv>/);
    const same = await cli(['memory', 'export', path.join(dir, 'x.tmx'), '--from', 'fr', '--lang', 'fr', '--db', db]);
    expect(same.code).not.toBe(0);
    expect(same.stderr).toMatch(/both the source and the target/);
  });
});

describe('concordance', () => {
  it('finds a phrase in approved sources or translations, without case or accents, once per pair', async () => {
    const store = await open('concordance');
    put(store, 'prio-rps-1', 'body', 'La TRAITE des personnes.', 'La trata de personas.', 'approved');
    put(store, 'prio-rps-2', 'body', 'La TRAITE des personnes.', 'La trata de personas.', 'approved');
    put(store, 'prio-rps-3', 'body', 'La traite des personnes, encore.', 'Borrador.', 'draft');
    const found = searchConcordance(store, { phrase: 'traite  des PERSONNES', source: 'fr', target: 'es' });
    expect(found.pairs.map((p) => [p.pieceId, p.target])).toEqual([
      ['prio-rps-1', 'La trata de personas.'],
    ]);
    expect(searchConcordance(store, { phrase: 'trata de personas', source: 'fr', target: 'es' }).pairs).toHaveLength(1);
    expect(searchConcordance(store, { phrase: 'Tráta', source: 'fr', target: 'es' }).pairs).toHaveLength(1);
    expect(searchConcordance(store, { phrase: '  ', source: 'fr', target: 'es' })).toEqual({ pairs: [], truncated: false });
  });
});

