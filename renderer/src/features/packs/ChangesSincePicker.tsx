import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PastBuild } from '../../../../shared/api/buildRecordTypes';
import { getApi } from '../../api/getApi';

/** What the next build's "Changes since" page compares with: an earlier build's id, or one of these. */
export type ChangesSinceChoice = 'distributed' | 'none' | string;

/** The pack's build most recently sent to anyone, as main picks it (lastDistributedBuild). */
export function lastDistributed(builds: readonly PastBuild[]): PastBuild | null {
  let best: { build: PastBuild; at: string } | null = null;
  for (const b of builds) {
    if (b.status !== 'ok') continue;
    for (const d of b.distributedTo) if (!best || d.at > best.at) best = { build: b, at: d.at };
  }
  return best?.build ?? null;
}

/**
 * Chooses the earlier build the "Changes since" page and change bars compare with: by default
 * the last build marked as distributed (named, when there is one), none, or any finished build.
 */
export function ChangesSincePicker({
  packId,
  value,
  onChange,
  refresh,
  disabled,
  id,
}: {
  packId: string;
  value: ChangesSinceChoice;
  onChange: (value: ChangesSinceChoice) => void;
  refresh: number;
  disabled: boolean;
  id: string;
}) {
  const { t, i18n } = useTranslation();
  const [builds, setBuilds] = useState<PastBuild[]>([]);

  useEffect(() => {
    let live = true;
    getApi()['packs.builds']({ packId }).then(
      (r) => live && r.ok && setBuilds(r.value.filter((b) => b.status === 'ok')),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [packId, refresh]);

  const when = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const editions = (b: PastBuild) => b.editions.map((e) => t(`ui:edition.${e}`, { defaultValue: e })).join(', ');
  const sent = lastDistributed(builds);
  // A chosen build that is no longer listed (deleted pack history) falls back to the default.
  const shown = value === 'distributed' || value === 'none' || builds.some((b) => b.id === value) ? value : 'distributed';
  return (
    <div className="field">
      <label htmlFor={id}>{t('ui:changesSince.label')}</label>
      <select id={id} value={shown} data-testid="build-changes-since" disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        <option value="distributed">
          {sent ? t('ui:changesSince.distributed', { date: when(sent.builtAt) }) : t('ui:changesSince.distributedNone')}
        </option>
        <option value="none">{t('ui:changesSince.none')}</option>
        {builds.map((b) => (
          <option key={b.id} value={b.id}>
            {b.distributedTo.length > 0
              ? t('ui:changesSince.buildSent', { date: when(b.builtAt), editions: editions(b), names: b.distributedTo.map((d) => d.recipient).join(', ') })
              : t('ui:changesSince.build', { date: when(b.builtAt), editions: editions(b) })}
          </option>
        ))}
      </select>
    </div>
  );
}
