/**
 * Amounts OCR read in part, put back from the sums. A face whose 1 and comma OCR loses together (WenQuanYi Zen Hei
 * Sharp: 1,264.50 read 264.50 by one model and 4264.50 by the other, or 2,64.50 with a comma put back where it
 * stood) leaves a cell that parses as no amount, and the row and its unit's column miss by the lost figure. Where
 * a sum of the table with one such amount in it gives it a figure that ends with the digits OCR did read, and every
 * other sum it is in (its row's, where its column gave it) adds up with that figure, the figure is written: witnesses
 * that share nothing, the arithmetic of two sums of the table's other amounts and the digits on the page.
 *
 * The field keeps the confidence its reading left it (below the review threshold) and says what was done: the
 * arithmetic leans on every other amount being right, and a reviewer should see it. The sums do not vouch for it,
 * since it was made to fit them.
 */
import type { DraftField } from '../../../pipeline/field.js';
import type { DraftRow } from '../../../pipeline/types.js';
import { amountDispute } from './disputed-amounts.js';
import { AMOUNT_KEYS, fieldSums, sumAddsUp, type FieldSum } from './sum-groups.js';

/** The note `parseAmount`'s reason leaves on an amount that parses as none, with what OCR read. */
const UNPARSED_AMOUNT = /^Expected (?:an amount such as 21,947\.14|digits grouped by thousands), got ([\d,.，．]+)$/;

/** Digits OCR read of an amount, fewest that say anything: a figure ending with one or two digits proves little. */
export const MIN_READ_DIGITS = 3;

/** The note on an amount put back from the sums; `review/check-notes.ts` knows it. */
export const solvedNote = (read: string, figure: string): string => `put back from the sums: OCR read ${read}, and with ${figure}, which ends with those digits, every sum adds up`;

/** Whether a note is `solvedNote`'s. */
export const isSolvedNote = (note: string): boolean => note.startsWith('put back from the sums: ');

/** What OCR read of an amount that parses as none (the parse note's, then the dispute's readings); empty for any other field. */
function partialReadings(field: DraftField<number | null>): string[] {
  if (field.value !== null) return [];
  // Only a field whose own reading failed to parse: a dispute alone is `settleDisputedAmounts`'.
  const unparsed = field.notes.flatMap((n) => UNPARSED_AMOUNT.exec(n)?.[1] ?? []);
  return unparsed.length === 0 ? [] : [...unparsed, ...(amountDispute(field.notes) ?? [])];
}

/** A figure in cents as the tables print it, two decimals. */
const printed = (cents: number): string => {
  const [whole, part] = (cents / 100).toFixed(2).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${part}`;
};

/** Whether the figure (cents) ends with the digits of one of the readings, `MIN_READ_DIGITS` of them at least. */
function endsWithReadDigits(cents: number, readings: readonly string[]): boolean {
  const figure = (cents / 100).toFixed(2).replace('.', '');
  return readings.some((r) => {
    const digits = r.replace(/\D/g, '');
    // A reading with its decimals: the figure's two.
    const decimals = /[.．](\d+)$/.exec(r)?.[1]?.length ?? 2;
    return digits.length >= MIN_READ_DIGITS && decimals === 2 && figure.endsWith(digits);
  });
}

/**
 * Put back the amounts that parse as none where the sums give each a figure that ends with the digits OCR read and
 * with which every sum it is in adds up, two at least. Changes the fields in place; returns how many changed.
 */
export function solveUnreadAmounts(rows: readonly DraftRow[]): number {
  const unknown = new Map<DraftField<number | null>, string[]>();
  for (const row of rows) for (const key of AMOUNT_KEYS) {
    const readings = partialReadings(row[key]);
    if (readings.length > 0) unknown.set(row[key], readings);
  }
  if (unknown.size === 0) return 0;
  const solved = new Map<DraftField<number | null>, number>();
  const known = (f: DraftField<number | null>) => !unknown.has(f) || solved.has(f);
  const valueOf = (f: DraftField<number | null>) => solved.get(f) ?? Math.round((f.value ?? 0) * 100);
  const sums = fieldSums(rows);
  // A sum with one unknown gives it; each given one may leave another sum with one. Until none does.
  for (let progress = true; progress && solved.size < unknown.size; ) {
    progress = false;
    for (const { whole, parts } of sums) {
      const open = [whole, ...parts].filter((f) => !known(f));
      if (open.length !== 1) continue;
      const field = open[0]!;
      const figure = field === whole ? parts.reduce((s, p) => s + valueOf(p), 0) : valueOf(whole) - parts.filter((p) => p !== field).reduce((s, p) => s + valueOf(p), 0);
      if (figure <= 0 || !endsWithReadDigits(figure, unknown.get(field)!)) continue;
      solved.set(field, figure);
      progress = true;
    }
  }
  // A figure stands where every sum it is in adds up with it, the others' figures read or standing too: the sum that
  // gave it always does, another (its row, where its column gave it) bears it out. A misread elsewhere in the sum
  // that gave it makes the other miss, and it falls, and with it the figures given by sums it was in.
  const sumsOf = (f: DraftField<number | null>) => sums.filter(({ whole, parts }) => whole === f || parts.includes(f));
  const addsUp = (sum: FieldSum) => [sum.whole, ...sum.parts].every(known) && sumAddsUp(sum, valueOf);
  for (let fell = true; fell; ) {
    fell = false;
    for (const field of solved.keys()) {
      const its = sumsOf(field);
      if (its.length >= 2 && its.every(addsUp)) continue;
      solved.delete(field);
      fell = true;
    }
  }
  for (const [field, figure] of solved) {
    field.value = figure / 100;
    field.notes.push(solvedNote(unknown.get(field)![0]!, printed(figure)));
  }
  return solved.size;
}
