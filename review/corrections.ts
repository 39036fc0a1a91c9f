/**
 * A review action on one field, as a pure function of the document: accept the value as extracted, or
 * correct it. Either way the field becomes the reviewer's (confidence 1, note `reviewed`), the checks are
 * evaluated again and the review counts recounted, and an audit record says what the field was before.
 */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Extraction } from '../schemas/extraction.js';
import { ReviewError } from './errors.js';
import { displayValue, fieldAt, fieldKind, formatFieldPath, parseEditedValue, type FieldPath } from './fields.js';
import { markReviewed, recheck } from './recheck.js';

export type ReviewAction = 'accept' | 'correct';

/** One row of `corrections`: what a reviewer did to a field. */
export interface CorrectionRecord {
  id: string;
  documentSha256: string;
  /** The field's path in the document (`5/total`). */
  fieldPath: string;
  /** `accept` keeps the value; `correct` changes it (a correction to the same value is an acceptance). */
  action: ReviewAction;
  originalValue: unknown;
  originalConfidence: number;
  originalNotes: string[];
  correctedValue: unknown;
  reviewer: string;
  /** ISO 8601. */
  correctedAt: string;
}

export interface ReviewRequest {
  path: FieldPath;
  action: ReviewAction;
  /** For `correct`: the value as typed in the editor. */
  value?: unknown;
  /**
   * The value as the reviewer saw it (`displayValue`): when given and the field no longer holds it (another
   * reviewer changed it meanwhile), the action is refused with a 409 rather than applied on top.
   * @default undefined
   */
  expected?: string;
  reviewer: string;
  /** @default now */
  at?: Date;
}

/** Apply `request` to `x` (not changed): the document after, and the audit record. */
export function applyReview(sha256: string, x: Extraction, request: ReviewRequest): { extraction: Extraction; correction: CorrectionRecord } {
  const out = structuredClone(x);
  const field = fieldAt(out, request.path);
  const kind = fieldKind(request.path);
  const shown = displayValue(kind, field.value);
  if (request.expected !== undefined && request.expected !== shown) {
    throw new ReviewError(409, `Expected ${formatFieldPath(request.path)} to still read ${JSON.stringify(request.expected)}, got ${JSON.stringify(shown)}: someone changed it meanwhile; reload to see it`);
  }
  const original = { value: structuredClone(field.value), confidence: field.confidence, notes: [...(field.notes ?? [])] };
  // The text as shown, sent back unchanged, is an acceptance: reading it again could only lose something (a
  // level whose code was not found shows as `-name`, which reads back otherwise).
  const unchanged = request.action === 'accept' || (typeof request.value === 'string' && request.value.trim() === shown);
  const value = unchanged ? field.value : parseEditedValue(kind, request.value, field.value);
  const action: ReviewAction = isDeepStrictEqual(value, field.value) ? 'accept' : 'correct';
  field.value = value;
  markReviewed(field);
  const p = request.path;
  if (p.scope === 'row' && p.key === 'name' && out.rows[p.row]!.kind === 'unit' && action === 'correct') renameUnit(out, p.row, value as string);
  return {
    extraction: recheck(out),
    correction: {
      id: randomUUID(),
      documentSha256: sha256,
      fieldPath: formatFieldPath(request.path),
      action,
      originalValue: original.value,
      originalConfidence: original.confidence,
      originalNotes: original.notes,
      correctedValue: structuredClone(value),
      reviewer: request.reviewer,
      correctedAt: (request.at ?? new Date()).toISOString(),
    },
  };
}

/** A unit row renamed: its projects (those after it, up to the next unit row) name it as their unit, as the profile reads them. */
export function renameUnit(x: Extraction, unitRow: number, name: string): void {
  for (let r = unitRow + 1; r < x.rows.length && x.rows[r]!.kind !== 'unit'; r++) {
    if (x.rows[r]!.kind === 'project') x.rows[r]!.unit = name;
  }
}
