import { describe, expect, it } from 'vitest';
import { FIVE_STEM_DOUBT, markThreesShapedAsFives } from '../extractors/raster/digit-shapes.js';
import { DEFAULT_OCR_CELL_SETTINGS } from '../extractors/raster/ocr-cells.js';
import { excerptSymbols, fixtureCrop } from './helpers/ocr-fixtures.js';

const marked = (symbols: { text: string; lookalike?: string }[]) => symbols.filter((s) => s.lookalike === FIVE_STEM_DOUBT).map((s) => s.text);

describe('markThreesShapedAsFives (HanaMinA, 300 dpi)', () => {
  it('marks a 3 whose ink has a 5’s stem at its upper left (≥85% read as ≥83% by both models)', async () => {
    const crop = await fixtureCrop('five-read-as-three-hanamin.png');
    const read = excerptSymbols(
      [['值', 295, 341, 1609, 1628, 29], [':', 341, 359, 1597, 1627, 29], ['≥', 378, 387, 1597, 1628, 29], ['8', 386, 405, 1589, 1646, 29], ['3', 398, 414, 1598, 1628, 29], ['%', 416, 437, 1597, 1628, 29], [';', 437, 482, 1603, 1627, 29], ['年', 482, 645, 1594, 1632, 29]],
      10,
      1583,
    );
    const out = markThreesShapedAsFives(read, crop, DEFAULT_OCR_CELL_SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('值:≥83%;年');
    expect(marked(out)).toEqual(['3']);
  });

  it('leaves 3s alone, the one whose box takes in the comparator’s ink beside it too (≥360)', async () => {
    const crop = await fixtureCrop('threes-beside-a-comparator-hanamin.png');
    const read = excerptSymbols(
      [['值', 24, 75, 135, 173, 2], [':', 91, 110, 138, 168, 2], ['≥', 109, 134, 131, 188, 2], ['3', 128, 144, 139, 169, 2], ['6', 149, 165, 139, 169, 2], ['0', 169, 228, 135, 173, 2], ['个', 201, 234, 131, 188, 2], [';', 234, 290, 144, 168, 2], ['年', 290, 334, 135, 173, 2], ['度', 357, 373, 135, 173, 2], ['指', 374, 413, 135, 173, 2], ['标', 415, 459, 135, 173, 2], ['值', 459, 508, 150, 169, 2], [':', 508, 535, 138, 168, 2], ['≥', 522, 551, 131, 188, 2], ['3', 550, 560, 139, 169, 2], ['6', 565, 581, 139, 169, 2], ['0', 586, 602, 138, 169, 2]],
      10,
      125,
    );
    expect(marked(markThreesShapedAsFives(read, crop, DEFAULT_OCR_CELL_SETTINGS))).toEqual([]);
  });
});
