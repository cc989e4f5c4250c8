import type { Migration } from './Migration';

/**
 * The countries that took part in a meeting, apart from the networks' members: taking part in a
 * meeting does not make a country a member, and a briefing states each country's role at the
 * meeting it is prepared for.
 */
export const migration004: Migration = {
  version: 4,
  name: 'participants',
  up(db) {
    db.exec(`
      CREATE TABLE meeting_participants (
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        country_code TEXT NOT NULL REFERENCES countries(code) ON DELETE CASCADE,
        PRIMARY KEY (meeting_id, country_code)
      ) STRICT;
      CREATE INDEX meeting_participants_country ON meeting_participants(country_code);
    `);
  },
};
