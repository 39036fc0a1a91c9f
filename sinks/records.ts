/**
 * A document as database rows: one record per table row of `schema.ts`, keyed by column name. The databases
 * and the CSV export are written from these records alone, so they cannot disagree.
 */
import type { Extraction, Field, Target } from '../schemas/extraction.js';
import type { DoneDocument, FailedDocument } from './sink.js';

export type SqlValue = string | number | boolean | null;
/** A value for a `json` column: stored as its JSON text. */
export type JsonValue = { json: unknown };
export type RecordValue = SqlValue | JsonValue;
export type Row = Record<string, RecordValue>;

export interface DocumentRecords {
  document: Row;
  tableRows: Row[];
  indicators: Row[];
  checks: Row[];
}

/** An extraction's page errors in one line (why it is partial). */
export function pageErrorsText(extraction: Extraction): string {
  return extraction.errors.map((e) => (e.page ? `page ${e.page}: ` : '') + e.message).join('; ');
}

const json = (value: unknown): JsonValue => ({ json: value });

export function isJson(value: RecordValue): value is JsonValue {
  return typeof value === 'object' && value !== null;
}

export function doneRecords(doc: DoneDocument): DocumentRecords {
  const x = doc.extraction;
  const sha = doc.key.sha256;
  const document: Row = {
    sha256: sha,
    pipeline_version: doc.key.pipelineVersion,
    status: x.status,
    error_code: null,
    error: x.errors.length > 0 ? pageErrorsText(x) : null,
    file: doc.input.file,
    source_path: doc.input.sourcePath,
    ...field('department', x.document.department),
    ...field('title', x.document.title),
    ...field('currency_unit', x.document.currencyUnit),
    year: doc.year,
    year_source: doc.yearSource,
    page_count: x.source.pages.length,
    row_count: x.rows.length,
    fields: x.review.fields,
    flagged: x.review.flagged,
    review_threshold: x.review.threshold,
    extracted_at: doc.extractedAt,
    extraction: json(x),
  };
  const tableRows: Row[] = x.rows.map((r, position) => ({
    document_sha256: sha,
    position,
    kind: r.kind,
    unit: r.unit,
    pages: json(r.pages),
    ...field('name', r.name),
    ...field('total', r.total),
    ...field('fiscal', r.fiscal),
    ...field('special_account', r.specialAccount),
    ...field('other', r.other),
    ...field('goal', r.goal),
    needs_review: r.needsReview,
  }));
  const indicators: Row[] = x.rows.flatMap((r, rowPosition) =>
    r.indicators.map((ind, position) => ({
      document_sha256: sha,
      row_position: rowPosition,
      position,
      seq: ind.seq,
      level1_code: ind.level1.value.code,
      level1_name: ind.level1.value.name,
      level1_confidence: ind.level1.confidence,
      level2_code: ind.level2.value.code,
      level2_name: ind.level2.value.name,
      level2_confidence: ind.level2.confidence,
      ...field('name', ind.name),
      ...targetColumns('period_target', ind.periodTarget),
      ...targetColumns('annual_target', ind.annualTarget),
    })),
  );
  const checks: Row[] = x.checks.map((c, position) => ({
    document_sha256: sha,
    position,
    rule: c.rule,
    ok: c.ok,
    rows: json(c.rows),
    message: c.message,
  }));
  return { document, tableRows, indicators, checks };
}

/** A failed document: its row in `documents`, with what is known (no rows of its own). */
export function failedRecord(doc: FailedDocument): Row {
  return {
    sha256: doc.key.sha256,
    pipeline_version: doc.key.pipelineVersion,
    status: 'failed',
    error_code: doc.code,
    error: doc.error,
    file: doc.input.file,
    source_path: doc.input.sourcePath,
    department: null,
    department_confidence: null,
    title: null,
    title_confidence: null,
    currency_unit: null,
    currency_unit_confidence: null,
    year: null,
    year_source: null,
    page_count: null,
    row_count: null,
    fields: null,
    flagged: null,
    review_threshold: null,
    extracted_at: doc.extractedAt,
    extraction: null,
  };
}

function field<T extends SqlValue>(name: string, f: Field<T>): Row {
  return { [name]: f.value, [`${name}_confidence`]: f.confidence };
}

function targetColumns(prefix: string, f: Field<Target>): Row {
  return {
    [`${prefix}_raw`]: f.value.raw,
    [`${prefix}_comparator`]: f.value.comparator,
    [`${prefix}_value`]: f.value.value,
    [`${prefix}_unit`]: f.value.unit,
    [`${prefix}_confidence`]: f.confidence,
  };
}
