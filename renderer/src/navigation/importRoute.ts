import type { Route } from './Route';

/**
 * Where "Import a library file" leads from an empty library: the screen that holds the import
 * panel. The one place to change when that panel moves.
 */
export const IMPORT_ROUTE: Route = { screen: 'settings' };
