/**
 * A second read by the other chi_sim model: agreement raises a symbol's confidence, disagreement caps it, and a
 * character the first model split in two is put back together.
 */
import { describe, expect, it } from 'vitest';
import { amountReadAgain, DEFAULT_OCR_CELL_SETTINGS, markSuspects, secondRead } from '../extractors/raster/ocr-cells.js';
import { DEFAULT_REVIEW_THRESHOLD } from '../pipeline/types.js';
import type { MarkedResult, MarkedSymbol } from '../extractors/raster/ocr-read.js';
import type { OcrResult } from '../extractors/ocr/ocr-engine.js';
import { createLexicon } from '../extractors/text/lexicon.js';

/** A line 44 px high: symbols given as [text, x0, x1]. */
function read(symbols: [string, number, number, number?][]): MarkedResult {
  const marked: MarkedSymbol[] = symbols.map(([text, x0, x1, confidence = 0.8]) => ({ text, x0, x1, y0: 0, y1: 44, confidence, word: 0, line: 0 }));
  return { text: symbols.map((s) => s[0]).join(''), confidence: 0.8, symbols: marked };
}
const other = (text: string): OcrResult => ({ text, confidence: 0.9, symbols: [] });

describe('secondRead', () => {
  it('marks a symbol before which the other model read a character the first read nothing for (家庭医生卜服务 against 上卜服务)', () => {
    const out = secondRead(read([['生', 0, 44, 0.97], ['卜', 46, 90, 0.96], ['服', 92, 136, 0.97]]), other('生上卜服'), undefined, createLexicon([]));
    expect(out.symbols.map((s) => [s.text, s.confirmed ?? false, s.otherReadBefore ?? null])).toEqual([
      ['生', true, null],
      ['卜', true, '上'],
      ['服', true, null],
    ]);
  });

  it('marks a character before which the other model read a ； between two characters (资助；围绕 against 资助围绕), and not after a level name (数量指标；), which the grammar puts back', () => {
    const marked = (first: [string, number, number, number?][], second: string) =>
      secondRead(read(first), other(second), undefined, createLexicon([])).symbols.filter((s) => s.otherReadBefore !== undefined).map((s) => `${s.otherReadBefore}>${s.text}`);
    expect(marked([['资', 0, 44, 0.98], ['助', 46, 90, 0.98], ['围', 92, 136, 0.98], ['绕', 138, 182, 0.98]], '资助;围绕')).toEqual([';>围']);
    expect(marked([['指', 0, 44, 0.98], ['标', 46, 90, 0.98], ['抽', 92, 136, 0.98], ['检', 138, 182, 0.98]], '指标；抽检')).toEqual([]);
    // A comma the other model read there is its own more often than not.
    expect(marked([['资', 0, 44, 0.98], ['助', 46, 90, 0.98], ['围', 92, 136, 0.98], ['绕', 138, 182, 0.98]], '资助，围绕')).toEqual([]);
  });

  it('doubts a unit’s letter after which the other model read a superscript’s shape (km against kmz: km² whose ² the m’s box took in), and not a letter after which it read anything else', () => {
    const first: [string, number, number, number?][] = [['4', 0, 20, 0.97], ['k', 22, 42, 0.97], ['m', 44, 76, 0.97], ['。', 90, 100, 0.97]];
    const out = secondRead(read(first), other('4kmz。'), undefined, createLexicon([])).symbols;
    expect(out[2]).toMatchObject({ text: 'm', doubt: 'the other OCR model read z after m: a ² or ³ may be lost' });
    expect(out[2]!.confidence).toBeLessThan(DEFAULT_REVIEW_THRESHOLD);
    expect(secondRead(read(first), other('4kmz:。'), undefined, createLexicon([])).symbols[2]!.doubt).toBe('the other OCR model read z: after m: a ² or ³ may be lost');
    expect(secondRead(read(first), other('4km，。'), undefined, createLexicon([])).symbols[2]!.doubt).toBeUndefined();
  });

  it('marks a digit read with little confidence, before which the other model read a glyph (60个 against 工60个), a sure one only after 之 or 尹, and not one after %', () => {
    const marked = (first: [string, number, number, number?][], second: string) =>
      secondRead(read(first), other(second), undefined, createLexicon([])).symbols.filter((s) => s.otherReadBefore !== undefined).map((s) => `${s.otherReadBefore}>${s.text}`);
    expect(marked([[':', 0, 10, 0.98], ['6', 12, 70, 0.21], ['0', 72, 90, 0.99], ['个', 92, 130, 0.98]], ':之60个')).toEqual(['之>6']);
    expect(marked([[':', 0, 10, 0.98], ['6', 12, 30, 0.97], ['0', 32, 50, 0.99], ['个', 52, 90, 0.98]], ':工60个')).toEqual([]);
    // 之 and 尹 are how the other model reads a ≥: before a digit they are marked however sure the digit
    // (insertComparatorsTheOtherModelRead decides what they stand for).
    expect(marked([[':', 0, 10, 0.98], ['6', 12, 30, 0.97], ['0', 32, 50, 0.99], ['个', 52, 90, 0.98]], ':之60个')).toEqual(['之>6']);
    expect(marked([[':', 0, 10, 0.98], ['6', 12, 30, 0.97], ['0', 32, 50, 0.99], ['个', 52, 90, 0.98]], ':尹60个')).toEqual(['尹>6']);
    // The other model's digit before % (98%) is its own misreading, and % was read surely.
    expect(marked([['9', 0, 18, 0.98], ['8', 20, 38, 0.98], ['%', 40, 60, 0.97]], '988%')).toEqual([]);
  });

  it('marks the character after a target\'s line-final digit where the other model read a digit more there (≤1 | 日 against ≤15日), and not after a level code (1 | 1-数量指标)', () => {
    const wrapped = (first: [string, number, number][], breakBefore: number): MarkedResult => {
      const r = read(first.map(([t, x0, x1]) => [t, x0, x1, 0.97]));
      return { ...r, symbols: r.symbols.map((sym, k) => (k >= breakBefore ? { ...sym, line: 1 } : sym)) };
    };
    const marked = (result: MarkedResult, second: string) =>
      secondRead(result, other(second), undefined, createLexicon([])).symbols.filter((s) => s.otherReadBefore !== undefined).map((s) => `${s.otherReadBefore}>${s.text}`);
    expect(marked(wrapped([['值', 0, 44], [':', 46, 56], ['≤', 58, 80], ['1', 82, 110], ['日', 0, 44]], 4), '值:≤15日')).toEqual(['5>日']);
    expect(marked(wrapped([['；', 0, 44], ['1', 46, 60], ['数', 0, 44], ['量', 46, 90]], 2), '；14数量')).toEqual([]);
  });

  it('marks a sure digit before which the other model read a colon after a digit (≤115 against ≤1:15: a ratio), and not one after anything else', () => {
    const marked = (first: [string, number, number, number?][], second: string) =>
      secondRead(read(first), other(second), undefined, createLexicon([])).symbols.filter((s) => s.otherReadBefore !== undefined).map((s) => `${s.otherReadBefore}>${s.text}`);
    expect(marked([['≤', 0, 20, 0.97], ['1', 22, 40, 0.85], ['1', 42, 60, 0.98], ['5', 62, 80, 0.98]], '≤1:15')).toEqual([':>1']);
    expect(marked([['值', 0, 44, 0.97], ['1', 46, 64, 0.98], ['5', 66, 84, 0.98]], '值:15')).toEqual([]);
  });

  it('confirms what both models read and doubts what they read differently (with a dictionary that knows no word)', () => {
    const out = secondRead(read([['孕', 0, 44], ['产', 46, 90], ['妇', 92, 136]]), other('孚产妇'), undefined, createLexicon([]));
    expect(out.symbols.map((s) => [s.text, s.confidence, s.doubt ?? null])).toEqual([
      ['孕', 0.5, 'two OCR models read these characters differently: one read 孕, the other 孚'],
      ['产', 0.95, null],
      ['妇', 0.95, null],
    ]);
  });

  describe('a dispute the dictionary decides (jieba’s words)', () => {
    it('names the dictionary’s word in the dispute where the first reading makes one and the other does not (孕产妇 against 孚产妇), and leaves it flagged', () => {
      // A cell the models disagree on holds more misreads than the dispute: the word vouches for one character only.
      const out = secondRead(read([['孕', 0, 44], ['产', 46, 90], ['妇', 92, 136]]), other('孚产妇'));
      expect(out.symbols.map((s) => [s.text, s.confidence, s.doubt ?? null])).toEqual([
        ['孕', 0.5, 'two OCR models read these characters differently: one read 孕, the other 孚; the dictionary has 孕产妇'],
        ['产', 0.95, null],
        ['妇', 0.95, null],
      ]);
    });

    it('takes the other reading where it makes a word and the first does not (覆盖率 against 履盖率), flagged', () => {
      const out = secondRead(read([['履', 0, 44], ['盖', 46, 90], ['率', 92, 136]]), other('覆盖率'));
      expect(out.symbols.map((s) => s.text).join('')).toBe('覆盖率');
      expect(out.symbols[0]).toMatchObject({ confidence: 0.85, repair: 'OCR read 履, the other OCR model 覆: the dictionary has 覆盖率' });
      expect(out.symbols[0]!.doubt).toBeUndefined();
    });

    it('gives what it takes 0.85 however sure or unsure the first model was of its misreading', () => {
      for (const sure of [0.97, 0.3]) {
        const out = secondRead(read([['履', 0, 44, sure], ['盖', 46, 90], ['率', 92, 136]]), other('覆盖率'));
        expect(out.symbols[0]!.confidence).toBe(0.85);
      }
    });

    it('leaves the dispute where neither reading makes a word and neither is much likelier (踊沥 against 踴瀝)', () => {
      const none = secondRead(read([['踊', 0, 44], ['沥', 46, 90]]), other('踴瀝'));
      const note = 'two OCR models read these characters differently: one read 踊沥, the other 踴瀝';
      expect(none.symbols.map((s) => [s.confidence, s.doubt ?? null])).toEqual([[0.5, note], [0.5, note]]);
    });
  });

  it('keeps % its own confidence where the other model read digits for it (96, 946: its habit) or a digit and $, # or X, and nothing else', () => {
    const out = secondRead(read([['≥', 0, 22], ['9', 24, 44], ['0', 46, 66], ['%', 68, 100, 0.97]]), other('≥9096'));
    expect(out.symbols.map((s) => [s.text, s.confidence, s.doubt ?? null])).toEqual([
      ['≥', 0.95, null],
      ['9', 0.95, null],
      ['0', 0.95, null],
      ['%', 0.97, null],
    ]);
    for (const habit of ['≥90946', '≥908$', '≥90X']) expect(secondRead(read([['≥', 0, 22], ['9', 24, 44], ['0', 46, 66], ['%', 68, 100, 0.97]]), other(habit)).symbols[3]!.confidence).toBe(0.97);
    // Where % and a digit before it are both in dispute, or the other model read a letter or a character, the
    // dispute stands: 妙 and 娃 were read for a ‰ the first model read as %.
    expect(secondRead(read([['9', 0, 20], ['%', 22, 54, 0.97]]), other('8o')).symbols.map((s) => s.confidence)).toEqual([0.5, 0.5]);
    expect(secondRead(read([['1', 0, 20], ['%', 22, 54, 0.97]]), other('1妙')).symbols[1]!.confidence).toBe(0.5);
  });

  it('keeps a 1 its own confidence where the other model read L, l, I or ] and the number goes on (L00%, L,200人次)', () => {
    const hundred = secondRead(read([['1', 0, 20, 0.96], ['0', 22, 42], ['0', 44, 64], ['%', 66, 96, 0.97]]), other('L00%'));
    expect(hundred.symbols.map((s) => [s.text, s.confidence, s.doubt ?? null])).toEqual([
      ['1', 0.96, null],
      ['0', 0.95, null],
      ['0', 0.95, null],
      ['%', 0.97, null],
    ]);
    for (const habit of ['l,200', 'I,200', '],200']) expect(secondRead(read([['1', 0, 20, 0.96], [',', 22, 26], ['2', 28, 48], ['0', 50, 70], ['0', 72, 92]]), other(habit)).symbols[0]!.doubt).toBeUndefined();
    // A letter after it: the 1 may be a unit's l (≥5lx read as ≥51x), and the dispute stands; so where the number
    // ends at the 1, or the other model read a digit.
    expect(secondRead(read([['5', 0, 20], ['1', 22, 30, 0.96], ['x', 32, 50]]), other('5lx')).symbols[1]!.confidence).toBe(0.5);
    expect(secondRead(read([['≥', 0, 20], ['1', 22, 30, 0.96], ['个', 32, 76]]), other('≥L个')).symbols[1]!.confidence).toBe(0.5);
    expect(secondRead(read([['1', 0, 20, 0.96], ['0', 22, 42], ['%', 44, 74]]), other('40%')).symbols[0]!.confidence).toBe(0.5);
  });

  it('joins a character split in two (是/否 read 是/和否: the rest of 否 beside a long / read as 和), as the other model read it', () => {
    // 和 and 否 are 15 and 18 px wide, together about one em of 44 px.
    const out = secondRead(read([['是', 0, 44], ['/', 46, 60], ['和', 62, 77], ['否', 76, 94], [')', 96, 104]]), other('是/否)'));
    expect(out.symbols.map((s) => s.text).join('')).toBe('是/否)');
    expect(out.symbols[2]!.repair).toBe('和否 read where the ink is one character wide, and the other model read 否 alone');
    // The joined character is a repair, left for the reviewer (the other model can drop a character: 经费 read
    // 经寓 and 经); the rest the two models agree on.
    expect(out.symbols.map((s) => s.confidence)).toEqual([0.95, 0.95, DEFAULT_OCR_CELL_SETTINGS.splitRepairConfidence, 0.95]);
    expect(DEFAULT_OCR_CELL_SETTINGS.splitRepairConfidence).toBeLessThan(DEFAULT_REVIEW_THRESHOLD);
  });

  it('joins no character split in two where the other model read a character of its own there, past a bracket the two read differently (表〈含转 against 表《仿转)', () => {
    // 含 and 转 are 19 and 14 px wide; the first read's 〈 is matched by nothing, nor the other's 《 and 仿.
    const out = secondRead(read([['表', 0, 44], ['〈', 50, 60], ['含', 70, 89], ['转', 90, 104], ['移', 106, 150]]), other('表《仿转移'));
    expect(out.symbols.map((s) => s.text).join('')).toBe('表〈含转移');
    expect(out.symbols[2]!.doubt).toMatch(/two OCR models read these characters differently/);
    // Where the other model read nothing beside the bracket, the split character is joined as before.
    expect(secondRead(read([['表', 0, 44], ['〈', 50, 60], ['含', 70, 89], ['转', 90, 104], ['移', 106, 150]]), other('表《转移')).symbols.map((s) => s.text).join('')).toBe('表〈转移');
  });

  it('takes the other model\'s ( for the 〈 the first read over a full-width （, and keeps the dispute the other way round', () => {
    const agreed = secondRead(read([['台', 0, 44], ['〈', 50, 60], ['套', 62, 106], [')', 108, 116]]), other('台(套)'));
    expect(agreed.symbols.map((s) => s.doubt)).toEqual([undefined, undefined, undefined, undefined]);
    expect(agreed.symbols[1]!.confidence).toBe(0.95);
    const disputed = secondRead(read([['台', 0, 44], ['(', 50, 60], ['套', 62, 106], [')', 108, 116]]), other('台〈套)'));
    expect(disputed.symbols[1]!.doubt).toBe('two OCR models read these characters differently: one read (, the other 〈');
  });

  it('keeps a character the other model left out when it is a character’s width', () => {
    const out = secondRead(read([['年', 0, 44], ['度', 46, 90], ['值', 92, 136]]), other('年值'));
    expect(out.symbols.map((s) => s.text).join('')).toBe('年度值');
    expect(out.symbols[1]!.confidence).toBe(0.5);
    expect(out.symbols[1]!.doubt).toBe('two OCR models read these characters differently: one read 度, the other nothing');
  });
});

describe('amountReadAgain', () => {
  it('confirms an amount read alike, and doubts every figure of one read otherwise, a dropped digit included', () => {
    const agreed = amountReadAgain(read([['4', 0, 20, 0.99], ['.', 22, 26], ['6', 28, 48, 0.92], ['2', 50, 70, 0.98]]), other('4.62'));
    expect(agreed.symbols.map((s) => s.confidence)).toEqual([0.99, 0.95, 0.95, 0.98]);
    const changed = amountReadAgain(read([['4', 0, 20, 0.99], ['.', 22, 26], ['0', 28, 48, 0.91], ['2', 50, 70, 0.98]]), other('4.62'));
    expect(changed.symbols.every((s) => s.confidence === 0.5 && s.doubt === 'two OCR models read these characters differently: one read 4.02, the other 4.62')).toBe(true);
    // Aligned character by character, 280.00 would be all confirmed by 1280.00: as a whole it is not.
    const dropped = amountReadAgain(read([['2', 0, 40], ['8', 42, 60], ['0', 62, 80]]), other('1280'));
    expect(dropped.symbols.every((s) => s.confidence === 0.5)).toBe(true);
  });

  it('leaves a box that holds two digits in doubt, however the other model reads', () => {
    const first = read([['2', 0, 60, 0.89], ['8', 62, 80]]);
    first.symbols[0]!.merged = true;
    const out = amountReadAgain(first, other('28'));
    expect(out.symbols[0]).toMatchObject({ confidence: 0.89, merged: true });
    expect(out.symbols[0]!.confirmed).toBeUndefined();
  });
});

describe('markSuspects', () => {
  it('marks 一 between two numbers as a possible range mark, at a line’s end too (9:00一 | 20:30), after a % (30%一40%), and not 一 in words', () => {
    const symbols = (texts: [string, number][]): MarkedSymbol[] => texts.map(([text, line], i) => ({ text, x0: i * 30, x1: i * 30 + 24, y0: line * 50, y1: line * 50 + 40, confidence: 0.98, word: 0, line }));
    const marks = (texts: [string, number][]) => markSuspects({ text: '', confidence: 0.98, symbols: symbols(texts) }).symbols.filter((s) => s.rangeMark).map((s) => s.text);
    expect(marks([['9', 0], [':', 0], ['0', 0], ['0', 0], ['一', 0], ['1', 0], ['7', 0]])).toEqual(['一']);
    expect(marks([['0', 0], ['0', 0], ['一', 0], ['2', 1], ['0', 1]])).toEqual(['一']);
    expect(marks([['3', 0], ['0', 0], ['%', 0], ['一', 0], ['4', 0], ['0', 0], ['%', 0]])).toEqual(['一']);
    expect(marks([['周', 0], ['一', 0], ['至', 0], ['周', 0], ['六', 0], ['9', 0]])).toEqual([]);
    // Between two years: 2025年—2027年.
    expect(marks([['2', 0], ['5', 0], ['年', 0], ['一', 0], ['2', 0], ['0', 0], ['2', 0], ['7', 0], ['年', 0]])).toEqual(['一']);
    expect(marks([['每', 0], ['年', 0], ['一', 0], ['1', 0], ['次', 0]])).toEqual([]);
  });

  it('marks I, V and X standing alone beside Chinese characters as a possible Roman numeral (地表水V类, III级), not in a Latin word', () => {
    const symbols = (texts: string[]): MarkedSymbol[] => texts.map((text, i) => ({ text, x0: i * 30, x1: i * 30 + 24, y0: 0, y1: 40, confidence: 0.98, word: 0, line: 0 }));
    const marked = (texts: string[]) => markSuspects({ text: '', confidence: 0.98, symbols: symbols(texts) }).symbols.filter((s) => s.lookalike).map((s) => s.text);
    expect(marked(['水', 'V', '类'])).toEqual(['V']);
    expect(marked(['I', 'I', 'I', '级', '泵'])).toEqual(['I', 'I', 'I']);
    expect(marked(['采', '用', 'C', 'C', 'T', 'V', '检'])).toEqual([]);
    expect(marked(['I', 'V', '1', '号'])).toEqual([]);
  });

  it('marks a comma between digits that groups no thousands as a possible middle dot or point (“3，15”), not 1,850 even when it wraps', () => {
    const symbols = (texts: [string, number][]): MarkedSymbol[] => texts.map(([text, line], i) => ({ text, x0: i * 30, x1: i * 30 + 24, y0: line * 50, y1: line * 50 + 40, confidence: 0.98, word: 0, line }));
    const marked = (texts: [string, number][]) => markSuspects({ text: '', confidence: 0.98, symbols: symbols(texts) }).symbols.filter((s) => s.lookalike).map((s) => s.text);
    expect(marked([['“', 0], ['3', 0], ['，', 0], ['1', 0], ['5', 0], ['”', 0]])).toEqual(['，']);
    expect(marked([['2', 0], [',', 0], ['5', 0], ['0', 0], ['0', 0], ['0', 0], ['人', 0]])).toEqual([',']);
    expect(marked([['1', 0], [',', 0], ['8', 0], ['5', 0], ['0', 0], ['批', 0]])).toEqual([]);
    // ≥3,50 | 0户次: the number wrapped to the next line, and its digits are counted on.
    expect(marked([['3', 0], [',', 0], ['5', 0], ['0', 0], ['0', 1], ['户', 1]])).toEqual([]);
    expect(marked([['率', 0], ['，', 0], ['1', 0], ['5', 0]])).toEqual([]);
  });

  it('marks 一 after a number before a Chinese character, = after a Chinese character and . between two (18:00一次日, 每周=12, 购.荔湾)', () => {
    const symbols = (texts: string[]): MarkedSymbol[] => texts.map((text, i) => ({ text, x0: i * 30, x1: i * 30 + 24, y0: 0, y1: 40, confidence: 0.98, word: 0, line: 0 }));
    const marked = (texts: string[]) => markSuspects({ text: '', confidence: 0.98, symbols: symbols(texts) }).symbols.filter((s) => s.lookalike).map((s) => `${s.text}: ${s.lookalike}`);
    expect(marked(['0', '0', '一', '次', '日'])).toEqual(['一: 一 after a number: a dash (—) reads as 一']);
    expect(marked(['周', '=', '1', '2'])).toEqual(['=: = after a Chinese character: 二 reads as =']);
    expect(marked(['购', '.', '荔'])).toEqual(['.: . between two Chinese characters: a middle dot (·) reads as a point']);
    // The numeral in words, a comparator after a colon or a bracket, a decimal point.
    expect(marked(['每', '年', '一', '次'])).toEqual([]);
    expect(marked(['值', ':', '=', '1'])).toEqual([]);
    expect(marked(['）', '=', '1'])).toEqual([]);
    expect(marked(['2', '.', '5', '万'])).toEqual([]);
  });

  it('marks a Chinese character boxed over two lines (指标 over 标 read as 和) and cuts its box back to its line', () => {
    // Line 0's characters are 35 px high; 和's box runs down over line 1 (82 px).
    const line0: MarkedSymbol[] = [['和', 21, 107, 206, 288], ['参', 134, 167, 206, 241], ['赛', 171, 205, 206, 241], ['学', 229, 261, 207, 242], ['生', 260, 280, 207, 240]].map(
      ([text, x0, x1, y0, y1]) => ({ text: text as string, x0: x0 as number, x1: x1 as number, y0: y0 as number, y1: y1 as number, confidence: 0.9, word: 0, line: 0 }),
    );
    const line1: MarkedSymbol[] = [['示', 32, 56, 255, 288], ['值', 70, 100, 255, 288], ['这', 136, 145, 254, 287]].map(
      ([text, x0, x1, y0, y1]) => ({ text: text as string, x0: x0 as number, x1: x1 as number, y0: y0 as number, y1: y1 as number, confidence: 0.95, word: 0, line: 1 }),
    );
    const marked = markSuspects({ text: '', confidence: 0.9, symbols: [...line0, ...line1] }).symbols;
    expect(marked[0]).toMatchObject({ text: '和', y0: 206, y1: 241, merged: true, spanning: true });
    expect(marked.slice(1).some((s) => s.spanning || s.merged)).toBe(false);
    // A second read agreeing on 和 does not clear it: what the box holds of either line is lost.
    const again = secondRead(markSuspects({ text: '', confidence: 0.9, symbols: [...line0, ...line1] }), other('和参赛学生示值这'));
    expect(again.symbols[0]).toMatchObject({ spanning: true, confirmed: true });
    // The line below may be a target's tail, with one Chinese character or none (:≥85%。).
    const tail: MarkedSymbol[] = [[':', 44, 47, 255, 268], ['之', 52, 82, 250, 271], ['8', 81, 93, 252, 270], ['5', 89, 101, 252, 270], ['%', 103, 115, 252, 270], ['。', 126, 134, 264, 272]].map(
      ([text, x0, x1, y0, y1]) => ({ text: text as string, x0: x0 as number, x1: x1 as number, y0: y0 as number, y1: y1 as number, confidence: 0.95, word: 0, line: 1 }),
    );
    expect(markSuspects({ text: '', confidence: 0.9, symbols: [...line0, ...tail] }).symbols[0]).toMatchObject({ spanning: true });
    // A box twice as tall as its line's characters that reaches over no other line's body is no sign of a misread
    // (LSTM boxes run up into the white above a cell's first line).
    const pitch = line0.map((s, i) => (i === 1 ? { ...s, y0: 170 } : s));
    expect(markSuspects({ text: '', confidence: 0.9, symbols: [...pitch.slice(1), ...tail] }).symbols.some((s) => s.spanning)).toBe(false);
  });


  it('marks a digit boxed as wide as two where no other digit was read in its box (10% for 100%, 905.72 for 1,905.72), not one whose box runs over the next digit’s (WenQuanYi Zen Hei Sharp: 186.40, 2,184.35)', () => {
    // Boxes as Tesseract gave them, pixels of the padded read: [text, x0, x1, y0, y1].
    const line = (boxes: [string, number, number, number, number][]) =>
      markSuspects({ text: '', confidence: 0.95, symbols: boxes.map(([text, x0, x1, y0, y1]) => ({ text, x0, x1, y0, y1, confidence: 0.95, word: 0, line: 0 })) }).symbols.filter((s) => s.merged).map((s) => s.text);
    expect(line([['1', 96, 117, 272, 298], ['8', 96, 152, 272, 298], ['6', 134, 152, 272, 298], ['.', 154, 158, 294, 298], ['4', 167, 187, 272, 298], ['0', 189, 209, 272, 298]])).toEqual([]);
    expect(line([['2', 58, 77, 53, 79], [',', 79, 83, 75, 84], ['1', 94, 119, 53, 84], ['8', 96, 153, 53, 79], ['4', 134, 154, 53, 84], ['.', 157, 161, 75, 79], ['3', 169, 189, 53, 84], ['5', 170, 208, 53, 79]])).toEqual([]);
    // The box of the first 0 takes in both 0s of 100%: nothing else was read in it.
    expect(line([['1', 20, 34, 0, 26], ['0', 36, 80, 0, 26], ['%', 82, 110, 0, 26]])).toEqual(['0']);
    // The 9's box reaches far left of the 0 read inside its right end: a digit's width of it holds nothing read.
    expect(line([['9', 61, 136, 53, 84], ['0', 124, 141, 53, 84], ['5', 136, 155, 53, 79], ['.', 156, 161, 75, 79], ['7', 171, 188, 53, 79], ['2', 189, 208, 53, 79]])).toEqual(['9']);
    // Two boxes over the same two glyphs do not clear each other.
    expect(line([['0', 36, 80, 0, 26], ['0', 36, 80, 0, 26]])).toEqual(['0', '0']);
  });

  it('marks a colon whose box swallowed its comparator, and the one symbol after it, not the rest of the line', () => {
    const marked = markSuspects(read([['值', 0, 40, 0.99], [':', 44, 70, 0.99], ['2', 72, 94, 0.95], ['0', 96, 118, 0.99], ['人', 120, 160, 0.99]]));
    expect(marked.symbols.map((s) => Boolean(s.swallowed))).toEqual([false, true, true, false, false]);
  });
});
