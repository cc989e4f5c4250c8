/*
 * A logo the user picks for a pack's cover and running header: a PNG or JPEG file, read once
 * from the user's disk, validated here and stored in the library. Nothing reads it from a path
 * or an address again. The checks are those the PDF writer needs to embed it without failing
 * (a real PNG or JPEG header with sensible dimensions), and a size bound that keeps libraries
 * and exports small.
 */

export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/** 512 KiB: a logo printed 2–4 cm wide needs a fraction of that. */
export const LOGO_MAX_BYTES = 512 * 1024;
/** Longest side, in pixels. */
export const LOGO_MAX_SIDE = 4000;

export type LogoProblem =
  | { key: 'logoTooLarge'; values: { maxKib: number; actualKib: number } }
  | { key: 'logoNotImage'; values: Record<string, never> }
  | { key: 'logoWrongType'; values: { declared: string; actual: string } }
  | { key: 'logoBadSize'; values: { max: number } };

export interface LogoFacts {
  type: LogoType;
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** What the file's bytes say it is: a PNG or JPEG with its dimensions, or null. */
export function sniffImage(bytes: Uint8Array): LogoFacts | null {
  if (bytes.length >= 33 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // The first chunk must be IHDR: its length (13), type, width, height, depth, colour type.
    if (view.getUint32(8) !== 13 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
    const depth = bytes[24]!;
    const colour = bytes[25]!;
    const allowed: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
    if (!allowed[colour]?.includes(depth)) return null;
    return { type: 'image/png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegFacts(bytes);
  return null;
}

/** Walks the JPEG's marker segments to its frame header (SOF0–SOF15 but DHT, JPG, DAC). */
function jpegFacts(bytes: Uint8Array): LogoFacts | null {
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan before any frame
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    if (length < 2 || i + 2 + length > bytes.length) return null;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (length < 8) return null;
      const height = (bytes[i + 5]! << 8) | bytes[i + 6]!;
      const width = (bytes[i + 7]! << 8) | bytes[i + 8]!;
      const components = bytes[i + 9]!;
      if (![1, 3, 4].includes(components)) return null;
      return { type: 'image/jpeg', width, height };
    }
    i += 2 + length;
  }
  return null;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((c, i) => [c.charCodeAt(0), i]));

/** Base64 (as the exchange format and the API carry the file) to bytes; null if it is not base64. */
export function decodeBase64(data: string): Uint8Array | null {
  if (data.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) return null;
  const out = new Uint8Array(base64Bytes(data));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < data.length; i++) {
    const v = BASE64_VALUE.get(data.charCodeAt(i));
    if (v === undefined) break; // padding
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (o < out.length) out[o++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/** Bytes a base64 text of this length decodes to, before decoding it. */
export function base64Bytes(data: string): number {
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return Math.floor((data.length * 3) / 4) - padding;
}

/** The first problem of a logo, or its facts. */
export function checkLogo(declared: string, data: string): LogoProblem | LogoFacts {
  const size = base64Bytes(data);
  if (size > LOGO_MAX_BYTES) return { key: 'logoTooLarge', values: { maxKib: LOGO_MAX_BYTES / 1024, actualKib: Math.ceil(size / 1024) } };
  const bytes = decodeBase64(data);
  const facts = bytes ? sniffImage(bytes) : null;
  if (!facts) return { key: 'logoNotImage', values: {} };
  if (facts.type !== declared) return { key: 'logoWrongType', values: { declared, actual: facts.type } };
  if (facts.width < 1 || facts.height < 1 || facts.width > LOGO_MAX_SIDE || facts.height > LOGO_MAX_SIDE) {
    return { key: 'logoBadSize', values: { max: LOGO_MAX_SIDE } };
  }
  return facts;
}

export function isLogoProblem(result: LogoProblem | LogoFacts): result is LogoProblem {
  return 'key' in result;
}
