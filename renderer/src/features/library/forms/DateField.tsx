import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLocale } from '../../../components/useUiLocale';
import { datePartOrder, joinIsoDate, monthNames, splitIsoDate, type DatePart } from './dateParts';

/**
 * A date typed as day, month (by name) and year, in the order and words of the interface
 * language rather than the browser's. What is typed stays as typed until it is saved.
 */
export function DateField({
  label,
  value,
  onChange,
  invalid,
  testId,
  required,
}: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  invalid: boolean;
  testId: string;
  required: boolean;
}) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const id = useId();
  // The parts as typed ('4', not '04'): the stored value is padded, the boxes are not.
  const [parts, setParts] = useState(() => splitIsoDate(value));
  useEffect(() => {
    setParts((typed) => (joinIsoDate(typed) === value ? typed : splitIsoDate(value)));
  }, [value]);
  const set = (part: DatePart, text: string) => {
    const next = { ...parts, [part]: text };
    setParts(next);
    onChange(joinIsoDate(next));
  };
  const months = monthNames(locale);
  return (
    <fieldset className={`field date-field ${invalid ? 'has-problem' : ''}`} data-testid={testId}>
      <legend>
        {label}
        {required ? null : <span className="optional"> {t('ui:editor.optional')}</span>}
      </legend>
      <div className="date-parts">
        {datePartOrder(locale).map((part) =>
          part === 'month' ? (
            <span key={part} className="date-part">
              <label htmlFor={`${id}-month`}>{t('ui:date.month')}</label>
              <select id={`${id}-month`} value={parts.month} aria-invalid={invalid || undefined} data-testid={`${testId}-month`}
                onChange={(e) => set('month', e.target.value)}>
                <option value="">—</option>
                {months.map((name, m) => (
                  <option key={name} value={String(m + 1)}>{name}</option>
                ))}
              </select>
            </span>
          ) : (
            <span key={part} className="date-part">
              <label htmlFor={`${id}-${part}`}>{t(`ui:date.${part}`)}</label>
              <input id={`${id}-${part}`} type="text" inputMode="numeric" maxLength={part === 'year' ? 4 : 2} size={part === 'year' ? 5 : 3}
                value={parts[part]} aria-invalid={invalid || undefined} data-testid={`${testId}-${part}`}
                onChange={(e) => set(part, e.target.value.trim())} />
            </span>
          ),
        )}
      </div>
    </fieldset>
  );
}
