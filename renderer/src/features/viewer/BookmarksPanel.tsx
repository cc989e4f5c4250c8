import { useTranslation } from 'react-i18next';
import type { Bookmark } from './flattenOutline';
import { isSafeLink } from './resolveDestination';

/** Indentation stops here: a deeply nested outline stays readable in a narrow panel. */
const MAX_INDENT = 8;

/** The PDF's outline: each bookmark goes to its destination; the one the reader is in is marked. */
export function BookmarksPanel({
  id,
  bookmarks,
  current,
  onGoTo,
}: {
  id: string;
  bookmarks: Bookmark[];
  current: number | null;
  onGoTo: (bookmark: Bookmark) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav id={id} className="viewer-outline" aria-label={t('ui:viewer.bookmarks')} data-testid="viewer-outline">
      {bookmarks.length === 0 ? (
        <p className="hint">{t('ui:viewer.noBookmarks')}</p>
      ) : (
        <ul>
          {bookmarks.map((bookmark, i) => {
            const title = bookmark.title || t('ui:viewer.untitledBookmark');
            const style = { ['--level' as string]: Math.min(bookmark.level, MAX_INDENT) - 1 };
            return (
              <li key={bookmark.id} aria-level={bookmark.level} style={style}>
                {bookmark.url && isSafeLink(bookmark.url) ? (
                  <a href={bookmark.url} target="_blank" rel="noopener noreferrer" data-testid={`bookmark-${bookmark.id}`}>
                    {title}
                  </a>
                ) : (
                  <button
                    type="button"
                    className="button-link"
                    data-testid={`bookmark-${bookmark.id}`}
                    aria-current={current === i ? 'location' : undefined}
                    disabled={!bookmark.dest}
                    onClick={() => onGoTo(bookmark)}
                  >
                    {title}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </nav>
  );
}
