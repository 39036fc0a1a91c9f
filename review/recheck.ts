/**
 * Evaluating a document's checks again after a review, with the profile's own check functions: a corrected
 * amount can make a sum pass (its parts get back the confidence they had before the check lowered them) or
 * fail (the fields it involves are capped and noted, as the pipeline does). Reviewed fields stay at 1: a
 * person has looked at them, and a check that fails around them points at the fields nobody has looked at yet.
 *
 * Then the review counts (`review.flagged`, each row's `needsReview`) are counted again.
 */
import { checkProjectRows } from '../extractors/profiles/project-expenditure/checks.js';
import type { DraftField } from '../pipeline/field.js';
import type { DraftIndicator, DraftRow, StageContext } from '../pipeline/types.js';
import type { Extraction, Field, Row } from '../schemas/extraction.js';
import { REVIEWED_NOTE, withoutCheckEffects } from './check-notes.js';
import { listFields } from './fields.js';

/** Whether a person has accepted or corrected the field. */
export function isReviewed(field: Field<unknown>): boolean {
  return field.notes?.includes(REVIEWED_NOTE) === true;
}

/** Mark a field reviewed: confidence 1, and `reviewed` as its one note (the audit trail keeps the old ones). */
export function markReviewed(field: Field<unknown>): void {
  field.confidence = 1;
  field.notes = [REVIEWED_NOTE];
}

/**
 * `x` with its checks evaluated again, the confidences and notes they decide brought up to date, and the
 * review counts recounted. `x` is not changed.
 */
export function recheck(x: Extraction): Extraction {
  const out = structuredClone(x);
  const methods = new Map(out.source.pages.map((p) => [p.page, p.method]));
  const draftRows: DraftRow[] = out.rows.map((row) => {
    const fallbackPage = row.pages[0];
    const draft = <T>(field: Field<T>, key: string): DraftField<T> => {
      const page = field.sources[0]?.page ?? fallbackPage;
      const method = (page !== undefined ? methods.get(page) : undefined) ?? 'text';
      if (isReviewed(field)) return { ...field, notes: [REVIEWED_NOTE] };
      return { ...field, ...withoutCheckEffects(field, key, method) };
    };
    return {
      kind: row.kind,
      unit: row.unit,
      pages: row.pages,
      name: draft(row.name, 'name'),
      total: draft(row.total, 'total'),
      fiscal: draft(row.fiscal, 'fiscal'),
      specialAccount: draft(row.specialAccount, 'specialAccount'),
      other: draft(row.other, 'other'),
      goal: draft(row.goal, 'goal'),
      indicators: row.indicators.map(
        (ind): DraftIndicator => ({
          seq: ind.seq,
          level1: draft(ind.level1, 'level1'),
          level2: draft(ind.level2, 'level2'),
          name: draft(ind.name, 'name'),
          periodTarget: draft(ind.periodTarget, 'periodTarget'),
          annualTarget: draft(ind.annualTarget, 'annualTarget'),
        }),
      ),
    };
  });
  // The checks read only the review threshold from the stage context (a sum miss is pinned on its one doubtful
  // field, doubtful meaning below the threshold).
  out.checks = checkProjectRows(draftRows, { settings: { reviewThreshold: out.review.threshold } } as StageContext) as Extraction['checks'];
  out.rows = draftRows.map((d, r) => finishRow(d, out.rows[r]!));
  return recount(out);
}

/** A draft row back to the contract: reviewed fields pinned at 1, confidences rounded as the pipeline rounds them. */
function finishRow(d: DraftRow, before: Row): Row {
  return {
    ...before,
    unit: d.unit,
    name: finish(d.name),
    total: finish(d.total),
    fiscal: finish(d.fiscal),
    specialAccount: finish(d.specialAccount),
    other: finish(d.other),
    goal: finish(d.goal),
    indicators: d.indicators.map((ind, i) => ({
      ...before.indicators[i]!,
      level1: finish(ind.level1),
      level2: finish(ind.level2),
      name: finish(ind.name),
      periodTarget: finish(ind.periodTarget),
      annualTarget: finish(ind.annualTarget),
    })),
  };
}

function finish<T>(field: DraftField<T>): Field<T> {
  if (field.notes.includes(REVIEWED_NOTE)) return { value: field.value, confidence: 1, sources: field.sources, notes: [REVIEWED_NOTE] };
  const out: Field<T> = { value: field.value, confidence: Math.round(field.confidence * 10000) / 10000, sources: field.sources };
  if (field.notes.length > 0) out.notes = field.notes;
  return out;
}

/** `review.fields`, `review.flagged` and each row's `needsReview`, from the fields as they stand. */
export function recount(x: Extraction): Extraction {
  const threshold = x.review.threshold;
  const fields = listFields(x);
  const flaggedRows = new Set(fields.filter((f) => f.field.confidence < threshold && f.path.scope !== 'document').map((f) => (f.path as { row: number }).row));
  x.rows.forEach((row, r) => (row.needsReview = flaggedRows.has(r)));
  x.review = { threshold, fields: fields.length, flagged: fields.filter((f) => f.field.confidence < threshold).length };
  return x;
}
