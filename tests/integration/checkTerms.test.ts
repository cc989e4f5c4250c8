import { describe, expect, it } from 'vitest';
import { useStarterStores } from '../helpers/starterStores';
import { cli } from '../helpers/cli';
import { hashSourceText } from '../../main/db/textHash';

const open = useStarterStores('briefing-check-terms-');
const at = '2026-01-01T00:00:00.000Z';

/** A Spanish text that says "trata de seres humanos" where its French source says "traite des personnes". */
function breakTheTermbase(store: Awaited<ReturnType<typeof open>>): { pieceId: string; title: string } {
  const note = store.readDocument(['notes']).notes[0]!;
  const fr = 'La coopération contre la traite des personnes.';
  store.write(() =>
    store.texts.replaceField(note.id, 'body', {
      fr: { text: fr, status: 'approved' },
      es: { text: 'La cooperación contra la trata de seres humanos.', status: 'approved', from: 'fr', sourceHash: hashSourceText(fr), approvedBy: 'Ana', approvedAt: at },
    }, at),
  );
  return { pieceId: note.id, title: note.title.en?.text ?? note.title.fr?.text ?? note.title.es!.text };
}

describe('briefing check and the termbase', () => {
  it('lists a forbidden term in any translated text as a warning, by piece title, field and language; the exit code stays 0', async () => {
    const store = await open('forbidden');
    const clean = await cli(['check', '--db', store.db.name, '--json']);
    expect(clean.code).toBe(0);
    const before = (JSON.parse(clean.stdout) as { termWarnings: unknown[] }).termWarnings;
    const { pieceId, title } = breakTheTermbase(store);

    const json = await cli(['check', '--db', store.db.name, '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { ok: boolean; termWarnings: { pieceId: string; key: string; values: Record<string, string> }[] };
    expect(report.ok).toBe(true);
    expect(report.termWarnings.length).toBeGreaterThan(before.length);
    const mine = report.termWarnings.filter((w) => w.pieceId === pieceId && w.values['field'] === 'body');
    expect(mine.map((w) => [w.key, w.values['edition'], w.values['term']])).toContainEqual(['buildTerms.forbidden', 'es', 'trata de seres humanos']);
    expect(mine.find((w) => w.key === 'buildTerms.forbidden')!.values['expected']).toContain('trata de personas');

    const text = await cli(['check', '--db', store.db.name]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/translated texts? breaks? the termbase/);
    expect(text.stdout).toContain(`“${title}” body (es): uses the forbidden term “trata de seres humanos”; the termbase expects trata de personas`);

    const es = await cli(['check', '--db', store.db.name], { BRIEFING_LOCALE: 'es' });
    expect(es.stdout).toContain(`«${title}» body (es): usa el término prohibido «trata de seres humanos»`);
    const fr = await cli(['check', '--db', store.db.name], { BRIEFING_LOCALE: 'fr' });
    expect(fr.stdout).toContain(`« ${title} » body (es) : emploie le terme proscrit « trata de seres humanos »`);
  });

  it('says nothing about terms when the termbase is empty', async () => {
    const store = await open('empty');
    breakTheTermbase(store);
    store.write(() => {
      for (const c of store.terms.readAll()) store.terms.delete(c.id);
    });
    const json = JSON.parse((await cli(['check', '--db', store.db.name, '--json'])).stdout) as { termWarnings: unknown[] };
    expect(json.termWarnings).toEqual([]);
    expect((await cli(['check', '--db', store.db.name])).stdout).not.toContain('termbase');
  });
});
