/**
 * ‰ read as % by OCR, told from its ink: a Kai face sets a small circle close after the %; a 。 after a real %
 * stands half an em off. Real cells of the fresh evaluation scans.
 */
import { describe, expect, it } from 'vitest';
import { readPerMille, readPerMilleRings } from '../extractors/raster/per-mille.js';
import { excerptSymbols, fixtureCrop } from './helpers/ocr-fixtures.js';

const SETTINGS = { padding: 10, inkThreshold: 140 };

describe('readPerMille', () => {
  it('reads ‰ where a small circle stands close after the % (≤3‰, AR PL KaitiM GB, 300 dpi), flagged', async () => {
    const crop = await fixtureCrop('per-mille-read-as-percent-kaiti.png');
    const read = excerptSymbols([['值', 604, 632, 368, 397, 0], ['科', 654, 666, 373, 395, 0], ['3', 680, 693, 372, 396, 0], ['%', 700, 717, 372, 396, 0], [';', 739, 747, 383, 402, 0], ['年', 784, 827, 367, 401, 0], ['度', 846, 860, 368, 399, 0]], 600, 355);
    const out = readPerMille(read, crop, SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('值科3‰;年度');
    expect(out[3]).toMatchObject({ repair: 'OCR read %, a small circle close after it makes it ‰' });
    expect(out[3]!.confidence).toBeLessThan(0.9);
  });

  it('reads ‰ where the box of the ； after it runs back over the circle, the ；’s own ink further on (≤0.5‰, HanaMinA, 300 dpi)', async () => {
    const crop = await fixtureCrop('per-mille-circle-inside-the-semicolon-box-hanamin.png');
    const read = excerptSymbols(
      [['施', 24, 85, 838, 876, 15], ['周', 107, 128, 838, 876, 15], ['期', 119, 165, 838, 876, 15], ['指', 169, 205, 838, 876, 15], ['标', 203, 256, 838, 876, 15], ['值', 256, 287, 853, 872, 15], [':', 287, 305, 832, 889, 15], ['≤', 305, 326, 842, 871, 15], ['0', 336, 352, 841, 872, 15], ['.', 352, 378, 867, 872, 15], ['5', 378, 394, 842, 872, 15], ['%', 400, 422, 841, 872, 15], [';', 422, 482, 847, 871, 15], ['年', 482, 645, 838, 876, 15], ['度', 540, 580, 832, 889, 15], ['指', 579, 619, 832, 889, 15], ['标', 618, 647, 832, 889, 15]],
      10,
      826,
    );
    const out = readPerMille(read, crop, SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('施周期指标值:≤0.5‰;年度指标');
    expect(out[11]!.confidence).toBeLessThan(0.9);
  });

  it('leaves a % before a 。 alone, even a ‰ whose circle stands between them (AR PL UKai CN, 300 dpi)', async () => {
    const crop = await fixtureCrop('per-mille-and-percent-before-full-stops-ukai.png');
    const read = excerptSymbols(
      [['度', 446, 460, 484, 514, 0], ['指', 461, 497, 485, 513, 0], ['标', 496, 529, 485, 514, 0], ['值', 537, 562, 485, 513, 0], [':', 570, 584, 496, 505, 0], ['=', 579, 596, 483, 516, 0], ['1', 590, 600, 489, 510, 0], ['0', 605, 620, 489, 511, 0], ['0', 623, 638, 489, 511, 0], ['%', 640, 679, 489, 511, 0], ['。', 667, 681, 479, 523, 0],
        [':', 458, 475, 711, 754, 1], ['和', 471, 489, 721, 742, 1], ['0', 499, 514, 721, 743, 1], ['.', 522, 527, 739, 743, 1], ['5', 535, 549, 721, 743, 1], ['%', 556, 581, 721, 743, 1], ['。', 599, 608, 727, 736, 1]],
      440,
      470,
    );
    const out = readPerMille(read, crop, SETTINGS);
    expect(out.filter((s) => s.line === 0).map((s) => s.text).join('')).toBe('度指标值:=100%。');
    // A ‰ (its circle 0.06 em after the %) before a 。: some faces set the 。 itself that close.
    expect(out.filter((s) => s.line === 1).map((s) => s.text).join('')).toBe(':和0.5%。');
  });

  it('leaves a % whose 。 a face sets as close as a ‰’s circle, where OCR read the 。 over that ink (Calc, Zen Hei, 300 dpi)', async () => {
    const crop = await fixtureCrop('percent-with-a-close-full-stop-zenhei.png');
    // The em comes from the whole cell: characters of another line, outside the excerpt, measure it.
    const read = excerptSymbols(
      [['期', 243, 289, 128, 159, 2], ['指', 290, 306, 128, 159, 2], ['标', 309, 340, 128, 159, 2], ['年', 514, 531, 128, 159, 2], ['度', 548, 579, 127, 159, 2],
        ['值', 386, 412, 332, 382, 7], [':', 411, 427, 336, 368, 7], ['1', 426, 443, 336, 368, 7], ['0', 442, 462, 336, 368, 7], ['0', 461, 480, 336, 368, 7], ['%', 479, 499, 336, 368, 7], ['。', 498, 524, 336, 368, 7], ['6', 527, 544, 340, 364, 7]],
      370,
      325,
    );
    expect(readPerMille(read, crop, SETTINGS).filter((s) => s.line === 7).map((s) => s.text).join('')).toBe('值:100%。6');
  });

  it('leaves the % alone where OCR read the circle itself (%o, %%), which the text’s repairs read as ‰', async () => {
    const crop = await fixtureCrop('per-mille-read-as-percent-kaiti.png');
    const read = excerptSymbols([['值', 604, 632, 368, 397, 0], ['科', 654, 666, 373, 395, 0], ['3', 680, 693, 372, 396, 0], ['%', 700, 717, 372, 396, 0], ['o', 719, 727, 380, 396, 0], [';', 739, 747, 383, 402, 0], ['年', 784, 827, 367, 401, 0], ['度', 846, 860, 368, 399, 0]], 600, 355);
    expect(readPerMille(read, crop, SETTINGS).map((s) => s.text).join('')).toBe('值科3%o;年度');
  });
});

describe('readPerMilleRings', () => {
  it('reads ‰ where the glyph OCR read as % holds a third ring beside its lower one (≤0.5‰, HanaMinA, 300 dpi), flagged', async () => {
    const crop = await fixtureCrop('per-mille-one-glyph-read-as-percent-hanamin.png');
    const read = excerptSymbols(
      [['值', 24, 75, 894, 932, 16], [':', 77, 98, 890, 944, 16], ['和', 97, 118, 898, 927, 16], ['0', 128, 144, 897, 928, 16], ['.', 144, 169, 923, 928, 16], ['5', 169, 185, 898, 928, 16], ['%', 192, 226, 897, 928, 16], ['。', 232, 243, 920, 931, 16], ['6', 274, 290, 898, 928, 16], ['、', 296, 306, 921, 930, 16]],
      16,
      878,
    );
    const out = readPerMilleRings(read, crop, SETTINGS);
    // The 。 after it is the item's own, in ink of its own.
    expect(out.map((s) => s.text).join('')).toBe('值:和0.5‰。6、');
    expect(out[6]).toMatchObject({ text: '‰', repair: 'OCR read %, three rings in its ink make it ‰' });
    expect(out[6]!.confidence).toBeLessThan(0.9);
  });

  it('leaves a % and the o OCR read over its last ring to the text’s repairs, which settle ‰ before a ； (≤0.5‰, AR PL SungtiL GB, 200 dpi, skewed)', async () => {
    const crop = await fixtureCrop('per-mille-last-ring-read-as-o-sungti-200dpi.png');
    const read = excerptSymbols(
      [['周', 134, 161, 287, 329, 8], ['期', 149, 173, 292, 316, 8], ['指', 187, 200, 291, 316, 8], ['标', 202, 243, 291, 316, 8], ['值', 258, 263, 300, 311, 8], [':', 263, 280, 287, 329, 8], ['科', 279, 289, 292, 315, 8], ['0', 297, 306, 295, 313, 8], ['.', 306, 320, 309, 313, 8], ['5', 320, 332, 296, 313, 8], ['%', 333, 359, 291, 316, 8], ['o', 350, 361, 287, 329, 8], [';', 361, 394, 304, 317, 8], ['年', 394, 411, 292, 316, 8], ['度', 423, 437, 292, 317, 8]],
      126,
      275,
    );
    expect(readPerMilleRings(read, crop, SETTINGS).map((s) => s.text).join('')).toBe('周期指标值:科0.5%o;年度');
    // Another symbol over the last ring (a 9, as in ≤3%9o on the scans; a W) is taken into the ‰.
    const nine = read.map((s) => (s.text === 'o' ? { ...s, text: '9' } : s));
    expect(readPerMilleRings(nine, crop, SETTINGS).map((s) => s.text).join('')).toBe('周期指标值:科0.5‰;年度');
  });

  it('leaves a % whose 。 a mono face sets as close and as round as a third ring, lower than the %’s own (Noto Sans Mono CJK, 200 dpi)', async () => {
    const crop = await fixtureCrop('percent-and-a-full-stop-as-close-as-rings-sans-mono-200dpi.png');
    const read = excerptSymbols(
      [['值', 15, 51, 240, 265, 6], [':', 50, 64, 243, 264, 6], ['>', 57, 69, 247, 258, 6], ['9', 71, 83, 243, 263, 6], ['0', 85, 97, 243, 263, 6], ['%', 98, 122, 243, 264, 6], ['。', 118, 137, 243, 264, 6], ['4', 140, 152, 243, 263, 6], ['、', 155, 162, 257, 264, 6]],
      10,
      223,
    );
    expect(readPerMilleRings(read, crop, SETTINGS).map((s) => s.text).join('')).toBe('值:>90%。4、');
  });

  it('leaves a % with its 。 half an em off (AR PL SungtiL GB, 200 dpi, skewed)', async () => {
    const crop = await fixtureCrop('percent-and-a-full-stop-sungti-200dpi.png');
    const read = excerptSymbols(
      [['年', 260, 278, 189, 213, 5], ['度', 292, 305, 189, 214, 5], ['指', 318, 331, 189, 213, 5], ['标', 344, 374, 188, 213, 5], ['值', 374, 394, 196, 208, 5], [':', 394, 406, 184, 226, 5], ['>', 402, 421, 189, 212, 5], ['9', 425, 437, 192, 210, 5], ['0', 439, 450, 192, 209, 5], ['%', 451, 464, 193, 210, 5], ['。', 471, 477, 203, 209, 5], ['4', 491, 503, 193, 209, 5], ['、', 511, 517, 203, 208, 5]],
      252,
      172,
    );
    expect(readPerMilleRings(read, crop, SETTINGS).map((s) => s.text).join('')).toBe('年度指标值:>90%。4、');
  });
});
