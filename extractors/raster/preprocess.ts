/**
 * Preprocessing of a page image with sharp: greyscale, deskew, normalise, denoise.
 *
 * The page is rotated about its centre and cropped back to its own size, so that a point of the levelled
 * image maps back to the original page by the inverse rotation (`levelledToPage`): sources stay in the
 * page's own coordinates.
 */
import sharp from 'sharp';
import { estimateSkew, DEFAULT_DESKEW_SETTINGS, type DeskewSettings } from './deskew.js';
import type { GreyImage } from './grey-image.js';

/** Settings of `preprocessPage`. */
export interface PreprocessSettings {
  deskew: DeskewSettings;
  /**
   * Skews smaller than this (degrees) are left alone: rotating resamples the image and blurs it a little.
   * @default 0.05
   */
  minSkew: number;
  /**
   * Median filter size for speckle noise (odd pixels; 0 = off), applied when the page looks noisy (many
   * isolated dark pixels).
   * @default 3
   */
  median: number;
  /**
   * How much lighter (grey levels) than the page's ink the darkest 1% may be before contrast is stretched from
   * the ink instead (see `blackPercentile`).
   * @default 40
   */
  maxBlackPointShift: number;
}

export const DEFAULT_PREPROCESS_SETTINGS: PreprocessSettings = { deskew: DEFAULT_DESKEW_SETTINGS, minSkew: 0.05, median: 3, maxBlackPointShift: 40 };

/** Grey levels below the paper's (the median pixel) from which a pixel counts as ink, not paper noise. */
const INK_BELOW_PAPER = 40;
/** The ink's black point: this percentile of the ink's pixels (its darkest tenth, not its anti-aliased edges). */
const INK_BLACK_PERCENTILE = 10;
/** sharp's own percentiles for `normalise`. */
const NORMALISE_LOWER = 1;
const NORMALISE_UPPER = 99;

/** A levelled page image and how it relates to the page. */
export interface PreparedPage {
  image: GreyImage;
  /** Degrees the content was rotated clockwise on the page, and has been rotated back. */
  skew: number;
  /** Whether speckle noise was filtered out. */
  denoised: boolean;
}

/** Greyscale, levelled, normalised page image. */
export async function preprocessPage(input: GreyImage, settings: PreprocessSettings = DEFAULT_PREPROCESS_SETTINGS): Promise<PreparedPage> {
  const skew = estimateSkew(input, settings.deskew);
  const noisy = settings.median > 0 && speckleShare(input) > 0.002;
  let pipeline = sharp(Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength), {
    raw: { width: input.width, height: input.height, channels: 1 },
  });
  if (Math.abs(skew) >= settings.minSkew) {
    const rotated = await pipeline.rotate(-skew, { background: '#ffffff' }).raw().toBuffer({ resolveWithObject: true });
    const left = Math.max(0, Math.floor((rotated.info.width - input.width) / 2));
    const top = Math.max(0, Math.floor((rotated.info.height - input.height) / 2));
    pipeline = sharp(rotated.data, { raw: { width: rotated.info.width, height: rotated.info.height, channels: rotated.info.channels } }).extract({
      left,
      top,
      width: Math.min(input.width, rotated.info.width),
      height: Math.min(input.height, rotated.info.height),
    });
  }
  if (noisy) pipeline = pipeline.median(settings.median);
  const lower = blackPercentile(input, settings.maxBlackPointShift);
  const { data, info } = await pipeline.greyscale().normalise({ lower, upper: NORMALISE_UPPER }).raw().toBuffer({ resolveWithObject: true });
  return { image: { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), dpi: input.dpi }, skew: Math.abs(skew) >= settings.minSkew ? skew : 0, denoised: noisy };
}

/**
 * A point of a levelled page back on the original page: the inverse of the deskew, a rotation by `skew`
 * degrees (clockwise, y down) about the centre of a `width` × `height` page. Any unit, as long as one.
 */
export function levelledToPage(x: number, y: number, skew: number, width: number, height: number): [number, number] {
  if (skew === 0) return [x, y];
  const a = (skew * Math.PI) / 180;
  const dx = x - width / 2;
  const dy = y - height / 2;
  return [width / 2 + dx * Math.cos(a) - dy * Math.sin(a), height / 2 + dx * Math.sin(a) + dy * Math.cos(a)];
}

/**
 * The percentile of darkest pixels that contrast stretching maps to black: sharp's 1%, unless that 1% is much
 * lighter than the page's ink. On a page that is nearly all paper (the last page of a table, holding a row or
 * two), the darkest 1% is the ink's grey edges and the paper's noise: stretched to black, the paper turns grey and
 * its text into blobs, and the ruling-line finder reads the text as lines. There the share of pixels as dark as
 * the ink is taken instead.
 *
 * @param image the page before levelling, grey levels 0 (black) to 255
 * @param maxShift grey levels the darkest 1% may lie above the ink's black point before the ink's is taken
 * @returns a percentage (0.001 to 1) for sharp's `normalise({ lower })`
 */
export function blackPercentile(image: GreyImage, maxShift: number): number {
  const histogram = new Array<number>(256).fill(0);
  const { data } = image;
  const step = Math.max(1, Math.floor(data.length / 2_000_000));
  let n = 0;
  for (let i = 0; i < data.length; i += step) {
    histogram[data[i]!]!++;
    n++;
  }
  // atOrBelow[v]: pixels at grey level v or darker.
  const atOrBelow: number[] = [];
  histogram.reduce((sum, count, v) => (atOrBelow[v] = sum + count), 0);
  /** The darkest level with `share` of the pixels darker than `below` at or under it. */
  const levelAt = (share: number, below = 256): number => {
    const total = atOrBelow[below - 1]!;
    for (let v = 0; v < below; v++) if (atOrBelow[v]! >= total * share) return v;
    return below - 1;
  };
  const paper = levelAt(0.5);
  const inkBelow = Math.max(0, paper - INK_BELOW_PAPER);
  if (inkBelow === 0 || atOrBelow[inkBelow - 1] === 0) return NORMALISE_LOWER;
  const ink = levelAt(INK_BLACK_PERCENTILE / 100, inkBelow);
  if (levelAt(NORMALISE_LOWER / 100) - ink <= maxShift) return NORMALISE_LOWER;
  const share = atOrBelow[ink]! / n;
  return Math.min(NORMALISE_LOWER, Math.max(share * 100, 0.001));
}

/** Share of dark pixels with no dark neighbour: speckle from a scanner or JPEG noise. */
function speckleShare(image: GreyImage): number {
  const { width, height, data } = image;
  let isolated = 0;
  let sampled = 0;
  const step = Math.max(1, Math.floor(width / 800));
  for (let y = 1; y < height - 1; y += step) {
    for (let x = 1; x < width - 1; x += step) {
      sampled++;
      const i = y * width + x;
      if (data[i]! >= 128) continue;
      if (data[i - 1]! >= 128 && data[i + 1]! >= 128 && data[i - width]! >= 128 && data[i + width]! >= 128) isolated++;
    }
  }
  return sampled === 0 ? 0 : isolated / sampled;
}
