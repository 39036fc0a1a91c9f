import { describe, expect, it } from 'vitest';
import { insertUnreadDigitMarks, insertUnreadUnitDots, MIDDLE_DOT_READ_DOUBT, readMiddleDots, UNREAD_DIGIT_MARK_DOUBT, UNREAD_UNIT_DOT_DOUBT } from '../extractors/raster/middle-dots.js';
import { excerptSymbols, fixtureCrop } from './helpers/ocr-fixtures.js';
import type { Crop, MarkedSymbol } from '../extractors/raster/ocr-read.js';
import { inkCrop } from './helpers/builders.js';

const SETTINGS = { padding: 10, inkThreshold: 140, agreedConfidence: 0.95 };

/**
 * One line 40 px high: two glyphs 14 px wide and 28 px tall (rows 6–33, a digit's or a character's body) at x 10
 * and x 34, and a 4 × 4 px dot between them whose top is `dotTop`.
 */
function line(dotTop: number): Crop {
  return inkCrop(60, 40, [[10, 24, 6, 34], [34, 48, 6, 34], [27, 31, dotTop, dotTop + 4]]);
}

/** The read, boxes in the padded frame (Tesseract's box of a point runs down to the line's foot). */
function read(before: string, after: string): MarkedSymbol[] {
  const p = SETTINGS.padding;
  const box = (text: string, x0: number, x1: number, y0: number): MarkedSymbol => ({ text, confidence: 0.96, x0: x0 + p, x1: x1 + p, y0: y0 + p, y1: 34 + p, word: 0, line: 0 });
  return [box(before, 10, 24, 6), box('.', 26, 32, 28), box(after, 34, 48, 6)];
}

describe('readMiddleDots', () => {
  it('reads a . whose ink stands halfway up the digits beside it as ·, in doubt (5·12)', () => {
    const out = readMiddleDots(read('5', '1'), line(18), SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('5·1');
    expect(out[1]!.lookalike).toBe(MIDDLE_DOT_READ_DOUBT);
    expect(out[1]!.repair).toMatch(/^OCR read \. where the ink stands halfway up/);
  });

  it('leaves a point on the baseline a point (48.2)', () => {
    const out = readMiddleDots(read('8', '2'), line(30), SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('8.2');
    expect(out[1]!.lookalike).toBeUndefined();
  });

  it('reads one between two Chinese characters too (商都·西关), with no doubt: a point makes no sense there', () => {
    // Marked as a point between two Chinese characters that may be a middle dot (markSuspects): the ink answers it.
    const marked = read('都', '西').map((s) => (s.text === '.' ? { ...s, lookalike: '. between two Chinese characters: a middle dot (·) reads as a point' } : s));
    const out = readMiddleDots(marked, line(18), SETTINGS);
    expect(out[1]).toMatchObject({ text: '·', confidence: 0.96, repair: expect.stringMatching(/^OCR read \. where the ink stands halfway up/) });
    expect(out[1]!.lookalike).toBeUndefined();
  });

  it('leaves a . beside anything else alone: a number’s end before a unit, a line’s end', () => {
    expect(readMiddleDots(read('5', '万'), line(18), SETTINGS)[1]!.text).toBe('.');
    const wrapped = read('5', '1').map((s, i) => (i === 2 ? { ...s, line: 1 } : s));
    expect(readMiddleDots(wrapped, line(18), SETTINGS)[1]!.text).toBe('.');
  });

  it('leaves a dot too big for one alone: ink as tall as the line is a glyph of its own', () => {
    const crop = line(18);
    for (let y = 8; y < 30; y++) for (let x = 27; x < 31; x++) crop.data[y * crop.width + x] = 0;
    expect(readMiddleDots(read('5', '1'), crop, SETTINGS)[1]!.text).toBe('.');
  });
});

describe('insertUnreadDigitMarks', () => {
  /** Two digits read side by side, the first box running over the mark between them (“11·9” read as 119). */
  const twoDigits = (): MarkedSymbol[] => {
    const p = SETTINGS.padding;
    const box = (text: string, x0: number, x1: number): MarkedSymbol => ({ text, confidence: 0.96, x0: x0 + p, x1: x1 + p, y0: 6 + p, y1: 34 + p, word: 0, line: 0 });
    return [box('1', 10, 32), box('9', 34, 48)];
  };

  it('puts back a dot halfway up between two digits as ·, in doubt, and cuts the box before it back', () => {
    const out = insertUnreadDigitMarks(twoDigits(), line(18), SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('1·9');
    expect(out[1]).toMatchObject({ confidence: 0.5, lookalike: UNREAD_DIGIT_MARK_DOUBT, x0: 37, x1: 41 });
    expect(out[0]!.x1).toBe(37);
  });

  it('puts back one at the digits’ foot as a point', () => {
    expect(insertUnreadDigitMarks(twoDigits(), line(30), SETTINGS).map((s) => s.text).join('')).toBe('1.9');
  });

  it('leaves digits with nothing between them, or with a glyph of their own size, alone', () => {
    const bare = line(30);
    for (let y = 30; y < 34; y++) for (let x = 27; x < 31; x++) bare.data[y * bare.width + x] = 255;
    expect(insertUnreadDigitMarks(twoDigits(), bare, SETTINGS).map((s) => s.text).join('')).toBe('19');
    const tall = line(18);
    for (let y = 8; y < 30; y++) for (let x = 27; x < 31; x++) tall.data[y * tall.width + x] = 0;
    expect(insertUnreadDigitMarks(twoDigits(), tall, SETTINGS).map((s) => s.text).join('')).toBe('19');
  });

  it('puts back a comma with a comma’s tail before three digits with the confidence of an agreement (4,800 read 4800)', () => {
    const crop = inkCrop(90, 44, [...[10, 34, 52, 70].map((x) => [x, x + 14, 6, 34] as const), [27, 31, 30, 34], [28, 30, 34, 40]]);
    const p = SETTINGS.padding;
    const box = (text: string, x0: number): MarkedSymbol => ({ text, confidence: 0.96, x0: x0 + p, x1: x0 + 14 + p, y0: 6 + p, y1: 34 + p, word: 0, line: 0 });
    const out = insertUnreadDigitMarks([box('4', 10), box('8', 34), box('0', 52), box('0', 70)], crop, SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('4,800');
    expect(out[1]).toMatchObject({ confidence: 0.95, repair: ", put back where OCR read nothing between two digits: its ink has a comma's tail, and three digits follow" });
    expect(out[1]!.lookalike).toBeUndefined();
    // Before two digits it groups no thousands: put back, in doubt.
    expect(insertUnreadDigitMarks([box('4', 10), box('8', 34), box('0', 52)], crop, SETTINGS)[1]).toMatchObject({ text: ',', confidence: 0.5, lookalike: UNREAD_DIGIT_MARK_DOUBT });
  });
});

describe('insertUnreadUnitDots', () => {
  it('puts back, in doubt, the middle dot of a unit OCR read nothing for: inside the box of the 人 before it at a line’s end (≤45元/人·次, KaitiM 200 dpi)', async () => {
    const crop = await fixtureCrop('unit-dot-inside-the-box-at-a-line-end-kaitim.png');
    const read = excerptSymbols([['4', 628, 640, 315, 330, 9], ['5', 641, 652, 315, 331, 9], ['元', 663, 687, 311, 334, 9], ['/', 686, 701, 307, 344, 9], ['人', 693, 729, 313, 331, 9], ['次', 18, 52, 343, 363, 10]], 620, 295);
    const out = insertUnreadUnitDots(read, crop, SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('45元/人·次');
    const dot = out.find((s) => s.text === '·')!;
    expect(dot.lookalike).toBe(UNREAD_UNIT_DOT_DOUBT);
    expect(dot.confidence).toBeLessThan(0.9);
  });

  it('puts it back between the two characters of a line, before the 冫 of 次 (≤35元/人·次)', async () => {
    const crop = await fixtureCrop('unit-dot-unread-between-two-characters-kaitim.png');
    const read = excerptSymbols([['3', 232, 240, 78, 95, 2], ['5', 241, 252, 79, 95, 2], ['元', 265, 288, 75, 98, 2], ['/', 287, 303, 71, 106, 2], ['人', 293, 314, 77, 95, 2], ['次', 343, 378, 75, 96, 2], ['。', 378, 391, 78, 95, 2], ['9', 391, 402, 78, 95, 2]], 224, 59);
    expect(insertUnreadUnitDots(read, crop, SETTINGS).map((s) => s.text).join('')).toBe('35元/人·次。9');
  });

  it('leaves a unit written without a dot (元/人次, Noto Serif CJK 300 dpi), a character’s own dot (小), and characters after no slash', async () => {
    const crop = await fixtureCrop('unit-without-a-dot-serif.png');
    const read = excerptSymbols([['元', 23, 70, 518, 555, 10], ['/', 69, 87, 512, 566, 10], ['人', 74, 108, 517, 551, 10], ['次', 120, 146, 516, 551, 10], [';', 146, 201, 527, 553, 10], ['年', 201, 221, 516, 551, 10]], 15, 500);
    expect(insertUnreadUnitDots(read, crop, SETTINGS).map((s) => s.text).join('')).toBe('元/人次;年');
    // The left dot of 小 stands apart from its stem, outside the box OCR gave it, but nearer its stem than 查 (个调查小区).
    const xiao = excerptSymbols([['/', 267, 281, 999, 1033, 20], ['个', 286, 334, 1000, 1031, 20], ['调', 336, 352, 1002, 1031, 20], ['查', 362, 414, 999, 1031, 20], ['小', 419, 452, 1002, 1031, 20], ['区', 451, 475, 995, 1041, 20], [';', 479, 484, 1017, 1034, 20]], 259, 983);
    expect(insertUnreadUnitDots(xiao, await fixtureCrop('unit-character-with-a-dot-stroke-kaitim.png'), SETTINGS).map((s) => s.text).join('')).toBe('/个调查小区;');
    const dotted = await fixtureCrop('unit-dot-unread-between-two-characters-kaitim.png');
    const noSlash = excerptSymbols([['3', 232, 240, 78, 95, 2], ['5', 241, 252, 79, 95, 2], ['元', 265, 288, 75, 98, 2], ['人', 293, 314, 77, 95, 2], ['次', 343, 378, 75, 96, 2]], 224, 59);
    expect(insertUnreadUnitDots(noSlash, dotted, SETTINGS).map((s) => s.text).join('')).toBe('35元人次');
  });
});

