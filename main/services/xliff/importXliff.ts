import { isLocale, type Locale } from '../../../shared/domain/locales';
import type { StoredTextStatus } from '../../../shared/domain/pieceKinds';
import { EDITABLE_NAMESPACES, type EditableNamespace, type XliffImportReport } from '../../../shared/api/translationTypes';
import { AppError } from '../../../shared/errors/AppError';
import type { ValidationProblem } from '../../../shared/schemas/validationProblems';
import { targetKeys } from '../../../shared/locales/flattenResources';
import { checkTranslation } from '../../../shared/translation/checkTranslation';
import { TermIndex } from '../../../shared/terms/TermIndex';
import { normalizeLineEnds } from '../../../shared/schemas/textCharacters';
import { readXliff } from '../../xliff/readXliff';
import type { XliffDocumentIn, XliffUnitIn } from '../../xliff/xliffTypes';
import type { Approver } from '../carryApprovals';
import type { LocalizedDoc } from '../../../shared/schemas/common';
import type { UiStringRow } from '../../db/repositories/UiStringsRepository';
import type { LibraryStore } from '../LibraryStore';
import { hashSourceText } from '../../db/textHash';
import { writeTranslation } from '../translation/saveTranslation';
import { effectiveStrings } from '../uiStrings/uiStringUnits';
import { writeUiString } from '../uiStrings/saveUiString';
import { UI_FILE_PREFIX } from './xliffIds';

/** `es-419` and `es-ES` are Spanish here: the library keeps one Spanish. */
function localeOf(tag: string, attribute: string): Locale {
  const primary = tag.split(/[-_]/)[0]!.toLowerCase();
  if (!isLocale(primary)) throw new AppError('xliffImport.unsupportedLanguage', { attribute, tag });
  return primary;
}

/** Where a unit's text lives in the library, and its source there now. */
type Resolved =
  | { kind: 'piece'; pieceId: string; field: string; source: string; current: { text: string; status: StoredTextStatus } | null }
  | { kind: 'ui'; namespace: EditableNamespace; key: string; source: string; current: { text: string; status: StoredTextStatus } | null };

/**
 * Reads a translated XLIFF 2.0 file and applies it all or nothing. Units whose source changed
 * in the library since export are reported and left out; a unit the file marks final but that
 * fails a translator's check goes in as a draft. Unknown units, or a file for other languages,
 * stop the whole import before anything is written.
 */
export function importXliff(
  store: LibraryStore,
  xml: string | XliffDocumentIn,
  options: { dryRun: boolean; approver: Approver },
): XliffImportReport {
  // The app parses off its request thread (ImportParser) and passes the document read.
  const doc = typeof xml === 'string' ? readXliff(xml) : xml;
  const source = localeOf(doc.srcLang, 'srcLang');
  const target = localeOf(doc.trgLang, 'trgLang');
  if (source === target) throw new AppError('translation.sameLanguage', { locale: source });

  const problems: ValidationProblem[] = [];
  const lookup = libraryLookup(store, source, target, doc.units.length);
  const resolved = doc.units.map((unit) => {
    const found = resolve(lookup, unit, source, target);
    if (typeof found === 'string') problems.push({ path: [], key: found, values: { file: unit.fileId, unit: unit.id } });
    return found;
  });
  if (problems.length > 0) throw new AppError('xliffImport.unknownUnits', { count: problems.length }, problems);

  const report: XliffImportReport = {
    dryRun: options.dryRun,
    sourceLocale: source,
    targetLocale: target,
    units: doc.units.length,
    applied: { approved: 0, draft: 0 },
    unchanged: 0,
    untranslated: 0,
    staleSource: [],
    downgraded: [],
  };
  const writes: (() => void)[] = [];
  // Library texts are held to the termbase as on approval in the app (writeTranslation checks again).
  const terms = { index: new TermIndex(store.terms.readAll()), source, target };
  doc.units.forEach((unit, index) => {
    const place = resolved[index] as Resolved;
    const currentHash = hashSourceText(place.source);
    if ((unit.sourceHash ?? hashSourceText(unit.source)) !== currentHash) {
      report.staleSource.push({ id: `${unit.fileId}/${unit.id}`, pieceId: place.kind === 'piece' ? place.pieceId : null, field: unit.id });
      return;
    }
    const text = unit.target === null ? null : normalizeLineEnds(unit.target);
    if (text === null || text.trim() === '' || unit.untranslatedSegments > 0) {
      report.untranslated += 1;
      return;
    }
    let status: StoredTextStatus = unit.state === 'final' ? 'approved' : 'draft';
    const checks = checkTranslation(place.source, text, place.kind === 'piece' ? terms : undefined);
    if (status === 'approved' && checks.length > 0) {
      status = 'draft';
      report.downgraded.push({ id: `${unit.fileId}/${unit.id}`, checks: checks.map((c) => c.key) });
    }
    // Changed words under an approved text go in as a draft (approvalAfterEdit): say so in the counts.
    if (status === 'approved' && place.kind === 'piece' && place.current?.status === 'approved' && place.current.text !== text) status = 'draft';
    if (place.current && place.current.text === text && place.current.status === status) {
      report.unchanged += 1;
      return;
    }
    report.applied[status] += 1;
    // A file's "final" is a claim, not an approval made here: changed words go in as drafts.
    const edit = { source, target, status, sourceHash: currentHash, approving: false };
    writes.push(
      place.kind === 'piece'
        ? () => writeTranslation(store, { ...edit, pieceId: place.pieceId, field: place.field, text }, options.approver)
        : () => void writeUiString(store, { ...edit, namespace: place.namespace, key: place.key, value: text }, options.approver),
    );
  });
  if (!options.dryRun && writes.length > 0) {
    store.write(() => {
      for (const write of writes) write();
    });
  }
  return report;
}

interface Lookup {
  fields(pieceId: string): Map<string, LocalizedDoc> | undefined;
  override(namespace: string, key: string): UiStringRow | undefined;
  /** A namespace's source strings, and the target keys that read each of them. */
  strings(namespace: EditableNamespace): { sources: Map<string, string>; keys: Map<string, string> };
}

/**
 * The library's texts as the units need them: read piece by piece for a small file, all at once
 * for a large one (a whole-library export has tens of thousands of units).
 */
function libraryLookup(store: LibraryStore, source: Locale, target: Locale, units: number): Lookup {
  const all = units > 500 ? store.texts.readWithKinds(null).texts : null;
  const overrides = new Map(store.uiStrings.readLocale(target).map((row) => [`${row.namespace}:${row.key}`, row]));
  const strings = new Map<EditableNamespace, { sources: Map<string, string>; keys: Map<string, string> }>();
  return {
    strings(namespace) {
      let found = strings.get(namespace);
      if (!found) {
        const sources = effectiveStrings(store, source, namespace);
        strings.set(namespace, (found = { sources, keys: targetKeys(sources.keys(), target) }));
      }
      return found;
    },
    fields: (pieceId) => (all ? all.get(pieceId) : store.texts.readPiece(pieceId)),
    override: (namespace, key) => overrides.get(`${namespace}:${key}`),
  };
}

/** The unit's place in the library, or the key of the problem that stops the import. */
function resolve(lookup: Lookup, unit: XliffUnitIn, source: Locale, target: Locale): Resolved | string {
  if (unit.fileId.startsWith(UI_FILE_PREFIX)) {
    const namespace = unit.fileId.slice(UI_FILE_PREFIX.length) as EditableNamespace;
    if (!EDITABLE_NAMESPACES.includes(namespace)) return 'xliffImport.unknownUiUnit';
    const { sources, keys } = lookup.strings(namespace);
    const sourceKey = keys.get(unit.id);
    if (sourceKey === undefined) return 'xliffImport.unknownUiUnit';
    const override = lookup.override(namespace, unit.id);
    return {
      kind: 'ui',
      namespace,
      key: unit.id,
      source: sources.get(sourceKey)!,
      current: override ? { text: override.value, status: override.status } : null,
    };
  }
  const value = lookup.fields(unit.fileId)?.get(unit.id);
  const sourceText = value?.[source];
  if (!value || !sourceText) return 'xliffImport.unknownUnit';
  const current = value[target];
  if (current && current.from === undefined) return 'xliffImport.originalUnit';
  return {
    kind: 'piece',
    pieceId: unit.fileId,
    field: unit.id,
    source: sourceText.text,
    current: current ? { text: current.text, status: current.status } : null,
  };
}
