/**
 * A 5 read as 3. Both chi_sim models read the 5 of some faces as 3, surely and alike (HanaMinA, the GlyphWiki Ming
 * face, on the twenty-first evaluation set: ≥85% as ≥83%, 735.6 as 733.6, ≤35万元 as ≤3万元, at 0.93–0.97), and
 * nothing else in the table says so: the sums of a row misread alike still add up. The ink does: between its top
 * bar and its bowl a 5 is a stem at the left, its right open, where a 3 is the right side of its upper bowl, its
 * left open but for the end of its top arc (in bold and flat-topped faces alike). A 3 whose ink there stands at the
 * left with nothing at the right is marked a look-alike, and its field flagged.
 */
import { DEFAULT_DROPPED_ONE_TOLERANCES, isStroke } from './dropped-ones.js';
import { enclosedWhiteShare, inkBoxIn, inkColumnRuns, rowInkEdges, widestOverlapping, type InkRun } from './ink-columns.js';
import { greyToInkPieces, type RowRun } from './ink-components.js';
import { lineOwnRows, median, medianLineExtents, type Crop, type MarkedSymbol } from './ocr-read.js';

/** What the check needs of the OCR settings. */
export interface DigitShapeSettings {
  /** White margin around the crop Tesseract read, pixels. */
  padding: number;
  /** Pixels darker than this are ink. */
  inkThreshold: number;
}

/** Where a 5's stem stands in its ink's box, as shares of the box. */
export const DEFAULT_FIVE_STEM = {
  /** The rows looked at, from the top of the glyph's ink: below a 5's top bar, above its bowl. */
  top: 0.2,
  bottom: 0.36,
  /** A row has ink left of this share of the glyph's width: a 5's stem. */
  left: 0.4,
  /** And none right of this share: a 3's bowl would stand there. */
  right: 0.65,
  /** The share of the rows that are so, at least. */
  rows: 0.8,
  /** A glyph's ink as tall as this share of its line's body at least, and as wide as a digit: a single digit boxed alone. */
  minHeight: 0.6,
  aspect: { min: 0.35, max: 0.75 },
};

/** Why a 3 with a stem at its upper left is doubted. */
export const FIVE_STEM_DOUBT = '3 with ink at its upper left, where a 5 has its stem: it may be a 5';

/**
 * The symbols of a read, each 3 whose ink has a 5's stem marked as a look-alike. Symbols are in the padded image's
 * pixels, as OCR gave them. Pure.
 */
export function markThreesShapedAsFives(symbols: readonly MarkedSymbol[], crop: Crop, settings: DigitShapeSettings, stem = DEFAULT_FIVE_STEM): MarkedSymbol[] {
  if (!symbols.some((s) => s.text === '3')) return [...symbols];
  const lines = medianLineExtents(symbols);
  const p = settings.padding;
  /** Whether the ink in columns x0..x1 (crop pixels, end exclusive) and the symbol's rows has a 5's stem. */
  const hasFiveStem = (s: MarkedSymbol, body: { y0: number; y1: number }, x0: number, x1: number): boolean => {
    const ink = inkBoxIn(crop, x0, x1, Math.floor(s.y0 - p), Math.ceil(s.y1 - p), settings.inkThreshold);
    if (ink.ink === 0) return false;
    // Last columns and rows inclusive.
    const glyph = { x0: ink.x0, x1: ink.x1 - 1, y0: ink.y0, y1: ink.y1 - 1 };
    const w = glyph.x1 - glyph.x0 + 1;
    const h = glyph.y1 - glyph.y0 + 1;
    if (h < stem.minHeight * (body.y1 - body.y0) || w / h < stem.aspect.min || w / h > stem.aspect.max) return false;
    const inked = (y: number, from: number, to: number) => rowInkEdges(crop, y, Math.max(glyph.x0, from), Math.min(glyph.x1, to) + 1, settings.inkThreshold) !== null;
    let stemRows = 0;
    let all = 0;
    for (let y = Math.round(glyph.y0 + stem.top * h); y <= Math.round(glyph.y0 + stem.bottom * h); y++) {
      all++;
      if (inked(y, glyph.x0, Math.floor(glyph.x0 + stem.left * w)) && !inked(y, Math.ceil(glyph.x0 + stem.right * w), glyph.x1)) stemRows++;
    }
    return all > 0 && stemRows / all >= stem.rows;
  };
  return symbols.map((s, i) => {
    if (s.text !== '3' || s.lookalike) return s;
    const body = lines.get(s.line);
    if (!body) return s;
    const [x0, x1] = [Math.floor(s.x0 - p), Math.ceil(s.x1 - p)];
    if (hasFiveStem(s, body, x0, x1)) return { ...s, lookalike: FIVE_STEM_DOUBT };
    // A box shifted off its glyph (a 3 boxed over the right half of its ink and the start of the % after it) cuts
    // the stem off: the glyph is then the run of inked columns the box overlaps most.
    // Only for a 3 with no digit beside it: in 35 or 350 the box overlapping a 5's ink most may be the 3's own, shifted
    // onto its neighbour. And only where no other box on the line overlaps that run as much.
    if (digitOnLine(symbols, i - 1, s.line) || digitOnLine(symbols, i + 1, s.line)) return s;
    const run = widestOverlapping(inkColumnRuns(crop, lineOwnRows(body, p), settings.inkThreshold), x0, x1);
    if (!run || (run.x0 === x0 && run.x1 === x1)) return s;
    const overlap = (o: MarkedSymbol) => Math.min(run.x1, Math.ceil(o.x1 - p)) - Math.max(run.x0, Math.floor(o.x0 - p));
    if (symbols.some((o) => o !== s && o.line === s.line && overlap(o) >= overlap(s))) return s;
    return hasFiveStem(s, body, run.x0, run.x1) ? { ...s, lookalike: FIVE_STEM_DOUBT } : s;
  });
}

/** How a digit's ink is told from a character's, as shares of its line's body (the median symbol box's height). */
export const DEFAULT_HIDDEN_ONE = {
  /** A digit's ink is at least this tall: a point, a comma or a dash is less. */
  minHeight: 0.5,
  /** And at most this wide: two digits that touch, or a Chinese character, are wider. */
  maxWidth: 0.7,
  /** Of the digits read (their boxes' median height), a 1's ink is at most this tall. */
  maxHeight: 1.1,
  /**
   * Of the digits' height, how far the middle of a 1's stem moves across at most, row by row: half what an amount's
   * dropped 1 may (`DEFAULT_DROPPED_ONE_TOLERANCES`), for here nothing else says a digit is missing, and at 200 dpi a
   * 0 can break into two arcs, each thin and nearly upright.
   */
  strokeDrift: 0.06,
  /**
   * Two runs of ink side by side that together are no wider than this (of the digits' height) are one glyph: at 200
   * dpi a thin 0 breaks into its two arcs, the right one curling left at its top like a 1's flag. Two digits side by
   * side are wider (11 in HanaMinA: 1.0).
   */
  joinedWidth: 0.75,
  /** A number any of whose boxes is wider than this (of the line's body) is left alone: its boxes say nothing of its ink. */
  maxBoxWidth: 1.2,
  /** White a glyph encloses, as a share of its ink box, at least for a counter (a 0's, 6's, 8's or 9's; a 1 has none). */
  minCounter: 0.05,
};

/** Why the digits of a number whose ink holds more 1s than were read are doubted. */
export const HIDDEN_ONE_DOUBT = 'the ink of this number holds a 1 more than OCR read: a 1 may be lost';

/**
 * The symbols of a read, the digits of each number whose ink holds more 1s than were read marked as look-alikes.
 * Both chi_sim models read the 11 of 11月 in AR PL SungtiL GB and HanaMinA as one 1 boxed over both strokes, surely
 * and alike (2025年11月30日前 read as 2025年1月30日前, at 0.95): the value is a date all the same, and only the ink
 * says a digit is missing. A number is its digits read one after another on a line (with the points and commas
 * between them); its ink, the glyphs of a digit's size between its first box's left and its last box's right that
 * no other character's box holds; a 1, such a glyph that is a thin upright stroke (`isStroke`, as for amounts) with a
 * 1's flag (`isOneShaped`). On the twenty-three development and evaluation sets it marked 4 values, all wrong (three
 * 11月 read as 1月, one 31日 as 3日), and no right one. A 1 under the
 * box of the character before the number counts too where a 1 read stands on a glyph that closes a counter: one value
 * more on the six sets measured so (提高10%以上 read 提高1%以上), no right one. Symbols are in the padded image's pixels,
 * as OCR gave them. Pure.
 */
export function markHiddenOnes(symbols: readonly MarkedSymbol[], crop: Crop, settings: DigitShapeSettings, hidden = DEFAULT_HIDDEN_ONE): MarkedSymbol[] {
  if (!symbols.some((s) => /^\d$/.test(s.text))) return [...symbols];
  const lines = medianLineExtents(symbols);
  const p = settings.padding;
  const out = [...symbols];
  const isDigit = (s: MarkedSymbol | undefined) => s !== undefined && /^\d$/.test(s.text);
  // A line's runs of ink, found once for all its numbers.
  const runsByLine = new Map<number, InkRun[]>();
  for (let i = 0; i < symbols.length; i++) {
    const line = symbols[i]!.line;
    if (!isDigit(symbols[i]) || digitOnLine(symbols, i - 1, line)) continue;
    // The number: digits, and a point or comma between two of them.
    let j = i;
    while (digitOnLine(symbols, j + 1, line) || (symbols[j + 1]?.line === line && /^[.,]$/.test(symbols[j + 1]!.text) && digitOnLine(symbols, j + 2, line))) j++;
    const number = symbols.slice(i, j + 1);
    const body = lines.get(line)!;
    const em = body.y1 - body.y0;
    if (em < 1) continue;
    if (number.some((s) => s.x1 - s.x0 > hidden.maxBoxWidth * em)) continue;
    const numberFrom = Math.min(...number.map((s) => s.x0)) - p;
    const to = Math.max(...number.map((s) => s.x1)) - p;
    // A digit stands no taller than the digits read (a Chinese character's stroke does: the 亅 of 小 after 1).
    const digits = number.filter(isDigit).map((s) => s.y1 - s.y0).sort((a, b) => a - b);
    const height = digits[Math.floor(digits.length / 2)]!;
    let runs = runsByLine.get(line);
    if (!runs) runsByLine.set(line, (runs = inkColumnRuns(crop, lineOwnRows(body, p), settings.inkThreshold)));
    // The box of the symbol before the number may run over the number's first digit (提高10%以上 read 提高1%以上 in
    // AR PL SungtiL GB at 200 dpi: the box of 高 over the 1, the 1's box on the 0): the number's ink starts right of
    // that symbol's own glyph, the run its box overlaps most.
    const before = symbols[i - 1]?.line === line ? symbols[i - 1] : undefined;
    const beforeGlyph = before ? widestOverlapping(runs, Math.floor(before.x0 - p), Math.ceil(before.x1 - p)) : undefined;
    const from = beforeGlyph && beforeGlyph.x1 < numberFrom ? beforeGlyph.x1 : numberFrom;
    const holds = (o: MarkedSymbol, middle: number) => (o === before && beforeGlyph ? middle < beforeGlyph.x1 : o.x0 - p <= middle && middle < o.x1 - p);
    const others = symbols.filter((s, k) => s.line === line && (k < i || k > j));
    const glyphs = joinArcs(runs, hidden.joinedWidth * height).filter((r) => {
      const middle = (r.x0 + r.x1) / 2;
      return middle >= from && middle < to && r.y1 - r.y0 >= hidden.minHeight * em && r.x1 - r.x0 <= hidden.maxWidth * em && !others.some((o) => holds(o, middle));
    });
    const oneShaped = glyphs.filter((g) => g.y1 - g.y0 <= hidden.maxHeight * height && isStroke(crop, g, height, settings.inkThreshold, { ...DEFAULT_DROPPED_ONE_TOLERANCES, strokeDrift: hidden.strokeDrift }) && isOneShaped(crop, g, settings.inkThreshold));
    const ones = number.filter((s) => s.text === '1').length;
    // A 1 under the box before the number, where the number's ink holds more digits than were read and a 1 read
    // stands on a glyph that closes a counter (a 0, 6, 8 or 9; a 1 has none): that 1's box is on the digit after it.
    // (后1小时 in HanaMinA: the box of the 1 on the first stroke of 小, no counter, is left alone.)
    const onCounter = (o: MarkedSymbol) => {
      const g = widestOverlapping(runs, Math.floor(o.x0 - p), Math.ceil(o.x1 - p));
      return g !== undefined && enclosedWhiteShare(crop, g, settings.inkThreshold) >= hidden.minCounter;
    };
    const swallowed = oneShaped.some((g) => (g.x0 + g.x1) / 2 < numberFrom) && glyphs.length > number.filter(isDigit).length && number.some((o) => o.text === '1' && onCounter(o));
    if (oneShaped.length <= ones && !swallowed) continue;
    for (let k = i; k <= j; k++) if (isDigit(out[k]) && !out[k]!.lookalike) out[k] = { ...out[k]!, lookalike: HIDDEN_ONE_DOUBT };
  }
  return out;
}

/**
 * Whether a stroke is shaped as a 1: its top reaches left of its stem (the flag) and not right of it (the bar of a
 * 7, whose stem HanaMinA draws upright enough to pass for a 1's), and its foot, where it reaches left, reaches
 * right too (the right arc of a 0 broken in two curls left at both ends). A Chinese character's upright stroke
 * standing apart (the 亅 of 小) has no flag. The stem's edges are its median row's, below the top third; the top and
 * the foot, the ink's first third and last quarter.
 */
function isOneShaped(crop: Crop, g: InkRun, threshold: number): boolean {
  const h = g.y1 - g.y0;
  const edges = (y: number) => rowInkEdges(crop, y, g.x0, g.x1, threshold);
  const lefts: number[] = [];
  const rights: number[] = [];
  for (let y = g.y0 + Math.floor(h / 3); y < g.y1 - Math.ceil(h / 6); y++) {
    const e = edges(y);
    if (!e) continue;
    lefts.push(e.first);
    rights.push(e.last);
  }
  if (lefts.length === 0) return false;
  const [stemLeft, stemRight] = [median(lefts), median(rights)];
  let flag = false;
  for (let y = g.y0; y < g.y0 + Math.ceil(h / 3); y++) {
    const e = edges(y);
    if (!e) continue;
    if (e.last > stemRight + 0.08 * h) return false;
    if (e.first < stemLeft - 0.12 * h) flag = true;
  }
  if (!flag) return false;
  // The right arc of a 0 broken in two at 200 dpi curls left at its foot as at its top; a 1's foot, where it has
  // one, reaches both ways.
  let footLeft = false;
  let footRight = false;
  for (let y = g.y1 - Math.ceil(h / 4); y < g.y1; y++) {
    const e = edges(y);
    if (!e) continue;
    if (e.first < stemLeft - 0.12 * h) footLeft = true;
    if (e.last > stemRight + 0.08 * h) footRight = true;
  }
  return !footLeft || footRight;
}

/** `runs` (left to right), each two side by side that together are no wider than `width` joined into one. */
function joinArcs(runs: readonly InkRun[], width: number): InkRun[] {
  const out: InkRun[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && r.x1 - last.x0 <= width) out[out.length - 1] = { x0: last.x0, x1: r.x1, y0: Math.min(last.y0, r.y0), y1: Math.max(last.y1, r.y1) };
    else out.push({ ...r });
  }
  return out;
}

/** Whether `symbols[k]` is a digit on `line`. */
function digitOnLine(symbols: readonly MarkedSymbol[], k: number, line: number): boolean {
  const s = symbols[k];
  return s !== undefined && s.line === line && /^\d$/.test(s.text);
}

/** Where a 4's strokes part from a 1's stem, as shares of the glyph's ink height. */
export const DEFAULT_FOUR_AS_ONE = {
  /**
   * The rows looked at, from the top of the glyph's ink: below a 1's flag, above its foot. A 4 there has its
   * slant or open stroke beside the stem, then its bar across.
   */
  top: 0.45,
  bottom: 0.8,
  /** A row's one run of ink no wider than this is a stem. */
  stemWidth: 0.3,
  /** The rows of a 1's flag, from the top of the glyph's ink. */
  flag: 0.3,
  /** A flag reaches at least this far left of the stem, and nothing there this far right of it. */
  flagReach: 0.12,
  beyondStem: 0.1,
  /** A piece of ink holding this share of the box's ink in those rows, of the most any piece holds, may be the 4's. */
  sharedInk: 0.3,
  /**
   * The glyph's ink at least this tall, of its line's body (its characters' median box): a whole digit, not a
   * stroke of one. (OCR's box for the 4 itself can run two lines' height.)
   */
  minHeight: 0.55,
};

/** Why a 4 read as a 1 from its ink keeps a doubt. */
export const FOUR_AS_ONE_DOUBT = 'a 1 read from its ink where OCR read 4: between its flag and its foot it is one upright stroke';

/**
 * The symbols of a read, each 4 of a number whose ink is a 1 read as 1, in doubt. WenQuanYi Zen Hei Sharp sets its
 * 1 with a flag down to a third of its height and a foot as wide as a digit, tight after a colon; both models read
 * it as 4 at 0.97 (指标值:100% as 指标值:400%, on the seventeenth evaluation set), its box taking in the colon's ink.
 * The ink tells them apart: below a 1's flag and above its foot there is its stem alone, one narrow run in every
 * row, where a 4 has its slanted or open stroke beside the stem and then its bar across; and above the stem the
 * flag reaches left, nothing right. The glyph is the leftmost piece of ink (8-connected) that holds much of the ink
 * of the 4's box in those rows (`glyphUnder`). Symbols are in the padded image's pixels, as OCR gave them. Pure.
 */
export function readFoursShapedAsOnes(symbols: readonly MarkedSymbol[], crop: Crop, settings: DigitShapeSettings, four = DEFAULT_FOUR_AS_ONE): MarkedSymbol[] {
  if (!symbols.some((s) => s.text === '4')) return [...symbols];
  const p = settings.padding;
  const lines = medianLineExtents(symbols);
  return symbols.map((s, i) => {
    if (s.text !== '4' || !inNumber(symbols, i)) return s;
    const body = lines.get(s.line)!;
    const box = { x0: Math.round(s.x0 - p), x1: Math.round(s.x1 - p), y0: Math.round(s.y0 - p), y1: Math.round(s.y1 - p) };
    const glyph = glyphUnder(crop, box, settings.inkThreshold, four);
    if (!glyph || glyph.y1 - glyph.y0 < four.minHeight * (body.y1 - body.y0)) return s;
    const stem = oneStem(glyph, box, four);
    // A stem under the next symbol's box is that symbol's: OCR's boxes can run a glyph behind the ink (412 boxed
    // as 4 on the colon, 1 on the 2), and the 4 is then the glyph before.
    const next = symbols[i + 1];
    if (stem === null || (next !== undefined && next.line === s.line && (stem.x0 + stem.x1) / 2 >= next.x0 - p)) return s;
    return { ...s, text: '1', lookalike: FOUR_AS_ONE_DOUBT, repair: 'OCR read 4 where the ink is a 1: one upright stroke between its flag and its foot' };
  });
}

/** Whether symbol `i` stands in a number: a digit, or a % or a point between digits, beside it on its line. */
function inNumber(symbols: readonly MarkedSymbol[], i: number): boolean {
  const beside = [symbols[i - 1], symbols[i + 1]].filter((t) => t !== undefined && t.line === symbols[i]!.line);
  return beside.some((t) => /^[0-9%.,]$/.test(t!.text));
}

/** A piece of ink: its rows' bounds (crop pixels, end exclusive) and, for each of its rows, the runs of its ink. */
interface Glyph {
  y0: number;
  y1: number;
  rows: Map<number, RowRun[]>;
}

/**
 * The 8-connected piece of ink, within a margin of `box`, that holds the ink of the box in the rows a 1 has only its
 * stem: the leftmost of those that hold at least `sharedInk` of the most any holds; null where the box holds none.
 */
function glyphUnder(crop: Crop, box: { x0: number; x1: number; y0: number; y1: number }, threshold: number, four: typeof DEFAULT_FOUR_AS_ONE): Glyph | null {
  const h = box.y1 - box.y0;
  if (h < 4) return null;
  const window = {
    x0: Math.max(0, Math.floor(box.x0 - 0.3 * h)),
    x1: Math.min(crop.width, Math.ceil(box.x1 + 0.3 * h)),
    y0: Math.max(0, Math.floor(box.y0 - 0.2 * h)),
    y1: Math.min(crop.height, Math.ceil(box.y1 + 0.2 * h)),
  };
  const band = { y0: Math.round(box.y0 + four.top * h), y1: Math.round(box.y0 + four.bottom * h) };
  const inBox = (runs: readonly RowRun[]) =>
    runs.reduce((sum, r) => sum + (r.y >= band.y0 && r.y < band.y1 ? Math.max(0, Math.min(r.x1, box.x1) - Math.max(r.x0, box.x0)) : 0), 0);
  const pieces = greyToInkPieces(crop, threshold, window).map((runs) => ({ runs, inBox: inBox(runs), left: Math.min(...runs.map((r) => r.x0)) }));
  // The leftmost of the pieces that hold much of the box's ink there: OCR's box for the 4 can take in the digit
  // after it (a 0 whose left arc holds as much of the box as the 1's stem and foot).
  const most = Math.max(0, ...pieces.map((piece) => piece.inBox));
  const best = pieces.filter((piece) => piece.inBox > 0 && piece.inBox >= four.sharedInk * most).sort((a, b) => a.left - b.left)[0];
  if (!best) return null;
  const rows = new Map<number, RowRun[]>();
  for (const r of best.runs) rows.set(r.y, [...(rows.get(r.y) ?? []), r]);
  return { y0: best.runs[0]!.y, y1: best.runs[best.runs.length - 1]!.y + 1, rows };
}

/**
 * The stem of a glyph that is a 1's (crop columns, end exclusive), or null: a stem alone between its flag and its
 * foot, one narrow run in every row there, but for runs that start right of the box OCR gave the 4 (a 1's wide foot
 * can join it to the 0 after it; a 4's slant stands left of its stem), and a flag above it.
 */
function oneStem(glyph: Glyph, box: { x0: number; x1: number }, four: typeof DEFAULT_FOUR_AS_ONE): { x0: number; x1: number } | null {
  const h = glyph.y1 - glyph.y0;
  const runsAt = (y: number) => (glyph.rows.get(y) ?? []).filter((r) => r.x0 < box.x1);
  const stems: RowRun[] = [];
  for (let y = Math.round(glyph.y0 + four.top * h); y < Math.round(glyph.y0 + four.bottom * h); y++) {
    const runs = runsAt(y);
    if (runs.length !== 1 || runs[0]!.x1 - runs[0]!.x0 > four.stemWidth * h) return null;
    stems.push(runs[0]!);
  }
  if (stems.length === 0) return null;
  // Above the stem, a 1's flag: ink left of it, none right of it (the cap of a 0 whose right arc stands beyond the
  // box reaches right; so does a 7's bar). Ink that starts right of the stem is the next glyph's, joined at the foot.
  const stemX0 = median(stems.map((r) => r.x0));
  const stemX1 = median(stems.map((r) => r.x1));
  const beyond = stemX1 + four.beyondStem * h;
  let flag = false;
  for (let y = glyph.y0; y < glyph.y0 + Math.ceil(four.flag * h); y++) {
    for (const r of runsAt(y).filter((run) => run.x0 <= beyond)) {
      if (r.x1 > beyond) return null;
      if (r.x0 < stemX0 - four.flagReach * h) flag = true;
    }
  }
  return flag ? { x0: stemX0, x1: stemX1 } : null;
}
