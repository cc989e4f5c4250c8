import { useTranslation } from 'react-i18next';
import type { InstrumentDoc } from '../../../../../shared/schemas/libraryDocument';
import { INSTRUMENT_KINDS, type InstrumentKind } from '../../../../../shared/domain/pieceKinds';
import { LocalizedField } from '../../../components/LocalizedField';
import { CheckboxList } from '../../../components/CheckboxList';
import { Field } from '../../../components/Field';
import { fieldHasProblem } from '../../../components/describeApiError';
import type { FormProps } from './FormProps';

export function InstrumentForm({ record, onChange, problems, choices }: FormProps<InstrumentDoc>) {
  const { t } = useTranslation();
  const parents = (choices?.instruments ?? []).filter((i) => i.id !== record.id);
  return (
    <>
      <div className="field-row">
        <Field label={t('ui:fields.instrumentKind')} invalid={fieldHasProblem(problems, 'kind')}>
          {(props) => (
            <select {...props} data-testid="field-kind" value={record.kind}
              onChange={(e) => onChange({ ...record, kind: e.target.value as InstrumentKind })}>
              {INSTRUMENT_KINDS.map((k) => (
                <option key={k} value={k}>{t(`pdf:instrumentKind.${k}`)}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('ui:fields.yearAdopted')} invalid={fieldHasProblem(problems, 'yearAdopted')}>
          {(props) => (
            <input {...props} type="number" min={1800} max={2200} data-testid="field-yearAdopted"
              value={record.yearAdopted ?? ''}
              onChange={(e) => onChange({ ...record, yearAdopted: e.target.value === '' ? null : Number(e.target.value) })} />
          )}
        </Field>
        <Field label={t('ui:fields.parent')} invalid={fieldHasProblem(problems, 'parentId')}>
          {(props) => (
            <select {...props} data-testid="field-parentId" value={record.parentId ?? ''}
              onChange={(e) => onChange({ ...record, parentId: e.target.value || null })}>
              <option value="">{t('ui:editor.none')}</option>
              {parents.map((p) => (
                <option key={p.id} value={p.id}>{p.label}</option>
              ))}
              {record.parentId && !parents.some((p) => p.id === record.parentId) ? (
                <option value={record.parentId}>{record.parentId}</option>
              ) : null}
            </select>
          )}
        </Field>
      </div>
      <LocalizedField name="shortName" label={t('ui:fields.shortName')} value={record.shortName} problems={problems}
        onChange={(v) => onChange({ ...record, shortName: v ?? {} })} />
      <LocalizedField name="officialTitle" label={t('ui:fields.officialTitle')} value={record.officialTitle} problems={problems}
        onChange={(v) => onChange({ ...record, officialTitle: v ?? {} })} />
      <LocalizedField name="adoptingBody" label={t('ui:fields.adoptingBody')} value={record.adoptingBody} problems={problems} nullable
        onChange={(v) => onChange({ ...record, adoptingBody: v })} />
      <LocalizedField name="summary" label={t('ui:fields.summary')} value={record.summary} problems={problems} multiline markdown
        onChange={(v) => onChange({ ...record, summary: v ?? {} })} />
      <div className="field-columns">
        <CheckboxList label={t('ui:fields.priorities')} testId="priorities" options={choices?.priorities ?? []} selected={record.priorities}
          invalid={fieldHasProblem(problems, 'priorities')} onChange={(priorities) => onChange({ ...record, priorities })} />
        <CheckboxList label={t('ui:fields.sources')} testId="sources" options={choices?.sources ?? []} selected={record.sources}
          invalid={fieldHasProblem(problems, 'sources')} onChange={(sources) => onChange({ ...record, sources })} />
      </div>
    </>
  );
}
