import type { Migration } from './Migration';
import { migration001 } from './001_schema';
import { migration002 } from './002_search';
import { migration003 } from './003_translation';
import { migration004 } from './004_participants';
import { migration005 } from './005_pack_paper';
import { migration006 } from './006_history';
import { migration007 } from './007_terms';
import { migration008 } from './008_text_hashes';
import { migration009 } from './009_builds';
import { migration010 } from './010_distribution';
import { migration011 } from './011_external_memory';
import { migration012 } from './012_sync_conflicts';
import { migration013 } from './013_build_manifests';

/** In order; a test checks the versions run 1, 2, 3… with no gap. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
];
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
