/**
 * Ink that no OCR symbol accounts for: a glyph Tesseract dropped (a faint 荔, a comparator at a line's end)
 * leaves ink on the page between or beside the symbols it did read.
 */
import type { Crop, MarkedSymbol } from './ocr-read.js';

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
  const inkIn = (x0: number, x1: number, y0: number, y1: number): number => {
    let ink = 0;
    for (let y = Math.max(0, y0); y < Math.min(crop.height, y1); y++) {
      for (let x = Math.max(0, x0); x < Math.min(crop.width, x1); x++) if (crop.data[y * crop.width + x]! < settings.inkThreshold) ink++;
    }
    return ink;
  };
  const inkHeight = (x0: number, x1: number, y0: number, y1: number): number => {
    let top = Infinity;
    let bottom = -Infinity;
    for (let y = Math.max(0, y0); y < Math.min(crop.height, y1); y++) {
      for (let x = Math.max(0, x0); x < Math.min(crop.width, x1); x++) {
        if (crop.data[y * crop.width + x]! < settings.inkThreshold) {
          top = Math.min(top, y);
          bottom = Math.max(bottom, y + 1);
          break;
        }
      }
    }
    return bottom > top ? bottom - top : 0;
  };
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (a.line !== b.line || a.lost || b.lost) continue;
    const h = Math.max(a.y1 - a.y0, b.y1 - b.y0, 1);
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
    }
  }
  return out;
}

