import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../../shared/domain/locales';
import type { SourceDoc } from '../../../../shared/schemas/libraryDocument';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useUiLocale } from '../../components/useUiLocale';
import { newSourceRecord } from './newSourceRecord';

/** Starts a citation with what every source needs (a title and who issued it); the editor opens on it, unsaved. */
export function NewSourceDialog({ onCreate, onCancel }: { onCreate: (source: SourceDoc) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const uiLocale = useUiLocale();
  const [title, setTitle] = useState('');
  const [issuer, setIssuer] = useState('');
  const [locale, setLocale] = useState<Locale>(uiLocale);
  const [tried, setTried] = useState(false);
  const titleMissing = title.trim() === '';
  const issuerMissing = issuer.trim() === '';

  return (
    <Dialog
      title={t('ui:newSource.title')}
      confirmLabel={t('ui:newSource.create')}
      testId="new-source-dialog"
      onCancel={onCancel}
      onConfirm={() => {
        setTried(true);
        if (titleMissing || issuerMissing) return;
        onCreate(newSourceRecord({ title, locale, issuer }));
      }}
    >
      <Field label={t('ui:fields.title')} invalid={tried && titleMissing} hint={tried && titleMissing ? t('ui:newSource.titleRequired') : undefined}>
        {(props) => <input {...props} type="text" maxLength={1000} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="new-source-title" />}
      </Field>
      <Field label={t('ui:newSource.language')}>
        {(props) => (
          <select {...props} value={locale} onChange={(e) => setLocale(e.target.value as Locale)} data-testid="new-source-language">
            {LOCALES.map((l) => (
              <option key={l} value={l}>{t(`ui:languageName.${l}`)}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('ui:fields.issuer')} invalid={tried && issuerMissing} hint={tried && issuerMissing ? t('ui:newSource.issuerRequired') : undefined}>
        {(props) => <input {...props} type="text" maxLength={1000} value={issuer} onChange={(e) => setIssuer(e.target.value)} data-testid="new-source-issuer" />}
      </Field>
    </Dialog>
  );
}
