/**
 * The lines of an OCR read: each line's vertical extent, from its symbols' boxes (pixels, origin top-left).
 */
import type { OcrSymbol } from './ocr-engine.js';

/** Each line's top and bottom, keyed by the symbols' `line` index. Pure. */
export function lineExtents(symbols: readonly Pick<OcrSymbol, 'line' | 'y0' | 'y1'>[]): Map<number, { y0: number; y1: number }> {
  const lines = new Map<number, { y0: number; y1: number }>();
  for (const s of symbols) {
    const l = lines.get(s.line);
    lines.set(s.line, l ? { y0: Math.min(l.y0, s.y0), y1: Math.max(l.y1, s.y1) } : { y0: s.y0, y1: s.y1 });
  }
  return lines;
}

/** Each line's height (at least 1). Pure. */
export function lineHeights(symbols: readonly Pick<OcrSymbol, 'line' | 'y0' | 'y1'>[]): Map<number, number> {
  return new Map([...lineExtents(symbols)].map(([line, e]) => [line, Math.max(1, e.y1 - e.y0)]));
}
