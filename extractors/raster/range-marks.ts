/**
 * The range mark between two numbers (0～6岁, 9:00—21:00, 2025年—2027年, 16-24), which both chi_sim models read
 * as the character 一. A Chinese character 一 never stands between two numbers, so which mark it is comes from
 * its ink: a wave is a tilde, a flat stroke as long as an em is a dash, a short one a hyphen. The reading stays in
 * doubt, since a scanned tilde can flatten and a dash's length varies by face. Pixels of the padded read, origin
 * top-left.
 */
import { inkColumnRuns, type InkRun } from './ink-columns.js';
import { medianLineExtents, type Crop, type MarkedSymbol } from './ocr-read.js';
import { typicalHanHeight } from '../ocr/lines.js';
import type { OcrSymbol } from '../ocr/ocr-engine.js';

/** What reading a range mark from its ink needs of the OCR settings. */
export interface RangeMarkSettings {
  /** White margin around the crop Tesseract read, pixels. */
  padding: number;
  /** Pixels darker than this are ink. */
  inkThreshold: number;
}

/** The shapes that tell the range marks apart, as shares of the em (the read's `typicalHanHeight`). */
export const DEFAULT_RANGE_MARK_SHAPES = {
  /**
   * A flat stroke at least this long is a dash (—); a CJK face draws it across most of its em. A shorter one is
   * left undecided: a hyphen, or a dash that a face draws short after a Chinese character (2025年—2027年).
   */
  dash: 0.6,
  /**
   * A wave's middle line rises and falls by at least this much: 0.045–0.2 for the tildes of the evaluation scans,
   * at most 0.025 for their hyphens and dashes (a pixel of noise).
   */
  wave: 0.04,
  /**
   * Room of at least this much, from the ink before the mark to the ink after it, is a full-width mark's (～, or a
   * dash, which takes an em however short a face draws it); at most `halfWidthRoom`, a half-width one's.
   */
  fullWidthRoom: 0.8,
  halfWidthRoom: 0.65,
  /** Where the room says nothing, a wave at least this long is the full-width ～; shorter, ~. */
  fullWidthWave: 0.6,
  /** Taller than this, the ink is no range mark (a digit's, or a mark run into one). */
  maxHeight: 0.3,
  /**
   * The mark's ink is looked for this far above and below the middle of its line: as far as the digits reach.
   * @default 0.5
   */
  reach: 0.5,
};

/** The doubt a range mark read from its ink keeps. */
export const RANGE_MARK_READ_DOUBT = 'a range mark between two numbers, read from its ink: OCR reads ～, — and - as 一';

/**
 * The range marks between two numbers whose ink shows which mark they are: a 一 (`rangeMark`) read as that mark, and
 * a ~, ～ or - read as the one its ink shows where that differs. Pure.
 */
export function readRangeMarks(symbols: readonly MarkedSymbol[], crop: Crop, settings: RangeMarkSettings, shapes = DEFAULT_RANGE_MARK_SHAPES): MarkedSymbol[] {
  const candidate = (s: MarkedSymbol, i: number) => s.rangeMark || (RANGE_MARK.test(s.text) && betweenNumbers(symbols, i));
  if (!symbols.some(candidate)) return [...symbols];
  const em = typicalHanHeight(symbols);
  if (em < 1) return [...symbols];
  const lines = medianLineExtents(symbols);
  const p = settings.padding;
  return symbols.map((s, i) => {
    if (!candidate(s, i)) return s;
    const line = lines.get(s.line)!;
    const middle = (line.y0 + line.y1) / 2 - p;
    // The digits' height either side of the middle: FandolSong's ～ (Computer Modern's) stands as high as the
    // digits' tops, and a window cut lower clips its wave flat.
    const rows = { y0: middle - shapes.reach * em, y1: middle + shapes.reach * em };
    // From the number before to the number after: the mark is the low run of ink between theirs (the box OCR gave
    // it can reach into a digit's), the one nearest its box.
    const before = symbols[i - 1];
    const after = symbols[i + 1];
    const from = before && before.line === s.line ? Math.min(before.x1, s.x0) - p : s.x0 - p - 0.3 * em;
    const to = after && after.line === s.line ? Math.max(after.x0, s.x1) - p : s.x1 - p + 0.3 * em;
    const centre = (s.x0 + s.x1) / 2 - p;
    const distance = (r: InkRun) => (r.x1 <= centre ? centre - r.x1 : r.x0 > centre ? r.x0 - centre : 0);
    // The runs of ink around it, the numbers' too, to measure the room the mark takes (from the ink before it to
    // the ink after it); where the mark's ink touches a digit's, the runs cut at the numbers' boxes find it, and the
    // room says nothing.
    const low = (r: InkRun) => r.y1 - r.y0 <= shapes.maxHeight * em && r.x1 - r.x0 >= 0.15 * em;
    const nearest = (runs: InkRun[]) => runs.filter((r) => r.x1 > from && r.x0 < to && low(r)).sort((a, b) => distance(a) - distance(b))[0];
    const around = inkColumnRuns(crop, rows, settings.inkThreshold, from - em, to + em);
    const apart = nearest(around);
    const run = apart ?? nearest(inkColumnRuns(crop, rows, settings.inkThreshold, from, to));
    if (!run) return s;
    const k = apart ? around.indexOf(apart) : -1;
    const room = k > 0 && k + 1 < around.length ? (around[k + 1]!.x0 - around[k - 1]!.x1) / em : null;
    const mark = markOf((run.x1 - run.x0) / em, waviness(run) / em, room, shapes);
    if (!mark || mark === s.text) return s;
    return { ...s, text: mark, rangeMark: false, lookalike: RANGE_MARK_READ_DOUBT, repair: `OCR read ${s.text} between two numbers, its ink is ${describe(mark)}: ${mark}` };
  });

  /** How far the middle of the ink rises and falls along the run, pixels (its ends aside, where strokes taper). */
  function waviness(run: InkRun): number {
    const centres: number[] = [];
    const margin = Math.round(0.15 * (run.x1 - run.x0));
    for (let x = run.x0 + margin; x < run.x1 - margin; x++) {
      let sum = 0;
      let n = 0;
      for (let y = run.y0; y < run.y1; y++) {
        if (crop.data[y * crop.width + x]! < settings.inkThreshold) {
          sum += y;
          n++;
        }
      }
      if (n > 0) centres.push(sum / n);
    }
    return centres.length === 0 ? 0 : Math.max(...centres) - Math.min(...centres);
  }
}

/**
 * The mark a run of ink is, from its length and waviness and the room it takes (from the ink before it to the ink
 * after it; null where not both are there), all in em; null where they do not say.
 */
function markOf(length: number, wave: number, room: number | null, shapes: typeof DEFAULT_RANGE_MARK_SHAPES): string | null {
  const full = room === null ? null : room >= shapes.fullWidthRoom ? true : room <= shapes.halfWidthRoom ? false : null;
  if (wave >= shapes.wave) return (full ?? length >= shapes.fullWidthWave) ? '～' : '~';
  if (full === true || length >= shapes.dash) return '—';
  return null;
}

/**
 * The marks OCR reads between two numbers for a range mark, other than 一; and a closing quote, which no number
 * stands after and which a tilde set high reads as (FandolSong's ～, at the digits' tops).
 */
const RANGE_MARK = /^[~～\-”"]$/;

/** Whether a number ends just before the symbol at `i`: a digit, %, ‰, or a 年, 月 or 日 after a digit. */
export function numberBefore(symbols: readonly OcrSymbol[], i: number): boolean {
  const before = symbols[i - 1];
  return before !== undefined && (/^[0-9%％‰]$/.test(before.text) || (/^[年月日]$/.test(before.text) && /^[0-9]$/.test(symbols[i - 2]?.text ?? '')));
}

/** Whether the symbol at `i` stands between two numbers on its line (`numberBefore`, and a digit after). */
function betweenNumbers(symbols: readonly MarkedSymbol[], i: number): boolean {
  const after = symbols[i + 1];
  return numberBefore(symbols, i) && after !== undefined && after.line === symbols[i]!.line && /^[0-9]$/.test(after.text);
}

function describe(mark: string): string {
  return mark === '～' || mark === '~' ? 'a wave' : mark === '—' ? 'a flat stroke an em long' : 'a short flat stroke';
}
