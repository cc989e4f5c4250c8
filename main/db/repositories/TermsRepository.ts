import type { Database } from 'better-sqlite3';
import type { Concept, Term } from '../../../shared/terms/termTypes';

interface ConceptRow {
  id: string;
  subject: string | null;
  note: string | null;
  source: string | null;
}

interface TermRow extends Term {
  conceptId: string;
}

const TERM_ORDER = `CASE locale WHEN 'en' THEN 0 WHEN 'fr' THEN 1 ELSE 2 END,
  CASE status WHEN 'preferred' THEN 0 WHEN 'admitted' THEN 1 ELSE 2 END, id`;

/**
 * The termbase's concepts with their terms. Statements are prepared on first use: a store is
 * also opened on libraries from before the termbase (a migration's test reads one).
 */
export class TermsRepository {
  constructor(private readonly db: Database) {}

  readAll(): Concept[] {
    const concepts = this.db.prepare('SELECT id, subject, note, source FROM concepts ORDER BY id').all() as ConceptRow[];
    const terms = this.db
      .prepare(
        `SELECT concept_id AS conceptId, locale, text, status, note, approval, approved_by AS approvedBy, approved_at AS approvedAt
         FROM terms ORDER BY concept_id, ${TERM_ORDER}`,
      )
      .all() as TermRow[];
    const byConcept = new Map<string, Term[]>();
    for (const { conceptId, ...term } of terms) {
      const list = byConcept.get(conceptId) ?? [];
      list.push(term);
      byConcept.set(conceptId, list);
    }
    return concepts.map((c) => ({ ...c, terms: byConcept.get(c.id) ?? [] }));
  }

  read(id: string): Concept | null {
    return this.readAll().find((c) => c.id === id) ?? null;
  }

  has(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM concepts WHERE id = ?').get(id) !== undefined;
  }

  /** The concept as given, its terms replacing the ones it had; its creation time is kept. */
  replace(concept: Concept, now: string): void {
    this.db
      .prepare(
        `INSERT INTO concepts (id, subject, note, source, created_at, updated_at) VALUES (@id, @subject, @note, @source, @now, @now)
         ON CONFLICT (id) DO UPDATE SET subject = excluded.subject, note = excluded.note, source = excluded.source, updated_at = excluded.updated_at`,
      )
      .run({ id: concept.id, subject: concept.subject, note: concept.note, source: concept.source, now });
    this.db.prepare('DELETE FROM terms WHERE concept_id = ?').run(concept.id);
    const insert = this.db.prepare(
      `INSERT INTO terms (concept_id, locale, text, status, note, approval, approved_by, approved_at, updated_at)
       VALUES (@conceptId, @locale, @text, @status, @note, @approval, @approvedBy, @approvedAt, @now)`,
    );
    for (const term of concept.terms) insert.run({ conceptId: concept.id, ...term, now });
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM concepts WHERE id = ?').run(id).changes > 0;
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM concepts').pluck().get() as number;
  }
}
