import type { DigitShape } from '../raster/digit-consensus.js';

/**
 * A character of a page's text, placed on the page: from a PDF text layer, or read by OCR.
 *
 * Coordinates: page units (1/72 inch), origin at the top-left of the page, y growing downwards.
 */
export interface Glyph {
  /** One code point, already normalized (see `normalizeCodePoint`); ' ' for a space the PDF drew. */
  char: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Font size in page units: the height of the line the glyph sits on. */
  size: number;
  /** 1-based page number. */
  page: number;
  /**
   * Index of the text run the glyph came from. Positions inside a run are estimated; the ends of a run are
   * exact, so gaps are only measured between runs.
   */
  run: number;
  /** Probability (0..1) that the character was read right, for characters read by OCR; absent for text layers. */
  confidence?: number;
  /** What was changed from the OCR reading and why, when the character was repaired. */
  repair?: string;
  /** Why the OCR reading is doubtful, when it is (its confidence already says how much). */
  doubt?: string;
  /**
   * For a digit read by OCR whose glyph was found in the ink of its number: the shape of that glyph, for the
   * document's digits to be compared with each other (`extractors/raster/digit-consensus.ts`).
   */
  shape?: DigitShape;
}

