import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditableKind, PieceRecord } from '../../../../shared/api/apiContract';
import { LOCALES, type Locale } from '../../../../shared/domain/locales';
import { descriptorOf } from '../../../../shared/descriptors/descriptors';
import { getApi } from '../../api/getApi';
import { useApiQuery } from '../../api/useApiQuery';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useUiLocale } from '../../components/useUiLocale';
import { newPieceProblems, newPieceRecord, nextPriorityNumber } from './newPieceRecord';

/**
 * Starts a network, meeting, priority, instrument or country: its name in one language (and its
 * network, or its country code), then the editor opens on it, unsaved. Nothing typed is lost on
 * a refusal: the dialog stays open with the field named.
 */
export function NewPieceDialog({ kind, onCreate, onCancel }: { kind: EditableKind; onCreate: (piece: PieceRecord) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const uiLocale = useUiLocale();
  const choices = useApiQuery(`choices:${uiLocale}`, () => getApi()['library.choices']({ locale: uiLocale }));
  const needsNetwork = kind === 'meeting' || kind === 'priority';
  const priorities = useApiQuery(kind === 'priority' ? `list:priorities:${uiLocale}` : null, () => getApi()['library.list']({ kind: 'priorities', locale: uiLocale }));
  const [title, setTitle] = useState('');
  const [code, setCode] = useState('');
  const [chosenNetwork, setNetwork] = useState<string | null>(null);
  const [locale, setLocale] = useState<Locale>(uiLocale);
  const [tried, setTried] = useState(false);
  const networks = choices.data?.networks ?? [];
  const networkId = chosenNetwork ?? networks[0]?.id ?? '';
  const problems = tried ? newPieceProblems(kind, { title, networkId, code }) : [];
  const descriptor = descriptorOf(kind);
  const titleLabel = t(descriptor.fields[descriptor.titleField]!.label);

  return (
    <Dialog
      title={t(`ui:newPiece.title.${kind}`)}
      confirmLabel={t('ui:newPiece.create')}
      testId={`new-${kind}-dialog`}
      // The network and the next free number come from the library: wait for them.
      busy={(needsNetwork && choices.loading && !choices.data) || (kind === 'priority' && !priorities.data)}
      onCancel={onCancel}
      onConfirm={() => {
        setTried(true);
        if (newPieceProblems(kind, { title, networkId, code }).length > 0) return;
        const taken = (priorities.data ?? []).filter((p) => p.details.networkId === networkId).map((p) => Number(p.details.number));
        onCreate(newPieceRecord(kind, { title, locale, networkId, code, number: nextPriorityNumber(taken) }));
      }}
    >
      {kind === 'country' ? (
        <Field label={t('ui:fields.country')} invalid={problems.includes('code')} hint={problems.includes('code') ? t('ui:newPiece.badCode') : t('ui:editor.countryCodeHint')}>
          {(props) => (
            <input {...props} type="text" maxLength={2} size={4} value={code} data-testid="new-piece-code" onChange={(e) => setCode(e.target.value.toUpperCase().trim())} />
          )}
        </Field>
      ) : null}
      {needsNetwork ? (
        <Field label={t('ui:fields.network')} invalid={problems.includes('networkId')} hint={problems.includes('networkId') ? t('ui:newPiece.networkRequired') : undefined}>
          {(props) => (
            <select {...props} value={networkId} data-testid="new-piece-network" onChange={(e) => setNetwork(e.target.value)}>
              {networks.length === 0 ? <option value="">{t('ui:newPiece.noNetwork')}</option> : null}
              {networks.map((n) => (
                <option key={n.id} value={n.id}>{n.label}</option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field
        label={kind === 'country' ? `${titleLabel} ${t('ui:editor.optional')}` : titleLabel}
        invalid={problems.includes('title')}
        hint={problems.includes('title') ? t('ui:newPiece.titleRequired', { field: titleLabel }) : undefined}
      >
        {(props) => <input {...props} type="text" maxLength={1000} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="new-piece-title" />}
      </Field>
      <Field label={t('ui:newNote.language')}>
        {(props) => (
          <select {...props} value={locale} onChange={(e) => setLocale(e.target.value as Locale)} data-testid="new-piece-language">
            {LOCALES.map((l) => (
              <option key={l} value={l}>{t(`ui:languageName.${l}`)}</option>
            ))}
          </select>
        )}
      </Field>
    </Dialog>
  );
}
