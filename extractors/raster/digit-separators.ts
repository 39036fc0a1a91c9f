/**
 * A comma between two digits that the two chi_sim models dispute (4,800 read 4.800, or 4800, by the other model):
 * a comma and a point differ in their ink, the comma's tail reaching below the digits' foot and making the mark
 * taller than wide, the point sitting on the foot. Measured on the ink, never on OCR's boxes, which reach below the
 * baseline in many faces. Pixels of the padded read, origin top-left.
 */
import { inkColumnRuns, tallRuns, type InkRun } from './ink-columns.js';
import { DISPUTED_DOUBT, lineOwnRows, median, medianLineExtents, withoutDispute, type Crop, type MarkedSymbol } from './ocr-read.js';
import { inLabelledClause } from './comparator-slot.js';

/** What reading a separator from its ink needs of the OCR settings. */
export interface DigitSeparatorSettings {
  /** White margin around the crop Tesseract read, pixels. */
  padding: number;
  /** Pixels darker than this are ink. */
  inkThreshold: number;
  /** Confidence of a symbol two readings agree on (here: the first model's and the ink's). */
  agreedConfidence: number;
}

/**
 * The shapes that tell a comma from a point, as shares of the digits' ink height. Measured on the twelve
 * development and evaluation sets (cached reads): of 4,054 points between digits, none reached 0.15 below the
 * digits' foot while 1.5 times as tall as wide (the lowest, BabelStone Han's and Noto Serif Light's, 0.14 at most
 * 1.33); of 1,712 commas grouping thousands, 1,128 did (a comma in AR PL UMing, UKai or SungtiL at 200 dpi measures
 * as little as a point: 0.05 below the foot, as tall as wide).
 */
export const DEFAULT_DIGIT_SEPARATOR_SHAPES = {
  /**
   * A comma's ink reaches at least this far below the digits' foot.
   * @default 0.15
   */
  commaTail: 0.15,
  /**
   * A comma's ink is at least this many times as tall as it is wide.
   * @default 1.5
   */
  commaTallness: 1.5,
  /**
   * The most a separator's ink may measure across.
   * @default 0.4
   */
  maxWidth: 0.4,
  /**
   * A separator's ink begins no higher than this above the digits' foot: a point and a comma are low.
   * @default 0.45
   */
  maxRise: 0.45,
};

/** The ink of a separator between two digits, as shares of the digits' ink height, measured from their foot. */
export interface SeparatorInk {
  /** How far below the foot the ink reaches. */
  tail: number;
  /** How far above the foot it begins. */
  rise: number;
  /** How wide it is. */
  width: number;
}

/**
 * The ink of the mark OCR read at `i` between two digits: the small low run of ink between two digits' runs
 * nearest OCR's box (which Tesseract often sets over a digit beside the mark), measured by `separatorShape`. Null
 * when the ink shows no such mark, as where it touches a digit. Pure.
 */
export function separatorInk(
  symbols: readonly MarkedSymbol[],
  i: number,
  crop: Crop,
  settings: DigitSeparatorSettings,
  shapes = DEFAULT_DIGIT_SEPARATOR_SHAPES,
  lines = medianLineExtents(symbols),
): SeparatorInk | null {
  const s = symbols[i]!;
  const before = symbols[i - 1];
  const after = symbols[i + 1];
  if (!before || !after) return null;
  const p = settings.padding;
  const runs = inkColumnRuns(crop, lineOwnRows(lines.get(s.line)!, p), settings.inkThreshold, before.x0 - p, after.x1 - p);
  const digits = tallRuns(runs);
  const body = digitBody(digits);
  if (!body) return null;
  const centre = (s.x0 + s.x1) / 2 - p;
  const distance = (r: InkRun) => (r.x1 <= centre ? centre - r.x1 : r.x0 > centre ? r.x0 - centre : 0);
  const between = (r: InkRun) => digits.some((d) => d.x1 <= r.x0) && digits.some((d) => d.x0 >= r.x1);
  const marks = runs.filter((r) => !digits.includes(r) && between(r) && r.y0 >= body.foot - shapes.maxRise * body.height && distance(r) <= body.height);
  const mark = marks.reduce<InkRun | undefined>((best, r) => (!best || distance(r) < distance(best) ? r : best), undefined);
  return mark ? separatorShape(crop, mark, body, settings.inkThreshold) : null;
}

/** The foot (the bottom row of their ink, exclusive) and the height of two or more digits' runs, or null when too low to measure. */
export function digitBody(digits: readonly InkRun[]): { foot: number; height: number } | null {
  if (digits.length < 2) return null;
  const foot = median(digits.map((r) => r.y1));
  const height = foot - median(digits.map((r) => r.y0));
  return height < 4 ? null : { foot, height };
}

/**
 * A separator's run of ink measured against the digits' body: its tail followed row by row below the run, in its
 * columns and one either side (a slanted tail), down to the first white row. Pure.
 */
export function separatorShape(crop: Crop, mark: InkRun, body: { foot: number; height: number }, threshold: number): SeparatorInk {
  const { foot, height } = body;
  let bottom = mark.y1;
  const x0 = Math.max(0, mark.x0 - 1);
  const x1 = Math.min(crop.width, mark.x1 + 1);
  for (let y = mark.y1; y < Math.min(crop.height, foot + height); y++) {
    let inked = false;
    for (let x = x0; x < x1 && !inked; x++) inked = crop.data[y * crop.width + x]! < threshold;
    if (!inked) break;
    bottom = y + 1;
  }
  return { tail: (bottom - foot) / height, rise: (foot - mark.y0) / height, width: (mark.x1 - mark.x0) / height };
}

/**
 * Whether a symbol's only doubt is the other model reading a point or nothing in place of its comma (a comma OCR
 * placed nowhere included: its ink cannot be measured, the format may still tell).
 */
function disputedComma(symbols: readonly MarkedSymbol[], i: number): boolean {
  const s = symbols[i]!;
  const digit = (x: MarkedSymbol | undefined) => x !== undefined && x.line === s.line && /^[0-9]$/.test(x.text) && x.otherReading === undefined;
  return s.text === ',' && s.doubt?.startsWith(DISPUTED_DOUBT) === true && /^[.。]?$/.test(s.otherReading ?? '-') && !s.lookalike && !s.merged && digit(symbols[i - 1]) && digit(symbols[i + 1]);
}

/**
 * A comma between two digits that the other model read as a point or not at all keeps the first model's reading,
 * with the confidence of an agreement, when its ink has a comma's tail. So does one the other model read as a point
 * in a target, before three digits that end the number: a target prints two decimals at most (measured on the
 * twenty-two development and evaluation sets: 92 such commas whose ink had no tail to show, all right). Otherwise the
 * dispute stands. Pure.
 */
export function readDigitSeparators(symbols: readonly MarkedSymbol[], crop: Crop, settings: DigitSeparatorSettings, shapes = DEFAULT_DIGIT_SEPARATOR_SHAPES): MarkedSymbol[] {
  if (!symbols.some((_, i) => disputedComma(symbols, i))) return [...symbols];
  const lines = medianLineExtents(symbols);
  return symbols.map((s, i) => {
    if (!disputedComma(symbols, i)) return s;
    const ink = s.lost ? null : separatorInk(symbols, i, crop, settings, shapes, lines);
    const why = ink && hasCommaTail(ink, shapes)
      ? "its ink has a comma's tail"
      : s.otherReading === '.' && groupsThousands(symbols, i + 1) && inLabelledClause(symbols, i) ? 'three digits end the number of a target, which prints two decimals at most' : null;
    if (why === null) return s;
    const other = s.otherReading === '' ? 'nothing' : s.otherReading;
    return { ...withoutDispute(s), confidence: Math.max(s.confidence, settings.agreedConfidence), confirmed: true, repair: `the other OCR model read ${other} for this comma between digits; ${why}` };
  });
}

/** Whether exactly three digits follow symbol `at` on its line: a group of thousands, no more. */
export function groupsThousands(symbols: readonly MarkedSymbol[], at: number): boolean {
  const digit = (x: MarkedSymbol | undefined) => x !== undefined && x.line === symbols[at]!.line && /^[0-9]$/.test(x.text);
  let n = 0;
  while (digit(symbols[at + n])) n++;
  return n === 3;
}

/** Whether a separator's ink is a comma's: reaching well below the digits' foot, and taller than wide. */
export function hasCommaTail(ink: SeparatorInk, shapes = DEFAULT_DIGIT_SEPARATOR_SHAPES): boolean {
  const tall = (ink.rise + ink.tail) / Math.max(ink.width, Number.EPSILON);
  return ink.width <= shapes.maxWidth && ink.rise <= shapes.maxRise && ink.tail >= shapes.commaTail && tall >= shapes.commaTallness;
}
