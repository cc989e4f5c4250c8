import fs from 'node:fs';
import { AppError } from '../../shared/errors/AppError';
import { LOGO_MAX_BYTES, checkLogo, isLogoProblem, sniffImage } from '../../shared/domain/logoImage';
import type { PackDoc } from '../../shared/schemas/libraryDocument';
import type { LibraryStore } from './LibraryStore';
import { findPack } from './packsService';
import { pngDecodes } from './verifyLogo';

/**
 * Sets a pack's logo from a file the user names (`briefing packs set-logo`), or removes it
 * (file null). The file is read once, checked (PNG or JPEG, size, dimensions) and its bytes go
 * into the library; the path is not kept. A file that is too large is refused before it is read.
 */
export function setPackLogo(store: LibraryStore, packRef: string, file: string | null): PackDoc {
  const pack = findPack(store, packRef);
  let logo: PackDoc['logo'] = null;
  if (file !== null) {
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      throw new AppError('packs.logoUnreadable', { file });
    }
    if (size > LOGO_MAX_BYTES) throw new AppError('packs.logoTooLarge', { file, maxKib: LOGO_MAX_BYTES / 1024, actualKib: Math.ceil(size / 1024) });
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      throw new AppError('packs.logoUnreadable', { file });
    }
    const type = sniffImage(bytes)?.type;
    if (!type) throw new AppError('packs.logoNotImage', { file });
    const data = bytes.toString('base64');
    const result = checkLogo(type, data);
    if (isLogoProblem(result)) {
      if (result.key === 'logoBadSize') throw new AppError('packs.logoBadSize', { file, max: result.values.max });
      throw new AppError('packs.logoNotImage', { file });
    }
    if (type === 'image/png' && !pngDecodes(bytes)) throw new AppError('packs.logoNotImage', { file });
    logo = { type, data };
  }
  const updated: PackDoc = { ...pack, logo };
  store.write(() => store.writePack(updated, new Date().toISOString()));
  return updated;
}
