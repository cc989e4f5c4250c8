import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldText } from './foldText';

export interface Option {
  id: string;
  label: string;
}

/** A multi-select as a filterable list of checkboxes: plain, labelled and keyboard friendly. */
export function CheckboxList({
  label,
  options,
  selected,
  onChange,
  testId,
  invalid = false,
}: {
  label: string;
  options: readonly Option[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  testId: string;
  invalid?: boolean;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const all = useMemo(() => {
    const known = new Set(options.map((o) => o.id));
    // A selected id that is not among the choices (deleted since) stays visible, to be unticked.
    return [...options, ...selected.filter((id) => !known.has(id)).map((id) => ({ id, label: id }))];
  }, [options, selected]);
  const shown = useMemo(() => {
    const needle = foldText(filter.trim());
    return needle ? all.filter((o) => foldText(o.label).includes(needle) || o.id.includes(needle)) : all;
  }, [all, filter]);
  const chosen = new Set(selected);

  return (
    <fieldset className={`checkbox-list ${invalid ? 'has-problem' : ''}`} data-testid={testId}>
      <legend>
        {label} <span className="count">({t('ui:editor.selectedCount', { count: selected.length })})</span>
      </legend>
      {all.length > 8 ? (
        <div className="checkbox-filter">
          <label htmlFor={filterId}>{t('ui:editor.filterChoices')}</label>
          <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
      ) : null}
      {all.length === 0 ? <p className="hint">{t('ui:editor.noChoices')}</p> : null}
      <ul className="checkbox-options">
        {shown.map((o) => (
          <li key={o.id}>
            <label>
              <input
                type="checkbox"
                checked={chosen.has(o.id)}
                data-testid={`${testId}-${o.id}`}
                onChange={(e) => onChange(e.target.checked ? [...selected, o.id] : selected.filter((id) => id !== o.id))}
              />
              {o.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
