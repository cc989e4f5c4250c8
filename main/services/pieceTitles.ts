import type { Database, Statement } from 'better-sqlite3';
import type { Locale } from '../../shared/domain/locales';
import type { PieceKind } from '../../shared/domain/pieceKinds';
import type { LocalizedDoc } from '../../shared/schemas/common';
import { titleFieldOf } from '../../shared/descriptors/descriptors';
import { pieceTitle, TITLE_FIELDS } from '../../shared/descriptors/pieceTitle';

const statements = new WeakMap<Database, Map<string, Statement<unknown[]>>>();

/** Prepared once per connection: opening a piece runs a dozen small queries. */
export function prepared(db: Database, sql: string): Statement<unknown[]> {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare<unknown[]>(sql)));
  return stmt;
}

/** Titles of many pieces at once, in `locale` or the language they fall back to. */
export function titlesOf(db: Database, refs: { id: string; kind: PieceKind }[], locale: Locale): Map<string, { title: string; titleLocale: Locale }> {
  const out = new Map<string, { title: string; titleLocale: Locale }>();
  if (refs.length === 0) return out;
  const rows = prepared(
    db,
    `SELECT t.piece_id AS id, t.field, t.locale, t.body, t.status FROM texts t
     WHERE t.piece_id IN (SELECT value FROM json_each(?)) AND t.field IN (${TITLE_FIELDS.map((f) => `'${f}'`).join(', ')})`,
  ).all(JSON.stringify(refs.map((r) => r.id))) as { id: string; field: string; locale: Locale; body: string; status: 'draft' | 'approved' }[];
  const byPiece = new Map<string, Map<string, LocalizedDoc>>();
  for (const row of rows) {
    let fields = byPiece.get(row.id);
    if (!fields) byPiece.set(row.id, (fields = new Map()));
    const value = fields.get(row.field) ?? {};
    value[row.locale] = { text: row.body, status: row.status };
    fields.set(row.field, value);
  }
  for (const ref of refs) {
    const title = pieceTitle(ref.kind, ref.id, byPiece.get(ref.id)?.get(titleFieldOf(ref.kind)), locale);
    out.set(ref.id, { title: title.text, titleLocale: title.locale });
  }
  return out;
}

