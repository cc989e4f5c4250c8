import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

/*
 * Visual regression checks of PDF pages. A page is rendered in grey by pdftoppm (poppler-utils)
 * at a low resolution and compared with a reference image in tests/fixtures/visual/ within a
 * tolerance: a pixel counts as changed when it differs by more than `pixelDelta` grey levels,
 * and the page fails when more than `changedShare` of its pixels changed. Fonts are embedded,
 * so a page renders the same on every machine; anti-aliasing differences stay under the delta.
 *
 * Regenerate every reference after an intended change of the layout, in one command:
 *
 *   UPDATE_VISUAL=1 npx vitest run tests/pdf/visual.test.ts
 *
 * A failing comparison writes the actual page and a diff image (changed pixels black, the rest
 * a faint copy of the reference) to test-artifacts/visual/ and names both files.
 */

export const VISUAL_REFERENCES = path.resolve(import.meta.dirname, '../fixtures/visual');
export const VISUAL_ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts/visual');
export const UPDATE = process.env.UPDATE_VISUAL === '1';

export interface GrayImage {
  width: number;
  height: number;
  /** One byte per pixel, rows top to bottom. */
  pixels: Uint8Array;
}

export interface Tolerance {
  /** Grey levels (0-255) a pixel may differ by without counting as changed. */
  pixelDelta: number;
  /** Share of pixels that may change (0.002: 0.2 %). */
  changedShare: number;
}

export const DEFAULT_TOLERANCE: Tolerance = { pixelDelta: 48, changedShare: 0.002 };
export const DEFAULT_DPI = 45;

/** Renders one page (1-based) of a PDF in grey with pdftoppm. */
export function renderPage(pdf: Uint8Array | string, page: number, dpi = DEFAULT_DPI): GrayImage {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-visual-'));
  try {
    const file = typeof pdf === 'string' ? pdf : path.join(dir, 'in.pdf');
    if (typeof pdf !== 'string') fs.writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, path.join(dir, 'page')]);
    return parsePgm(fs.readFileSync(path.join(dir, 'page.pgm')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function parsePgm(bytes: Buffer): GrayImage {
  // "P5" width height maxval, each followed by one whitespace, then the pixels.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.toString('latin1', 0, 64));
  if (!header || header[3] !== '255') throw new Error('not an 8-bit binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: new Uint8Array(bytes.subarray(header[0].length, header[0].length + width * height)) };
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** An 8-bit greyscale PNG (filter 0 on every row): small to store, opens in any viewer. */
export function encodePng(image: GrayImage): Buffer {
  const { width, height, pixels } = image;
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Reads an 8-bit greyscale PNG, whatever row filters its writer chose. */
export function decodePng(bytes: Buffer): GrayImage {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[9] !== 0 || body[12] !== 0) throw new Error('only 8-bit greyscale, non-interlaced PNGs are read');
    } else if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(data));
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (width + 1)]!;
    const row = raw.subarray(y * (width + 1) + 1, (y + 1) * (width + 1));
    for (let x = 0; x < width; x++) {
      const left = x > 0 ? pixels[y * width + x - 1]! : 0;
      const up = y > 0 ? pixels[(y - 1) * width + x]! : 0;
      const upLeft = x > 0 && y > 0 ? pixels[(y - 1) * width + x - 1]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      pixels[y * width + x] = (row[x]! + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
}

export interface Comparison {
  changed: number;
  share: number;
  sizeDiffers: boolean;
  /** Changed pixels black on a faint copy of the reference. */
  diff: GrayImage;
}

export function compareImages(actual: GrayImage, reference: GrayImage, tolerance: Tolerance = DEFAULT_TOLERANCE): Comparison {
  const sizeDiffers = actual.width !== reference.width || actual.height !== reference.height;
  const width = Math.max(actual.width, reference.width);
  const height = Math.max(actual.height, reference.height);
  const diff = new Uint8Array(width * height);
  let changed = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const a = x < actual.width && y < actual.height ? actual.pixels[y * actual.width + x]! : -1;
      const r = x < reference.width && y < reference.height ? reference.pixels[y * reference.width + x]! : -1;
      const isChanged = a < 0 || r < 0 || Math.abs(a - r) > tolerance.pixelDelta;
      if (isChanged) changed++;
      diff[y * width + x] = isChanged ? 0 : 255 - Math.round((255 - Math.max(r, 0)) * 0.15);
    }
  }
  return { changed, share: changed / (width * height), sizeDiffers, diff: { width, height, pixels: diff } };
}

export interface VisualResult {
  /** Null when the page matches its reference (or the reference was just written). */
  failure: string | null;
  share: number;
}

/**
 * Compares a rendered page with its reference `name`.png. With UPDATE_VISUAL=1, or when no
 * reference exists yet, the reference is (re)written and the comparison passes: commit it.
 */
export function checkAgainstReference(name: string, actual: GrayImage, tolerance: Tolerance = DEFAULT_TOLERANCE): VisualResult {
  const reference = path.join(VISUAL_REFERENCES, `${name}.png`);
  if (UPDATE || !fs.existsSync(reference)) {
    if (!UPDATE && process.env.CI) return { failure: `no reference image ${reference}: run UPDATE_VISUAL=1 npx vitest run tests/pdf/visual.test.ts and commit it`, share: 1 };
    fs.mkdirSync(VISUAL_REFERENCES, { recursive: true });
    fs.writeFileSync(reference, encodePng(actual));
    return { failure: null, share: 0 };
  }
  const result = compareImages(actual, decodePng(fs.readFileSync(reference)), tolerance);
  if (!result.sizeDiffers && result.share <= tolerance.changedShare) return { failure: null, share: result.share };
  fs.mkdirSync(VISUAL_ARTIFACTS, { recursive: true });
  const actualFile = path.join(VISUAL_ARTIFACTS, `${name}.actual.png`);
  const diffFile = path.join(VISUAL_ARTIFACTS, `${name}.diff.png`);
  fs.writeFileSync(actualFile, encodePng(actual));
  fs.writeFileSync(diffFile, encodePng(result.diff));
  const what = result.sizeDiffers
    ? `is ${actual.width}×${actual.height} pixels, its reference was not`
    : `differs from its reference in ${(result.share * 100).toFixed(2)} % of its pixels (tolerance ${(tolerance.changedShare * 100).toFixed(2)} %)`;
  return {
    failure: `${name} ${what}. Reference: ${reference}; actual: ${actualFile}; diff: ${diffFile}. If the change is intended: UPDATE_VISUAL=1 npx vitest run tests/pdf/visual.test.ts`,
    share: result.share,
  };
}
