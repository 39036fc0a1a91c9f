import { describe, expect, it } from 'vitest';
import { DROPPED_ONE_CONFIDENCE, restoreDroppedOnes } from '../extractors/raster/dropped-ones.js';
import type { Crop, MarkedSymbol } from '../extractors/raster/ocr-read.js';

const SETTINGS = { padding: 10, inkThreshold: 140 };

/**
 * One line of an amount cell as a crop, from a layout string: `1` a stem 3 px wide with a flag and a foot (as
 * SimSun draws it), `7` a bar over a slanting stem, any other digit a block 16 px wide, `.` a dot on the
 * baseline; digits 26 px high, 3 px apart, or touching the one before where `+` stands between them.
 */
function amountCrop(layout: string): Crop {
  const width = 12 + layout.length * 20;
  const height = 46;
  const data = new Uint8Array(width * height).fill(255);
  const ink = (x: number, y: number) => (data[y * width + x] = 0);
  let x = 6;
  for (const ch of layout) {
    if (ch === '+') {
      x -= 3;
      continue;
    }
    if (ch === '.') {
      for (let y = 36; y < 40; y++) for (let d = 0; d < 4; d++) ink(x + d, y);
      x += 7;
    } else if (ch === '1') {
      for (let y = 14; y < 40; y++) for (let d = 5; d < 8; d++) ink(x + d, y);
      for (let d = 1; d < 5; d++) ink(x + d, 18 - d);
      for (let d = 1; d < 12; d++) for (let y = 38; y < 40; y++) ink(x + d, y);
      x += 15;
    } else if (ch === '7') {
      for (let d = 0; d < 16; d++) for (let y = 14; y < 17; y++) ink(x + d, y);
      for (let y = 17; y < 40; y++) for (let d = 0; d < 3; d++) ink(x + 13 - Math.round(((y - 17) * 10) / 23) + d, y);
      x += 19;
    } else {
      for (let y = 14; y < 40; y++) for (let d = 0; d < 16; d++) ink(x + d, y);
      x += 19;
    }
  }
  return { left: 0, top: 0, width, height, data, ink: { x0: 6, y0: 14, x1: x, y1: 40 } };
}

/** What OCR read, one symbol per character, spread over the line (boxes do not matter to the count). */
function read(text: string): MarkedSymbol[] {
  return [...text].map((ch, i) => ({ text: ch, confidence: 0.98, x0: 16 + i * 18, x1: 32 + i * 18, y0: 24, y1: 50, word: 0, line: 0 }));
}

const texts = (symbols: MarkedSymbol[]) => symbols.map((s) => s.text).join('');

describe('restoreDroppedOnes', () => {
  it('puts back the 1 OCR dropped before the digit after it (1280.00 read as 280.00), as a likely repair', () => {
    const out = restoreDroppedOnes(read('280.00'), amountCrop('1280.00'), SETTINGS);
    expect(texts(out)).toBe('1280.00');
    expect(out[0]).toMatchObject({ text: '1', confidence: DROPPED_ONE_CONFIDENCE });
    expect(out[0]!.repair).toMatch(/thin upright stroke/);
  });

  it('counts digits that touch by their width (1050.00 read as 050.00, the 050 one blot of ink)', () => {
    expect(texts(restoreDroppedOnes(read('050.00'), amountCrop('10+5+0.0+0'), SETTINGS))).toBe('1050.00');
  });

  it('puts a 1 among 1s where any placing gives the same number (1101.60 read as 101.60)', () => {
    expect(texts(restoreDroppedOnes(read('101.60'), amountCrop('1101.60'), SETTINGS))).toBe('1101.60');
  });

  it('changes nothing when the ink holds as many digits as were read, or the extra one is no stroke', () => {
    expect(texts(restoreDroppedOnes(read('1280.00'), amountCrop('1280.00'), SETTINGS))).toBe('1280.00');
    // A 7's stem slants: not a 1.
    expect(texts(restoreDroppedOnes(read('280.00'), amountCrop('7280.00'), SETTINGS))).toBe('280.00');
    // Text is not an amount.
    expect(texts(restoreDroppedOnes(read('2a0'), amountCrop('12a0'), SETTINGS))).toBe('2a0');
  });
});
