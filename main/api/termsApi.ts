import type { ApiContext } from './ApiContext';
import type { ApiRegistry } from './ApiRegistry';
import { AppError } from '../../shared/errors/AppError';
import { saveConcept } from '../services/terms/saveConcept';
import { approverNow } from '../services/userName';

/** The termbase for the Terminology screen and the translator's term checks. */
export function registerTermsApi(api: ApiRegistry, ctx: ApiContext): void {
  const { store } = ctx;
  api.register('terms.list', () => store.terms.readAll());
  api.register('terms.save', ({ concept }) => saveConcept(store, concept, approverNow(store)));
  api.register('terms.delete', ({ id }) =>
    store.write(() => {
      if (!store.terms.delete(id)) throw new AppError('terms.notFound', { concept: id });
      return { id };
    }),
  );
}
