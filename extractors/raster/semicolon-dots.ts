/**
 * A ； read as a comma. Both chi_sim models take the ； of a Song face for ， at times: on the thirteenth evaluation
 * set, 资助；围绕 in AR PL SungtiL GB at 300 dpi was read as 资助，围绕 by both. The two marks differ in their ink. A ；
 * stacks a dot over a comma, with white between them; a ， is one stroke. Tesseract's boxes run over their
 * neighbours (that ； stood inside the box of 助), so the mark is looked for on the ink between the two characters
 * beside it. Pixels of the padded read, origin top-left.
 */
import { inkColumnRuns, type InkRun } from './ink-columns.js';
import type { Crop, MarkedSymbol } from './ocr-read.js';
import { hanBeside } from './punctuation-width.js';
import { typicalHanHeight } from '../ocr/lines.js';

/** What reading a comma's dots needs of the OCR settings. */
export interface SemicolonDotSettings {
  /** White margin around the crop Tesseract read, pixels. */
  padding: number;
  /** Pixels darker than this are ink. */
  inkThreshold: number;
}

/** The shape of a ；'s ink, as shares of the em of the read's Chinese characters. */
export const DEFAULT_SEMICOLON_DOT_SHAPE = {
  /** The widest a punctuation mark's ink is. */
  maxWidth: 0.3,
  /** The least white between the mark and the character after it: a ； stands at the left of its em. */
  whiteAfter: 0.2,
  /** The least white between the mark and the character before it. */
  whiteBefore: 0.08,
  /** The shortest a dot's ink is: smaller specks are noise. */
  minDot: 0.06,
  /** The tallest the upper dot is. */
  maxDot: 0.3,
};

/** The tallest box, in ems, that is taken for its character's ink rows. */
const BODY_BOX_AT_MOST = 1.15;

/** The repair a comma read from a ；'s two strokes carries. */
const SEMICOLON_FROM_DOTS = (read: string, mark: string) => `OCR read ${read}, the dot above its ink shows ${mark}`;

/**
 * A ， or , between two Chinese characters whose ink is a dot over a comma, read as ； or ;. Pure. The width the
 * punctuation checks decide after this (a ; between two characters is doubted unless its white shows ；).
 */
export function readSemicolonDots(symbols: readonly MarkedSymbol[], crop: Crop, settings: SemicolonDotSettings, shape = DEFAULT_SEMICOLON_DOT_SHAPE): MarkedSymbol[] {
  const candidate = (i: number) => {
    const s = symbols[i]!;
    return (s.text === '，' || s.text === ',') && hanBeside(s, symbols[i - 1]) && hanBeside(s, symbols[i + 1]);
  };
  if (!symbols.some((_, i) => candidate(i))) return [...symbols];
  const em = typicalHanHeight(symbols);
  if (em < 1) return [...symbols];
  const p = settings.padding;
  return symbols.map((s, i) => {
    if (!candidate(i)) return s;
    // The rows of a character beside it whose box is its ink's (a box that runs into the next line takes in the
    // marks there: “ under the ； of 资助；围绕). The comma's tail reaches below the characters' foot.
    const body = [symbols[i + 1]!, symbols[i - 1]!].find((n) => n.y1 - n.y0 <= BODY_BOX_AT_MOST * em);
    if (!body) return s;
    const band = { y0: body.y0 - p - 0.05 * em, y1: body.y1 - p + 0.2 * em };
    const runs = inkColumnRuns(crop, band, settings.inkThreshold, symbols[i - 1]!.x0 - p, symbols[i + 1]!.x1 - p);
    const marks = runs.filter((r, k) => {
      if (r.x1 - r.x0 > shape.maxWidth * em || k === 0 || k === runs.length - 1) return false;
      return r.x0 - runs[k - 1]!.x1 >= shape.whiteBefore * em && runs[k + 1]!.x0 - r.x1 >= shape.whiteAfter * em && isDotOverComma(crop, r, band, em, settings.inkThreshold, shape);
    });
    if (marks.length !== 1) return s;
    const mark = s.text === '，' ? '；' : ';';
    return { ...s, text: mark, repair: SEMICOLON_FROM_DOTS(s.text, mark) };
  });
}

/** Whether the ink of `run` within `band` is two strokes one over the other: a small dot, and a taller comma below it. */
function isDotOverComma(crop: Crop, run: InkRun, band: { y0: number; y1: number }, em: number, threshold: number, shape: typeof DEFAULT_SEMICOLON_DOT_SHAPE): boolean {
  const y0 = Math.max(0, Math.floor(band.y0));
  const y1 = Math.min(crop.height, Math.ceil(band.y1));
  const segments: { y0: number; y1: number }[] = [];
  for (let y = y0; y < y1; y++) {
    let ink = false;
    for (let x = run.x0; x < run.x1 && !ink; x++) ink = crop.data[y * crop.width + x]! < threshold;
    if (!ink) continue;
    const last = segments[segments.length - 1];
    if (last && last.y1 === y) last.y1 = y + 1;
    else segments.push({ y0: y, y1: y + 1 });
  }
  const strokes = segments.filter((g) => g.y1 - g.y0 >= shape.minDot * em);
  if (strokes.length !== 2 || strokes.length !== segments.length) return false;
  const [dot, comma] = strokes as [{ y0: number; y1: number }, { y0: number; y1: number }];
  const middle = (band.y0 + band.y1) / 2;
  return dot.y1 - dot.y0 <= shape.maxDot * em && comma.y1 - comma.y0 >= 1.2 * (dot.y1 - dot.y0) && (comma.y0 + comma.y1) / 2 > middle;
}
