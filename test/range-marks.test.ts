import { describe, expect, it } from 'vitest';
import { RANGE_MARK_READ_DOUBT, readRangeMarks } from '../extractors/raster/range-marks.js';
import type { Crop, MarkedSymbol } from '../extractors/raster/ocr-read.js';
import { excerptSymbols, fixtureCrop } from './helpers/ocr-fixtures.js';

const SETTINGS = { padding: 10, inkThreshold: 140 };
const P = SETTINGS.padding;
/** The em of the synthetic line: its Chinese characters are 40 px tall. */
const EM = 40;

type Mark = 'flat' | 'wave';

/**
 * A line of symbols drawn as ink: Chinese characters as 40 × 40 blocks, digits as 20 × 28 blocks, and the mark
 * between the numbers as a 3 px stroke `length` px long in the middle of the line (flat, or a wave of ±4 px),
 * `room` px from the digit before it to the digit after it. Symbol boxes are in the padded frame.
 */
function drawn(text: string, mark: { kind: Mark; length: number; room: number; read: string; rangeMark?: boolean }): { crop: Crop; symbols: MarkedSymbol[] } {
  const width = 600;
  const height = 60;
  const data = new Uint8Array(width * height).fill(255);
  const fill = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * width + x] = 0;
  };
  const symbols: MarkedSymbol[] = [];
  const symbol = (t: string, x0: number, x1: number, y0: number, y1: number, extra: Partial<MarkedSymbol> = {}) =>
    symbols.push({ text: t, confidence: 0.95, x0: x0 + P, x1: x1 + P, y0: y0 + P, y1: y1 + P, word: 0, line: 0, ...extra });
  let x = 5;
  for (const ch of text) {
    if (ch === '|') {
      // The mark: centred in its room.
      const x0 = x + Math.round((mark.room - mark.length) / 2);
      for (let dx = 0; dx < mark.length; dx++) {
        const y = 30 + (mark.kind === 'wave' ? Math.round(4 * Math.sin((2 * Math.PI * dx) / mark.length)) : 0);
        fill(x0 + dx, y - 1, x0 + dx + 1, y + 2);
      }
      symbol(mark.read, x0, x0 + mark.length, 28, 33, mark.rangeMark ? { rangeMark: true } : {});
      x += mark.room;
    } else if (/[0-9%]/.test(ch)) {
      fill(x, 16, x + 20, 44);
      symbol(ch, x, x + 20, 16, 44);
      x += 22;
    } else {
      fill(x, 10, x + EM, 10 + EM);
      symbol(ch, x, x + EM, 10, 10 + EM);
      x += EM + 4;
    }
  }
  return { crop: { left: 0, top: 0, width, height, data, ink: { x0: 0, y0: 0, x1: width - 1, y1: height - 1 } }, symbols };
}

const read = (d: { crop: Crop; symbols: MarkedSymbol[] }) => readRangeMarks(d.symbols, d.crop, SETTINGS);
const text = (symbols: MarkedSymbol[]) => symbols.map((s) => s.text).join('');

describe('readRangeMarks', () => {
  it('reads a 一 between two numbers whose ink is a flat stroke in an em of room as —, still in doubt', () => {
    const out = read(drawn('开放时间9|21时', { kind: 'flat', length: 36, room: 44, read: '一', rangeMark: true }));
    expect(text(out)).toBe('开放时间9—21时');
    const mark = out.find((s) => s.text === '—')!;
    expect([mark.rangeMark, mark.lookalike, mark.repair]).toEqual([false, RANGE_MARK_READ_DOUBT, 'OCR read 一 between two numbers, its ink is a flat stroke an em long: —']);
  });

  it('reads a dash that a face draws short as —, by the em of room it takes (2025年—2027年)', () => {
    expect(text(read(drawn('期限5|2年', { kind: 'flat', length: 12, room: 40, read: '一', rangeMark: true })))).toBe('期限5—2年');
  });

  it('reads a wave as ～ in an em of room and as ~ in half of one', () => {
    expect(text(read(drawn('年龄0|6岁', { kind: 'wave', length: 26, room: 42, read: '一', rangeMark: true })))).toBe('年龄0～6岁');
    expect(text(read(drawn('年龄0|6岁', { kind: 'wave', length: 14, room: 22, read: '-' })))).toBe('年龄0~6岁');
    expect(text(read(drawn('年龄0|6岁', { kind: 'wave', length: 26, room: 42, read: '~' })))).toBe('年龄0～6岁');
  });

  it('leaves a hyphen read as - alone, and a short flat 一 in half an em of room undecided', () => {
    const hyphen = read(drawn('每日2|3次', { kind: 'flat', length: 10, room: 18, read: '-' }));
    expect(text(hyphen)).toBe('每日2-3次');
    expect(hyphen.every((s) => s.repair === undefined && s.lookalike === undefined)).toBe(true);
    const undecided = read(drawn('每日2|3次', { kind: 'flat', length: 10, room: 18, read: '一', rangeMark: true }));
    expect(text(undecided)).toBe('每日2一3次');
    expect(undecided.find((s) => s.text === '一')!.rangeMark).toBe(true);
  });

  it('leaves a - that is not between two numbers alone (1-产出指标)', () => {
    const d = drawn('年度1|产出', { kind: 'wave', length: 14, room: 22, read: '-' });
    expect(text(read(d))).toBe('年度1-产出');
  });
});

describe('readRangeMarks (FandolSong, whose ～ is Computer Modern’s: a small wave at the digits’ tops)', () => {
  it('reads the wave where it stands, as high as the digits, not clipped flat to a dash (200～3,000元/件, 300 dpi)', async () => {
    const crop = await fixtureCrop('tilde-at-the-digits-tops-fandolsong.png');
    const read = excerptSymbols(
      [['值', 23, 71, 1116, 1156, 20], [':', 77, 94, 1120, 1148, 20], ['2', 98, 115, 1120, 1149, 20], ['0', 107, 126, 1107, 1166, 20], ['0', 118, 135, 1120, 1149, 20], ['-', 149, 167, 1120, 1124, 20], ['3', 181, 198, 1120, 1149, 20], [',', 198, 213, 1144, 1156, 20], ['0', 213, 230, 1120, 1149, 20], ['0', 234, 251, 1120, 1149, 20], ['0', 255, 393, 1116, 1158, 20], ['元', 288, 322, 1107, 1166, 20], ['/', 321, 362, 1107, 1166, 20], ['件', 361, 407, 1107, 1166, 20], ['。', 422, 429, 1120, 1151, 20], ['7', 422, 440, 1120, 1149, 20], ['、', 447, 454, 1143, 1151, 20], ['2', 484, 501, 1120, 1148, 20], ['-', 503, 532, 1120, 1151, 20], ['效', 531, 558, 1115, 1156, 20], ['益', 572, 613, 1116, 1155, 20], ['指', 620, 640, 1116, 1155, 20]],
      15,
      1099,
    );
    const out = readRangeMarks(read, crop, SETTINGS);
    expect(text(out)).toBe('值:200～3,000元/件。7、2-效益指');
    expect(out.find((s) => s.text === '～')!.lookalike).toBe(RANGE_MARK_READ_DOUBT);
  });

  it('reads a closing quote between two numbers by its ink too: no number stands after a quote (200”3,000 in the Group 4 scan)', async () => {
    const crop = await fixtureCrop('tilde-read-as-a-closing-quote-fandolsong-g4.png');
    const read = excerptSymbols(
      [['标', 24, 86, 1059, 1100, 19], ['值', 86, 118, 1074, 1092, 19], [':', 118, 135, 1064, 1092, 19], ['2', 130, 148, 1055, 1110, 19], ['0', 139, 156, 1064, 1093, 19], ['0', 160, 177, 1064, 1093, 19], ['”', 198, 209, 1064, 1068, 19], ['3', 223, 240, 1064, 1093, 19], [',', 240, 255, 1088, 1100, 19], ['0', 255, 272, 1064, 1093, 19], ['0', 276, 293, 1064, 1093, 19], ['0', 297, 433, 1060, 1102, 19], ['元', 329, 361, 1055, 1110, 19], ['/', 360, 395, 1055, 1110, 19], ['件', 394, 430, 1055, 1110, 19], ['；', 429, 443, 1055, 1110, 19], ['年', 477, 500, 1060, 1099, 19], ['度', 521, 564, 1060, 1099, 19], ['指', 565, 610, 1060, 1099, 19], ['标', 602, 626, 1062, 1098, 19]],
      16,
      1047,
    );
    const out = readRangeMarks(read, crop, SETTINGS);
    expect(text(out)).toBe('标值:200～3,000元/件；年度指标');
    expect(out.find((s) => s.text === '～')!.repair).toMatch(/^OCR read ” between two numbers, its ink is a wave/);
  });
});
