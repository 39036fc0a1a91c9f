/**
 * % read as a Chinese character by OCR (the Computer Modern % of TeX Live's Fandol faces), told from its ink: as
 * tall as the digits, two small loops, one upper left and one lower right. Real cells of --fresh19's FandolFang scan.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PERCENT_SHAPE, PERCENT_SIGN_AGREED_CONFIDENCE, PERCENT_SIGN_CONFIDENCE, readPercentSigns, twoDiagonalLoops } from '../extractors/raster/percent-sign.js';
import { DISPUTED_DOUBT } from '../extractors/raster/ocr-read.js';
import { excerptSymbols, fixtureCrop } from './helpers/ocr-fixtures.js';

const SETTINGS = { padding: 10, inkThreshold: 140 };

describe('readPercentSigns', () => {
  it('reads % where OCR read 叹 and 吧 after 90, before the ; and the 。 that end the targets (FandolFang, 300 dpi), flagged', async () => {
    const crop = await fixtureCrop('percent-read-as-a-chinese-character-fangsong.png');
    const read = excerptSymbols(
      [['周', 23, 102, 1620, 1661, 28], ['期', 111, 129, 1620, 1661, 28], ['指', 130, 176, 1619, 1661, 28], ['标', 169, 222, 1619, 1662, 28], ['值', 243, 247, 1634, 1654, 28], [':', 251, 267, 1611, 1672, 28], ['>', 278, 283, 1626, 1656, 28], ['9', 308, 315, 1625, 1654, 28], ['0', 319, 359, 1621, 1656, 28], ['叹', 358, 385, 1611, 1672, 28], [';', 385, 388, 1631, 1659, 28], ['年', 422, 590, 1619, 1662, 28], ['度', 484, 527, 1611, 1672, 28], ['指', 526, 565, 1611, 1672, 28], ['标', 564, 591, 1611, 1672, 28],
        ['值', 22, 216, 1675, 1718, 29], [':', 74, 95, 1671, 1727, 29], ['>', 95, 113, 1671, 1727, 29], ['9', 126, 144, 1671, 1727, 29], ['0', 144, 172, 1671, 1727, 29], ['吧', 172, 197, 1671, 1727, 29], ['。', 196, 218, 1671, 1727, 29]],
      0,
      1595,
    );
    const out = readPercentSigns(read, crop, SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('周期指标值:>90%;年度指标值:>90%。');
    expect(out[9]).toMatchObject({ repair: 'OCR read 叹 after a number, its shape is %' });
    expect(out[20]).toMatchObject({ repair: 'OCR read 吧 after a number, its shape is %' });
    for (const s of [out[9]!, out[20]!]) expect(s.confidence).toBeLessThanOrEqual(PERCENT_SIGN_CONFIDENCE);
  });

  it('takes the % at the confidence of agreement where the other model read % for the character, its dispute settled, and settles one with another character too', async () => {
    const crop = await fixtureCrop('percent-read-as-a-chinese-character-fangsong.png');
    const read = excerptSymbols(
      [['值', 22, 216, 1675, 1718, 29], [':', 74, 95, 1671, 1727, 29], ['>', 95, 113, 1671, 1727, 29], ['9', 126, 144, 1671, 1727, 29], ['0', 144, 172, 1671, 1727, 29], ['吧', 172, 197, 1671, 1727, 29], ['。', 196, 218, 1671, 1727, 29]],
      0,
      1595,
    );
    const disputed = (other: string) => read.map((s) => (s.text === '吧' ? { ...s, confidence: 0.5, doubt: `${DISPUTED_DOUBT}: one read 吧, the other ${other}`, otherReading: other } : s));
    const agreed = readPercentSigns(disputed('%'), crop, SETTINGS)[5]!;
    expect(agreed).toMatchObject({ text: '%', confidence: PERCENT_SIGN_AGREED_CONFIDENCE, repair: 'OCR read 吧 after a number, its shape is %, as the other OCR model read it' });
    expect(agreed.doubt).toBeUndefined();
    expect(agreed.otherReading).toBeUndefined();
    // The other model read another Chinese character: its misreading of the glyph as much as the first's, which the
    // shape settles.
    const alone = readPercentSigns(disputed('史'), crop, SETTINGS)[5]!;
    expect(alone).toMatchObject({ text: '%', confidence: PERCENT_SIGN_CONFIDENCE, repair: "OCR read 吧 after a number, its shape is %, the other OCR model's 史 a misreading as well" });
    expect(alone.doubt).toBeUndefined();
    // A digit in the other model's reading (0写): the box may have held a digit too, and the dispute stays.
    const digit = readPercentSigns(disputed('0写'), crop, SETTINGS)[5]!;
    expect(digit).toMatchObject({ text: '%', confidence: 0.5, otherReading: '0写' });
    expect(digit.doubt).toMatch(/^two OCR models read these characters differently/);
  });

  it('reads % where Tesseract boxed it half a glyph to the right, the box\'s middle on the white before the 。 (FandolFang, 300 dpi, --fresh23)', async () => {
    const crop = await fixtureCrop('percent-boxed-off-its-ink-before-a-full-stop-fangsong.png');
    const read = excerptSymbols(
      [['值', 474, 507, 548, 613, 9], [':', 506, 523, 552, 596, 9], ['1', 522, 544, 552, 596, 9], ['0', 543, 564, 552, 596, 9], ['0', 563, 605, 552, 596, 9], ['铝', 604, 637, 548, 613, 9], ['。', 637, 663, 558, 591, 9], ['5', 663, 682, 558, 588, 9], ['、', 690, 699, 582, 591, 9], ['1', 699, 733, 558, 591, 9]],
      470,
      540,
    );
    const out = readPercentSigns(read, crop, SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('值:100%。5、1');
    expect(out[5]).toMatchObject({ repair: 'OCR read 铝 after a number, its shape is %' });
  });

  it('reads % before a bracket that opens a remark on the target (100%（应处尽处）, FandolFang, 300 dpi, --fresh23)', async () => {
    const crop = await fixtureCrop('percent-before-a-bracket-fangsong.png');
    const read = excerptSymbols(
      [['标', 531, 576, 196, 240, 3], ['值', 583, 614, 196, 237, 3], [':', 621, 636, 202, 232, 3], ['1', 633, 651, 191, 258, 3], ['0', 642, 661, 202, 232, 3], ['0', 665, 684, 202, 232, 3], ['名', 700, 722, 198, 235, 3], ['（', 753, 764, 195, 241, 3], ['应', 773, 990, 195, 241, 3], ['处', 839, 890, 191, 258, 3], ['尽', 889, 936, 191, 258, 3]],
      560,
      190,
    );
    const out = readPercentSigns(read, crop, SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('标值:100%（应处尽');
    expect(out[6]).toMatchObject({ repair: 'OCR read 名 after a number, its shape is %' });
  });

  it('takes the other model\'s % for an & read after a number at the end of its item, a % and the 。 set close (WenQuanYi Zen Hei Sharp, --fresh17), flagged', async () => {
    const crop = await fixtureCrop('percent-and-full-stop-read-as-ampersand-zenhei-sharp.png');
    const read = excerptSymbols([['值', 730, 757, 216, 235, 4], [':', 757, 769, 199, 256, 4], ['≥', 758, 780, 213, 235, 4], ['9', 792, 840, 209, 235, 4], ['9', 832, 850, 209, 235, 4], ['&', 843, 859, 222, 239, 4], ['4', 886, 906, 209, 235, 4], ['、', 910, 918, 232, 240, 4]], 640, 190);
    const disputed = (other: string) => read.map((s) => (s.text === '&' ? { ...s, confidence: 0.5, doubt: `${DISPUTED_DOUBT}: one read &, the other ${other}`, otherReading: other } : s));
    const out = readPercentSigns(disputed('%,'), crop, SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('值:≥99%4、');
    expect(out[5]).toMatchObject({ confidence: 0.5, repair: 'OCR read & after a number, the other OCR model %,: a % and the mark after it set close, read as one glyph' });
    // The other model reading no %, or an & before more of the target, is left.
    expect(readPercentSigns(disputed('≤'), crop, SETTINGS)[5]!.text).toBe('&');
    expect(readPercentSigns(disputed('%,').map((s) => (s.text === '4' ? { ...s, text: '万' } : s)), crop, SETTINGS)[5]!.text).toBe('&');
  });

  it('leaves a unit after a number as it is: 吨 stands as tall as a Chinese character, its loops beside each other', async () => {
    const crop = await fixtureCrop('unit-after-a-number-fangsong.png');
    const read = excerptSymbols(
      [['实', 25, 59, 313, 354, 5], ['施', 67, 130, 314, 355, 5], ['周', 156, 190, 314, 355, 5], ['期', 198, 216, 314, 355, 5], ['指', 218, 263, 313, 355, 5], ['标', 256, 299, 314, 356, 5], ['值', 307, 335, 313, 353, 5], [':', 350, 371, 320, 350, 5], ['>', 362, 382, 304, 366, 5], ['8', 396, 403, 319, 348, 5], ['0', 407, 425, 319, 348, 5], ['0', 428, 446, 319, 348, 5], ['吨', 466, 488, 314, 354, 5], [';', 501, 505, 325, 353, 5], ['年', 539, 663, 313, 356, 5], ['度', 602, 641, 304, 366, 5]],
      0,
      295,
    );
    const out = readPercentSigns(read, crop, SETTINGS);
    expect(out).toEqual(read);
  });

  it('looks only at a character after a digit that ends its target or stands before a bracket or a range mark: 90后 before more text is a word', async () => {
    const crop = await fixtureCrop('percent-read-as-a-chinese-character-fangsong.png');
    const read = excerptSymbols([['值', 22, 216, 1675, 1718, 29], [':', 74, 95, 1671, 1727, 29], ['9', 126, 144, 1671, 1727, 29], ['0', 144, 172, 1671, 1727, 29], ['吧', 172, 197, 1671, 1727, 29], ['前', 196, 218, 1671, 1727, 29]], 0, 1595);
    expect(readPercentSigns(read, crop, SETTINGS)).toEqual(read);
  });
});

describe('twoDiagonalLoops', () => {
  // Loops of a pixel or two, in these small drawings.
  const TINY_LOOPS = { ...DEFAULT_PERCENT_SHAPE, minLoopPixels: 1 };
  /** A white crop with black pixels where `rows` has #. */
  const drawn = (rows: string[]) => {
    const height = rows.length;
    const width = rows[0]!.length;
    const data = new Uint8Array(width * height).fill(255);
    rows.forEach((r, y) => [...r].forEach((c, x) => { if (c === '#') data[y * width + x] = 0; }));
    return { crop: { left: 0, top: 0, width, height, data, ink: { x0: 0, y0: 0, x1: width - 1, y1: height - 1 } }, box: { x0: 0, y0: 0, x1: width, y1: height } };
  };

  it('finds a % drawn as two rings on a slash', () => {
    const { crop, box } = drawn([
      '####.....#',
      '#..#....#.',
      '####...#..',
      '......#...',
      '.....#....',
      '....#.....',
      '...#...###',
      '..#....#.#',
      '.#.....###',
    ]);
    expect(twoDiagonalLoops(crop, box, 140, TINY_LOOPS)).toBe(true);
  });

  it('refuses two loops one above the other (日, 吕)', () => {
    const { crop, box } = drawn([
      '########',
      '#......#',
      '#......#',
      '########',
      '#......#',
      '#......#',
      '########',
    ]);
    expect(twoDiagonalLoops(crop, box, 140, TINY_LOOPS)).toBe(false);
  });
});
