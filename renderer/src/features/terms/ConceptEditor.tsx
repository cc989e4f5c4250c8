import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import { LOCALES, type Locale } from '../../../../shared/domain/locales';
import type { StoredTextStatus } from '../../../../shared/domain/pieceKinds';
import { TERM_STATUSES, type Concept, type TermStatus } from '../../../../shared/terms/termTypes';
import { getApi } from '../../api/getApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Dialog } from '../../components/Dialog';
import { useUiLocale } from '../../components/useUiLocale';
import { conceptName } from './conceptName';

interface TermRow {
  locale: Locale;
  text: string;
  status: TermStatus;
  note: string;
  approval: StoredTextStatus;
}

/** One concept's form: its fields, and a row per term (language, words, status, note, review state). */
export function ConceptEditor({
  concept,
  onSaved,
  onDeleted,
  onCancel,
}: {
  concept: Concept | null;
  onSaved: (saved: Concept) => void;
  /** The concept as it was, and the token that brings it back (terms.undoDelete). */
  onDeleted: (deleted: Concept, undoToken: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const uiLocale = useUiLocale();
  const [asking, setAsking] = useState(false);
  const id = useId();
  const [conceptId, setConceptId] = useState(concept?.id ?? '');
  const [subject, setSubject] = useState(concept?.subject ?? '');
  const [note, setNote] = useState(concept?.note ?? '');
  const [source, setSource] = useState(concept?.source ?? '');
  const [rows, setRows] = useState<TermRow[]>(
    concept?.terms.map((term) => ({ locale: term.locale, text: term.text, status: term.status, note: term.note ?? '', approval: term.approval })) ?? [
      { locale: 'en', text: '', status: 'preferred', note: '', approval: 'draft' },
    ],
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const setRow = (index: number, patch: Partial<TermRow>) => setRows((r) => r.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const save = async () => {
    setSaving(true);
    setError(null);
    const result = await getApi()['terms.save']({
      concept: {
        id: conceptId.trim(),
        subject,
        note,
        source,
        terms: rows.map((r) => ({ ...r, note: r.note })),
      },
    });
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  };
  const remove = async () => {
    if (!concept) return;
    setSaving(true);
    setError(null);
    const result = await getApi()['terms.delete']({ id: concept.id });
    setSaving(false);
    setAsking(false);
    if (result.ok) onDeleted(concept, result.value.undoToken);
    else setError(result.error);
  };

  return (
    <>
      <form
        className="concept-editor"
        data-testid="concept-editor"
        aria-labelledby={`${id}-title`}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h3 id={`${id}-title`}>{concept ? t('ui:terms.editTitle', { id: concept.id }) : t('ui:terms.newTitle')}</h3>
        <div className="concept-fields">
          <label>
            {t('ui:terms.fields.id')}
            <input data-testid="concept-id" value={conceptId} disabled={concept !== null} onChange={(e) => setConceptId(e.target.value)} required />
          </label>
          <label>
            {t('ui:terms.fields.subject')}
            <input data-testid="concept-subject" value={subject} onChange={(e) => setSubject(e.target.value)} />
          </label>
          <label className="concept-wide">
            {t('ui:terms.fields.note')}
            <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <label className="concept-wide">
            {t('ui:terms.fields.source')}
            <input value={source} onChange={(e) => setSource(e.target.value)} />
          </label>
        </div>
        <table className="term-rows">
          <caption className="sr-only">{t('ui:terms.termsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ui:terms.fields.language')}</th>
              <th scope="col">{t('ui:terms.fields.term')}</th>
              <th scope="col">{t('ui:terms.fields.status')}</th>
              <th scope="col">{t('ui:terms.fields.termNote')}</th>
              <th scope="col">{t('ui:terms.fields.approval')}</th>
              <th scope="col">
                <span className="sr-only">{t('ui:terms.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i} data-testid="term-row">
                <td>
                  <select aria-label={t('ui:terms.fields.language')} value={row.locale} onChange={(e) => setRow(i, { locale: e.target.value as Locale })}>
                    {LOCALES.map((l) => (
                      <option key={l} value={l}>
                        {t(`ui:language.${l}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input aria-label={t('ui:terms.fields.term')} data-testid="term-text" lang={row.locale} value={row.text} onChange={(e) => setRow(i, { text: e.target.value })} />
                </td>
                <td>
                  <select aria-label={t('ui:terms.fields.status')} data-testid="term-status" value={row.status} onChange={(e) => setRow(i, { status: e.target.value as TermStatus })}>
                    {TERM_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`ui:terms.status.${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input aria-label={t('ui:terms.fields.termNote')} value={row.note} onChange={(e) => setRow(i, { note: e.target.value })} />
                </td>
                <td>
                  <select aria-label={t('ui:terms.fields.approval')} value={row.approval} onChange={(e) => setRow(i, { approval: e.target.value as StoredTextStatus })}>
                    <option value="draft">{t('ui:status.draft')}</option>
                    <option value="approved">{t('ui:status.approved')}</option>
                  </select>
                </td>
                <td>
                  <button type="button" className="button-danger-outline" onClick={() => setRows((r) => r.filter((_, k) => k !== i))} disabled={rows.length === 1}>
                    {t('ui:terms.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" data-testid="term-add" onClick={() => setRows((r) => [...r, { locale: 'en', text: '', status: 'admitted', note: '', approval: 'draft' }])}>
          {t('ui:terms.addTerm')}
        </button>
        <ErrorAlert error={error} testId="concept-error" />
        <div className="concept-actions">
          {concept ? (
            <button type="button" className="button-danger-outline" data-testid="concept-delete" disabled={saving} onClick={() => setAsking(true)}>
              {t('ui:terms.deleteConcept')}
            </button>
          ) : null}
          <span className="terms-gap" />
          <button type="button" onClick={onCancel} disabled={saving}>
            {t('ui:actions.cancel')}
          </button>
          <button type="submit" className="button-primary" data-testid="concept-save" disabled={saving}>
            {t('ui:terms.save')}
          </button>
        </div>
      </form>
      {/* Outside the form: the dialog's own form must not submit this one. */}
      {asking && concept ? (
        <Dialog
          title={t('ui:terms.deleteAsk.title', { term: conceptName(concept, uiLocale) })}
          confirmLabel={t('ui:terms.deleteConcept')}
          danger
          busy={saving}
          testId="concept-delete-dialog"
          onCancel={() => setAsking(false)}
          onConfirm={() => void remove()}
        >
          <p>{t('ui:terms.deleteAsk.body', { id: concept.id, count: concept.terms.length })}</p>
          <ul className="concept-terms">
            {concept.terms.map((term) => (
              <li key={`${term.locale}-${term.text}`}>
                <span className="term-lang">{term.locale}</span> <span lang={term.locale}>{term.text}</span> ({t(`ui:terms.status.${term.status}`)})
              </li>
            ))}
          </ul>
          <p className="hint">{t('ui:terms.deleteAsk.undo')}</p>
        </Dialog>
      ) : null}
    </>
  );
}
