/**
 * A 1 that OCR dropped from an amount. In narrow sans-serif digits (ReportLab's Helvetica) Tesseract's Chinese
 * model with the digits whitelist reads 1280.00 as 280.00: the 1 goes into the box of the digit after it. The
 * pixels still show it, as a thin upright stroke standing apart from its neighbours; counting the digits in the
 * ink against those read says one is missing, and which.
 */
import { inkColumnRuns, rowInkEdges, type InkRun } from './ink-columns.js';
import { medianLineExtents, type Crop, type MarkedSymbol } from './ocr-read.js';

/** What finding a dropped 1 needs of the OCR settings. */
export interface DroppedOneSettings {
  /** White margin around the crop Tesseract read, pixels. */
  padding: number;
  /** Pixels darker than this are ink. */
  inkThreshold: number;
}

/** Tolerances of the ink groups, as shares of the digits' height. */
export const DEFAULT_DROPPED_ONE_TOLERANCES = {
  /** A 1 is a stroke at most this wide, below its flag. */
  strokeWidth: 0.22,
  /** A digit's ink is at least this tall (a point or a comma is less). */
  digitHeight: 0.6,
  /** A stroke's ink runs this far down the digits' height at least. */
  strokeHeight: 0.8,
  /** A digit's ink is about this wide, at most (Helvetica and SimSun digits are about 0.6). */
  digitWidth: 0.62,
  /** The middle of a 1's ink moves this far across at most, row by row (an arc of 0 moves further). */
  strokeDrift: 0.12,
};

/** Confidence of a 1 put back from its stroke: a likely reading, which the sums can confirm. */
export const DROPPED_ONE_CONFIDENCE = 0.85;

/** One run of inked columns in the line, pixels of the crop. */
interface InkGroup extends InkRun {
  /** A thin, straight, upright stroke: a 1. */
  stroke: boolean;
}

/**
 * The symbols of an amount read, with a 1 put back where the ink holds one more digit than was read and the
 * extra one can only be a 1 (a thin upright stroke, and no other placing fits). Symbols are in the padded
 * image's pixels, as OCR gave them. Pure.
 */
export function restoreDroppedOnes(
  symbols: readonly MarkedSymbol[],
  crop: Crop,
  settings: DroppedOneSettings,
  tolerances = DEFAULT_DROPPED_ONE_TOLERANCES,
): MarkedSymbol[] {
  const text = symbols.map((s) => s.text).join('');
  if (symbols.length === 0 || !/^[\d.,]+$/.test(text) || new Set(symbols.map((s) => s.line)).size !== 1) return [...symbols];
  const line = medianLineExtents(symbols).get(symbols[0]!.line)!;
  const p = settings.padding;
  const em = line.y1 - line.y0;
  const rows = { y0: Math.max(0, Math.floor(line.y0 - p - 0.2 * em)), y1: Math.min(crop.height, Math.ceil(line.y1 - p + 0.2 * em)) };
  // Ink at the crop's sides or taller than the line is what is left of a ruling line, not a digit.
  const groups = inkColumnRuns(crop, rows, settings.inkThreshold)
    .map((g): InkGroup => ({ ...g, stroke: false }))
    .filter((g) => g.x0 > 0 && g.x1 < crop.width && g.y1 - g.y0 <= 1.5 * em);
  const tall = groups.map((g) => g.y1 - g.y0).filter((h) => h >= 0.5 * em).sort((a, b) => a - b);
  if (tall.length === 0) return [...symbols];
  const height = tall[Math.floor(tall.length / 2)]!;
  const tallGroups = groups.filter((g) => g.y1 - g.y0 >= tolerances.digitHeight * height);
  for (const g of tallGroups) g.stroke = isStroke(crop, g, height, settings.inkThreshold, tolerances);
  // Digits that touch make one group: as many digits as it is wide, a stroke one. A digit is as wide as the
  // median group that is no stroke, or, where most of them touch, about 0.6 of its height.
  const widths = tallGroups.filter((g) => !g.stroke).map((g) => g.x1 - g.x0).sort((a, b) => a - b);
  const unit = Math.min(widths.length > 0 ? widths[Math.floor(widths.length / 2)]! : height, tolerances.digitWidth * height);
  const digits = tallGroups.flatMap((g) => (g.stroke ? [g] : Array.from({ length: Math.max(1, Math.round((g.x1 - g.x0) / unit)) }, () => g)));
  const read = symbols.map((s, i) => ({ s, i })).filter(({ s }) => /^\d$/.test(s.text));
  if (digits.length !== read.length + 1 || !digits.some((g) => g.stroke)) return [...symbols];
  // Where the 1 can go: the k-th digit of the ink is a stroke, and every other digit read lines up with the ink
  // (a stroke is read as 1).
  const fits = digits
    .map((_, k) => k)
    .filter((k) => digits[k]!.stroke && read.every(({ s }, j) => !digits[j < k ? j : j + 1]!.stroke || s.text === '1'));
  const results = new Set(fits.map((k) => [...read.slice(0, k).map((r) => r.s.text), '1', ...read.slice(k).map((r) => r.s.text)].join('')));
  if (results.size !== 1) return [...symbols];
  const k = fits[0]!;
  const g = digits[k]!;
  const before = k < read.length ? read[k]!.i : read[read.length - 1]!.i + 1;
  const anchor = symbols[Math.min(before, symbols.length - 1)]!;
  const one: MarkedSymbol = {
    ...anchor,
    text: '1',
    x0: g.x0 + p,
    x1: g.x1 + p,
    confidence: Math.min(DROPPED_ONE_CONFIDENCE, anchor.confidence),
    repair: '1 read from its shape where OCR read nothing: the ink holds one digit more, a thin upright stroke',
  };
  return [...symbols.slice(0, before), one, ...symbols.slice(before)];
}

/**
 * Whether a group is a 1: nearly as tall as the digits, and between its flag (a 1's top leans left) and its foot
 * (SimSun and serif fonts draw one) a narrow stem whose middle stays put row by row; a 7's stem slants.
 */
export function isStroke(crop: Crop, g: InkRun, height: number, threshold: number, t: typeof DEFAULT_DROPPED_ONE_TOLERANCES = DEFAULT_DROPPED_ONE_TOLERANCES): boolean {
  if (g.y1 - g.y0 < t.strokeHeight * height) return false;
  const middles: number[] = [];
  const h = g.y1 - g.y0;
  for (let y = g.y0 + Math.floor(h / 3); y < g.y1 - Math.ceil(h / 6); y++) {
    const edges = rowInkEdges(crop, y, g.x0, g.x1, threshold);
    if (!edges) continue;
    if (edges.last - edges.first + 1 > t.strokeWidth * height) return false;
    middles.push((edges.first + edges.last) / 2);
  }
  return middles.length > 0 && Math.max(...middles) - Math.min(...middles) <= t.strokeDrift * height;
}
