import { describe, expect, it } from 'vitest';
import { markUnreadInk, RESTORED_QUOTE_CONFIDENCE } from '../extractors/raster/unread-ink.js';
import type { Crop, MarkedSymbol } from '../extractors/raster/ocr-read.js';
import { excerptSymbols, fixtureCrop } from './helpers/ocr-fixtures.js';

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

  it('doubts the symbols beside a comma OCR dropped, and the last one of a line whose closing 。 it dropped', () => {
    const crop = line([0, 50]);
    // A comma: 5 × 9 pixels low in the line, between the two characters.
    for (let y = 28; y < 37; y++) for (let x = 36; x < 41; x++) crop.data[y * crop.width + x] = 0;
    // A point after the last character.
    for (let y = 28; y < 35; y++) for (let x = 86; x < 93; x++) if ((x - 89.5) ** 2 + (y - 31.5) ** 2 >= 4) crop.data[y * crop.width + x] = 0;
    const out = markUnreadInk([symbol('训', 0, 30), symbol('培', 50, 80)], crop, SETTINGS);
    expect(out.map((s) => [s.confidence, s.doubt])).toEqual([
      [0.5, 'a mark between two characters that OCR did not read: punctuation may be missing'],
      [0.5, 'a mark after the end of a line that OCR did not read: punctuation may be missing'],
    ]);
  });

  it('does not take a speck or the top of a character for a mark', () => {
    const crop = line([0, 50]);
    crop.data[30 * crop.width + 38] = 0; // a speck
    for (let y = 5; y < 12; y++) for (let x = 36; x < 41; x++) crop.data[y * crop.width + x] = 0; // high in the line
    const out = markUnreadInk([symbol('年', 0, 30), symbol('度', 50, 80)], crop, SETTINGS);
    expect(out.every((s) => s.doubt === undefined && s.confidence === 0.97)).toBe(true);
  });

  it('doubts the last symbol before ink on a line of its own (a 。 wrapped alone), not a ruling line at the edge', () => {
    const width = 200;
    const height = 100;
    const data = new Uint8Array(width * height).fill(255);
    for (let y = 5; y < 35; y++) for (let x = 0; x < 30; x++) data[y * width + x] = 0; // 况
    for (let y = 50; y < 58; y++) for (let x = 2; x < 10; x++) if ((x - 5.5) ** 2 + (y - 53.5) ** 2 >= 4) data[y * width + x] = 0; // 。
    for (let y = 96; y < 98; y++) for (let x = 0; x < width; x++) data[y * width + x] = 0; // a ruling line
    const crop = { left: 0, top: 0, width, height, data, ink: { x0: 0, y0: 5, x1: width - 1, y1: 97 } };
    const out = markUnreadInk([symbol('况', 0, 30)], crop, SETTINGS);
    expect(out[0]!.doubt).toBe('ink on a line of its own that OCR did not read: a character may be missing');
    for (let y = 50; y < 58; y++) for (let x = 2; x < 10; x++) data[y * width + x] = 255;
    expect(markUnreadInk([symbol('况', 0, 30)], crop, SETTINGS)[0]!.doubt).toBeUndefined();
  });
});


describe('markUnreadInk on a real scan', () => {
  it('doubts the characters beside a quote mark both models dropped, high in the line (政务服务“好差评”, LXGW WenKai, 300 dpi)', async () => {
    const crop = await fixtureCrop('quote-dropped-between-characters-wenkai.png');
    const read = excerptSymbols([['政', 935, 958, 753, 786, 0], ['务', 961, 1012, 753, 786, 0], ['服', 1014, 1032, 755, 786, 0], ['务', 1036, 1076, 753, 786, 0], ['好', 1095, 1121, 753, 786, 0]], 900, 740);
    const out = markUnreadInk(read, crop, SETTINGS);
    // (政 starts the excerpt, with the ； before it cut off at its edge: only the characters after it are asked about.)
    expect(out.slice(1).map((s) => s.doubt ?? null)).toEqual([null, null, 'a mark between two characters that OCR did not read: punctuation may be missing', 'a mark between two characters that OCR did not read: punctuation may be missing']);
    expect(out[3]!.confidence).toBe(0.5);
  });
});

describe('markUnreadInk: a quote inside a box', () => {
  it('doubts the characters beside a quote that the box of the one before it runs over: two small strokes high in the line (及“西, LXGW WenKai, Group 4)', async () => {
    const crop = await fixtureCrop('quote-inside-the-box-before-it-wenkai-g4.png');
    const read = excerptSymbols([['育', 23, 55, 71, 106, 0], ['及', 69, 93, 74, 105, 0], ['西', 97, 141, 72, 105, 0]], 10, 60);
    const out = markUnreadInk(read, crop, SETTINGS);
    expect(out.map((s) => s.doubt ?? null)).toEqual([null, 'a mark between two characters that OCR did not read: punctuation may be missing', expect.any(String)]);
    // (西 ends the excerpt, so the next character's ink, cut off at its edge, says so too.)
    expect(out.map((s) => s.confidence)).toEqual([0.95, 0.5, 0.5]);
  });

  it('takes one small stroke high in the line, inside the boxes, for a character’s dot, not a quote', async () => {
    const crop = await fixtureCrop('quote-inside-the-box-before-it-wenkai-g4.png');
    // The same line with the quote's second stroke painted white (columns 93–97): one stroke is left.
    const white: typeof crop = { ...crop, data: crop.data.map((v, i) => (i % crop.width >= 93 && i % crop.width < 98 ? 255 : v)) };
    const read = excerptSymbols([['育', 23, 55, 71, 106, 0], ['及', 69, 93, 74, 105, 0], ['西', 97, 141, 72, 105, 0]], 10, 60);
    expect(markUnreadInk(read, white, SETTINGS)[1]!.doubt).toBeUndefined();
  });
});

describe('markUnreadInk: a mark inside the box of a closing bracket', () => {
  // 标准》，购置 in Noto Serif CJK SC SemiBold at 300 dpi: the comma set in the bracket's em, inside its box; the
  // boxes run the line's whole pitch, down to the tops of the next line.
  const read = () => excerptSymbols([['准', 287, 317, 320, 372, 1], ['》', 317, 337, 320, 372, 1], ['购', 358, 391, 324, 357, 1]], 270, 310);

  it('doubts the bracket and the character after it, where a comma of its own stands low in the bracket’s box', async () => {
    const crop = await fixtureCrop('comma-inside-the-box-of-a-closing-bracket-serif-semibold.png');
    const out = markUnreadInk(read(), crop, SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('准》购');
    expect(out.map((s) => s.doubt ?? null)).toEqual([null, expect.stringMatching(/^a mark inside the box of the closing bracket/), expect.stringMatching(/^a mark inside the box of the closing bracket/)]);
    expect(out[1]!.confidence).toBe(0.5);
  });

  it('leaves a bracket alone that holds only its own ink (the comma painted white)', async () => {
    const crop = await fixtureCrop('comma-inside-the-box-of-a-closing-bracket-serif-semibold.png');
    const white: typeof crop = { ...crop, data: crop.data.map((v, i) => (i % crop.width >= 52 && i % crop.width < 62 && Math.floor(i / crop.width) < 55 ? 255 : v)) };
    const out = markUnreadInk(read(), white, SETTINGS);
    expect(out.map((s) => s.doubt ?? null)).toEqual([null, null, null]);
  });
});

describe('markUnreadInk: a comma after a closing bracket in a light face (Noto Serif CJK SC ExtraLight)', () => {
  it('finds the comma where the next character’s box starts inside its ink, and the last run is that character’s (问答》，引导, 300 dpi)', async () => {
    const crop = await fixtureCrop('comma-after-a-closing-bracket-the-next-box-inside-its-character-serif-extralight.png');
    const read = excerptSymbols([['策', 376, 428, 412, 448, 4], ['问', 433, 452, 415, 448, 4], ['答', 456, 492, 412, 448, 4], ['》', 503, 522, 412, 452, 4], ['引', 563, 587, 413, 448, 4], ['导', 595, 631, 413, 448, 4], ['参', 643, 685, 412, 448, 4]], 360, 398);
    const out = markUnreadInk(read, crop, SETTINGS);
    // (The excerpt's first and last characters are doubted for the ink cut at its edges.)
    expect(out.filter((s) => /^a mark inside the box of the closing bracket/.test(s.doubt ?? '')).map((s) => s.text)).toEqual(['》', '引']);
  });

  it('finds the comma that OCR boxed as the bracket, the bracket’s ink inside the box before (200 dpi)', async () => {
    const crop = await fixtureCrop('comma-boxed-as-the-closing-bracket-before-it-serif-extralight.png');
    // The 》 boxed on the comma, four columns wide: a lost symbol, given the room between its neighbours.
    const read = excerptSymbols([['问', 288, 330, 275, 300, 4], ['答', 331, 343, 275, 299, 4], ['》', 343, 378, 294, 302, 4], ['引', 378, 394, 275, 300, 4], ['导', 399, 422, 275, 299, 4]], 270, 262);
    read[2]!.lost = true;
    const out = markUnreadInk(read, crop, SETTINGS);
    // (The excerpt's first and last characters are doubted for the ink cut at its edges.)
    expect(out.filter((s) => /^a mark inside the box of the closing bracket/.test(s.doubt ?? '')).map((s) => s.text)).toEqual(['》', '引']);
  });
});

describe('markUnreadInk: quotes put back', () => {
  const read = () => excerptSymbols([['政', 935, 958, 753, 786, 0], ['务', 961, 1012, 753, 786, 0], ['服', 1014, 1032, 755, 786, 0], ['务', 1036, 1076, 753, 786, 0], ['好', 1095, 1121, 753, 786, 0]], 900, 740);

  it('puts a dropped quote back, straight and in doubt, where the quotes of its clause then pair up (政务服务“好差评", LXGW WenKai, 300 dpi)', async () => {
    const crop = await fixtureCrop('quote-dropped-between-characters-wenkai.png');
    // The closing quote, read as " further on in the same clause (its box beyond the excerpt's ink).
    const closing = { ...read()[4]!, text: '"', x0: 260, x1: 262 };
    const out = markUnreadInk([...read(), closing], crop, SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('政务服务"好"');
    const quote = out[4]!;
    expect([quote.confidence, quote.repair]).toEqual([RESTORED_QUOTE_CONFIDENCE, 'a quote mark OCR did not read, put back from its ink']);
    // Its box is the mark's ink, between the two characters, high in the line.
    expect(quote.x0).toBeGreaterThan(out[3]!.x1 - 4);
    expect(quote.x1).toBeLessThan(out[5]!.x0 + 4);
    expect(quote.y1).toBeLessThan((out[3]!.y0 + out[3]!.y1) / 2);
    expect(out[3]!.doubt).toBeUndefined();
  });

  it('does not put one back where the clause would be left with an odd quote: a ； ends the clause', async () => {
    const crop = await fixtureCrop('quote-dropped-between-characters-wenkai.png');
    const separator = { ...read()[4]!, text: '；', x0: 250, x1: 255 };
    const closing = { ...read()[4]!, text: '"', x0: 260, x1: 262 };
    const out = markUnreadInk([...read(), separator, closing], crop, SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('政务服务好；"');
    expect(out[3]!.doubt).toMatch(/a mark between two characters that OCR did not read/);
  });

  it('finds a quote that opens a line above the foot of the character it opens (“互联网+, LXGW WenKai, 300 dpi)', async () => {
    const crop = await fixtureCrop('quote-opening-a-line-wenkai.png');
    const line = excerptSymbols([['互', 48, 69, 339, 369, 1], ['联', 72, 108, 338, 370, 1], ['网', 126, 140, 339, 370, 1]], 0, 320);
    const closing = { ...line[2]!, text: '"', x0: 150, x1: 152 };
    const out = markUnreadInk([...line, closing], crop, SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('"互联网"');
    expect(out[0]!.x1).toBeLessThan(out[1]!.x0);
    // Alone in its clause it is only a doubt on the character beside it.
    const alone = markUnreadInk(line, crop, SETTINGS);
    expect(alone.map((s) => s.text).join('')).toBe('互联网');
    expect(alone[0]!.confidence).toBe(0.5);
  });

  it('finds a closing quote whose second stroke’s tail curls under the first, from its heads (进社区”专, LXGW WenKai, Group 4)', async () => {
    const crop = await fixtureCrop('closing-quote-tail-under-its-first-stroke-wenkai-g4.png');
    // Over all the mark's rows its columns run together (the tail of ” leans left under its first stroke); in its
    // top half the two heads stand apart.
    const line = excerptSymbols([['进', 111, 149, 437, 470, 1], ['社', 152, 169, 438, 468, 1], ['区', 176, 205, 439, 471, 1], ['专', 236, 274, 436, 471, 1], ['项', 273, 294, 438, 470, 1]], 96, 420);
    const opening = { ...line[0]!, text: '"', x0: line[0]!.x0 - 12, x1: line[0]!.x0 - 10 };
    const out = markUnreadInk([opening, ...line], crop, SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('"进社区"专项');
    expect(out[4]!.confidence).toBe(RESTORED_QUOTE_CONFIDENCE);
    expect(out[3]!.doubt).toBeUndefined();
  });

  it('finds the quotes under the boxes of the characters before them, where OCR boxed a character on a quote (建成“家门口”就, LXGW WenKai, 300 dpi)', async () => {
    const crop = await fixtureCrop('quotes-under-the-boxes-of-characters-wenkai.png');
    // 成 and 口 are boxed on the quotes after them (9 × 7 px, high in the line); their own ink lies in the boxes of
    // the characters before them.
    const read = excerptSymbols([['建', 563, 621, 23, 58, 0], ['成', 625, 634, 24, 31, 0], ['家', 651, 687, 23, 58, 0], ['门', 689, 741, 26, 58, 0], ['口', 751, 760, 24, 31, 0], ['就', 782, 820, 24, 57, 0]], 550, 10);
    const out = markUnreadInk(read, crop, SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('建成"家门口"就');
    expect(out.filter((s) => s.text === '"').map((s) => s.confidence)).toEqual([RESTORED_QUOTE_CONFIDENCE, RESTORED_QUOTE_CONFIDENCE]);
    // With the quote after 口 read as well, only the one OCR did not read is put back, to pair with it.
    const readClosing = [...read.slice(0, 5), { ...read[4]!, text: '”', x0: read[4]!.x1, x1: read[4]!.x1 + 2 }, read[5]!];
    const alone = markUnreadInk(readClosing, crop, SETTINGS);
    expect(alone.map((s) => s.text).join('')).toBe('建成"家门口”就');
  });
});

