import type { BuildReport, Edition } from '../../../../shared/api/buildTypes';
import type { ValidationProblem } from '../../../../shared/schemas/validationProblems';

export type PieceWarningKind = 'termForbidden' | 'termMissing' | 'glyphs' | 'markdownLimited' | 'fallback';

export interface PieceWarning {
  kind: PieceWarningKind;
  edition: Edition;
  field: string;
  values: Record<string, string | number>;
}

export interface BuildWarningGroups {
  /** Per piece, in the order the report first names it. */
  pieces: { pieceId: string; warnings: PieceWarning[] }[];
  /** Warnings about no one piece (the watermark's characters, a build not recorded, "…and 12 more"). */
  general: ValidationProblem[];
  count: number;
}

const KINDS: Record<string, PieceWarningKind> = {
  'buildTerms.forbidden': 'termForbidden',
  'buildTerms.missing': 'termMissing',
  'layout.glyphs': 'glyphs',
  'layout.markdownLimited': 'markdownLimited',
};

/**
 * The id of the piece a warning is about: term findings carry it as their record (their `piece`
 * value is the title, for reading); the layout's warnings name it as `piece`.
 */
function pieceOf(w: ValidationProblem): string | null {
  if (w.key.startsWith('buildTerms.')) return w.recordId ?? null;
  const piece = w.values['piece'];
  return typeof piece === 'string' && piece !== '' && piece !== '?' ? piece : null;
}

/**
 * A build report's warnings as the pack builder lists them: by piece, with the texts printed in
 * another language (fallbacks) beside the term and layout findings, and what names no piece apart.
 */
export function groupBuildWarnings(report: Pick<BuildReport, 'warnings' | 'editions'>): BuildWarningGroups {
  const byPiece = new Map<string, PieceWarning[]>();
  const general: ValidationProblem[] = [];
  const add = (pieceId: string, warning: PieceWarning) => {
    const list = byPiece.get(pieceId);
    if (list) list.push(warning);
    else byPiece.set(pieceId, [warning]);
  };
  for (const w of report.warnings) {
    const kind = KINDS[w.key];
    const pieceId = pieceOf(w);
    const field = w.values['field'];
    if (!kind || !pieceId || typeof field !== 'string') {
      general.push(w);
      continue;
    }
    add(pieceId, { kind, edition: String(w.values['edition']) as Edition, field, values: w.values });
  }
  for (const e of report.editions) {
    for (const m of e.missing) add(m.pieceId, { kind: 'fallback', edition: e.locale, field: m.field, values: {} });
  }
  const pieces = [...byPiece].map(([pieceId, warnings]) => ({ pieceId, warnings }));
  return { pieces, general, count: general.length + pieces.reduce((n, p) => n + p.warnings.length, 0) };
}
