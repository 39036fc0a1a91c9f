import { describe, expect, it } from 'vitest';
import { chevronWidth, equalsWidth, insertComparatorsTheOtherModelRead, insertUnreadComparators, OTHER_MODEL_COMPARATOR_CONFIDENCE, repairComparators, UNDECIDED_SHAPE } from '../extractors/raster/comparator-slot.js';
import { classifyComparator } from '../extractors/raster/comparator-glyph.js';
import { DISPUTED_DOUBT, type Crop, type MarkedSymbol } from '../extractors/raster/ocr-read.js';
import { excerptSymbols, fixtureCrop } from './helpers/ocr-fixtures.js';
import { inkCrop } from './helpers/builders.js';

const SETTINGS = { padding: 10, inkThreshold: 140 };

/**
 * A 44 px high line, as a crop: a colon at x 2–6, a ≥ (chevron and bar) at x 12–38 and a digit 1 (a vertical
 * stroke) at x 50–54.
 */
function slotCrop(comparator: '≥' | '>' | '=' | 'none' | 'narrow ≥'): Crop {
  const width = 80;
  const height = 44;
  const data = new Uint8Array(width * height).fill(255);
  const ink = (x: number, y: number) => (data[y * width + x] = 0);
  for (const y of [14, 15, 16, 28, 29, 30]) for (let x = 2; x < 6; x++) ink(x, y);
  if (comparator === '=') {
    for (let x = 12; x < 38; x++) for (const y of [15, 16, 17, 27, 28, 29]) ink(x, y);
  } else if (comparator === 'narrow ≥') {
    // Digit-wide (14 px, 0.4 em): the shape of a ≥, the width of the number's first digit.
    for (let i = 0; i <= 12; i++) for (let d = 0; d < 2; d++) for (let e = 0; e < 3; e++) (ink(12 + i + d, 6 + i + e), ink(12 + i + d, 30 - i + e));
    for (let x = 12; x < 26; x++) for (let t = 0; t < 3; t++) ink(x, 37 + t);
  } else if (comparator !== 'none') {
    for (let i = 0; i <= 12; i++) for (let d = 0; d < 3; d++) for (let e = 0; e < 3; e++) (ink(12 + i * 2 + d, 6 + i + e), ink(12 + i * 2 + d, 30 - i + e));
    if (comparator === '≥') for (let x = 12; x < 38; x++) for (let t = 0; t < 3; t++) ink(x, 37 + t);
  }
  for (let y = 4; y < 40; y++) for (let x = 50; x < 54; x++) ink(x, y);
  return { left: 0, top: 0, width, height, data, ink: { x0: 2, y0: 4, x1: 53, y1: 39 } };
}

/** One line's symbols as read from the whole cell image, moved into an excerpt that begins `dx`, `dy` pixels in. */
function fixtureSymbols(read: [string, number, number][], dx: number, dy: number, y0: number, y1: number): MarkedSymbol[] {
  return excerptSymbols(read.map(([text, x0, x1]) => [text, x0, x1, y0, y1, 0] as const), dx, dy, SETTINGS.padding);
}

/** Symbols as Tesseract gives them, in the padded image's pixels. */
function symbol(text: string, x0: number, x1: number, confidence = 0.95): MarkedSymbol {
  const p = SETTINGS.padding;
  return { text, confidence, x0: x0 + p, x1: x1 + p, y0: 4 + p, y1: 40 + p, word: 0, line: 0 };
}

describe('insertUnreadComparators', () => {
  it('puts back a ≥ that OCR dropped between the colon and the number', () => {
    const out = insertUnreadComparators([symbol(':', 2, 6), symbol('1', 50, 54)], slotCrop('≥'), SETTINGS);
    expect(out.map((s) => s.text)).toEqual([':', '≥', '1']);
    expect(out[1]!.repair).toMatch(/read from its shape/);
  });

  it('settles what the other OCR model read before the number, once the glyph is found in the ink', () => {
    // secondRead marks the 1 when the other model read a glyph before it that the first did not (之1).
    const number = { ...symbol('1', 50, 54), otherReadBefore: '之' };
    const found = insertUnreadComparators([symbol(':', 2, 6), number], slotCrop('≥'), SETTINGS);
    expect(found.map((s) => [s.text, s.otherReadBefore])).toEqual([[':', undefined], ['≥', undefined], ['1', undefined]]);
    // Where the slot is empty the mark stays, and the stage doubts the number for it.
    expect(insertUnreadComparators([symbol(':', 2, 6), number], slotCrop('none'), SETTINGS)[1]!.otherReadBefore).toBe('之');
  });

  it('puts back a > as >, and nothing where the slot is empty', () => {
    expect(insertUnreadComparators([symbol(':', 2, 6), symbol('1', 50, 54)], slotCrop('>'), SETTINGS).map((s) => s.text)).toEqual([':', '>', '1']);
    expect(insertUnreadComparators([symbol(':', 2, 6), symbol('1', 50, 54)], slotCrop('none'), SETTINGS).map((s) => s.text)).toEqual([':', '1']);
  });

  it('reads the ≥ that a colon ending its line swallowed (指标值:≥ | 100 wrapped)', () => {
    const out = insertUnreadComparators([symbol(':', 2, 38)], slotCrop('≥'), SETTINGS);
    expect(out.map((s) => s.text)).toEqual([':', '≥']);
    expect(out[0]!.x1).toBeLessThan(12 + SETTINGS.padding);
    expect(out.every((s) => !s.swallowed)).toBe(true);
  });

  it('reads the ≥ that a colon’s box swallowed before the number', () => {
    const read = [{ ...symbol(':', 2, 40), swallowed: true }, { ...symbol('1', 50, 54), swallowed: true }];
    const out = insertUnreadComparators(read, slotCrop('≥'), SETTINGS);
    expect(out.map((s) => s.text)).toEqual([':', '≥', '1']);
    expect(out.map((s) => Boolean(s.swallowed))).toEqual([false, false, false]);
  });

  it('reads the ≥ that OCR boxed as the colon, the colon’s dots left in the box of the character before', () => {
    const read = [symbol('值', -30, 8), { ...symbol(':', 12, 38), swallowed: true }, { ...symbol('1', 50, 54), swallowed: true }];
    const out = insertUnreadComparators(read, slotCrop('≥'), SETTINGS);
    expect(out.map((s) => s.text)).toEqual(['值', ':', '≥', '1']);
    expect(out[2]!.repair).toMatch(/in the box OCR gave the colon/);
    // The colon is its dots again.
    expect([out[1]!.x0, out[1]!.x1]).toEqual([2 + SETTINGS.padding, 6 + SETTINGS.padding]);
  });

  it('takes nothing from the colon’s box when the ink right of it holds fewer digits than OCR read (a box shifted onto the number)', () => {
    const read = [symbol('值', -30, 8), { ...symbol(':', 12, 38), swallowed: true }, symbol('1', 50, 54), symbol('1', 56, 60)];
    expect(insertUnreadComparators(read, slotCrop('≥'), SETTINGS).map((s) => s.text)).toEqual(['值', ':', '1', '1']);
  });

  it('takes nothing from the colon’s box when its glyph is no wider than a digit (a box shifted onto the number: 4 looks like ≤)', () => {
    const read = [symbol('值', -30, 8), { ...symbol(':', 12, 26), swallowed: true }, symbol('1', 50, 54)];
    expect(insertUnreadComparators(read, slotCrop('narrow ≥'), SETTINGS).map((s) => s.text)).toEqual(['值', ':', '1']);
  });

  it('leaves a slot alone where OCR read something', () => {
    const read = [symbol(':', 2, 6), symbol('≥', 12, 38), symbol('1', 50, 54)];
    expect(insertUnreadComparators(read, slotCrop('≥'), SETTINGS).map((s) => s.text)).toEqual([':', '≥', '1']);
  });
});

describe('repairComparators', () => {
  it('reads a look-alike before a number from its shape: 过 is ≥', () => {
    const out = repairComparators({ text: ':过1', confidence: 0.9, symbols: [symbol(':', 2, 6), symbol('过', 12, 38, 0.93), symbol('1', 50, 54)] }, slotCrop('≥'), SETTINGS);
    expect(out.symbols.map((s) => s.text)).toEqual([':', '≥', '1']);
    expect(out.symbols[1]!.repair).toBe('OCR read 过, its shape is ≥');
  });

  it('leaves the word before a year alone (较2024年增长≥8%): a table writes no comparator before a year', () => {
    const year = ['2', '0', '2', '4', '年'].map((t, k) => symbol(t, 50 + 6 * k, 54 + 6 * k));
    const read = [symbol(':', 2, 6), symbol('较', 12, 38, 0.93), ...year];
    expect(repairComparators({ text: ':较2024年', confidence: 0.9, symbols: read }, slotCrop('≥'), SETTINGS).symbols[1]).toEqual(read[1]);
    // Before a number that is no year, the character right after the colon is looked at as ever.
    const number = [symbol(':', 2, 6), symbol('较', 12, 38, 0.93), symbol('1', 50, 54)];
    expect(repairComparators({ text: ':较1', confidence: 0.9, symbols: number }, slotCrop('≥'), SETTINGS).symbols[1]!.text).toBe('≥');
  });

  it('leaves a title\'s 《 before a year alone (《2024年…统计公报》), whatever its shape reads as', () => {
    const year = ['2', '0', '2', '4', '年'].map((t, k) => symbol(t, 50 + 6 * k, 54 + 6 * k));
    const read = [symbol('；', 2, 6), symbol('《', 12, 38, 0.95), ...year];
    expect(repairComparators({ text: '；《2024年', confidence: 0.9, symbols: read }, slotCrop('≥'), SETTINGS).symbols[1]).toEqual(read[1]);
  });

  it('keeps 二 after a Chinese character (每周二12时前), whose bars the shape reads as =, in doubt', () => {
    const out = repairComparators({ text: '周二1', confidence: 0.9, symbols: [symbol('周', 0, 10), symbol('二', 12, 38, 0.97), symbol('1', 50, 54)] }, slotCrop('='), SETTINGS);
    expect(out.symbols[1]).toMatchObject({ text: '二', lookalike: '二 between a Chinese character and a number: = reads as 二, and 二 as =' });
    expect(out.symbols[1]!.repair).toBeUndefined();
  });

  it('keeps the doubt where a model read 之, as the models read ≥, and the shape says another comparator', () => {
    // 之 is what both models read for a ≥ (its bar under the chevron); a faint ≥ whose bar the shape misses reads >.
    const disputed = { ...symbol('这', 12, 38, 0.5), doubt: `${DISPUTED_DOUBT}: one read 这, the other 之`, otherReading: '之', disputedText: '这' };
    // The digit after it as wide as a 0 (a 1's bar would leave the chevron as big beside it as a full-width ＞).
    const greaterCrop = slotCrop('>');
    for (let y = 4; y < 40; y++) for (let x = 54; x < 72; x++) greaterCrop.data[y * greaterCrop.width + x] = 0;
    const out = repairComparators({ text: ':这1', confidence: 0.9, symbols: [symbol(':', 2, 6), disputed, symbol('1', 50, 72)] }, greaterCrop, SETTINGS);
    expect(out.symbols[1]).toMatchObject({ text: '>', confidence: 0.85, doubt: 'a model read 之, as it reads ≥, where the shape says >' });
    // Where the shape says ≥, or neither model read 之, the shape decides as before.
    expect(repairComparators({ text: '', confidence: 0.9, symbols: [symbol(':', 2, 6), disputed, symbol('1', 50, 54)] }, slotCrop('≥'), SETTINGS).symbols[1]!.confidence).toBeGreaterThan(0.9);
    // Nor does the shape agreeing with a model's > clear it, when the other model read 之.
    const greater = { ...symbol('>', 12, 38, 0.5), doubt: `${DISPUTED_DOUBT}: one read >, the other 之`, otherReading: '之', disputedText: '>' };
    expect(repairComparators({ text: '', confidence: 0.9, symbols: [symbol(':', 2, 6), greater, symbol('1', 50, 72)] }, greaterCrop, SETTINGS).symbols[1]).toMatchObject({ text: '>', confidence: 0.5, doubt: 'a model read 之, as it reads ≥, where the shape says >' });
    const other = { ...disputed, otherReading: '过' };
    expect(repairComparators({ text: '', confidence: 0.9, symbols: [symbol(':', 2, 6), other, symbol('1', 50, 72)] }, greaterCrop, SETTINGS).symbols[1]!.confidence).toBeGreaterThan(0.9);
  });

  it('settles the dispute where the other model read the glyph as a comparator pointing the way its shape does, or 之 for ≥', () => {
    // Both models misread the ≥ (之, 尹) and Tesseract placed the first reading nowhere: the shape reads it.
    for (const other of ['尹', '>', '≥']) {
      const lost = { ...symbol('之', 12, 38, 0.6), lost: true, doubt: `${DISPUTED_DOUBT}: one read 之, the other ${other}`, otherReading: other, disputedText: '之' };
      const out = repairComparators({ text: '', confidence: 0.9, symbols: [symbol(':', 2, 6), lost, symbol('1', 50, 54)] }, slotCrop('≥'), SETTINGS).symbols[1]!;
      expect(out).toMatchObject({ text: '≥', confirmed: true, repair: 'OCR read 之, its shape is ≥' });
      expect(out.doubt).toBeUndefined();
      expect(out.otherReading).toBeUndefined();
    }
    // A dispute over more than the glyph (the other model's reading covers the digit too) is left standing.
    const wider = { ...symbol('之', 12, 38, 0.6), lost: true, doubt: `${DISPUTED_DOUBT}: one read 之1, the other 尹7`, otherReading: '尹7', disputedText: '之1' };
    expect(repairComparators({ text: '', confidence: 0.9, symbols: [symbol(':', 2, 6), wider, symbol('1', 50, 54)] }, slotCrop('≥'), SETTINGS).symbols[1]!.confidence).toBeGreaterThan(0.9);
    expect(repairComparators({ text: '', confidence: 0.9, symbols: [symbol(':', 2, 6), wider, symbol('1', 50, 54)] }, slotCrop('≥'), SETTINGS).symbols[1]!.doubt).toMatch(/^two OCR models read/);
  });

  it('doubts a shape that points against the other model\'s comparator (FandolSong\'s ⩽ read & and <, its shape taken for ≥)', () => {
    const disputed = { ...symbol('&', 12, 38, 0.5), doubt: `${DISPUTED_DOUBT}: one read &, the other <`, otherReading: '<', disputedText: '&' };
    const out = repairComparators({ text: '', confidence: 0.9, symbols: [symbol(':', 2, 6), disputed, symbol('1', 50, 54)] }, slotCrop('≥'), SETTINGS).symbols[1]!;
    expect(out).toMatchObject({ text: '≥', confidence: 0.5, doubt: 'the other OCR model read <, pointing the other way from the shape (≥): one of them is misread' });
  });

  it('finds the comparator left of a box Tesseract put on the digit', () => {
    const out = repairComparators({ text: ':>1', confidence: 0.9, symbols: [symbol(':', 2, 6), symbol('>', 48, 56), symbol('1', 56, 60)] }, slotCrop('≥'), SETTINGS);
    expect(out.symbols[1]!.text).toBe('≥');
  });

  it('reads a ≥ from its own ink where OCR’s box straddles it and the digit after it (WenQuanYi Micro Hei, Group 4)', async () => {
    // 值:≥92%；年度指标值:≥92%。 from a scan: best_int read both ≥ as >, with boxes shifted right onto the 9, whose
    // ink beside the chevron had turned the reading to ≤.
    const crop = await fixtureCrop('comparator-box-shifted-onto-digit.png');
    const read: [string, number, number][] = [['值', 73, 97], [':', 97, 109], ['>', 109, 121], ['9', 121, 139], ['2', 139, 154], ['9', 154, 163], ['%', 163, 178], ['；', 178, 190], ['年', 226, 244], ['度', 262, 293], ['指', 294, 311], ['标', 314, 340], ['值', 364, 388], [':', 388, 400], ['>', 400, 412], ['9', 412, 427], ['2', 427, 445], ['%', 445, 466]];
    // Pixels of the scan's cell image, which begins 60 px left of and 615 px above this excerpt.
    const out = repairComparators({ text: '', confidence: 0.95, symbols: fixtureSymbols(read, 60, 615, 628, 659) }, crop, SETTINGS);
    expect(out.symbols.filter((s) => s.repair).map((s) => [s.text, s.repair])).toEqual([['≥', 'OCR read >, its shape is ≥'], ['≥', 'OCR read >, its shape is ≥']]);
  });

  it('takes a heavy < for no ≤ with the 0 two columns after it (Noto Sans CJK Black, 200 dpi)', async () => {
    // 指标值:<0.3%: the colon's box holds the <, and the ink found there runs on into the 0 across a two-column
    // gap; read as one glyph, < and 0 held two strokes in their lower rows, as a slanted ≤ does.
    const crop = await fixtureCrop('comparator-less-than-beside-its-digit-sans-black.png');
    const read: [string, number, number][] = [['指', 167, 179], ['标', 181, 216], ['值', 229, 234], [':', 236, 249], ['<', 245, 255], ['0', 250, 263], ['.', 266, 271], ['3', 273, 285], ['%', 287, 309]];
    // Pixels of the scan's cell image, which begins 150 px left of and 400 px above this excerpt.
    const out = repairComparators({ text: '', confidence: 0.95, symbols: fixtureSymbols(read, 150, 400, 415, 440) }, crop, SETTINGS);
    // The < alone is no ≥ or ≤ (its ink as much below its tip as above), and its shape says no more at 200 dpi:
    // it is kept as read, doubted.
    expect(out.symbols.map((s) => s.text).join('')).toBe('指标值:<0.3%');
    expect(out.symbols.filter((s) => s.repair).map((s) => [s.text, s.confidence, s.repair])).toEqual([['<', 0.5, '< before a number could be a comparator (≥ ≤ > < =); its shape did not say which']]);
  });

  it('reads FandolHei\'s ⩾ boxed on the white after it within its own line\'s body, where the line\'s boxes reach into the next (300 dpi, --fresh23)', async () => {
    // The second ⩾'s box stands on the white between it and the 4; the glyph left of it, taken within a body that
    // runs the whole line pitch, holds the 量 below as well and read as ≤. Within the body of the line's Chinese
    // characters that hug their ink it reads as ≥, as OCR's > points.
    const crop = await fixtureCrop('comparator-slanted-bar-boxed-on-white-next-line-close-fandolhei.png');
    const read = excerptSymbols(
      [['指', 10, 47, 274, 310, 5], ['标', 50, 265, 273, 311, 5], ['值', 111, 141, 269, 327, 5], [':', 140, 151, 269, 327, 5], ['>', 161, 177, 269, 327, 5], ['4', 190, 206, 269, 327, 5], ['0', 205, 235, 269, 327, 5], ['宗', 234, 260, 269, 327, 5], [';', 259, 271, 269, 327, 5], ['年', 299, 319, 273, 311, 5], ['度', 339, 377, 273, 311, 5], ['指', 378, 399, 274, 310, 5], ['标', 402, 568, 273, 311, 5], ['值', 462, 492, 269, 327, 5], [':', 491, 507, 269, 327, 5], ['>', 517, 528, 269, 327, 5], ['4', 542, 554, 269, 327, 5], ['0', 553, 572, 269, 327, 5],
        ['宗', 12, 63, 324, 361, 6], ['。', 91, 95, 327, 357, 6], ['3', 91, 107, 327, 355, 6], ['、', 114, 122, 349, 357, 6], ['1', 122, 159, 327, 357, 6], ['-', 159, 196, 327, 357, 6], ['产', 196, 218, 323, 360, 6], ['出', 236, 276, 324, 361, 6], ['指', 277, 298, 324, 360, 6], ['标', 300, 338, 324, 361, 6], [';', 338, 374, 336, 359, 6], ['1', 374, 380, 327, 354, 6], ['2', 385, 401, 327, 354, 6], ['-', 403, 414, 344, 346, 6], ['质', 432, 454, 324, 361, 6], ['量', 472, 511, 324, 360, 6], ['指', 512, 533, 324, 360, 6], ['标', 536, 574, 324, 361, 6], [';', 574, 597, 336, 359, 6]],
      0,
      258,
    );
    const out = repairComparators({ text: '', confidence: 0.95, symbols: read }, crop, SETTINGS);
    expect(out.symbols.slice(0, 18).map((s) => s.text).join('')).toBe('指标值:≥40宗;年度指标值:≥40');
    expect(out.symbols[15]).toMatchObject({ text: '≥', repair: 'OCR read >, its shape is ≥' });
    expect(out.symbols[15]!.doubt).toBeUndefined();
  });

  it('looks at no glyph between a number and the next item\'s as a comparator (99&4、: WenQuanYi Zen Hei Sharp\'s %。 read as one &, --fresh17)', async () => {
    const crop = await fixtureCrop('percent-and-full-stop-read-as-ampersand-zenhei-sharp.png');
    const read = excerptSymbols(
      [['指', 652, 670, 204, 240, 4], ['标', 690, 730, 205, 240, 4], ['值', 730, 757, 216, 235, 4], [':', 757, 769, 199, 256, 4], ['>', 758, 780, 213, 235, 4], ['9', 792, 840, 209, 235, 4], ['9', 832, 850, 209, 235, 4], ['&', 843, 859, 222, 239, 4], ['4', 886, 906, 209, 235, 4], ['、', 910, 918, 232, 240, 4], ['L', 947, 971, 209, 235, 4]],
      640,
      190,
    );
    const out = repairComparators({ text: '', confidence: 0.95, symbols: read }, crop, SETTINGS);
    expect(out.symbols.map((s) => s.text).join('')).toBe('指标值:≥99&4、L');
    expect(out.symbols[7]).toEqual(read[7]);
  });

  it('drops the > read before a ≥ that its shape made of 这, their boxes touching: one glyph read twice (HanaMinA, 300 dpi, --fresh21)', async () => {
    const crop = await fixtureCrop('greater-equal-read-as-chevron-and-zhe-hanamin.png');
    const read = excerptSymbols(
      [['标', 235, 285, 125, 163, 2], ['值', 285, 316, 140, 159, 2], [':', 316, 338, 120, 177, 2], ['>', 331, 352, 128, 158, 2], ['这', 352, 374, 120, 177, 2], ['6', 373, 384, 129, 159, 2], ['5', 388, 404, 129, 159, 2], ['0', 409, 425, 128, 159, 2], ['处', 444, 468, 126, 162, 2], ['；', 468, 530, 134, 158, 2]],
      250,
      105,
    );
    const out = repairComparators({ text: '', confidence: 0.95, symbols: read }, crop, SETTINGS);
    expect(out.symbols.map((s) => s.text).join('')).toBe('标值:≥650处；');
    expect(out.symbols[3]!.repair).toBe('OCR read 这, its shape is ≥; the > read before it is its chevron, read twice');
  });

  it('drops the 和 of 和《 where the other model read one < and the 《 reads as ≤ from its shape: FandolFang\'s ⩽ read as two (300 dpi, --fresh23)', async () => {
    const crop = await fixtureCrop('less-equal-read-as-he-and-title-mark-fangsong.png');
    const read = excerptSymbols([['期', 195, 214, 433, 476, 7], ['指', 217, 263, 433, 476, 7], ['标', 256, 301, 433, 477, 7], ['值', 308, 339, 433, 474, 7], [':', 345, 362, 428, 494, 7], ['和', 355, 374, 440, 471, 7], ['《', 374, 387, 432, 477, 7], ['0', 390, 409, 439, 469, 7], ['.', 409, 426, 464, 469, 7], ['5', 426, 445, 439, 469, 7], ['%', 450, 483, 435, 472, 7]], 180, 415).map((s) =>
      s.text === '和' || s.text === '《' ? { ...s, confidence: 0.5, doubt: `${DISPUTED_DOUBT}: one read 和《, the other <`, otherReading: '<', disputedText: '和《' } : s,
    );
    const out = repairComparators({ text: '', confidence: 0.95, symbols: read }, crop, SETTINGS);
    expect(out.symbols.map((s) => s.text).join('')).toBe('期指标值:≤0.5%');
    expect(out.symbols[5]!.repair).toBe('OCR read 《, its shape is ≤; the 和 read before it is part of it, read twice');
    expect(out.symbols[5]!.confidence).toBeLessThan(0.9);
  });

  it('writes a < as big as a full-width ＜ in that width, flagged with the other width named (FandolHei, 300 dpi)', async () => {
    const crop = await fixtureCrop('comparator-full-width-less-than-fandolhei.png');
    const read = excerptSymbols(
      [['周', 210, 243, 223, 257, 4], ['期', 247, 261, 222, 257, 4], ['指', 263, 282, 222, 257, 4], ['标', 284, 343, 222, 257, 4], ['值', 343, 369, 234, 251, 4], [':', 369, 387, 218, 273, 4], ['<', 375, 398, 230, 253, 4], ['2', 417, 423, 226, 251, 4], ['%', 427, 454, 223, 252, 4], [';', 454, 507, 231, 253, 4], ['年', 507, 529, 222, 257, 4]],
      202,
      206,
    );
    const out = repairComparators({ text: '', confidence: 0.95, symbols: read }, crop, SETTINGS);
    expect(out.symbols.map((s) => s.text).join('')).toBe('周期指标值:＜2%;年');
    const less = out.symbols[6]!;
    expect(less).toMatchObject({ repair: 'OCR read <, its size is the full-width ＜', doubt: '＜ could be the half-width <: its ink is as tall as the digits after it' });
    expect(less.confidence).toBeLessThan(0.9);
  });

  it('takes no digit for a comparator where OCR’s box for < only reaches into the 4 after it (Droid Sans Fallback, Group 4)', async () => {
    // 指标值:<48小时: the < box [507, 523] isolates the 4, which the looser shape reading takes for ≤.
    const crop = await fixtureCrop('comparator-box-on-next-digit.png');
    const read: [string, number, number][] = [['标', 421, 463], ['值', 470, 493], [':', 496, 512], ['<', 507, 523], ['4', 514, 530], ['8', 534, 566], ['小', 573, 597]];
    const out = repairComparators({ text: '', confidence: 0.95, symbols: fixtureSymbols(read, 400, 270, 280, 310) }, crop, SETTINGS);
    expect(out.symbols.map((s) => s.text).join('')).toBe('标值:<48小');
    expect(out.symbols.some((s) => s.repair)).toBe(false);
  });

  it('puts back a ≥ that OCR boxed as the colon at the end of a line, the number starting the next one (Droid Sans Fallback, Group 4)', async () => {
    // …实施周期指标值:≥ / 286万平方米: the box OCR gave the colon [665, 691] holds the ≥; the dots are in 值's box.
    const crop = await fixtureCrop('comparator-boxed-as-colon-at-line-end.png');
    const line3: [string, number, number][] = [['实', 434, 450], ['施', 454, 484], ['周', 501, 516], ['期', 521, 566], ['指', 569, 599], ['标', 597, 630], ['值', 636, 659], [':', 665, 691]];
    const line4: [string, number, number][] = [['2', 20, 36], ['8', 40, 55], ['6', 58, 78], ['万', 83, 124], ['平', 123, 160]];
    const symbols = [...fixtureSymbols(line3, 0, 140, 153, 183), ...fixtureSymbols(line4, 0, 140, 196, 226).map((s) => ({ ...s, line: 1 }))];
    const out = insertUnreadComparators(symbols, crop, SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('实施周期指标值:≥286万平');
    expect(out.find((s) => s.text === '≥')!.repair).toMatch(/in the box OCR gave the colon/);
    // The colon's own box is its dots now, left of the ≥.
    const colon = out.find((s) => s.text === ':')!;
    expect(colon.x1).toBeLessThanOrEqual(out.find((s) => s.text === '≥')!.x0);
  });

  it('reads the comparator from the colon’s box where OCR’s boxes are shifted one glyph right (AR PL SungtiL GB, 300 dpi)', async () => {
    // 指标值:≤30个工作日: the colon's box [832, 849] is on the ≤ (its dots are in 值's box), the 冬 box [865, 873]
    // on the 3, which the looser shape reading takes for ≥.
    const crop = await fixtureCrop('comparator-boxes-shifted-right.png');
    const read: [string, number, number][] = [['实', 556, 599], ['施', 597, 618], ['周', 635, 678], ['期', 672, 711], ['指', 714, 747], ['标', 744, 782], ['值', 790, 819], [':', 832, 849], ['冬', 865, 873], ['3', 872, 887], ['0', 884, 899], ['个', 914, 959]];
    const out = repairComparators({ text: '', confidence: 0.95, symbols: fixtureSymbols(read, 540, 440, 460, 495) }, crop, SETTINGS);
    expect(out.symbols.map((s) => s.text).join('')).toBe('实施周期指标值:≤30个');
    expect(out.symbols.find((s) => s.text === '≤')!.repair).toBe('OCR read 冬, its shape is ≤');
  });

  it('leaves 超过 before a number alone', () => {
    const out = repairComparators({ text: '超过1', confidence: 0.9, symbols: [symbol('超', -30, 0), symbol('过', 12, 38), symbol('1', 50, 54)] }, slotCrop('≥'), SETTINGS);
    expect(out.symbols.map((s) => s.text)).toEqual(['超', '过', '1']);
  });

  it('reads any character right after a label’s colon and before a number from its shape (关 is ≥), but not a word such as 约', () => {
    const read = (ch: string, comparator: '≥' | 'none') =>
      repairComparators({ text: `:${ch}1`, confidence: 0.9, symbols: [symbol(':', 2, 6), symbol(ch, 12, 38, 0.93), symbol('1', 50, 54)] }, slotCrop(comparator), SETTINGS).symbols;
    expect(read('关', '≥').map((s) => s.text)).toEqual([':', '≥', '1']);
    expect(read('约', '≥').map((s) => [s.text, s.confidence])).toEqual([[':', 0.95], ['约', 0.93], ['1', 0.95]]);
    // Not a comparator's shape: left as read, and doubted.
    const unclear = read('关', 'none');
    expect(unclear[1]!.text).toBe('关');
    expect(unclear[1]!.confidence).toBeLessThanOrEqual(0.5);
  });

  it('reads a disputed character inside a text target from its shape only when it is clearly ≥ or ≤ (实际支出≤预算值)', () => {
    const read = (comparator: '≥' | '>' | 'none') =>
      repairComparators(
        { text: ':出科预', confidence: 0.5, symbols: [symbol(':', 2, 6), symbol('出', 7, 11), { ...symbol('科', 12, 38, 0.5), doubt: DISPUTED_DOUBT }, symbol('预', 50, 54)] },
        slotCrop(comparator),
        SETTINGS,
      ).symbols[2]!;
    expect([read('≥').text, read('≥').repair, read('≥').confidence]).toEqual(['≥', 'OCR read 科, its shape is ≥', 0.5]);
    expect(read('>').text).toBe('科');
    expect(read('none').text).toBe('科');
    // Not disputed: left as read.
    const agreed = repairComparators({ text: ':出科预', confidence: 0.9, symbols: [symbol(':', 2, 6), symbol('出', 7, 11), symbol('科', 12, 38), symbol('预', 50, 54)] }, slotCrop('≥'), SETTINGS);
    expect(agreed.symbols[2]!.text).toBe('科');
  });

  it('reads a disputed character between a text target’s words and its number from its shape (接报后≤30分钟到场, Noto Serif CJK SC Light), in doubt', async () => {
    const read = excerptSymbols([[':', 1122, 1146, 310, 372, 5], ['接', 1145, 1189, 314, 354, 5], ['报', 1190, 1239, 315, 354, 5], ['后', 1265, 1282, 317, 352, 5], ['科', 1281, 1305, 310, 372, 5], ['3', 1305, 1324, 319, 352, 5], ['0', 1329, 1349, 319, 352, 5], ['分', 1366, 1413, 314, 354, 5], ['钟', 1416, 1456, 315, 354, 5], ['到', 1468, 1501, 315, 354, 5], ['场', 1506, 1538, 316, 356, 5]], 1114, 298);
    read[4] = { ...read[4]!, confidence: 0.5, doubt: `${DISPUTED_DOUBT}: one read 科, the other 一`, otherReading: '一', disputedText: '科' };
    const out = repairComparators({ text: '', confidence: 0.5, symbols: read }, await fixtureCrop('comparator-in-text-before-digit-serif-light.png'), SETTINGS);
    expect(out.symbols.map((s) => s.text).join('')).toBe(':接报后≤30分钟到场');
    expect(out.symbols[4]).toMatchObject({ repair: 'OCR read 科, its shape is ≤', confidence: 0.5 });
  });

  it('writes 之 or 这 opening a target as ≥ where the shape says nothing, in doubt and open to its twin; 之 after a character is left', () => {
    const read = (before: string, text: string) =>
      repairComparators({ text: '', confidence: 0.95, symbols: [symbol(before, 2, 6), symbol(text, 12, 38), symbol('9', 50, 54)] }, slotCrop('none'), SETTINGS).symbols[1]!;
    for (const text of ['之', '这']) {
      const out = read(':', text);
      expect(out.text).toBe('≥');
      expect(out.confidence).toBeLessThanOrEqual(0.5);
      expect(out.repair).toBe(`${text} before a number could be a comparator (≥ ≤ > < =), most likely ≥, which OCR reads so; ${UNDECIDED_SHAPE}`);
    }
    expect(read('分', '之')).toMatchObject({ text: '之', repair: `之 before a number could be a comparator (≥ ≤ > < =); ${UNDECIDED_SHAPE}` });
  });

  it('looks at a comparator read inside a text target even when both models agree (实际支出<预算值 for ≤)', () => {
    const read = (text: string, comparator: '≥' | '>' | 'none') =>
      repairComparators({ text: `:出${text}预`, confidence: 0.95, symbols: [symbol(':', 2, 6), symbol('出', 7, 11), symbol(text, 12, 38), symbol('预', 50, 54)] }, slotCrop(comparator), SETTINGS).symbols[2]!;
    expect([read('>', '≥').text, read('>', '≥').repair]).toEqual(['≥', 'OCR read >, its shape is ≥']);
    expect(read('>', '>')).toMatchObject({ text: '>', confidence: 0.95 });
    expect(read('<', 'none')).toMatchObject({ text: '<', confidence: 0.5, doubt: '< could be another comparator (≥ ≤ > <): its shape did not say' });
  });
});

describe('insertUnreadComparators: a comparator inside the box of the digit after a wide colon', () => {
  it('is put back only when its shape is one no digit has', () => {
    // The colon's box runs over the ≥, and the digit's box starts at it.
    const colon = { ...symbol(':', 2, 30), swallowed: true };
    const digit = { ...symbol('1', 12, 54), swallowed: true };
    const out = insertUnreadComparators([colon, digit], slotCrop('≥'), SETTINGS);
    expect(out.map((s) => s.text)).toEqual([':', '≥', '1']);
    expect(out[1]!.repair).toBe('≥ read from its shape where OCR read nothing inside the box of the digit after it');
    expect(out.every((s) => !s.swallowed)).toBe(true);
    // A > has no bar of its own: it could be the top of a digit, and nothing is put back.
    expect(insertUnreadComparators([colon, digit], slotCrop('>'), SETTINGS).map((s) => s.text)).toEqual([':', '1']);
  });
});


describe('repairComparators: > and = read as two symbols', () => {
  it('keeps the text’s own >= where the ink shows two glyphs side by side, the second an = (LXGW WenKai, 300 dpi)', async () => {
    const crop = await fixtureCrop('comparator-ascii-greater-equal-wenkai.png');
    const read = excerptSymbols([[':', 74, 89, 618, 636, 0], ['>', 83, 102, 601, 650, 0], ['=', 94, 112, 622, 631, 0], ['9', 117, 136, 609, 637, 0], ['0', 140, 157, 609, 637, 0], ['%', 162, 188, 609, 637, 0]], 40, 590);
    const out = repairComparators({ text: '', confidence: 0.95, symbols: read }, crop, SETTINGS);
    expect(out.symbols.map((s) => s.text).join('')).toBe(':>=90%');
    expect(out.symbols.every((s) => s.repair === undefined)).toBe(true);
  });

  it('still reads ≥ where one glyph stacks its chevron over its bar and OCR split it into > and = (Zen Hei, 200 dpi)', async () => {
    const crop = await fixtureCrop('comparator-split-greater-equal-zenhei.png');
    const read = excerptSymbols(
      [['标', 309, 346, 49, 71, 0], ['值', 358, 362, 56, 68, 0], [':', 363, 373, 48, 72, 0], ['>', 366, 380, 54, 68, 0], ['=', 380, 385, 48, 72, 0], ['1', 384, 396, 52, 68, 0], ['2', 398, 410, 51, 69, 0], [',', 413, 432, 51, 71, 0]],
      330,
      35,
    );
    const out = repairComparators({ text: '', confidence: 0.95, symbols: read }, crop, SETTINGS);
    expect(out.symbols.map((s) => s.text).join('')).toBe('标值:≥12,');
  });

  it('reads one ≥ where OCR cut its glyph into two comparators whose boxes overlap (>> in AR PL UKai, => in Zen Hei), keeping the doubt of the half the other model did not read', async () => {
    const disputed = (s: MarkedSymbol): MarkedSymbol => ({ ...s, confidence: 0.5, doubt: `${DISPUTED_DOUBT}: one read ${s.text}, the other nothing` });
    const ukai = excerptSymbols([['值', 24, 76, 894, 928, 16], [':', 76, 94, 898, 924, 16], ['>', 94, 115, 899, 924, 16], ['>', 108, 129, 898, 924, 16], ['9', 127, 144, 898, 924, 16], ['6', 148, 165, 898, 924, 16], ['%', 168, 186, 898, 924, 16]], 16, 882);
    ukai[3] = disputed(ukai[3]!);
    const one = repairComparators({ text: '', confidence: 0.95, symbols: ukai }, await fixtureCrop('comparator-cut-in-two-ukai.png'), SETTINGS);
    expect(one.symbols.map((s) => s.text).join('')).toBe('值:≥96%');
    expect(one.symbols[2]).toMatchObject({ repair: 'OCR read >>, its shape is ≥', doubt: `${DISPUTED_DOUBT}: one read >, the other nothing` });
    const zenhei = excerptSymbols([['值', 21, 69, 283, 319, 5], [':', 71, 86, 277, 335, 5], ['=', 78, 101, 291, 314, 5], ['>', 96, 108, 277, 335, 5], ['4', 107, 129, 287, 314, 5], ['0', 130, 151, 286, 314, 5], ['台', 165, 206, 282, 319, 5]], 13, 265);
    zenhei[2] = disputed(zenhei[2]!);
    const two = repairComparators({ text: '', confidence: 0.95, symbols: zenhei }, await fixtureCrop('comparator-cut-in-two-zenhei.png'), SETTINGS);
    expect(two.symbols.map((s) => s.text).join('')).toBe('值:≥40台');
    expect(two.symbols[2]!.repair).toBe('OCR read =>, its shape is ≥');
    // FandolSong's ⩽ read as < and 《, which OCR reads for ≤ too (一般项目≤60日，重大项目≤120日, 300 dpi).
    const fandolsong = excerptSymbols([['项', 303, 354, 132, 194, 2], ['目', 353, 393, 132, 194, 2], ['<', 392, 404, 136, 177, 2], ['《', 403, 416, 136, 177, 2], ['1', 415, 439, 136, 177, 2], ['2', 438, 459, 136, 177, 2], ['0', 458, 501, 136, 177, 2], ['日', 500, 540, 132, 194, 2]], 234, 120);
    fandolsong[3] = disputed(fandolsong[3]!);
    const three = repairComparators({ text: '', confidence: 0.95, symbols: fandolsong }, await fixtureCrop('comparator-cut-in-two-fandolsong.png'), SETTINGS);
    expect(three.symbols.map((s) => s.text).join('')).toBe('项目≤120日');
    expect(three.symbols[2]!.repair).toBe('OCR read <《, its shape is ≤');
  });

  it('keeps two comparators apart whose boxes do not overlap: only one glyph is known to stand there', () => {
    const out = repairComparators({ text: ':>>1', confidence: 0.9, symbols: [symbol(':', 2, 6), symbol('>', 12, 24), symbol('>', 26, 38), symbol('1', 50, 54)] }, slotCrop('≥'), SETTINGS);
    expect(out.symbols).toHaveLength(4);
  });

  it('doubts a shape that makes one glyph of the two OCR read, other than ≥ or ≤: one may be lost', () => {
    const out = repairComparators({ text: ':>=1', confidence: 0.9, symbols: [symbol(':', 2, 6), symbol('>', 12, 24), symbol('=', 24, 38), symbol('1', 50, 54)] }, slotCrop('='), SETTINGS);
    expect(out.symbols.map((s) => s.text)).toEqual([':', '=', '1']);
    expect(out.symbols[1]).toMatchObject({ repair: 'OCR read >=, its shape is =', doubt: 'OCR read >= (two glyphs) where the shape is one =: it may be >=' });
    expect(out.symbols[1]!.confidence).toBeLessThanOrEqual(0.5);
  });
});

/** A glyph drawn in `#` (ink) and `.` (white), as the classifier's grey bytes. */
function glyph(...rows: string[]): { data: Uint8Array; width: number; box: { x0: number; y0: number; x1: number; y1: number } } {
  const width = rows[0]!.length;
  const data = new Uint8Array(rows.flatMap((r) => [...r].map((c) => (c === '#' ? 0 : 255))));
  return { data, width, box: { x0: 0, y0: 0, x1: width, y1: rows.length } };
}

describe('classifyComparator: a bar under the chevron', () => {
  it('takes a heavy > whose lower arm spans a bar’s width in one row for no ≥ (Noto Sans CJK Black, 200 dpi)', () => {
    const g = glyph('##...........', '#####........', '#######......', '.#########...', '...#########.', '......#######', '......#######', '....########.', '.##########..', '########.....', '######.......', '###..........');
    expect(classifyComparator(g.data, g.width, g.box)?.char).not.toBe('≥');
  });

  it('still reads ≥ where the slanted bar fuses with the lower arm (AR PL UKai, 200 dpi): twice the ink below the tip', () => {
    const g = glyph('####........', '.#####......', '...#####....', '.....#####..', '.......#####', '.........###', '.......#####', '.....#######', '...#########', '.##########.', '########....', '.#####......', '####........', '.#..........');
    expect(classifyComparator(g.data, g.width, g.box)).toEqual({ char: '≥', confidence: 0.95 });
  });
});

describe('classifyComparator: a slanted bar fused with the lower arm', () => {
  it('reads FandolHei\'s ⩾ at 200 dpi as ≥, below the sure shapes but above the review threshold: no row with two strokes, twice the ink below the tip', () => {
    const g = glyph('###..........', '.####........', '..#####......', '....#####....', '......####...', '........####.', '..........###', '.........####', '.......#####.', '......#######', '....#########', '..#########..', '.########....', '.#######.....', '.#####.......', '.###.........', '.#...........');
    expect(classifyComparator(g.data, g.width, g.box)).toEqual({ char: '≥', confidence: 0.93 });
  });
});

describe('equalsWidth', () => {
  const rows = { y0: 0, y1: 44 };
  const EM = 30;

  it('calls an = full width whose bars are 0.7 em long (FandolHei\'s ＝100%)', () => {
    const crop = inkCrop(100, 44, [[10, 31, 18, 20], [10, 31, 25, 27], [36, 46, 10, 32]]);
    expect(equalsWidth(crop, { x0: 12, x1: 28 }, rows, EM, SETTINGS)).toBe('full');
  });

  it('calls an = half width whose bars are half an em long, as wide as the half-width = of every other face', () => {
    const crop = inkCrop(100, 44, [[10, 25, 18, 20], [10, 25, 25, 27], [30, 40, 10, 32]]);
    expect(equalsWidth(crop, { x0: 10, x1: 25 }, rows, EM, SETTINGS)).toBe('half');
  });
});

describe('chevronWidth', () => {
  const rows = { y0: 0, y1: 44 };
  const EM = 30;

  it('calls a chevron full width whose ink is nearly an em square and as tall as the digit after it (＜0.5%)', () => {
    const crop = inkCrop(100, 44, [[10, 34, 8, 32], [40, 52, 8, 34]]);
    expect(chevronWidth(crop, { x0: 12, x1: 30 }, rows, EM, SETTINGS)).toBe('full');
  });

  it('calls a chevron half width that is half an em wide and shorter than the digits (<1.5%)', () => {
    const crop = inkCrop(100, 44, [[10, 25, 14, 28], [30, 42, 8, 34]]);
    expect(chevronWidth(crop, { x0: 10, x1: 25 }, rows, EM, SETTINGS)).toBe('half');
  });

  it('calls it half width where what the box holds is no wider than the glyph after it (a box shifted onto a digit)', () => {
    const crop = inkCrop(100, 44, [[10, 34, 8, 32], [40, 64, 8, 32]]);
    expect(chevronWidth(crop, { x0: 12, x1: 30 }, rows, EM, SETTINGS)).toBe('half');
  });

  it('calls a chevron full width that reaches three quarters of a tall digit\'s height (FandolKai\'s ＞ before Computer Modern digits), not a heavy half-width one as wide as the digit', () => {
    // 20 px wide and 21 px tall (0.67 and 0.7 em) before a digit 28 px tall and 15 px wide: 0.75 of its height.
    expect(chevronWidth(inkCrop(100, 44, [[10, 30, 11, 32], [36, 51, 4, 32]]), { x0: 12, x1: 28 }, rows, EM, SETTINGS)).toBe('full');
    // Noto Sans CJK Black's heavy > at 200 dpi: 0.7 of the digit's height, as wide as it.
    expect(chevronWidth(inkCrop(100, 44, [[10, 28, 12, 32], [34, 52, 4, 32]]), { x0: 12, x1: 26 }, rows, EM, SETTINGS)).toBe('half');
  });

  it('calls a big chevron that ends its line full width: no digit beside it to measure against', () => {
    const crop = inkCrop(100, 44, [[10, 34, 8, 32]]);
    expect(chevronWidth(crop, { x0: 12, x1: 30 }, rows, EM, SETTINGS)).toBe('full');
  });
});

describe('insertComparatorsTheOtherModelRead', () => {
  /** A line of symbols one glyph each, 20 px apart, with what the other model read before the symbol at `before`. */
  function lineRead(text: string, before: Record<number, string> = {}, line = 0): MarkedSymbol[] {
    return [...text].map((ch, i) => ({ ...symbol(ch, 20 * i, 20 * i + 16), line, ...(before[i] ? { otherReadBefore: before[i] } : {}) }));
  }

  it('puts back the ≥ that only the other model saw before a target\'s number, flagged', () => {
    // 年度指标值:≥90%, the first model reading 值:90% and the other 之 before the 9.
    const out = insertComparatorsTheOtherModelRead(lineRead('值:90%', { 2: '之' }), SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('值:≥90%');
    const ge = out.find((s) => s.text === '≥')!;
    expect(ge.confidence).toBeLessThanOrEqual(OTHER_MODEL_COMPARATOR_CONFIDENCE);
    expect(ge.repair).toMatch(/the other OCR model read 之/);
    // Between the colon and the digit, and the digit no longer in doubt for it.
    expect(ge.x0).toBeGreaterThanOrEqual(out[1]!.x1);
    expect(ge.x1).toBeLessThanOrEqual(out[3]!.x0);
    expect(out[3]!.otherReadBefore).toBeUndefined();
  });

  it('reads 尹 as the other model\'s ≥ too, and mid-target (街道100%、社区≥90%)', () => {
    const out = insertComparatorsTheOtherModelRead(lineRead('值:街道100%、社区90%', { 11: '尹' }), SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('值:街道100%、社区≥90%');
  });

  it('puts back nothing in a goal\'s prose, which no label\'s colon opens (提供24小时…)', () => {
    const read = lineRead('提供24小时生活照料', { 2: '之' });
    expect(insertComparatorsTheOtherModelRead(read, SETTINGS)).toEqual(read);
  });

  it('puts back no second ≥ where one was read at the end of the line before, and clears the digit\'s doubt', () => {
    // 指标值:≥ | 260人: the ≥ found in the colon's box at the line's end, the other model's 之 before the 2.
    const read = [...lineRead('值:≥'), ...lineRead('260人', { 0: '之' }, 1)];
    const out = insertComparatorsTheOtherModelRead(read, SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('值:≥260人');
    expect(out[3]!.otherReadBefore).toBeUndefined();
  });

  it('leaves the doubt where the first model read another comparator before the number', () => {
    const read = lineRead('值:≤30', { 3: '之' });
    expect(insertComparatorsTheOtherModelRead(read, SETTINGS)).toEqual(read);
  });
});

describe('repairComparators: a shape pointing the other way', () => {
  it('keeps OCR\'s > in doubt where the shape, taking in the line below, reads ≤ (FandolSong ⩾, 200 dpi)', async () => {
    // 年度指标值:⩾4场: OCR read >; the line's boxes run its whole pitch, and the rows the shape is read in reach the
    // tops of the next line's characters, which make the ⩾ a ≤. Each such reversal on the evaluation sets was wrong.
    const crop = await fixtureCrop('comparator-reading-the-line-below-fandolsong.png');
    const read: [string, number, number][] = [['值', 301, 324], [':', 323, 332], ['>', 340, 349], ['4', 359, 376], ['场', 376, 398]];
    const out = repairComparators({ text: '', confidence: 0.95, symbols: fixtureSymbols(read, 290, 60, 91, 135) }, crop, SETTINGS);
    const comparator = out.symbols[2]!;
    expect(comparator.text).toBe('>');
    expect(comparator.confidence).toBeLessThanOrEqual(0.5);
    expect(comparator.doubt).toMatch(/points the other way/);
  });
});
