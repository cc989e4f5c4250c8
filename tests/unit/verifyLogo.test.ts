import { describe, expect, it } from 'vitest';
import { pngDecodes } from '../../main/services/verifyLogo';
import { pngBytes } from '../helpers/images';

describe('pngDecodes', () => {
  it('accepts a real PNG', () => {
    expect(pngDecodes(pngBytes(30, 12))).toBe(true);
  });

  it('refuses a PNG whose data does not match its header, or that is cut short', () => {
    const lying = Buffer.from(pngBytes(10, 10));
    lying[25] = 6; // says RGBA; the rows are RGB
    expect(pngDecodes(lying)).toBe(false);
    const cut = pngBytes(10, 10).subarray(0, 50);
    expect(pngDecodes(cut)).toBe(false);
    const garbage = Buffer.from(pngBytes(10, 10));
    garbage.fill(0x41, 41, 60); // inside IDAT
    expect(pngDecodes(garbage)).toBe(false);
  });
});
