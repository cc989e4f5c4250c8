import type { Database, Statement } from 'better-sqlite3';
import { LOCALES, type Locale } from '../../../shared/domain/locales';
import type { LocalizedDoc, LocalizedTextDoc } from '../../../shared/schemas/common';
import type { PieceKind, StoredTextStatus } from '../../../shared/domain/pieceKinds';
import { hashSourceText } from '../textHash';
import { AppError } from '../../../shared/errors/AppError';
import { findBadCharacter } from '../../../shared/schemas/textCharacters';

interface TextRow {
  piece_id: string;
  field: string;
  locale: Locale;
  body: string;
  status: StoredTextStatus;
  source_locale: Locale | null;
  source_hash: string | null;
  approved_by: string | null;
  approved_at: string | null;
}

/** piece id → field → text in each locale */
export type TextsByPiece = Map<string, Map<string, LocalizedDoc>>;

/** Every reader-facing text, one row per piece, field and locale. */
export class TextsRepository {
  private readonly upsertStmt: Statement;
  private readonly deleteStmt: Statement<[string, string, string]>;
  private readonly byPieceStmt: Statement<[string], TextRow>;
  private readonly keepSourceStmt: Statement<[string, string]>;
  private readonly sourceTextStmt: Statement<[string], string>;

  constructor(private readonly db: Database) {
    this.upsertStmt = db.prepare(
      `INSERT INTO texts (piece_id, field, locale, body, body_hash, status, source_locale, source_hash, approved_by, approved_at, updated_at)
       VALUES (@pieceId, @field, @locale, @body, @bodyHash, @status, @sourceLocale, @sourceHash, @approvedBy, @approvedAt, @now)
       ON CONFLICT (piece_id, field, locale) DO UPDATE SET
         body = excluded.body, body_hash = excluded.body_hash, status = excluded.status, source_locale = excluded.source_locale,
         source_hash = excluded.source_hash, approved_by = excluded.approved_by,
         approved_at = excluded.approved_at, updated_at = excluded.updated_at
       WHERE body IS NOT excluded.body OR status IS NOT excluded.status
         OR source_locale IS NOT excluded.source_locale OR source_hash IS NOT excluded.source_hash
         OR approved_by IS NOT excluded.approved_by OR approved_at IS NOT excluded.approved_at`,
    );
    this.keepSourceStmt = db.prepare('INSERT OR IGNORE INTO source_texts (hash, body) VALUES (?, ?)');
    this.sourceTextStmt = db.prepare<[string], string>('SELECT body FROM source_texts WHERE hash = ?').pluck();
    this.deleteStmt = db.prepare('DELETE FROM texts WHERE piece_id = ? AND field = ? AND locale = ?');
    this.byPieceStmt = db.prepare<[string], TextRow>(
      'SELECT piece_id, field, locale, body, status, source_locale, source_hash, approved_by, approved_at FROM texts WHERE piece_id = ?',
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
      checkCharacters(entry.text, pieceId, field, locale);
      this.upsertStmt.run({
        pieceId,
        field,
        locale,
        body: entry.text,
        bodyHash: hashSourceText(entry.text),
        status: entry.status,
        sourceLocale: entry.from ?? null,
        sourceHash: entry.from ? (entry.sourceHash ?? null) : null,
        approvedBy: entry.status === 'approved' ? (entry.approvedBy ?? null) : null,
        approvedAt: entry.status === 'approved' ? (entry.approvedAt ?? null) : null,
        now,
      });
      // The source as translated, kept by hash: when it changes later, the translator sees a diff.
      const source = entry.from ? value?.[entry.from] : undefined;
      if (source && entry.sourceHash && hashSourceText(source.text) === entry.sourceHash) {
        this.keepSourceStmt.run(entry.sourceHash, source.text);
      }
    }
  }

  /** A source text as it was when a translation was made from it, if the library kept it. */
  sourceText(hash: string): string | null {
    return this.sourceTextStmt.get(hash) ?? null;
  }

  readAll(): TextsByPiece {
    const rows = this.db
      .prepare('SELECT piece_id, field, locale, body, status, source_locale, source_hash, approved_by, approved_at FROM texts')
      .all() as TextRow[];
    return group(rows);
  }

  /** The texts of pieces of some kinds only: a list of one kind need not read the whole library. */
  readForKinds(kinds: readonly PieceKind[]): TextsByPiece {
    const rows = this.db
      .prepare(
        `SELECT t.piece_id, t.field, t.locale, t.body, t.status, t.source_locale, t.source_hash, t.approved_by, t.approved_at
         FROM texts t JOIN pieces p ON p.id = t.piece_id
         WHERE p.kind IN (${kinds.map(() => '?').join(', ')})`,
      )
      .all(...kinds) as TextRow[];
    return group(rows);
  }

  /** Every text with its piece's kind (of one kind, or all): the translator's view reads these. */
  readWithKinds(kind: PieceKind | null): { kinds: Map<string, PieceKind>; texts: TextsByPiece } {
    const rows = this.db
      .prepare(
        `SELECT t.piece_id, p.kind, t.field, t.locale, t.body, t.status, t.source_locale, t.source_hash, t.approved_by, t.approved_at
         FROM texts t JOIN pieces p ON p.id = t.piece_id ${kind ? 'WHERE p.kind = ?' : ''}`,
      )
      .all(...(kind ? [kind] : [])) as (TextRow & { kind: PieceKind })[];
    const kinds = new Map<string, PieceKind>();
    for (const row of rows) kinds.set(row.piece_id, row.kind);
    return { kinds, texts: group(rows) };
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
    if (row.approved_by !== null) text.approvedBy = row.approved_by;
    if (row.approved_at !== null) text.approvedAt = row.approved_at;
    localized[row.locale] = text;
  }
  return out;
}

/**
 * The last guard of the rule every input already went through (shared/schemas/textCharacters):
 * a text that reached the library by another way (a command's option) is refused by name here,
 * inside the write's transaction, instead of by SQLite's CHECK as "Unexpected error".
 */
function checkCharacters(text: string, piece: string, field: string, locale: string): void {
  const bad = findBadCharacter(text);
  if (!bad) return;
  const params = { piece, field, locale, character: bad.character, line: bad.line, column: bad.column };
  if (bad.kind === 'surrogate') throw new AppError('texts.loneSurrogate', params);
  if (bad.kind === 'nonCharacter') throw new AppError('texts.nonCharacter', params);
  throw new AppError('texts.controlCharacter', params);
}
