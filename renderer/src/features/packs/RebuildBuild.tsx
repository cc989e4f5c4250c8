import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ApiOutputs } from '../../../../shared/api/apiContract';
import { getApi } from '../../api/getApi';
import { toApiError } from '../../api/ApiFailure';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useUiLocale } from '../../components/useUiLocale';
import { downloadPdf } from './pdfBytes';

type Rebuilt = ApiOutputs['packs.rebuild'];

/**
 * One past build made again from the manifests the library kept (its files may be gone), then
 * offered for saving: a save dialog in the desktop app, a download in a browser. Says whether
 * each file has the bytes first built; a missing version is named by the error, with its piece.
 */
export function RebuildBuild({ buildId, onClose }: { buildId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const [files, setFiles] = useState<Rebuilt | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    getApi()['packs.rebuild']({ buildId, locale }).then(
      (r) => live && (r.ok ? setFiles(r.value) : setError(r.error)),
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [buildId, locale]);

  // The outcome takes the focus, so a screen reader says it as it comes.
  useEffect(() => {
    if (files || error) box.current?.focus();
  }, [files, error]);

  const editionName = (edition: string) => t(`ui:edition.${edition}`, { defaultValue: edition });
  return (
    <div className="rebuild-build" data-testid="rebuild-build" ref={box} tabIndex={-1}>
      {!files && !error ? (
        <p role="status" className="hint">
          {t('ui:rebuild.working')}
        </p>
      ) : null}
      {error ? <ErrorAlert error={error} testId="rebuild-error" /> : null}
      {saveError ? (
        <p className="alert alert-error" role="alert">
          {saveError}
        </p>
      ) : null}
      {files ? (
        <ul className="rebuild-files">
          {files.map((f) => (
            <li key={f.downloadId} data-testid={`rebuilt-${f.edition}`} data-same={String(f.same)}>
              <span>{t(f.same ? 'ui:rebuild.same' : 'ui:rebuild.differs', { edition: editionName(f.edition), file: f.fileName })}</span>{' '}
              <button
                type="button"
                data-testid={`rebuilt-save-${f.edition}`}
                aria-label={t('ui:report.downloadNamed', { edition: editionName(f.edition) })}
                onClick={() => {
                  setSaveError(null);
                  void downloadPdf(f.downloadId, f.fileName).catch((e: unknown) => setSaveError(t('ui:report.downloadFailed', { detail: (e as Error)?.message ?? String(e) })));
                }}
              >
                {t('ui:report.download')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <button type="button" data-testid="rebuild-close" onClick={onClose}>
        {t('ui:rebuild.close')}
      </button>
    </div>
  );
}

