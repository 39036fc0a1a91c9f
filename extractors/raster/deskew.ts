/**
 * Skew of a scanned page, from its long ruling lines and text baselines.
 *
 * Dark pixels are projected onto rows at each candidate angle; the angle at which the row profile is sharpest
 * (largest sum of squared row counts) is the one at which the table's horizontal lines run level. Works on a
 * downsampled copy, first coarsely then finely around the best coarse angle.
 */
import type { GreyImage } from './grey-image.js';

/** Settings of `estimateSkew`. */
export interface DeskewSettings {
  /**
   * Largest skew looked for, in degrees either way.
   * @default 3
   */
  maxAngle: number;
  /**
   * Finest step of the search, in degrees.
   * @default 0.02
   */
  precision: number;
  /**
   * Pixels darker than this are ink.
   * @default 128
   */
  inkThreshold: number;
  /**
   * Width the image is sampled down to for the search, in pixels.
   * @default 1200
   */
  sampleWidth: number;
}

export const DEFAULT_DESKEW_SETTINGS: DeskewSettings = { maxAngle: 3, precision: 0.02, inkThreshold: 128, sampleWidth: 1200 };

/**
 * The angle in degrees by which the page content is rotated clockwise (y down); rotate the image by the
 * negative of it to level it. 0 for an empty page.
 */
export function estimateSkew(image: GreyImage, settings: DeskewSettings = DEFAULT_DESKEW_SETTINGS): number {
  const step = Math.max(1, Math.floor(image.width / settings.sampleWidth));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < image.height; y += step) {
    const row = y * image.width;
    for (let x = 0; x < image.width; x += step) {
      if (image.data[row + x]! < settings.inkThreshold) {
        xs.push(x / step);
        ys.push(y / step);
      }
    }
  }
  if (xs.length < 100) return 0;
  const rows = Math.ceil(image.height / step) + Math.ceil(image.width / step) + 2;
  const offset = Math.ceil(image.width / step) + 1;
  const hist = new Float64Array(rows);
  const score = (deg: number): number => {
    const t = Math.tan((deg * Math.PI) / 180);
    hist.fill(0);
    for (let i = 0; i < xs.length; i++) {
      const r = Math.round(ys[i]! - xs[i]! * t) + offset;
      if (r >= 0 && r < rows) hist[r]!++;
    }
    let s = 0;
    for (let r = 0; r < rows; r++) s += hist[r]! * hist[r]!;
    return s;
  };
  const search = (from: number, to: number, by: number): number => {
    let best = 0;
    let bestScore = -1;
    for (let a = from; a <= to + 1e-9; a += by) {
      const s = score(a);
      if (s > bestScore) {
        bestScore = s;
        best = a;
      }
    }
    return best;
  };
  const coarse = search(-settings.maxAngle, settings.maxAngle, 0.25);
  const medium = search(coarse - 0.25, coarse + 0.25, 0.05);
  const fine = search(medium - 0.05, medium + 0.05, settings.precision);
  return Math.round(fine * 100) / 100;
}
