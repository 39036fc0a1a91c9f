import { describe, expect, it } from 'vitest';
import { markUnreadInk } from '../extractors/raster/unread-ink.js';
import type { Crop, MarkedSymbol } from '../extractors/raster/ocr-read.js';

const SETTINGS = { padding: 10, inkThreshold: 140 };
const DOUBT = /ink between two characters that OCR did not read/;

/** A line 40 px high with a solid 30 px block (a character) at each given x. */
function line(blocks: number[]): Crop {
  const width = 200;
  const height = 40;
  const data = new Uint8Array(width * height).fill(255);
  for (const x0 of blocks) for (let y = 5; y < 35; y++) for (let x = x0; x < x0 + 30; x++) data[y * width + x] = 0;
  return { left: 0, top: 0, width, height, data, ink: { x0: 0, y0: 5, x1: width - 1, y1: 34 } };
}

function symbol(text: string, x0: number, x1: number): MarkedSymbol {
  const p = SETTINGS.padding;
  return { text, confidence: 0.97, x0: x0 + p, x1: x1 + p, y0: 5 + p, y1: 35 + p, word: 0, line: 0 };
}

describe('markUnreadInk', () => {
  it('doubts the symbols on both sides of a character OCR dropped', () => {
    const out = markUnreadInk([symbol('荔', 0, 30), symbol('区', 100, 130)], line([0, 50, 100]), SETTINGS);
    expect(out.map((s) => [s.confidence, DOUBT.test(s.doubt ?? '')])).toEqual([[0.5, true], [0.5, true]]);
  });

  it('takes ink running on from a box that stops short as that box’s glyph', () => {
    // The first character's ink reaches x 30 and the second starts at 34, but Tesseract's boxes stop at 12 and
    // start at 52: the gap between the boxes is wide, yet every column of ink in it touches one of them.
    const out = markUnreadInk([symbol('置', 0, 12), symbol('及', 52, 64)], line([0, 34]), SETTINGS);
    expect(out.every((s) => s.doubt === undefined && s.confidence === 0.97)).toBe(true);
  });

  it('leaves white space alone', () => {
    const out = markUnreadInk([symbol('年', 0, 30), symbol('度', 100, 130)], line([0, 100]), SETTINGS);
    expect(out.every((s) => s.doubt === undefined)).toBe(true);
  });
});
