import { PackList } from './PackList';
import { PackBuilder } from './PackBuilder';

/** The packs: their list, or the builder for one. */
export function PacksScreen({ packId }: { packId?: string }) {
  return packId ? <PackBuilder key={packId} packId={packId} /> : <PackList />;
}
