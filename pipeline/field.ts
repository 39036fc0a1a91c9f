/**
 * Building fields and lowering their confidence, with the reason written down every time.
 */
import type { Field } from '../schemas/extraction.js';
import { charDoubts, charRepairs, lowestCharConfidence, textToSources, type PositionedText } from '../extractors/text/positioned-text.js';
import { ocrValueConfidence, REPAIR_FACTOR } from './confidence.js';

/** A field under construction: confidence and notes change as stages learn more. */
export type DraftField<T> = Field<T> & { notes: string[] };

/** A field read from `text[start..end)` with the confidence the reading earned. */
export function fieldFrom<T>(value: T, text: PositionedText | null, confidence: number, notes: readonly string[] = [], start = 0, end?: number): DraftField<T> {
  return {
    value,
    confidence,
    sources: text ? textToSources(text, start, end ?? text.text.length) : [],
    notes: [...notes],
  };
}

/**
 * The note on a field a check vouched for (a sum that adds up, the format's names, the document's own words), with
 * the confidence it had before; `review/check-notes.ts` reads that confidence back from it.
 */
export const vouchedNote = (rules: readonly string[], before: number): string => `vouched for by ${rules.join(', ')}: raised from ${before.toFixed(4)}`;

/** Cap a field's confidence at `cap` (a probability), noting why. Never raises it. */
export function capConfidence(field: DraftField<unknown>, cap: number, note: string): void {
  field.confidence = Math.min(field.confidence, cap);
  if (!field.notes.includes(note)) field.notes.push(note);
}

/** Multiply a field's confidence by `factor` (0..1), noting why. */
export function scaleConfidence(field: DraftField<unknown>, factor: number, note: string): void {
  field.confidence *= factor;
  if (!field.notes.includes(note)) field.notes.push(note);
}

/** The field as output: confidence rounded to 4 places, `notes` left out when empty. */
export function finishField<T>(field: DraftField<T>): Field<T> {
  const out: Field<T> = { value: field.value, confidence: Math.round(field.confidence * 10000) / 10000, sources: field.sources };
  if (field.notes.length > 0) out.notes = field.notes;
  return out;
}

/** How the note of a character's repair begins, in the field it was read into (`capByOcr`). */
export const REPAIRED_NOTE = 'repaired: ';

/** Cap a field read from `text[start..end)` by the OCR confidence of its characters, when it was read by OCR. */
export function capByOcr(field: DraftField<unknown>, text: PositionedText | null, start = 0, end?: number): void {
  if (!text) return;
  const stop = end ?? text.text.length;
  const ocr = lowestCharConfidence(text, start, stop);
  if (ocr !== null) capConfidence(field, ocrValueConfidence(ocr), `${OCR_NOTE_PREFIX} ${ocr.toFixed(2)})`);
  if (ocr !== null && !bracketsBalance(text.text.slice(start, stop))) {
    capConfidence(field, UNBALANCED_CAP, 'read by OCR with unbalanced brackets: one may be missing or misread');
  }
  for (const repair of charRepairs(text, start, stop)) scaleConfidence(field, REPAIR_FACTOR, `${REPAIRED_NOTE}${repair}`);
  for (const doubt of charDoubts(text, start, stop)) if (!field.notes.includes(doubt)) field.notes.push(doubt);
}

/** Whether a field was read by OCR (`capByOcr` noted its characters' confidence). */
export function readByOcr(field: DraftField<unknown>): boolean {
  return field.notes.some((n) => n.startsWith(OCR_NOTE_PREFIX));
}

const OCR_NOTE_PREFIX = 'read by OCR (lowest character confidence';

/**
 * Notes that say how a value was read, not what is wrong with it: the page's method and preparation (no text
 * layer, an embedded scan or an image page, the resolution, the deskew), a row joined across a page break, and
 * `capByOcr`'s lowest character confidence. Checks that vouch for a value look past them to its doubts.
 */
const HOW_READ_NOTE = /^(?:no text layer|an embedded scan|rendered at|an image page|deskewed by|joined across the page break|read by OCR \(lowest)/;

/** Whether `note` only says how its value was read (`HOW_READ_NOTE`). */
export const isHowReadNote = (note: string): boolean => HOW_READ_NOTE.test(note);

/** A value read by OCR whose brackets do not pair up. */
const UNBALANCED_CAP = 0.6;

/** Whether every opening bracket is closed, in order, by one of the same width. */
export function bracketsBalance(text: string): boolean {
  const open: string[] = [];
  for (const ch of text) {
    if (ch === '(' || ch === '（' || ch === '〈') open.push(ch);
    else if (ch === ')' || ch === '）' || ch === '〉') {
      const o = open.pop();
      if (o === undefined || (o === '(') !== (ch === ')')) return false;
    }
  }
  return open.length === 0;
}
