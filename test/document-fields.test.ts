/**
 * The title, department and currency unit read from the lines above the table.
 */
import { describe, expect, it } from 'vitest';
import { readDocumentFields } from '../pipeline/stages/document-fields.js';
import type { PositionedText } from '../extractors/text/positioned-text.js';
import { DEFAULT_REVIEW_THRESHOLD, type TableRowsResult } from '../pipeline/types.js';
import { ocrReadText, rowPiece, stageContext } from './helpers/builders.js';

function fieldsOf(...lines: (string | PositionedText)[]) {
  // A page read whole at 0.99: the fields' confidence is what their characters give.
  const result: TableRowsResult = {
    pieces: [rowPiece(1, true, {}, { readConfidence: 0.99 })],
    headerLines: lines.map((l, i) => ({ text: typeof l === 'string' ? ocrReadText(l) : l, size: i === 0 ? 16 : 10 })),
    found: true,
  };
  return readDocumentFields(result, stageContext()) as Awaited<ReturnType<typeof readDocumentFields>>;
}

describe('the document fields above the table', () => {
  it('reads the department up to 单位 and the currency unit after it', async () => {
    const fields = await fieldsOf('项目支出绩效目标表', '部门名称：广州市荔湾区教育局 单位：万元');
    expect(fields.title.value).toBe('项目支出绩效目标表');
    expect(fields.department.value).toBe('广州市荔湾区教育局');
    expect(fields.currencyUnit.value).toBe('万元');
  });

  it('reads them when OCR read the colon after 单位 as ; (单位;万元)', async () => {
    const fields = await fieldsOf('项目支出绩效目标表', '部门名称：广州市荔湾区教育局 单位;万元');
    expect(fields.department.value).toBe('广州市荔湾区教育局');
    expect(fields.currencyUnit.value).toBe('万元');
  });

  it('writes a title OCR was unsure of as the table is titled, and vouches for it', async () => {
    const doubts: Record<number, string> = {
      2: 'two OCR models read these characters differently: one read 文, the other 支',
      9: 'two OCR models read these characters differently: one read 〈, the other (',
    };
    const plain = ocrReadText('项目文出绩效目标表（含转移支付项目）');
    const read: PositionedText = { ...plain, boxes: plain.boxes.map((b, i) => (doubts[i] ? { ...b!, confidence: 0.5, doubt: doubts[i] } : b)) };
    const fields = await fieldsOf(read, '部门名称：广州市荔湾区教育局 单位：万元');
    expect(fields.title.value).toBe('项目支出绩效目标表（含转移支付项目）');
    expect(fields.title.confidence).toBeGreaterThanOrEqual(DEFAULT_REVIEW_THRESHOLD);
    expect(fields.title.notes).toContain('repaired: 文 read as 支 of 项目支出绩效目标表（含转移支付项目）, as this table is titled');
  });
});
