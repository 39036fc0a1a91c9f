import { describe, expect, it } from 'vitest';
import { FIVE_STEM_DOUBT, FOUR_AS_ONE_DOUBT, HIDDEN_ONE_DOUBT, markHiddenOnes, markThreesShapedAsFives, readFoursShapedAsOnes } from '../extractors/raster/digit-shapes.js';
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

  it('marks a 3 whose box lies off its ink, over the right half of the 5 and the start of the % (≥5% read as ≥3%)', async () => {
    const crop = await fixtureCrop('five-read-as-three-boxed-off-its-stem-hanamin.png');
    const read = excerptSymbols(
      [['指', 395, 434, 988, 1026, 18], ['标', 436, 481, 988, 1026, 18], ['值', 481, 528, 1003, 1022, 18], [':', 528, 555, 991, 1021, 18], ['之', 545, 571, 984, 1042, 18], ['3', 571, 581, 992, 1022, 18], ['%', 583, 605, 991, 1022, 18], ['。', 607, 618, 1014, 1025, 18]],
      387,
      972,
    );
    expect(marked(markThreesShapedAsFives(read, crop, DEFAULT_OCR_CELL_SETTINGS))).toEqual(['3']);
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

const hiding = (symbols: { text: string; lookalike?: string }[]) => symbols.filter((s) => s.lookalike === HIDDEN_ONE_DOUBT).map((s) => s.text).join('');

describe('markHiddenOnes', () => {
  it('marks a number whose ink holds a 1 more than was read (the 11 of 11月 boxed as one 1 by both models, HanaMinA 300 dpi)', async () => {
    const crop = await fixtureCrop('eleven-boxed-as-one-hanamin.png');
    const read = excerptSymbols(
      [['1', 24, 59, 723, 753, 13], ['月', 70, 96, 721, 757, 13], ['3', 114, 123, 723, 753, 13], ['0', 128, 144, 723, 753, 13], ['日', 165, 216, 719, 757, 13], ['前', 232, 243, 745, 756, 13], ['。', 243, 274, 723, 755, 13], ['6', 274, 290, 723, 753, 13], ['、', 296, 306, 746, 755, 13]],
      16,
      701,
    );
    const out = markHiddenOnes(read, crop, DEFAULT_OCR_CELL_SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('1月30日前。6、');
    // Only the number that lost a 1: 30 and 6 hold as many 1s as were read.
    expect(hiding(out)).toBe('1');
  });

  it('leaves a 1 beside the upright stroke of a Chinese character (1小时: the 亅 of 小 has no flag and stands taller)', async () => {
    const crop = await fixtureCrop('one-before-the-stroke-of-xiao-hanamin.png');
    const read = excerptSymbols([['值', 463, 492, 194, 213, 3], [':', 492, 508, 174, 234, 3], ['和', 518, 535, 183, 212, 3], ['1', 544, 575, 183, 213, 3], ['小', 577, 602, 180, 216, 3]], 455, 162);
    expect(hiding(markHiddenOnes(read, crop, DEFAULT_OCR_CELL_SETTINGS))).toBe('');
  });

  it('marks a number whose 1 lies under the box before it, its 1 read on the 0 (提高10%以上 read 提高1%以上, AR PL SungtiL GB 200 dpi)', async () => {
    const crop = await fixtureCrop('ten-read-as-one-its-one-under-the-box-before-sungti-200dpi.png');
    const read = excerptSymbols(
      [['指', 396, 410, 10, 33, 0], ['标', 413, 437, 10, 33, 0], ['值', 450, 472, 10, 33, 0], [':', 471, 484, 5, 46, 0], ['提', 478, 503, 10, 33, 0], ['高', 506, 540, 10, 33, 0], ['1', 544, 556, 13, 30, 0], ['%', 557, 569, 12, 30, 0], ['以', 583, 613, 10, 33, 0], ['上', 612, 625, 5, 46, 0], [';', 626, 629, 21, 34, 0]],
      388,
      0,
    );
    expect(hiding(markHiddenOnes(read, crop, DEFAULT_OCR_CELL_SETTINGS))).toBe('1');
  });

  it('leaves a 1 read where it stands past the glyph of the character before it, its box on the first stroke of 小 (后1小时, HanaMinA 300 dpi)', async () => {
    const crop = await fixtureCrop('one-under-the-box-before-it-before-xiao-hanamin.png');
    const read = excerptSymbols(
      [['接', 99, 140, 837, 876, 15], ['到', 152, 180, 838, 876, 15], ['指', 186, 207, 839, 876, 15], ['令', 211, 249, 838, 876, 15], ['后', 270, 303, 839, 876, 15], ['1', 315, 335, 839, 875, 15], ['小', 341, 371, 841, 872, 15], ['时', 375, 395, 838, 876, 15], ['内', 407, 433, 838, 876, 15], [';', 456, 461, 847, 871, 15]],
      91,
      822,
    );
    expect(hiding(markHiddenOnes(read, crop, DEFAULT_OCR_CELL_SETTINGS))).toBe('');
  });

  it('leaves 0s broken into two arcs at 200 dpi, the right arc curling left like a 1’s flag (=100% in HanaMinA, 1,200 in BabelStone Han)', async () => {
    const hanamin = excerptSymbols(
      [['值', 88, 109, 298, 323, 8], [':', 115, 128, 311, 318, 8], ['=', 122, 134, 293, 335, 8], ['1', 131, 138, 302, 322, 8], ['0', 143, 155, 301, 321, 8], ['0', 159, 170, 293, 335, 8], ['%', 157, 183, 301, 322, 8], [';', 183, 225, 305, 321, 8], ['年', 225, 238, 298, 324, 8]],
      80,
      281,
    );
    expect(hiding(markHiddenOnes(hanamin, await fixtureCrop('zeros-broken-into-arcs-hanamin-200dpi.png'), DEFAULT_OCR_CELL_SETTINGS))).toBe('');
    const babelstone = excerptSymbols(
      [[':', 235, 245, 65, 103, 2], ['>', 249, 259, 70, 90, 2], ['1', 265, 271, 73, 88, 2], [',', 278, 282, 86, 91, 2], ['2', 287, 297, 72, 88, 2], ['0', 298, 309, 73, 88, 2], ['0', 310, 321, 73, 88, 2], ['卷', 332, 344, 69, 92, 2], [';', 344, 380, 80, 91, 2], ['年', 380, 391, 70, 91, 2]],
      227,
      53,
    );
    expect(hiding(markHiddenOnes(babelstone, await fixtureCrop('zero-broken-into-arcs-babelstone-200dpi.png'), DEFAULT_OCR_CELL_SETTINGS))).toBe('');
  });
});

const fours = (symbols: { text: string; lookalike?: string }[]) => symbols.filter((s) => s.lookalike === FOUR_AS_ONE_DOUBT).map((s) => s.text).join('');

describe('readFoursShapedAsOnes (WenQuanYi Zen Hei Sharp, 300 dpi)', () => {
  it('reads as 1 a 4 whose ink is a 1’s stem between its flag and its foot (指标值:100% read as 400% by both models)', async () => {
    const crop = await fixtureCrop('one-read-as-four-after-a-colon-zenheisharp.png');
    const read = excerptSymbols(
      [['期', 433, 485, 364, 400, 7], ['指', 487, 505, 364, 400, 7], ['标', 507, 565, 365, 400, 7], ['值', 565, 593, 376, 395, 7], [':', 593, 601, 359, 416, 7], ['4', 593, 609, 369, 395, 7], ['0', 614, 633, 359, 416, 7], ['0', 608, 656, 369, 395, 7], ['%', 649, 665, 369, 395, 7], [';', 665, 717, 376, 400, 7], ['年', 717, 737, 365, 400, 7]],
      425,
      347,
    );
    const out = readFoursShapedAsOnes(read, crop, DEFAULT_OCR_CELL_SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('期指标值:100%;年');
    expect(fours(out)).toBe('1');
    expect(out.find((s) => s.lookalike === FOUR_AS_ONE_DOUBT)!.repair).toBe('OCR read 4 where the ink is a 1: one upright stroke between its flag and its foot');
  });

  it('reads it so where the 1’s foot joins it to the 0 after it, and its box runs two lines’ height', async () => {
    const crop = await fixtureCrop('one-read-as-four-its-foot-joined-to-the-zero-zenheisharp.png');
    const read = excerptSymbols([['值', 20, 65, 219, 253, 4], [':', 66, 84, 222, 248, 4], ['4', 76, 91, 212, 269, 4], ['0', 83, 131, 222, 248, 4], ['0', 108, 123, 212, 269, 4], ['%', 124, 141, 222, 248, 4], [';', 141, 190, 229, 253, 4], ['年', 190, 212, 218, 253, 4]], 12, 200);
    expect(readFoursShapedAsOnes(read, crop, DEFAULT_OCR_CELL_SETTINGS).map((s) => s.text).join('')).toBe('值:100%;年');
  });

  it('leaves 4s: their slant beside the stem, then their bar (>4.9分, 14-成本指标), and one boxed behind its ink (412)', async () => {
    const target = excerptSymbols(
      [['指', 601, 618, 264, 299, 5], ['标', 620, 677, 265, 300, 5], ['值', 677, 704, 276, 295, 5], [':', 704, 716, 259, 316, 5], ['>', 705, 727, 273, 295, 5], ['4', 739, 760, 269, 295, 5], ['.', 760, 777, 291, 295, 5], ['9', 777, 830, 265, 300, 5], ['分', 807, 837, 259, 316, 5], [';', 837, 870, 276, 300, 5], ['年', 870, 1018, 263, 300, 5], ['度', 925, 962, 259, 316, 5]],
      593,
      247,
    );
    const code = excerptSymbols([['指', 661, 681, 107, 143, 2], ['标', 682, 719, 107, 143, 2], [';', 719, 763, 118, 143, 2], ['1', 763, 778, 112, 138, 2], ['4', 777, 806, 112, 138, 2], ['-', 795, 806, 102, 159, 2], ['成', 834, 853, 107, 143, 2], ['本', 870, 906, 107, 144, 2], ['指', 908, 928, 107, 143, 2], ['标', 929, 966, 107, 143, 2]], 653, 90);
    // AR PL UMing: 412 boxed behind its ink, the 4 on the colon and the 1 on the 2; the 1's stem under the 4's box
    // is the next symbol's.
    const shifted = excerptSymbols([['标', 225, 259, 170, 204, 3], ['值', 267, 296, 169, 203, 3], [':', 305, 321, 176, 198, 3], ['4', 326, 337, 176, 198, 3], ['1', 332, 347, 169, 204, 3], ['2', 343, 393, 170, 204, 3]], 217, 153);
    for (const [read, name] of [[target, 'fours-in-a-target-zenheisharp.png'], [code, 'fours-in-level-codes-zenheisharp.png'], [shifted, 'four-boxed-on-the-one-after-it-uming.png']] as const) {
      const out = readFoursShapedAsOnes(read, await fixtureCrop(name), DEFAULT_OCR_CELL_SETTINGS);
      expect(out.map((s) => s.text)).toEqual(read.map((s) => s.text));
      expect(fours(out)).toBe('');
    }
  });
});
