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

/**
 * The height most of a read's Chinese characters' boxes share (pixels): the densest cluster of heights within 15%
 * of each other, the lower on a tie, and its median. Tesseract's LSTM boxes either hug a character's ink or run
 * the whole line's pitch (and some shrink to one stroke); the ones that hug are the em's measure. 0 with no
 * Chinese character. Pure.
 */
export function typicalHanHeight(symbols: readonly Pick<OcrSymbol, 'text' | 'y0' | 'y1'>[]): number {
  const heights = symbols.filter((s) => /^\p{Script=Han}$/u.test(s.text)).map((s) => s.y1 - s.y0).sort((a, b) => a - b);
  let best: number[] = [];
  for (let i = 0; i < heights.length; i++) {
    const cluster = heights.slice(i).filter((h) => h <= heights[i]! * 1.15);
    if (cluster.length > best.length) best = cluster;
  }
  return best.length > 0 ? best[Math.floor(best.length / 2)]! : 0;
}
