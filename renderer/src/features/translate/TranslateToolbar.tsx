import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, isLocale, type Locale } from '../../../../shared/domain/locales';
import { EDITABLE_NAMESPACES, TRANSLATABLE_KINDS, TRANSLATION_STATES, type EditableNamespace, type TranslatableKind } from '../../../../shared/api/translationTypes';
import type { ListEntry } from '../../../../shared/api/listTypes';
import type { TranslateChoices } from './translateChoices';

/** Languages, what to translate, and which texts to list. */
export function TranslateToolbar({
  choices,
  packs,
  onChange,
  onRefresh,
}: {
  choices: TranslateChoices;
  packs: readonly ListEntry[];
  onChange: (patch: Partial<TranslateChoices>) => void;
  onRefresh: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const library = choices.mode === 'library';
  return (
    <div className="tr-toolbar">
      <div className="tr-mode" role="group" aria-label={t('ui:translate.mode.label')}>
        <button type="button" data-testid="tr-mode-library" aria-pressed={library} onClick={() => onChange({ mode: 'library' })}>
          {t('ui:translate.mode.library')}
        </button>
        <button type="button" data-testid="tr-mode-ui" aria-pressed={!library} onClick={() => onChange({ mode: 'ui' })}>
          {t('ui:translate.mode.ui')}
        </button>
      </div>
      <div role="search" className="browser-tools" aria-label={t('ui:translate.filters')}>
        <LanguagePicker
          id={`${id}-source`}
          testId="tr-source"
          label={t('ui:translate.from')}
          value={choices.source}
          onChange={(source) => onChange({ source })}
        />
        <LanguagePicker
          id={`${id}-target`}
          testId="tr-target"
          label={t('ui:translate.into')}
          value={choices.target}
          onChange={(target) => onChange({ target })}
        />
        {library ? (
          <>
            <div className="field">
              <label htmlFor={`${id}-kind`}>{t('ui:translate.kind')}</label>
              <select id={`${id}-kind`} data-testid="tr-kind" value={choices.kind} onChange={(e) => onChange({ kind: e.target.value as TranslatableKind | '' })}>
                <option value="">{t('ui:library.any')}</option>
                {TRANSLATABLE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`ui:pieceKind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-pack`}>{t('ui:translate.pack')}</label>
              <select id={`${id}-pack`} data-testid="tr-pack" value={choices.packId} onChange={(e) => onChange({ packId: e.target.value })}>
                <option value="">{t('ui:translate.wholeLibrary')}</option>
                {packs.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </select>
            </div>
          </>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-ns`}>{t('ui:translate.namespaceLabel')}</label>
            <select
              id={`${id}-ns`}
              data-testid="tr-namespace"
              value={choices.namespace}
              onChange={(e) => onChange({ namespace: e.target.value as EditableNamespace | '' })}
            >
              <option value="">{t('ui:library.any')}</option>
              {EDITABLE_NAMESPACES.map((ns) => (
                <option key={ns} value={ns}>
                  {t(`ui:translate.namespace.${ns}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        <fieldset className="tr-states">
          <legend>{t('ui:translate.show')}</legend>
          {TRANSLATION_STATES.map((state) => (
            <label key={state}>
              <input
                type="checkbox"
                data-testid={`tr-filter-${state}`}
                checked={choices.states.includes(state)}
                disabled={library && choices.conflictsOnly}
                onChange={(e) =>
                  onChange({
                    states: e.target.checked
                      ? TRANSLATION_STATES.filter((s) => s === state || choices.states.includes(s))
                      : choices.states.filter((s) => s !== state),
                  })
                }
              />
              {t(`ui:status.${state}`)}
            </label>
          ))}
          {library ? (
            <label className="tr-conflicts">
              <input
                type="checkbox"
                data-testid="tr-filter-conflicts"
                checked={choices.conflictsOnly}
                onChange={(e) => onChange({ conflictsOnly: e.target.checked })}
              />
              {t('ui:translate.conflictsOnly')}
            </label>
          ) : null}
        </fieldset>
        <div className="field search-field">
          <label htmlFor={`${id}-search`}>{t('ui:translate.search')}</label>
          <input
            id={`${id}-search`}
            type="search"
            data-testid="tr-search"
            value={choices.search}
            maxLength={500}
            placeholder={t('ui:translate.searchPlaceholder')}
            onChange={(e) => onChange({ search: e.target.value })}
          />
        </div>
        <button type="button" data-testid="tr-refresh" onClick={onRefresh}>
          {t('ui:translate.refresh')}
        </button>
      </div>
    </div>
  );
}

/** One of the two language choices: the language translated from, or into. */
function LanguagePicker(props: { id: string; testId: string; label: string; value: Locale; onChange: (locale: Locale) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => isLocale(e.target.value) && props.onChange(e.target.value)}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(`ui:languageName.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
