import { describe, expect, it } from 'vitest';
import type { Crop, MarkedSymbol } from '../extractors/raster/ocr-read.js';
import { readSemicolonDots } from '../extractors/raster/semicolon-dots.js';
import { inkCrop } from './helpers/builders.js';

const SETTINGS = { padding: 10, inkThreshold: 140 };

/**
 * One line 44 px high: two characters 24 px wide and 28 px tall (rows 6–33) at x 10 and x 52, and between them, at
 * x 38–41, the strokes of a mark `[y0, y1]` each.
 */
function line(strokes: readonly (readonly [number, number])[], markX = 38): Crop {
  return inkCrop(90, 44, [[10, 34, 6, 34], [52, 76, 6, 34], ...strokes.map(([y0, y1]) => [markX, markX + 4, y0, y1] as const)]);
}

/** The read, boxes in the padded frame; the mark's box runs over the white after it, as Tesseract's do. */
function read(mark: string, before = '助', after = '围'): MarkedSymbol[] {
  const p = SETTINGS.padding;
  const box = (text: string, x0: number, x1: number): MarkedSymbol => ({ text, confidence: 0.98, x0: x0 + p, x1: x1 + p, y0: 6 + p, y1: 34 + p, word: 0, line: 0 });
  return [box(before, 10, 34), box(mark, 40, 50), box(after, 52, 76)];
}

const DOT_OVER_COMMA = [[14, 18], [24, 37]] as const;

describe('readSemicolonDots', () => {
  it('reads a ， whose ink is a dot over a comma as ； (资助；围绕 read 资助，围绕 by both models), with the repair noted', () => {
    const out = readSemicolonDots(read('，'), line(DOT_OVER_COMMA), SETTINGS);
    expect(out.map((s) => s.text).join('')).toBe('助；围');
    expect(out[1]!.repair).toBe('OCR read ，, the dot above its ink shows ；');
  });

  it('reads a half-width , so as ;, for the width checks after it to decide', () => {
    expect(readSemicolonDots(read(','), line(DOT_OVER_COMMA), SETTINGS)[1]!.text).toBe(';');
  });

  it('leaves a comma of one stroke a comma', () => {
    const out = readSemicolonDots(read('，'), line([[24, 37]]), SETTINGS);
    expect(out[1]).toEqual(read('，')[1]);
  });

  it('leaves a dot over a stroke that stands against the next character alone: a part of it (the 冫 of 次), not a mark', () => {
    expect(readSemicolonDots(read('，'), line(DOT_OVER_COMMA, 46), SETTINGS)[1]!.text).toBe('，');
  });

  it('leaves a comma that is not between two Chinese characters alone (a number’s)', () => {
    expect(readSemicolonDots(read('，', '5', '1'), line(DOT_OVER_COMMA), SETTINGS)[1]!.text).toBe('，');
  });

  it('does not take the line below for part of the mark: a character’s box that runs into it is not what the rows come from', () => {
    // 围's box runs 20 px below its ink, over a quote mark of the next line under the mark's columns; 助's fits.
    const crop = inkCrop(90, 70, [[10, 34, 6, 34], [52, 76, 6, 34], [38, 42, 14, 18], [38, 42, 24, 37], [37, 43, 52, 58]]);
    const symbols = read('，').map((s) => (s.text === '围' ? { ...s, y1: s.y1 + 20 } : s));
    expect(readSemicolonDots(symbols, crop, SETTINGS)[1]!.text).toBe('；');
  });
});
