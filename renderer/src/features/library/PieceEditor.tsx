import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { PieceConflicts } from '../sync/PieceConflicts';
import { useTranslation } from 'react-i18next';
import type { ApiError, PieceRecord } from '../../../../shared/api/apiContract';
import type { Locale } from '../../../../shared/domain/locales';
import { getApi } from '../../api/getApi';
import { unwrap, toApiError } from '../../api/ApiFailure';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { problemPaths } from '../../components/describeApiError';
import { useUiLocale } from '../../components/useUiLocale';
import { useUnsavedChanges } from '../../navigation/NavigationProvider';
import { DescriptorForm } from './forms/DescriptorForm';
import { recordTitle } from '../../../../shared/descriptors/pieceTitle';
import { HistoryDialog } from '../history/lazyHistoryDialog';

/** The piece's name in the interface language, for the editor's heading. */
function pieceTitle(piece: PieceRecord, locale: Locale): string {
  return recordTitle(piece.kind, piece.record, locale).text;
}

async function savePiece(piece: PieceRecord): Promise<PieceRecord> {
  return unwrap(await getApi()['library.save'](piece));
}

/**
 * Edits one piece in the three languages at once. Unsaved edits survive a failed save (the
 * error is shown in place, with the fields it names highlighted) and leaving asks first.
 */
export function PieceEditor({
  id,
  initial,
  onClose,
  actions,
}: {
  id: string;
  initial?: PieceRecord;
  onClose: () => void;
  /** More actions for the bar (Delete), beside Save. */
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const loaded = useApiQuery(initial ? null : `get:${id}`, () => getApi()['library.get']({ id }));
  const choices = useApiQuery(`choices:${locale}`, () => getApi()['library.choices']({ locale }));
  const [draft, setDraft] = useState<PieceRecord | null>(initial ?? null);
  const [dirty, setDirty] = useState(initial !== undefined);
  // Not in the library until its first save succeeds.
  const [isNew, setIsNew] = useState(initial !== undefined);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [historyOpen, setHistoryOpen] = useState(false);

  useUnsavedChanges(`piece:${id}`, dirty);

  useEffect(() => {
    const value = loaded.data;
    if (value) {
      setDraft(value);
      setDirty(false);
    }
  }, [loaded.data]);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const problems = useMemo(() => problemPaths(error), [error]);

  const change = (next: PieceRecord) => {
    setDraft(next);
    setDirty(true);
    setSavedAt(null);
  };

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    try {
      const saved = await savePiece(draft);
      setDraft(saved);
      setIsNew(false);
      setDirty(false);
      setError(null);
      setSavedAt(Date.now());
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setSaving(false);
    }
  };

  const title = draft ? pieceTitle(draft, locale) : id;

  return (
    <article
      className="editor"
      aria-labelledby="editor-heading"
      data-testid="editor"
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          if (!saving) void save();
        }
      }}
    >
      <div className="editor-bar">
        <button type="button" onClick={onClose} data-testid="back-to-list">
          ← {t('ui:editor.back')}
        </button>
        <h2 id="editor-heading" ref={heading} tabIndex={-1}>
          {draft ? (
            <span className="kind-label">{t(`ui:pieceKind.${draft.kind}`)}</span>
          ) : null}{' '}
          {title}
        </h2>
        <div className="editor-actions">
          <span className="save-state" role="status" data-testid="save-state">
            {saving ? t('ui:editor.saving') : dirty ? t('ui:editor.unsaved') : savedAt ? t('ui:editor.saved') : ''}
          </span>
          {actions}
          {isNew ? null : (
            <button
              type="button"
              onClick={() => setHistoryOpen(true)}
              // A restore replaces the record: unsaved edits would be lost under it.
              disabled={!draft || dirty}
              title={dirty ? t('ui:history.unsavedFirst') : undefined}
              data-testid="open-history"
            >
              {t('ui:history.open')}
            </button>
          )}
          <button type="button" className="button-primary" onClick={() => void save()} disabled={!draft || saving} data-testid="save" aria-keyshortcuts="Control+S" title={t('ui:editor.saveShortcut')}>
            {t('ui:actions.save')}
          </button>
        </div>
      </div>
      {historyOpen ? (
        <HistoryDialog
          id={id}
          title={title}
          onClose={() => setHistoryOpen(false)}
          onRestored={() => {
            void getApi()['library.get']({ id }).then((result) => {
              if (result.ok) {
                setDraft(result.value);
                setDirty(false);
              }
            });
          }}
        />
      ) : null}
      <ErrorAlert error={error ?? loaded.error} />
      {isNew ? null : <PieceConflicts pieceId={id} />}
      {!draft && loaded.loading ? <p className="loading">{t('ui:loading')}</p> : null}
      {draft ? (
        <form
          className="editor-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          aria-label={t('ui:editor.formLabel', { title })}
        >
          {/* The id is for those who look things up in files: folded away, not in the open. */}
          <details className="id-details editor-id">
            <summary>{t('ui:issues.details')}</summary>
            <code>{t('ui:editor.id', { id: draft.kind === 'country' ? draft.record.code : draft.record.id })}</code>
          </details>
          <DescriptorForm
            kind={draft.kind}
            record={draft.record as Record<string, unknown>}
            choices={choices.data}
            problems={problems}
            isNew={isNew}
            onChange={(record) => change({ kind: draft.kind, record } as PieceRecord)}
          />
          <div className="editor-footer">
            <button type="submit" className="button-primary" disabled={saving} data-testid="save-bottom">
              {t('ui:actions.save')}
            </button>
          </div>
        </form>
      ) : null}
    </article>
  );
}
