import { describe, expect, it } from 'vitest';
import { enclosedWhite } from '../extractors/raster/ink-columns.js';
import { B_OPEN_COUNTERS_DOUBT, markBsShapedAsEs, markZerosAfterLetters, ZERO_AFTER_LETTER_DOUBT } from '../extractors/raster/letter-shapes.js';
import { DEFAULT_OCR_CELL_SETTINGS } from '../extractors/raster/ocr-cells.js';
import type { Crop, MarkedSymbol } from '../extractors/raster/ocr-read.js';
import { excerptSymbols, fixtureCrop } from './helpers/ocr-fixtures.js';

const marked = (symbols: { text: string; lookalike?: string }[]) => symbols.filter((s) => s.lookalike === B_OPEN_COUNTERS_DOUBT).map((s) => s.text);

/** A crop drawn from rows of '#' (ink) and '.' (white). */
function drawnCrop(rows: string[]): Crop {
  const width = rows[0]!.length;
  const data = new Uint8Array(rows.flatMap((r) => [...r].map((c) => (c === '#' ? 0 : 255))));
  return { left: 0, top: 0, width, height: rows.length, data, ink: { x0: 0, y0: 0, x1: width - 1, y1: rows.length - 1 } };
}

describe('enclosedWhite', () => {
  it('counts the white a glyph closes round, not the white open to its border', () => {
    const b = drawnCrop(['####.', '#..#.', '####.', '#...#', '#####']);
    expect(enclosedWhite(b, { x0: 0, x1: 5, y0: 0, y1: 5 }, 128)).toBe(2 + 3);
    const e = drawnCrop(['####', '#...', '###.', '#...', '####']);
    expect(enclosedWhite(e, { x0: 0, x1: 4, y0: 0, y1: 5 }, 128)).toBe(0);
  });

  it('joins white only up, down, left and right: ink touching at a corner still closes a counter', () => {
    const ring = drawnCrop(['.##.', '#..#', '#..#', '.##.']);
    expect(enclosedWhite(ring, { x0: 0, x1: 4, y0: 0, y1: 4 }, 128)).toBe(4);
  });
});

describe('markBsShapedAsEs (FandolFang, Computer Modern capitals)', () => {
  it('marks the B of BRP whose glyph is an E, its box reaching the line below (300 dpi, both models read ERP as BRP)', async () => {
    const crop = await fixtureCrop('e-read-as-b-its-box-reaching-the-line-below-fandolfang.png');
    const read = excerptSymbols(
      [['实', 634, 698, 27, 72, 0], ['现', 703, 719, 33, 64, 0], ['B', 718, 744, 23, 90, 0], ['R', 734, 765, 33, 64, 0], ['P', 767, 793, 33, 64, 0], ['财', 810, 865, 28, 73, 0], ['务', 864, 911, 23, 90, 0], ['数', 910, 976, 28, 72, 0]],
      620,
      10,
    );
    const out = markBsShapedAsEs(read, crop, DEFAULT_OCR_CELL_SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('实现BRP财务数');
    expect(marked(out)).toEqual(['B']);
  });

  it('marks it where its box covers the right half of the E only (200 dpi, skewed and noisy)', async () => {
    const crop = await fixtureCrop('e-read-as-b-boxed-on-its-right-half-fandolfang-200dpi.png');
    const read = excerptSymbols(
      [['企', 18, 74, 60, 88, 1], ['业', 65, 86, 55, 103, 1], ['B', 86, 98, 62, 84, 1], ['R', 99, 140, 62, 84, 1], ['P', 122, 152, 55, 103, 1], ['财', 152, 171, 59, 90, 1], ['务', 185, 200, 59, 89, 1], ['系', 215, 228, 60, 88, 1]],
      10,
      40,
    );
    expect(marked(markBsShapedAsEs(read, crop, DEFAULT_OCR_CELL_SETTINGS))).toEqual(['B']);
  });

  it('marks it where the standard model boxed the line a third of a glyph right of its ink (B over the E and the R)', async () => {
    const crop = await fixtureCrop('e-read-as-b-boxed-on-its-right-half-fandolfang-200dpi.png');
    const read = excerptSymbols(
      [['企', 18, 65, 60, 88, 1], ['业', 78, 92, 62, 84, 1], ['B', 92, 107, 55, 103, 1], ['R', 99, 140, 62, 84, 1], ['P', 125, 155, 55, 103, 1], ['财', 155, 188, 59, 90, 1], ['务', 206, 218, 60, 88, 1]],
      10,
      40,
    );
    expect(marked(markBsShapedAsEs(read, crop, DEFAULT_OCR_CELL_SETTINGS))).toEqual(['B']);
  });
});

describe('markBsShapedAsEs (BabelStone Han, 300 dpi)', () => {
  it('leaves a B whose bowls close round their counters (实施周期指标值:B级)', async () => {
    const crop = await fixtureCrop('b-of-a-level-name-babelstone.png');
    const read = excerptSymbols(
      [['周', 214, 264, 197, 237, 3], ['期', 256, 302, 196, 237, 3], ['指', 303, 343, 196, 237, 3], ['标', 339, 393, 196, 237, 3], ['值', 421, 427, 216, 233, 3], [':', 427, 444, 192, 254, 3], ['B', 436, 473, 198, 232, 3], ['级', 474, 499, 198, 237, 3], [';', 518, 525, 216, 237, 3], ['年', 563, 586, 197, 236, 3]],
      250,
      180,
    );
    const out = markBsShapedAsEs(read, crop, DEFAULT_OCR_CELL_SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('周期指标值:B级;年');
    expect(marked(out)).toEqual([]);
  });
});

describe('markZerosAfterLetters', () => {
  /** One word of symbols on one line, 20 px apart. */
  const word = (text: string): MarkedSymbol[] => [...text].map((ch, i) => ({ text: ch, confidence: 0.97, x0: i * 20, y0: 0, x1: i * 20 + 18, y1: 30, word: /\p{Script=Han}/u.test(ch) ? i : 100, line: 0 }));
  const doubted = (text: string) => markZerosAfterLetters(word(text)).flatMap((s) => (s.lookalike ? [s.text] : []));

  it('doubts a 0 that ends a word of letters (RP0 for RPO, D0 for DO), as the letter O it may be', () => {
    expect(doubted('目标（RP0）')).toEqual(['0']);
    expect(markZerosAfterLetters(word('氧（D0）'))[3]!.lookalike).toBe(ZERO_AFTER_LETTER_DOUBT);
  });

  it('leaves a code that goes on with digits (AO2011, H10) and a number after Chinese text', () => {
    expect(doubted('系统（A02011）')).toEqual([]);
    expect(doubted('JTGH10—2009')).toEqual([]);
    expect(doubted('完成100%')).toEqual([]);
  });
});
