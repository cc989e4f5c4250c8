import type { Migration } from './Migration';

/**
 * Who received which build: one row per recipient of a build. A recipient is a name as staff
 * type it (a delegate, a delegation); the same name twice for one build is one distribution.
 * The rows go with their build (a deleted build was never sent as far as the library knows).
 */
export const migration010: Migration = {
  version: 10,
  name: 'distribution',
  up(db) {
    db.exec(`
      CREATE TABLE build_distributions (
        build_id TEXT NOT NULL REFERENCES builds (id) ON DELETE CASCADE,
        recipient TEXT NOT NULL CHECK (length(trim(recipient)) > 0 AND length(recipient) <= 200),
        distributed_at TEXT NOT NULL,
        distributed_by TEXT NOT NULL,
        PRIMARY KEY (build_id, recipient)
      );
      CREATE INDEX build_distributions_by_time ON build_distributions (distributed_at);
    `);
  },
};
