/**
 * Tables without ruling lines: columns from header positions, rows from the amount column, and doubts where a
 * row boundary is hardly wider than the line spacing.
 */
import { describe, expect, it } from 'vitest';
import { glyphsToWhitespaceTable } from '../extractors/table/whitespace.js';
import { PROJECT_EXPENDITURE_PROFILE } from '../extractors/profiles/project-expenditure/profile.js';
import type { Glyph } from '../extractors/pdf/glyph.js';
import { glyphRun } from './helpers/builders.js';

const COLS = { name: 20, total: 140, fiscal: 200, special: 260, other: 330, goal: 390, indicators: 560 };
let run = 0;
const at = (text: string, x: number, y: number): Glyph[] => glyphRun(text, x, y, { size: 10, run: run++ });

function header(y: number): Glyph[] {
  return [
    ...at('项目名称', COLS.name, y), ...at('总计', COLS.total, y), ...at('财政拨款', COLS.fiscal, y),
    ...at('财政专户', COLS.special, y), ...at('其他资金', COLS.other, y), ...at('绩效目标', COLS.goal, y), ...at('绩效指标', COLS.indicators, y),
  ];
}

/** A row whose goal wraps over `goalLines` lines of 12 units each, amounts on its first line. */
function bodyRow(name: string, amount: string, goal: string[], y: number): Glyph[] {
  return [
    ...at(name, COLS.name, y), ...at(amount, COLS.total, y), ...at(amount, COLS.fiscal, y),
    ...goal.flatMap((line, i) => at(line, COLS.goal, y + i * 12)),
    ...at('1、1-产出', COLS.indicators, y),
  ];
}

describe('glyphsToWhitespaceTable', () => {
  it('finds the header, the columns and one row per amount line, and reads wrapped cells whole', () => {
    const glyphs = [...header(100), ...bodyRow('甲项目', '1.00', ['保障运转', '提高效率'], 130), ...bodyRow('乙项目', '2.00', ['推进工作'], 170)];
    const result = glyphsToWhitespaceTable(1, glyphs, PROJECT_EXPENDITURE_PROFILE, null, 842)!;
    expect(result.table.layout).toBe('whitespace');
    expect(result.table.rows).toHaveLength(3);
    const goalColumn = result.table.rows[0]!.findIndex((c) => c.text.text === '绩效目标');
    expect(result.table.rows[1]![goalColumn]!.text.text).toBe('保障运转提高效率');
    expect(result.table.rows[2]![goalColumn]!.text.text).toBe('推进工作');
    expect(result.table.rowDoubts).toEqual([[], [], []]);
  });

  it('doubts a row boundary that is no wider than the line spacing inside cells', () => {
    // The first row's goal ends one line-gap above the second row's amounts: either reading is possible.
    const glyphs = [...header(100), ...bodyRow('甲项目', '1.00', ['保障运转', '提高效率', '确保完成'], 130), ...bodyRow('乙项目', '2.00', ['推进工作'], 166)];
    const result = glyphsToWhitespaceTable(1, glyphs, PROJECT_EXPENDITURE_PROFILE, null, 842)!;
    expect(result.table.rows).toHaveLength(3);
    expect(result.table.rowDoubts![1]!.join(' ')).toMatch(/boundary with the next row .*hardly wider than the line spacing/);
    expect(result.table.rowDoubts![2]!.join(' ')).toMatch(/boundary with the previous row/);
  });

  it('leaves page numbers at the foot of the page out of the table', () => {
    const glyphs = [...header(100), ...bodyRow('甲项目', '1.00', ['保障运转'], 130), ...at('- 3 -', 400, 820)];
    const result = glyphsToWhitespaceTable(1, glyphs, PROJECT_EXPENDITURE_PROFILE, null, 842)!;
    expect(result.table.rows.flat().map((c) => c.text.text).join('')).not.toContain('3 -');
    expect(result.outside.map((g) => g.char).join('')).toContain('3');
  });

  it('gives up on a page with neither a header nor columns carried from an earlier page', () => {
    expect(glyphsToWhitespaceTable(1, bodyRow('甲项目', '1.00', ['保障运转'], 130), PROJECT_EXPENDITURE_PROFILE, null, 842)).toBeNull();
  });
});
