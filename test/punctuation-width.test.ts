import { describe, expect, it } from 'vitest';
import { DEFAULT_SEMICOLON_WHITE, decidePunctuationWidth, mergeBracketsReadTwice, type WidthDecidedSymbol } from '../extractors/raster/punctuation-width.js';
import { DEFAULT_OCR_CELL_SETTINGS, measurePunctuationWhite, tightenPunctuation } from '../extractors/raster/ocr-cells.js';
import { semicolonInkNear } from '../extractors/raster/ink-columns.js';
import type { Crop, MarkedSymbol } from '../extractors/raster/ocr-read.js';
import { excerptSymbols, fixtureCrop } from './helpers/ocr-fixtures.js';

/**
 * One line of OCR symbols, 40 px high, from a layout string: each character is a symbol 40 px wide (Han) or
 * 12 px (anything else), and `_` is 10 px of white space. Brackets sit in their em box as a CJK font draws
 * them when `full`: （ with 20 px of white before it, ） with 20 px after.
 */
function line(layout: string, lineIndex = 0): WidthDecidedSymbol[] {
  const symbols: WidthDecidedSymbol[] = [];
  let x = 0;
  const y = lineIndex * 50;
  for (const ch of layout) {
    if (ch === '_') {
      x += 10;
      continue;
    }
    const w = /\p{Script=Han}/u.test(ch) ? 40 : 12;
    symbols.push({ text: ch, confidence: 0.95, x0: x, y0: y, x1: x + w, y1: y + 40, word: 0, line: lineIndex });
    x += w + 2;
  }
  return symbols;
}

/** Lines of a wrapped cell, one layout string each (see `line`). */
const lines = (...layouts: string[]) => layouts.flatMap((layout, i) => line(layout, i));

const texts = (symbols: { text: string }[]) => symbols.map((s) => s.text).join('');

describe('decidePunctuationWidth', () => {
  it('reads full-width brackets from the white space before （ and after ）', () => {
    expect(texts(decidePunctuationWidth({ symbols: line('作用__(是/否)__；') }))).toBe('作用（是/否）；');
  });

  it('reads half-width brackets where they sit close to their neighbours', () => {
    expect(texts(decidePunctuationWidth({ symbols: line('经费(荔湾区)的') }))).toBe('经费(荔湾区)的');
  });

  it('gives a closing bracket at the end of a line the width of its opening partner', () => {
    const full = decidePunctuationWidth({ symbols: line('作用__(是/否)') });
    expect(texts(full)).toBe('作用（是/否）');
    expect(full.at(-1)!.doubt).toBeUndefined();
    expect(full.at(-1)!.repair).toMatch(/pairs with is （/);
    expect(texts(decidePunctuationWidth({ symbols: line('作用(是/否)') }))).toBe('作用(是/否)');
  });

  it('doubts a pair whose two brackets are spaced as different widths, and one with nothing to measure by', () => {
    const mixed = decidePunctuationWidth({ symbols: line('作用__(是/否)的') });
    expect(mixed.filter((s) => s.doubt).map((s) => s.text)).toEqual(['（', ')']);
    const alone = decidePunctuationWidth({ symbols: line('(是/否)') });
    expect(alone.every((s) => !/[()（）]/.test(s.text) || (s.doubt && s.confidence <= 0.6))).toBe(true);
  });

  it('measures nothing beside other punctuation, whose room producers compress (Chromium: （%）；)', () => {
    const read = decidePunctuationWidth({ symbols: line('进度__(%)；') });
    expect(texts(read)).toBe('进度（%）；');
    expect(read[4]!.repair).toMatch(/pairs with is （/);
    expect(texts(decidePunctuationWidth({ symbols: line('进度(%)；') }))).toBe('进度(%)；');
    const both = decidePunctuationWidth({ symbols: line('；(%)；') });
    expect(both.filter((s) => /may be compressed/.test(s.doubt ?? '')).map((s) => s.text)).toEqual(['(', ')']);
    // Compression only takes room away: a wide gap before ； still shows ）, against a ( spaced half width.
    expect(decidePunctuationWidth({ symbols: line('进度(%)__；') }).filter((s) => /different widths/.test(s.doubt ?? '')).length).toBe(2);
  });

  it('reads an opening bracket that starts a line from how far it stands in from the other lines', () => {
    expect(texts(decidePunctuationWidth({ symbols: lines('年度资金支出进度', '__(%)；实施') }))).toBe('年度资金支出进度（%）；实施');
    // Not standing in says nothing (Chromium trims a line-start （): the pair is doubted.
    expect(decidePunctuationWidth({ symbols: lines('年度资金支出进度', '(%)；实施') })[8]!.doubt).toMatch(/compressed/);
    // Alone, a line says nothing of where lines start.
    expect(decidePunctuationWidth({ symbols: line('__(%)；') })[0]!.doubt).toMatch(/nothing beside it/);
  });

  it('reads 〈 as （, the model’s reading of a full-width bracket, and gives its partner full width', () => {
    expect(texts(decidePunctuationWidth({ symbols: line('作用__〈是/否)') }))).toBe('作用（是/否）');
    const alone = decidePunctuationWidth({ symbols: line('〈是/否)') });
    expect(texts(alone)).toBe('（是/否）');
    expect(alone.map((s) => s.repair ?? '').filter(Boolean)).toEqual(['OCR read 〈, as the model reads a full-width （', 'OCR read ), the bracket it pairs with is （']);
    // Over a partner whose spacing says half width: OCR's 〈 outweighs it.
    const spacedHalf = decidePunctuationWidth({ symbols: line('作用〈是/否)的') });
    expect(texts(spacedHalf)).toBe('作用（是/否）的');
    expect(spacedHalf.filter((s) => s.doubt)).toEqual([]);
    // 《 opens a title unless a round bracket closes it.
    expect(texts(decidePunctuationWidth({ symbols: line('告数《每百万人口)') }))).toBe('告数（每百万人口）');
    expect(texts(decidePunctuationWidth({ symbols: line('依据《条例》的') }))).toBe('依据《条例》的');
    // And 【 (FandolFang's （, --fresh23) a heading unless a round bracket closes it.
    const lenticular = decidePunctuationWidth({ symbols: line('系统【二期)升级') });
    expect(texts(lenticular)).toBe('系统（二期）升级');
    expect(lenticular[2]!.repair).toBe('OCR read 【, as the model reads a full-width （');
    expect(texts(decidePunctuationWidth({ symbols: line('预算【概算）和') }))).toBe('预算（概算）和');
    expect(texts(decidePunctuationWidth({ symbols: line('【重点】项目(一)') }))).toBe('【重点】项目(一)');
  });

  it('makes straight quotes curly in turn with the curly ones read, and doubts quotes that do not pair up', () => {
    expect(texts(decidePunctuationWidth({ symbols: line('新纳入“四上"企业') }))).toBe('新纳入“四上”企业');
    expect(decidePunctuationWidth({ symbols: line('一起益企"小企业大未来"') }).filter((s) => s.doubt)).toEqual([]);
    const odd = decidePunctuationWidth({ symbols: line('“一月一链一起益企“小企业大未来”') });
    expect(odd.filter((s) => s.doubt).length).toBe(3);
    // Two quotes read the same way: their order says which is which (Chinese text does not nest “ in “), both doubted.
    const misread = decidePunctuationWidth({ symbols: line('新纳入“四上“企业') });
    expect(misread.filter((s) => /do not pair up/.test(s.doubt ?? '')).map((s) => s.text)).toEqual(['“', '”']);
    expect(misread.find((s) => s.text === '”')!.repair).toBe('OCR read “, the quotes around it make it ”');
  });

  it('doubts a ; between two Chinese characters: the model reads ； as ; and documents write both', () => {
    const out = decidePunctuationWidth({ symbols: line('稳定运行;维护装备') });
    expect(texts(out)).toBe('稳定运行;维护装备');
    expect(out.filter((s) => s.doubt).map((s) => [s.text, s.confidence])).toEqual([[';', 0.6]]);
    // A ； read is left alone, and so is a ; before a digit (a list's separator: the grammar's).
    expect(decidePunctuationWidth({ symbols: line('稳定运行；维护') }).some((s) => s.doubt)).toBe(false);
    expect(decidePunctuationWidth({ symbols: line('数量指标;11-') }).some((s) => s.doubt)).toBe(false);
  });

  it('writes an undecided ; as ； in a cell whose commas are all full width, still doubted (稳定运行；维护装备，确保畅通)', () => {
    const out = decidePunctuationWidth({ symbols: line('稳定运行;维护装备，确保畅通') });
    expect(texts(out)).toBe('稳定运行；维护装备，确保畅通');
    const semicolon = out.find((s) => s.text === '；')!;
    expect([semicolon.confidence, semicolon.doubt]).toEqual([0.6, '; could be full or half width (OCR reads ； as ;)']);
    expect(semicolon.repair).toBe('OCR read ;, in a cell that writes its commas between words ，: a cell is written in one style');
    // A cell with a half-width comma between words, or none, says nothing of its semicolons' width.
    expect(texts(decidePunctuationWidth({ symbols: line('稳定运行;维护装备,确保畅通') }))).toBe('稳定运行;维护装备,确保畅通');
    expect(texts(decidePunctuationWidth({ symbols: line('稳定运行;维护装备，确保,畅通，及时') }))).toBe('稳定运行;维护装备，确保，畅通，及时');
    // Before a clause that opens with a bracket (信访;（2）通过), as before a character.
    const numbered = decidePunctuationWidth({ symbols: line('受理来访，信访;（2）通过') });
    expect(texts(numbered).slice(0, 8)).toBe('受理来访，信访；');
    expect(numbered.find((s) => s.text === '；')!.doubt).toBe('; could be full or half width (OCR reads ； as ;)');
    // And where that bracket opens the next line.
    expect(texts(decidePunctuationWidth({ symbols: lines('受理来访，信访;', '（2）通过') })).slice(0, 8)).toBe('受理来访，信访；');
    // A comma of a number (2,150) is no comma of the text.
    expect(texts(decidePunctuationWidth({ symbols: line('改造2,150米;维护装备') }))).toBe('改造2,150米;维护装备');
  });

  it('doubts a , between characters in a cell whose ； stands in the middle of its em (BabelStone Han: 专窗,为 … 服务；与)', () => {
    const withWhite = (symbols: WidthDecidedSymbol[], text: string, before: number, after: number) => symbols.map((s) => (s.text === text ? { ...s, white: { before, after, em: 40 } } : s));
    const read = withWhite(withWhite(line('专窗,为老人服务;与省内'), ';', 20, 20), ',', 6, 6);
    const out = decidePunctuationWidth({ symbols: read });
    expect(texts(out)).toBe('专窗,为老人服务；与省内');
    expect(out.filter((s) => s.doubt).map((s) => [s.text, s.confidence])).toEqual([[',', 0.6]]);
    // Beside a ； set at the left of its em (most Simplified faces), a half-width comma is no sign of a misread.
    const leftSet = decidePunctuationWidth({ symbols: withWhite(withWhite(line('专窗,为老人服务;与省内'), ';', 4, 30), ',', 6, 6) });
    expect(texts(leftSet)).toBe('专窗,为老人服务；与省内');
    expect(leftSet.filter((s) => s.doubt)).toEqual([]);
  });

  it('doubts a ; after a closing quote or bracket before a Chinese character as it does after a character (“买单”;对抽检)', () => {
    const out = decidePunctuationWidth({ symbols: line('群众“点单”;对抽检') });
    expect(out.filter((s) => s.doubt).map((s) => [s.text, s.confidence])).toEqual([[';', 0.6]]);
    const bracketed = decidePunctuationWidth({ symbols: line('食品（冷链）;对抽检') });
    expect(bracketed.filter((s) => /OCR reads ；/.test(s.doubt ?? '')).map((s) => s.text)).toEqual([';']);
    // Its brackets, spaced as half by the boxes' gap alone (the ） beside the ; says nothing), are doubted too.
    expect(bracketed.filter((s) => /only the gap between the boxes/.test(s.doubt ?? '')).map((s) => s.text)).toEqual(['(', ')']);
  });

  it('doubts a ; that ends a line where the clause goes on at the next line’s start (分流; | 对区政府, Noto Sans Mono CJK)', () => {
    const out = decidePunctuationWidth({ symbols: lines('繁简分流;', '对区政府') });
    expect(out.filter((s) => s.doubt).map((s) => [s.text, s.confidence])).toEqual([[';', 0.6]]);
    // Not where the next line starts with a number (a list's next item).
    expect(decidePunctuationWidth({ symbols: lines('数量指标;', '11-数量') }).some((s) => s.doubt)).toBe(false);
  });

  it('pairs quotes clause by clause: a quote dropped in one item does not turn the next item’s round', () => {
    const out = decidePunctuationWidth({ symbols: line('新纳入"四上"企业；推进一网通办"率') });
    expect(texts(out)).toBe('新纳入“四上”企业；推进一网通办“率');
    expect(out.filter((s) => s.doubt).map((s) => s.text)).toEqual(['“']);
    expect(out.filter((s) => s.doubt)[0]!.x0).toBeGreaterThan(400);
  });

  it('takes a \' or ` beside a Chinese character for a quote read as one stroke, and doubts it', () => {
    const out = decidePunctuationWidth({ symbols: line("执法及'扫黄打非\"工作") });
    expect(texts(out)).toBe('执法及“扫黄打非”工作');
    expect(out.filter((s) => s.doubt).map((s) => [s.text, s.doubt])).toEqual([['“', "OCR read ': a quote mark read as one stroke (or a ‘ ’ inside quotes)"]]);
    expect(texts(decidePunctuationWidth({ symbols: line('新时代枫桥式`调解`') }))).toBe('新时代枫桥式“调解”');
    // Not beside a Chinese character: an apostrophe or a minute mark, left alone.
    expect(texts(decidePunctuationWidth({ symbols: line("12'30") }))).toBe("12'30");
  });
});

/** The brackets' widths decided as the OCR stage does: on the ink, where the boxes' gaps mislead. */
function decideOnInk(symbols: MarkedSymbol[], crop: Crop): WidthDecidedSymbol[] {
  return decidePunctuationWidth({ symbols: measurePunctuationWhite(tightenPunctuation(symbols, crop, DEFAULT_OCR_CELL_SETTINGS), crop, DEFAULT_OCR_CELL_SETTINGS) });
}

describe('brackets measured on the ink of real scans (AR PL SungtiL GB, 200 dpi, skewed and noisy)', () => {
  it('reads （ and ） where the neighbours’ boxes run over the white space beside them (参赛（展演）学生)', async () => {
    // 赛 is boxed up to 7 pixels from the （ that 18 white columns part it from; ） is boxed over 学's white.
    const crop = await fixtureCrop('brackets-full-width-boxed-over-their-white.png');
    const read = excerptSymbols(
      [['，', 213, 233, 78, 118, 0], ['参', 230, 277, 82, 106, 0], ['赛', 265, 288, 78, 118, 0], ['(', 295, 301, 84, 106, 0], ['展', 304, 327, 83, 106, 0], ['演', 329, 361, 83, 106, 0], [')', 358, 371, 78, 118, 0], ['学', 379, 485, 83, 107, 0], ['生', 420, 438, 78, 118, 0], ['人', 438, 463, 78, 118, 0], ['次', 463, 486, 78, 118, 0]],
      210,
      77,
    );
    const out = decideOnInk(read, crop);
    expect(texts(out)).toBe('，参赛（展演）学生人次');
    expect(out.filter((s) => s.doubt)).toEqual([]);
    // The boxes alone say half width, and wrongly.
    expect(texts(decidePunctuationWidth({ symbols: read }))).toBe('，参赛(展演)学生人次');
  });

  it('measures within the bracket’s own height, where the line’s boxes reach the line below (程（海龙…）', async () => {
    const crop = await fixtureCrop('bracket-line-boxes-reaching-the-next-line.png');
    const read = excerptSymbols(
      [['程', 17, 40, 295, 319, 0], ['(', 58, 63, 298, 317, 0], ['海', 67, 115, 295, 319, 0], ['龙', 118, 290, 295, 319, 0], ['围', 130, 156, 291, 331, 0], ['片', 155, 181, 291, 331, 0], ['区', 180, 201, 291, 331, 0], ['九', 200, 228, 291, 331, 0], ['年', 228, 256, 291, 331, 0], ['一', 255, 278, 291, 331, 0], ['贯', 278, 293, 291, 331, 0],
        ['制', 17, 39, 326, 349, 1], ['学', 53, 65, 326, 350, 1], ['校', 78, 90, 326, 350, 1], ['新', 103, 115, 326, 350, 1], ['建', 128, 140, 326, 350, 1], ['项', 153, 165, 326, 349, 1], ['目', 175, 187, 327, 349, 1], [')', 194, 199, 328, 349, 1]],
      0,
      285,
    );
    expect(texts(decideOnInk(read, crop))).toBe('程（海龙围片区九年一贯制学校新建项目）');
  });

  it('measures the bracket, not the digit its box runs onto (预算值（100%）, WenQuanYi Zen Hei, Group 4)', async () => {
    // The （ box [897, 930] holds the 1 after it as well, whose ink is wider and overlaps the box more.
    const crop = await fixtureCrop('bracket-boxed-with-the-digit-after-it.png');
    const read = excerptSymbols(
      [['<', 747, 764, 352, 373, 0], ['预', 778, 802, 345, 378, 0], ['算', 804, 863, 344, 378, 0], ['值', 862, 893, 339, 393, 0], ['(', 897, 930, 349, 379, 0], ['1', 923, 941, 348, 379, 0], ['0', 932, 951, 348, 373, 0], ['0', 954, 972, 348, 373, 0], ['%', 974, 997, 348, 373, 0], [')', 1004, 1011, 349, 379, 0], [';', 1049, 1053, 355, 378, 0]],
      740,
      330,
    );
    expect(texts(decideOnInk(read, crop))).toBe('<预算值（100%）;');
  });

  it('keeps a half-width ) before 工, whose middle is a lone stem with white on either side (名班主任)工作室)', async () => {
    const crop = await fixtureCrop('bracket-half-width-before-the-stem-of-gong.png');
    const read = excerptSymbols(
      [['名', 284, 299, 84, 107, 0], ['班', 312, 327, 84, 107, 0], ['主', 329, 352, 84, 107, 0], ['任', 364, 377, 84, 107, 0], [')', 382, 386, 85, 106, 0], ['工', 399, 424, 83, 107, 0], ['作', 424, 439, 83, 107, 0], ['室', 449, 464, 84, 107, 0]],
      270,
      77,
    );
    const out = decideOnInk(read, crop);
    expect(texts(out)).toBe('名班主任)工作室');
    expect(out[4]!.doubt).toBeUndefined();
  });
});

describe('decidePunctuationWidth on white measured on the ink', () => {
  it('doubts half width that only the boxes’ gap says, where the partner’s spacing says nothing (荔湾区跨境电子商务(B2B出口)及)', () => {
    // The ( is boxed tight against 务 and the ) runs onto the line's end: nothing measured on the ink.
    const out = decidePunctuationWidth({ symbols: lines('跨境电子商务(B2B出口)', '及RCEP企业服务') });
    expect(texts(out)).toBe('跨境电子商务(B2B出口)及RCEP企业服务');
    expect(out.filter((s) => s.doubt).map((s) => [s.text, s.confidence])).toEqual([['(', 0.6], [')', 0.6]]);
    // Measured on the ink, half width stands undoubted, and so does its partner.
    const onInk = line('跨境电子商务(B2B出口)').map((s) => (s.text === '(' ? { ...s, white: { before: 2, after: 2, em: 40 } } : s));
    const measured = decidePunctuationWidth({ symbols: onInk });
    expect(texts(measured)).toBe('跨境电子商务(B2B出口)');
    expect(measured.filter((s) => s.doubt)).toEqual([]);
  });

  it('takes the measured white over the boxes’ gap, with its own thresholds', () => {
    const boxed = line('参赛(展演)学生');
    // The boxes touch (half width by their gap); the ink says otherwise, in ems of 24 px.
    const withWhite = (before: number, after: number) => boxed.map((s) => (/[()]/.test(s.text) ? { ...s, white: { before, after, em: 24 } } : s));
    expect(texts(decidePunctuationWidth({ symbols: withWhite(18, 18) }))).toBe('参赛（展演）学生');
    expect(texts(decidePunctuationWidth({ symbols: withWhite(4, 4) }))).toBe('参赛(展演)学生');
    // In between (0.42 em): nothing decided, the pair doubted.
    expect(decidePunctuationWidth({ symbols: withWhite(10, 10) }).filter((s) => s.doubt).length).toBe(2);
    // One bracket measured on its ink, its partner only by its box's gap: the ink decides both.
    const oneOnInk = boxed.map((s) => (s.text === '(' ? { ...s, white: { before: 18, after: 4, em: 24 } } : s));
    const read = decidePunctuationWidth({ symbols: oneOnInk });
    expect(texts(read)).toBe('参赛（展演）学生');
    expect(read.filter((s) => s.doubt)).toEqual([]);
  });

  it('takes no bracket for half width that has as much white inside as a full-width one outside (（ set mid-em)', () => {
    const boxed = line('参赛(展演)学生');
    // 0.17 em outside, 0.42 inside: WenQuanYi Micro Hei's （ and ）, which a half-width bracket's spacing outside misled.
    const midEm = boxed.map((s) => (s.text === '(' ? { ...s, white: { before: 4, after: 10, em: 24 } } : s.text === ')' ? { ...s, white: { before: 10, after: 4, em: 24 } } : s));
    const out = decidePunctuationWidth({ symbols: midEm });
    const doubted = out.filter((s) => s.doubt);
    expect(doubted.map((s) => s.text)).toEqual(['(', ')']);
    expect(doubted.every((s) => s.confidence < 0.9 && s.doubt!.includes('white inside it as well'))).toBe(true);
    // A ） that ends its line takes its partner's width, but not half width against its own white inside
    // (工程(二期) | in Micro Hei at 200 dpi, the （ spaced as half by its box).
    const atEnd = line('参赛(展演)').map((s) => (s.text === ')' ? { ...s, white: { before: 10, after: null, em: 24 } } : s));
    const closing = decidePunctuationWidth({ symbols: atEnd }).find((s) => s.text === ')')!;
    expect(closing.confidence).toBeLessThan(0.9);
    expect(closing.doubt).toContain('white inside it as well');
  });
});

describe('semicolons measured on the ink of real scans', () => {
  it('reads ； where most of an em of white follows the ink (Noto Serif CJK SemiBold, 300 dpi: 业务培训；对辖区)', async () => {
    const crop = await fixtureCrop('semicolon-full-width-read-as-half-serif-semibold.png');
    const read = excerptSymbols(
      [['务', 22, 71, 165, 198, 3], ['培', 73, 111, 165, 198, 3], ['训', 114, 124, 165, 198, 3], [';', 135, 139, 175, 200, 3], ['对', 174, 217, 165, 198, 3], ['辖', 216, 252, 161, 213, 3], ['区', 237, 268, 166, 198, 3]],
      0,
      150,
    );
    const out = decideOnInk(read, crop);
    expect(texts(out)).toBe('务培训；对辖区');
    expect(out[3]!.repair).toBe('OCR read ;, the white after its ink shows ；');
    expect(out.filter((s) => s.doubt)).toEqual([]);
    // The boxes alone decide nothing: the ; is doubted.
    expect(decidePunctuationWidth({ symbols: read }).filter((s) => s.doubt).map((s) => s.text)).toEqual([';']);
  });

  it('doubts a half-width ; that follows its character closely, and leaves it as read (Noto Serif CJK Medium, 300 dpi: 核查;定期)', async () => {
    const crop = await fixtureCrop('semicolon-half-width-between-characters-serif-medium.png');
    const read = excerptSymbols(
      [['核', 20, 55, 513, 548, 5], ['查', 59, 93, 514, 547, 5], [';', 97, 103, 526, 551, 5], ['定', 108, 143, 513, 548, 5], ['期', 145, 369, 513, 548, 5], ['组', 201, 238, 509, 562, 5], ['织', 237, 275, 509, 562, 5]],
      0,
      500,
    );
    const out = decideOnInk(read, crop);
    expect(texts(out)).toBe('核查;定期组织');
    expect(out.filter((s) => s.doubt).map((s) => [s.text, s.confidence])).toEqual([[';', 0.6]]);
  });

  it('reads ； where the ink stands in the middle of its em, white on both sides (WenQuanYi Zen Hei, 300 dpi: 内容；建设)', async () => {
    // OCR boxed the ; over the white on both sides of its ink.
    const crop = await fixtureCrop('semicolon-full-width-centred-zenhei.png');
    const read = excerptSymbols(
      [['销', 19, 174, 562, 600, 6], ['等', 77, 115, 558, 617, 6], ['内', 114, 152, 558, 617, 6], ['容', 151, 178, 558, 617, 6], [';', 178, 236, 575, 600, 6], ['建', 236, 294, 562, 600, 6], ['设', 297, 318, 564, 600, 6], ['农', 317, 355, 558, 617, 6], ['业', 336, 373, 562, 597, 6]],
      10,
      548,
    );
    const out = decideOnInk(read, crop);
    expect(texts(out)).toBe('销等内容；建设农业');
    expect(out[4]!.repair).toMatch(/as a centred ； does/);
    expect(out.filter((s) => s.doubt)).toEqual([]);
    const { before, after, em } = out[4]!.white!;
    expect(Math.min(before!, after!) / em).toBeGreaterThanOrEqual(DEFAULT_SEMICOLON_WHITE.centred);
  });

  it('doubts a half-width ; with a third of an em of white on both sides, and leaves it as read (AR PL KaitiM GB, 300 dpi: 培训;督促)', async () => {
    const crop = await fixtureCrop('semicolon-half-width-with-white-on-both-sides-kaitim.png');
    const read = excerptSymbols(
      [['计', 24, 56, 209, 240, 4], ['员', 69, 87, 209, 241, 4], ['业', 108, 131, 211, 238, 4], ['务', 140, 191, 208, 241, 4], ['培', 211, 225, 209, 236, 4], ['训', 223, 242, 209, 240, 4], [';', 253, 291, 208, 241, 4], ['督', 285, 317, 209, 238, 4], ['促', 314, 412, 209, 239, 4], ['企', 360, 391, 203, 250, 4], ['业', 390, 414, 203, 250, 4]],
      10,
      197,
    );
    const out = decideOnInk(read, crop);
    expect(texts(out)).toBe('计员业务培训;督促企业');
    expect(out.filter((s) => s.doubt).map((s) => [s.text, s.confidence])).toEqual([[';', 0.6]]);
    const { before, after, em } = out[6]!.white!;
    expect(Math.min(before!, after!) / em).toBeGreaterThan(0.25);
  });

  it('finds the ink of a ; whose box Tesseract set over the white after it (Noto Serif CJK SemiBold, 300 dpi: 稳定运行；维护)', async () => {
    // The ; is boxed at [284, 295], ten columns right of its ink, over white only.
    const crop = await fixtureCrop('semicolon-boxed-beside-its-ink-serif-semibold.png');
    // Three lines, so that the em the white is measured by is the cell's (33 px), not a tall box's.
    const read = excerptSymbols(
      [
        ['急', 23, 75, 483, 516, 2], ['管', 74, 110, 477, 529, 2], ['理', 93, 146, 484, 516, 2], ['局', 145, 179, 477, 529, 2], ['及', 178, 197, 484, 516, 2], ['2', 207, 217, 486, 513, 2], ['2', 221, 238, 486, 513, 2], ['条', 246, 286, 483, 516, 2], ['街', 285, 309, 484, 516, 2], ['道', 311, 367, 483, 515, 2], ['互', 366, 396, 477, 529, 2], ['联', 382, 416, 483, 516, 2],
        ['互', 22, 91, 530, 562, 3], ['通', 93, 103, 554, 563, 3], ['、', 109, 139, 526, 578, 3], ['稳', 128, 281, 530, 565, 3], ['定', 177, 213, 526, 578, 3], ['运', 213, 256, 530, 565, 3], ['行', 255, 285, 526, 578, 3], [';', 284, 295, 526, 578, 3], ['维', 305, 355, 530, 563, 3], ['护', 350, 409, 530, 563, 3], ['卫', 385, 412, 526, 578, 3],
        ['星', 23, 55, 578, 609, 4], ['电', 71, 105, 577, 609, 4], ['话', 104, 138, 577, 610, 4], ['、', 142, 172, 573, 625, 4], ['超', 171, 197, 577, 610, 4], ['短', 210, 246, 577, 610, 4], ['波', 243, 268, 577, 610, 4], ['电', 285, 303, 577, 609, 4], ['台', 307, 348, 577, 610, 4], ['、', 347, 383, 573, 625, 4], ['单', 376, 409, 577, 610, 4],
      ],
      0,
      470,
    );
    const out = decideOnInk(read, crop);
    expect(texts(out.filter((s) => s.line === 3))).toBe('互通、稳定运行；维护卫');
    expect(out.find((s) => s.text === '；')!.white).toEqual({ before: 7, after: 24, em: 33 });
    expect(out.filter((s) => s.doubt)).toEqual([]);
  });

  it('takes for a semicolon’s ink only a narrow run that parts in two below the line’s top', () => {
    // A 40-row line: a stroke from its top (a character's narrow part) at columns 10-13, a ; (dot and tail) at 30-33.
    const crop: Crop = { left: 0, top: 0, width: 60, height: 40, data: new Uint8Array(60 * 40).fill(255), ink: { x0: 0, y0: 0, x1: 59, y1: 39 } };
    const ink = (x0: number, x1: number, y0: number, y1: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) crop.data[y * 60 + x] = 0;
    };
    ink(10, 14, 2, 38);
    expect(semicolonInkNear(crop, { y0: 0, y1: 40 }, 16, 20, 33, 128)).toBeNull();
    ink(30, 34, 12, 17);
    ink(30, 34, 24, 35);
    expect(semicolonInkNear(crop, { y0: 0, y1: 40 }, 16, 20, 33, 128)).toEqual({ x0: 30, x1: 34, y0: 12, y1: 35 });
    // Beyond half an em of the box, nothing is taken.
    expect(semicolonInkNear(crop, { y0: 0, y1: 40 }, 0, 4, 20, 128)).toBeNull();
  });

  it('decides ； on the measured white alone, and only between two characters of a line', () => {
    const withWhite = (layout: string, before: number, after: number) => line(layout).map((s) => (s.text === ';' ? { ...s, white: { before, after, em: 33 } } : s));
    expect(texts(decidePunctuationWidth({ symbols: withWhite('稳定运行;维护', 7, 26) }))).toBe('稳定运行；维护');
    // A half-width ; (0.24 em after it), and one whose box Tesseract set off its ink (white before, little after).
    expect(texts(decidePunctuationWidth({ symbols: withWhite('稳定运行;维护', 8, 8) }))).toBe('稳定运行;维护');
    expect(texts(decidePunctuationWidth({ symbols: withWhite('稳定运行;维护', 25, 3) }))).toBe('稳定运行;维护');
    // Before a number (a list's separator, the grammar's) nothing is decided.
    expect(texts(decidePunctuationWidth({ symbols: withWhite('数量指标;11', 7, 26) }))).toBe('数量指标;11');
  });
});

describe('commas measured on the ink of real scans', () => {
  it('reads a comma that stands in the middle of its em as full width (BabelStone Han, 300 dpi: 改造，实现)', async () => {
    // OCR read , with a box of one column; the stage first gives such a lost symbol the room between its neighbours.
    const crop = await fixtureCrop('comma-full-width-centred-babelstone.png');
    const read = excerptSymbols(
      [['表', 22, 54, 502, 535, 0], ['到', 63, 89, 502, 535, 0], ['户', 102, 123, 502, 535, 0], ['改', 141, 181, 502, 535, 0], ['造', 180, 210, 498, 550, 0], [',', 210, 248, 528, 535, 0], ['实', 248, 282, 502, 535, 0], ['现', 278, 315, 502, 535, 0], ['供', 320, 353, 503, 535, 0]],
      0,
      488,
    );
    const out = decideOnInk(read, crop);
    expect(texts(out)).toBe('表到户改造，实现供');
    expect(out[5]!.repair).toMatch(/stands apart from both characters beside it/);
    // The boxes alone do not decide a comma.
    expect(texts(decidePunctuationWidth({ symbols: read }))).toBe('表到户改造,实现供');
  });

  it('keeps a half-width comma that follows its character closely (WenQuanYi Zen Hei, 300 dpi: 方案,开展)', async () => {
    const crop = await fixtureCrop('comma-half-width-between-characters-zenhei.png');
    const read = excerptSymbols(
      [['监', 495, 523, 70, 102, 0], ['测', 523, 548, 69, 103, 0], ['方', 566, 584, 68, 102, 0], ['案', 587, 619, 68, 103, 0], [',', 626, 629, 94, 103, 0], ['开', 633, 666, 71, 102, 0], ['展', 669, 701, 70, 102, 0]],
      480,
      58,
    );
    const out = decideOnInk(read, crop);
    expect(texts(out)).toBe('监测方案,开展');
    expect(out.filter((s) => s.repair || s.doubt)).toEqual([]);
  });

  it('counts a comma between digits as grouping, not as a comma of the text beside a full-width one (2,150平方米，…)', () => {
    const read = decidePunctuationWidth({ symbols: line('2,150平方米，全面') });
    expect(read.filter((s) => s.doubt)).toEqual([]);
    const mixed = decidePunctuationWidth({ symbols: line('消除,设施，延长') });
    expect(mixed.filter((s) => s.doubt).map((s) => s.text)).toEqual([',', '，']);
  });

  it('writes the commas of a cell in the width that outnumbers the other two to one, every one of them still doubted', () => {
    // 防控，开展 among commas read , (a Chromium goal of the development scans): the ， is likely misread.
    const read = decidePunctuationWidth({ symbols: lines('防控，开展监测,加强', '建设,组织演练,提高能力') });
    expect(texts(read)).toBe('防控,开展监测,加强建设,组织演练,提高能力');
    expect(read.find((s) => s.repair)).toMatchObject({ text: ',', repair: "OCR read ，, where 3 of the cell's 4 commas are ,: a cell is written in one style" });
    expect(read.filter((s) => s.text === ',').every((s) => s.confidence < 0.9 && s.doubt)).toBe(true);
    // The other way round, and the thousands' comma of 1,000 counts for neither.
    expect(texts(decidePunctuationWidth({ symbols: line('年综合1,000吨，开展,对重点，严格') }))).toBe('年综合1,000吨，开展，对重点，严格');
    // Nor is a comma with a digit beside it written in the style: it may be a number's (≥15,.000人).
    expect(texts(decidePunctuationWidth({ symbols: line('≥15,.000人，开展，对重点，严格') }))).toBe('≥15,.000人，开展，对重点，严格');
    // Two to three is no style: both stay as read, doubted.
    const even = decidePunctuationWidth({ symbols: line('政策,保障，举办,开展，推动，提升') });
    expect(texts(even)).toBe('政策,保障，举办,开展，推动，提升');
    expect(even.filter((s) => s.repair)).toEqual([]);
  });
});

describe('mergeBracketsReadTwice', () => {
  /** Symbols of one line 44 px high, given as [text, x0, x1]. */
  const boxes = (symbols: [string, number, number][]): WidthDecidedSymbol[] => symbols.map(([text, x0, x1]) => ({ text, confidence: 0.93, x0, y0: 0, x1, y1: 44, word: 0, line: 0 }));

  it('makes one bracket of two read over one （ (FandolSong\'s 台〈(套, boxes as Tesseract gave them), and full width from its 〈', () => {
    const merged = mergeBracketsReadTwice(boxes([['台', 458, 486], ['〈', 503, 511], ['(', 508, 529], ['套', 528, 549], [')', 556, 564]]));
    expect(texts(merged)).toBe('台〈套)');
    expect(merged[1]).toMatchObject({ x0: 503, x1: 529, repair: 'OCR read 〈( where one opening bracket stands' });
    const decided = decidePunctuationWidth({ symbols: merged });
    expect(texts(decided)).toBe('台（套）');
    expect(decided[1]!.repair).toBe('OCR read 〈( where one opening bracket stands, a full-width （');
    // 《〈 over one （ (BabelStone Han's 防洪《〈潮), 7 px apart: the 〈 is kept.
    expect(texts(mergeBracketsReadTwice(boxes([['洪', 22, 54], ['《', 78, 86], ['〈', 93, 101], ['潮', 105, 140]])))).toBe('洪〈潮');
  });

  it('keeps two brackets an em apart, and a 《 after （ unless it all but touches it: （《 opens a bracketed title', () => {
    expect(texts(mergeBracketsReadTwice(boxes([['见', 0, 44], ['（', 66, 74], ['（', 110, 118], ['一', 120, 164]])))).toBe('见（（一');
    expect(texts(mergeBracketsReadTwice(boxes([['见', 0, 44], ['（', 66, 74], ['《', 84, 94], ['法', 96, 140]])))).toBe('见（《法');
    expect(texts(mergeBracketsReadTwice(boxes([['表', 0, 44], ['〈', 50, 74], ['《', 65, 83], ['含', 96, 140]])))).toBe('表〈含');
  });
});
