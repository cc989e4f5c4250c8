import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../../shared/domain/locales';
import type { NoteDoc } from '../../../../shared/schemas/libraryDocument';
import { getApi } from '../../api/getApi';
import { useApiQuery } from '../../api/useApiQuery';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useUiLocale } from '../../components/useUiLocale';
import { CountrySelect } from './forms/CountrySelect';
import { newNoteRecord } from './newNoteRecord';

/** Starts a country note or a development note; the editor opens on it, unsaved. */
export function NewNoteDialog({ onCreate, onCancel }: { onCreate: (note: NoteDoc) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const uiLocale = useUiLocale();
  const choices = useApiQuery(`choices:${uiLocale}`, () => getApi()['library.choices']({ locale: uiLocale }));
  const [type, setType] = useState<'country' | 'development'>('development');
  const [country, setCountry] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [locale, setLocale] = useState<Locale>(uiLocale);
  const [tried, setTried] = useState(false);
  const titleMissing = title.trim() === '';
  const countryMissing = type === 'country' && !country;

  return (
    <Dialog
      title={t('ui:newNote.title')}
      confirmLabel={t('ui:newNote.create')}
      testId="new-note-dialog"
      onCancel={onCancel}
      onConfirm={() => {
        setTried(true);
        if (titleMissing || countryMissing) return;
        onCreate(newNoteRecord({ title, locale, countryCode: type === 'country' ? country : null }));
      }}
    >
      <fieldset className="radio-group">
        <legend>{t('ui:newNote.type')}</legend>
        <label>
          <input type="radio" name="note-type" value="development" checked={type === 'development'} onChange={() => setType('development')} data-testid="note-type-development" />
          {t('ui:newNote.development')}
        </label>
        <label>
          <input type="radio" name="note-type" value="country" checked={type === 'country'} onChange={() => setType('country')} data-testid="note-type-country" />
          {t('ui:newNote.country')}
        </label>
      </fieldset>
      {type === 'country' ? (
        <Field label={t('ui:fields.country')} invalid={tried && countryMissing} hint={tried && countryMissing ? t('ui:newNote.countryRequired') : undefined}>
          {(props) => <CountrySelect {...props} testId="new-note-country" value={country} choices={choices.data} onChange={setCountry} />}
        </Field>
      ) : null}
      <Field label={t('ui:fields.title')} invalid={tried && titleMissing} hint={tried && titleMissing ? t('ui:newNote.titleRequired') : undefined}>
        {(props) => <input {...props} type="text" maxLength={1000} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="new-note-title" />}
      </Field>
      <Field label={t('ui:newNote.language')}>
        {(props) => (
          <select {...props} value={locale} onChange={(e) => setLocale(e.target.value as Locale)} data-testid="new-note-language">
            {LOCALES.map((l) => (
              <option key={l} value={l}>{t(`ui:languageName.${l}`)}</option>
            ))}
          </select>
        )}
      </Field>
    </Dialog>
  );
}
