import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import { LOCALES, isLocale, type Locale } from '../../../../shared/domain/locales';
import { PAPER_SIZES, type PaperSize } from '../../../../shared/domain/pieceKinds';
import type { PackDoc } from '../../../../shared/schemas/libraryDocument';
import { getApi } from '../../api/getApi';
import { useApiQuery } from '../../api/useApiQuery';
import { toApiError, unwrap } from '../../api/ApiFailure';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { useUiLocale } from '../../components/useUiLocale';
import { MAX_ID_LENGTH, slugify } from '../../../../shared/domain/pieceIds';
import { storedEditionLanguage } from '../../preferences/preferences';

/** packs.create: a slug, a title in one language, a meeting and a paper size. */
export function NewPackDialog({ onCreated, onCancel }: { onCreated: (pack: PackDoc) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const uiLocale = useUiLocale();
  const choices = useApiQuery(`choices:${uiLocale}`, () => getApi()['library.choices']({ locale: uiLocale }));
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [lang, setLang] = useState<Locale>(() => {
    const edition = storedEditionLanguage(uiLocale);
    return isLocale(edition) ? edition : uiLocale;
  });
  const [meetingId, setMeetingId] = useState<string>('');
  const [paper, setPaper] = useState<PaperSize>('a4');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const shownSlug = slugEdited ? slug : slugify(title, MAX_ID_LENGTH - 'pack-'.length);

  const create = async () => {
    setBusy(true);
    try {
      const pack = unwrap(await getApi()['packs.create']({ slug: shownSlug, title, lang, meetingId: meetingId || null, paper, uniqueSlug: !slugEdited }));
      onCreated(pack);
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('ui:packs.newTitle')} confirmLabel={t('ui:packs.create')} busy={busy} testId="new-pack-dialog" onCancel={onCancel} onConfirm={() => void create()}>
      <ErrorAlert error={error} />
      <Field label={t('ui:fields.title')}>
        {(props) => <input {...props} type="text" value={title} maxLength={1000} onChange={(e) => setTitle(e.target.value)} data-testid="new-pack-title" />}
      </Field>
      <Field label={t('ui:packs.slug')} hint={t('ui:packs.slugHint')} invalid={error?.code === 'packs.badSlug' || error?.code === 'packs.slugTaken'}>
        {(props) => (
          <input {...props} type="text" value={shownSlug} maxLength={64} data-testid="new-pack-slug"
            onChange={(e) => {
              setSlug(e.target.value);
              setSlugEdited(true);
            }} />
        )}
      </Field>
      <div className="field-row">
        <Field label={t('ui:packs.titleLanguage')}>
          {(props) => (
            <select {...props} value={lang} onChange={(e) => setLang(e.target.value as Locale)} data-testid="new-pack-language">
              {LOCALES.map((l) => (
                <option key={l} value={l}>{t(`ui:languageName.${l}`)}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('ui:fields.paper')}>
          {(props) => (
            <select {...props} value={paper} onChange={(e) => setPaper(e.target.value as PaperSize)} data-testid="new-pack-paper">
              {PAPER_SIZES.map((p) => (
                <option key={p} value={p}>{t(`ui:paper.${p}`)}</option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('ui:fields.meeting')}>
        {(props) => (
          <select {...props} value={meetingId} onChange={(e) => setMeetingId(e.target.value)} data-testid="new-pack-meeting">
            <option value="">{t('ui:editor.none')}</option>
            {(choices.data?.meetings ?? []).map((m) => (
              <option key={m.id} value={m.id}>{m.label}</option>
            ))}
          </select>
        )}
      </Field>
    </Dialog>
  );
}
