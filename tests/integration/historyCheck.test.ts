import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { saveRecord } from '../../main/api/saveRecord';
import { checkLibrary } from '../../main/services/checkLibrary';
import { deletePiece } from '../../main/services/trash/deletePiece';
import { Trash } from '../../main/services/trash/Trash';
import { referrerIds } from '../../main/services/trash/referrerIds';
import { useStarterStores } from '../helpers/starterStores';
import { cli } from '../helpers/cli';

const open = useStarterStores('briefing-history-check-');
const approver = { by: 'Ana Pérez', at: '2026-01-01T00:00:00.000Z' };

/** Another program's connection: no write gate, no history triggers. */
function aroundTheGate(file: string, sql: string, ...params: unknown[]): void {
  const other = new Database(file);
  try {
    other.prepare(sql).run(...params);
  } finally {
    other.close();
  }
}

describe('briefing check and the history', () => {
  it('finds the history in step after edits and deletes through the write gate', async () => {
    const store = await open('in-step');
    const p = structuredClone(store.readDocument(['priorities']).priorities[0]!);
    p.title.fr = { ...p.title.fr!, text: `${p.title.fr!.text} (rév.)` };
    saveRecord(store, 'priorities', p, approver);
    const note = store.readDocument(['notes']).notes[0]!;
    deletePiece(store, new Trash(), { id: note.id, locale: 'en', removeReferences: true });
    expect(checkLibrary(store.db).problems).toEqual([]);
  });

  it('names a piece changed around the write gate, and one deleted around it', async () => {
    const store = await open('behind');
    const [p1, p2] = store.readDocument(['priorities']).priorities;
    saveRecord(store, 'priorities', structuredClone(p1!), approver);
    aroundTheGate(store.db.name, "UPDATE texts SET body = body || ' (edited elsewhere)' WHERE piece_id = ? AND field = 'title' AND locale = 'fr'", p1!.id);
    // The pieces that refer to p2 change with it (their links go with the row).
    const referrers = referrerIds(store, p2!.id);
    aroundTheGate(store.db.name, 'DELETE FROM pieces WHERE id = ?', p2!.id);
    const named = checkLibrary(store.db)
      .problems.filter((x) => x.key.startsWith('history'))
      .map((x) => [x.key, x.values.piece]);
    expect(named).toEqual(expect.arrayContaining([['historyBehind', p1!.id], ['historyBehind', p2!.id]]));
    expect(named.every(([key, piece]) => key === 'historyBehind' && [p1!.id, p2!.id, ...referrers].includes(piece as string))).toBe(true);
    // The next change through the gate records the piece as it stands, and the history is in step again.
    const now = structuredClone(store.readRecords([p1!.id]).priorities[0]!);
    now.title.en = { ...now.title.en!, text: `${now.title.en!.text} (checked)` };
    saveRecord(store, 'priorities', now, approver);
    expect(checkLibrary(store.db).problems.filter((x) => x.values.piece === p1!.id)).toEqual([]);
  });

  it('names a newest version that lost its whole record, in the CLI in French', async () => {
    const store = await open('damaged');
    const id = store.readDocument(['priorities']).priorities[0]!.id;
    aroundTheGate(
      store.db.name,
      `UPDATE piece_versions SET snapshot = NULL, patch = x'00'
       WHERE piece_id = ? AND number = (SELECT max(number) FROM piece_versions WHERE piece_id = ?)`,
      id,
      id,
    );
    expect(checkLibrary(store.db).problems).toEqual([{ key: 'historyDamaged', values: { piece: id } }]);
    const result = await cli(['check', '--db', store.db.name], { BRIEFING_LOCALE: 'fr' });
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toContain(`${id} : sa dernière version dans l’historique a perdu son contenu complet`);
  });
});
