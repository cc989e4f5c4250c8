import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { diffWords, type ChangeObject } from 'diff';
import type { Locale } from '../../../../shared/domain/locales';

/** Beyond this a long text is shown removed and re-added whole rather than freezing the screen. */
const DIFF_TIMEOUT_MS = 250;

function wordChanges(before: string, after: string): ChangeObject<string>[] {
  const changes = diffWords(before, after, { timeout: DIFF_TIMEOUT_MS });
  return (
    changes ?? [
      { value: before, added: false, removed: true, count: 1 },
      { value: after, added: true, removed: false, count: 1 },
    ]
  );
}

/**
 * What changed in the source since it was translated, word by word. Changes are <del>/<ins>
 * (struck through or underlined, not colour alone) and announced as such to screen readers.
 */
export function WordDiff({ before, after, lang }: { before: string; after: string; lang: Locale }) {
  const { t } = useTranslation();
  const changes = useMemo(() => wordChanges(before, after), [before, after]);
  return (
    <p className="word-diff" data-testid="tr-diff">
      {changes.map((change, i) =>
        change.added ? (
          <ins key={i}>
            <span className="sr-only">{t('ui:translate.diff.insertedStart')} </span>
            <span lang={lang}>{change.value}</span>
            <span className="sr-only"> {t('ui:translate.diff.insertedEnd')}</span>
          </ins>
        ) : change.removed ? (
          <del key={i}>
            <span className="sr-only">{t('ui:translate.diff.deletedStart')} </span>
            <span lang={lang}>{change.value}</span>
            <span className="sr-only"> {t('ui:translate.diff.deletedEnd')}</span>
          </del>
        ) : (
          <span key={i} lang={lang}>
            {change.value}
          </span>
        ),
      )}
    </p>
  );
}
