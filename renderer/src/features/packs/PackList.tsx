import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListEntry } from '../../../../shared/api/listTypes';
import { getApi } from '../../api/getApi';
import { useApiQuery } from '../../api/useApiQuery';
import { DeletedNotice } from '../trash/DeletedNotice';
import { DeleteDialog, TrashDialog } from '../trash/lazyDialogs';
import { useLibraryRevision } from '../trash/libraryRevision';
import type { DeleteResult } from '../../../../shared/api/deleteTypes';
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
  const revision = useLibraryRevision();
  const packs = useApiQuery(`packs:${locale}:${revision}`, () => getApi()['library.list']({ kind: 'packs', locale }));
  const [creating, setCreating] = useState(false);
  const [duplicating, setDuplicating] = useState<PackRow | null>(null);
  const [deleting, setDeleting] = useState<PackRow | null>(null);
  const [deleted, setDeleted] = useState<DeleteResult | null>(null);
  const [trashOpen, setTrashOpen] = useState(false);
  const newPack = useRef<HTMLButtonElement>(null);

  const entries = packs.data ?? [];
  return (
    <section className="packs" aria-labelledby="packs-heading">
      <div className="browser-head">
        <h2 id="packs-heading">{t('ui:packs.title')}</h2>
        <div className="head-actions">
          <button type="button" data-testid="open-trash" onClick={() => setTrashOpen(true)}>
            {t('ui:trash.open')}
          </button>
          <button ref={newPack} type="button" className="button-primary" data-testid="new-pack" onClick={() => setCreating(true)}>
            {t('ui:packs.new')}
          </button>
        </div>
      </div>
      {deleted ? (
        <DeletedNotice
          deleted={deleted}
          onDismiss={() => {
            setDeleted(null);
            newPack.current?.focus();
          }}
          onRestored={() => setDeleted(null)}
        />
      ) : null}
      <ErrorAlert error={packs.error} />
      <p className="count" role="status">
        {packs.data ? t('ui:packs.count', { count: entries.length }) : t('ui:loading')}
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
        <DeleteDialog
          id={deleting.id}
          testId="delete-dialog"
          onCancel={() => setDeleting(null)}
          onDeleted={(result) => {
            setDeleting(null);
            setDeleted(result);
          }}
        />
      ) : null}
      {trashOpen ? <TrashDialog onClose={() => setTrashOpen(false)} onRestored={() => setDeleted(null)} /> : null}
    </section>
  );
}
