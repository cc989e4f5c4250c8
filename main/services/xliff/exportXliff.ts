import type { Locale } from '../../../shared/domain/locales';
import type { TranslationState } from '../../../shared/domain/translationState';
import { AppError } from '../../../shared/errors/AppError';
import type { XliffFileOut, XliffState, XliffUnitOut } from '../../xliff/xliffTypes';
import { writeXliff } from '../../xliff/writeXliff';
import { XLIFF_MAX_BYTES } from '../../xliff/readXliff';
import type { LibraryStore } from '../LibraryStore';
import { listTranslationUnits } from '../translation/listTranslationUnits';
import { NO_PACK_SCOPE, type PackScopeOf } from '../translation/PackScope';
import { uiStringUnits } from '../uiStrings/uiStringUnits';
import { UI_FILE_PREFIX } from './xliffIds';
import { unitEnrichment } from './unitEnrichment';

export interface XliffExportRequest {
  source: Locale;
  target: Locale;
  packId: string | null;
  /** Interface strings instead of library texts. */
  ui: boolean;
  /** Only what needs work (missing, stale, draft); otherwise approved texts too, as context. */
  todoOnly: boolean;
}

const TODO: TranslationState[] = ['missing', 'stale', 'draft'];

/**
 * The state a CAT tool shows: approved texts are final, drafts translated; a stale translation
 * goes back to initial (its target kept as a starting point) so the tool puts it in the to-do list.
 */
function xliffState(state: TranslationState): XliffState {
  return state === 'approved' ? 'final' : state === 'draft' ? 'translated' : 'initial';
}

/**
 * One file per piece (or per interface namespace), one unit per text, with notes a translator
 * reads in the tool: what the piece is, its title, where it appears, and its state here.
 */
export function exportXliff(
  store: LibraryStore,
  request: XliffExportRequest,
  scopeOf: PackScopeOf = NO_PACK_SCOPE,
  maxBytes: number = XLIFF_MAX_BYTES,
): { fileName: string; xml: string; units: number } {
  if (request.ui && request.packId) throw new AppError('xliffImport.uiWithPack', {});
  const states = request.todoOnly ? TODO : undefined;
  const files: XliffFileOut[] = [];
  if (request.ui) {
    const byNamespace = new Map<string, XliffUnitOut[]>();
    for (const unit of uiStringUnits(store, { source: request.source, target: request.target, states })) {
      const list = byNamespace.get(unit.namespace) ?? [];
      list.push({
        id: unit.key,
        source: unit.source,
        target: unit.target,
        state: xliffState(unit.state),
        sourceHash: unit.sourceHash,
        notes: [
          { category: 'context', text: `Interface string ${unit.namespace}:${unit.key}` },
          { category: 'state', text: unit.state },
        ],
      });
      byNamespace.set(unit.namespace, list);
    }
    for (const [namespace, units] of byNamespace) {
      files.push({ id: `${UI_FILE_PREFIX}${namespace}`, notes: [{ category: 'context', text: `Interface strings (${namespace})` }], units });
    }
  } else {
    const { units } = listTranslationUnits(store, { source: request.source, target: request.target, packId: request.packId, states }, scopeOf);
    const enrich = unitEnrichment(store, request.source, request.target);
    const byPiece = new Map<string, XliffFileOut>();
    for (const unit of units) {
      let file = byPiece.get(unit.pieceId);
      if (!file) {
        const where = unit.packs.length > 0 ? `; in packs: ${unit.packs.join(', ')}` : '';
        file = { id: unit.pieceId, notes: [{ category: 'context', text: `${unit.kind} “${unit.title}”${where}` }], units: [] };
        byPiece.set(unit.pieceId, file);
        files.push(file);
      }
      file.units.push({
        id: unit.field,
        source: unit.source,
        target: unit.target,
        state: xliffState(unit.state),
        sourceHash: unit.sourceHash,
        notes: [
          { category: 'context', text: `${unit.kind} ${unit.pieceId}, field ${unit.field}` },
          { category: 'state', text: unit.state },
        ],
        ...enrich(unit.pieceId, unit.field, unit.source),
      });
    }
  }
  if (files.length === 0) {
    // An XLIFF document holds at least one file: an empty export would be refused by every tool.
    const params = { source: request.source, target: request.target };
    if (request.ui) throw new AppError('xliffImport.nothingToTranslateUi', params);
    if (request.packId) throw new AppError('xliffImport.nothingToTranslateInPack', { ...params, pack: request.packId });
    throw new AppError('xliffImport.nothingToTranslate', params);
  }
  const xml = withinImportLimit(request, files, maxBytes);
  const scope = request.ui ? '-ui' : request.packId ? `-${request.packId.replace(/[^A-Za-z0-9-]/g, '')}` : '';
  const count = files.reduce((n, f) => n + f.units.length, 0);
  return { fileName: `briefing-${request.source}-${request.target}${scope}.xlf`, xml, units: count };
}

/**
 * The document, as large as the import will take back: the memory's matches and then the
 * glossary are what a CAT tool can do without (the import ignores them), so past the limit they
 * go first, and the translations themselves are never cut. A whole 10,000-piece library's
 * enriched export came to 39 MB against the 32 MB import limit: a translator could not bring their
 * own work back.
 */
function withinImportLimit(request: XliffExportRequest, files: XliffFileOut[], maxBytes: number): string {
  const write = (list: XliffFileOut[]) => writeXliff({ srcLang: request.source, trgLang: request.target, files: list });
  let xml = write(files);
  if (Buffer.byteLength(xml, 'utf8') <= maxBytes) return xml;
  const without = (drop: (u: XliffUnitOut) => XliffUnitOut) => files.map((f) => ({ ...f, units: f.units.map(drop) }));
  const noMatches = without(({ candidates: _c, ...u }) => u);
  xml = write(noMatches);
  if (Buffer.byteLength(xml, 'utf8') <= maxBytes) return xml;
  return write(noMatches.map((f) => ({ ...f, units: f.units.map(({ glossary: _g, ...u }) => u) })));
}
