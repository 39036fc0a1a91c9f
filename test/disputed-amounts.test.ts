import { describe, expect, it } from 'vitest';
import { settleDisputedAmounts, settledNote } from '../extractors/profiles/project-expenditure/disputed-amounts.js';
import { checkProjectRows } from '../extractors/profiles/project-expenditure/checks.js';
import { VOUCHED_AMOUNT_CONFIDENCE } from '../pipeline/confidence.js';
import type { DraftRow } from '../pipeline/types.js';
import { draftRow, stageContext } from './helpers/builders.js';

/** Mark an amount as read by two models that disagree: `read` is what it holds, `other` the other model's. */
function disputed(row: DraftRow, key: 'total' | 'fiscal', read: string, other: string): void {
  row[key].confidence = 0.5;
  row[key].notes = [`two OCR models read these characters differently: one read ${read}, the other ${other}`];
}

/** 合计 over one unit of two projects, 项目二 read 4.02 / 4.602 where the page prints 4.62. */
function table(): DraftRow[] {
  const rows = [
    draftRow('total', '合计', [14.62, 14.62, null, null]),
    draftRow('unit', '单位甲', [14.62, 14.62, null, null]),
    draftRow('project', '项目一', [10, 10, null, null], { unit: '单位甲' }),
    draftRow('project', '项目二', [4.02, 4.602, null, null], { unit: '单位甲' }),
  ];
  disputed(rows[3]!, 'total', '4.02', '4.62');
  disputed(rows[3]!, 'fiscal', '4.602', '4.62');
  return rows;
}

describe('settleDisputedAmounts', () => {
  it('takes the other model’s readings when they, and only they, make every sum add up', () => {
    const rows = table();
    expect(settleDisputedAmounts(rows)).toBe(2);
    expect([rows[3]!.total.value, rows[3]!.fiscal.value]).toEqual([4.62, 4.62]);
    expect(rows[3]!.total.notes.at(-1)).toBe(settledNote('4.02', '4.62'));
    // The sums then vouch for them.
    const settled = table();
    checkProjectRows(settled, stageContext());
    expect(settled[3]!.fiscal).toMatchObject({ value: 4.62, confidence: VOUCHED_AMOUNT_CONFIDENCE });
  });

  it('changes nothing when the readings as they stand add up, or no choice does, or more than one', () => {
    const standing = table();
    standing[3]!.total.value = 4.62;
    standing[3]!.fiscal.value = 4.62;
    disputed(standing[3]!, 'total', '4.62', '4.02');
    disputed(standing[3]!, 'fiscal', '4.62', '4.602');
    expect(settleDisputedAmounts(standing)).toBe(0);

    const none = table();
    none[2]!.total.value = 11; // an undisputed misread: no choice mends it
    expect(settleDisputedAmounts(none)).toBe(0);
    expect(none[3]!.total.value).toBe(4.02);

    // Either project could hold the missing 1: two choices add up, and none is taken.
    const twice = [draftRow('unit', '单位甲', [21, 21, null, null]), draftRow('project', '项目一', [10, 10, null, null], { unit: '单位甲' }), draftRow('project', '项目二', [10, 10, null, null], { unit: '单位甲' })];
    for (const r of [twice[1]!, twice[2]!]) for (const k of ['total', 'fiscal'] as const) disputed(r, k, '10', '11');
    expect(settleDisputedAmounts(twice)).toBe(0);
    expect(twice.map((r) => r.total.value)).toEqual([21, 10, 10]);
  });
});
