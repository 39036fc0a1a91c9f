/**
 * Columns from header labels: preamble rows above the header, two-row headers, headers repeated or drawn over
 * a row, and maps completed from earlier pages.
 */
import { describe, expect, it } from 'vitest';
import {
  headerRowsToColumnMap,
  mergeColumnMaps,
  PLACED_BY_POSITION_CAP,
  PLACED_BY_POSITION_NOTE,
  rowToKeyedCells,
  stripRepeatedHeader,
  type ColumnMap,
} from '../extractors/table/columns.js';
import type { TableCell } from '../extractors/table/page-table.js';
import { PROJECT_EXPENDITURE_PROFILE } from '../extractors/profiles/project-expenditure/profile.js';
import { concatTexts, unplacedText } from '../extractors/text/positioned-text.js';
import { placedText } from './helpers/builders.js';

const X = [0, 100, 150, 200, 250, 300, 450, 700];
const LABELS = ['项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'];

/** A table row of seven cells at the standard column positions. */
function row(texts: readonly string[], y = 0, h = 20): TableCell[] {
  return texts.map((t, i) => ({ rect: { x0: X[i]!, y0: y, x1: X[i + 1]!, y1: y + h }, text: unplacedText(t), straddling: 0 }));
}

describe('headerRowsToColumnMap', () => {
  it('maps the seven columns from a one-row header, with the label each was found by', () => {
    const header = headerRowsToColumnMap([row(LABELS), row(['合计', '1.00', '1.00', '', '', '', ''], 20)], PROJECT_EXPENDITURE_PROFILE)!;
    expect(header.headerRows).toBe(1);
    expect(header.preambleRows).toBe(0);
    expect(header.map.columns.map((c) => c.key)).toEqual(['name', 'total', 'fiscal', 'specialAccount', 'other', 'goal', 'indicators']);
    expect(header.map.columns[3]).toMatchObject({ x0: 200, x1: 250, label: '财政专户拨款' });
  });

  it('skips title and 部门名称 rows merged inside the grid above the header (spreadsheet exports)', () => {
    const title: TableCell[] = [{ rect: { x0: 0, y0: 0, x1: 700, y1: 20 }, text: unplacedText('2024年项目支出绩效目标表'), straddling: 0 }];
    const dept: TableCell[] = [{ rect: { x0: 0, y0: 20, x1: 700, y1: 40 }, text: unplacedText('部门名称：某局 单位：万元'), straddling: 0 }];
    const header = headerRowsToColumnMap([title, dept, row(LABELS, 40)], PROJECT_EXPENDITURE_PROFILE)!;
    expect(header.preambleRows).toBe(2);
    expect(header.headerRows).toBe(3);
    expect(header.map.columns).toHaveLength(7);
  });

  it('takes the narrower lower cells of a two-row header (资金来源 over 财政拨款, 财政专户拨款, 其他资金)', () => {
    const top: TableCell[] = [
      { rect: { x0: 0, y0: 0, x1: 100, y1: 40 }, text: unplacedText('项目名称'), straddling: 0 },
      { rect: { x0: 100, y0: 0, x1: 150, y1: 40 }, text: unplacedText('总计'), straddling: 0 },
      { rect: { x0: 150, y0: 0, x1: 300, y1: 20 }, text: unplacedText('资金来源'), straddling: 0 },
      { rect: { x0: 300, y0: 0, x1: 450, y1: 40 }, text: unplacedText('绩效目标'), straddling: 0 },
      { rect: { x0: 450, y0: 0, x1: 700, y1: 40 }, text: unplacedText('绩效指标'), straddling: 0 },
    ];
    const bottom = row(['', '', '财政拨款', '财政专户拨款', '其他资金', '', ''], 20).slice(2, 5);
    const header = headerRowsToColumnMap([top, bottom, row(['合计', '1', '1', '', '', '', ''], 40)], PROJECT_EXPENDITURE_PROFILE)!;
    expect(header.headerRows).toBe(2);
    expect(header.map.columns.find((c) => c.key === 'fiscal')).toMatchObject({ x0: 150, x1: 200 });
    expect(header.map.columns.find((c) => c.key === 'other')).toMatchObject({ x0: 250, x1: 300 });
  });

  it('recognizes a header word OCR read one character off (财政拔款, 绩效指际), and no short word so (总汁 is placed by position)', () => {
    const header = headerRowsToColumnMap([row(['项目名称（资金使用单位）', '总计', '财政拔款', '财政专户拨款', '其他资金', '绩效目标', '绩效指际'])], PROJECT_EXPENDITURE_PROFILE)!;
    expect(header.map.columns.map((c) => c.key)).toEqual(['name', 'total', 'fiscal', 'specialAccount', 'other', 'goal', 'indicators']);
    const short = headerRowsToColumnMap([row(['项目名称（资金使用单位）', '总汁', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'])], PROJECT_EXPENDITURE_PROFILE)!;
    expect(short.map.columns.find((c) => c.key === 'total')).toEqual({ key: 'total', x0: 100, x1: 150 });
  });

  it('maps a header cell OCR could not read by its place, when one column of the layout is missing between two it knows', () => {
    const header = headerRowsToColumnMap([row(['项目名称（资金使用单位）', '总计', '\uFFFD', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'])], PROJECT_EXPENDITURE_PROFILE)!;
    expect(header.map.columns.map((c) => c.key)).toEqual(['name', 'total', 'fiscal', 'specialAccount', 'other', 'goal', 'indicators']);
    expect(header.map.columns[2]).toEqual({ key: 'fiscal', x0: 150, x1: 200 });
    // Two columns missing between known ones: which is which is unknown.
    const two = headerRowsToColumnMap([row(['项目名称（资金使用单位）', '总计', '\uFFFD', '\uFFFD', '其他资金', '绩效目标', '绩效指标'])], PROJECT_EXPENDITURE_PROFILE)!;
    expect(two.map.columns.map((c) => c.key)).toEqual(['name', 'total', 'other', 'goal', 'indicators']);
  });

  it('finds no header in a table of figures', () => {
    expect(headerRowsToColumnMap([row(['甲', '1', '1', '', '', '', '']), row(['乙', '2', '2', '', '', '', ''], 20)], PROJECT_EXPENDITURE_PROFILE)).toBeNull();
  });
});

describe('stripRepeatedHeader', () => {
  const map = headerRowsToColumnMap([row(LABELS)], PROJECT_EXPENDITURE_PROFILE)!.map;

  it('empties a header repeated inside the body, so the caller can drop it', () => {
    const { cells, stripped } = stripRepeatedHeader(rowToKeyedCells(row(LABELS, 100), map, 1).cells, map);
    expect(stripped).toBe(7);
    expect([...cells.values()].every((c) => c.text.text === '')).toBe(true);
  });

  it('removes the labels of a header drawn over a row and keeps the row’s own text', () => {
    const merged = row(['项目名称（资金使用单位）乡村振兴资金', '总计3500.00', '财政拨款3000.00', '财政专户拨款', '其他资金500.00', '绩效目标支持镇村发展', '绩效指标指标；项目验收合格率'], 100);
    const { cells, stripped } = stripRepeatedHeader(rowToKeyedCells(merged, map, 2).cells, map);
    expect(stripped).toBe(7);
    expect(Object.fromEntries([...cells].map(([k, c]) => [k, c.text.text]))).toEqual({
      name: '乡村振兴资金', total: '3500.00', fiscal: '3000.00', specialAccount: '', other: '500.00', goal: '支持镇村发展', indicators: '指标；项目验收合格率',
    });
  });

  it('leaves an ordinary row alone, even one whose name starts like a label (总计划…)', () => {
    const ordinary = row(['总计划项目', '1.00', '1.00', '', '', '绩效目标', '1、1-产出指标'], 100);
    const { cells, stripped } = stripRepeatedHeader(rowToKeyedCells(ordinary, map, 1).cells, map);
    expect(stripped).toBe(0);
    expect(cells.get('name')!.text.text).toBe('总计划项目');
  });
});

describe('rowToKeyedCells', () => {
  const map = headerRowsToColumnMap([row(LABELS)], PROJECT_EXPENDITURE_PROFILE)!.map;

  it('splits a cell over two amount columns (the ruling line between not found) by its characters’ positions, and says so', () => {
    // 财政拨款 is x 150–200, 财政专户拨款 200–250: one cell over both (and a little more), holding 83.53 in the first only.
    const wide: TableCell = { rect: { x0: 145, y0: 30, x1: 255, y1: 50 }, text: concatTexts([placedText('83.53', 1, 160, 35, 6)]), straddling: 0 };
    const { cells, unplaced } = rowToKeyedCells([...row(['物业管理', '83.53'], 30), wide], map, 1);
    expect(unplaced).toEqual([]);
    expect(cells.get('fiscal')!.text.text).toBe('83.53');
    expect(cells.get('fiscal')!.doubts).toEqual([{ cap: PLACED_BY_POSITION_CAP, note: PLACED_BY_POSITION_NOTE }]);
    expect(cells.has('specialAccount')).toBe(false);
    // Text in both columns goes to both.
    const both: TableCell = { ...wide, text: concatTexts([placedText('1.00', 1, 160, 35, 6), placedText('2.00', 1, 210, 35, 6)]) };
    const split = rowToKeyedCells([both], map, 1).cells;
    expect([split.get('fiscal')!.text.text, split.get('specialAccount')!.text.text]).toEqual(['1.00', '2.00']);
  });

  it('leaves text that stands in no column unplaced', () => {
    const outside: TableCell = { rect: { x0: 700, y0: 30, x1: 800, y1: 50 }, text: placedText('页码 3', 1, 720, 35, 6), straddling: 0 };
    expect(rowToKeyedCells([outside], map, 1).unplaced).toEqual([outside]);
  });
});

describe('mergeColumnMaps', () => {
  const carried: ColumnMap = headerRowsToColumnMap([row(LABELS)], PROJECT_EXPENDITURE_PROFILE)!.map;

  it('adds the columns a page’s header lacks, and takes the carried label where the page’s is label plus content', () => {
    const own: ColumnMap = { columns: [{ key: 'name', x0: 0, x1: 100, label: '项目名称(资金使用单位)乡村振兴资金' }, { key: 'fiscal', x0: 150, x1: 200, label: '财政拨款' }] };
    const merged = mergeColumnMaps(own, carried);
    expect(merged.columns.map((c) => c.key)).toEqual(['name', 'total', 'fiscal', 'specialAccount', 'other', 'goal', 'indicators']);
    expect(merged.columns[0]!.label).toBe('项目名称(资金使用单位)');
  });

  it('keeps the page’s own map when nothing is carried', () => {
    const own: ColumnMap = { columns: [{ key: 'name', x0: 0, x1: 100 }] };
    expect(mergeColumnMaps(own, null)).toBe(own);
  });
});
