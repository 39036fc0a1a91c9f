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
import type { OcrEngine, OcrResult } from '../ocr/ocr-engine.js';
import { pointsPerPixel, type GreyImage } from './grey-image.js';
import { insertUnreadComparators, repairComparators } from './comparator-slot.js';
import { medianLineExtents, type Crop, type MarkedResult, type MarkedSymbol } from './ocr-read.js';
import { decidePunctuationWidth } from './punctuation-width.js';
import { markUnreadInk } from './unread-ink.js';
import { lineExtents, lineHeights } from '../ocr/lines.js';

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
   * Confidence of the symbols of a cell two models read alike.
   * @default 0.95
   */
  agreedConfidence: number;
  /**
   * Highest confidence of the symbols of a cell two models read differently.
   * @default 0.5
   */
  disputedConfidence: number;
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
  agreedConfidence: 0.95,
  disputedConfidence: 0.5,
};

/**
 * Confidence of a symbol Tesseract placed nowhere (a zero-width box): its read is unreliable, and a second
 * model agreeing does not help (both drop the same faint digit).
 */
const LOST_SYMBOL_CONFIDENCE = 0.5;

/** An amount as printed: digits grouped by thousands or not, two decimals at most, nothing else. */
const WELL_FORMED_AMOUNT = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$/;

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
      const png = await sharp(crop.data, { raw: { width: crop.width, height: crop.height, channels: 1 } })
        .extend({ top: settings.padding, bottom: settings.padding, left: settings.padding, right: settings.padding, background: '#ffffff' })
        .png()
        .toBuffer();
      // A narrow cell holding one short line is most likely an amount: read it with the digits whitelist first,
      // and keep that read only if it is a well-formed number read with some confidence.
      const amountLike = region.role === 'cell' && (crop.ink.x1 - crop.ink.x0) * scale < settings.amountMaxWidth && (crop.ink.y1 - crop.ink.y0) * scale < settings.amountMaxHeight;
      if (amountLike) {
        const digits = await engine.addJob({ image: png, kind: 'amount' });
        if (WELL_FORMED_AMOUNT.test(digits.text.trim()) && digits.confidence >= settings.amountMinConfidence) {
          return finish(markSuspects(digits));
        }
      }
      let result: MarkedResult = markSuspects(await engine.addJob({ image: png, kind: 'text' }));
      if (result.text.trim() !== '' && NUMERIC.test(result.text)) {
        const digits = await engine.addJob({ image: png, kind: 'amount' });
        if (digits.text.trim() !== '') result = markSuspects(digits);
      } else if (isDoubtful(result, settings)) {
        result = secondRead(result, await engine.addJob({ image: png, kind: 'text', model: 'standard' }), settings);
      }
      return finish(result);

      function finish(read: MarkedResult): Glyph[] {
        return readToGlyphs(read, crop!, index);
      }
    }),
  );
  return results.flat();

  /** A read to glyphs, after the checks and repairs that need the pixels. */
  function readToGlyphs(read: MarkedResult, crop: Crop, index: number): Glyph[] {
    let result: MarkedResult = { ...read, symbols: placeLostSymbols(read.symbols) };
    const left = crop.left - settings.padding;
    const top = crop.top - settings.padding;
    if (result.symbols.length === 0) return [unreadGlyph(crop, scale, page, index)];
    result = { ...result, symbols: markUnreadInk(insertUnreadComparators(result.symbols, crop, settings), crop, settings) };
    // Widths are measured on the punctuation's ink; the symbols keep the boxes OCR gave them (the reading order).
    const decided = decidePunctuationWidth({ symbols: tightenPunctuation(result.symbols, crop, settings) });
    const widths = { ...result, symbols: decided.map((d, i) => ({ ...d, x0: result.symbols[i]!.x0, x1: result.symbols[i]!.x1 })) };
    return resultToGlyphs(repairComparators(widths, crop, settings), left, top, scale, page, index * 10_000);
  }
}

/** The pixels inside a region, or null when it holds no ink. */
function cropRegion(image: GreyImage, rect: Rect, settings: OcrCellSettings): Crop | null {
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
  return { left, top, width, height, data, ink: box };
}

/**
 * Mark the symbols whose geometry says the read went wrong: a zero-width box (Tesseract lost track of the
 * symbol) or a digit as wide as two (two digits read as one, 100% as 10%).
 */
function markSuspects(result: OcrResult): MarkedResult {
  const heights = lineHeights(result.symbols);
  const marked = {
    ...result,
    symbols: result.symbols.map((s): MarkedSymbol => {
      const h = heights.get(s.line) ?? 1;
      const w = s.x1 - s.x0;
      // A digit is half an em, a Chinese character one: a symbol much wider holds a character OCR dropped.
      const merged = (/^[0-9]$/.test(s.text) && w > 0.95 * h) || (/^\p{Script=Han}$/u.test(s.text) && w > 1.6 * h);
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
  // The glyph a separator swallowed belongs to what follows it (a comparator before a number): mark that too.
  marked.symbols.forEach((s, i) => {
    const next = marked.symbols[i + 1];
    if (s.swallowed && next && next.line === s.line) next.swallowed = true;
  });
  return marked;
}

/** A read with a symbol below `secondReadBelow` or a suspect one deserves a second read. */
function isDoubtful(result: MarkedResult, settings: OcrCellSettings): boolean {
  return result.symbols.some((s) => s.confidence < settings.secondReadBelow || s.lost || s.merged);
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
  return text.replace(/\s+/g, '').replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[“”]/g, '"');
}

/**
 * Agreement or disagreement of a second read (the other chi_sim model) decides, character by character: the
 * two texts are aligned (longest common subsequence, white space aside, punctuation of either width alike);
 * a symbol of the first read that the second read confirms takes the confidence agreement earns, and one it
 * contradicts is capped and marked as disputed.
 */
function secondRead(first: MarkedResult, second: OcrResult, settings: OcrCellSettings): MarkedResult {
  const a: { symbol: number; ch: string }[] = [];
  first.symbols.forEach((s, i) => {
    for (const ch of readKey(s.text)) a.push({ symbol: i, ch });
  });
  const b = [...readKey(second.text)];
  const matched = lcsMatches(a.map((x) => x.ch), b);
  const confirmed = new Map<number, boolean>();
  a.forEach((x, i) => confirmed.set(x.symbol, (confirmed.get(x.symbol) ?? true) && matched[i]!));
  const symbols = first.symbols.map((s, i) =>
    confirmed.get(i) !== false
      ? { ...s, confidence: Math.max(s.confidence, settings.agreedConfidence), confirmed: true }
      : { ...s, confidence: Math.min(s.confidence, settings.disputedConfidence), doubt: 'two OCR models read these characters differently' },
  );
  return { ...first, symbols };
}

/** For each element of `a`, whether it is part of a longest common subsequence with `b`. */
function lcsMatches(a: readonly string[], b: readonly string[]): boolean[] {
  const n = a.length;
  const m = b.length;
  const dp = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * (m + 1) + j] = a[i] === b[j] ? dp[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(dp[(i + 1) * (m + 1) + j]!, dp[i * (m + 1) + j + 1]!);
    }
  }
  const out = new Array<boolean>(n).fill(false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out[i] = true;
      i++;
      j++;
    } else if (dp[(i + 1) * (m + 1) + j]! >= dp[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  return out;
}

/**
 * Punctuation boxes shrunk to their ink: Tesseract often gives a bracket or a semicolon the blank half of its em
 * box as well, which hides the white space that tells full width from half. Pixels of the padded read.
 */
function tightenPunctuation(symbols: readonly MarkedSymbol[], crop: Crop, settings: OcrCellSettings): MarkedSymbol[] {
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
      // Two models agreeing on the colon does not bring back the glyph its box swallowed.
      const swallowed = Boolean(s.swallowed);
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
        confidence: lost || merged || swallowed ? Math.min(s.confidence, LOST_SYMBOL_CONFIDENCE) : s.confidence,
        ...(lost ? { doubt: 'OCR gave some characters no position on the page (a broken read)' } : {}),
        ...(merged ? { doubt: 'a character read where the ink is as wide as two: one may be missing' } : {}),
        ...(swallowed ? { doubt: `${s.text} read where the ink is much wider than ${s.text}: a character beside it may be missing` } : {}),
        ...(s.doubt ? { doubt: s.doubt } : {}),
        ...(s.repair ? { repair: s.repair } : {}),
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

