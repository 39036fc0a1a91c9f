import { describe, expect, it } from 'vitest';
import { RANGE_MARK_READ_DOUBT, readRangeMarks } from '../extractors/raster/range-marks.js';
import type { Crop, MarkedSymbol } from '../extractors/raster/ocr-read.js';

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
