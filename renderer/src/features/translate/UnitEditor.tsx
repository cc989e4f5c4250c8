import { useId, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import { type Locale } from '../../../../shared/domain/locales';
import type { StoredTextStatus } from '../../../../shared/domain/pieceKinds';
import { checkTranslation } from '../../../../shared/translation/checkTranslation';
import type { TermContext } from '../../../../shared/translation/checkTerms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatWhen } from '../../components/formatWhen';
import { Markdown } from '../../components/Markdown';
import { StatusBadge } from '../../components/StatusBadge';
import { useUiLocale } from '../../components/useUiLocale';
import { CheckList } from './CheckList';
import { TermHints } from './TermHints';
import { MEMORY_SHORTCUTS, MemoryMatches, numberedMatches } from './MemoryMatches';
import { getApi } from '../../api/getApi';
import { useApiQuery } from '../../api/useApiQuery';
import { WordDiff } from './WordDiff';
import { signature, type ListedUnit, type WorkUnit } from './workUnit';
import { unitHeading } from './unitHeading';

/**
 * Source and translation side by side for one unit, with its state, what changed and the live
 * checks. Until the whole unit has come (`work`), its row (`item`) names it and the texts wait.
 */
export function UnitEditor({
  item,
  work,
  loadError,
  source,
  target,
  text,
  onText,
  dirty,
  saving,
  error,
  message,
  notice,
  position,
  textareaRef,
  onSave,
  onRevert,
  onMove,
  onReload,
  terms,
}: {
  item: ListedUnit;
  work: WorkUnit | null;
  /** Why the whole unit could not be read. */
  loadError: ApiError | null;
  source: Locale;
  target: Locale;
  text: string;
  onText: (text: string) => void;
  dirty: boolean;
  saving: boolean;
  error: ApiError | null;
  /** A refusal made here, before asking main (an empty translation). */
  message: string | null;
  notice: string;
  position: { index: number; count: number };
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  onSave: (status: StoredTextStatus, next: boolean) => void;
  onRevert: () => void;
  onMove: (delta: 1 | -1) => void;
  onReload: () => void;
  /** The termbase, for library texts once it has come. */
  terms?: TermContext;
}) {
  const { t } = useTranslation();
  const uiLocale = useUiLocale();
  const id = useId();
  const [preview, setPreview] = useState(false);
  const shown = work ?? item;
  const { unit } = shown;
  const sourceText = work?.unit.source ?? '';
  const { title, detail } = unitHeading(shown, t);
  const checks = useMemo(() => (work ? checkTranslation(sourceText, text, terms) : []), [work, sourceText, text, terms]);
  const memoryRef = work?.mode === 'library' ? { pieceId: work.unit.pieceId, field: work.unit.field, source, target } : null;
  const memory = useApiQuery(memoryRef ? `memory|${memoryRef.pieceId}|${memoryRef.field}|${source}|${target}` : null, () =>
    getApi()['memory.matches'](memoryRef!),
  );
  const segments = memory.data ?? [];
  // A match goes in at the cursor (over the selection), as CAT tools insert into a segment.
  const insert = (value: string) => {
    const area = textareaRef.current;
    const start = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? text.length;
    onText(text.slice(0, start) + value + text.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + value.length, start + value.length);
    });
  };
  const onMemoryKey = (event: KeyboardEvent<HTMLElement>) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || !/^[1-9]$/.test(event.key)) return;
    const n = Number(event.key) - 1;
    const picked = numberedMatches(segments)[n];
    if (!picked || n >= MEMORY_SHORTCUTS) return;
    event.preventDefault();
    insert(picked.match.target);
  };
  const signed = signature(shown);
  const sourceLanguage = t(`ui:language.${source}`);
  const targetLanguage = t(`ui:language.${target}`);
  const lines = sourceText.split('\n').length + Math.floor(sourceText.length / 70);
  const madeFrom = shown.mode === 'library' && shown.unit.targetFrom && shown.unit.targetFrom !== source ? shown.unit.targetFrom : null;

  return (
    <section
      className="tr-editor"
      aria-labelledby={`${id}-heading`}
      data-testid="tr-editor"
      data-unit={item.key}
      aria-busy={work === null && !loadError}
      onKeyDown={onMemoryKey}
    >
      <div className="tr-editor-head">
        <h3 id={`${id}-heading`}>
          {title} <span className="kind-label">{detail}</span>
        </h3>
        <span data-testid="tr-state" data-state={unit.state}>
          <StatusBadge locale={target} state={unit.state} />
        </span>
        <span className="hint" data-testid="tr-position">
          {t('ui:translate.position', { position: position.index + 1, total: position.count })}
        </span>
      </div>
      {signed.by || signed.at ? (
        <p className="hint tr-signature" data-testid="tr-signature">
          {unit.state === 'approved' && shown.mode === 'library'
            ? t('ui:translate.approvedBy', { name: signed.by ?? t('ui:translate.someone'), date: signed.at ? formatWhen(signed.at, uiLocale) : '—' })
            : t('ui:translate.changedBy', { name: signed.by ?? t('ui:translate.someone'), date: signed.at ? formatWhen(signed.at, uiLocale) : '—' })}
        </p>
      ) : null}
      {madeFrom ? <p className="hint">{t('ui:translate.madeFrom', { language: t(`ui:language.${madeFrom}`) })}</p> : null}
      {work && work.unit.state === 'stale' ? (
        <div className="tr-stale">
          <p className="tr-stale-title">{t('ui:translate.staleIntro', { language: sourceLanguage })}</p>
          {work.unit.previousSource !== null ? (
            <WordDiff before={work.unit.previousSource} after={work.unit.source} lang={source} />
          ) : (
            <p className="hint">{t('ui:translate.previousUnknown')}</p>
          )}
        </div>
      ) : null}
      <div className="tr-columns">
        <div className="tr-column">
          <div className="tr-column-head">
            <span id={`${id}-source`} className="tr-column-label">
              {t('ui:translate.sourceLabel', { language: sourceLanguage })}
            </span>
            {shown.mode === 'library' ? (
              <label className="tr-preview-toggle">
                <input type="checkbox" checked={preview} onChange={(e) => setPreview(e.target.checked)} data-testid="tr-preview" />
                {t('ui:translate.formatted')}
              </label>
            ) : null}
          </div>
          <div className="tr-source-text" role="region" aria-labelledby={`${id}-source`} lang={source} data-testid="tr-source-text" tabIndex={0}>
            {work ? (
              preview ? (
                <Markdown source={sourceText} />
              ) : (
                sourceText
              )
            ) : loadError ? (
              <ErrorAlert error={loadError} testId="tr-unit-error" />
            ) : (
              <span className="hint" role="status" data-testid="tr-unit-loading">
                {t('ui:loading')}
              </span>
            )}
          </div>
        </div>
        <div className="tr-column">
          <div className="tr-column-head">
            <label htmlFor={`${id}-target`} className="tr-column-label">
              {t('ui:translate.targetLabel', { language: targetLanguage })}
            </label>
          </div>
          <textarea
            ref={textareaRef}
            id={`${id}-target`}
            lang={target}
            data-testid="tr-target-text"
            value={text}
            disabled={work === null}
            rows={Math.min(18, Math.max(3, lines + 1))}
            aria-describedby={`${id}-checks`}
            aria-keyshortcuts="Control+Enter Control+Shift+Enter Alt+ArrowDown Alt+ArrowUp"
            onChange={(e) => onText(e.target.value)}
          />
          {work ? <MemoryMatches segments={segments} source={source} target={target} onInsert={insert} /> : null}
          {terms && work ? <TermHints source={sourceText} target={text} terms={terms} /> : null}
          <CheckList id={`${id}-checks`} checks={checks} />
        </div>
      </div>
      {message ? (
        <p className="alert alert-error" role="alert" data-testid="tr-error">
          {message}
        </p>
      ) : null}
      {error ? (
        <div className="tr-error">
          <ErrorAlert error={error} testId="tr-error" />
          {error.code === 'translation.sourceChanged' ? (
            <button type="button" data-testid="tr-reload" onClick={onReload}>
              {t('ui:translate.reload')}
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="tr-actions">
        <button type="button" data-testid="tr-prev" disabled={position.index <= 0} onClick={() => onMove(-1)} aria-keyshortcuts="Alt+ArrowUp">
          ↑ {t('ui:translate.previous')}
        </button>
        <button type="button" data-testid="tr-next" disabled={position.index >= position.count - 1} onClick={() => onMove(1)} aria-keyshortcuts="Alt+ArrowDown">
          ↓ {t('ui:translate.next')}
        </button>
        <span className="tr-actions-gap" />
        {work?.mode === 'ui' && work.unit.overridden ? (
          <button type="button" className="button-danger-outline" data-testid="tr-revert" disabled={saving} onClick={onRevert}>
            {t('ui:translate.revert')}
          </button>
        ) : null}
        <button type="button" data-testid="tr-save-draft" disabled={saving || !work} onClick={() => onSave('draft', false)}>
          {t('ui:translate.saveDraft')}
        </button>
        <button type="button" data-testid="tr-save-next" disabled={saving || !work} onClick={() => onSave('draft', true)} aria-keyshortcuts="Control+Enter">
          {t('ui:translate.saveNext')}
        </button>
        <button
          type="button"
          className="button-primary"
          data-testid="tr-approve-next"
          disabled={saving || !work}
          onClick={() => onSave('approved', true)}
          aria-keyshortcuts="Control+Shift+Enter"
        >
          {t('ui:translate.approveNext')}
        </button>
      </div>
      <p className="save-state" role="status" data-testid="tr-save-state">
        {saving ? t('ui:editor.saving') : dirty ? t('ui:editor.unsaved') : notice}
      </p>
    </section>
  );
}
