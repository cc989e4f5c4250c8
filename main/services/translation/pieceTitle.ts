import type { Locale } from '../../../shared/domain/locales';
import type { PieceKind } from '../../../shared/domain/pieceKinds';
import type { LocalizedDoc } from '../../../shared/schemas/common';
import { titleFieldOf } from '../../../shared/descriptors/descriptors';
import { pieceTitle as titleRule } from '../../../shared/descriptors/pieceTitle';

export { titleFieldOf };

/** A piece's name in one language (or its best fallback), from its own texts (the descriptors' rule). */
export function pieceTitle(id: string, kind: PieceKind, fields: Map<string, LocalizedDoc> | undefined, locale: Locale): string {
  return titleRule(kind, id, fields?.get(titleFieldOf(kind)), locale).text;
}
