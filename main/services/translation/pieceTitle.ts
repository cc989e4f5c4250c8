import type { Locale } from '../../../shared/domain/locales';
import type { PieceKind } from '../../../shared/domain/pieceKinds';
import { countryName } from '../../../shared/domain/countryName';
import { pickText } from '../../../shared/domain/pickText';
import type { LocalizedDoc } from '../../../shared/schemas/common';
import { titleFieldOf } from '../../../shared/descriptors/descriptors';

export { titleFieldOf };

/** A piece's name in one language (or its best fallback), from its own texts. */
export function pieceTitle(id: string, kind: PieceKind, fields: Map<string, LocalizedDoc> | undefined, locale: Locale): string {
  if (kind === 'country') return countryName(id, locale, fields?.get('formalName'));
  return pickText(fields?.get(titleFieldOf(kind)), locale)?.text ?? id;
}
