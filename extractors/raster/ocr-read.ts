/**
 * What the OCR of one cell works on: the cell's pixels (`Crop`) and Tesseract's symbols marked with what makes
 * them suspect, repaired or doubted (`MarkedSymbol`). Symbol boxes are pixels of the padded image Tesseract
 * read (the crop with `padding` added on every side), origin top-left.
 */
import type { OcrResult, OcrSymbol } from '../ocr/ocr-engine.js';
import type { DigitShape } from './digit-consensus.js';

/** A cell's pixels, cut from the levelled page image: grey, one byte per pixel, origin top-left. */
export interface Crop {
  /** The crop's place in the page image, pixels. */
  left: number;
  top: number;
  width: number;
  height: number;
  data: Uint8Array;
  /** The bounds of the ink inside the crop, pixels of the crop. */
  ink: { x0: number; y0: number; x1: number; y1: number };
}

/**
 * A symbol with what makes it suspect: placed nowhere (`lost`), as wide as two (`merged`), over two lines
 * (`spanning`, merged too), a separator that swallowed the glyph beside it (`swallowed`), 一 between digits
 * (`rangeMark`), a reading another glyph looks alike (`lookalike`: why, as V for Ⅴ or a comma between digits for ·); `confirmed` by a second read,
 * the other model's text for it where the two disagree (`otherReading`, in place of the first model's
 * `disputedText`: the symbol's own text where the run the two reads differ over is this symbol alone) or before it where the other model read
 * a glyph the first did not (`otherReadBefore`); what was `repair`ed and why it is in `doubt`. The marks that a
 * second read does not lift (`rangeMark`, `lookalike`, `otherReadBefore`) become doubts when the read becomes glyphs.
 */
export type MarkedSymbol = OcrSymbol & { lost?: boolean; merged?: boolean; spanning?: boolean; swallowed?: boolean; rangeMark?: boolean; lookalike?: string; otherReadBefore?: string; otherReading?: string; disputedText?: string; confirmed?: boolean; repair?: string; doubt?: string; shape?: DigitShape };
export type MarkedResult = Omit<OcrResult, 'symbols'> & { symbols: MarkedSymbol[] };

/** The doubt a second read writes on a symbol the two models read differently. */
export const DISPUTED_DOUBT = 'two OCR models read these characters differently';

const DISPUTE_NOTE = new RegExp(`^${DISPUTED_DOUBT}: one read (.+?), the other (.+?)(?:; the dictionary has (.+))?$`, 'u');

/**
 * What the dispute note of a second read says (`secondRead`, `amountReadAgain`): the first model's reading, the
 * other's, and the dictionary's word for the first where the note names one; null for any other note. Checks that
 * settle a dispute after the read has become text have only the note to go by.
 */
export function readDisputeNote(note: string): { first: string; other: string; dictionaryWord: string | null } | null {
  const m = DISPUTE_NOTE.exec(note);
  return m ? { first: m[1]!, other: m[2]!, dictionaryWord: m[3] ?? null } : null;
}

/** Why a symbol was taken from the other model's reading: the dictionary has `word` with it, and not with the first's. */
export const lexiconRepairWhy = (here: string, other: string, word: string): string => `OCR read ${here}, the other OCR model ${other}: the dictionary has ${word}`;

const LEXICON_REPAIR_WHY = /^OCR read (.+?), the other OCR model (.+?): the dictionary has (\p{Script=Han}+)$/u;

/** What `lexiconRepairWhy` says (the first model's reading, the other's taken, the dictionary's word); null for any other text. */
export function readLexiconRepairWhy(why: string): { first: string; other: string; dictionaryWord: string } | null {
  const m = LEXICON_REPAIR_WHY.exec(why);
  return m ? { first: m[1]!, other: m[2]!, dictionaryWord: m[3]! } : null;
}

/** A symbol without the dispute of a second read (that doubt and the other model's reading), for a check that settled it. */
export function withoutDispute(s: MarkedSymbol): MarkedSymbol {
  const { otherReading: _, disputedText: __, doubt, ...rest } = s;
  return doubt !== undefined && !doubt.startsWith(DISPUTED_DOUBT) ? { ...rest, doubt } : rest;
}

/** The doubt of a symbol before which the other model read a glyph (`other`) that the first did not. */
export const otherReadBeforeDoubt = (other: string, text: string): string => `${DISPUTED_DOUBT}: the other read ${other} before ${text}, where one read nothing`;

/** Whether a doubt is one `otherReadBeforeDoubt` wrote. */
export const OTHER_READ_BEFORE_DOUBT = new RegExp(`^${DISPUTED_DOUBT}: the other read .+ before .+, where one read nothing$`);

/** The doubt of a symbol whose box holds much more ink than its glyph has: it swallowed a glyph beside it. */
export const swallowedDoubt = (text: string): string => `${text} read where the ink is much wider than ${text}: a character beside it may be missing`;

/** Whether a doubt is one `swallowedDoubt` wrote. */
export const SWALLOWED_DOUBT = /^(.) read where the ink is much wider than \1: a character beside it may be missing$/u;

/** The middle value of `v` (the upper one of an even count); sorts `v`. */
export const median = (v: number[]): number => v.sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

/** Each line's body: the median top and the median bottom of its symbols (pixels of the read). */
export function medianLineExtents(symbols: readonly OcrSymbol[]): Map<number, { y0: number; y1: number }> {
  const byLine = new Map<number, OcrSymbol[]>();
  for (const s of symbols) byLine.set(s.line, [...(byLine.get(s.line) ?? []), s]);
  return new Map([...byLine].map(([line, ss]) => [line, { y0: median(ss.map((s) => s.y0)), y1: median(ss.map((s) => s.y1)) }]));
}


/**
 * A line's own rows in the crop (pixels of the crop, the padding taken off): its body and a twentieth of it either
 * side. At 200 dpi the next line's tops can stand 0.2 of a line below this one's foot, and taken in they stretch
 * the glyphs beside a small mark (a point measured 0.41–0.44 of the way up its neighbours, against ≤ 0.19).
 */
export function lineOwnRows(line: { y0: number; y1: number }, padding: number): { y0: number; y1: number } {
  const h = Math.max(1, line.y1 - line.y0);
  return { y0: line.y0 - padding - 0.05 * h, y1: line.y1 - padding + 0.05 * h };
}
