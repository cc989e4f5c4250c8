import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../shared/domain/locales';
import type { MemorySegment } from '../../../../shared/memory/memoryTypes';
import { WordDiff } from './WordDiff';
import { matchOrigin } from './matchOrigin';

/** How many matches have a shortcut (Alt+1 …): the first of each paragraph, in order. */
export const MEMORY_SHORTCUTS = 9;

/** Numbered in reading order across paragraphs, so Alt+n inserts the n-th shown. */
export function numberedMatches(segments: readonly MemorySegment[]) {
  return segments.flatMap((s) => s.matches.map((m) => ({ segment: s, match: m })));
}

/**
 * The translation memory's suggestions for the open unit: per paragraph of its source, earlier
 * approved segments with their score, the words that differ from this source marked, and their
 * translation, inserted at the cursor with a button or Alt+number.
 */
export function MemoryMatches({
  segments,
  source,
  target,
  onInsert,
}: {
  segments: readonly MemorySegment[];
  source: Locale;
  target: Locale;
  onInsert: (text: string) => void;
}) {
  const { t } = useTranslation();
  const numbered = numberedMatches(segments);
  if (numbered.length === 0) return null;
  const several = segments.length > 1;
  return (
    <div className="tr-memory" data-testid="tr-memory">
      <p className="tr-checks-title">{t('ui:translate.memory.title')}</p>
      <ol>
        {numbered.map(({ segment, match }, i) => (
          <li key={`${segment.index}-${i}`} data-testid="tr-memory-match" data-score={match.score}>
            <div className="tr-memory-head">
              <span className={`tr-memory-score ${match.score === 100 ? 'tr-memory-exact' : ''}`}>{t('ui:translate.memory.score', { score: match.score })}</span>
              {several ? <span className="hint">{t('ui:translate.memory.paragraph', { number: segment.index + 1 })}</span> : null}
              <span className="hint" data-testid="tr-memory-origin">{matchOrigin(t, match)}</span>
              <button
                type="button"
                data-testid="tr-memory-insert"
                aria-keyshortcuts={i < MEMORY_SHORTCUTS ? `Alt+${i + 1}` : undefined}
                onClick={() => onInsert(match.target)}
              >
                {i < MEMORY_SHORTCUTS ? t('ui:translate.memory.insertKey', { key: i + 1 }) : t('ui:translate.memory.insert')}
              </button>
            </div>
            {match.score < 100 ? <WordDiff before={match.source} after={segment.source} lang={source} /> : null}
            <p className="tr-memory-target" lang={target}>
              {match.target}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
