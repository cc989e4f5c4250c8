import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../shared/domain/locales';
import { StatusBadge } from '../../components/StatusBadge';
import { ConflictMark } from '../sync/ConflictMark';
import { VirtualList } from '../../components/VirtualList';
import { workTestId, type ListedUnit } from './workUnit';
import { unitHeading } from './unitHeading';

const ROW_HEIGHT = 64;

/** The texts to work through; the selected one is open beside the list. */
export function UnitList({
  units,
  selectedKey,
  target,
  onSelect,
  resetKey,
  conflicted,
}: {
  units: readonly ListedUnit[];
  selectedKey: string | null;
  target: Locale;
  onSelect: (key: string) => void;
  resetKey: string;
  /** Keys of the units an open sync conflict bears on. */
  conflicted: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const renderRow = (work: ListedUnit) => {
    const { title, detail } = unitHeading(work, t);
    return (
      <button
        type="button"
        className="row tr-row"
        data-testid={workTestId(work)}
        data-state={work.unit.state}
        aria-current={work.key === selectedKey ? 'true' : undefined}
        onClick={() => onSelect(work.key)}
      >
        <span className="row-main">
          <span className="row-titleline">
            <span className="row-title">{title}</span>
            <span className="tr-row-detail">{detail}</span>
          </span>
          <span className="row-details">{work.mode === 'library' ? work.unit.sourceExcerpt : work.unit.source}</span>
        </span>
        {conflicted.has(work.key) ? <ConflictMark /> : null}
        <StatusBadge locale={target} state={work.unit.state} />
      </button>
    );
  };
  return (
    <VirtualList
      items={units}
      rowHeight={ROW_HEIGHT}
      getKey={(w) => w.key}
      renderRow={renderRow}
      label={t('ui:translate.listLabel')}
      className="tr-list"
      testId="tr-list"
      resetKey={resetKey}
      scrollToKey={selectedKey ?? undefined}
    />
  );
}
