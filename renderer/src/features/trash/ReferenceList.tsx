import { useTranslation } from 'react-i18next';
import type { PieceReference } from '../../../../shared/api/deleteTypes';

/** Each piece that names the one to delete: its kind and title, and where (field or pack section). */
export function ReferenceList({ references, testId }: { references: readonly PieceReference[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <ul className="reference-list" data-testid={testId}>
      {references.map((ref, i) => (
        <li key={`${ref.from.id}-${ref.label}-${ref.section?.id ?? ''}-${i}`}>
          <span className="reference-kind">{t(`ui:pieceKind.${ref.from.kind}`)}</span>{' '}
          <span className="reference-title" lang={ref.from.titleLocale}>
            {t('ui:delete.quoted', { title: ref.from.title })}
          </span>
          <span className="reference-where">
            {' — '}
            {ref.section ? (
              <span lang={ref.section.titleLocale}>{t('ui:delete.inSection', { title: ref.section.title })}</span>
            ) : (
              t(`ui:fields.${ref.label}`)
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
