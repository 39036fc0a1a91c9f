/**
 * Corrections carried over to a new extraction of the same bytes (`extract --force`, or a new pipeline
 * version): a database keeps what its reviewers decided instead of losing it to the next run.
 *
 * A recorded action applies again only where it still means what it meant: the field exists at its path and
 * the new extraction reads the value the reviewer saw (`original_value`). A field the new pipeline reads
 * differently is left as read (flagged or not, by its own confidence): the reviewer decided about another value.
 * Actions apply in the order they were taken, so a field corrected twice ends at the last value.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Extraction } from '../schemas/extraction.js';
import { renameUnit, type CorrectionRecord } from './corrections.js';
import { ReviewError } from './errors.js';
import { fieldAt, parseFieldPath, type FieldPath } from './fields.js';
import { markReviewed, recheck } from './recheck.js';

export interface Reapplied {
  extraction: Extraction;
  /** The ids of the corrections applied again. */
  applied: string[];
}

/** `x` with `corrections` (oldest first) applied again where they still hold; `x` itself when none does. */
export function reapplyCorrections(x: Extraction, corrections: readonly Pick<CorrectionRecord, 'id' | 'fieldPath' | 'originalValue' | 'correctedValue'>[]): Reapplied {
  const out = structuredClone(x);
  const applied: string[] = [];
  for (const c of corrections) {
    let path: FieldPath;
    let field;
    try {
      path = parseFieldPath(c.fieldPath);
      field = fieldAt(out, path);
    } catch (error) {
      // A path the new extraction has no field at (fewer rows, fewer indicators): nothing to apply it to.
      if (error instanceof ReviewError) continue;
      throw error;
    }
    if (!isDeepStrictEqual(field.value, c.originalValue)) continue;
    field.value = structuredClone(c.correctedValue);
    markReviewed(field);
    if (path.scope === 'row' && path.key === 'name' && out.rows[path.row]!.kind === 'unit') renameUnit(out, path.row, field.value as string);
    applied.push(c.id);
  }
  return { extraction: applied.length > 0 ? recheck(out) : x, applied };
}

/** The columns of `corrections` that carrying them over needs, as both databases return them. */
export interface CorrectionColumns {
  id: string;
  field_path: string;
  original_value: unknown;
  corrected_value: unknown;
}

export const CORRECTIONS_FOR_REAPPLY = 'SELECT id, field_path, original_value, corrected_value FROM corrections WHERE document_sha256 = ';

/** Rows of `corrections` as records to apply again; `json` columns come as text from SQLite, parsed from PostgreSQL. */
export function toReapply(rows: readonly CorrectionColumns[], jsonAsText: boolean): Pick<CorrectionRecord, 'id' | 'fieldPath' | 'originalValue' | 'correctedValue'>[] {
  const json = (v: unknown) => (jsonAsText && typeof v === 'string' ? JSON.parse(v) : (v ?? null));
  return rows.map((r) => ({ id: r.id, fieldPath: r.field_path, originalValue: json(r.original_value), correctedValue: json(r.corrected_value) }));
}
