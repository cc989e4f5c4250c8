import type { ApiContext } from './ApiContext';
import type { ApiRegistry } from './ApiRegistry';
import { AppError } from '../../shared/errors/AppError';
import { saveConcept } from '../services/terms/saveConcept';
import { approverNow } from '../services/userName';
import { importTermbase } from '../services/terms/importTermbase';
import { writeTbx } from '../terms/writeTbx';
import { findMemoryMatches } from '../services/memory/findMemoryMatches';
import { searchConcordance } from '../services/memory/searchConcordance';
import { importTmx } from '../services/memory/importTmx';
import { readTmx } from '../memory/readTmx';
import { DeletedConcepts } from '../services/terms/DeletedConcepts';
import { listExternalMemories, removeExternalMemory } from '../services/memory/externalMemories';

/**
 * The translator's references: the termbase (Terminology screen, term checks, TBX out and in)
 * and the translation memory's matches for an open unit.
 */
export function registerTermsApi(api: ApiRegistry, ctx: ApiContext): void {
  const { store } = ctx;
  api.register('terms.list', () => store.terms.readAll());
  api.register('terms.save', ({ concept }) => saveConcept(store, concept, approverNow(store)));
  const deleted = new DeletedConcepts();
  api.register('terms.delete', ({ id }) =>
    store.write(() => {
      const concept = store.terms.read(id);
      if (!concept || !store.terms.delete(id)) throw new AppError('terms.notFound', { concept: id });
      return { id, undoToken: deleted.add(concept) };
    }),
  );
  // Undo puts the concept back as it was, signatures included; never over one made since.
  api.register('terms.undoDelete', ({ undoToken }) =>
    store.write(() => {
      const concept = deleted.peek(undoToken);
      if (!concept) throw new AppError('terms.undoGone', {});
      if (store.terms.read(concept.id)) throw new AppError('terms.undoTaken', { concept: concept.id });
      store.terms.replace(concept, new Date().toISOString());
      deleted.forget(undoToken);
      return store.terms.read(concept.id)!;
    }),
  );
  api.register('terms.exportTbx', async () => {
    const concepts = store.terms.readAll();
    const xml = writeTbx(concepts, 'Briefing Pack Builder termbase');
    const fileName = 'termbase.tbx';
    const savedTo = ctx.desktop ? await ctx.desktop.saveText(fileName, xml, 'tbx') : null;
    return { fileName, xml, concepts: concepts.length, savedTo };
  });
  // Read whole, off the request thread, before anything is written: a bad file changes nothing.
  api.register('terms.importTbx', async ({ xml }) => importTermbase(store, await ctx.imports.readTbx(xml), { dryRun: false }));
  api.register('memory.matches', (query) => findMemoryMatches(store, query));
  api.register('memory.concordance', (query) => searchConcordance(store, query));
  // Read and checked whole first, like the CLI's import: a refused file changes nothing. The name
  // is only the memory's label; a path the renderer might send is cut to its last part.
  api.register('memory.importTmx', ({ fileName, xml, dryRun }) =>
    importTmx(store, fileName.split(/[\\/]/).pop() || fileName, readTmx(xml), { dryRun }),
  );
  api.register('memory.imports', () => listExternalMemories(store));
  api.register('memory.removeImport', ({ origin }) => removeExternalMemory(store, origin));
}
