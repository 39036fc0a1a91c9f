import { describe, expect, it } from 'vitest';
import { glyphsToLines, glyphsToText, lineToText, linesToText, needsSpaceAtWrap } from '../extractors/table/cell-text.js';
import { concatTexts, sliceText, textPages, textToSources, trimText, unplacedText, type PositionedText } from '../extractors/text/positioned-text.js';
import { glyph, glyphRun, placedText } from './helpers/builders.js';

/** Every UTF-16 unit has a box or null: the two arrays stay the same length. */
function expectAligned(t: PositionedText): void {
  expect(t.boxes).toHaveLength(t.text.length);
}

describe('glyphsToLines', () => {
  it('groups glyphs into lines top to bottom, each left to right, whatever order they come in', () => {
    const top = glyphRun('绩效目标', 0, 0);
    const bottom = glyphRun('指标', 0, 14);
    const lines = glyphsToLines([bottom[1]!, top[2]!, top[0]!, bottom[0]!, top[3]!, top[1]!]);
    expect(lines.map((l) => l.map((g) => g.char).join(''))).toEqual(['绩效目标', '指标']);
  });

  it('keeps a glyph a little lower than its neighbours (a baseline shift) on their line', () => {
    const lines = glyphsToLines([...glyphRun('面积', 0, 0), glyph('2', 20, 2, 25, 12, { size: 10 })]);
    expect(lines.map((l) => l.map((g) => g.char).join(''))).toEqual(['面积2']);
  });

  it('counts a glyph drawn twice for fake bold once', () => {
    const bold = [glyph('合', 0, 0, 10, 10), glyph('合', 0.4, 0, 10.4, 10), glyph('计', 10, 0, 20, 10), glyph('计', 10.4, 0.2, 20.4, 10.2)];
    const lines = glyphsToLines(bold);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.map((g) => g.char).join('')).toBe('合计');
    expect(glyphsToText(bold).text).toBe('合计');
  });

  it('keeps the same character twice in a row when the two do not overlap (一一, 00)', () => {
    expect(glyphsToText(glyphRun('一一对应', 0, 0)).text).toBe('一一对应');
    expect(glyphsToText(glyphRun('1000', 0, 0, { advance: 5 })).text).toBe('1000');
  });
});

describe('lineToText', () => {
  it('puts a space where the gap between two runs is wider than the space gap', () => {
    const line = [...glyphRun('AB', 0, 0, { advance: 5, run: 0 }), ...glyphRun('CD', 20, 0, { advance: 5, run: 1 })];
    const t = lineToText(line);
    expect(t.text).toBe('AB CD');
    expect(t.boxes[2]).toBeNull();
    expectAligned(t);
  });

  it('puts no space between two runs that touch', () => {
    const line = [...glyphRun('项目', 0, 0, { run: 0 }), ...glyphRun('名称', 20.5, 0, { run: 1 })];
    expect(lineToText(line).text).toBe('项目名称');
  });

  it('puts no space inside one run, however wide its gaps (positions inside a run are estimates)', () => {
    const line = [glyph('A', 0, 0, 5, 10, { run: 7 }), glyph('B', 40, 0, 45, 10, { run: 7 })];
    expect(lineToText(line).text).toBe('AB');
  });

  it('never writes two spaces in a row: a drawn space and a wide gap give one', () => {
    const line = [
      ...glyphRun('R&D', 0, 0, { advance: 5, run: 0 }),
      glyph(' ', 15, 0, 18, 10, { run: 0 }),
      glyph(' ', 18, 0, 21, 10, { run: 1 }),
      ...glyphRun('center', 40, 0, { advance: 5, run: 2 }),
    ];
    const t = lineToText(line);
    expect(t.text).toBe('R&D center');
    expect(t.text).not.toMatch(/ {2}/);
    expectAligned(t);
  });

  it('drops a reported space where these tables hold none (8, 646. 47, ≥ 120, “ 穗好办” “粤省事”, T +1, 520T B), and keeps one between words', () => {
    // Chromium sets WenQuanYi Zen Hei Sharp's glyphs at their hinted widths at 9pt, and pdf.js reports the gaps as spaces.
    const spaced = (text: string) => {
      const parts = text.split(' ');
      return parts.flatMap((p, k) => [...glyphRun(p, k * 60, 0, { advance: 5, run: 0 }), ...(k < parts.length - 1 ? [glyph(' ', k * 60 + 50, 0, k * 60 + 52, 10, { run: 0 })] : [])]);
    };
    for (const [read, text] of [['8, 646. 47', '8,646.47'], ['≥ 120个', '≥120个'], ['“ 穗好办” “粤省事”', '“穗好办”“粤省事”'], ['T +1', 'T+1'], ['≥520T B', '≥520TB']]) {
      expect(lineToText(spaced(read!)).text).toBe(text);
    }
    expect(lineToText(spaced('City Walk')).text).toBe('City Walk');
    expect(lineToText(spaced('1, 2')).text).toBe('1,2');
  });

  it('never spaces two digits OCR read, however far apart: full-width digits (全区２２条, ２０２５年) stand an em apart', () => {
    // OCR boxes hug the ink: a full-width digit's ink is half its em, so the gap between two is half an em, over the
    // gap that makes a space between Latin letters; OCR also splits them into words of their own.
    const ocr = (char: string, x: number, run: number) => ({ ...glyph(char, x, 0, x + 5, 10, { run }), confidence: 0.95 });
    const line = [ocr('区', -12, 0), ocr('2', 0, 1), ocr('2', 10, 2), ocr('条', 20, 3)];
    line[0] = { ...line[0]!, x1: -2 };
    line[3] = { ...line[3]!, x1: 30 };
    expect(lineToText(line).text).toBe('区22条');
    // Letters so far apart are still two words.
    expect(lineToText([ocr('A', 0, 1), ocr('B', 10, 2)]).text).toBe('A B');
  });

  it('reads the Asian–Latin autospacing of word processors (a quarter em between 年 and 2024) as no space', () => {
    // Word and LibreOffice leave about 0.25 em between Chinese and Latin or digits; pdf.js may even put a space there.
    const line = [
      ...glyphRun('2024', 0, 0, { advance: 5, run: 0 }),
      ...glyphRun('年', 22.5, 0, { run: 1 }),
      glyph(' ', 32.5, 0, 35, 10, { run: 1 }),
      ...glyphRun('11', 35, 0, { advance: 5, run: 1 }),
      ...glyphRun('月', 47.5, 0, { run: 2 }),
    ];
    expect(lineToText(line).text).toBe('2024年11月');
  });

  it('keeps a space between Chinese and Latin when the gap is wider than the autospacing', () => {
    const line = [...glyphRun('R&D', 0, 0, { advance: 5, run: 0 }), ...glyphRun('统计', 25, 0, { run: 1 })];
    expect(lineToText(line).text).toBe('R&D 统计');
  });

  it('keeps a space the PDF drew between two Chinese characters (一月一链 一起益企)', () => {
    const line = [...glyphRun('一链', 0, 0, { run: 0 }), glyph(' ', 20, 0, 23, 10, { run: 0 }), ...glyphRun('一起', 23, 0, { run: 0 })];
    expect(lineToText(line).text).toBe('一链 一起');
  });

  it('keeps a space the PDF drew after half-width punctuation (1-产出指标; 11-数量指标)', () => {
    const line = [...glyphRun('标;', 0, 0, { run: 0 }), glyph(' ', 20, 0, 23, 10, { run: 0 }), ...glyphRun('11', 23, 0, { advance: 5, run: 0 })];
    expect(lineToText(line).text).toBe('标; 11');
  });

  it('drops spaces at the start and end of the line', () => {
    const line = [glyph(' ', 0, 0, 3, 10), ...glyphRun('是', 3, 0), glyph(' ', 13, 0, 16, 10)];
    const t = lineToText(line);
    expect(t.text).toBe('是');
    expect(t.boxes).toEqual([{ page: 1, bbox: [3, 0, 13, 10] }]);
  });

  it('gives each character the box of its glyph', () => {
    const t = lineToText(glyphRun('合计', 100, 200, { page: 4 }));
    expect(t.boxes).toEqual([
      { page: 4, bbox: [100, 200, 110, 210] },
      { page: 4, bbox: [110, 200, 120, 210] },
    ]);
  });

  it('gives both UTF-16 units of a character outside the BMP the glyph’s box', () => {
    const t = lineToText([glyph('𠀀', 0, 0, 10, 10), glyph('中', 10, 0, 20, 10)]);
    expect(t.text).toBe('𠀀中');
    expectAligned(t);
    expect(t.boxes[0]).toEqual(t.boxes[1]);
    expect(t.boxes[2]).toEqual({ page: 1, bbox: [10, 0, 20, 10] });
  });
});

describe('linesToText and needsSpaceAtWrap', () => {
  it('joins wrapped Chinese lines with nothing', () => {
    expect(linesToText([placedText('保障办公大楼的'), placedText('正常运转')]).text).toBe('保障办公大楼的正常运转');
  });

  it('joins a number the wrap broke (240|8) with nothing', () => {
    expect(needsSpaceAtWrap('房屋物业管理面积：240', '8平方米')).toBe(false);
    expect(linesToText([placedText('实施周期指标值:240'), placedText('8平方米')]).text).toBe('实施周期指标值:2408平方米');
  });

  it('joins two Latin words with one space, only between letters', () => {
    expect(needsSpaceAtWrap('R&D', 'center')).toBe(true);
    expect(needsSpaceAtWrap('R&', 'D')).toBe(false);
    expect(needsSpaceAtWrap('ISO', '9001')).toBe(false);
    expect(needsSpaceAtWrap('9001', 'ISO')).toBe(false);
    expect(needsSpaceAtWrap('研发', 'R&D')).toBe(false);
    const t = linesToText([placedText('R&D'), placedText('center'), placedText('科技')]);
    expect(t.text).toBe('R&D center科技');
    expect(t.boxes[3]).toBeNull();
    expectAligned(t);
  });

  it('skips empty lines and gives the empty text for no lines', () => {
    expect(linesToText([placedText('甲'), placedText(''), placedText('乙')]).text).toBe('甲乙');
    expect(linesToText([])).toEqual({ text: '', boxes: [] });
  });
});

describe('PositionedText', () => {
  it('keeps one box per UTF-16 unit through glyphsToText, so a slice names the region it came from', () => {
    const glyphs = [...glyphRun('房屋面积', 0, 0, { run: 0 }), ...glyphRun('240', 0, 12, { advance: 5, run: 1 }), ...glyphRun('8平方米', 0, 24, { advance: 5, run: 2 })];
    const t = glyphsToText(glyphs);
    expect(t.text).toBe('房屋面积2408平方米');
    expectAligned(t);
    // `2408` spans two lines: its sources are the union of both pieces.
    const start = t.text.indexOf('2408');
    expect(textToSources(t, start, start + 4)).toEqual([{ page: 1, bbox: [0, 12, 15, 34] }]);
  });

  it('gives one union bounding box per page, in page order, rounded to 2 decimals', () => {
    const t = concatTexts([placedText('第二页', 2, 10, 50), unplacedText(' '), placedText('第一页', 1, 100.123, 700.456)]);
    expect(textToSources(t)).toEqual([
      { page: 1, bbox: [100.12, 700.46, 130.12, 710.46] },
      { page: 2, bbox: [10, 50, 40, 60] },
    ]);
    expect(textPages(t)).toEqual([1, 2]);
  });

  it('gives an unplaced text no source', () => {
    expect(textToSources(unplacedText('分隔'))).toEqual([]);
  });

  it('keeps boxes aligned through concat with a separator, slice and trim', () => {
    const joined = concatTexts([placedText(' 甲乙'), placedText('丙 ', 2)], '、');
    expect(joined.text).toBe(' 甲乙、丙 ');
    expectAligned(joined);
    expect(joined.boxes[3]).toBeNull();
    const trimmed = trimText(joined);
    expect(trimmed.text).toBe('甲乙、丙');
    expectAligned(trimmed);
    expect(trimmed.boxes[0]).toEqual(joined.boxes[1]);
    expect(sliceText(trimmed, 3).boxes).toEqual([{ page: 2, bbox: [0, 0, 10, 10] }]);
    expect(trimText(placedText('   '))).toEqual({ text: '', boxes: [] });
  });
});
