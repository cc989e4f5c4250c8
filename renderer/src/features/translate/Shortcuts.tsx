import { useTranslation } from 'react-i18next';

const KEYS = [
  { keys: ['Ctrl', 'Enter'], action: 'saveNext' },
  { keys: ['Ctrl', 'Shift', 'Enter'], action: 'approveNext' },
  { keys: ['Alt', '↓'], action: 'next' },
  { keys: ['Alt', '↑'], action: 'previous' },
  { keys: ['Alt', '1…9'], action: 'insertMatch' },
] as const;

/** The keyboard shortcuts of the translator's view, always on screen. */
export function Shortcuts() {
  const { t } = useTranslation();
  return (
    <section className="tr-shortcuts" aria-labelledby="tr-shortcuts-heading" data-testid="tr-shortcuts">
      <h4 id="tr-shortcuts-heading">{t('ui:translate.shortcuts.title')}</h4>
      <dl>
        {KEYS.map(({ keys, action }) => (
          <div key={action}>
            <dt>
              {keys.map((k, i) => (
                <span key={k}>
                  {i > 0 ? '+' : null}
                  <kbd>{k === '↓' ? t('ui:translate.shortcuts.down') : k === '↑' ? t('ui:translate.shortcuts.up') : k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(`ui:translate.shortcuts.${action}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
