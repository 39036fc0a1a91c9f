/**
 * A title read by OCR, set right by the titles its table is printed under (`repairTitle`).
 */
import { describe, expect, it } from 'vitest';
import { repairTitle } from '../extractors/text/title-forms.js';
import { charDoubts, charRepairs, type PositionedText } from '../extractors/text/positioned-text.js';
import { REPAIRED_CONFIDENCE } from '../extractors/text/text-edits.js';
import { ocrReadText, placedText } from './helpers/builders.js';

const FORMS = ['项目支出绩效目标表', '项目支出绩效目标表（含转移支付项目）'];

/** A line as OCR read it, each character at 0.98 unless `doubtful` gives it a doubt (at 0.5). */
function ocr(text: string, doubtful: Record<number, string> = {}): PositionedText {
  const read = ocrReadText(text);
  return { text, boxes: read.boxes.map((b, i) => (doubtful[i] ? { ...b!, confidence: 0.5, doubt: doubtful[i] } : b)) };
}

describe('repairTitle', () => {
  it('writes the characters OCR was unsure of as the title has them (项目文出 → 项目支出, （侈 → （含)', () => {
    const read = ocr('项目文出绩效目标表（侈转移支付项目）', { 2: 'one read 文, the other 支', 9: 'one read 〈侈, the other 《含', 10: 'one read 〈侈, the other 《含' });
    const out = repairTitle(read, FORMS);
    expect(out.text).toBe('项目支出绩效目标表（含转移支付项目）');
    expect(charRepairs(out)).toEqual(['文 read as 支, 侈 read as 含 of 项目支出绩效目标表（含转移支付项目）, as this table is titled']);
    expect(charDoubts(out)).toEqual([]);
    expect(out.boxes.map((b) => b!.confidence)).toEqual([...out.text].map((_, i) => ([2, 9, 10].includes(i) ? REPAIRED_CONFIDENCE : 0.98)));
    // A third character to change is one too many.
    const three = ocr('项目文出绩效目标表〈侈转移支付项目）', { 2: 'a', 9: 'b', 10: 'b' });
    expect(repairTitle(three, FORMS).text).toBe('项目支出绩效目标表〈侈转移支付项目）');
  });

  it('vouches for doubtful characters already read as the title has them', () => {
    const read = ocr('项目支出绩效目标表（含转移支付项目）', { 9: 'one read 〈, the other (' });
    const out = repairTitle(read, FORMS);
    expect(out.text).toBe(read.text);
    expect(charRepairs(out)).toEqual(['项目支出绩效目标表（含转移支付项目）, as this table is titled: its doubtful characters read as the title has them']);
    expect(out.boxes[9]!.confidence).toBe(REPAIRED_CONFIDENCE);
  });

  it('repairs a title that stands after other words (a year), in its window alone', () => {
    const out = repairTitle(ocr('2025年项目文出绩效目标表', { 7: 'one read 文, the other 支' }), FORMS);
    expect(out.text).toBe('2025年项目支出绩效目标表');
  });

  it('never overrules a character read surely: another title, or a bracket measured half-width', () => {
    // 部门 read surely: a 部门整体支出绩效目标表 is another table's title, and 整体 no doubtful read.
    const other = ocr('部门支出绩效目标表', { 3: 'one read 出, the other 山' });
    expect(repairTitle(other, FORMS)).toBe(other);
    // A half-width ( read surely: the longer title does not match; the shorter one vouches for its own window.
    const half = ocr('项目文出绩效目标表(含转移支付项目)', { 2: 'one read 文, the other 支' });
    expect(repairTitle(half, FORMS).text).toBe('项目支出绩效目标表(含转移支付项目)');
  });

  it('does not take a title most of whose characters were doubtful, nor one with three characters to change', () => {
    const doubts = Object.fromEntries([0, 1, 2, 3, 5, 6, 7].map((i) => [i, 'doubt']));
    const murky = ocr('项目支出绩效目标表', doubts);
    expect(repairTitle(murky, FORMS)).toBe(murky);
    const three = ocr('项目文山绩效目际表', { 2: 'a', 3: 'b', 7: 'c' });
    expect(repairTitle(three, FORMS)).toBe(three);
  });

  it('returns a title read surely as it is', () => {
    const sure = ocr('项目支出绩效目标表（含转移支付项目）');
    expect(repairTitle(sure, FORMS)).toBe(sure);
    // A text layer's characters carry no confidence: each is sure, and none is written over.
    const layer = placedText('项目文出绩效目标表');
    expect(repairTitle(layer, FORMS)).toBe(layer);
  });
});
