import { useTranslation } from 'react-i18next';
import type { NoteDoc } from '../../../../../shared/schemas/libraryDocument';
import { LocalizedField } from '../../../components/LocalizedField';
import { CheckboxList } from '../../../components/CheckboxList';
import { Field } from '../../../components/Field';
import { fieldHasProblem } from '../../../components/describeApiError';
import { CountrySelect } from './CountrySelect';
import { TagsInput } from './TagsInput';
import type { FormProps } from './FormProps';

export function NoteForm({ record, onChange, problems, choices }: FormProps<NoteDoc>) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field-row">
        <Field label={t('ui:fields.country')} invalid={fieldHasProblem(problems, 'countryCode')} hint={t('ui:editor.countryNoteHint')}>
          {(props) => (
            <CountrySelect {...props} testId="field-countryCode" value={record.countryCode} allowNone choices={choices}
              onChange={(countryCode) => onChange({ ...record, countryCode })} />
          )}
        </Field>
        <Field label={t('ui:fields.date')} invalid={fieldHasProblem(problems, 'date')}>
          {(props) => (
            <input {...props} type="date" data-testid="field-date" value={record.date}
              onChange={(e) => onChange({ ...record, date: e.target.value })} />
          )}
        </Field>
        <Field label={t('ui:fields.tags')} invalid={fieldHasProblem(problems, 'tags')} hint={t('ui:editor.tagsHint')}>
          {(props) => <TagsInput {...props} tags={record.tags} onChange={(tags) => onChange({ ...record, tags })} />}
        </Field>
      </div>
      <LocalizedField name="title" label={t('ui:fields.title')} value={record.title} problems={problems}
        onChange={(v) => onChange({ ...record, title: v ?? {} })} />
      <LocalizedField name="body" label={t('ui:fields.body')} value={record.body} problems={problems} multiline markdown
        onChange={(v) => onChange({ ...record, body: v ?? {} })} />
      <div className="field-columns">
        <CheckboxList label={t('ui:fields.instruments')} testId="instruments" options={choices?.instruments ?? []} selected={record.instruments}
          invalid={fieldHasProblem(problems, 'instruments')} onChange={(instruments) => onChange({ ...record, instruments })} />
        <CheckboxList label={t('ui:fields.priorities')} testId="priorities" options={choices?.priorities ?? []} selected={record.priorities}
          invalid={fieldHasProblem(problems, 'priorities')} onChange={(priorities) => onChange({ ...record, priorities })} />
        <CheckboxList label={t('ui:fields.sources')} testId="sources" options={choices?.sources ?? []} selected={record.sources}
          invalid={fieldHasProblem(problems, 'sources')} onChange={(sources) => onChange({ ...record, sources })} />
      </div>
    </>
  );
}
