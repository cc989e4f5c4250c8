import type { Database, Statement } from 'better-sqlite3';
import { LOCALES, type Locale } from '../../../shared/domain/locales';
import type { LocalizedDoc, LocalizedTextDoc } from '../../../shared/schemas/common';
import type { PieceKind, StoredTextStatus } from '../../../shared/domain/pieceKinds';

interface TextRow {
  piece_id: string;
  field: string;
  locale: Locale;
  body: string;
  status: StoredTextStatus;
  source_locale: Locale | null;
  source_hash: string | null;
}

/** piece id → field → text in each locale */
export type TextsByPiece = Map<string, Map<string, LocalizedDoc>>;

/** Every reader-facing text, one row per piece, field and locale. */
export class TextsRepository {
  private readonly upsertStmt: Statement;
  private readonly deleteStmt: Statement<[string, string, string]>;
  private readonly byPieceStmt: Statement<[string], TextRow>;

  constructor(private readonly db: Database) {
    this.upsertStmt = db.prepare(
      `INSERT INTO texts (piece_id, field, locale, body, status, source_locale, source_hash, updated_at)
       VALUES (@pieceId, @field, @locale, @body, @status, @sourceLocale, @sourceHash, @now)
       ON CONFLICT (piece_id, field, locale) DO UPDATE SET
         body = excluded.body, status = excluded.status, source_locale = excluded.source_locale,
         source_hash = excluded.source_hash, updated_at = excluded.updated_at
       WHERE body IS NOT excluded.body OR status IS NOT excluded.status
         OR source_locale IS NOT excluded.source_locale OR source_hash IS NOT excluded.source_hash`,
    );
    this.deleteStmt = db.prepare('DELETE FROM texts WHERE piece_id = ? AND field = ? AND locale = ?');
    this.byPieceStmt = db.prepare<[string], TextRow>(
      'SELECT piece_id, field, locale, body, status, source_locale, source_hash FROM texts WHERE piece_id = ?',
    );
  }

  /** Writes one field in every locale: present locales are upserted, absent ones deleted. */
  replaceField(pieceId: string, field: string, value: LocalizedDoc | null, now: string): void {
    for (const locale of LOCALES) {
      const entry = value?.[locale];
      if (!entry) {
        this.deleteStmt.run(pieceId, field, locale);
        continue;
      }
      this.upsertStmt.run({
        pieceId,
        field,
        locale,
        body: entry.text,
        status: entry.status,
        sourceLocale: entry.from ?? null,
        sourceHash: entry.from ? (entry.sourceHash ?? null) : null,
        now,
      });
    }
  }

  readAll(): TextsByPiece {
    const rows = this.db
      .prepare('SELECT piece_id, field, locale, body, status, source_locale, source_hash FROM texts')
      .all() as TextRow[];
    return group(rows);
  }

  /** The texts of pieces of some kinds only: a list of one kind need not read the whole library. */
  readForKinds(kinds: readonly PieceKind[]): TextsByPiece {
    const rows = this.db
      .prepare(
        `SELECT t.piece_id, t.field, t.locale, t.body, t.status, t.source_locale, t.source_hash
         FROM texts t JOIN pieces p ON p.id = t.piece_id
         WHERE p.kind IN (${kinds.map(() => '?').join(', ')})`,
      )
      .all(...kinds) as TextRow[];
    return group(rows);
  }

  readPiece(pieceId: string): Map<string, LocalizedDoc> {
    return group(this.byPieceStmt.all(pieceId)).get(pieceId) ?? new Map();
  }
}

function group(rows: TextRow[]): TextsByPiece {
  const out: TextsByPiece = new Map();
  for (const row of rows) {
    let fields = out.get(row.piece_id);
    if (!fields) out.set(row.piece_id, (fields = new Map()));
    let localized = fields.get(row.field);
    if (!localized) fields.set(row.field, (localized = {}));
    const text: LocalizedTextDoc = { text: row.body, status: row.status };
    if (row.source_locale) {
      text.from = row.source_locale;
      text.sourceHash = row.source_hash ?? undefined;
    }
    localized[row.locale] = text;
  }
  return out;
}
