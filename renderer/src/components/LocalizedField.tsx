import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, isLocale, type Locale } from '../../../shared/domain/locales';
import type { LocalizedDoc } from '../../../shared/schemas/common';
import { TEXT_STATUSES, type StoredTextStatus } from '../../../shared/domain/pieceKinds';
import type { TranslationState } from '../../../shared/domain/translationState';
import { setStatus, setText, setTranslatedFrom } from './editLocalized';
import { useTranslationStates } from './useTranslationStates';
import { fieldHasProblem } from './describeApiError';
import { Markdown } from './Markdown';
import { formatWhen } from './formatWhen';
import { useUiLocale } from './useUiLocale';

const STATE_ICONS: Record<TranslationState, string> = { approved: '✓', draft: '✎', stale: '⚠', missing: '∅' };

/**
 * One text field in the three languages, side by side (EN | FR | ES): the text, its status
 * (draft or approved), whether it is missing or stale, and what it was translated from.
 */
export function LocalizedField({
  name,
  label,
  value,
  onChange,
  nullable = false,
  multiline = false,
  markdown = false,
  problems,
  testPrefix,
}: {
  /** The record field (`title`); test ids are `field-<name>-<locale>`. */
  name: string;
  label: string;
  value: LocalizedDoc | null;
  onChange: (next: LocalizedDoc | null) => void;
  nullable?: boolean;
  multiline?: boolean;
  markdown?: boolean;
  /** Problem paths relative to the record (see problemPaths). */
  problems: readonly string[];
  /** Overrides `name` in test ids, for fields nested in a list (pack sections). */
  testPrefix?: string;
}) {
  const { t } = useTranslation();
  const uiLocale = useUiLocale();
  const states = useTranslationStates(value);
  const [preview, setPreview] = useState(true);
  const groupId = useId();
  const tid = testPrefix ?? name;
  const wholeFieldProblem = problems.some((p) => p === name);

  return (
    <fieldset className={`localized ${wholeFieldProblem ? 'has-problem' : ''}`} data-testid={`localized-${tid}`}>
      <legend>
        {label}
        {nullable ? <span className="optional"> {t('ui:editor.optional')}</span> : null}
      </legend>
      {markdown ? (
        <label className="preview-toggle">
          <input type="checkbox" checked={preview} onChange={(e) => setPreview(e.target.checked)} data-testid={`preview-toggle-${tid}`} />
          {t('ui:editor.livePreview')}
        </label>
      ) : null}
      <div className="localized-columns">
        {LOCALES.map((locale) => {
          const entry = value?.[locale];
          const state = states[locale];
          const language = t(`ui:language.${locale}`);
          const fieldLabel = t('ui:editor.fieldInLanguage', { field: label, language });
          const invalid = fieldHasProblem(problems, name, locale);
          const inputId = `${groupId}-${locale}`;
          const commonProps = {
            id: inputId,
            lang: locale,
            value: entry?.text ?? '',
            'aria-label': fieldLabel,
            'aria-invalid': invalid || undefined,
            'data-testid': `field-${tid}-${locale}`,
            className: invalid ? 'invalid' : undefined,
            onChange: (e: { target: { value: string } }) => onChange(setText(value, locale, e.target.value, nullable)),
          };
          return (
            <div key={locale} className={`localized-column state-${state}`} data-locale={locale}>
              <div className="column-head">
                <span className="column-language" aria-hidden="true">
                  {locale.toUpperCase()}
                </span>
                <span className={`badge badge-${state}`} data-testid={`state-${tid}-${locale}`} data-state={state}>
                  <span aria-hidden="true">{STATE_ICONS[state]} </span>
                  {t(`ui:status.${state}`)}
                </span>
              </div>
              {multiline ? <textarea {...commonProps} rows={markdown ? 10 : 3} /> : <input type="text" {...commonProps} />}
              <div className="column-controls">
                <label>
                  <span className="control-label">{t('ui:editor.status')}</span>
                  <select
                    value={entry?.status ?? 'draft'}
                    disabled={!entry}
                    aria-label={t('ui:editor.statusOf', { field: fieldLabel })}
                    data-testid={`status-${tid}-${locale}`}
                    onChange={(e) => onChange(setStatus(value, locale, e.target.value as StoredTextStatus))}
                  >
                    {TEXT_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`ui:status.${s}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  <span className="control-label">{t('ui:editor.from')}</span>
                  <select
                    value={entry?.from ?? ''}
                    disabled={!entry}
                    aria-label={t('ui:editor.fromOf', { field: fieldLabel })}
                    data-testid={`from-${tid}-${locale}`}
                    onChange={(e) =>
                      onChange(setTranslatedFrom(value, locale, isLocale(e.target.value) ? e.target.value : null))
                    }
                  >
                    <option value="">{t('ui:editor.original')}</option>
                    {LOCALES.filter((l) => l !== locale).map((l) => (
                      <option key={l} value={l}>
                        {t(`ui:language.${l}`)}
                      </option>
                    ))}
                  </select>
                </label>
                {entry?.from && entry.sourceHash ? (
                  <button
                    type="button"
                    className="button-small"
                    data-testid={`retranslated-${tid}-${locale}`}
                    aria-label={t('ui:editor.markRetranslatedOf', { field: fieldLabel })}
                    onClick={() => onChange(setTranslatedFrom(value, locale, entry.from as Locale))}
                  >
                    {t('ui:editor.markRetranslated')}
                  </button>
                ) : entry?.from ? (
                  <span className="hint">{t('ui:editor.hashOnSave')}</span>
                ) : null}
              </div>
              {entry?.status === 'approved' && entry.approvedAt ? (
                <p className="hint" data-testid={`approved-${tid}-${locale}`}>
                  {t('ui:translate.approvedBy', {
                    name: entry.approvedBy ?? t('ui:translate.someone'),
                    date: formatWhen(entry.approvedAt, uiLocale),
                  })}
                </p>
              ) : null}
              {state === 'stale' ? (
                <p className="hint hint-stale">
                  {t('ui:editor.staleHint', { language: t(`ui:language.${entry?.from ?? 'en'}`) })}
                </p>
              ) : null}
              {markdown && preview && entry?.text ? (
                <section className="preview" aria-label={t('ui:editor.previewOf', { field: fieldLabel })} lang={locale}>
                  <Markdown source={entry.text} />
                </section>
              ) : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
