/**
 * A second read by the other chi_sim model: agreement raises a symbol's confidence, disagreement caps it, and a
 * character the first model split in two is put back together.
 */
import { describe, expect, it } from 'vitest';
import { amountReadAgain, markSuspects, secondRead } from '../extractors/raster/ocr-cells.js';
import type { MarkedResult, MarkedSymbol } from '../extractors/raster/ocr-read.js';
import type { OcrResult } from '../extractors/ocr/ocr-engine.js';

/** A line 44 px high: symbols given as [text, x0, x1]. */
function read(symbols: [string, number, number, number?][]): MarkedResult {
  const marked: MarkedSymbol[] = symbols.map(([text, x0, x1, confidence = 0.8]) => ({ text, x0, x1, y0: 0, y1: 44, confidence, word: 0, line: 0 }));
  return { text: symbols.map((s) => s[0]).join(''), confidence: 0.8, symbols: marked };
}
const other = (text: string): OcrResult => ({ text, confidence: 0.9, symbols: [] });

describe('secondRead', () => {
  it('confirms what both models read and doubts what they read differently', () => {
    const out = secondRead(read([['孕', 0, 44], ['产', 46, 90], ['妇', 92, 136]]), other('孚产妇'));
    expect(out.symbols.map((s) => [s.text, s.confidence, s.doubt ?? null])).toEqual([
      ['孕', 0.5, 'two OCR models read these characters differently: one read 孕, the other 孚'],
      ['产', 0.95, null],
      ['妇', 0.95, null],
    ]);
  });

  it('keeps % its own confidence where the other model read digits for it (96, 94: its habit), and nothing else', () => {
    const out = secondRead(read([['≥', 0, 22], ['9', 24, 44], ['0', 46, 66], ['%', 68, 100, 0.97]]), other('≥9096'));
    expect(out.symbols.map((s) => [s.text, s.confidence, s.doubt ?? null])).toEqual([
      ['≥', 0.95, null],
      ['9', 0.95, null],
      ['0', 0.95, null],
      ['%', 0.97, null],
    ]);
    // Where % and a digit before it are both in dispute, or the other model read a letter, the dispute stands.
    expect(secondRead(read([['9', 0, 20], ['%', 22, 54, 0.97]]), other('8o')).symbols.map((s) => s.confidence)).toEqual([0.5, 0.5]);
  });

  it('joins a character split in two (是/否 read 是/和否: the rest of 否 beside a long / read as 和), as the other model read it', () => {
    // 和 and 否 are 15 and 18 px wide, together about one em of 44 px.
    const out = secondRead(read([['是', 0, 44], ['/', 46, 60], ['和', 62, 77], ['否', 76, 94], [')', 96, 104]]), other('是/否)'));
    expect(out.symbols.map((s) => s.text).join('')).toBe('是/否)');
    expect(out.symbols[2]!.repair).toBe('和否 read where the ink is one character wide, and the other model read 否 alone');
    expect(out.symbols.every((s) => s.confidence === 0.95)).toBe(true);
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
  it('marks a colon whose box swallowed its comparator, and the one symbol after it, not the rest of the line', () => {
    const marked = markSuspects(read([['值', 0, 40, 0.99], [':', 44, 70, 0.99], ['2', 72, 94, 0.95], ['0', 96, 118, 0.99], ['人', 120, 160, 0.99]]));
    expect(marked.symbols.map((s) => Boolean(s.swallowed))).toEqual([false, true, true, false, false]);
  });
});
