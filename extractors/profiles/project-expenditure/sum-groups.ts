/**
 * The table's sums: which rows add up to which. Each row: 总计 = 财政拨款 + 财政专户拨款 + 其他资金. Each unit: its
 * amounts = those of the projects under it. The 合计: the units' amounts, and those of any project under no unit.
 */
import type { DraftField } from '../../../pipeline/field.js';
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

/** One sum of the table as its fields: `whole` holds the sum of `parts`. */
export interface FieldSum {
  whole: DraftField<number | null>;
  parts: DraftField<number | null>[];
}

/**
 * Every sum of the table as fields: each row's 总计 of its three sources, then each amount column of each unit and of
 * the 合计. For the repairs that try figures against the sums (`settleDisputedAmounts`, `solveUnreadAmounts`).
 */
export function fieldSums(rows: readonly DraftRow[]): FieldSum[] {
  const total = grandTotalGroup(rows);
  const groups = [...unitGroups(rows), ...(total ? [total] : [])];
  return [
    ...rows.map((r) => ({ whole: r.total, parts: [r.fiscal, r.specialAccount, r.other] })),
    ...groups.flatMap(({ aggregate, parts }) => AMOUNT_KEYS.map((k) => ({ whole: rows[aggregate]![k], parts: parts.map((i) => rows[i]![k]) }))),
  ];
}

/** Whether a sum adds up with the figures `cents` gives its fields (an empty amount counts 0). */
export function sumAddsUp({ whole, parts }: FieldSum, cents: (field: DraftField<number | null>) => number): boolean {
  return cents(whole) === parts.reduce((sum, part) => sum + cents(part), 0);
}
