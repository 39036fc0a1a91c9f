/**
 * What the page shows of a field: its id, where it sits (row, indicator, column label), the value as the
 * editor holds it, its confidence and notes, and the pages its crops come from.
 */
import type { Extraction, Field, Source } from '../schemas/extraction.js';
import { displayValue, FIELD_LABELS, fieldAt, fieldId, fieldKind, formatFieldPath, listFields, type FieldKind, type FieldPath } from './fields.js';
import { isReviewed } from './recheck.js';

export interface FieldView {
  /** `<sha256>/<path>`: the page's `data-field-id`. */
  id: string;
  path: string;
  /** The row's position, null for a document field. */
  row: number | null;
  /** The indicator's position in its row, or null. */
  indicator: number | null;
  /** What the field belongs to, for a heading: the row's name (or `Document` for a document field). */
  context: string;
  /** The column, and for an indicator its number and name: `年度指标值 · 指标 2 重点人群签约服务覆盖率`. */
  label: string;
  kind: FieldKind;
  /** Long text (a goal) is edited in a textarea. */
  multiline: boolean;
  /** As the editor holds it. */
  value: string;
  confidence: number;
  notes: string[];
  /** The pages its crops come from, in order. */
  pages: number[];
  sources: Source[];
  reviewed: boolean;
  flagged: boolean;
}

export function fieldView(sha256: string, x: Extraction, path: FieldPath, field: Field<unknown> = fieldAt(x, path)): FieldView {
  const kind = fieldKind(path);
  let context = 'Document';
  let label = FIELD_LABELS[path.key] ?? path.key;
  if (path.scope !== 'document') {
    const row = x.rows[path.row]!;
    context = row.name.value || `row ${path.row}`;
    if (path.scope === 'indicator') {
      const ind = row.indicators[path.indicator]!;
      label = `${label} · 指标 ${ind.seq}${path.key === 'name' ? '' : ` ${ind.name.value}`}`;
    }
  }
  const value = displayValue(kind, field.value);
  return {
    id: fieldId(sha256, path),
    path: formatFieldPath(path),
    row: path.scope === 'document' ? null : path.row,
    indicator: path.scope === 'indicator' ? path.indicator : null,
    context,
    label,
    kind,
    multiline: kind === 'optional-text' || value.length > 60,
    value,
    confidence: field.confidence,
    notes: field.notes ?? [],
    pages: [...new Set(field.sources.map((s) => s.page))],
    sources: field.sources,
    reviewed: isReviewed(field),
    flagged: field.confidence < x.review.threshold,
  };
}

/** The fields below the review threshold, lowest confidence first (document order among equals). */
export function flaggedFields(sha256: string, x: Extraction): FieldView[] {
  return listFields(x)
    .filter((f) => f.field.confidence < x.review.threshold)
    .map((f, order) => ({ order, view: fieldView(sha256, x, f.path, f.field) }))
    .sort((a, b) => a.view.confidence - b.view.confidence || a.order - b.order)
    .map((f) => f.view);
}

/** The fields whose value, confidence or notes differ between `before` and `after`, as the page shows them. */
export function changedFields(sha256: string, before: Extraction, after: Extraction): FieldView[] {
  const was = new Map(listFields(before).map((f) => [formatFieldPath(f.path), JSON.stringify(f.field)]));
  return listFields(after)
    .filter((f) => was.get(formatFieldPath(f.path)) !== JSON.stringify(f.field))
    .map((f) => fieldView(sha256, after, f.path, f.field));
}
