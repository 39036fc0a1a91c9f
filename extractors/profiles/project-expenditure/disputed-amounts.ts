/**
 * Amounts the two OCR models read differently, settled by the sums. Each such amount has two readings (its
 * dispute note says both); when exactly one choice among them makes every sum of the table add up (each row,
 * each unit with its projects, the 合计 with its units), that choice is taken: the figures are the other
 * model's, and arithmetic that involves every other amount of the table agrees with them. The fields keep their
 * dispute note, and the sums then vouch for them (`vouchForAmounts`).
 */
import type { DraftField } from '../../../pipeline/field.js';
import type { DraftRow } from '../../../pipeline/types.js';
import { readDisputeNote } from '../../raster/ocr-read.js';
import { AMOUNT_KEYS, fieldSums, sumAddsUp } from './sum-groups.js';

/** An amount as a dispute note writes it (`amountReadAgain` in extractors/raster/ocr-cells.ts). */
const AMOUNT_READING = /^[\d,.]+$/;

/** The two readings of the dispute note an amount's second read wrote; undefined where it wrote none. */
export function amountDispute(notes: readonly string[]): [read: string, other: string] | undefined {
  for (const note of notes) {
    const d = readDisputeNote(note);
    if (d && d.dictionaryWord === null && AMOUNT_READING.test(d.first) && AMOUNT_READING.test(d.other)) return [d.first, d.other];
  }
  return undefined;
}

/** The most disputed amounts whose readings are tried together (2^n choices). */
export const MAX_SETTLED_DISPUTES = 10;

/** The note on an amount settled by the sums; `review/check-notes.ts` knows it. */
export const settledNote = (read: string, other: string): string => `settled by the sums: the other OCR model's ${other}, not ${read}, with which every sum adds up`;

/**
 * An amount as read (grouped or not) to cents, as the checks count them; null when it is none. `printed`: only
 * as the tables print amounts, two decimals at most (a reading to be taken must be one).
 */
function cents(text: string, printed = false): number | null {
  const plain = text.replace(/,/g, '');
  return (printed ? /^\d+(?:\.\d{1,2})?$/ : /^\d+(?:\.\d+)?$/).test(plain) ? Math.round(Number(plain) * 100) : null;
}

/**
 * Take the other model's reading of disputed amounts where exactly one choice of readings makes every sum of
 * the table add up and the readings as they stand do not. Changes the fields in place; returns how many
 * changed.
 */
export function settleDisputedAmounts(rows: readonly DraftRow[]): number {
  const disputes: { field: DraftField<number | null>; read: string; other: string; readCents: number; otherCents: number }[] = [];
  for (const row of rows) {
    for (const key of AMOUNT_KEYS) {
      const field = row[key];
      const dispute = amountDispute(field.notes);
      if (!dispute || field.value === null) continue;
      const [read, other] = dispute;
      const readCents = cents(read);
      const otherCents = cents(other, true);
      // The note is about what the field holds, and the other reading differs as an amount.
      if (readCents === null || otherCents === null || readCents !== Math.round(field.value * 100) || otherCents === readCents) continue;
      disputes.push({ field, read, other, readCents, otherCents });
    }
  }
  if (disputes.length === 0 || disputes.length > MAX_SETTLED_DISPUTES) return 0;
  const value = new Map<DraftField<number | null>, number>();
  const valueOf = (field: DraftField<number | null>) => value.get(field) ?? Math.round((field.value ?? 0) * 100);
  const sums = fieldSums(rows);
  const fitting: number[] = [];
  for (let choice = 0; choice < 1 << disputes.length; choice++) {
    disputes.forEach((d, i) => value.set(d.field, choice & (1 << i) ? d.otherCents : d.readCents));
    if (sums.every((sum) => sumAddsUp(sum, valueOf))) fitting.push(choice);
    if (fitting.length > 1) return 0;
  }
  if (fitting.length !== 1 || fitting[0] === 0) return 0;
  let changed = 0;
  disputes.forEach((d, i) => {
    if (!(fitting[0]! & (1 << i))) return;
    d.field.value = d.otherCents / 100;
    d.field.notes.push(settledNote(d.read, d.other));
    changed++;
  });
  return changed;
}
