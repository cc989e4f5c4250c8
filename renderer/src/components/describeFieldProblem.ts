import { isLocale } from '../../../shared/domain/locales';
import { describeProblem, type ValidationProblem } from '../../../shared/schemas/validationProblems';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/*
 * Field labels come from the descriptors, which carry the kinds' zod schemas: loaded apart from
 * the first bundle, as soon as this module is, so a message shown after any request has them.
 */
let fieldLabelKey: (name: string) => string | undefined = () => undefined;
export const fieldLabelsLoaded: Promise<void> = import('../../../shared/descriptors/descriptors').then((m) => {
  fieldLabelKey = (name) => m.fieldLabelKey(name);
});

/** Fields named differently in messages than in their descriptor (shared/descriptors). */
const FIELD_LABELS: Record<string, string> = {
  // A country record's id is the country itself.
  code: 'ui:fields.country',
};

const OPTION_LABELS: Record<string, string> = {
  watermark: 'ui:fields.watermark',
  cover: 'ui:builder.option.cover',
  toc: 'ui:builder.option.toc',
  sources: 'ui:builder.option.sources',
  numberedParagraphs: 'ui:builder.option.numberedParagraphs',
};

/**
 * A path inside one record (`title.fr.text`, `sources[2]`, `options.watermark`) as the form
 * labels it: "Official title (French)", "Sources", "Status of Title (Spanish)". Null when the path
 * goes somewhere no form shows, so the caller can keep the technical path instead.
 */
function fieldLabel(path: readonly (string | number)[], t: Translate): string | null {
  const [field, next, part] = path;
  if (typeof field !== 'string') return null;
  if (field === 'options') {
    const option = typeof next === 'string' ? OPTION_LABELS[next] : undefined;
    return option ? t(option) : null;
  }
  if (field === 'sections' && typeof next === 'number') {
    const rest = path.slice(2);
    if (rest[0] === 'items' && typeof rest[1] === 'number') return t('ui:fields.sectionItem', { n: next + 1, item: rest[1] + 1 });
    const inner = rest.length > 0 ? fieldLabel(rest, t) : null;
    return t('ui:fields.inSection', { n: next + 1, field: inner ?? t('ui:fields.title') });
  }
  const key = FIELD_LABELS[field] ?? fieldLabelKey(field);
  if (!key) return null;
  const label = t(key);
  if (!isLocale(next)) return label;
  const inLanguage = t('ui:editor.fieldInLanguage', { field: label, language: t(`ui:languageName.${next}`) });
  return part === 'status' ? t('ui:editor.statusOf', { field: inLanguage }) : inLanguage;
}

/** The path below the record being saved: `notes[0].title` (a save) and `record.title` (a request) give `title`. */
function recordPath(path: readonly (string | number)[]): (string | number)[] | null {
  if (typeof path[0] === 'string' && typeof path[1] === 'number') return path.slice(2);
  if (path[0] === 'record') return path.slice(1);
  return null;
}

/**
 * A form's date is typed as day, month and year (DateField), so "not of the form YYYY-MM-DD" is
 * the file's wording, not the form's: a complete date that does not exist (31 February) is said
 * not to exist, with the day typed; anything else is missing a part. Only for a form's request
 * (`record.…`): a library file's dates are written YYYY-MM-DD, and keep the shared wording.
 */
function formWording(problem: ValidationProblem, t: Translate): string | null {
  if (problem.key !== 'badDate' || problem.path[0] !== 'record') return null;
  const value = String(problem.values.value ?? '');
  const whole = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return whole
    ? t('errors:inApp.validation.dateDoesNotExist', { day: Number(whole[3]) })
    : t('errors:inApp.validation.dateIncomplete', {});
}

/**
 * A problem as the interface shows it: the field by its translated label and the language by
 * its name ("Official title (French): must not be empty"). The command line keeps
 * describeProblem's record and path, which is what someone fixing a file needs.
 */
export function describeFieldProblem(problem: ValidationProblem, t: Translate): string {
  const inRecord = recordPath(problem.path);
  if (inRecord === null) return describeProblem(problem, t);
  const what = formWording(problem, t) ?? t(`errors:validation.${problem.key}`, problem.values);
  if (inRecord.length === 0) return what;
  const where = fieldLabel(inRecord, t);
  return where === null ? describeProblem(problem, t) : t('errors:validation.at', { where, problem: what });
}
