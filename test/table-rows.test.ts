/**
 * The table-rows stage over several pages: a page's header that lacks columns takes them from the document's
 * other pages, earlier and later.
 */
import { describe, expect, it } from 'vitest';
import type { TableCell } from '../extractors/table/page-table.js';
import { unplacedText } from '../extractors/text/positioned-text.js';
import { tableRows } from '../pipeline/stages/table-rows.js';
import type { PageLayout } from '../pipeline/types.js';
import { stageContext } from './helpers/builders.js';

const X = [0, 100, 150, 200, 250, 300, 450, 700];
const LABELS = ['项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'];

/** A table row of seven cells at the standard column positions (page units, origin top-left). */
function row(texts: readonly string[], y: number): TableCell[] {
  return texts.map((t, i) => ({ rect: { x0: X[i]!, y0: y, x1: X[i + 1]!, y1: y + 20 }, text: unplacedText(t), straddling: 0 }));
}

/** A scanned page holding one ruled table of `rows`. */
function page(n: number, rows: TableCell[][]): PageLayout {
  return {
    read: {
      page: n,
      width: 700,
      height: 500,
      method: 'ocr',
      glyphs: [],
      edges: [],
      quality: { characters: 0, suspectShare: 0, hanShare: 0, commonHanShare: 0, usable: false },
      readConfidence: 0.99,
      notes: [],
      skew: 0,
      turn: 0,
    },
    tables: [{ page: n, bounds: { x0: 0, y0: 0, x1: 700, y1: 20 * rows.length }, rows, layout: 'ruled' }],
    outside: [],
  };
}

const PROJECT_ONE = ['荔湾区食品安全监督抽检经费', '386.50', '386.50', '', '', '开展食品安全监督抽检', '1、1-产出指标；11-数量指标；抽检批次；实施周期指标值:≥1,850批次；年度指标值:≥1,850批次。'];
const PROJECT_TWO = ['荔湾区知识产权保护经费', '52.80', '52.80', '', '', '加大侵权查处力度', '1、1-产出指标；11-数量指标；办理案件；实施周期指标值:≥30件；年度指标值:≥30件。'];

describe('tableRows', () => {
  it('gives the first page the columns its header lacks from a later page’s header (绩效目标 read as 绩效日标, 绩效指标 unread)', async () => {
    const garbled = [...LABELS.slice(0, 5), '绩效日标', '\uFFFD'];
    const result = await tableRows([page(1, [row(garbled, 0), row(PROJECT_ONE, 20)]), page(2, [row(LABELS, 0), row(PROJECT_TWO, 20)])], stageContext());
    expect(result.pieces.map((p) => [p.page, [...p.cells.keys()]])).toEqual([
      [1, ['name', 'total', 'fiscal', 'specialAccount', 'other', 'goal', 'indicators']],
      [2, ['name', 'total', 'fiscal', 'specialAccount', 'other', 'goal', 'indicators']],
    ]);
    const first = result.pieces[0]!;
    expect(first.cells.get('goal')!.text.text).toBe('开展食品安全监督抽检');
    expect(first.notes.filter((n) => /outside every column/.test(n))).toEqual([]);
  });

  it('leaves text outside every column, noted, where no page of the document names that column', async () => {
    const garbled = [...LABELS.slice(0, 5), '绩效日标', '\uFFFD'];
    const result = await tableRows([page(1, [row(garbled, 0), row(PROJECT_ONE, 20)])], stageContext());
    const first = result.pieces[0]!;
    expect(first.cells.has('goal')).toBe(false);
    expect(first.notes.filter((n) => /outside every column/.test(n))).toHaveLength(2);
  });
});
