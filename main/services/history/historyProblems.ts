import type { Database } from 'better-sqlite3';
import type { CheckProblem } from '../checkLibrary';
import { LibraryStore } from '../LibraryStore';
import { pieceContentHash } from '../pieceContentHash';
import { recordsById } from './HistoryRecorder';

interface LastVersion {
  id: string;
  hash: string;
  deleted: number;
  whole: number;
}

/**
 * What `briefing check` verifies of the history: each piece's newest version is what the piece
 * holds now (same content hash; marked deleted exactly when the piece is gone) and keeps its whole
 * record, which every older version is read back from. A write that changed a piece without its
 * version — a program writing around the write gate, or a damaged file — shows here by name.
 * Pieces with no version yet (a library from before history, not written since) are not a problem.
 */
export function historyProblems(db: Database): CheckProblem[] {
  const hasHistory = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'piece_versions'").get();
  if (!hasHistory) return [];
  const last = db
    .prepare(
      `SELECT v.piece_id AS id, v.hash, v.deleted, v.snapshot IS NOT NULL AS whole FROM piece_versions v
       JOIN (SELECT piece_id, max(number) AS number FROM piece_versions GROUP BY piece_id) m
         ON m.piece_id = v.piece_id AND m.number = v.number
       ORDER BY v.piece_id`,
    )
    .all() as LastVersion[];
  if (last.length === 0) return [];
  const present = new Set(db.prepare("SELECT id FROM pieces WHERE kind <> 'section'").pluck().all() as string[]);
  const records = recordsById(new LibraryStore(db).readRecords(last.map((v) => v.id).filter((id) => present.has(id))));
  const problems: CheckProblem[] = [];
  for (const version of last) {
    if (!version.whole) problems.push({ key: 'historyDamaged', values: { piece: version.id } });
    const record = records.get(version.id);
    const matches = record ? !version.deleted && pieceContentHash(record) === version.hash : version.deleted === 1;
    if (!matches) problems.push({ key: 'historyBehind', values: { piece: version.id } });
  }
  return problems;
}
