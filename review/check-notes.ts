/**
 * Undoing what a failed check did to a field, so the checks can be evaluated again after a correction.
 *
 * A failed check caps the confidence of the fields it involves and notes why (`checks.ts`); sums that add up
 * raise the amounts in them and note from where (`vouchForAmounts`). The extraction
 * keeps the capped confidence, not the one before: when a correction makes the check pass, the confidence
 * before the cap has to be recovered. It is recovered exactly in two cases, and otherwise left where it is:
 *
 * - the cap did not bind (the field was already below it): the confidence is the one before;
 * - every other note of the field is one whose effect is known (the notes are written in the order their
 *   effects were applied, from the page's read confidence): replaying them gives the confidence before.
 *
 * A note whose effect is unknown here means the confidence stays capped: never raised on a guess. The table of
 * effects mirrors the pipeline's (`pipeline/confidence.ts`, `pipeline/field.ts`, the profile's `rows.ts`);
 * `test/review-recheck.test.ts` replays every field of real extractions against it, so a change there that is
 * not made here fails a test.
 */
import {
  FAILED_CHECK_CAP,
  FAILED_SUM_AGGREGATE_CAP,
  FAILED_SUM_PART_CAP,
  OCR_PAGE_CONFIDENCE,
  ocrValueConfidence,
  REPAIR_FACTOR,
  SPLIT_CELL_FACTOR,
  STITCH_FACTOR,
  STRADDLING_CAP,
  TEXT_LAYER_CONFIDENCE,
  UNCERTAIN_KIND_CAP,
  UNPARSED_CAP,
  UNSURE_ORIENTATION_CAP,
  WHITESPACE_LAYOUT_FACTOR,
} from '../pipeline/confidence.js';
import { CHECK_RULES } from '../extractors/profiles/project-expenditure/checks.js';
import { PLACED_BY_POSITION_CAP } from '../extractors/table/columns.js';

/** The note a reviewed field carries: a person confirmed or corrected it. */
export const REVIEWED_NOTE = 'reviewed';

const RULES = Object.values(CHECK_RULES).join('|');
const CHECK_NOTE_RE = new RegExp(`^(${RULES}) failed(?: for |: )`);
const SUM_PART_NOTE_RE = new RegExp(`^(${CHECK_RULES.unitSum}|${CHECK_RULES.totalSum}) failed for `);
const SUM_AGGREGATE_NOTE_RE = new RegExp(`^(${CHECK_RULES.unitSum}|${CHECK_RULES.totalSum}) failed: `);
const ROW_AMOUNTS_NOTE_RE = new RegExp(`^${CHECK_RULES.rowAmounts} failed: `);

/** The note on an amount the sums vouched for, with the confidence it had before (`vouchedNote` in checks.ts). */
const VOUCHED_NOTE_RE = /^vouched for by [a-z0-9, -]+: raised from ([0-9.]+)$/;

/** Whether a note was written by a check: one that failed, or the sums that vouched for an amount. */
export function isCheckNote(note: string): boolean {
  return CHECK_NOTE_RE.test(note) || VOUCHED_NOTE_RE.test(note);
}

/** The cap a check note stands for, on a field whose key (`total`, `fiscal`, `name`…) is `key`. */
function checkCap(note: string, key: string): number {
  if (ROW_AMOUNTS_NOTE_RE.test(note)) return key === 'total' ? FAILED_SUM_AGGREGATE_CAP : FAILED_SUM_PART_CAP;
  if (SUM_PART_NOTE_RE.test(note)) return FAILED_SUM_PART_CAP;
  if (SUM_AGGREGATE_NOTE_RE.test(note)) return FAILED_SUM_AGGREGATE_CAP;
  return FAILED_CHECK_CAP;
}

type Effect = { cap: number } | { factor: number } | 'none';

/** `pipeline/field.ts` caps a value read by OCR with unbalanced brackets at this (not exported there). */
const UNBALANCED_CAP = 0.6;
/** The profile's `rows.ts` caps targets that look misread (one character apart, a number that is none) at this. */
const NEAR_MISS_CAP = 0.6;

/** Notes whose effect on a field's confidence is known, in the pipeline's words. */
const KNOWN_NOTES: readonly { re: RegExp; effect: (m: RegExpExecArray) => Effect }[] = [
  // How the page was read: the page's read confidence, which is where replay starts.
  { re: /: read by OCR$/, effect: () => 'none' },
  { re: /: read by OCR \(the image (gives no resolution|says \d+ dpi, which would make the page [^)]*): \d+ dpi assumed\)$/, effect: () => 'none' },
  { re: /^rendered at \d+ dpi$/, effect: () => 'none' },
  { re: /^an embedded scan, rendered at its own resolution/, effect: () => 'none' },
  { re: /^deskewed by -?[\d.]+°$/, effect: () => 'none' },
  { re: /^speckle noise filtered$/, effect: () => 'none' },
  { re: /^turned by 90° clockwise as a guess: /, effect: () => ({ cap: UNSURE_ORIENTATION_CAP }) },
  { re: /^turned by (90|180|270)° clockwise: /, effect: () => 'none' },
  // Doubts about characters lowered those characters' OCR confidence, which the next note carries.
  { re: /^two OCR models read these characters differently(: one read .*, the other .*)?$/, effect: () => 'none' },
  // The sums chose the other model's reading: the value changed, its confidence did not (vouching raises it).
  { re: /^settled by the sums: the other OCR model's [\d,.]+, not [\d,.]+, with which every sum adds up$/, effect: () => 'none' },
  // The sums gave a figure to an amount OCR read in part: the value changed, its confidence did not.
  { re: /^put back from the sums: OCR read [\d,.，．]+, and with [\d,.]+, which ends with those digits, every sum adds up$/, effect: () => 'none' },
  { re: /^ink (between two characters|beside the end of a line) that OCR did not read: a character may be missing$/, effect: () => 'none' },
  { re: /^a mark (between two characters|after the end of a line) that OCR did not read: punctuation may be missing$/, effect: () => 'none' },
  { re: /^ink on a line of its own that OCR did not read: a character may be missing$/, effect: () => 'none' },
  { re: /^一 between two digits: a range mark \(～ or -\) may be misread$/, effect: () => 'none' },
  { re: /^OCR gave some characters no position on the page/, effect: () => 'none' },
  { re: /^a character read where the ink is as wide as two/, effect: () => 'none' },
  { re: /read where the ink is much wider than/, effect: () => 'none' },
  { re: /^commas of both widths were read in this cell/, effect: () => 'none' },
  { re: /could be (full or )?half width/, effect: () => 'none' },
  { re: /^. could be another comparator \(≥ ≤ > <\): its shape did not say$/, effect: () => 'none' },
  { re: /^read by OCR \(lowest character confidence ([0-9.]+)\)$/, effect: (m) => ({ cap: ocrValueConfidence(Number(m[1])) }) },
  { re: /^read by OCR with unbalanced brackets/, effect: () => ({ cap: UNBALANCED_CAP }) },
  { re: /^repaired: /, effect: () => ({ factor: REPAIR_FACTOR }) },
  { re: /^joined across the page break/, effect: () => ({ factor: STITCH_FACTOR }) },
  { re: /^\d+ character\(s\) sit on a ruling line/, effect: () => ({ cap: STRADDLING_CAP }) },
  { re: /^read from \d+ drawn cells joined left to right$/, effect: () => ({ factor: SPLIT_CELL_FACTOR }) },
  { re: /^its cell spans two columns \(a ruling line between them not found\): placed by the position of its characters$/, effect: () => ({ cap: PLACED_BY_POSITION_CAP }) },
  { re: /^columns and rows inferred from the text layout/, effect: () => ({ factor: WHITESPACE_LAYOUT_FACTOR }) },
  { re: /^the project has no 绩效目标$/, effect: () => ({ cap: UNCERTAIN_KIND_CAP }) },
  { re: /^the row has no amounts: it may be a fragment of another row$/, effect: () => ({ cap: UNCERTAIN_KIND_CAP }) },
  { re: /^a unit row: its 绩效目标 and 绩效指标 cells hold only ink OCR could not read$/, effect: () => ({ cap: UNCERTAIN_KIND_CAP }) },
  { re: /^Expected (an amount such as|digits grouped by thousands)/, effect: () => ({ cap: UNPARSED_CAP }) },
  { re: /^indicator \d+(: | reads «)/, effect: () => ({ cap: UNPARSED_CAP }) },
  { re: /^实施周期指标值 .* and 年度指标值 .* differ by one character/, effect: () => ({ cap: NEAR_MISS_CAP }) },
  { re: / reads like a number but is none: misread$/, effect: () => ({ cap: NEAR_MISS_CAP }) },
  { re: / without %: % may be read as digits$/, effect: () => ({ cap: NEAR_MISS_CAP }) },
];

/**
 * The confidence that `notes` give a field read from a page read `method`-wise, replayed in order from the
 * page's read confidence; null when a note's effect is unknown.
 */
export function replayNotes(notes: readonly string[], method: 'text' | 'ocr'): number | null {
  let confidence = method === 'ocr' ? OCR_PAGE_CONFIDENCE : TEXT_LAYER_CONFIDENCE;
  for (const note of notes) {
    let effect: Effect | null = null;
    for (const known of KNOWN_NOTES) {
      const m = known.re.exec(note);
      if (m) {
        effect = known.effect(m);
        break;
      }
    }
    if (effect === null) return null;
    if (effect === 'none') continue;
    confidence = 'cap' in effect ? Math.min(confidence, effect.cap) : confidence * effect.factor;
  }
  return confidence;
}

/** How far a replayed confidence may sit from the stored one: the OCR note prints two decimals. */
export const REPLAY_TOLERANCE = 0.006;

/**
 * A field's confidence and notes with the effect of every failed check taken out: the check notes removed and
 * the confidence brought back to what it was before them, when that can be known (see the top of this file).
 *
 * @param key the field's key (`total`, `fiscal`, `name`…): a failed row sum caps `total` lower than its parts.
 */
export function withoutCheckEffects(field: { confidence: number; notes?: string[] }, key: string, method: 'text' | 'ocr'): { confidence: number; notes: string[] } {
  const notes = field.notes ?? [];
  // Vouching raised the field last, and its note says from where: that is the confidence before.
  const vouched = notes.map((n) => VOUCHED_NOTE_RE.exec(n)).find((m) => m !== null);
  if (vouched) return { confidence: Number(vouched[1]), notes: notes.filter((n) => !isCheckNote(n)) };
  const checkNotes = notes.filter(isCheckNote);
  const others = notes.filter((n) => !isCheckNote(n));
  if (checkNotes.length === 0) return { confidence: field.confidence, notes: others };
  const lowestCap = Math.min(...checkNotes.map((n) => checkCap(n, key)));
  // Below every cap, the caps changed nothing: the confidence is the one the field had before them.
  if (field.confidence < lowestCap - 1e-9) return { confidence: field.confidence, notes: others };
  const replayed = replayNotes(others, method);
  // A replay below what the field has means the table above is out of step with the pipeline: keep the cap.
  if (replayed === null || replayed < field.confidence - REPLAY_TOLERANCE) return { confidence: field.confidence, notes: others };
  return { confidence: Math.max(field.confidence, replayed), notes: others };
}
