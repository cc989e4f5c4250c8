import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Choices } from '../../../../../shared/api/apiContract';
import type { PieceKind } from '../../../../../shared/domain/pieceKinds';
import { intlCountryName } from '../../../../../shared/domain/countryName';
import type { LocalizedDoc } from '../../../../../shared/schemas/common';
import { fieldsOf, type NamedField } from '../../../../../shared/descriptors/descriptors';
import { LocalizedField } from '../../../components/LocalizedField';
import { CheckboxList } from '../../../components/CheckboxList';
import { Field } from '../../../components/Field';
import { fieldHasProblem } from '../../../components/describeApiError';
import { useUiLocale } from '../../../components/useUiLocale';
import { CountrySelect } from './CountrySelect';
import { DateField } from './DateField';
import { TagsInput } from './TagsInput';

type AnyRecord = Record<string, unknown>;

/** Where the pickers of each kind find their labels. */
const CHOICES: Partial<Record<PieceKind, keyof Choices>> = {
  source: 'sources',
  country: 'countries',
  network: 'networks',
  meeting: 'meetings',
  priority: 'priorities',
  instrument: 'instruments',
  note: 'notes',
};

/** An empty box means "not known": optional facts are stored as null, never as "". */
const orNull = (value: string) => (value === '' ? null : value);
/** A free text keeps its spaces as typed, but spaces alone are no text. */
const orBlankNull = (value: string) => (value.trim() === '' ? null : value);

export interface DescriptorFormProps {
  kind: PieceKind;
  record: AnyRecord;
  onChange: (next: AnyRecord) => void;
  /** Problem paths relative to the record. */
  problems: readonly string[];
  choices: Choices | undefined;
  /** A piece not saved yet: its country code (or a pack's slug) may still be chosen. */
  isNew?: boolean;
  /** Test ids kept from before a screen used this form (`meetingId` → `pack-meeting`); else `field-<name>`. */
  testIds?: Partial<Record<string, string>>;
}

/**
 * Any piece's form, made from its kind's descriptor (shared/descriptors): facts first, then the
 * texts in three languages, then the lists of linked pieces. Test ids are `field-<name>`.
 */
export function DescriptorForm({ kind, record, onChange, problems, choices, isNew = false, testIds = {} }: DescriptorFormProps) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const fields = fieldsOf(kind).filter((f) => !f.hidden);
  const set = (name: string, value: unknown) => onChange({ ...record, [name]: value });
  const options = (f: NamedField) => {
    const key = f.refKind ? CHOICES[f.refKind] : undefined;
    const list = key ? (choices?.[key] ?? []) : [];
    // A piece is never its own parent.
    return f.refKind === kind ? list.filter((o) => o.id !== record.id) : list;
  };
  const invalid = (f: NamedField) => fieldHasProblem(problems, f.name);
  const label = (f: NamedField) => t(f.label);
  const testId = (f: NamedField) => testIds[f.name] ?? `field-${f.name}`;
  const hintOf = (f: NamedField) => (f.hint ? t(f.hint) : undefined);

  // A saved pack's slug names its files: shown, never edited.
  const fixedSlug = isNew ? undefined : fields.find((f) => f.type === 'slug');
  const facts = fields.filter((f) => !['localized', 'refs', 'date'].includes(f.type) && f !== fixedSlug);
  const dates = fields.filter((f) => f.type === 'date');
  const texts = fields.filter((f) => f.type === 'localized');
  const lists = fields.filter((f) => f.type === 'refs');

  const fact = (f: NamedField) => {
    const value = record[f.name];
    switch (f.type) {
      case 'code':
        return isNew ? (
          <Field key={f.name} label={label(f)} invalid={invalid(f)} hint={t('ui:editor.countryCodeHint')}>
            {(props) => (
              <input {...props} type="text" maxLength={2} size={4} autoCapitalize="characters" data-testid={testId(f)}
                value={String(value ?? '')} onChange={(e) => set(f.name, e.target.value.toUpperCase().trim())} />
            )}
          </Field>
        ) : (
          <p key={f.name} className="hint">
            {t('ui:editor.countryHint', { code: String(value), name: intlCountryName(String(value), locale) })}
          </p>
        );
      case 'number': {
        const [min, max] = f.range ?? [undefined, undefined];
        return (
          <Field key={f.name} label={label(f)} invalid={invalid(f)}>
            {(props) => (
              <input {...props} type="number" min={min} max={max} data-testid={testId(f)}
                value={typeof value === 'number' && Number.isFinite(value) ? value : ''}
                onChange={(e) => set(f.name, e.target.value === '' ? (f.required ? Number.NaN : null) : Number(e.target.value))} />
            )}
          </Field>
        );
      }
      case 'enum':
        return (
          <Field key={f.name} label={label(f)} invalid={invalid(f)}>
            {(props) => (
              <select {...props} data-testid={testId(f)} value={String(value ?? '')} onChange={(e) => set(f.name, e.target.value)}>
                {(f.options ?? []).map((o) => (
                  <option key={o} value={o}>{f.optionLabels ? t(`${f.optionLabels}.${o}`) : o}</option>
                ))}
              </select>
            )}
          </Field>
        );
      case 'ref':
        return (
          <Field key={f.name} label={label(f)} invalid={invalid(f)}>
            {(props) =>
              f.refKind === 'country' ? (
                <CountrySelect {...props} testId={testId(f)} value={typeof value === 'string' && value ? value : null} choices={choices}
                  allowNone={!f.required} onChange={(code) => set(f.name, code ?? (f.required ? '' : null))} />
              ) : (
                <select {...props} data-testid={testId(f)} value={String(value ?? '')}
                  onChange={(e) => set(f.name, e.target.value || (f.required ? '' : null))}>
                  {!f.required || !value ? <option value="">{f.required ? t('ui:editor.choose') : t('ui:editor.none')}</option> : null}
                  {options(f).map((o) => (
                    <option key={o.id} value={o.id}>{o.label}</option>
                  ))}
                  {typeof value === 'string' && value && !options(f).some((o) => o.id === value) ? <option value={value}>{value}</option> : null}
                </select>
              )
            }
          </Field>
        );
      case 'tags':
        return (
          <Field key={f.name} label={label(f)} invalid={invalid(f)} hint={t('ui:editor.tagsHint')}>
            {(props) => <TagsInput {...props} tags={(value as string[]) ?? []} onChange={(tags) => set(f.name, tags)} />}
          </Field>
        );
      default: {
        const hint = hintOf(f) ?? (f.type === 'partialDate' ? t('ui:editor.partialDateHint') : f.type === 'url' ? t('ui:editor.urlHint') : undefined);
        return (
          <Field key={f.name} label={label(f)} invalid={invalid(f)} hint={hint}>
            {(props) => (
              <input {...props} type="text" maxLength={f.max ?? 1000} data-testid={testId(f)}
                inputMode={f.type === 'url' ? 'url' : f.type === 'partialDate' ? 'numeric' : undefined}
                placeholder={f.type === 'url' ? 'https://' : f.type === 'partialDate' ? '2025-11' : undefined}
                value={String(value ?? '')}
                onChange={(e) => set(f.name, f.required ? e.target.value : f.type === 'text' ? orBlankNull(e.target.value) : orNull(e.target.value.trim()))} />
            )}
          </Field>
        );
      }
    }
  };

  return (
    <>
      {fixedSlug ? <p className="hint editor-id">{t('ui:builder.slugLine', { slug: String(record[fixedSlug.name] ?? '') })}</p> : null}
      {facts.length > 0 ? <div className="field-row">{facts.map(fact)}</div> : null}
      {dates.length > 0 ? (
        <div className="field-row">
          {dates.map((f) => (
            <DateField key={f.name} label={label(f)} value={String(record[f.name] ?? '')} required={f.required}
              invalid={invalid(f)} testId={testId(f)} onChange={(iso) => set(f.name, iso === '' && !f.required ? null : iso)} />
          ))}
        </div>
      ) : null}
      {texts.map((f) => (
        <Fragment key={f.name}>
          <LocalizedField name={f.name} label={label(f)} value={(record[f.name] as LocalizedDoc | null) ?? null} problems={problems}
            nullable={!f.required} multiline={f.length === 'long'} markdown={f.length === 'long'}
            onChange={(v) => set(f.name, v ?? (f.required ? {} : null))} />
          {f.hint ? <p className="hint">{t(f.hint)}</p> : null}
        </Fragment>
      ))}
      {lists.length > 0 ? (
        <div className="field-columns">
          {lists.map((f) => (
            <CheckboxList key={f.name} label={label(f)} testId={f.name} options={options(f)} selected={(record[f.name] as string[]) ?? []}
              invalid={invalid(f)} onChange={(next) => set(f.name, next)} />
          ))}
        </div>
      ) : null}
    </>
  );
}
