import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type OpenedLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { applyLibraryDocument } from '../../main/services/importLibrary';
import { exportXliff } from '../../main/services/xliff/exportXliff';
import { importXliff } from '../../main/services/xliff/importXliff';
import { loadStarterLibrary } from '../../main/services/loadStarterLibrary';
import type { NoteDoc } from '../../shared/schemas/libraryDocument';
import { tempDir } from '../helpers/cli';

/* A file of more units than a piece-by-piece lookup is worth: the library is read at once. */

let library: OpenedLibrary;
let store: LibraryStore;
beforeAll(async () => {
  library = await openLibrary(path.join(tempDir(), 'large.sqlite'), { create: true });
  store = new LibraryStore(library.db);
  loadStarterLibrary(store);
  const doc = store.readDocument();
  const base = doc.notes[0]!;
  for (let i = 0; i < 300; i++) {
    const note: NoteDoc = structuredClone(base);
    note.id = `note-many-${i}`;
    note.title = { fr: { text: `Note ${i} : ${base.title.fr!.text}`, status: 'approved' }, es: { text: `Nota ${i}`, status: 'draft', from: 'fr' } };
    note.body = { fr: { text: `Corps de la note ${i}.`, status: 'approved' } };
    doc.notes.push(note);
  }
  applyLibraryDocument(store, doc);
});
afterAll(() => library.close());

describe('XLIFF import of a large file', () => {
  it('resolves every unit, reports the untouched ones and applies the translated ones', () => {
    const { xml, units } = exportXliff(store, { source: 'fr', target: 'es', packId: null, ui: false, todoOnly: false });
    expect(units).toBeGreaterThan(600);
    const approver = { by: 'Test', at: new Date().toISOString() };
    const untouched = importXliff(store, xml, { dryRun: true, approver });
    expect(untouched.units).toBe(units);
    expect(untouched.applied).toEqual({ approved: 0, draft: 0 });
    expect(untouched.unchanged + untouched.untranslated).toBe(units);
    expect(untouched.untranslated).toBeGreaterThanOrEqual(300); // the 300 bodies have no Spanish yet

    const translated = xml.replace(
      /(<file id="note-many-7"[\s\S]*?<unit id="body">[\s\S]*?)<segment[^>]*>\s*(<source>[^<]*<\/source>)/,
      '$1<segment state="final">$2<target>Cuerpo de la nota 7.</target>',
    );
    expect(translated).not.toBe(xml);
    const report = importXliff(store, translated, { dryRun: false, approver });
    expect(report.applied).toEqual({ approved: 1, draft: 0 });
    expect(store.texts.readPiece('note-many-7').get('body')?.es).toMatchObject({ text: 'Cuerpo de la nota 7.', status: 'approved', approvedBy: 'Test' });
  });
});
