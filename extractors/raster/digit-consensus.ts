/**
 * The digits of one document against each other: a document prints its digits in one or two faces, so every 5 of a
 * face is the same ink, and OCR reading that ink as two different digits contradicts itself. Both chi_sim models read
 * HanaMinA's 5 as 3, surely, about half the time (its 5 has a thin stem that both models miss), and its 6 as 0 one
 * time in four: the same glyph, read as 5 elsewhere in the same document. A single cell cannot tell; the document can.
 *
 *   read + cell pixels → the shapes of its digits (`readToDigitShapes`, per cell, where the pixels are)
 *   → shapes of the whole document → clusters of like ink (`shapesToClusters`)
 *   → each cluster's digit, from its sure reads (`clusterToVerdict`)
 *   → a digit read otherwise in a cluster that is sure of its digit is put right, and doubted (`agreeDigits`).
 *
 * A shape is the ink of one glyph scaled to `SHAPE_WIDTH` × `SHAPE_HEIGHT` cells, so that the same glyph at 200 and
 * 300 dpi, or in a larger cell, compares alike. Tesseract's boxes stand up to a whole glyph off their ink, so glyphs
 * are matched to digits by their order on the line, not by the boxes.
 */
import type { Crop, MarkedSymbol } from './ocr-read.js';
import { median, medianLineExtents, lineOwnRows } from './ocr-read.js';
import { inkColumnRuns, widestOverlapping, type InkRun } from './ink-columns.js';

/** Columns of a digit shape. */
export const SHAPE_WIDTH = 12;
/** Rows of a digit shape. */
export const SHAPE_HEIGHT = 18;

/** The ink of one digit glyph, scaled to `SHAPE_WIDTH` × `SHAPE_HEIGHT` cells. */
export interface DigitShape {
  /** Ink per cell, row by row from the top-left: 0 white to 255 black (the mean darkness of its pixels). */
  cells: Uint8Array;
  /** Width over height of the glyph's ink, which scaling to the cells loses (a 1 and an l fill them alike). */
  aspect: number;
  /** The digits read on either side of this one in its number: a glyph matched one place off is read as one of them. */
  neighbours: string;
}

/** How the digits' glyphs of a line are told from its other ink, as shares of the digits' height. */
export const DEFAULT_SHAPE_SAMPLING = {
  /** A digit's glyph is at least this tall: a Chinese character's part, a comma or a point is more or less. */
  minHeight: 0.85,
  /** And at most this tall: a Chinese character stands a quarter taller than the digits beside it. */
  maxHeight: 1.15,
  /** And at most this wide: a digit of these faces is 0.5–0.65 of its height wide, two that touch are wider. */
  maxWidth: 0.8,
  /** Ink lower than this between two digits is a point or a comma of the number. */
  markHeight: 0.45,
  /** Two digits of one number stand at most this far apart (the white between them). */
  maxGap: 0.6,
  /** Of the median width of its number's glyphs, a digit's glyph is at most this wide: wider, two glyphs touch. */
  maxDigitWidth: 1.4,
};

/** Characters after a number whose glyph stands as tall as a digit: its ink may go on past the digits. */
const DIGIT_HIGH_AFTER = /^[%‰A-Za-z]$/;
/** Comparators before a number, whose glyph may stand as tall as a digit: its ink may begin before the digits. */
const DIGIT_HIGH_BEFORE = /^[<>=≤≥＜＞＝⩽⩾]$/;

/**
 * The shapes of the digits of a read (symbols in the padded read's pixels, `padding` the white added round the crop),
 * by symbol index. Tesseract's boxes cannot say which glyph a digit is: they stand up to a whole glyph off their ink,
 * hugging the next one as closely as their own (FandolSong's 260人 boxed 2 over the 6, 6 over the 0, 0 over 人). So the
 * glyphs are found by their order instead: each number OCR read on a line is matched with the one number of the ink
 * (runs of inked columns as tall as a digit, with only points and commas between them) within a digit's height of its
 * boxes, where that has as many glyphs as digits were read (or one more, where a comparator stands before it or a %
 * or a letter after it); each digit then gets the glyph in its place. A number matching none, or two, gives no shapes.
 */
export function readToDigitShapes(symbols: readonly MarkedSymbol[], crop: Crop, padding: number, inkThreshold: number, sampling = DEFAULT_SHAPE_SAMPLING): Map<number, DigitShape> {
  const shapes = new Map<number, DigitShape>();
  const bodies = medianLineExtents(symbols);
  for (const [line, body] of bodies) {
    const numbers = readNumbers(symbols, line);
    if (numbers.length === 0) continue;
    const runs = inkColumnRuns(crop, lineOwnRows(body, padding), inkThreshold);
    const box = (i: number) => ({ x0: Math.floor(symbols[i]!.x0 - padding), x1: Math.ceil(symbols[i]!.x1 - padding) });
    // The digits' height: the median of the runs their boxes overlap most, most of which are digits however the boxes stand.
    const heights = numbers.flatMap((n) => n.digits).map((i) => widestOverlapping(runs, box(i).x0, box(i).x1)).filter((r) => r !== undefined).map((r) => r.y1 - r.y0);
    if (heights.length === 0) continue;
    const height = median(heights);
    const glyphs = inkNumbers(runs, height, sampling);
    const near = numbers.map((n) => {
      const x0 = box(n.digits[0]!).x0 - height;
      const x1 = box(n.digits.at(-1)!).x1 + height;
      return glyphs.filter((g) => g.some((r) => r.x1 > x0 && r.x0 < x1));
    });
    // An ink number that is the one near two read numbers is the glyphs of one of them at most: in 2、1- the 1's own
    // glyph joined to the hyphen is no digit's ink, and the 2's is the only number near it.
    const claims = new Map<InkRun[], number>();
    for (const candidates of near) if (candidates.length === 1) claims.set(candidates[0]!, (claims.get(candidates[0]!) ?? 0) + 1);
    for (const [k, n] of numbers.entries()) {
      if (near[k]!.length !== 1 || claims.get(near[k]![0]!)! > 1) continue;
      const ink = near[k]![0]!;
      const extra = ink.length - n.digits.length;
      const typical = median(ink.map((r) => r.x1 - r.x0));
      const offset = extra === 0 ? 0 : extraGlyphAt(n, ink, box);
      if (offset === null) continue;
      const digitRuns = ink.slice(offset, offset + n.digits.length);
      // Two glyphs that touch make one wide run: the glyphs after it are then matched one place off.
      if (digitRuns.some((r) => r.x1 - r.x0 > sampling.maxDigitWidth * typical)) continue;
      n.digits.forEach((i, d) => {
        const run = ink[d + offset]!;
        const neighbours = [n.digits[d - 1], n.digits[d + 1]].map((k) => (k === undefined ? '' : symbols[k]!.text)).join('');
        shapes.set(i, { cells: inkToCells(crop, run), aspect: (run.x1 - run.x0) / (run.y1 - run.y0), neighbours });
      });
    }
  }
  return shapes;
}

/**
 * Where a number's ink holds one glyph more than its digits: 1 where it is a comparator before them, 0 where it is a %
 * or a letter after them; null where neither is read there, or the boxes do not say which. The boxes decide between
 * the two (the digits' boxes overlap the glyphs they stand on at least half as much again as the glyphs one place
 * off), and what OCR read beside the number must allow it.
 */
function extraGlyphAt(n: ReadNumber, ink: readonly InkRun[], box: (i: number) => { x0: number; x1: number }): 0 | 1 | null {
  if (ink.length !== n.digits.length + 1) return null;
  const overlapAt = (offset: number) => n.digits.reduce((sum, i, d) => sum + Math.max(0, Math.min(ink[d + offset]!.x1, box(i).x1) - Math.max(ink[d + offset]!.x0, box(i).x0)), 0);
  const [first, last] = [overlapAt(1), overlapAt(0)];
  if (first >= 1.5 * last && DIGIT_HIGH_BEFORE.test(n.before ?? '')) return 1;
  if (last >= 1.5 * first && DIGIT_HIGH_AFTER.test(n.after ?? '')) return 0;
  return null;
}

/** A number OCR read: its digit symbols (indices into the read), and the text of the symbols before and after it. */
interface ReadNumber {
  digits: number[];
  before: string | undefined;
  after: string | undefined;
}

/** The numbers OCR read on a line, a point or comma between two digits joining them. */
function readNumbers(symbols: readonly MarkedSymbol[], line: number): ReadNumber[] {
  const numbers: ReadNumber[] = [];
  const on = symbols.map((s, i) => i).filter((i) => symbols[i]!.line === line);
  let current: ReadNumber | null = null;
  for (let k = 0; k < on.length; k++) {
    const text = symbols[on[k]!]!.text;
    if (/^[0-9]$/.test(text)) {
      current ??= { digits: [], before: k > 0 ? symbols[on[k - 1]!]!.text : undefined, after: undefined };
      current.digits.push(on[k]!);
      continue;
    }
    const joins = current && /^[.,]$/.test(text) && /^[0-9]$/.test(symbols[on[k + 1]!]?.text ?? '');
    if (joins) continue;
    if (current) numbers.push({ ...current, after: text });
    current = null;
  }
  if (current) numbers.push(current);
  return numbers;
}

/** The numbers of a line's ink: runs as tall as a digit, one after another with at most points and commas between. */
function inkNumbers(runs: readonly InkRun[], height: number, sampling = DEFAULT_SHAPE_SAMPLING): InkRun[][] {
  const numbers: InkRun[][] = [];
  let current: InkRun[] | null = null;
  let last: InkRun | null = null;
  for (const r of runs) {
    const h = r.y1 - r.y0;
    const digit = h >= sampling.minHeight * height && h <= sampling.maxHeight * height && r.x1 - r.x0 <= sampling.maxWidth * height;
    if (digit) {
      if (current && last && r.x0 - last.x1 <= sampling.maxGap * height) current.push(r);
      else numbers.push((current = [r]));
      last = r;
    } else if (current && h < sampling.markHeight * height) {
      last = r;
    } else {
      current = null;
      last = null;
    }
  }
  return numbers;
}

/** The ink of a box of the crop averaged into the shape's cells (each cell the pixels it covers, at least one). */
function inkToCells(crop: Crop, box: InkRun): Uint8Array {
  const cells = new Uint8Array(SHAPE_WIDTH * SHAPE_HEIGHT);
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  for (let j = 0; j < SHAPE_HEIGHT; j++) {
    const ya = box.y0 + Math.floor((j * h) / SHAPE_HEIGHT);
    const yb = Math.max(ya + 1, box.y0 + Math.floor(((j + 1) * h) / SHAPE_HEIGHT));
    for (let i = 0; i < SHAPE_WIDTH; i++) {
      const xa = box.x0 + Math.floor((i * w) / SHAPE_WIDTH);
      const xb = Math.max(xa + 1, box.x0 + Math.floor(((i + 1) * w) / SHAPE_WIDTH));
      let sum = 0;
      for (let y = ya; y < yb; y++) for (let x = xa; x < xb; x++) sum += 255 - crop.data[y * crop.width + x]!;
      cells[j * SHAPE_WIDTH + i] = Math.round(sum / ((yb - ya) * (xb - xa)));
    }
  }
  return cells;
}

/** A digit read, with the shape of its ink: what the document stage clusters. */
export interface DigitSpecimen {
  digit: string;
  /** 0..1, as OCR (and the checks after it) left it. */
  confidence: number;
  /** Whether a check already doubted or repaired the read: its digit is no vote. */
  doubted: boolean;
  shape: DigitShape;
}

/** Tolerances of clustering and of a cluster's verdict. */
export interface DigitConsensusSettings {
  /**
   * Two shapes are alike below this distance: the sum over the cells of the squared difference of their ink (0..1
   * each). The same glyph twice differs by 0–3 in a clean scan and up to about 8 at 200 dpi with noise; a 3 and a 5
   * of one face by 12 and more.
   * @default 10
   */
  maxDistance: number;
  /**
   * Two shapes whose aspects differ by more than this factor are not alike, however their cells compare.
   * @default 1.25
   */
  maxAspectRatio: number;
  /**
   * A read at or above this confidence, not doubted, votes for its digit.
   * @default 0.9
   */
  voteFrom: number;
  /**
   * A cluster decides its digit with at least this many votes for it.
   * @default 4
   */
  minVotes: number;
  /**
   * And with at least this share of its votes.
   * @default 0.8
   */
  minShare: number;
}

export const DEFAULT_DIGIT_CONSENSUS: DigitConsensusSettings = { maxDistance: 10, maxAspectRatio: 1.25, voteFrom: 0.9, minVotes: 4, minShare: 0.8 };

const BLOCK = 3;
const BLOCKS_X = SHAPE_WIDTH / BLOCK;
const BLOCKS_Y = SHAPE_HEIGHT / BLOCK;

/** A shape's blocks of 3 × 3 cells, averaged (0..1): a bound that rules out most pairs before their cells are compared. */
function blocksOf(shape: DigitShape): Float64Array {
  const blocks = new Float64Array(BLOCKS_X * BLOCKS_Y);
  for (let j = 0; j < SHAPE_HEIGHT; j++) for (let i = 0; i < SHAPE_WIDTH; i++) blocks[Math.floor(j / BLOCK) * BLOCKS_X + Math.floor(i / BLOCK)]! += shape.cells[j * SHAPE_WIDTH + i]! / 255 / (BLOCK * BLOCK);
  return blocks;
}

/** Sum of squared differences of the cells (0..1 each). */
export function shapeDistance(a: DigitShape, b: DigitShape): number {
  let sum = 0;
  for (let k = 0; k < a.cells.length; k++) {
    const d = (a.cells[k]! - b.cells[k]!) / 255;
    sum += d * d;
  }
  return sum;
}

/**
 * Specimens in clusters of like ink (indices into `specimens`): the surest read first leads a cluster, and each
 * specimen after joins the nearest leader within `maxDistance`, or leads a cluster of its own. A leader, not a mean,
 * stands for its cluster, so that a cluster cannot drift from one glyph to the next through the shapes between.
 */
export function shapesToClusters(specimens: readonly DigitSpecimen[], settings = DEFAULT_DIGIT_CONSENSUS): number[][] {
  const order = specimens.map((_, i) => i).sort((a, b) => specimens[b]!.confidence - specimens[a]!.confidence || a - b);
  const leaders: { index: number; blocks: Float64Array; members: number[] }[] = [];
  for (const i of order) {
    const shape = specimens[i]!.shape;
    const blocks = blocksOf(shape);
    let best: (typeof leaders)[number] | undefined;
    let bestDistance = settings.maxDistance;
    for (const leader of leaders) {
      const other = specimens[leader.index]!.shape;
      const ratio = shape.aspect / other.aspect;
      if (ratio > settings.maxAspectRatio || ratio < 1 / settings.maxAspectRatio) continue;
      // Each block's squared mean difference, times its cells, is at most the sum over its cells.
      let bound = 0;
      for (let k = 0; k < blocks.length && bound < bestDistance; k++) bound += (blocks[k]! - leader.blocks[k]!) ** 2 * BLOCK * BLOCK;
      if (bound >= bestDistance) continue;
      const d = shapeDistance(shape, other);
      if (d < bestDistance) {
        bestDistance = d;
        best = leader;
      }
    }
    if (best) best.members.push(i);
    else leaders.push({ index: i, blocks, members: [i] });
  }
  return leaders.map((l) => l.members);
}

/** What a cluster says of its digit: the digit its sure reads vote for, and how many do; null where they do not agree enough. */
export function clusterToVerdict(specimens: readonly DigitSpecimen[], members: readonly number[], settings = DEFAULT_DIGIT_CONSENSUS): { digit: string; votes: number } | null {
  const votes = new Map<string, number>();
  for (const i of members) {
    const s = specimens[i]!;
    if (!s.doubted && s.confidence >= settings.voteFrom) votes.set(s.digit, (votes.get(s.digit) ?? 0) + 1);
  }
  const all = [...votes.values()].reduce((a, b) => a + b, 0);
  const [digit, count] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  return count >= settings.minVotes && count >= settings.minShare * all ? { digit, votes: count } : null;
}

/** Why a digit was put right from the document's other digits. */
export const digitConsensusRepair = (read: string, digit: string, votes: number): string =>
  `OCR read ${read} where the ink is the glyph of ${votes} digits read surely as ${digit} in this document`;

/**
 * For each specimen read otherwise than its cluster's verdict: the digit the cluster reads, and why. The rest are
 * left as read, and so is a digit whose verdict is the digit read beside it: its number's glyphs may have been matched
 * one place off (≥9520 read for ≥95%, four glyphs for four digits, each digit given the glyph before its own), and
 * the verdict then only repeats the neighbour's read.
 */
export function agreeDigits(specimens: readonly DigitSpecimen[], settings = DEFAULT_DIGIT_CONSENSUS): Map<number, { digit: string; why: string }> {
  const changes = new Map<number, { digit: string; why: string }>();
  for (const members of shapesToClusters(specimens, settings)) {
    const verdict = clusterToVerdict(specimens, members, settings);
    if (!verdict) continue;
    for (const i of members) {
      const read = specimens[i]!.digit;
      if (read !== verdict.digit && !specimens[i]!.shape.neighbours.includes(verdict.digit)) changes.set(i, { digit: verdict.digit, why: digitConsensusRepair(read, verdict.digit, verdict.votes) });
    }
  }
  return changes;
}
