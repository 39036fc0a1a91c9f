/**
 * The dash pair of Chinese prose (破折号 ——, 报告——《…》——向), which both chi_sim models read as 一一 or as one 一.
 * Its ink tells it apart: two em dashes join into one flat stroke two ems long, where 一 is a stroke about an em
 * long with white on either side, and 一一 two such strokes. (A single — cannot be told from 一 this way: their
 * strokes are as long as each other across faces, `range-marks.ts` reads the one between numbers.) Pixels of the
 * padded read, origin top-left.
 */
import { inkColumnRuns, type InkRun } from './ink-columns.js';
import { medianLineExtents, type Crop, type MarkedSymbol } from './ocr-read.js';
import { numberBefore } from './range-marks.js';
import { typicalHanHeight } from '../ocr/lines.js';

/** What reading a dash pair from its ink needs of the OCR settings. */
export interface DashPairSettings {
  /** White margin around the crop Tesseract read, pixels. */
  padding: number;
  /** Pixels darker than this are ink. */
  inkThreshold: number;
}

/** The shape of a dash pair's stroke, as shares of the em (the read's `typicalHanHeight`). */
export const DEFAULT_DASH_PAIR_SHAPES = {
  /**
   * A flat stroke at least this long is two dashes. Measured in the pixel dumps of seven development and
   * evaluation sets: the strokes of 344 runs of 一 (and 一一) outside numbers were at most 1.08 em
   * long; the dash pairs of the twenty-second set 1.92–2.17 (Noto Sans CJK SC and FandolSong, 200 and 300 dpi,
   * Group 4).
   * @default 1.6
   */
  minLength: 1.6,
  /**
   * Longer than this, the stroke is no dash pair (a rule's residue, an underline).
   * @default 2.5
   */
  maxLength: 2.5,
  /**
   * Taller than this, the ink is no dash (a character's, or a mark run into one).
   * @default 0.3
   */
  maxHeight: 0.3,
  /**
   * Pieces of a stroke this far apart or closer, at the same height, are one stroke: a thin stroke scanned at 200
   * dpi and levelled breaks into pieces (FandolSong's dashes: 1.14 and 0.7 em apart, 2.04 em whole).
   * @default 0.12
   */
  joinGap: 0.12,
  /**
   * How far apart the middles of two pieces of one stroke may stand, up and down.
   * @default 0.1
   */
  joinShift: 0.1,
};

/**
 * Runs of one or two 一 whose ink is one flat stroke as long as two dashes, read as ——. The read keeps its
 * confidence: no Chinese character draws that stroke. Pure.
 */
export function readDashPairs(symbols: readonly MarkedSymbol[], crop: Crop, settings: DashPairSettings, shapes = DEFAULT_DASH_PAIR_SHAPES): MarkedSymbol[] {
  if (!symbols.some((s) => s.text === '一')) return [...symbols];
  const em = typicalHanHeight(symbols);
  if (em < 1) return [...symbols];
  const lines = medianLineExtents(symbols);
  const p = settings.padding;
  const out = [...symbols];
  for (let i = 0; i < symbols.length; i++) {
    if (symbols[i]!.text !== '一') continue;
    let j = i;
    while (symbols[j + 1]?.text === '一' && symbols[j + 1]!.line === symbols[i]!.line) j++;
    const run = symbols.slice(i, j + 1);
    const start = i;
    i = j;
    // Between two numbers it is a range mark (`readRangeMarks`); three or more are no pair.
    if (run.length > 2 || (numberBefore(symbols, start) && /^[0-9]$/.test(symbols[j + 1]?.text ?? ''))) continue;
    const line = lines.get(run[0]!.line)!;
    const middle = (line.y0 + line.y1) / 2 - p;
    const rows = { y0: middle - 0.35 * em, y1: middle + 0.35 * em };
    const from = run[0]!.x0 - p - em;
    const to = run.at(-1)!.x1 - p + em;
    const strokes = joinPieces(inkColumnRuns(crop, rows, settings.inkThreshold, from, to).filter((r) => r.y1 - r.y0 <= shapes.maxHeight * em), em, shapes);
    const centre = (run[0]!.x0 + run.at(-1)!.x1) / 2 - p;
    const under = strokes.find((r) => r.x0 <= centre && centre < r.x1);
    const length = under ? (under.x1 - under.x0) / em : 0;
    if (length < shapes.minLength || length > shapes.maxLength) continue;
    const read = run.map((s) => s.text).join('');
    const repair = `OCR read ${read}, its ink is one flat stroke two ems long: ——`;
    if (run.length === 1) out[start] = { ...run[0]!, text: '——', repair };
    else run.forEach((s, k) => (out[start + k] = { ...s, text: '—', repair }));
  }
  return out;
}

/** Runs of ink joined where they are pieces of one flat stroke: close beside each other, at the same height. */
function joinPieces(runs: readonly InkRun[], em: number, shapes: typeof DEFAULT_DASH_PAIR_SHAPES): InkRun[] {
  const strokes: InkRun[] = [];
  for (const r of runs) {
    const last = strokes.at(-1);
    if (last && r.x0 - last.x1 <= shapes.joinGap * em && Math.abs((r.y0 + r.y1) / 2 - (last.y0 + last.y1) / 2) <= shapes.joinShift * em) {
      strokes[strokes.length - 1] = { x0: last.x0, x1: r.x1, y0: Math.min(last.y0, r.y0), y1: Math.max(last.y1, r.y1) };
    } else strokes.push({ ...r });
  }
  return strokes;
}
