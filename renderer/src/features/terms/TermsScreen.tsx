import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Concept } from '../../../../shared/terms/termTypes';
import { getApi } from '../../api/getApi';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { foldText } from '../../components/foldText';
import { StatusBadge } from '../../components/StatusBadge';
import { ConceptEditor } from './ConceptEditor';
import { conceptMatches } from './conceptMatches';
import { ConflictList, TbxPanel } from './TbxPanel';
import { termbaseConflicts } from '../../../../shared/terms/termbaseConflicts';
import type { ApiError } from '../../../../shared/api/apiContract';
import { useUiLocale } from '../../components/useUiLocale';
import { conceptName } from './conceptName';
import './terms.css';

/**
 * The termbase: its concepts with their terms in each language, searched as the user types,
 * each opened in a form to change its terms and their status; a new concept from the same form.
 */
export function TermsScreen() {
  const { t } = useTranslation();
  const concepts = useApiQuery('terms', () => getApi()['terms.list']({}));
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Concept | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  const uiLocale = useUiLocale();
  // The last deletion, until it is undone or something else is done: its Undo stands beside the notice.
  const [undo, setUndo] = useState<{ concept: Concept; token: string } | null>(null);
  const [undoError, setUndoError] = useState<ApiError | null>(null);
  const undoDelete = async (last: { concept: Concept; token: string }) => {
    setUndoError(null);
    const result = await getApi()['terms.undoDelete']({ undoToken: last.token });
    if (!result.ok) return setUndoError(result.error);
    setUndo(null);
    setNotice(t('ui:terms.restored', { term: conceptName(result.value, uiLocale), id: result.value.id }));
    concepts.reload();
  };
  const folded = foldText(search.trim());
  const conflicts = useMemo(() => termbaseConflicts(concepts.data ?? []), [concepts.data]);
  const shown = useMemo(() => (concepts.data ?? []).filter((c) => conceptMatches(c, folded)), [concepts.data, folded]);

  return (
    <div className="terms">
      <div className="terms-head">
        <h2>{t('ui:terms.title')}</h2>
        <p className="hint">{t('ui:terms.intro')}</p>
      </div>
      <div className="terms-toolbar">
        <label>
          {t('ui:terms.search')}
          <input type="search" data-testid="terms-search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <button type="button" className="button-primary" data-testid="concept-new" onClick={() => setEditing('new')}>
          {t('ui:terms.newConcept')}
        </button>
      </div>
      <p className="count" role="status" data-testid="terms-count">
        {concepts.data ? t('ui:terms.count', { count: shown.length, total: concepts.data.length }) : t('ui:loading')}
      </p>
      {notice ? (
        <p role="status" className="hint" data-testid="terms-notice">
          {notice}
          {undo ? (
            <>
              {' '}
              <button type="button" className="button-link" data-testid="concept-undo-delete" onClick={() => void undoDelete(undo)}>
                {t('ui:terms.undoDelete')}
              </button>
            </>
          ) : null}
        </p>
      ) : null}
      <ErrorAlert error={undoError} testId="concept-undo-error" />
      <ErrorAlert error={concepts.error} testId="terms-error" />
      {conflicts.length > 0 ? <ConflictList conflicts={conflicts} /> : null}
      {editing !== null ? (
        <ConceptEditor
          key={editing === 'new' ? 'new' : editing.id}
          concept={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setUndo(null);
            setNotice(t('ui:terms.saved', { id: saved.id }));
            setEditing(null);
            concepts.reload();
          }}
          onDeleted={(deleted, token) => {
            setUndo({ concept: deleted, token });
            setUndoError(null);
            setNotice(t('ui:terms.deletedNamed', { term: conceptName(deleted, uiLocale), id: deleted.id }));
            setEditing(null);
            concepts.reload();
          }}
        />
      ) : null}
      <TbxPanel onImported={() => concepts.reload()} />
      <ul className="concept-list" data-testid="concept-list">
        {shown.map((concept) => (
          <li key={concept.id} className="concept-card" data-testid="concept" data-concept={concept.id}>
            <div className="concept-head">
              <strong>{concept.id}</strong>
              {concept.subject ? <span className="kind-label">{concept.subject}</span> : null}
              <span className="terms-gap" />
              <button type="button" data-testid="concept-edit" onClick={() => setEditing(concept)}>
                {t('ui:terms.edit')}
              </button>
            </div>
            {concept.note ? <p className="hint">{concept.note}</p> : null}
            <ul className="concept-terms">
              {concept.terms.map((term) => (
                <li key={`${term.locale}-${term.text}`} className={`term term-${term.status}`} data-status={term.status}>
                  <span className="term-lang">{term.locale}</span>
                  <span lang={term.locale} className="term-text">
                    {term.text}
                  </span>
                  <span className={`term-status term-status-${term.status}`}>{t(`ui:terms.status.${term.status}`)}</span>
                  <StatusBadge locale={term.locale} state={term.approval} />
                </li>
              ))}
            </ul>
            {concept.source ? <p className="hint concept-source">{t('ui:terms.sourceLine', { source: concept.source })}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
