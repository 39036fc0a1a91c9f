import { describe, expect, it } from 'vitest';
import { decidePunctuationWidth, type WidthDecidedSymbol } from '../extractors/raster/punctuation-width.js';

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

  it('never leaves 〈, which OCR reads for （', () => {
    expect(texts(decidePunctuationWidth({ symbols: line('作用__〈是/否)') }))).toBe('作用（是/否）');
    expect(texts(decidePunctuationWidth({ symbols: line('〈是/否)') }))).toBe('（是/否)');
  });

  it('makes straight quotes curly in turn with the curly ones read, and doubts quotes that do not pair up', () => {
    expect(texts(decidePunctuationWidth({ symbols: line('新纳入“四上"企业') }))).toBe('新纳入“四上”企业');
    expect(decidePunctuationWidth({ symbols: line('一起益企"小企业大未来"') }).filter((s) => s.doubt)).toEqual([]);
    const odd = decidePunctuationWidth({ symbols: line('“一月一链一起益企“小企业大未来”') });
    expect(odd.filter((s) => s.doubt).length).toBe(3);
    const dropped = decidePunctuationWidth({ symbols: line('新纳入“四上“企业') });
    expect(dropped.filter((s) => /do not pair up/.test(s.doubt ?? '')).map((s) => s.text)).toEqual(['“', '“']);
  });
});
