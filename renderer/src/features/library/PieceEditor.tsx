import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, PieceRecord } from '../../../../shared/api/apiContract';
import { pickText } from '../../../../shared/domain/pickText';
import { countryName } from '../../../../shared/domain/countryName';
import type { Locale } from '../../../../shared/domain/locales';
import { getApi } from '../../api/getApi';
import { unwrap, toApiError } from '../../api/ApiFailure';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { problemPaths } from '../../components/describeApiError';
import { useUiLocale } from '../../components/useUiLocale';
import { useUnsavedChanges } from '../../navigation/NavigationProvider';
import { PriorityForm } from './forms/PriorityForm';
import { InstrumentForm } from './forms/InstrumentForm';
import { NoteForm } from './forms/NoteForm';
import { MeetingForm } from './forms/MeetingForm';
import { CountryForm } from './forms/CountryForm';
import { SourceForm } from './forms/SourceForm';

/** The piece's name in the interface language, for the editor's heading. */
function pieceTitle(piece: PieceRecord, locale: Locale): string {
  switch (piece.kind) {
    case 'country':
      return countryName(piece.record.code, locale, piece.record.formalName);
    case 'instrument':
      return pickText(piece.record.shortName, locale)?.text ?? piece.record.id;
    default:
      return pickText(piece.record.title, locale)?.text ?? piece.record.id;
  }
}

async function savePiece(piece: PieceRecord): Promise<PieceRecord> {
  const api = getApi();
  switch (piece.kind) {
    case 'priority':
      return { kind: 'priority', record: unwrap(await api['library.savePriority']({ record: piece.record })) };
    case 'instrument':
      return { kind: 'instrument', record: unwrap(await api['library.saveInstrument']({ record: piece.record })) };
    case 'note':
      return { kind: 'note', record: unwrap(await api['library.saveNote']({ record: piece.record })) };
    case 'meeting':
      return { kind: 'meeting', record: unwrap(await api['library.saveMeeting']({ record: piece.record })) };
    case 'country':
      return { kind: 'country', record: unwrap(await api['library.saveCountry']({ record: piece.record })) };
    case 'source':
      return { kind: 'source', record: unwrap(await api['library.saveSource']({ record: piece.record })) };
  }
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
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

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
          <button type="button" className="button-primary" onClick={() => void save()} disabled={!draft || saving} data-testid="save" aria-keyshortcuts="Control+S" title={t('ui:editor.saveShortcut')}>
            {t('ui:actions.save')}
          </button>
        </div>
      </div>
      <ErrorAlert error={error ?? loaded.error} />
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
          <p className="hint editor-id">{t('ui:editor.id', { id: draft.kind === 'country' ? draft.record.code : draft.record.id })}</p>
          {draft.kind === 'priority' ? (
            <PriorityForm record={draft.record} choices={choices.data} problems={problems} onChange={(record) => change({ kind: 'priority', record })} />
          ) : draft.kind === 'instrument' ? (
            <InstrumentForm record={draft.record} choices={choices.data} problems={problems} onChange={(record) => change({ kind: 'instrument', record })} />
          ) : draft.kind === 'note' ? (
            <NoteForm record={draft.record} choices={choices.data} problems={problems} onChange={(record) => change({ kind: 'note', record })} />
          ) : draft.kind === 'meeting' ? (
            <MeetingForm record={draft.record} choices={choices.data} problems={problems} onChange={(record) => change({ kind: 'meeting', record })} />
          ) : draft.kind === 'source' ? (
            <SourceForm record={draft.record} choices={choices.data} problems={problems} onChange={(record) => change({ kind: 'source', record })} />
          ) : (
            <CountryForm record={draft.record} choices={choices.data} problems={problems} onChange={(record) => change({ kind: 'country', record })} />
          )}
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
