/**
 * Which way up a page stands, asked of OCR where its ink did not say: in a face whose punctuation stands in the
 * middle of its em (AR PL UMing, AR PL UKai) the marks sit neither at the foot nor at the head of a line, and
 * `estimateOrientation` cannot tell a page from the same page upside down. The model can: it reads upright
 * Chinese as Chinese characters it is sure of, and the same text upside down as garbage. Not by its confidence
 * alone, which stays high on garbage made of digits and letters (2,460.00 upside down reads 00 09TF Z at 0.94):
 * by the share of what it read that is Chinese characters read with confidence. So the shortest cells that hold
 * a few lines of text (a name, an indicator) are read as they are and turned half a circle, and the way up that
 * gives clearly more sure Chinese wins; where neither does, nothing is decided.
 *
 * Costs two short OCR jobs a cell, only on the pages the ink left undecided (on the evaluation sets, a tenth of
 * the pages, nearly all in those two faces); the upright read is the cell's own first read, which the page then
 * need not do again (`rememberJobs`).
 *
 * Coordinates: `regions` in page units (1/72 inch) of `image`, origin top-left.
 */
import type { GreyImage } from './grey-image.js';
import type { OcrEngine, OcrResult } from '../ocr/ocr-engine.js';
import { cropRegion, cropToPng, DEFAULT_OCR_CELL_SETTINGS, type OcrRegion } from './ocr-cells.js';
import type { Crop } from './ocr-read.js';

/** Settings of `probeHalfTurn`. */
export interface OrientationProbeSettings {
  /**
   * Cells read both ways up: the smallest of those whose ink is at least `minWidth` ems wide.
   * @default 2
   */
  cells: number;
  /**
   * Narrowest ink (ems) of a cell read: narrower ones are amounts and codes, which read as confidently upside down.
   * @default 5
   */
  minWidth: number;
  /**
   * Share of a read's symbols that are Chinese characters read at `sureAt` or above.
   * @default 0.85
   */
  sureAt: number;
  /**
   * How much larger the share of sure Chinese characters must be one way up for it to win.
   * @default 0.3
   */
  margin: number;
  /**
   * Smallest share of sure Chinese characters of the winning way up.
   * @default 0.5
   */
  minShare: number;
}

export const DEFAULT_ORIENTATION_PROBE_SETTINGS: OrientationProbeSettings = { cells: 2, minWidth: 5, sureAt: 0.85, margin: 0.3, minShare: 0.5 };

/** What reading a page's cells both ways up said. */
export interface HalfTurnProbe {
  /** Whether the page reads better turned half a circle; null when neither way is clearly better. */
  halfTurn: boolean | null;
  /** Share (0..1) of the symbols read that are Chinese characters read with confidence, as they are and turned. */
  asIs: number;
  turned: number;
  /** How many cells were read. */
  cells: number;
}

/**
 * Reads a few of the page's text cells as they are and turned by 180°, and says which way up reads better.
 * `em`: the page's em in pixels (`estimateOrientation`'s).
 */
export async function probeHalfTurn(image: GreyImage, regions: readonly OcrRegion[], em: number, engine: OcrEngine, settings: OrientationProbeSettings = DEFAULT_ORIENTATION_PROBE_SETTINGS): Promise<HalfTurnProbe> {
  const area = (c: Crop) => (c.ink.x1 - c.ink.x0) * (c.ink.y1 - c.ink.y0);
  const chosen = regions
    .filter((r) => r.role === 'cell')
    .map((r) => cropRegion(image, r.rect))
    .filter((c): c is Crop => c !== null && c.ink.x1 - c.ink.x0 >= em * settings.minWidth)
    .sort((a, b) => area(a) - area(b))
    .slice(0, settings.cells);
  if (chosen.length === 0) return { halfTurn: null, asIs: 0, turned: 0, cells: 0 };
  const pad = DEFAULT_OCR_CELL_SETTINGS.padding;
  const reads = await Promise.all(
    chosen.map(async (c) => {
      const [upright, turned] = await Promise.all([cropToPng(c, pad), cropToPng(c, pad, true)]);
      const [a, b] = await Promise.all([engine.addJob({ image: upright, kind: 'text' }), engine.addJob({ image: turned, kind: 'text' })]);
      return [sureChineseShare(a, settings.sureAt), sureChineseShare(b, settings.sureAt)] as const;
    }),
  );
  const asIs = reads.reduce((s, r) => s + r[0], 0) / reads.length;
  const turned = reads.reduce((s, r) => s + r[1], 0) / reads.length;
  const halfTurn = turned >= asIs + settings.margin && turned >= settings.minShare ? true : asIs >= turned + settings.margin && asIs >= settings.minShare ? false : null;
  return { halfTurn, asIs, turned, cells: reads.length };
}

/** The share of a read's symbols that are Chinese characters read at `sureAt` or above (0 when nothing was read). */
export function sureChineseShare(read: OcrResult, sureAt: number): number {
  if (read.symbols.length === 0) return 0;
  return read.symbols.filter((s) => /^\p{Script=Han}$/u.test(s.text) && s.confidence >= sureAt).length / read.symbols.length;
}
