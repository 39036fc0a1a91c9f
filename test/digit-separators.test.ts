import { describe, expect, it } from 'vitest';
import { readDigitSeparators, separatorInk } from '../extractors/raster/digit-separators.js';
import { DISPUTED_DOUBT, type Crop, type MarkedSymbol } from '../extractors/raster/ocr-read.js';
import { inkCrop } from './helpers/builders.js';
import { DEFAULT_OCR_CELL_SETTINGS, secondRead } from '../extractors/raster/ocr-cells.js';
import type { OcrResult } from '../extractors/ocr/ocr-engine.js';

const SETTINGS = { padding: 10, inkThreshold: 140, agreedConfidence: 0.95 };

/**
 * One line 44 px high: two digits 14 px wide and 28 px tall (rows 6–33, foot at row 34) at x 10 and x 34, and
 * between them a 4 × 4 px dot on the foot (rows 30–33) with, for a comma, a tail 2 px wide down to row `tailTo`.
 */
function line(tailTo?: number): Crop {
  return inkCrop(60, 44, [[10, 24, 6, 34], [34, 48, 6, 34], [27, 31, 30, 34], ...(tailTo !== undefined ? [[28, 30, 34, tailTo] as const] : [])]);
}

/** The read, boxes in the padded frame: the middle symbol disputed, the other model having read `other` for it. */
function read(middle: string, other: string, extra: Partial<MarkedSymbol> = {}): MarkedSymbol[] {
  const p = SETTINGS.padding;
  const box = (text: string, x0: number, x1: number): MarkedSymbol => ({ text, confidence: 0.97, x0: x0 + p, x1: x1 + p, y0: 6 + p, y1: 34 + p, word: 0, line: 0 });
  const disputed = { ...box(middle, 25, 33), confidence: 0.5, doubt: `${DISPUTED_DOUBT}: one read ${middle}, the other ${other || 'nothing'}`, otherReading: other, ...extra };
  return [box('4', 10, 24), disputed, box('8', 34, 48)];
}

describe('separatorInk', () => {
  it('measures a comma’s tail below the digits’ foot, and a point sitting on it, as shares of the digits’ height', () => {
    expect(separatorInk(read(',', '.'), 1, line(39), SETTINGS)).toEqual({ tail: 5 / 28, rise: 4 / 28, width: 4 / 28 });
    expect(separatorInk(read(',', '.'), 1, line(), SETTINGS)).toEqual({ tail: 0, rise: 4 / 28, width: 4 / 28 });
  });

  it('finds no mark where the ink between the digits touches one of them', () => {
    const crop = line(39);
    for (let x = 24; x < 27; x++) crop.data[31 * crop.width + x] = 0;
    expect(separatorInk(read(',', '.'), 1, crop, SETTINGS)).toBeNull();
  });
});

describe('readDigitSeparators', () => {
  it('keeps a comma the other model read as a point when its ink has a comma’s tail (4,800 against 4.800)', () => {
    const [, comma] = readDigitSeparators(read(',', '.'), line(39), SETTINGS);
    expect(comma).toMatchObject({ text: ',', confidence: 0.95, confirmed: true });
    expect(comma!.doubt).toBeUndefined();
    expect(comma!.otherReading).toBeUndefined();
    expect(comma!.repair).toBe("the other OCR model read . for this comma between digits; its ink has a comma's tail");
  });

  it('keeps one the other model did not read at all (4,800 against 4800)', () => {
    const [, comma] = readDigitSeparators(read(',', ''), line(39), SETTINGS);
    expect(comma).toMatchObject({ text: ',', confidence: 0.95 });
    expect(comma!.repair).toMatch(/read nothing for this comma/);
  });

  it('leaves the dispute where the ink is a point’s, or its tail too short to tell', () => {
    expect(readDigitSeparators(read(',', '.'), line(), SETTINGS)[1]).toMatchObject({ confidence: 0.5, otherReading: '.' });
    // 2 px below the foot of 28 px digits: as little as a point measures in some faces.
    expect(readDigitSeparators(read(',', '.'), line(36), SETTINGS)[1]).toMatchObject({ confidence: 0.5, otherReading: '.' });
  });

  it('leaves other disputes alone: another reading, a point read by the first model, a comma that groups no thousands', () => {
    expect(readDigitSeparators(read(',', '1'), line(39), SETTINGS)[1]!.doubt).toMatch(/one read ,, the other 1/);
    expect(readDigitSeparators(read('.', ','), line(39), SETTINGS)[1]!.doubt).toMatch(/one read \., the other ,/);
    const lookalike = read(',', '.', { lookalike: ', between digits that groups no thousands' });
    expect(readDigitSeparators(lookalike, line(39), SETTINGS)[1]!.confidence).toBe(0.5);
  });

  it('leaves a comma whose neighbour is disputed too: the dispute is then about more than the comma', () => {
    const symbols = read(',', '.');
    symbols[2] = { ...symbols[2]!, confidence: 0.5, otherReading: '6' };
    expect(readDigitSeparators(symbols, line(39), SETTINGS)[1]!.confidence).toBe(0.5);
  });

  it('confirms a target\'s thousands comma the other model read as a point (2,430 against 2.430: a target prints two decimals at most), not elsewhere', () => {
    // The first model's read, a line 44 px high, second-read by the other model, then checked here; the cell's ink
    // shows no comma's tail (a white crop: the comma's ink too faint to measure).
    const firstRead = (symbols: [string, number, number, number?][]) => ({
      text: symbols.map((x) => x[0]).join(''),
      confidence: 0.8,
      symbols: symbols.map(([text, x0, x1, confidence = 0.8]): MarkedSymbol => ({ text, x0, x1, y0: 0, y1: 44, confidence, word: 0, line: 0 })),
    });
    const other = (text: string): OcrResult => ({ text, confidence: 0.9, symbols: [] });
    const white = inkCrop(260, 64, []);
    const settle = (symbols: [string, number, number, number?][], otherText: string) => readDigitSeparators(secondRead(firstRead(symbols), other(otherText)).symbols, white, SETTINGS);
    const target = (...digits: string[]): [string, number, number, number?][] => [['值', 0, 44], [':', 46, 54], ['2', 56, 76], [',', 78, 84, 0.7], ...digits.map((d, k): [string, number, number] => [d, 86 + 22 * k, 106 + 22 * k]), ['个', 200, 244]];
    const sure = settle(target('4', '3', '0'), '值:2.430个');
    expect(sure[3]).toMatchObject({ text: ',', confidence: DEFAULT_OCR_CELL_SETTINGS.agreedConfidence, confirmed: true });
    expect(sure[3]!.doubt).toBeUndefined();
    // A comma OCR placed nowhere (a zero-width box): its ink is not measured, the format still tells.
    const lostRead = firstRead(target('4', '3', '0'));
    lostRead.symbols[3] = { ...lostRead.symbols[3]!, lost: true };
    expect(readDigitSeparators(secondRead(lostRead, other('值:2.430个')).symbols, white, SETTINGS)[3]).toMatchObject({ text: ',', confirmed: true });
    // Before two digits the point may be right (2.43); before four, the mark groups no thousands: the dispute stands.
    expect(settle(target('4', '3'), '值:2.43个')[3]!.confidence).toBe(0.5);
    expect(settle(target('4', '3', '0', '0'), '值:2.4300个')[3]!.confidence).toBe(0.5);
    // In prose (a goal: no label's colon before it) a number may have three decimals.
    const prose: [string, number, number, number?][] = [['约', 0, 44], ['2', 56, 76], [',', 78, 84, 0.7], ['4', 86, 106], ['3', 108, 128], ['0', 130, 150], ['个', 200, 244]];
    expect(settle(prose, '约2.430个')[2]!.confidence).toBe(0.5);
  });
});
