/**
 * A child process that saves edits in a loop until it is killed: each save changes several
 * pieces at once in one import, so a kill lands inside a write with versions half recorded.
 */
import { openLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { applyLibraryDocument } from '../../main/services/importLibrary';

const library = await openLibrary(process.argv[2]!, { create: false });
const store = new LibraryStore(library.db);
const doc = store.readDocument();
for (let i = 0; ; i++) {
  for (const p of doc.priorities) p.title.fr = { text: `Priorité ${p.number} — révision ${i}`, status: 'draft' };
  for (const n of doc.notes) if (n.body.en) n.body.en = { text: `${n.body.en.text.split(' ·')[0]} · edit ${i}`, status: 'draft' };
  applyLibraryDocument(store, doc, null);
  if (i === 2) process.stdout.write('writing\n');
}
