import { useTranslation } from 'react-i18next';
import { conflictsOfPiece } from '../../../../shared/translation/unitConflicts';
import { useNavigation } from '../../navigation/NavigationProvider';
import { conflictPlace } from './conflictPlace';
import { useOpenConflicts } from './useOpenConflicts';
import './sync.css';

/**
 * Names a piece's open sync conflicts where it is read or edited, with the way to the Sync
 * screen's cards for this piece; nothing when there are none.
 */
export function PieceConflicts({ pieceId }: { pieceId: string }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const conflicts = conflictsOfPiece(useOpenConflicts().data ?? [], pieceId);
  if (conflicts.length === 0) return null;
  return (
    <div className="alert piece-conflicts" role="note" data-testid="piece-conflicts">
      <p>
        {t('ui:sync.pieceConflicts', { count: conflicts.length })}{' '}
        <span data-testid="piece-conflicts-where">{[...new Set(conflicts.map((c) => conflictPlace(c, t)))].join(', ')}</span>
      </p>
      <button type="button" data-testid="piece-conflicts-resolve" onClick={() => navigate({ screen: 'sync', pieceId })}>
        {t('ui:sync.resolveThese', { count: conflicts.length })}
      </button>
    </div>
  );
}
