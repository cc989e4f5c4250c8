import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import type { ListEntry } from '../../../../shared/api/listTypes';
import { getApi } from '../../api/getApi';
import { toApiError, unwrap } from '../../api/ApiFailure';
import { useApiQuery } from '../../api/useApiQuery';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusBadges } from '../../components/StatusBadge';
import { useUiLocale } from '../../components/useUiLocale';
import { useNavigation } from '../../navigation/NavigationProvider';
import { NewPackDialog } from './NewPackDialog';
import { DuplicatePackDialog } from './DuplicatePackDialog';

interface PackRow {
  id: string;
  slug: string;
  title: string;
}

function asRow(entry: ListEntry): PackRow {
  return { id: entry.id, slug: String(entry.details.slug ?? entry.id), title: entry.title };
}

/** Every pack: open, duplicate, delete, or create a new one. */
export function PackList() {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const { navigate } = useNavigation();
  const packs = useApiQuery(`packs:${locale}`, () => getApi()['library.list']({ kind: 'packs', locale }));
  const [creating, setCreating] = useState(false);
  const [duplicating, setDuplicating] = useState<PackRow | null>(null);
  const [deleting, setDeleting] = useState<PackRow | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState('');
  const [deleted, setDeleted] = useState(false);
  const newPack = useRef<HTMLButtonElement>(null);

  // The deleted pack's row (and its Delete button, which had focus) is gone: on to New pack.
  useEffect(() => {
    if (!deleted || deleting) return;
    setDeleted(false);
    newPack.current?.focus();
  }, [deleted, deleting]);

  const remove = async (pack: PackRow) => {
    setBusy(true);
    try {
      unwrap(await getApi()['packs.delete']({ id: pack.id }));
      setNotice(t('ui:packs.deleted', { title: pack.title }));
      setError(null);
      setDeleted(true);
      packs.reload();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
      setDeleting(null);
    }
  };

  const entries = packs.data ?? [];
  return (
    <section className="packs" aria-labelledby="packs-heading">
      <div className="browser-head">
        <h2 id="packs-heading">{t('ui:packs.title')}</h2>
        <button ref={newPack} type="button" className="button-primary" data-testid="new-pack" onClick={() => setCreating(true)}>
          {t('ui:packs.new')}
        </button>
      </div>
      <ErrorAlert error={error ?? packs.error} />
      <p className="count" role="status">
        {notice || (packs.data ? t('ui:packs.count', { count: entries.length }) : t('ui:loading'))}
      </p>
      {packs.data && entries.length === 0 ? (
        <div className="empty" data-testid="empty">
          <p>{t('ui:packs.empty')}</p>
          <div className="empty-actions">
            <button type="button" className="button-primary" data-testid="empty-new-pack" onClick={() => setCreating(true)}>
              {t('ui:packs.new')}
            </button>
          </div>
        </div>
      ) : (
        <ul className="pack-list">
          {entries.map((entry) => {
            const row = asRow(entry);
            const sections = Number(entry.details.sections ?? 0);
            return (
              <li key={entry.id} className="pack-row">
                <button type="button" className="row" data-testid={`pack-${row.slug}`} onClick={() => navigate({ screen: 'packs', packId: entry.id })}>
                  <span className="row-main">
                    <span className="row-title" lang={entry.titleLocale}>{entry.title}</span>
                    <span className="row-details">
                      {row.slug} · {t('ui:packs.sectionCount', { count: sections })} · {t(`ui:paper.${entry.details.paper === 'letter' ? 'letter' : 'a4'}`)}
                    </span>
                  </span>
                  <StatusBadges states={entry.states} />
                </button>
                <div className="row-actions">
                  <button type="button" data-testid={`duplicate-${row.slug}`} aria-label={t('ui:packs.duplicateNamed', { title: row.title })} onClick={() => setDuplicating(row)}>
                    {t('ui:packs.duplicate')}
                  </button>
                  <button type="button" className="button-danger-outline" data-testid={`delete-${row.slug}`} aria-label={t('ui:packs.deleteNamed', { title: row.title })} onClick={() => setDeleting(row)}>
                    {t('ui:actions.delete')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {creating ? (
        <NewPackDialog onCancel={() => setCreating(false)} onCreated={(pack) => navigate({ screen: 'packs', packId: pack.id })} />
      ) : null}
      {duplicating ? (
        <DuplicatePackDialog pack={duplicating} onCancel={() => setDuplicating(null)} onDone={(copy) => navigate({ screen: 'packs', packId: copy.id })} />
      ) : null}
      {deleting ? (
        <Dialog
          title={t('ui:packs.deleteTitle')}
          confirmLabel={t('ui:actions.delete')}
          danger
          busy={busy}
          testId="delete-dialog"
          onCancel={() => setDeleting(null)}
          onConfirm={() => void remove(deleting)}
        >
          <p>{t('ui:packs.deleteMessage', { title: deleting.title, slug: deleting.slug })}</p>
        </Dialog>
      ) : null}
    </section>
  );
}
