import type { Migration } from './Migration';

/**
 * The library's tables. Every piece has a row in `pieces` so that texts, sources, links and
 * (later) content hashes can refer to any kind with a real foreign key.
 */
export const migration001: Migration = {
  version: 1,
  name: 'schema',
  up(db) {
    db.exec(`
      CREATE TABLE pieces (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('source','country','network','meeting','priority','instrument','note','pack','section')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX pieces_kind ON pieces(kind);

      CREATE TABLE texts (
        piece_id TEXT NOT NULL REFERENCES pieces(id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        locale TEXT NOT NULL CHECK (locale IN ('en','fr','es')),
        body TEXT NOT NULL CHECK (length(body) > 0),
        status TEXT NOT NULL CHECK (status IN ('draft','approved')),
        source_locale TEXT CHECK (source_locale IN ('en','fr','es') AND source_locale <> locale),
        source_hash TEXT CHECK ((source_hash IS NULL) = (source_locale IS NULL)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (piece_id, field, locale)
      ) STRICT;

      CREATE TABLE sources (
        id TEXT PRIMARY KEY REFERENCES pieces(id) ON DELETE CASCADE,
        issuer TEXT NOT NULL,
        place TEXT,
        date TEXT,
        url TEXT
      ) STRICT;

      CREATE TABLE countries (
        code TEXT PRIMARY KEY REFERENCES pieces(id) ON DELETE CASCADE CHECK (length(code) = 2)
      ) STRICT;

      CREATE TABLE networks (
        id TEXT PRIMARY KEY REFERENCES pieces(id) ON DELETE CASCADE
      ) STRICT;

      CREATE TABLE network_members (
        network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        country_code TEXT NOT NULL REFERENCES countries(code) ON DELETE CASCADE,
        PRIMARY KEY (network_id, country_code)
      ) STRICT;

      CREATE TABLE meetings (
        id TEXT PRIMARY KEY REFERENCES pieces(id) ON DELETE CASCADE,
        network_id TEXT NOT NULL REFERENCES networks(id),
        host_country TEXT NOT NULL REFERENCES countries(code),
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL CHECK (end_date >= start_date)
      ) STRICT;

      CREATE TABLE priorities (
        id TEXT PRIMARY KEY REFERENCES pieces(id) ON DELETE CASCADE,
        network_id TEXT NOT NULL REFERENCES networks(id),
        number INTEGER NOT NULL CHECK (number > 0),
        UNIQUE (network_id, number)
      ) STRICT;

      CREATE TABLE instruments (
        id TEXT PRIMARY KEY REFERENCES pieces(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('convention','protocol','plan-of-action','compact','declaration')),
        year_adopted INTEGER,
        parent_id TEXT REFERENCES instruments(id)
      ) STRICT;

      CREATE TABLE notes (
        id TEXT PRIMARY KEY REFERENCES pieces(id) ON DELETE CASCADE,
        country_code TEXT REFERENCES countries(code),
        date TEXT NOT NULL
      ) STRICT;
      CREATE INDEX notes_country ON notes(country_code);

      CREATE TABLE note_tags (
        note_id TEXT NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (note_id, tag)
      ) STRICT;
      CREATE INDEX note_tags_tag ON note_tags(tag);

      CREATE TABLE piece_sources (
        piece_id TEXT NOT NULL REFERENCES pieces(id) ON DELETE CASCADE,
        source_id TEXT NOT NULL REFERENCES sources(id),
        PRIMARY KEY (piece_id, source_id)
      ) STRICT;
      CREATE INDEX piece_sources_source ON piece_sources(source_id);

      -- note -> instrument, note -> priority, instrument -> priority
      CREATE TABLE links (
        from_id TEXT NOT NULL REFERENCES pieces(id) ON DELETE CASCADE,
        to_id TEXT NOT NULL REFERENCES pieces(id) ON DELETE CASCADE,
        PRIMARY KEY (from_id, to_id)
      ) STRICT;
      CREATE INDEX links_to ON links(to_id);

      CREATE TABLE packs (
        id TEXT PRIMARY KEY REFERENCES pieces(id) ON DELETE CASCADE,
        slug TEXT NOT NULL UNIQUE,
        meeting_id TEXT REFERENCES meetings(id),
        paper TEXT NOT NULL CHECK (paper IN ('a4','letter')),
        options TEXT NOT NULL CHECK (json_valid(options))
      ) STRICT;

      CREATE TABLE pack_sections (
        id TEXT PRIMARY KEY REFERENCES pieces(id) ON DELETE CASCADE,
        pack_id TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        UNIQUE (pack_id, position)
      ) STRICT;

      -- piece_ref has no foreign key on purpose: deleting a piece must not silently shrink a
      -- pack; the pack engine reports a reference to a deleted piece when it builds.
      CREATE TABLE pack_items (
        section_id TEXT NOT NULL REFERENCES pack_sections(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('priority','instrument','note','country')),
        piece_ref TEXT NOT NULL,
        PRIMARY KEY (section_id, position)
      ) STRICT;
    `);
  },
};
