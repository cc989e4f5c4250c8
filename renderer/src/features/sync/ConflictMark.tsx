import { useTranslation } from 'react-i18next';
import './sync.css';

/** A row's mark for a piece or text with an open sync conflict: an icon and a word, never colour alone. */
export function ConflictMark() {
  const { t } = useTranslation();
  return (
    <span className="badge badge-conflict" data-testid="conflict-mark">
      <span aria-hidden="true">⇄ </span>
      {t('ui:sync.conflictMark')}
    </span>
  );
}
