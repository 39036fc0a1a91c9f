/**
 * Reading the cells of a scanned table by OCR, one cell at a time, into glyphs for the same table stages as a
 * text layer.
 *
 * Each cell is cropped inside its ruling lines and read as a block of text; a cell that reads as a number is
 * read again with the digits-only whitelist. A cell with ink in which OCR finds nothing yields one U+FFFD glyph
 * of confidence 0, so that the loss shows as a flagged value instead of an empty one.
 */
import sharp from 'sharp';
import type { Glyph } from '../pdf/glyph.js';
import type { Rect } from '../table/edge.js';
import type { OcrEngine, OcrResult, OcrSymbol } from '../ocr/ocr-engine.js';
import { pointsPerPixel, type GreyImage } from './grey-image.js';
import { inLabelledClause, insertComparatorsTheOtherModelRead, insertUnreadComparators, OTHER_MODEL_GREATER_EQUAL, repairComparators } from './comparator-slot.js';
import { DISPUTED_DOUBT, lexiconRepairWhy, medianLineExtents, otherReadBeforeDoubt, swallowedDoubt, type Crop, type MarkedResult, type MarkedSymbol } from './ocr-read.js';
import { decidePunctuationWidth, mergeBracketsReadTwice, type WidthDecidedSymbol } from './punctuation-width.js';
import { restoreDroppedOnes } from './dropped-ones.js';
import { markHiddenOnes, markThreesShapedAsFives, readFoursShapedAsOnes } from './digit-shapes.js';
import { markBsShapedAsEs, markZerosAfterLetters } from './letter-shapes.js';
import { readToDigitShapes, type DigitShape } from './digit-consensus.js';
import { markUnreadInk } from './unread-ink.js';
import { insertUnreadDigitMarks, insertUnreadUnitDots, readMiddleDots } from './middle-dots.js';
import { readDigitSeparators } from './digit-separators.js';
import { readSemicolonDots } from './semicolon-dots.js';
import { readDashPairs } from './dash-pairs.js';
import { numberBefore, readRangeMarks } from './range-marks.js';
import { readPerMille, readPerMilleRings } from './per-mille.js';
import { readPercentSigns } from './percent-sign.js';
import { dropPercentCircles } from './percent-circle.js';
import { inkRowsThrough, semicolonInkNear, whiteBesideInk } from './ink-columns.js';
import { lineExtents, lineHeights, typicalHanHeight } from '../ocr/lines.js';
import { judgeReadings, loadLexicon, DEFAULT_LEXICON_MARGINS, type Lexicon, type LexiconMargins, type LexiconVerdict } from '../text/lexicon.js';

/** Settings of `ocrRegions`. */
export interface OcrCellSettings {
  /**
   * Pixels cut from each side of a cell so that its ruling lines stay out of the crop.
   * @default 4
   */
  inset: number;
  /**
   * Pixels darker than this are ink.
   * @default 140
   */
  inkThreshold: number;
  /**
   * A crop with fewer ink pixels than this is empty (specks, the end of a ruling line).
   * @default 12
   */
  minInk: number;
  /**
   * White margin added around a crop, in pixels: Tesseract reads text touching the border badly.
   * @default 10
   */
  padding: number;
  /**
   * A text cell with a symbol below this confidence is read again with the other chi_sim model.
   * @default 0.9
   */
  secondReadBelow: number;
  /**
   * A cell whose ink is narrower than this (page units) and lower than `amountMaxHeight` is read as an amount
   * first.
   * @default 60
   */
  amountMaxWidth: number;
  /**
   * See `amountMaxWidth`: one line of text.
   * @default 14
   */
  amountMaxHeight: number;
  /**
   * An amount-first read is kept when its mean confidence is at least this; otherwise the cell is read as text.
   * @default 0.5
   */
  amountMinConfidence: number;
  /**
   * An amount read with a digit below this confidence is read again with the other chi_sim model: best_int
   * misreads some amounts at 0.91–0.94 (4.602 for 4.62) that the other model reads right.
   * @default 0.97
   */
  amountSecondReadBelow: number;
  /**
   * Confidence of the symbols of a cell two models read alike.
   * @default 0.95
   */
  agreedConfidence: number;
  /**
   * A symbol the first model read below this confidence, before which the other model read a glyph the first did
   * not, is doubted though the two agree on it: the first model may have read the two glyphs as one.
   * @default 0.5
   */
  insertionDoubtBelow: number;
  /**
   * Highest confidence of the symbols of a cell two models read differently.
   * @default 0.5
   */
  disputedConfidence: number;
  /**
   * When the dictionary decides a dispute (see `extractors/text/lexicon.ts`): how much likelier one reading
   * must make the words around it.
   * @default DEFAULT_LEXICON_MARGINS
   */
  lexiconMargins: LexiconMargins;
  /**
   * Confidence of the other model's reading, taken because the dictionary has it and not the first: a likely
   * reading, left for the reviewer.
   * @default 0.85
   */
  lexiconRepairConfidence: number;
  /**
   * Confidence of a character whose neighbour was dropped as a split of it (`splitCharacters`: two symbols in one
   * character's width, the other model reading one): the other model can drop a character too (经费 read 经寓 and
   * 经, 排涝 read 排涛 and 排, both in Noto Serif Light), so the repair is left for the reviewer.
   * @default 0.85
   */
  splitRepairConfidence: number;
}

export const DEFAULT_OCR_CELL_SETTINGS: OcrCellSettings = {
  inset: 4,
  inkThreshold: 140,
  minInk: 12,
  padding: 10,
  secondReadBelow: 0.9,
  amountMaxWidth: 60,
  amountMaxHeight: 14,
  amountMinConfidence: 0.5,
  amountSecondReadBelow: 0.97,
  agreedConfidence: 0.95,
  insertionDoubtBelow: 0.5,
  disputedConfidence: 0.5,
  lexiconMargins: DEFAULT_LEXICON_MARGINS,
  lexiconRepairConfidence: 0.85,
  splitRepairConfidence: 0.85,
};

/**
 * Confidence of a symbol Tesseract placed nowhere (a zero-width box): its read is unreliable, and a second
 * model agreeing does not help (both drop the same faint digit).
 */
const LOST_SYMBOL_CONFIDENCE = 0.5;

/** A Han symbol's box wider than this many line heights holds two characters read as one. */
const MERGED_HAN_WIDTH = 1.6;
/** A digit is half an em: one whose box is as wide as the line is high holds two (100% read as 10%). */
const MERGED_DIGIT_WIDTH = 0.95;
/**
 * A Han symbol's box taller than this many times its line's Chinese characters spans two lines: OCR read a
 * character of each line as one (指标 over 标 read as 和).
 */
const SPANNING_HAN_HEIGHT = 1.8;
/** How much of another line's body a box must cover to be read over two lines. */
const SPANNED_BODY_SHARE = 0.5;
/** The doubt on a symbol read over two lines. */
const SPANNING_DOUBT = 'a character read over two lines: characters of either line may be missing';

/** An amount as printed: digits grouped by thousands or not, two decimals at most, nothing else. */
const WELL_FORMED_AMOUNT = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$/;

/**
 * Confidence of a reading another glyph looks alike, which a second read agreeing does not lift: 一 between two
 * numbers (as often a range mark), a `lookalike` (V for Ⅴ, a comma for ·), a glyph only the other model saw before it.
 */
const AMBIGUOUS_GLYPH_CONFIDENCE = 0.5;
/** Confidence of a unit's letter after which the other model read a superscript's shape (km read km z). */
const POWER_LOST_CONFIDENCE = 0.6;

/** A number as printed in an amount cell. */
const NUMERIC = /^[\s\d.,，。\-－]+$/;

/** A region of the page to read: a cell (page units, origin top-left, in the levelled image's frame). */
export interface OcrRegion {
  rect: Rect;
  /** `cell`: a table cell; `block`: text outside the table (title, 部门名称), read as a block too. */
  role: 'cell' | 'block';
}

/**
 * Read regions of a levelled page image into glyphs (page units, origin top-left, levelled frame). Runs are
 * numbered from `firstRun` so that words of different cells never share one.
 */
export async function ocrRegions(
  image: GreyImage,
  regions: readonly OcrRegion[],
  engine: OcrEngine,
  page: number,
  settings: OcrCellSettings = DEFAULT_OCR_CELL_SETTINGS,
): Promise<Glyph[]> {
  const scale = pointsPerPixel(image);
  const results = await Promise.all(
    regions.map(async (region, index) => {
      const crop = cropRegion(image, region.rect, settings);
      if (!crop) return [];
      const png = await cropToPng(crop, settings.padding);
      // A narrow cell holding one short line is most likely an amount: read it with the digits whitelist first,
      // and keep that read only if it is a well-formed number read with some confidence.
      const amountLike = region.role === 'cell' && (crop.ink.x1 - crop.ink.x0) * scale < settings.amountMaxWidth && (crop.ink.y1 - crop.ink.y0) * scale < settings.amountMaxHeight;
      if (amountLike) {
        const digits = await engine.addJob({ image: png, kind: 'amount' });
        if (WELL_FORMED_AMOUNT.test(digits.text.trim()) && digits.confidence >= settings.amountMinConfidence) {
          return finish(await confirmAmount(markSuspects(digits), png));
        }
      }
      let result: MarkedResult = markSuspects(await engine.addJob({ image: png, kind: 'text' }));
      if (result.text.trim() !== '' && NUMERIC.test(result.text)) {
        const digits = await engine.addJob({ image: png, kind: 'amount' });
        if (digits.text.trim() !== '') result = await confirmAmount(markSuspects(digits), png);
      } else if (result.symbols.length === 0) {
        // Ink in which the first model read nothing: the other model may.
        result = markSuspects(await engine.addJob({ image: png, kind: 'text', model: 'standard' }));
      } else if (isDoubtful(result, settings.secondReadBelow)) {
        result = secondRead(result, await engine.addJob({ image: png, kind: 'text', model: 'standard' }), settings);
      }
      return finish(result);

      function finish(read: MarkedResult): Glyph[] {
        return readToGlyphs(read, crop!, index);
      }
    }),
  );
  return results.flat();

  /** An amount with a doubtful digit, read again by the other model (see `amountReadAgain`). */
  async function confirmAmount(read: MarkedResult, png: Buffer): Promise<MarkedResult> {
    if (!isDoubtful(read, settings.amountSecondReadBelow)) return read;
    return amountReadAgain(read, await engine.addJob({ image: png, kind: 'amount', model: 'standard' }), settings);
  }

  /** A read to glyphs, after the checks and repairs that need the pixels. */
  function readToGlyphs(read: MarkedResult, crop: Crop, index: number): Glyph[] {
    let result: MarkedResult = { ...read, symbols: placeLostSymbols(read.symbols) };
    const left = crop.left - settings.padding;
    const top = crop.top - settings.padding;
    if (result.symbols.length === 0) return [unreadGlyph(crop, scale, page, index)];
    result = { ...result, symbols: PIXEL_CHECKS.reduce((symbols, check) => check(symbols, crop, settings), result.symbols) };
    // Widths are measured on the punctuation's ink; the symbols keep the boxes OCR gave them (the reading order).
    const decided = decidePunctuationWidth({ symbols: measurePunctuationWhite(tightenPunctuation(result.symbols, crop, settings), crop, settings) });
    const widths = { ...result, symbols: decided.map((d, i) => ({ ...d, x0: result.symbols[i]!.x0, x1: result.symbols[i]!.x1 })) };
    const compared = repairComparators(widths, crop, settings);
    const final = insertComparatorsTheOtherModelRead(compared.symbols, settings);
    // The digits' ink, for the document's digits to be compared with each other once every page is read.
    const shapes = readToDigitShapes(final, crop, settings.padding, settings.inkThreshold);
    const shaped = final.map((s, i) => withShape(s, shapes.get(i)));
    return resultToGlyphs({ ...compared, symbols: shaped }, left, top, scale, page, index * 10_000);
  }
}

const withShape = (s: MarkedSymbol, shape: DigitShape | undefined): MarkedSymbol => (shape ? { ...s, shape } : s);

/**
 * The checks and repairs of a read against the cell's pixels, in the order they run: each takes the symbols the one
 * before it left (pixels of the padded read) and returns them checked.
 */
const PIXEL_CHECKS: readonly ((symbols: readonly MarkedSymbol[], crop: Crop, settings: OcrCellSettings) => MarkedSymbol[])[] = [
  restoreDroppedOnes,
  insertUnreadComparators,
  markUnreadInk,
  dropPercentCircles,
  readPercentSigns,
  readPerMille,
  readPerMilleRings,
  readRangeMarks,
  readDashPairs,
  readMiddleDots,
  readDigitSeparators,
  insertUnreadDigitMarks,
  insertUnreadUnitDots,
  readSemicolonDots,
  markThreesShapedAsFives,
  markHiddenOnes,
  readFoursShapedAsOnes,
  markBsShapedAsEs,
  markZerosAfterLetters,
];

/**
 * The image OCR is given of a crop: white `padding` (pixels) around it, encoded as PNG, turned by 180° where
 * `halfTurn` (a page read upside down, to see which way up it stands). The one way a cell is encoded, so that the
 * same cell gives the same bytes wherever it is read.
 */
export function cropToPng(crop: Crop, padding: number, halfTurn = false): Promise<Buffer> {
  const padded = sharp(crop.data, { raw: { width: crop.width, height: crop.height, channels: 1 } }).extend({ top: padding, bottom: padding, left: padding, right: padding, background: '#ffffff' });
  return (halfTurn ? padded.rotate(180) : padded).png().toBuffer();
}

/** The pixels inside a region, or null when it holds no ink. */
export function cropRegion(image: GreyImage, rect: Rect, settings: OcrCellSettings = DEFAULT_OCR_CELL_SETTINGS): Crop | null {
  const scale = pointsPerPixel(image);
  const left = Math.max(0, Math.round(rect.x0 / scale) + settings.inset);
  const top = Math.max(0, Math.round(rect.y0 / scale) + settings.inset);
  const right = Math.min(image.width, Math.round(rect.x1 / scale) - settings.inset);
  const bottom = Math.min(image.height, Math.round(rect.y1 / scale) - settings.inset);
  const width = right - left;
  const height = bottom - top;
  if (width < 4 || height < 4) return null;
  const data = new Uint8Array(width * height);
  let ink = 0;
  const box = { x0: width, y0: height, x1: 0, y1: 0 };
  for (let y = 0; y < height; y++) {
    const src = (top + y) * image.width + left;
    for (let x = 0; x < width; x++) {
      const v = image.data[src + x]!;
      data[y * width + x] = v;
      if (v < settings.inkThreshold) {
        ink++;
        if (x < box.x0) box.x0 = x;
        if (y < box.y0) box.y0 = y;
        if (x > box.x1) box.x1 = x;
        if (y > box.y1) box.y1 = y;
      }
    }
  }
  if (ink < settings.minInk) return null;
  // A cell that holds nothing but what is left of its ruling lines is empty; only ink that reaches the crop's edge
  // can be that. Where the cell holds text as well, the crop stays as it is: Tesseract reads past a line at the
  // edge, and whitening one row of a line two rows thick leaves the other, which it does not (102.34 read as 34 in a
  // Writer table at 200 dpi).
  const atEdge = box.x0 === 0 || box.y0 === 0 || box.x1 === width - 1 || box.y1 === height - 1;
  if (atEdge && inkInsideLineResidue(data, width, height, settings.inkThreshold) < settings.minInk) return null;
  return { left, top, width, height, data, ink: box };
}

/**
 * The share of a crop's width (or height) that a row (or column) at its edge must be inked along to be what is left
 * of a ruling line: a border thicker than the inset (a header's double line at 200 dpi, four pixels) leaves its
 * lower edge in the cell below, which OCR reads as nothing, and an empty cell then holds unread ink. Text stands
 * clear of the cell's edge and inks no row that far across.
 */
const LINE_RESIDUE_SHARE = 0.6;

/**
 * The ink of a crop inside what is left of ruling lines at its edges (`LINE_RESIDUE_SHARE`): the rows at the top and
 * the bottom inked across most of its width, from each edge inwards while they last, then likewise the columns at
 * its sides, counted within the rows left. Pure.
 */
function inkInsideLineResidue(data: Uint8Array, width: number, height: number, threshold: number): number {
  const inkIn = (x0: number, x1: number, y0: number, y1: number) => {
    let n = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (data[y * width + x]! < threshold) n++;
    return n;
  };
  let top = 0;
  while (top < height && inkIn(0, width, top, top + 1) >= LINE_RESIDUE_SHARE * width) top++;
  let bottom = height;
  while (bottom > top && inkIn(0, width, bottom - 1, bottom) >= LINE_RESIDUE_SHARE * width) bottom--;
  let left = 0;
  while (left < width && inkIn(left, left + 1, top, bottom) >= LINE_RESIDUE_SHARE * height) left++;
  let right = width;
  while (right > left && inkIn(right - 1, right, top, bottom) >= LINE_RESIDUE_SHARE * height) right--;
  return inkIn(left, right, top, bottom);
}

/**
 * The width of a digit's box that no narrower digit's box of its line covers, pixels. Tesseract's LSTM boxes overlap: in
 * WenQuanYi Zen Hei Sharp's amounts a digit's box often runs over the next digit, whose own box lies inside it
 * (2,184.35: 8 at 96–153 px, 1 at 94–119 and 4 at 134–154; 0 of .00 at 170–209, the last 0 at 193–209). Every digit
 * was read there; a box that holds a dropped glyph keeps a glyph's width of its own beside its own glyph (100% read
 * as 10%, one 0's box over both). Only a narrower box covers: two boxes over the same two glyphs do not clear each
 * other.
 */
function widthOfItsOwn(s: OcrSymbol, symbols: readonly OcrSymbol[]): number {
  const w = s.x1 - s.x0;
  const covers = symbols
    .filter((o) => o !== s && o.line === s.line && /^[0-9]$/.test(o.text) && o.x1 - o.x0 < w && o.x1 > s.x0 && o.x0 < s.x1)
    .map((o) => [Math.max(o.x0, s.x0), Math.min(o.x1, s.x1)] as const)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let end = s.x0;
  for (const [x0, x1] of covers) {
    if (x1 <= end) continue;
    covered += x1 - Math.max(x0, end);
    end = x1;
  }
  return w - covered;
}

/**
 * Mark the symbols whose geometry says the read went wrong: a zero-width box (Tesseract lost track of the
 * symbol) or a digit as wide as two (two digits read as one, 100% as 10%).
 */
export function markSuspects(read: OcrResult): MarkedResult {
  // One bracket boxed twice is one symbol before anything measures or compares it.
  const result = { ...read, symbols: mergeBracketsReadTwice(read.symbols) };
  const bodies = hanLineBodies(result.symbols);
  // Another line's body from whatever it holds: the line a box reaches into may be a target's tail (:≥85%。).
  const anyBodies = new Map([...medianLineExtents(result.symbols), ...bodies]);
  const symbols = result.symbols.map((s): MarkedSymbol => {
    const body = bodies.get(s.line);
    const tall = body !== undefined && /^\p{Script=Han}$/u.test(s.text) && s.y1 - s.y0 > SPANNING_HAN_HEIGHT * (body.y1 - body.y0);
    // Tall, and reaching over most of another line's body: LSTM boxes often run the line's whole pitch, which is
    // no sign of a misread.
    const spans = tall && [...anyBodies].some(([line, b]) => line !== s.line && Math.min(s.y1, b.y1) - Math.max(s.y0, b.y0) >= SPANNED_BODY_SHARE * (b.y1 - b.y0));
    // Its box is cut back to its line, so that the line below does not join this one when glyphs are grouped.
    return spans ? { ...s, y0: body!.y0, y1: body!.y1, merged: true, spanning: true } : s;
  });
  const heights = lineHeights(symbols);
  const marked = {
    ...result,
    symbols: symbols.map((s): MarkedSymbol => {
      const h = heights.get(s.line) ?? 1;
      const w = s.x1 - s.x0;
      // A digit is half an em, a Chinese character one: a symbol much wider holds a character OCR dropped.
      // (Tesseract's LSTM boxes run on into the white space and over their neighbours, so only a box far wider
      // than a glyph says so, and for a digit only where no other digit was read in it: see `widthOfItsOwn`.
      // A wide Chinese character's box stays in doubt even with others inside it: HanaMinA's 渡, boxed over 运 as
      // well and read surely as 滤, is caught only by the second read that doubt calls for.)
      const digit = /^[0-9]$/.test(s.text);
      const merged = Boolean(s.merged) || (digit && w > MERGED_DIGIT_WIDTH * h && widthOfItsOwn(s, symbols) > MERGED_DIGIT_WIDTH * h) || (/^\p{Script=Han}$/u.test(s.text) && w > MERGED_HAN_WIDTH * h);
      return { ...s, lost: w < 0.1 * h, merged };
    }),
  };
  // A colon is a sliver; before a number (the comparator slot, 指标值:≥100) a colon box nearly half an em
  // wide has swallowed the comparator.
  marked.symbols.forEach((s, i) => {
    const next = marked.symbols[i + 1];
    const h = heights.get(s.line) ?? 1;
    // So is one that ends its line, where the number wrapped to the next line or the next page (指标值:≥ | 100).
    const numberNext = next !== undefined && next.line === s.line && /^[0-9]/.test(next.text);
    const endsLine = next === undefined || next.line !== s.line;
    if (/^[:：]$/.test(s.text) && (numberNext || endsLine) && s.x1 - s.x0 > 0.4 * h) s.swallowed = true;
  });
  // 一 between two numbers is a range mark (0～6岁, 1-3, 9:00—20:30, 30%～40%, 2025年—2027年) that both models
  // read as the character 一, at the end of a line too, the number going on on the next (9:00一 | 20:30).
  marked.symbols.forEach((s, i) => {
    const after = marked.symbols[i + 1];
    if (s.text === '一' && numberBefore(marked.symbols, i) && after !== undefined && /^[0-9]$/.test(after.text)) s.rangeMark = true;
  });
  markRomanNumerals(marked.symbols);
  markCommasBetweenDigits(marked.symbols);
  markMarksAmongChinese(marked.symbols);
  // The glyph a separator swallowed belongs to what follows it (a comparator before a number): mark that too.
  // Only the symbol right after the separator: marking in place would carry the mark on to the line's end.
  const separators = marked.symbols.map((s) => Boolean(s.swallowed));
  marked.symbols.forEach((s, i) => {
    const next = marked.symbols[i + 1];
    if (separators[i] && next && next.line === s.line) next.swallowed = true;
  });
  return marked;
}

/**
 * Latin I, V and X standing alone beside a Chinese character (地表水V类, III级) are most likely a Roman numeral
 * (Ⅴ, Ⅲ), which both models read as the letters: the two look alike on the page, so neither reading is sure, and
 * a second read agreeing does not make it so. Marks them in place.
 */
function markRomanNumerals(symbols: MarkedSymbol[]): void {
  const latin = (s: MarkedSymbol | undefined) => s !== undefined && /[A-Za-z0-9]/.test(s.text);
  const han = (s: MarkedSymbol | undefined) => s !== undefined && /^\p{Script=Han}$/u.test(s.text);
  for (let i = 0; i < symbols.length; i++) {
    if (!/^[IVX]+$/.test(symbols[i]!.text)) continue;
    let j = i;
    while (j + 1 < symbols.length && symbols[j + 1]!.line === symbols[i]!.line && /^[IVX]+$/.test(symbols[j + 1]!.text)) j++;
    const before = symbols[i - 1];
    const after = symbols[j + 1];
    if (!latin(before) && !latin(after) && (han(before) || han(after))) {
      const run = symbols.slice(i, j + 1).map((s) => s.text).join('');
      for (let k = i; k <= j; k++) symbols[k]!.lookalike = `${run} beside Chinese characters: a Roman numeral (Ⅰ–Ⅻ) reads as Latin letters`;
    }
    i = j;
  }
}

/**
 * A comma between two digits that groups no thousands (not three digits after it, then no more) is most likely a
 * middle dot (“3·15”, 公里·年) or a point that both models read as a comma: the marks differ by a few pixels of
 * height, so neither reading is sure. Marks them in place.
 */
function markCommasBetweenDigits(symbols: MarkedSymbol[]): void {
  // A number may wrap to the next line (≥3,50 | 0户次): its digits are counted on.
  const digit = (s: MarkedSymbol | undefined) => s !== undefined && /^[0-9]$/.test(s.text);
  symbols.forEach((s, i) => {
    if ((s.text !== ',' && s.text !== '，') || !digit(symbols[i - 1]) || !digit(symbols[i + 1])) return;
    let after = 0;
    while (digit(symbols[i + 1 + after])) after++;
    if (after !== 3) s.lookalike = `${s.text} between digits that groups no thousands: a middle dot (3·15) or a point reads as a comma`;
  });
}

/**
 * Marks that Chinese text does not write where OCR read them, and that another glyph reads as, so neither reading
 * is sure and a second read agreeing does not make it so. Marks them in place:
 * - 一 right after a digit and before a Chinese character (18:00一次日2:00): a dash (—) after a time or a number,
 *   which both models read as 一; the numeral does not follow a digit;
 * - = after a Chinese character (每周=12时前): 二 reads as =, and a comparator follows a label's colon or a bracket;
 * - . between two Chinese characters (欢乐购.荔湾): a middle dot both models read as a point, where its ink does not
 *   stand high enough to say so (`readMiddleDots`); Chinese text ends a sentence with 。.
 */
function markMarksAmongChinese(symbols: MarkedSymbol[]): void {
  const han = (s: MarkedSymbol | undefined, line: number) => s !== undefined && s.line === line && /^\p{Script=Han}$/u.test(s.text);
  const digit = (s: MarkedSymbol | undefined, line: number) => s !== undefined && s.line === line && /^[0-9]$/.test(s.text);
  symbols.forEach((s, i) => {
    const before = symbols[i - 1];
    const after = symbols[i + 1];
    if (s.text === '一' && digit(before, s.line) && han(after, s.line)) s.lookalike = '一 after a number: a dash (—) reads as 一';
    else if (s.text === '=' && han(before, s.line)) s.lookalike = '= after a Chinese character: 二 reads as =';
    else if (s.text === '.' && han(before, s.line) && han(after, s.line)) s.lookalike = '. between two Chinese characters: a middle dot (·) reads as a point';
  });
}

/**
 * Each line's body from its Chinese characters alone (the median top and bottom), where it has at least three:
 * punctuation boxes run tall, and a box over two lines would stretch the line.
 */
function hanLineBodies(symbols: readonly OcrSymbol[]): Map<number, { y0: number; y1: number }> {
  const han = symbols.filter((s) => /^\p{Script=Han}$/u.test(s.text));
  const counts = new Map<number, number>();
  for (const s of han) counts.set(s.line, (counts.get(s.line) ?? 0) + 1);
  return new Map([...medianLineExtents(han)].filter(([line]) => (counts.get(line) ?? 0) >= 3));
}

/** A read with a symbol below `below` (a confidence) or a suspect one deserves a second read. */
function isDoubtful(result: MarkedResult, below: number): boolean {
  return result.symbols.some((s) => s.confidence < below || s.lost || s.merged);
}

/**
 * Give lost symbols (zero-width boxes, often at a word's end) a place between their neighbours on the line,
 * so that the text keeps its reading order; their position is then an estimate, like a text run's inside.
 */
function placeLostSymbols(symbols: readonly MarkedSymbol[]): MarkedSymbol[] {
  const out = symbols.map((s) => ({ ...s }));
  for (let i = 0; i < out.length; i++) {
    if (!out[i]!.lost) continue;
    let j = i;
    while (j + 1 < out.length && out[j + 1]!.lost && out[j + 1]!.line === out[i]!.line) j++;
    const prev = i > 0 && out[i - 1]!.line === out[i]!.line ? out[i - 1]! : null;
    const next = j + 1 < out.length && out[j + 1]!.line === out[i]!.line ? out[j + 1]! : null;
    const h = Math.max(1, out[i]!.y1 - out[i]!.y0);
    const from = prev ? prev.x1 : next ? next.x0 - (j - i + 1) * h : out[i]!.x0;
    const to = next ? Math.max(from, next.x0) : from + (j - i + 1) * h;
    const step = (to - from) / (j - i + 1);
    for (let k = i; k <= j; k++) {
      out[k]!.x0 = from + (k - i) * step;
      out[k]!.x1 = from + (k - i + 1) * step;
    }
    i = j;
  }
  return out;
}

/** Text compared across two reads: without white space, with punctuation of either width alike. */
function readKey(text: string): string {
  // A first read's ( against the other's 〈 stays a dispute: the spacing that decides a bracket's width misleads in
  // some fonts (Noto Sans), and the dispute keeps such a bracket flagged (`secondRead`).
  return text.replace(/\s+/g, '').replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[“”]/g, '"');
}

/** A 〈 as the ( it stands for, to align two reads. */
const fullWidthOpeningAsRead = (ch: string): string => (ch === '〈' ? '(' : ch);

/**
 * Agreement or disagreement of a second read (the other chi_sim model) decides, character by character: the
 * two texts are aligned (longest common subsequence, white space aside, punctuation of either width alike);
 * a symbol of the first read that the second read confirms takes the confidence agreement earns, and one it
 * contradicts is capped and marked as disputed.
 */
export function secondRead(first: MarkedResult, second: OcrResult, settings: OcrCellSettings = DEFAULT_OCR_CELL_SETTINGS, lexicon: Lexicon = loadLexicon()): MarkedResult {
  const a: { symbol: number; ch: string }[] = [];
  first.symbols.forEach((s, i) => {
    for (const ch of readKey(s.text)) a.push({ symbol: i, ch });
  });
  const b = [...readKey(second.text)];
  // The model reads a full-width （ as 〈 at times, a half-width ( never (see `decidePunctuationWidth`), and the
  // other model reads either as (: a first read's 〈 is the ( it read, not a dispute about the width. The other way
  // round, the first read's ( against the other's 〈, stays one: that ( may be a full-width （ its spacing belies.
  const aligned = lcsAlign(a.map((x) => fullWidthOpeningAsRead(x.ch)), b.map(fullWidthOpeningAsRead)).map((at, k) => (at >= 0 && a[k]!.ch !== '〈' && b[at] === '〈' ? -1 : at));
  // Per symbol: where its characters stand in the second read (-1: not there), and whether all of them do.
  const spans = first.symbols.map(() => ({ first: -1, last: -1, confirmed: true }));
  a.forEach((x, k) => {
    const span = spans[x.symbol]!;
    const at = aligned[k]!;
    if (at < 0) span.confirmed = false;
    else {
      if (span.first < 0) span.first = at;
      span.last = at;
    }
  });
  const split = splitCharacters(first.symbols, spans);
  const repairs = new Map([...split.values()].map((k) => [k.keep, k.why]));
  const inserted = insertionsBefore(a, aligned, b);
  const runs = new Map<number, DisputedRun>();
  const symbols = first.symbols.flatMap((s, i): MarkedSymbol[] => {
    if (split.has(i)) return [];
    const repair = repairs.get(i);
    const extra = inserted.get(i);
    if (spans[i]!.confirmed) {
      // The other model read something where this one read nothing: a character (上 of 上门 before 服务), or a glyph
      // before a symbol the first model was unsure of (之, a ≥, before the 6 of 60个 read at 0.21). What stands
      // there is unknown. Elsewhere the other model's extra glyphs are mostly its own: a digit before %, the 1- of a
      // level code, a comparator the slot's own checks find (measured: 470 right values doubted for 10 wrong).
      // The doubt is kept apart (`otherReadBefore`), for the comparator slot may yet find the glyph in the ink.
      // A colon the other model read between two digits (1:15 read as 115, both targets alike) is a ratio's or a
      // time's: the digits alone make another number.
      const colonInNumber = extra !== undefined && /^[:：]$/.test(extra) && /^[0-9]$/.test(s.text) && /^[0-9]$/.test(first.symbols[i - 1]?.text ?? '');
      // A ； the other model read between two Chinese characters where the first read nothing (资助；围绕, its ink
      // swallowed by the box of 助) parts two clauses; only the one after a level name (数量指标；) is the
      // grammar's to put back. Measured on the fifteen development and evaluation sets: 2 wrong goals caught, 1 right
      // level name doubted.
      const afterLevelName = first.symbols[i - 2]?.text === '指' && first.symbols[i - 1]?.text === '标';
      const clauseMark = extra !== undefined && /^[；;]$/.test(extra) && /^\p{Script=Han}$/u.test(s.text) && /^\p{Script=Han}$/u.test(first.symbols[i - 1]?.text ?? '') && !afterLevelName;
      // 之 or 尹 before a number is how the other model reads a ≥ the first dropped (`insertComparatorsTheOtherModelRead`).
      const greaterEqual = extra !== undefined && OTHER_MODEL_GREATER_EQUAL.test(extra) && /^[0-9]$/.test(s.text);
      // Digits the other model read after the digit that ends a line of a target, where the first read none
      // (≤15 | 日 read as ≤1 | 日, the box of the 1 over the 5): the number may be cut short. (Before a level name the
      // other model's digit is mostly the code's hyphen: 1 | 1-数量指标 read 1 | 14数量指标.)
      const previous = first.symbols[i - 1];
      const digitsAtLineEnd = extra !== undefined && /^[0-9]+$/.test(extra) && previous !== undefined && /^[0-9]$/.test(previous.text) && previous.line !== s.line && inLabelledClause(first.symbols, i);
      const dropped = extra !== undefined && !split.has(i - 1) && ((/\p{Script=Han}/u.test(extra) && /^\p{Script=Han}$/u.test(s.text)) || colonInNumber || clauseMark || greaterEqual || digitsAtLineEnd || s.confidence < settings.insertionDoubtBelow);
      const agreed = Math.max(s.confidence, settings.agreedConfidence);
      // A 2 or z (a superscript's shape) the other model read after a unit's letter where this one read nothing:
      // the ² or ³ of km², hm², m³, whose small ink the first model's box for the letter took in.
      const after = inserted.get(i + 1);
      const power = after !== undefined && /^[A-Za-z]$/.test(s.text) && /^[z2²3³][:：.。]?$/.test(after);
      const powerDoubt = power ? { confidence: Math.min(agreed, POWER_LOST_CONFIDENCE), doubt: `the other OCR model read ${after} after ${s.text}: a ² or ³ may be lost` } : {};
      return [{ ...s, confidence: repair ? Math.min(agreed, settings.splitRepairConfidence) : agreed, confirmed: true, ...(dropped ? { otherReadBefore: extra } : {}), ...(repair ? { repair } : {}), ...powerDoubt }];
    }
    // The other model reads % as digits (96, 94, 06, 9, 946), or as a digit and $, # or X (8$, 8#, X): on the
    // development and evaluation scans, 59 times where % was right and never where it was wrong for the digits,
    // and 49 more fields right for the rest, none wrong. Against those, % keeps its own confidence. A letter or a
    // character (妙, 娃) was read for a ‰ the first model took for %: there the dispute stands.
    const run = disputedRun(i);
    if (s.text === '%' && run.here === '%' && /^(?:[0-9]{1,3}|[0-9]?[$#X])$/.test(run.other)) return [{ ...s, ...(repair ? { repair } : {}) }];
    // The other model reads 1 as L, l, I or ] (100% as L00%, 1,200人次 as L,200人次). Where the number goes on after it,
    // no letter can stand there, and the 1 keeps its own confidence. A letter after it keeps the dispute: 5lx read
    // as 51x, the unit's l taken for 1 by the first model.
    if (s.text === '1' && run.here === '1' && /^[LlI\]|]$/.test(run.other) && numberGoesOn(first.symbols, i)) return [{ ...s, ...(repair ? { repair } : {}) }];
    if (run.verdict?.pick === 'other') {
      const text = [...run.other][i - run.lo]!;
      const why = lexiconRepairWhy(run.here, run.other, run.verdict.word);
      // The first model's confidence was in its own misreading: it says nothing of the other's.
      return [{ ...s, text, confidence: settings.lexiconRepairConfidence, repair: why }];
    }
    return [{ ...s, confidence: Math.min(s.confidence, settings.disputedConfidence), doubt: run.note, otherReading: run.other, disputedText: run.here }];
  });
  return { ...first, symbols };

  /** The run of disputed symbols around `i` (first read), what the other model read in its place, and the note; once per run. */
  function disputedRun(i: number): DisputedRun {
    const known = runs.get(i);
    if (known) return known;
    const disputed = (k: number) => k >= 0 && k < spans.length && !spans[k]!.confirmed && !split.has(k);
    let lo = i;
    while (disputed(lo - 1)) lo--;
    let hi = i;
    while (disputed(hi + 1)) hi++;
    // Where the other model's text stands between the symbols on either side that it placed.
    const before = spans.slice(0, lo).findLast((span) => span.last >= 0);
    const after = spans.slice(hi + 1).find((span) => span.first >= 0);
    const here = first.symbols.slice(lo, hi + 1).map((x) => x.text).join('');
    const other = b.slice(before ? before.last + 1 : 0, after ? after.first : b.length).join('');
    // The dispute in words, for the reviewer.
    // A run of Han characters read as another run of as many: the dictionary may tell which makes words. It is
    // asked only where each symbol holds one character, so that the other run maps onto the symbols one to one.
    const single = first.symbols.slice(lo, hi + 1).every((x) => [...x.text].length === 1);
    const textOf = (from: number, to: number) => first.symbols.slice(from, to).map((x) => x.text).join('').replace(/\s+/g, '');
    const verdict = single ? judgeReadings(lexicon, textOf(0, lo), here, other, textOf(hi + 1, first.symbols.length), settings.lexiconMargins) : null;
    // The dictionary's word for the first reading goes into the note, for the reviewer. It does not lift the
    // doubt: a cell the models disagree on holds more misreads than the dispute, and on the development and
    // evaluation scans, values passed on the dictionary's word were wrong 4 times in 217, all elsewhere in the value.
    const word = verdict?.pick === 'first' ? `; the dictionary has ${verdict.word}` : '';
    const run = { lo, here, other, verdict, note: `${DISPUTED_DOUBT}: one read ${cut(here)}, the other ${other === '' ? 'nothing' : cut(other)}${word}` };
    for (let k = lo; k <= hi; k++) runs.set(k, run);
    return run;
  }
}

/** Whether a number goes on after symbol `i` on its line: a digit, a % or a separator before a digit. */
function numberGoesOn(symbols: readonly OcrSymbol[], i: number): boolean {
  const next = symbols[i + 1];
  if (next === undefined || next.line !== symbols[i]!.line) return false;
  if (/^[0-9%]$/.test(next.text)) return true;
  const after = symbols[i + 2];
  return /^[,.]$/.test(next.text) && after !== undefined && after.line === next.line && /^[0-9]$/.test(after.text);
}

/**
 * Text of the second read that aligns with nothing of the first's, between two characters of the first that it
 * does align with, by the index of the symbol after it. A gap inside one symbol's characters is not one.
 */
function insertionsBefore(a: readonly { symbol: number; ch: string }[], aligned: readonly number[], b: readonly string[]): Map<number, string> {
  const out = new Map<number, string>();
  for (let k = 0; k + 1 < a.length; k++) {
    const p = aligned[k]!;
    const q = aligned[k + 1]!;
    if (p < 0 || q < 0 || q <= p + 1 || a[k]!.symbol === a[k + 1]!.symbol) continue;
    out.set(a[k + 1]!.symbol, b.slice(p + 1, q).join(''));
  }
  return out;
}

/** The most characters of a dispute a note shows, with … for the rest. */
function cut(text: string): string {
  return [...text].length > DISPUTE_SHOWN ? `${[...text].slice(0, DISPUTE_SHOWN).join('')}…` : text;
}

/** A run of symbols the two models read differently: where it starts, the first model's text, the other's, the dictionary's verdict, and the note. */
interface DisputedRun {
  lo: number;
  here: string;
  other: string;
  verdict: LexiconVerdict | null;
  note: string;
}



/**
 * An amount's second read decides it whole: the same figures confirm every symbol (but one whose box holds two
 * digits or none), other figures doubt every one, for a digit the first model dropped (280.00 against 1280.00) is as wrong as one it changed, and aligning
 * the two would confirm what is left. Pure.
 */
export function amountReadAgain(first: MarkedResult, second: OcrResult, settings: OcrCellSettings = DEFAULT_OCR_CELL_SETTINGS): MarkedResult {
  const a = readKey(first.text);
  const b = readKey(second.text);
  // Both models drop the same 1 (1280.00 read 280.00 twice): agreement does not clear a box that holds two digits
  // or none. Grouping aside (1,000.50 and 1000.50 are one amount).
  if (a.replace(/,/g, '') === b.replace(/,/g, '')) return { ...first, symbols: first.symbols.map((s) => (s.merged || s.lost ? s : { ...s, confidence: Math.max(s.confidence, settings.agreedConfidence), confirmed: true })) };
  const doubt = `${DISPUTED_DOUBT}: one read ${a}, the other ${b === '' ? 'nothing' : b}`;
  return { ...first, symbols: first.symbols.map((s) => ({ ...s, confidence: Math.min(s.confidence, settings.disputedConfidence), doubt })) };
}

/** The most characters of a disputed run a note shows. */
const DISPUTE_SHOWN = 8;

/** Where a symbol's characters stand in the second read (-1: nowhere), and whether all of them are there. */
interface SecondReadSpan {
  first: number;
  last: number;
  confirmed: boolean;
}

/**
 * Symbols of the first read that split one character in two (是/否 read 是/和否: a long / overlapping 否, the
 * rest of 否 read as 和): a Han symbol the second read has nothing for, narrower than half an em, beside a Han
 * symbol the second read confirms, the two together no wider than a character. Keyed by the index of the symbol
 * to drop, with the repair its neighbour carries.
 */
function splitCharacters(symbols: readonly MarkedSymbol[], spans: readonly SecondReadSpan[]): Map<number, { keep: number; why: string }> {
  const heights = lineHeights(symbols);
  const out = new Map<number, { keep: number; why: string }>();
  const kept = new Set<number>();
  const han = (s: MarkedSymbol | undefined) => s !== undefined && /^\p{Script=Han}$/u.test(s.text);
  symbols.forEach((s, i) => {
    if (!han(s) || spans[i]!.last !== -1) return;
    const h = heights.get(s.line) ?? 1;
    for (const j of [i + 1, i - 1]) {
      const n = symbols[j];
      if (!han(n) || n!.line !== s.line || spans[j]!.last < 0 || out.has(j) || kept.has(j)) continue;
      // The second read has nothing between this neighbour and the nearest symbol it matched on the other side but
      // what the first read's unmatched symbols there may be (a bracket the two models read differently, 〈 and 《):
      // where it read a character more, that is its reading of this one (〈含转 against 《仿转).
      const step = j > i ? -1 : 1;
      let k = i + step;
      while (k >= 0 && k < symbols.length && spans[k]!.last < 0) k += step;
      const otherB = k >= 0 && k < symbols.length ? (step < 0 ? spans[k]!.last : spans[k]!.first) : step < 0 ? -1 : Number.POSITIVE_INFINITY;
      const unmatchedBetween = Math.abs(k - i) - 1;
      const readBetween = Number.isFinite(otherB) ? Math.abs(otherB - (step < 0 ? spans[j]!.first : spans[j]!.last)) - 1 : 0;
      const adjacent = otherB === -1 || !Number.isFinite(otherB) || readBetween <= unmatchedBetween;
      const width = Math.max(s.x1, n!.x1) - Math.min(s.x0, n!.x0);
      if (adjacent && s.x1 - s.x0 < 0.5 * h && n!.x1 - n!.x0 < 0.6 * h && width <= 1.15 * h) {
        const pair = j > i ? `${s.text}${n!.text}` : `${n!.text}${s.text}`;
        out.set(i, { keep: j, why: `${pair} read where the ink is one character wide, and the other model read ${n!.text} alone` });
        kept.add(j);
        break;
      }
    }
  });
  return out;
}

/** For each element of `a`, the index of the element of `b` it is matched to in a longest common subsequence, or -1. */
function lcsAlign(a: readonly string[], b: readonly string[]): number[] {
  const n = a.length;
  const m = b.length;
  const dp = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * (m + 1) + j] = a[i] === b[j] ? dp[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(dp[(i + 1) * (m + 1) + j]!, dp[i * (m + 1) + j + 1]!);
    }
  }
  const out = new Array<number>(n).fill(-1);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out[i] = j;
      i++;
      j++;
    } else if (dp[(i + 1) * (m + 1) + j]! >= dp[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  return out;
}

/**
 * Brackets, half-width commas and semicolons with the white space beside their ink measured on the pixels
 * (`white`): a bracket within its own height, a comma or semicolon within its line's (it sits low, beside the
 * characters' feet). The boxes Tesseract's LSTM draws run over their neighbours (赛 boxed up to 7 pixels from a （
 * that 18 white columns part it from). Pixels of the padded read.
 */
export function measurePunctuationWhite(symbols: readonly MarkedSymbol[], crop: Crop, settings: OcrCellSettings): (MarkedSymbol & Pick<WidthDecidedSymbol, 'white'>)[] {
  if (!symbols.some((s) => BRACKET.test(s.text) || s.text === ',' || s.text === ';')) return [...symbols];
  const p = settings.padding;
  const lines = medianLineExtents(symbols);
  // What the white is measured by: the height the cell's Chinese characters share, which tall boxes do not stretch.
  const cellEm = typicalHanHeight(symbols);
  return symbols.map((s) => {
    const comma = s.text === ',' || s.text === ';';
    if ((!comma && !BRACKET.test(s.text)) || s.x1 - s.x0 < 1 || cellEm < 1) return s;
    const rows = comma ? commaRows(lines.get(s.line)!) : bracketRows(s, lines.get(s.line)!);
    if (!rows) return s;
    const measure = (x0: number, x1: number) => whiteBesideInk(crop, rows, x0, x1, settings.inkThreshold, BRACKET_WHITE_REACH * cellEm);
    let white = measure(Math.floor(s.x0 - p), Math.ceil(s.x1 - p));
    // A ;'s box is at times set beside its ink, over white (Noto Serif SemiBold: 10 columns right of it): its ink
    // is looked for near.
    if (s.text === ';' && white.before === null && white.after === null) {
      const ink = semicolonInkNear(crop, rows, s.x0 - p, s.x1 - p, cellEm, settings.inkThreshold);
      if (ink) white = measure(ink.x0, ink.x1);
    }
    return white.before === null && white.after === null ? s : { ...s, white: { ...white, em: cellEm } };
  });

  /** A comma's or semicolon's rows: its line's, as it sits low beside the characters' feet. */
  function commaRows(line: { y0: number; y1: number }): { y0: number; y1: number } {
    return { y0: Math.floor(line.y0 - p), y1: Math.ceil(line.y1 - p) };
  }

  /** A bracket's rows: its own height, a little beyond. */
  function bracketRows(s: MarkedSymbol, line: { y0: number; y1: number }): { y0: number; y1: number } | null {
    // Within the bracket's own height, which is the line's: the boxes run tall and would reach the lines above
    // and below, and the middle of the line alone finds white beside the stem of 工.
    const rows = inkRowsThrough(crop, s.x0 - p, s.x1 - p, (line.y0 + line.y1) / 2 - p, settings.inkThreshold, cellEm / 4);
    if (!rows) return null;
    // A little beyond it: a bracket is shorter than the characters, whose top and bottom strokes (工) count.
    const out = BRACKET_ROWS_BEYOND * (rows.y1 - rows.y0);
    return { y0: rows.y0 - out, y1: rows.y1 + out };
  }
}

/** A round bracket, or what OCR reads for one. */
const BRACKET = /^[()（）〈〉《]$/;
/** How far above and below a bracket's ink, as a share of its height, the characters beside it are looked at. */
const BRACKET_ROWS_BEYOND = 0.15;
/** How far beside a bracket, in ems, its white space is looked for: beyond, the bracket stands alone. */
const BRACKET_WHITE_REACH = 2;

/**
 * Punctuation boxes shrunk to their ink: Tesseract often gives a bracket or a semicolon the blank half of its em
 * box as well, which hides the white space that tells full width from half. Pixels of the padded read.
 */
export function tightenPunctuation(symbols: readonly MarkedSymbol[], crop: Crop, settings: OcrCellSettings): MarkedSymbol[] {
  const p = settings.padding;
  const lines = medianLineExtents(symbols);
  const isPunctuation = (s: MarkedSymbol | undefined) => Boolean(s) && /^[\p{P}\p{S}]$/u.test(s!.text);
  return symbols.map((s, i) => {
    const before = symbols[i - 1];
    const after = symbols[i + 1];
    // Punctuation, and the characters beside it: their boxes, too, can hold the white space between.
    const beside = (isPunctuation(before) && before!.line === s.line) || (isPunctuation(after) && after!.line === s.line);
    if ((!isPunctuation(s) && !beside) || s.x1 - s.x0 < 1) return s;
    const line = lines.get(s.line)!;
    const y0 = Math.max(0, Math.floor(line.y0 - p));
    const y1 = Math.min(crop.height, Math.ceil(line.y1 - p));
    // Never into the neighbours' own boxes, where boxes overlap.
    const from = Math.max(s.x0, before && before.line === s.line && before.x1 > before.x0 ? Math.min(before.x1, s.x1 - 1) : -Infinity);
    const to = Math.min(s.x1, after && after.line === s.line && after.x1 > after.x0 ? Math.max(after.x0, s.x0 + 1) : Infinity);
    let x0 = Infinity;
    let x1 = -Infinity;
    for (let x = Math.max(0, Math.floor(from - p)); x < Math.min(crop.width, Math.ceil(to - p)); x++) {
      for (let y = y0; y < y1; y++) {
        if (crop.data[y * crop.width + x]! < settings.inkThreshold) {
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x + 1);
          break;
        }
      }
    }
    return x1 > x0 ? { ...s, x0: x0 + p, x1: x1 + p } : s;
  });
}

/** Symbols to glyphs; each symbol takes its line's height so that a line's glyphs group as one line. */
function resultToGlyphs(result: MarkedResult, left: number, top: number, scale: number, page: number, runBase: number): Glyph[] {
  const lines = lineExtents(result.symbols);
  return result.symbols
    .filter((s) => s.text.trim() !== '')
    .flatMap((s) => {
      const line = lines.get(s.line)!;
      const chars = Array.from(s.text);
      // A suspect symbol that no second read confirmed keeps its doubt.
      const lost = Boolean(s.lost) && !s.confirmed;
      const merged = Boolean(s.merged) && !s.confirmed;
      // Two models agreeing on the colon does not bring back the glyph its box swallowed, nor on 一 the range mark.
      const swallowed = Boolean(s.swallowed);
      // Nor does its agreeing on a character read over two lines bring back what the box holds of either.
      const spanning = Boolean(s.spanning);
      const rangeMark = Boolean(s.rangeMark);
      const w = (s.x1 - s.x0) / chars.length;
      return chars.map((char, k) => ({
        char,
        x0: (left + s.x0 + k * w) * scale,
        y0: (top + line.y0) * scale,
        x1: (left + s.x0 + (k + 1) * w) * scale,
        y1: (top + line.y1) * scale,
        size: (line.y1 - line.y0) * scale,
        page,
        run: runBase + s.word,
        confidence: lost || merged || swallowed || spanning ? Math.min(s.confidence, LOST_SYMBOL_CONFIDENCE) : rangeMark || s.lookalike || s.otherReadBefore !== undefined ? Math.min(s.confidence, AMBIGUOUS_GLYPH_CONFIDENCE) : s.confidence,
        ...(lost ? { doubt: 'OCR gave some characters no position on the page (a broken read)' } : {}),
        ...(merged ? { doubt: 'a character read where the ink is as wide as two: one may be missing' } : {}),
        ...(swallowed ? { doubt: swallowedDoubt(s.text) } : {}),
        ...(spanning ? { doubt: SPANNING_DOUBT } : {}),
        ...(s.doubt ? { doubt: s.doubt } : {}),
        ...(rangeMark ? { doubt: '一 between two numbers: a range mark (～, — or -) may be misread' } : {}),
        ...(s.lookalike ? { doubt: s.lookalike } : {}),
        ...(s.otherReadBefore !== undefined ? { doubt: otherReadBeforeDoubt(cut(s.otherReadBefore), s.text) } : {}),
        ...(s.repair ? { repair: s.repair } : {}),
        ...(s.shape && chars.length === 1 ? { shape: s.shape } : {}),
      }));
    })
    .map(keepReadingOrder());
}

/**
 * OCR's reading order is kept where its boxes disagree with it (a box drawn on the next digit, two boxes
 * overlapping): within a line, each glyph starts after the one before, as the table stages sort by position.
 */
function keepReadingOrder(): (g: Glyph, i: number, all: Glyph[]) => Glyph {
  const EPSILON = 0.01;
  let previous: Glyph | undefined;
  return (g) => {
    const sameLine = previous && previous.y0 === g.y0 && previous.y1 === g.y1 && previous.run - (previous.run % 10_000) === g.run - (g.run % 10_000);
    const fixed = sameLine && g.x0 <= previous!.x0 ? { ...g, x0: previous!.x0 + EPSILON, x1: Math.max(g.x1, previous!.x0 + 2 * EPSILON) } : g;
    previous = fixed;
    return fixed;
  };
}

/** A placeholder for ink OCR could not read. */
function unreadGlyph(crop: Crop, scale: number, page: number, index: number): Glyph {
  return {
    char: '\uFFFD',
    x0: (crop.left + crop.ink.x0) * scale,
    y0: (crop.top + crop.ink.y0) * scale,
    x1: (crop.left + crop.ink.x1 + 1) * scale,
    y1: (crop.top + crop.ink.y1 + 1) * scale,
    size: (crop.ink.y1 - crop.ink.y0 + 1) * scale,
    page,
    run: index * 10_000,
    confidence: 0,
  };
}

