import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assessTextLayer, isCommonHan, normalizeCodePoint, normalizeText } from '../extractors/text/normalize.js';
import { runToGlyphs } from '../extractors/pdf/text-layer.js';

const SEED = fileURLToPath(new URL('./fixtures/seed/000_f899a0809e88c676.txt', import.meta.url));
const cp = (s: string) => s.codePointAt(0)!;

/** CJK-looking noise, as a font without a usable ToUnicode map yields it. */
const NOISE = '浅䮺㧻⛆厵㨔䮺㳓崴ꉅ⣷搸仇㧻⎤浅䮺ꉆ斴檴⣙亼ꉗ㍋㊪㋎堠䍊⠆⠷䧫';

describe('normalizeCodePoint and normalizeText', () => {
  it('maps Kangxi radicals to the ordinary ideographs', () => {
    expect(normalizeText('\u2F63\u2F6C\u2F8F\u2F2F')).toBe('生目行工');
    expect(normalizeText('项⽬名称')).toBe('项目名称');
    expect(normalizeCodePoint(0x2f63)).toBe('生');
  });

  it('maps CJK radical supplement forms to the ordinary ideographs', () => {
    expect(normalizeText('\u2ED4\u2EA0\u2EC5')).toBe('门民见');
    expect(normalizeText('部⻔名称')).toBe('部门名称');
  });

  it('maps CJK compatibility ideographs to the unified ones', () => {
    expect(normalizeCodePoint(0xf900)).toBe('\u8C48'); // 豈 → 豈
    expect(normalizeCodePoint(0x2f800)).toBe('\u4E3D');
  });

  it('maps full-width digits and Latin letters to ASCII, so amounts and codes parse', () => {
    expect(normalizeText('２１，９４７．１４')).toBe('21，947．14');
    expect(normalizeText('０１２３４５６７８９')).toBe('0123456789');
    expect(normalizeText('ＩＳＯｘ')).toBe('ISOx');
  });

  it('keeps full-width punctuation as the document wrote it', () => {
    const punctuation = '；（）：，。％、－';
    expect(normalizeText(punctuation)).toBe(punctuation);
    for (const ch of punctuation) expect(normalizeCodePoint(cp(ch))).toBe(ch);
  });

  it('writes the Chinese dash as the em dash, whichever of the two GB 2312 mappings the text layer used', () => {
    expect(normalizeText('发现\u2015派遣\u2015\u2015处置')).toBe('发现\u2014派遣\u2014\u2014处置');
    expect(normalizeText('发现—派遣')).toBe('发现—派遣');
  });

  it('writes the tilde of a range as the full-width tilde where a ToUnicode map gave the wave dash (30%〜40%)', () => {
    expect(normalizeText('30%\u301c40%')).toBe('30%\uff5e40%');
  });

  it('turns NBSP and other odd spaces into a plain space, but keeps the ideographic space', () => {
    expect(normalizeText('总计\u00A0100')).toBe('总计 100');
    expect(normalizeText('a\u2002b\u202Fc\u205Fd')).toBe('a b c d');
    expect(normalizeText('项目\u3000名称')).toBe('项目\u3000名称');
  });

  it('removes zero-width characters, BOM and soft hyphens', () => {
    expect(normalizeText('\uFEFF合\u200B计\u200C\u200D\u00AD\u2060')).toBe('合计');
    expect(normalizeCodePoint(0x200b)).toBe('');
  });

  it('leaves ordinary text, ASCII and characters outside the BMP unchanged', () => {
    const text = '1、1-产出指标；实施周期指标值:≥12次 R&D 𠀀';
    expect(normalizeText(text)).toBe(text);
  });

  it('maps every code point to at most one character, so positions can be carried through', () => {
    for (const c of [0x2f00, 0x2fd5, 0x2ed4, 0xff10, 0xff41, 0xa0, 0xf900, 0x2f800]) {
      expect([...normalizeCodePoint(c)]).toHaveLength(1);
    }
  });
});

describe('assessTextLayer', () => {
  it('finds the seed text usable, with no suspect characters and common Chinese characters only', () => {
    const q = assessTextLayer(readFileSync(SEED, 'utf8'));
    expect(q.usable).toBe(true);
    expect(q.reason).toBeUndefined();
    expect(q.suspectShare).toBe(0);
    expect(q.commonHanShare).toBeGreaterThan(0.95);
    expect(q.hanShare).toBeGreaterThan(0.5);
  });

  it('rejects text full of U+FFFD, saying why', () => {
    const q = assessTextLayer('\uFFFD'.repeat(50) + '项目名称');
    expect(q.usable).toBe(false);
    expect(q.reason).toMatch(/replacement or private-use code points/);
    expect(q.reason).toMatch(/93% of 54 characters/);
  });

  it('rejects text full of private-use code points, saying why', () => {
    const q = assessTextLayer('\uE000\uE001\uF8FF'.repeat(20) + '项目名称合计');
    expect(q.usable).toBe(false);
    expect(q.suspectShare).toBeCloseTo(60 / 66, 6);
    expect(q.reason).toMatch(/unreadable: 91% of 66 characters are replacement or private-use code points/);
  });

  it('rejects CJK-looking noise made mostly of rare ideographs, saying only few are common', () => {
    const q = assessTextLayer(NOISE.repeat(5));
    expect(q.usable).toBe(false);
    expect(q.commonHanShare).toBeLessThan(0.7);
    expect(q.reason).toMatch(/only 16% of 95 Chinese characters are common ones/);
  });

  it('rejects a page with no text, or only white space', () => {
    for (const text of ['', ' \n\t\u3000 ']) {
      const q = assessTextLayer(text);
      expect(q.usable).toBe(false);
      expect(q.characters).toBe(0);
      expect(q.reason).toBe('the page has no text layer');
    }
  });

  it('rejects text with too many characters foreign to such a table (Yi syllables)', () => {
    const q = assessTextLayer('项目名称合计' + 'ꉅ'.repeat(3));
    expect(q.usable).toBe(false);
    expect(q.reason).toMatch(/code points foreign to the table/);
  });

  it('counts Kangxi radicals as the ideographs they stand for', () => {
    const q = assessTextLayer('⽣⽬⾏⼯'.repeat(10));
    expect(q.usable).toBe(true);
    expect(q.hanShare).toBe(1);
    expect(q.commonHanShare).toBe(1);
  });

  it('knows the common characters of GB 2312 level 1 from rare ones', () => {
    expect(isCommonHan('项')).toBe(true);
    expect(isCommonHan('啊')).toBe(true);
    expect(isCommonHan('䮺')).toBe(false);
  });
});

describe('simplified forms of radicals', () => {
  it('maps Kangxi radicals whose NFKC form is traditional to the simplified character (⼾ → 户, ⾨ → 门, ⾺ → 马)', () => {
    expect(normalizeText('财政专⼾拨款')).toBe('财政专户拨款');
    expect(normalizeText('⾨⾺⾴⾞')).toBe('门马页车');
  });

  it('maps radical supplements that Chromium writes for Noto Sans CJK SC glyphs (⻣ → 骨, ⻔ → 门, ⺠ → 民, ⻓ → 长, ⻝ → 食)', () => {
    expect(normalizeText('⻣干教师、部⻔、⼈⺠、⻓期、⻝品')).toBe('骨干教师、部门、人民、长期、食品');
  });
});

describe('runToGlyphs: glyphs without a Unicode value', () => {
  // An identity viewport: PDF user space as it is.
  const viewport = { convertToViewportPoint: (x: number, y: number) => [x, y] };
  const run = (str: string, width: number) => ({ str, transform: [9, 0, 0, 9, 100, 200], width, height: 9 });

  it('reads a run of one unmapped glyph a third of an em wide as a space (the space of Chromium\'s Type 3 web fonts)', () => {
    expect(runToGlyphs(run('\u0001', 3), viewport, 1).map((g) => g.char)).toEqual([' ']);
  });

  it('keeps an unmapped glyph as wide as a character as it is, for assessTextLayer to count', () => {
    expect(runToGlyphs(run('\u0001', 9), viewport, 1).map((g) => g.char)).toEqual(['\u0001']);
    expect(runToGlyphs(run('\u0001\u0002', 6), viewport, 1).map((g) => g.char)).toEqual(['\u0001', '\u0002']);
  });
});
