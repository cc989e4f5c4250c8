import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StateCounts } from '../../../../shared/api/translationTypes';

/** Approved texts out of all, as a labelled <progress>, with the other states spelled out beside it. */
export function ProgressBar({ label, counts, testId }: { label: string; counts: StateCounts; testId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const percent = counts.total === 0 ? 100 : Math.round((counts.approved / counts.total) * 100);
  return (
    <div className="tr-progress-row" data-testid={testId} data-approved={counts.approved} data-total={counts.total}>
      <span id={`${id}-label`} className="tr-progress-label">
        {label}
      </span>
      <progress
        max={Math.max(counts.total, 1)}
        value={counts.total === 0 ? 1 : counts.approved}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-detail`}
        aria-valuetext={t('ui:translate.progress.valueText', { percent, approved: counts.approved, count: counts.total })}
      />
      <span id={`${id}-detail`} className="tr-progress-detail">
        {t('ui:translate.progress.detail', {
          percent,
          approved: counts.approved,
          draft: counts.draft,
          stale: counts.stale,
          missing: counts.missing,
          count: counts.total,
        })}
      </span>
    </div>
  );
}
