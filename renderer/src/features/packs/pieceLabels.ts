import type { Choices } from '../../../../shared/api/apiContract';
import type { PackItemKind } from '../../../../shared/domain/pieceKinds';

export type LabelOf = (kind: PackItemKind | null, ref: string) => string | undefined;

/** Display names of the pieces a pack can list, from library.choices. */
export function pieceLabels(choices: Choices | undefined): LabelOf {
  const byKind: Record<PackItemKind, Map<string, string>> = {
    priority: new Map((choices?.priorities ?? []).map((c) => [c.id, c.label])),
    instrument: new Map((choices?.instruments ?? []).map((c) => [c.id, c.label])),
    note: new Map((choices?.notes ?? []).map((c) => [c.id, c.label])),
    country: new Map((choices?.countries ?? []).map((c) => [c.id, c.label])),
  };
  return (kind, ref) => {
    if (kind) return byKind[kind].get(ref);
    for (const map of Object.values(byKind)) {
      const label = map.get(ref);
      if (label !== undefined) return label;
    }
    return undefined;
  };
}
