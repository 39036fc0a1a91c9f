import { describe, expect, it } from 'vitest';
import { dropPercentCircles, PERCENT_CIRCLE_CONFIDENCE } from '../extractors/raster/percent-circle.js';
import type { MarkedSymbol } from '../extractors/raster/ocr-read.js';

/** Symbols of one line as Tesseract boxed them: [text, x0, x1] (pixels of the padded read). */
function line(read: [string, number, number][]): MarkedSymbol[] {
  return read.map(([text, x0, x1]) => ({ text, x0, x1, y0: 407, y1: 440, confidence: 0.97, word: 0, line: 7 }));
}

describe('dropPercentCircles', () => {
  it('drops the 9 read for the upper circle of a %, its box inside the box of the % (≥98.5% read ≥98.59%, Noto Serif CJK Bold, 300 dpi)', () => {
    const read = line([['9', 118, 139], ['8', 143, 164], ['.', 169, 175], ['5', 181, 202], ['9', 206, 219], ['%', 206, 243]]);
    const out = dropPercentCircles(read);
    expect(out.map((s) => s.text).join('')).toBe('98.5%');
    const percent = out[out.length - 1]!;
    expect(percent.confidence).toBeLessThanOrEqual(PERCENT_CIRCLE_CONFIDENCE);
    expect(percent.repair).toMatch(/box of 9 lies inside the box of the %/);
  });

  it('keeps the 9 after a small value, which may be a ‰ read as 9% (低于0.5‰ read 低于0.59%)', () => {
    const read = line([['0', 143, 164], ['.', 169, 175], ['5', 181, 202], ['9', 206, 219], ['%', 206, 243]]);
    expect(dropPercentCircles(read)).toEqual(read);
  });

  it('keeps a digit boxed beside the % (59%), though the boxes overlap a little', () => {
    const read = line([['5', 181, 202], ['9', 204, 224], ['%', 220, 252]]);
    expect(dropPercentCircles(read)).toEqual(read);
  });

  it('keeps any other digit so boxed: the % box reaches back over the 0 of 40% as well', () => {
    const read = line([['4', 181, 202], ['0', 206, 222], ['%', 206, 243]]);
    expect(dropPercentCircles(read)).toEqual(read);
  });

  it('keeps a digit whose box the % box covers only from its middle on', () => {
    const read = line([['5', 181, 202], ['9', 206, 226], ['%', 214, 250]]);
    expect(dropPercentCircles(read)).toEqual(read);
  });
});
