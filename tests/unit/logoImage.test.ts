import { describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES, checkLogo, decodeBase64, sniffImage } from '../../shared/domain/logoImage';
import { logoSchema } from '../../shared/schemas/logoSchema';
import { jpegHeader, pngBytes } from '../helpers/images';

const b64 = (b: Buffer) => b.toString('base64');

describe('logo files', () => {
  it('reads the type and size of a PNG and a JPEG from their bytes', () => {
    expect(sniffImage(pngBytes(40, 20))).toEqual({ type: 'image/png', width: 40, height: 20 });
    expect(sniffImage(jpegHeader(300, 120))).toEqual({ type: 'image/jpeg', width: 300, height: 120 });
    expect(sniffImage(Buffer.from('GIF89a......'))).toBeNull();
    expect(sniffImage(pngBytes(4, 4).subarray(0, 20))).toBeNull();
  });

  it('decodes base64 as Node does, and refuses what is not base64', () => {
    const bytes = pngBytes(7, 3);
    expect(Buffer.from(decodeBase64(b64(bytes))!)).toEqual(bytes);
    expect(decodeBase64('not base64!')).toBeNull();
  });

  it('names each problem: too large, not an image, wrong type, bad size', () => {
    expect(checkLogo('image/png', b64(pngBytes(10, 10)))).toMatchObject({ type: 'image/png' });
    expect(checkLogo('image/png', 'A'.repeat(Math.ceil(((LOGO_MAX_BYTES + 10) * 4) / 3 / 4) * 4))).toMatchObject({ key: 'logoTooLarge' });
    expect(checkLogo('image/png', b64(Buffer.from('%PDF-1.7 not an image')))).toEqual({ key: 'logoNotImage', values: {} });
    expect(checkLogo('image/png', b64(jpegHeader(10, 10)))).toEqual({ key: 'logoWrongType', values: { declared: 'image/png', actual: 'image/jpeg' } });
    expect(checkLogo('image/png', b64(pngBytes(5000, 1)))).toEqual({ key: 'logoBadSize', values: { max: 4000 } });
  });

  it('is validated by the exchange format’s schema, with the problem on `data`', () => {
    expect(logoSchema.safeParse({ type: 'image/png', data: b64(pngBytes(2, 2)) }).success).toBe(true);
    const bad = logoSchema.safeParse({ type: 'image/jpeg', data: b64(pngBytes(2, 2)) });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ['data'], params: { key: 'logoWrongType' } });
    expect(logoSchema.safeParse({ type: 'image/gif', data: 'R0lG' }).success).toBe(false);
    expect(logoSchema.safeParse({ type: 'image/png', data: 'x', path: '/etc/passwd' }).success).toBe(false);
  });
});
