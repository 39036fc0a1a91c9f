/**
 * An E read as B. Both chi_sim models read the Computer Modern E of FandolFang's tables as B, surely (the
 * twenty-third evaluation set: ERP as BRP at 0.94–0.99, at 300 and at 200 dpi), and nothing in the table says so: no
 * lexicon holds the Latin acronyms a goal names (ERP, PPP, RFID, BIM), and no check reads them. The ink does: a B's
 * two bowls close round their counters, where an E's counters open to the right, however long the serifs of its
 * bars. A B whose glyph encloses no white is marked a look-alike, and its field flagged.
 *
 * Counters, not the ink at the right of the rows between the bars: Computer Modern's E drops serifs from its top and
 * bottom bars a third of its height, and a row test reads them as a bowl.
 */
import { enclosedWhiteShare, inkColumnRuns, widestOverlapping, type InkRun } from './ink-columns.js';
import { lineOwnRows, medianLineExtents, type Crop, type MarkedSymbol } from './ocr-read.js';

/** What the check needs of the OCR settings. */
export interface LetterShapeSettings {
  /** White margin around the crop Tesseract read, pixels. */
  padding: number;
  /** Pixels darker than this are ink. */
  inkThreshold: number;
}

/** How a B's closed counters are told from an E's open ones. */
export const DEFAULT_B_COUNTERS = {
  /**
   * The white a glyph encloses, as a share of its ink box, at least for a B: its two counters hold a tenth to a
   * fifth of the box (FandolFang's bold-looking 200 dpi B the least), an E's specks of noise a hundredth.
   */
  minEnclosed: 0.03,
  /** A glyph's ink as tall as this share of its line's body at least (a capital beside Han characters), and as wide as a capital. */
  minHeight: 0.5,
  aspect: { min: 0.4, max: 1.1 },
};

/** Why a B that encloses no white is doubted. */
export const B_OPEN_COUNTERS_DOUBT = 'B whose counters are open, as an E is: it may be an E';

/**
 * The symbols of a read, each B whose glyph encloses no white marked as a look-alike. The glyph is the run of inked
 * columns of its line that the B's box overlaps most: Tesseract's boxes of Latin capitals between Han characters
 * stand half a glyph off their ink, or reach into the line below. Symbols are in the padded image's pixels, as OCR
 * gave them. Pure.
 */
export function markBsShapedAsEs(symbols: readonly MarkedSymbol[], crop: Crop, settings: LetterShapeSettings, counters = DEFAULT_B_COUNTERS): MarkedSymbol[] {
  if (!symbols.some((s) => s.text === 'B')) return [...symbols];
  const lines = medianLineExtents(symbols);
  const p = settings.padding;
  return symbols.map((s, i) => {
    if (s.text !== 'B' || s.lookalike) return s;
    const body = lines.get(s.line);
    if (!body) return s;
    const glyph = glyphOfBox(inkColumnRuns(crop, lineOwnRows(body, p), settings.inkThreshold), s, symbols[i + 1]?.line === s.line ? symbols[i + 1] : undefined, p);
    if (!glyph) return s;
    const w = glyph.x1 - glyph.x0;
    const h = glyph.y1 - glyph.y0;
    if (h < counters.minHeight * (body.y1 - body.y0) || w / h < counters.aspect.min || w / h > counters.aspect.max) return s;
    return enclosedWhiteShare(crop, glyph, settings.inkThreshold) < counters.minEnclosed ? { ...s, lookalike: B_OPEN_COUNTERS_DOUBT } : s;
  });
}

/**
 * The run of inked columns (crop pixels) a symbol's box (padded pixels) stands for: the one it overlaps most, unless
 * the next symbol's box overlaps that run more and this box starts left of it. The model's boxes then stand a third
 * of a glyph right of their ink, the whole line along (the standard model's BRP: B over the right of the E and the
 * left of the R), and the glyph is the run before.
 */
function glyphOfBox(runs: readonly InkRun[], box: MarkedSymbol, next: MarkedSymbol | undefined, padding: number): InkRun | undefined {
  const overlap = (r: InkRun, b: MarkedSymbol) => Math.min(r.x1, Math.ceil(b.x1 - padding)) - Math.max(r.x0, Math.floor(b.x0 - padding));
  const best = widestOverlapping(runs, Math.floor(box.x0 - padding), Math.ceil(box.x1 - padding));
  if (!best || !next || overlap(best, next) <= overlap(best, box) || box.x0 - padding >= best.x0) return best;
  const before = runs[runs.indexOf(best) - 1];
  return before && overlap(before, box) > 0 ? before : best;
}

/** Why a 0 read right after a Latin letter is doubted. */
export const ZERO_AFTER_LETTER_DOUBT = '0 right after a Latin letter, with no digit after it: it may be the letter O';

/**
 * The symbols of a read, each 0 that follows a Latin letter of its word and goes on with no digit (RP0 for RPO,
 * the recovery point objective) marked a look-alike: both models read a sans-serif O as 0 at times, surely, and no
 * number the tables print starts inside a word of letters. (The samples' sources hold RPO, DO, COD, AEO, SOS and POS,
 * and no letter followed by a 0.) A code that goes on with digits (AO2011, H10) is left alone. Pure.
 */
export function markZerosAfterLetters(symbols: readonly MarkedSymbol[]): MarkedSymbol[] {
  return symbols.map((s, i) => {
    if (s.text !== '0' || s.lookalike) return s;
    const before = symbols[i - 1];
    const after = symbols[i + 1];
    const afterLetter = before !== undefined && before.word === s.word && /^[A-Za-z]$/.test(before.text);
    const digitAfter = after !== undefined && after.line === s.line && /^[0-9]$/.test(after.text);
    return afterLetter && !digitAfter ? { ...s, lookalike: ZERO_AFTER_LETTER_DOUBT } : s;
  });
}
