/**
 * The numbers behind confidence. Each is a probability that a value read under that condition is right,
 * or a factor that scales it; all of them in one place so that calibration changes one file.
 */

/** A character from a text layer that passed the quality check: the PDF says what it says. */
export const TEXT_LAYER_CONFIDENCE = 0.99;
/** A page whose text layer is unreadable (broken ToUnicode map): whatever it yields is very likely wrong. */
export const GARBAGE_PAGE_CONFIDENCE = 0.05;
/** Columns and rows inferred from white space rather than drawn lines: cells can be misassigned. */
export const WHITESPACE_LAYOUT_FACTOR = 0.95;
/** A value joined from two pages: the join is right unless a piece was misplaced. */
export const STITCH_FACTOR = 0.98;
/** A cell with glyphs sitting on its border: text may belong to the neighbouring cell. */
export const STRADDLING_CAP = 0.7;
/** A column split by an extra drawn line: its parts were joined left to right. */
export const SPLIT_CELL_FACTOR = 0.95;
/** A value that does not parse (an amount that is not a number, an indicator that breaks the grammar). */
export const UNPARSED_CAP = 0.2;
/** A document field (title, department, currency unit) that was not found. */
export const MISSING_CAP = 0;
/** Aggregate of a sum that does not add up: one of the numbers is wrong, most likely read wrong. */
export const FAILED_SUM_AGGREGATE_CAP = 0.5;
/** A part of a sum that does not add up: it may be the wrong one. */
export const FAILED_SUM_PART_CAP = 0.85;
/**
 * An amount that adds up across its row and down its column with other amounts beside it: a misread digit
 * would have to be cancelled by another misread in two sums at once.
 */
export const VOUCHED_AMOUNT_CONFIDENCE = 0.95;
/**
 * A level-1 or level-2 field read by OCR whose pair is the format's own names and codes, one extending the other:
 * a misread would have to make another such name and its code at once.
 */
export const VOUCHED_LEVEL_CONFIDENCE = 0.95;
/**
 * A value read by OCR whose one doubt, a dispute between the two models, the dictionary decided for the first
 * reading, and whose word the document writes surely elsewhere (`word-vouchers.ts`).
 */
export const VOUCHED_WORD_CONFIDENCE = 0.95;
/** A value that a structural check (numbering, codes, units, duplicates) finds suspicious. */
export const FAILED_CHECK_CAP = 0.6;
/** A row whose kind was decided without the evidence of its amounts adding up. */
export const UNCERTAIN_KIND_CAP = 0.8;
/** A row of a white-space table whose boundary with a neighbour is doubtful: text may have crossed it. */
export const UNCERTAIN_BOUNDARY_CAP = 0.75;
/**
 * A page read by OCR, before its characters' own confidences: the layout (cells from pixel lines) is right
 * unless a check says otherwise; each value is then capped by the OCR confidence of its characters.
 */
export const OCR_PAGE_CONFIDENCE = 0.99;
/**
 * A digit put right because the same glyph is read surely as another digit elsewhere in the document
 * (`digit-consensus.ts`): likely right, and left for the reviewer all the same, since OCR read it otherwise.
 */
export const DIGIT_CONSENSUS_CAP = 0.5;
/** A scanned page with ink beside its table that no cell holds: a column may have gone unread. */
export const INK_BESIDE_TABLE_CAP = 0.5;
/** A scanned page whose text ran down it, turned upright as a guess: it may be upside down. */
export const UNSURE_ORIENTATION_CAP = 0.3;

/**
 * The probability that a value read by OCR is right, from the lowest confidence Tesseract gave one of its
 * characters (0..1). Tesseract's confidences run high: a character at 0.9 is wrong more often than one in
 * ten, so the mapping is steep below the top.
 */
export function ocrValueConfidence(lowestCharConfidence: number): number {
  return Math.max(0, Math.min(0.99, lowestCharConfidence));
}
/**
 * A value with a repaired character (a comparator read from its shape, a word of the fixed vocabulary): ×0.985
 * for each repair. Measured on the development and evaluation scans: of 822 OCR-read values whose only doubts
 * were repairs (885 repairs), one was wrong, and not for its repair; at ×0.97 a value with three repairs fell
 * below the review threshold though none such was wrong.
 */
export const REPAIR_FACTOR = 0.985;
