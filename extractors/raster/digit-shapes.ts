/**
 * A 5 read as 3. Both chi_sim models read the 5 of some faces as 3, surely and alike (HanaMinA, the GlyphWiki Ming
 * face, on the twenty-first evaluation set: ≥85% as ≥83%, 735.6 as 733.6, ≤35万元 as ≤3万元, at 0.93–0.97), and
 * nothing else in the table says so: the sums of a row misread alike still add up. The ink does: between its top
 * bar and its bowl a 5 is a stem at the left, its right open, where a 3 is the right side of its upper bowl, its
 * left open but for the end of its top arc (in bold and flat-topped faces alike). A 3 whose ink there stands at the
 * left with nothing at the right is marked a look-alike, and its field flagged.
 */
import { inkBoxIn } from './ink-columns.js';
import { medianLineExtents, type Crop, type MarkedSymbol } from './ocr-read.js';

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
  return symbols.map((s) => {
    if (s.text !== '3' || s.lookalike) return s;
    const body = lines.get(s.line);
    const p = settings.padding;
    const ink = inkBoxIn(crop, Math.floor(s.x0 - p), Math.ceil(s.x1 - p), Math.floor(s.y0 - p), Math.ceil(s.y1 - p), settings.inkThreshold);
    if (!body || ink.ink === 0) return s;
    // Last columns and rows inclusive.
    const glyph = { x0: ink.x0, x1: ink.x1 - 1, y0: ink.y0, y1: ink.y1 - 1 };
    const w = glyph.x1 - glyph.x0 + 1;
    const h = glyph.y1 - glyph.y0 + 1;
    if (h < stem.minHeight * (body.y1 - body.y0) || w / h < stem.aspect.min || w / h > stem.aspect.max) return s;
    const inked = (y: number, from: number, to: number) => {
      for (let x = Math.max(glyph.x0, from); x <= Math.min(glyph.x1, to); x++) if (crop.data[y * crop.width + x]! < settings.inkThreshold) return true;
      return false;
    };
    let stemRows = 0;
    let all = 0;
    for (let y = Math.round(glyph.y0 + stem.top * h); y <= Math.round(glyph.y0 + stem.bottom * h); y++) {
      all++;
      if (inked(y, glyph.x0, Math.floor(glyph.x0 + stem.left * w)) && !inked(y, Math.ceil(glyph.x0 + stem.right * w), glyph.x1)) stemRows++;
    }
    return all > 0 && stemRows / all >= stem.rows ? { ...s, lookalike: FIVE_STEM_DOUBT } : s;
  });
}

