import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, BuiltPdf } from '../../../../shared/api/apiContract';
import type { PastBuild } from '../../../../shared/api/buildRecordTypes';
import { getApi } from '../../api/getApi';
import { toApiError, unwrap } from '../../api/ApiFailure';
import { ErrorAlert } from '../../components/ErrorAlert';
import { loadViewer } from './loadViewer';
import { DistributeForm } from './DistributeForm';
import { BuildChangesView } from './BuildChangesView';
import { RebuildBuild } from './RebuildBuild';

type ViewerDialogType = Awaited<ReturnType<typeof loadViewer>>['default'];

/**
 * The pack's past builds from the library's records: when, who, editions, pages, status. Open
 * shows a build's files in the viewer while they are still exactly as built; otherwise each
 * says it is gone or changed, with its path.
 */
export function PastBuilds({
  packId,
  refresh,
  onCompareWith,
  comparingWith,
  onDistributed,
}: {
  packId: string;
  refresh: number;
  /** Makes this build the one the next build's "Changes since" page compares with. */
  onCompareWith?: (buildId: string) => void;
  comparingWith?: string;
  /** After a build was marked as distributed (the default comparison may have changed). */
  onDistributed?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [builds, setBuilds] = useState<PastBuild[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [viewing, setViewing] = useState<{ pdfs: BuiltPdf[]; Viewer: ViewerDialogType } | null>(null);
  const [distributing, setDistributing] = useState<string | null>(null);
  const [comparing, setComparing] = useState<string | null>(null);
  const [rebuilding, setRebuilding] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    getApi()['packs.builds']({ packId }).then(
      (r) => live && (r.ok ? setBuilds(r.value) : setError(r.error)),
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [packId, refresh]);

  const open = async (build: PastBuild) => {
    try {
      const [pdfs, module] = await Promise.all([getApi()['packs.openBuild']({ buildId: build.id }).then(unwrap), loadViewer()]);
      if (pdfs.length > 0) setViewing({ pdfs, Viewer: module.default });
    } catch (caught) {
      setError(toApiError(caught));
    }
  };

  const when = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const editionName = (edition: string) => t(`ui:edition.${edition}`, { defaultValue: edition });
  const compared = (id: string) => {
    const earlier = builds?.find((x) => x.id === id);
    return earlier ? t('ui:changesSince.compared', { date: when(earlier.builtAt) }) : t('ui:changesSince.comparedUnlisted', { id: id.slice(0, 8) });
  };
  if (error) return <ErrorAlert error={error} />;
  if (!builds) return null;
  return (
    <section className="past-builds" aria-labelledby="past-builds-heading" data-testid="past-builds">
      <h4 id="past-builds-heading">{t('ui:pastBuilds.title')}</h4>
      {builds.length === 0 ? <p className="hint">{t('ui:pastBuilds.none')}</p> : null}
      <ul className="past-builds-list">
        {builds.map((b) => {
          const present = b.outputs.filter((o) => o.file === 'present');
          return (
            <li key={b.id} data-testid="past-build" data-status={b.status}>
              <div>
                <strong>{when(b.builtAt)}</strong> · {t('ui:pastBuilds.by', { name: b.builtBy })} · {t(`ui:pastBuilds.status.${b.status}`)}
              </div>
              <div className="hint">
                {b.outputs.length > 0
                  ? b.outputs.map((o) => t('ui:pastBuilds.output', { edition: editionName(o.edition), count: o.pages })).join(' · ')
                  : b.editions.map(editionName).join(' · ')}
                {b.error ? ` — ${t(`errors:${b.error.code}`, b.error.params)}` : ''}
              </div>
              {b.outputs
                .filter((o) => o.file !== 'present')
                .map((o) => (
                  <p key={o.edition} className="hint" data-testid="past-build-file-note">
                    {t(`ui:pastBuilds.file.${o.file}`, { edition: editionName(o.edition), path: o.path })}
                  </p>
                ))}
              {b.options.recipient ? (
                <p className="hint" data-testid="past-build-copy-for">
                  {t('ui:pastBuilds.copyFor', { name: b.options.recipient })}
                </p>
              ) : null}
              {b.options.changesSince ? (
                <p className="hint" data-testid="past-build-compared">
                  {compared(b.options.changesSince)}
                </p>
              ) : null}
              {b.distributedTo.length > 0 ? (
                <p className="hint" data-testid="past-build-recipients">
                  {t('ui:pastBuilds.sentTo', { names: b.distributedTo.map((d) => d.recipient).join(', ') })}
                </p>
              ) : null}
              {present.length > 0 ? (
                <button type="button" data-testid="past-build-open" onClick={() => void open(b)}>
                  {t('ui:pastBuilds.open')}
                </button>
              ) : null}
              {b.status === 'ok' && distributing !== b.id ? (
                <button type="button" data-testid="past-build-distribute" onClick={() => setDistributing(b.id)}>
                  {t('ui:pastBuilds.distribute')}
                </button>
              ) : null}
              {b.status === 'ok' && comparing !== b.id ? (
                <button type="button" data-testid="past-build-changes" onClick={() => setComparing(b.id)}>
                  {t('ui:buildChanges.open')}
                </button>
              ) : null}
              {b.status === 'ok' && onCompareWith ? (
                <button
                  type="button"
                  data-testid="past-build-compare-next"
                  aria-pressed={comparingWith === b.id}
                  onClick={() => onCompareWith(b.id)}
                >
                  {t('ui:changesSince.useThis')}
                </button>
              ) : null}
              {b.rebuildable && rebuilding !== b.id ? (
                <button type="button" data-testid="past-build-rebuild" onClick={() => setRebuilding(b.id)}>
                  {t('ui:rebuild.action')}
                </button>
              ) : null}
              {rebuilding === b.id ? <RebuildBuild buildId={b.id} onClose={() => setRebuilding(null)} /> : null}
              {comparing === b.id ? <BuildChangesView packId={packId} buildId={b.id} onClose={() => setComparing(null)} /> : null}
              {distributing === b.id ? (
                <DistributeForm
                  buildId={b.id}
                  onDone={(recipients) => {
                    setDistributing(null);
                    if (recipients) {
                      setBuilds((all) => all && all.map((x) => (x.id === b.id ? { ...x, distributedTo: recipients } : x)));
                      onDistributed?.();
                    }
                  }}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      {viewing ? (
        <viewing.Viewer
          editions={viewing.pdfs.map((pdf) => ({ edition: pdf.edition, downloadId: pdf.downloadId, fileName: pdf.fileName, label: editionName(pdf.edition) }))}
          initial={viewing.pdfs[0]!.downloadId}
          onClose={() => setViewing(null)}
        />
      ) : null}
    </section>
  );
}
