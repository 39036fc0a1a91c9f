/**
 * The table's sums: which rows add up to which. Each row: 总计 = 财政拨款 + 财政专户拨款 + 其他资金. Each unit: its
 * amounts = those of the projects under it. The 合计: the units' amounts, and those of any project under no unit.
 */
import type { DraftRow } from '../../../pipeline/types.js';

/** The amount columns, 总计 first. */
export const AMOUNT_KEYS = ['total', 'fiscal', 'specialAccount', 'other'] as const;
export type AmountKey = (typeof AMOUNT_KEYS)[number];

/** An aggregate row and the rows that add up to it, as positions in the table. */
export interface SumGroup {
  aggregate: number;
  parts: number[];
}

/** Each unit with the projects that follow it. */
export function unitGroups(rows: readonly DraftRow[]): SumGroup[] {
  const groups: SumGroup[] = [];
  rows.forEach((row, i) => {
    if (row.kind !== 'unit') return;
    const parts: number[] = [];
    for (let j = i + 1; j < rows.length && rows[j]!.kind === 'project'; j++) parts.push(j);
    groups.push({ aggregate: i, parts });
  });
  return groups;
}

/** The 合计 with the units and the projects under no unit; null when the table has no 合计. */
export function grandTotalGroup(rows: readonly DraftRow[]): SumGroup | null {
  const aggregate = rows.findIndex((r) => r.kind === 'total');
  if (aggregate < 0) return null;
  const parts = rows.flatMap((r, i) => (r.kind === 'unit' || (r.kind === 'project' && r.unit === null) ? [i] : []));
  return { aggregate, parts };
}
