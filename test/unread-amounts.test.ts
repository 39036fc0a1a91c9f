/**
 * Amounts OCR read in part (a leading 1 and its comma lost: 1,264.50 read 264.50 or 2,64.50), put back from the
 * sums where two sums agree on a figure that ends with the digits read. The shape of --fresh17's WenQuanYi Zen
 * Hei Sharp tables: a unit with three projects, one project's 总计 and 财政拨款 unreadable.
 */
import { describe, expect, it } from 'vitest';
import { isSolvedNote, solveUnreadAmounts, solvedNote } from '../extractors/profiles/project-expenditure/unread-amounts.js';
import { checkProjectRows } from '../extractors/profiles/project-expenditure/checks.js';
import type { DraftRow } from '../pipeline/types.js';
import { draftRow, stageContext } from './helpers/builders.js';

/** Mark an amount as read in part: no value, the parse's note with what OCR read. */
function unread(row: DraftRow, key: 'total' | 'fiscal', read: string): void {
  row[key].value = null;
  row[key].confidence = 0.2;
  row[key].notes = [`Expected digits grouped by thousands, got ${read}`];
}

/** 合计 over one unit of three projects, 项目二's 1,264.50 read 264.50 and 2,64.50. */
function table(): DraftRow[] {
  const rows = [
    draftRow('total', '合计', [2584.85, 2552.85, null, 32], { goal: null }),
    draftRow('unit', '单位甲', [2584.85, 2552.85, null, 32], { goal: null }),
    draftRow('project', '项目一', [1200, 1200, null, null], { unit: '单位甲' }),
    draftRow('project', '项目二', [1264.5, 1264.5, null, null], { unit: '单位甲' }),
    draftRow('project', '项目三', [120.35, 88.35, null, 32], { unit: '单位甲' }),
  ];
  unread(rows[3]!, 'total', '264.50');
  unread(rows[3]!, 'fiscal', '2,64.50');
  return rows;
}

describe('solveUnreadAmounts', () => {
  it('puts back the figures the unit’s columns give, where the row adds up with them and they end with the digits read', () => {
    const rows = table();
    expect(solveUnreadAmounts(rows)).toBe(2);
    expect([rows[3]!.total.value, rows[3]!.fiscal.value]).toEqual([1264.5, 1264.5]);
    expect(rows[3]!.total.notes.at(-1)).toBe(solvedNote('264.50', '1,264.50'));
    expect(rows[3]!.fiscal.notes.at(-1)).toBe('put back from the sums: OCR read 2,64.50, and with 1,264.50, which ends with those digits, every sum adds up');
    // Left for review at the confidence the reading gave.
    expect(rows[3]!.total.confidence).toBe(0.2);
  });

  it('lets the sums pass with them, but not vouch for the amounts beside them, which the figures would have taken up', async () => {
    const rows = table();
    rows[2]!.fiscal.confidence = 0.6; // a doubted 1,200.00 beside the unreadable one
    const checks = await checkProjectRows(rows, stageContext());
    expect(checks.filter((c) => /amounts|unit-equals/.test(c.rule)).every((c) => c.ok)).toBe(true);
    expect(rows[3]!.fiscal.notes.some(isSolvedNote)).toBe(true);
    expect(rows[2]!.fiscal.confidence).toBe(0.6);
    expect(rows[3]!.total.confidence).toBe(0.2);
  });

  it('puts back nothing where the figure does not end with the digits read, or another misread makes the row miss', () => {
    const offDigits = table();
    unread(offDigits[3]!, 'total', '265.50');
    // The 财政拨款 its column gives falls with it: its row cannot bear it out with the 总计 unknown.
    expect(solveUnreadAmounts(offDigits)).toBe(0);
    expect([offDigits[3]!.total.value, offDigits[3]!.fiscal.value]).toEqual([null, null]);

    // 项目一's 总计 misread as 200.00 (its 1 and comma lost too, but read as a figure): the total column gives
    // 项目二 2,264.50, which its row (财政拨款 1,264.50 from its own column) refuses.
    const misread = table();
    misread[2]!.total.value = 200;
    expect(solveUnreadAmounts(misread)).toBe(0);
    expect([misread[3]!.total.value, misread[3]!.fiscal.value]).toEqual([null, null]);
  });

  it('puts back nothing that only one sum gives, nor too few digits read to say anything', () => {
    // No unit and no 合计: the row alone would give the 总计.
    const alone = [draftRow('project', '项目二', [1264.5, 1264.5, null, null])];
    unread(alone[0]!, 'total', '264.50');
    expect(solveUnreadAmounts(alone)).toBe(0);

    const short = table();
    unread(short[3]!, 'total', '.50');
    unread(short[3]!, 'fiscal', '0.50');
    expect(solveUnreadAmounts(short)).toBe(0);
  });
});
