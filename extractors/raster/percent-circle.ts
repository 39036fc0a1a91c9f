/**
 * A % read as a 9 and a %. Tesseract reads the upper circle of a % with the top of its slash, a circle with a tail, as a
 * 9 of its own before the %: ≥98.5% read as ≥98.59%, <1% as <19%, a value wrong by a digit that a percentage's grammar
 * cannot tell (98.59% is a percentage too). Its own boxes can: that 9's box lies inside the box it gave the %, both
 * starting at the circle. Only a 9: a real digit before a % can be boxed so too (the % box reaching back over the 0
 * of 40% or 70%). Measured on the twenty-two development and evaluation sets (cached reads): of the 9s so boxed, 88
 * were the %'s circle and one a digit of the value (≥99% in Smiley Sans, see `PERCENT_CIRCLE_MIN_VALUE`); of the 0s,
 * 2s and 3s, 17 were digits of the value. Boxes in the padded read's pixels.
 */
import type { MarkedSymbol } from './ocr-read.js';

/** Box overlaps that make a 9 the %'s circle, as shares of the 9's box width. */
export const DEFAULT_PERCENT_CIRCLE_OVERLAP = {
  /** The share of the digit's box the %'s box covers at least. */
  inside: 0.8,
  /** How far right of the digit's box's start the %'s box may start, at most. */
  startOffset: 0.25,
};

/**
 * The value the number before the 9 must exceed for the 9 to be dropped. A small one may be a ‰ read as 9% (低于0.5‰
 * read 低于0.59%, its twin 低于0.5%: dropping the 9 made the twins agree on a wrong unit), and in an oblique face a
 * real 9 is boxed inside the % (≥99% in Smiley Sans); ‰ targets are small, and above 10 a table writes per cent.
 */
export const PERCENT_CIRCLE_MIN_VALUE = 10;

/** Confidence of a % whose circle OCR read as a digit too: its boxes say so, and they are not always right. */
export const PERCENT_CIRCLE_CONFIDENCE = 0.85;

/**
 * The symbols, without a 9 right before a % on its line whose box the %'s box covers from its start: the % carries
 * the repair. Pure.
 */
export function dropPercentCircles(symbols: readonly MarkedSymbol[]): MarkedSymbol[] {
  const overlap = DEFAULT_PERCENT_CIRCLE_OVERLAP;
  if (!symbols.some((s) => s.text === '%')) return [...symbols];
  const dropped = new Set<number>();
  const out = symbols.map((s, i) => {
    const digit = symbols[i - 1];
    if (s.text !== '%' || !digit || digit.line !== s.line || digit.text !== '9') return s;
    const width = digit.x1 - digit.x0;
    if (width <= 0) return s;
    const covered = Math.min(digit.x1, s.x1) - Math.max(digit.x0, s.x0);
    if (covered < overlap.inside * width || s.x0 - digit.x0 > overlap.startOffset * width) return s;
    if (!(valueBefore(symbols, i - 1) > PERCENT_CIRCLE_MIN_VALUE)) return s;
    dropped.add(i - 1);
    return { ...s, confidence: Math.min(s.confidence, PERCENT_CIRCLE_CONFIDENCE), repair: `«${digit.text}%» read as %: the box of ${digit.text} lies inside the box of the %, whose circle it is` };
  });
  return out.filter((_, i) => !dropped.has(i));
}

/** The number the digits and points before symbol `at` on its line make (NaN when there are none). */
function valueBefore(symbols: readonly MarkedSymbol[], at: number): number {
  let k = at;
  while (k > 0 && symbols[k - 1]!.line === symbols[at]!.line && /^[0-9.]$/.test(symbols[k - 1]!.text)) k--;
  return k === at ? Number.NaN : Number(symbols.slice(k, at).map((s) => s.text).join(''));
}
