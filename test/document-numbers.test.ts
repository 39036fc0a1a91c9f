import { describe, expect, it } from 'vitest';
import { DOCUMENT_NUMBER_CONFIDENCE, repairDocumentNumbers } from '../extractors/text/document-numbers.js';
import { ocrReadText, placedText } from './helpers/builders.js';

describe('repairDocumentNumbers', () => {
  it.each([
    ['the 〔 read as （ and the 〕 as ] (FandolHei)', '》（财预（2020] 10号）要求', '》（财预〔2020〕10号）要求'],
    ['both read as half-width square brackets (FandolHei, FandolFang)', '（荔财规[2023]2号）执行', '（荔财规〔2023〕2号）执行'],
    ['the 〔 read as 【', '符合财预【2020] 10号文', '符合财预〔2020〕10号文'],
    ['the 〔 lost (FandolFang at 200 dpi)', '符合财预2020] 10号文', '符合财预〔2020〕10号文'],
    ['the 〕 read as 1 after a 〔', '符合财预〔2020110号文', '符合财预〔2020〕10号文'],
  ])('writes a year between 〔 and 〕 where %s, in doubt', (_, read, want) => {
    const t = repairDocumentNumbers(ocrReadText(read));
    expect(t.text).toBe(want);
    const at = t.text.indexOf('〔');
    expect(t.boxes[at]?.confidence).toBe(DOCUMENT_NUMBER_CONFIDENCE);
    expect(t.boxes[at]?.repair).toMatch(/document number's year/);
    expect(t.boxes).toHaveLength(t.text.length);
  });

  it.each([
    ['a number read right', '财预〔2020〕10号'],
    ['a year in brackets with no serial and 号 after it (a book title)', '《广州统计年鉴（2025）》'],
    ['a year before 年', '2024年10号台风'],
    ['a count, no year', '办理（1500）件'],
    ['a year not after a Chinese character', '（2020）10号'],
    ['a 1 after a year with no 〔-like mark before it', '财预2020110号'],
  ])('leaves %s alone', (_, read) => {
    expect(repairDocumentNumbers(ocrReadText(read)).text).toBe(read);
  });

  it('never touches a text layer', () => {
    const t = placedText('荔财规[2023]2号');
    expect(repairDocumentNumbers(t)).toBe(t);
  });
});
