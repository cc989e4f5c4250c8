import { useTranslation } from 'react-i18next';
import type { PieceName } from '../../../../shared/api/deleteTypes';
import type { Locale } from '../../../../shared/domain/locales';
import type { LibraryKind, Route } from '../../navigation/Route';
import { useNavigation } from '../../navigation/NavigationProvider';
import { focusWhenShown } from '../../navigation/focusRequest';

const LIBRARY_TAB: Partial<Record<PieceName['kind'], LibraryKind>> = {
  priority: 'priorities',
  instrument: 'instruments',
  country: 'countries',
  note: 'notes',
  meeting: 'meetings',
  source: 'sources',
};

/** Where a piece's field is edited, and the test id of its box for one language. */
function target(piece: PieceName, field: string, locale: Locale): { route: Route; focus: string } | null {
  const tab = LIBRARY_TAB[piece.kind];
  if (tab) return { route: { screen: 'library', kind: tab, pieceId: piece.id }, focus: `field-${field}-${locale}` };
  if (piece.kind === 'pack') return { route: { screen: 'packs', packId: piece.id }, focus: `field-${field}-${locale}` };
  if (piece.kind === 'section' && piece.section) {
    return { route: { screen: 'packs', packId: piece.section.packId }, focus: `field-section-${piece.section.index}-${field}-${locale}` };
  }
  return null;
}

/**
 * "Summary of “Palermo Convention”, in French": a text named by its piece's title, its field's
 * label and its language in words; a link that opens that field where it is edited.
 */
export function FieldLink({
  piece,
  pieceId,
  field,
  locale,
  fallbackTitle,
  compact = false,
  linkText,
}: {
  piece: PieceName | undefined;
  pieceId: string;
  field: string;
  locale: Locale;
  /** Shown (without a link) until the piece's name has come. */
  fallbackTitle?: string;
  /** Only the piece's title: where field and language have columns of their own. */
  compact?: boolean;
  /** A short text for the link where the message beside it names the text; the full name stays its accessible name. */
  linkText?: string;
}) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const label = t(`ui:fields.${field}`, { defaultValue: field });
  const language = t(`ui:languageName.${locale}`);
  const title = piece?.title ?? fallbackTitle ?? t('ui:issues.untitled');
  const text = compact
    ? t('ui:delete.quoted', { title })
    : piece
      ? t('ui:issues.fieldOf', { field: label, kind: t(`ui:pieceKind.${piece.kind}`), title, language })
      : t('ui:issues.fieldOfUntyped', { field: label, title, language });
  const to = piece ? target(piece, field, locale) : null;
  if (!to) return linkText === undefined ? <span lang={piece?.titleLocale}>{text}</span> : null;
  return (
    <button
      type="button"
      className="button-link field-link"
      data-testid={`issue-link-${pieceId}-${field}-${locale}`}
      lang={compact ? piece?.titleLocale : undefined}
      aria-label={linkText === undefined ? undefined : `${linkText}: ${text}`}
      onClick={() => {
        navigate(to.route);
        focusWhenShown(to.focus);
      }}
    >
      {linkText ?? text}
    </button>
  );
}
