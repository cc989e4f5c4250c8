import { describe, expect, it } from 'vitest';
import { saveRecord } from '../../main/api/saveRecord';
import { importLibraryDocument } from '../../main/services/importLibrary';
import { listVersions, readVersion, restoreVersion } from '../../main/services/history/pieceHistory';
import { deletePiece, restorePiece } from '../../main/services/trash/deletePiece';
import { Trash } from '../../main/services/trash/Trash';
import { saveTranslation } from '../../main/services/translation/saveTranslation';
import type { LibraryStore } from '../../main/services/LibraryStore';
import type { PriorityDoc } from '../../shared/schemas/libraryDocument';
import { hashSourceText } from '../../main/db/textHash';
import type { AppError } from '../../shared/errors/AppError';
import { smallDocument } from '../helpers/documents';
import { useStarterStores } from '../helpers/starterStores';
import { expectHistoryMatchesPieces } from '../helpers/historyConsistency';

const open = useStarterStores('briefing-history-');
const approver = { by: 'Ana Pérez', at: '2026-01-01T00:00:00.000Z' };

function firstPriority(store: LibraryStore): PriorityDoc {
  return structuredClone(store.readDocument(['priorities']).priorities[0]!);
}
function editFrench(store: LibraryStore, p: PriorityDoc, text: string): void {
  p.title.fr = { ...p.title.fr!, text };
  saveRecord(store, 'priorities', p, approver);
}
const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('did not throw');
};

describe('piece history', () => {
  it('starts with one version per piece and records none when a save changes nothing', async () => {
    const store = await open('unchanged');
    const p = firstPriority(store);
    expect(listVersions(store, p.id)).toHaveLength(1);
    saveRecord(store, 'priorities', p, approver);
    saveRecord(store, 'priorities', p, approver);
    expect(listVersions(store, p.id)).toHaveLength(1);
    expectHistoryMatchesPieces(store);
  });

  it('records a version per change, naming the field and language, who and when', async () => {
    const store = await open('fields');
    process.env.BRIEFING_USER = 'Jean Tremblay';
    let p = firstPriority(store);
    editFrench(store, p, 'Titre modifié');
    p = firstPriority(store);
    p.number = 40;
    saveRecord(store, 'priorities', p, approver);
    const versions = listVersions(store, p.id);
    expect(versions.map((v) => v.number)).toEqual([1, 2, 3]);
    expect(versions[1]!.changes).toEqual([{ field: 'title', language: 'fr' }]);
    expect(versions[2]!.changes).toEqual([{ field: 'number' }]);
    expect(versions[1]!.who).toBe('Jean Tremblay');
    expect(versions[0]!.who).not.toBe('Jean Tremblay');
    delete process.env.BRIEFING_USER;
    expect(Date.parse(versions[2]!.at)).toBeGreaterThan(0);
    expect((readVersion(store, p.id, 1).record as PriorityDoc).title.fr!.text).not.toBe('Titre modifié');
    expect((readVersion(store, p.id, 2).record as PriorityDoc).title.fr!.text).toBe('Titre modifié');
    expect((readVersion(store, p.id, 2).record as PriorityDoc).number).not.toBe(40);
    expectHistoryMatchesPieces(store);
  });

  it('a translation save is a version of that language', async () => {
    const store = await open('translation');
    const p = firstPriority(store);
    const before = listVersions(store, p.id).length;
    const source = p.body.fr ? 'fr' : 'en';
    const target = source === 'fr' ? 'es' : 'fr';
    saveTranslation(
      store,
      { pieceId: p.id, field: 'body', source, target, text: 'Texto nuevo', status: 'draft', sourceHash: hashSourceText(p.body[source]!.text) },
      approver,
    );
    const versions = listVersions(store, p.id);
    expect(versions).toHaveLength(before + 1);
    expect(versions.at(-1)!.changes).toEqual([{ field: 'body', language: target }]);
  });

  it('restore is a version naming the one it restored, and restoring again undoes it', async () => {
    const store = await open('restore');
    const p = firstPriority(store);
    const original = p.title.fr!.text;
    editFrench(store, p, 'Deuxième');
    editFrench(store, p, 'Troisième');
    expect(restoreVersion(store, p.id, 1)).toEqual({ version: 4, changed: true });
    expect(firstPriority(store).title.fr!.text).toBe(original);
    expect(listVersions(store, p.id).at(-1)).toMatchObject({ number: 4, restoredFrom: 1, changes: [{ field: 'title', language: 'fr' }] });
    expect(restoreVersion(store, p.id, 3)).toEqual({ version: 5, changed: true });
    expect(firstPriority(store).title.fr!.text).toBe('Troisième');
    expect(restoreVersion(store, p.id, 5)).toEqual({ version: 5, changed: false });
    expectHistoryMatchesPieces(store);
  });

  it('names an unknown piece or version', async () => {
    const store = await open('unknown');
    const p = firstPriority(store);
    expect(errorOf(() => listVersions(store, 'no-such-piece'))).toMatchObject({ code: 'history.unknownPiece', params: { id: 'no-such-piece' } });
    expect(errorOf(() => readVersion(store, p.id, 9))).toMatchObject({ code: 'history.unknownVersion', params: { id: p.id, version: 9, last: 1 } });
  });

  it('records a delete, a trash restore, and the deleted piece can be restored from its history', async () => {
    const store = await open('delete');
    const note = store.readDocument(['notes']).notes[0]!;
    const trash = new Trash();
    const { trashId } = deletePiece(store, trash, { id: note.id, locale: 'en', removeReferences: true });
    expect(listVersions(store, note.id).at(-1)).toMatchObject({ number: 2, deleted: true });
    restorePiece(store, trash, { trashId, locale: 'en' });
    expect(listVersions(store, note.id).at(-1)).toMatchObject({ number: 3, deleted: false });
    deletePiece(store, trash, { id: note.id, locale: 'en', removeReferences: true });
    expect(restoreVersion(store, note.id, 1).version).toBe(5);
    expect(store.kindOf(note.id)).toBe('note');
    expectHistoryMatchesPieces(store);
  });

  it('an import of a library file records a version of each piece it adds or changes, and only those', async () => {
    const store = await open('import');
    const doc = smallDocument();
    importLibraryDocument(store, doc, 'small.json', { dryRun: false });
    expect(listVersions(store, 't-prio-1')).toHaveLength(1);
    expect(listVersions(store, 't-prio-1')[0]!.who).not.toBeNull();
    doc.priorities[1]!.body.fr = { text: 'Corps changé', status: 'draft' };
    importLibraryDocument(store, doc, 'small.json', { dryRun: false });
    expect(listVersions(store, 't-prio-1')).toHaveLength(1);
    const last = listVersions(store, 't-prio-2').at(-1)!;
    expect(last.number).toBe(2);
    // The English and Spanish, translated from the French, now name the new French as their source.
    expect(last.changes).toEqual(['en', 'fr', 'es'].map((language) => ({ field: 'body', language })));
    expectHistoryMatchesPieces(store);
  });

  it('old versions read back exactly through many patches and keyframes', async () => {
    const store = await open('many');
    const p = firstPriority(store);
    for (let i = 1; i <= 70; i++) editFrench(store, p, `Titre ${i}`);
    for (const n of [2, 30, 64, 65, 71]) {
      expect((readVersion(store, p.id, n).record as PriorityDoc).title.fr!.text).toBe(`Titre ${n - 1}`);
    }
    const whole = store.db.prepare('SELECT count(*) FROM piece_versions WHERE piece_id = ? AND snapshot IS NOT NULL').pluck().get(p.id);
    expect(whole).toBe(2);
  });
});
