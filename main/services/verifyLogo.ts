import zlib from 'node:zlib';
import { AppError } from '../../shared/errors/AppError';
import { LOGO_MAX_SIDE, sniffImage } from '../../shared/domain/logoImage';
import type { LogoDoc } from '../../shared/schemas/logoSchema';

/*
 * The PDF writer decodes some PNGs (those with transparency) on a callback where a corrupt
 * stream cannot be caught, and the build would hang. So a PNG logo is decoded here first, in
 * bounded time and memory (its size is known from its header): its chunks, its compressed data
 * and the filter byte of every row. The shape check (shared/domain/logoImage.ts) came first.
 */

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** True when the PNG's image data decodes to exactly its rows. */
export function pngDecodes(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const facts = sniffImage(bytes);
  if (!facts || facts.type !== 'image/png' || facts.width > LOGO_MAX_SIDE || facts.height > LOGO_MAX_SIDE) return false;
  const depth = buf[24]!;
  const colour = buf[25]!;
  const interlaced = buf[28] !== 0;
  const idat: Buffer[] = [];
  let at = 8;
  let ended = false;
  while (at + 12 <= buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > buf.length) return false;
    if (type === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + length));
    at += 12 + length;
    if (type === 'IEND') {
      ended = true;
      break;
    }
  }
  if (!ended || idat.length === 0) return false;
  const rowBytes = Math.ceil((facts.width * CHANNELS[colour]! * depth) / 8);
  const expected = interlaced ? null : facts.height * (1 + rowBytes);
  let raw: Buffer;
  try {
    // Never more than the image can hold (an interlaced one is at most twice its rows' size).
    raw = zlib.inflateSync(Buffer.concat(idat), { maxOutputLength: (expected ?? facts.height * (1 + rowBytes) * 2) + 1 });
  } catch {
    return false;
  }
  if (expected === null) return true;
  if (raw.length !== expected) return false;
  for (let row = 0; row < facts.height; row++) if (raw[row * (1 + rowBytes)]! > 4) return false;
  return true;
}

/** A logo the PDF writer can embed, or a named error; a JPEG is embedded as it is, not decoded. */
export function assertLogoEmbeddable(logo: LogoDoc | null, what: { pack: string }): void {
  if (!logo || logo.type !== 'image/png') return;
  if (!pngDecodes(Buffer.from(logo.data, 'base64'))) throw new AppError('build.badLogo', what);
}
