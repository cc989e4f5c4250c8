import { type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Choices } from '../../../../shared/api/apiContract';
import type { PackItemDoc, SectionDoc } from '../../../../shared/schemas/libraryDocument';
import { pickText } from '../../../../shared/domain/pickText';
import { LocalizedField } from '../../components/LocalizedField';
import { fieldHasProblem } from '../../components/describeApiError';
import { useUiLocale } from '../../components/useUiLocale';
import { AddItemPanel } from './AddItemPanel';
import type { LabelOf } from './pieceLabels';

export type DragPayload = { type: 'section'; index: number } | { type: 'item'; section: number; index: number };

export interface SectionHandlers {
  onChange: (section: SectionDoc) => void;
  onRemove: () => void;
  onStep: (delta: -1 | 1) => void;
  onItemStep: (index: number, delta: -1 | 1) => void;
  onItemRemove: (index: number) => void;
  onAddItem: (item: PackItemDoc) => void;
  onToggleAdd: () => void;
  onDragStart: (payload: DragPayload, event: DragEvent) => void;
  onDragEnd: () => void;
  /** Dropped on the section (index = its position) or on an item of it (before that item). */
  onDrop: (target: { section: number; item: number | null }) => void;
  canDrop: (target: { section: number; item: number | null }) => boolean;
}

/** One section of a pack: its title and text in three languages, and its pieces in order. */
export function SectionCard({
  section,
  index,
  count,
  isFirstItemAnywhere,
  isLastItemAnywhere,
  labelOf,
  choices,
  problems,
  adding,
  dropTarget,
  handlers,
}: {
  section: SectionDoc;
  index: number;
  count: number;
  isFirstItemAnywhere: (item: number) => boolean;
  isLastItemAnywhere: (item: number) => boolean;
  labelOf: LabelOf;
  choices: Choices | undefined;
  problems: readonly string[];
  adding: boolean;
  dropTarget: string | null;
  handlers: SectionHandlers;
}) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const title = pickText(section.title, locale)?.text || t('ui:builder.untitled');
  const headingId = `section-heading-${index}`;
  const hintId = `section-hint-${index}`;

  const itemKeys = (event: KeyboardEvent, item: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    if (event.target !== event.currentTarget) return;
    event.preventDefault();
    handlers.onItemStep(item, event.key === 'ArrowUp' ? -1 : 1);
  };
  const sectionKeys = (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    handlers.onStep(event.key === 'ArrowUp' ? -1 : 1);
  };
  const allowDrop = (event: DragEvent, target: { section: number; item: number | null }) => {
    if (!handlers.canDrop(target)) return;
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = 'move';
  };
  const drop = (event: DragEvent, target: { section: number; item: number | null }) => {
    if (!handlers.canDrop(target)) return;
    event.preventDefault();
    event.stopPropagation();
    handlers.onDrop(target);
  };

  return (
    <section
      className={`section-card ${dropTarget === `s${index}` ? 'drop-target' : ''}`}
      aria-labelledby={headingId}
      data-testid={`section-${index}`}
      onDragOver={(e) => allowDrop(e, { section: index, item: null })}
      onDrop={(e) => drop(e, { section: index, item: null })}
    >
      <div className="section-head">
        <span
          className="drag-handle"
          draggable
          tabIndex={0}
          role="button"
          aria-label={t('ui:builder.dragSection', { title })}
          aria-describedby={hintId}
          data-testid="section-handle"
          onDragStart={(e) => handlers.onDragStart({ type: 'section', index }, e)}
          onDragEnd={handlers.onDragEnd}
          onKeyDown={sectionKeys}
        >
          ⠿
        </span>
        <h4 id={headingId}>{t('ui:builder.sectionHeading', { n: index + 1, title })}</h4>
        <div className="section-actions">
          <button type="button" className="button-icon" data-testid="section-move-up" disabled={index === 0}
            aria-label={t('ui:builder.moveSectionUp', { title })} onClick={() => handlers.onStep(-1)}>↑</button>
          <button type="button" className="button-icon" data-testid="section-move-down" disabled={index === count - 1}
            aria-label={t('ui:builder.moveSectionDown', { title })} onClick={() => handlers.onStep(1)}>↓</button>
          <button type="button" className="button-danger-outline" data-testid="remove-section"
            aria-label={t('ui:builder.removeSectionNamed', { title })} onClick={handlers.onRemove}>
            {t('ui:builder.removeSection')}
          </button>
        </div>
      </div>
      <p id={hintId} className="sr-only">{t('ui:builder.keyboardHint')}</p>
      <LocalizedField
        name={`sections.${index}.title`}
        testPrefix={`section-${index}-title`}
        label={t('ui:builder.sectionTitle')}
        value={section.title}
        problems={problems}
        onChange={(v) => handlers.onChange({ ...section, title: v ?? {} })}
      />
      <details className="section-text" open={section.text !== null && fieldHasProblem(problems, `sections.${index}.text`) ? true : undefined}>
        <summary>{t('ui:builder.sectionText')}</summary>
        <LocalizedField
          name={`sections.${index}.text`}
          testPrefix={`section-${index}-text`}
          label={t('ui:builder.sectionTextLabel')}
          value={section.text}
          problems={problems}
          nullable
          multiline
          markdown
          onChange={(v) => handlers.onChange({ ...section, text: v })}
        />
      </details>
      <h5 className="items-heading">{t('ui:builder.items', { count: section.items.length })}</h5>
      {section.items.length === 0 ? (
        <p className={`empty-items ${dropTarget === `s${index}` ? 'drop-target' : ''}`}>{t('ui:builder.noItems')}</p>
      ) : (
        <ol className="items" aria-label={t('ui:builder.itemsOf', { title })}>
          {section.items.map((item, i) => {
            const label = labelOf(item.kind, item.ref);
            const name = label ?? item.ref;
            const invalid = fieldHasProblem(problems, `sections.${index}.items.${i}`);
            return (
              <li
                key={`${item.kind}:${item.ref}:${i}`}
                className={`item ${dropTarget === `i${index}-${i}` ? 'drop-before' : ''} ${invalid || !label ? 'item-problem' : ''}`}
                data-testid={`item-${index}-${i}`}
                tabIndex={0}
                draggable
                aria-describedby={hintId}
                aria-label={t('ui:builder.itemLabel', { kind: t(`ui:pieceKind.${item.kind}`), title: name, position: i + 1, count: section.items.length })}
                onDragStart={(e) => handlers.onDragStart({ type: 'item', section: index, index: i }, e)}
                onDragEnd={handlers.onDragEnd}
                onDragOver={(e) => allowDrop(e, { section: index, item: i })}
                onDrop={(e) => drop(e, { section: index, item: i })}
                onKeyDown={(e) => itemKeys(e, i)}
              >
                <span className="drag-grip" aria-hidden="true">⠿</span>
                <span className="item-kind">{t(`ui:pieceKind.${item.kind}`)}</span>
                <span className="item-title">
                  {name}
                  {!label ? <span className="item-missing"> — {t('ui:builder.notInLibrary')}</span> : null}
                </span>
                <span className="item-actions">
                  <button type="button" className="button-icon" data-testid="move-up" disabled={isFirstItemAnywhere(i)}
                    aria-label={t('ui:builder.moveUp', { title: name })} onClick={() => handlers.onItemStep(i, -1)}>↑</button>
                  <button type="button" className="button-icon" data-testid="move-down" disabled={isLastItemAnywhere(i)}
                    aria-label={t('ui:builder.moveDown', { title: name })} onClick={() => handlers.onItemStep(i, 1)}>↓</button>
                  <button type="button" className="button-icon" data-testid="remove-item"
                    aria-label={t('ui:builder.removeItem', { title: name })} onClick={() => handlers.onItemRemove(i)}>✕</button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {adding ? (
        <AddItemPanel sectionTitle={title} items={section.items} choices={choices} onAdd={handlers.onAddItem} onClose={handlers.onToggleAdd} />
      ) : (
        <button type="button" data-testid={`add-item-${index}`} onClick={handlers.onToggleAdd}>
          + {t('ui:builder.addPieces')}
        </button>
      )}
    </section>
  );
}
