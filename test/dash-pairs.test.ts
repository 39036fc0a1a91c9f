import { describe, expect, it } from 'vitest';
import { readDashPairs } from '../extractors/raster/dash-pairs.js';
import type { MarkedSymbol } from '../extractors/raster/ocr-read.js';
import { excerptSymbols, fixtureCrop } from './helpers/ocr-fixtures.js';
import { inkCrop } from './helpers/builders.js';

const SETTINGS = { padding: 10, inkThreshold: 140 };
const text = (symbols: readonly MarkedSymbol[]) => symbols.map((s) => s.text).join('');

describe('readDashPairs', () => {
  it('reads one 一 whose ink is a flat stroke two ems long as the dash pair —— (Noto Sans CJK SC, 300 dpi)', async () => {
    const read = excerptSymbols([['一', 23, 92, 580, 582, 11], ['《', 115, 131, 563, 598, 11], ['关', 135, 169, 564, 598, 11], ['于', 172, 205, 566, 598, 11], ['荔', 218, 254, 563, 598, 11], ['湾', 255, 281, 563, 598, 11]], 15, 551);
    const out = readDashPairs(read, await fixtureCrop('dash-pair-read-as-one-sans.png'), SETTINGS);
    expect(text(out)).toBe('——《关于荔湾');
    expect(out[0]).toMatchObject({ repair: 'OCR read 一, its ink is one flat stroke two ems long: ——', confidence: 0.95 });
  });

  it('reads 一一 as —— where the two strokes are pieces of one, broken by the scan (FandolSong, 200 dpi, levelled)', async () => {
    const read = excerptSymbols([['作', 47, 74, 403, 431, 7], ['报', 86, 132, 403, 431, 7], ['告', 134, 143, 406, 428, 7], ['》', 142, 171, 399, 444, 7], ['一', 170, 205, 416, 418, 7], ['一', 224, 238, 403, 431, 7], ['向', 252, 267, 404, 429, 7], ['区', 266, 289, 399, 444, 7], ['人', 288, 307, 403, 429, 7], ['大', 311, 335, 403, 430, 7], ['常', 347, 365, 403, 431, 7]], 39, 387);
    const out = readDashPairs(read, await fixtureCrop('dash-pair-broken-stroke-fandolsong.png'), SETTINGS);
    expect(text(out)).toBe('作报告》——向区人大常');
    expect(out.filter((s) => s.repair)).toHaveLength(2);
  });

  it('leaves the character 一 alone, its stroke an em long (一级预算)', async () => {
    const read = excerptSymbols([['一', 22, 56, 432, 435, 8], ['级', 73, 111, 417, 451, 8], ['预', 111, 131, 418, 451, 8], ['算', 135, 190, 416, 451, 8], ['单', 210, 221, 417, 451, 8], ['位', 220, 244, 416, 449, 8]], 14, 404);
    const out = readDashPairs(read, await fixtureCrop('dash-pair-not-one-sans.png'), SETTINGS);
    expect(out).toEqual(read);
  });

  it('leaves 一一 alone where white parts the two strokes (一一对应), and a run of three', () => {
    // Em 20: 甲 and 乙 as blocks, two strokes an em long each with 0.3 em of white between them.
    const block = (x: number) => [x, x + 20, 10, 30] as const;
    const crop = inkCrop(200, 40, [block(0), [24, 44, 19, 21], [50, 70, 19, 21], block(76)]);
    const symbols = [sym('甲', 0, 20), sym('一', 24, 44), sym('一', 50, 70), sym('乙', 76, 96)];
    expect(text(readDashPairs(symbols, crop, { ...SETTINGS, padding: 0 }))).toBe('甲一一乙');
    // Joined, the same strokes are a dash pair.
    const joined = inkCrop(200, 40, [block(0), [24, 70, 19, 21], block(76)]);
    expect(text(readDashPairs(symbols, joined, { ...SETTINGS, padding: 0 }))).toBe('甲——乙');
    const three = [sym('甲', 0, 20), sym('一', 24, 39), sym('一', 40, 55), sym('一', 56, 70), sym('乙', 76, 96)];
    expect(text(readDashPairs(three, joined, { ...SETTINGS, padding: 0 }))).toBe('甲一一一乙');
  });

  it('leaves a 一 between two numbers to the range marks (2025一2027)', () => {
    const crop = inkCrop(200, 40, [[0, 20, 10, 30], [24, 70, 19, 21], [76, 96, 10, 30], [100, 120, 10, 30]]);
    const symbols = [sym('5', 0, 20), sym('一', 24, 70), sym('2', 76, 96), sym('年', 100, 120)];
    expect(text(readDashPairs(symbols, crop, { ...SETTINGS, padding: 0 }))).toBe('5一2年');
  });
});

function sym(t: string, x0: number, x1: number): MarkedSymbol {
  return { text: t, confidence: 0.95, x0, x1, y0: 10, y1: 30, word: 0, line: 0 };
}
