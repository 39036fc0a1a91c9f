/**
 * Ink that no OCR symbol accounts for: a glyph Tesseract dropped (a faint 荔, a comparator at a line's end)
 * leaves ink on the page between or beside the symbols it did read.
 */
import type { Crop, MarkedSymbol } from './ocr-read.js';
import { inkColumnRuns } from './ink-columns.js';

/** What the check needs of the OCR settings. */
export interface UnreadInkSettings {
  /** White margin around the crop Tesseract read, pixels. */
  padding: number;
  /** Pixels darker than this are ink. */
  inkThreshold: number;
}

/**
 * Ink that OCR skipped: a gap of more than half an em between two symbols of a line with ink in it is a
 * character no read returned (both models can drop the same faint 荔). The symbols on both sides carry the
 * doubt, so the value shows as flagged instead of silently short.
 */
export function markUnreadInk(symbols: readonly MarkedSymbol[], crop: Crop, settings: UnreadInkSettings): MarkedSymbol[] {
  const out = symbols.map((s) => ({ ...s }));
  const p = settings.padding;
  const inkIn = (x0: number, x1: number, y0: number, y1: number): number => inkBox(x0, x1, y0, y1).ink;
  /** The ink in a rectangle of the crop (clipped to it): how many pixels, and their bounds (empty: x1 ≤ x0). */
  const inkBox = (x0: number, x1: number, y0: number, y1: number) => {
    const box = { ink: 0, x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    for (let y = Math.max(0, y0); y < Math.min(crop.height, y1); y++) {
      for (let x = Math.max(0, x0); x < Math.min(crop.width, x1); x++) {
        if (crop.data[y * crop.width + x]! >= settings.inkThreshold) continue;
        box.ink++;
        box.x0 = Math.min(box.x0, x);
        box.x1 = Math.max(box.x1, x + 1);
        box.y0 = Math.min(box.y0, y);
        box.y1 = Math.max(box.y1, y + 1);
      }
    }
    return box;
  };
  const inkHeight = (x0: number, x1: number, y0: number, y1: number): number => {
    const box = inkBox(x0, x1, y0, y1);
    return box.ink > 0 ? box.y1 - box.y0 : 0;
  };
  const markDoubt = 'a mark between two characters that OCR did not read: punctuation may be missing';
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (a.line !== b.line || a.lost || b.lost) continue;
    const h = Math.max(a.y1 - a.y0, b.y1 - b.y0, 1);
    // A dropped comma, point or 、 is too small for a character's worth of ink: a mark of its own between the two.
    if (unreadMarkBetween(a, b, h)) {
      for (const s of [a, b]) {
        s.confidence = Math.min(s.confidence, 0.5);
        s.doubt = markDoubt;
      }
      continue;
    }
    // The comparator slot (指标值:≥100) is where OCR most often drops a glyph: look at narrower gaps there.
    const comparatorSlot = /^[:：]$/.test(a.text) && /^[0-9]/.test(b.text);
    if (b.x0 - a.x1 < (comparatorSlot ? 0.3 : 0.6) * h) continue;
    const margin = (comparatorSlot ? 0.05 : 0.15) * h;
    const y0 = Math.max(0, Math.min(a.y0, b.y0) - p);
    const y1 = Math.min(crop.height, Math.max(a.y1, b.y1) - p);
    // Tesseract's boxes can stop short of their glyphs: ink that runs on from a box without a blank column is
    // that glyph's, not a dropped one.
    const columnInk = (x: number) => inkIn(x, x + 1, y0, y1) > 0;
    // Never by more than a third of an em: a glyph that close and that wide is a character of its own.
    const runOn = 0.35 * h;
    let aEnd = Math.ceil(a.x1 - p);
    while (aEnd < b.x0 - p && aEnd < a.x1 - p + runOn && columnInk(aEnd)) aEnd++;
    let bStart = Math.floor(b.x0 - p) - 1;
    while (bStart > aEnd && bStart > b.x0 - p - runOn && columnInk(bStart)) bStart--;
    const x0 = Math.max(0, Math.ceil(aEnd + margin));
    const x1 = Math.min(crop.width, Math.floor(bStart + 1 - margin));
    if (x1 - x0 < (comparatorSlot ? 0.2 : 0.4) * h) continue;
    // A character's worth: enough ink, and as tall as a third of the line at least (the tail of a comma or the
    // dot of a semicolon whose box Tesseract drew around part of it is not).
    if (inkIn(x0, x1, y0, y1) > 0.08 * Math.max(1, (x1 - x0) * (y1 - y0)) && inkHeight(x0, x1, y0, y1) >= 0.35 * h) {
      const doubt = 'ink between two characters that OCR did not read: a character may be missing';
      for (const s of [a, b]) {
        s.confidence = Math.min(s.confidence, 0.5);
        s.doubt = doubt;
      }
    }
  }
  // Past the last symbol of a line, and before the first: a character dropped at a wrap (指标值:≥ | 100家).
  for (let i = 0; i < out.length; i++) {
    const s = out[i]!;
    const h = Math.max(s.y1 - s.y0, 1);
    const last = i + 1 === out.length || out[i + 1]!.line !== s.line;
    const first = i === 0 || out[i - 1]!.line !== s.line;
    const area = Math.round(0.6 * h) * Math.round(h);
    const doubt = 'ink beside the end of a line that OCR did not read: a character may be missing';
    // After a colon, the comparator of a target cut by the line's end (指标值:≥ | 100) can sit close to it.
    const gap = /^[:：]$/.test(s.text) ? 0.05 : 0.15;
    const after = last && !s.lost ? inkIn(Math.ceil(s.x1 - p + gap * h), Math.ceil(s.x1 - p + gap * h + 0.6 * h), s.y0 - p, s.y1 - p) : 0;
    const before = first && !s.lost ? inkIn(Math.floor(s.x0 - p - 0.75 * h), Math.floor(s.x0 - p - 0.15 * h), s.y0 - p, s.y1 - p) : 0;
    if (after > 0.08 * area || before > 0.08 * area) {
      s.confidence = Math.min(s.confidence, 0.5);
      s.doubt = doubt;
    } else if (last && !s.lost && !/^[\p{P}\p{S}]$/u.test(s.text) && markIn(Math.ceil(s.x1 - p + 0.05 * h), Math.ceil(s.x1 - p + 0.7 * h), s, h)) {
      // A line's closing 。 or its comma, dropped.
      s.confidence = Math.min(s.confidence, 0.5);
      s.doubt = 'a mark after the end of a line that OCR did not read: punctuation may be missing';
    }
  }
  markUnreadLines(out);
  return out;

  /**
   * Ink on a line of its own that no symbol covers (a closing 。 wrapped onto the next line, where OCR finds no
   * text line at all): the symbol read last before it carries the doubt. Ruling-line remnants at the crop's
   * edge (long and thin) are no text.
   */
  function markUnreadLines(symbols: MarkedSymbol[]): void {
    if (symbols.length === 0) return;
    const heights = symbols.map((s) => s.y1 - s.y0).sort((a, b) => a - b);
    const h = Math.max(1, heights[Math.floor(heights.length / 2)]!);
    let band: { y0: number; y1: number } | null = null;
    const bands: { y0: number; y1: number }[] = [];
    for (let y = 0; y <= crop.height; y++) {
      const ink = y < crop.height && inkIn(0, crop.width, y, y + 1) > 0;
      if (ink) band = band ? { y0: band.y0, y1: y + 1 } : { y0: y, y1: y + 1 };
      else if (band) {
        bands.push(band);
        band = null;
      }
    }
    for (const b of bands) {
      if (symbols.some((s) => s.y0 - p < b.y1 && s.y1 - p > b.y0)) continue;
      const box = inkBox(0, crop.width, b.y0, b.y1);
      const rule = b.y1 - b.y0 < 0.2 * h && box.x1 - box.x0 > 2 * h;
      if (rule || box.ink < MARK_MIN_INK * h * h) continue;
      const before = symbols.filter((s) => s.y1 - p <= b.y0).pop() ?? symbols[0]!;
      before.confidence = Math.min(before.confidence, 0.5);
      before.doubt = 'ink on a line of its own that OCR did not read: a character may be missing';
    }
  }

  /**
   * Whether the columns between two symbols of a line hold a mark of their own: ink apart from both glyphs (a
   * blank column on either side), small (under half an em each way) and in the lower half of the line, as a
   * comma, a point or a 、 is, or high in it, as a quote is. Pixels of the padded read.
   */
  function unreadMarkBetween(a: MarkedSymbol, b: MarkedSymbol, h: number): boolean {
    // Ink that touches a glyph belongs to it (Tesseract's boxes stop short): step over it to the first blank column.
    const y0 = Math.min(a.y0, b.y0) - p;
    const y1 = Math.max(a.y1, b.y1) - p + Math.round(MARK_BELOW_LINE * h);
    const column = (x: number) => inkIn(x, x + 1, y0, y1) > 0;
    let from = Math.ceil(a.x1 - p);
    while (from < b.x0 - p && column(from)) from++;
    let to = Math.floor(b.x0 - p) - 1;
    while (to > from && column(to)) to--;
    // Both ends are blank columns, so a mark between them never touches either.
    const line = { y0: y0 + p, y1: Math.max(a.y1, b.y1) };
    if (to - from > 1 && markIn(from, to + 1, line, h, 'low or high')) return true;
    // Or the boxes run over the mark (LXGW WenKai's “ on a Group 4 scan, inside the box of the character before
    // it): the runs of ink from the middle of one glyph to the middle of the next, each glyph's own run at either
    // end, hold a mark of their own between them.
    const aMiddle = Math.round((a.x0 + a.x1) / 2 - p);
    const bMiddle = Math.round((b.x0 + b.x1) / 2 - p);
    const runs = inkColumnRuns(crop, { y0, y1 }, settings.inkThreshold, aMiddle, bMiddle);
    if (runs.length < 3 || runs[0]!.x0 !== aMiddle || runs.at(-1)!.x1 !== bMiddle) return false;
    // A quote is two strokes side by side (“ ”), which tells it from the dot of a character (为, 头) left outside a
    // box: two small high runs, close together.
    const middle = runs.slice(1, -1);
    return middle.some((r, k) => {
      const next = middle[k + 1];
      return next !== undefined && next.x0 - r.x1 <= 0.25 * h && next.x1 - r.x0 <= 0.6 * h && markIn(r.x0 - 1, r.x1 + 1, line, h, 'high') && markIn(next.x0 - 1, next.x1 + 1, line, h, 'high');
    });
  }

  /**
   * Whether columns `x0..x1` (exclusive) hold one small mark in the line body `line` (padded pixels): low in it (a
   * comma, a point), or, between two characters, high in it (a quote) as `where` allows.
   */
  function markIn(x0: number, x1: number, line: { y0: number; y1: number }, h: number, where: 'low' | 'low or high' | 'high' = 'low'): boolean {
    const top = Math.max(0, Math.floor(line.y0 - p));
    const bottom = Math.min(crop.height, Math.ceil(line.y1 - p + MARK_BELOW_LINE * h));
    const box = inkBox(x0, x1, top, bottom);
    if (box.ink < MARK_MIN_INK * h * h) return false;
    // Ink that reaches the end of the columns looked at is the edge of something bigger, not a mark of its own.
    if (box.x0 <= Math.max(0, x0) || box.x1 >= Math.min(crop.width, x1)) return false;
    const small = box.x1 - box.x0 <= MARK_MAX_SIZE * h && box.y1 - box.y0 <= MARK_MAX_SIZE * h;
    const low = (box.y0 + box.y1) / 2 >= top + (line.y1 - line.y0) / 2;
    // High in the line, a mark is a quote (LXGW WenKai's “ sits close to the character it opens, and both models
    // drop it): between two characters only, for past a line's end the ink of a raised mark is no comma's.
    const high = where !== 'low' && box.y1 <= top + 0.6 * (line.y1 - line.y0);
    return small && ((low && where !== 'high') || high);
  }
}

/** The least ink of a punctuation mark, in em² (a comma at 300 dpi: about 60 pixels of a 42-pixel em). */
const MARK_MIN_INK = 0.012;
/** The largest a punctuation mark is, either way, in em. */
const MARK_MAX_SIZE = 0.45;
/** How far a comma's tail reaches below the line's characters, in em. */
const MARK_BELOW_LINE = 0.15;

