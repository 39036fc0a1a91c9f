/**
 * What review reads and writes in a database that `jixiao extract --db` loaded: the documents, each one's
 * extraction, and the audit trail of corrections. SQLite and PostgreSQL behind one interface, opened from
 * the same `--db` target as `extract`.
 *
 * A change to a document is one transaction: the document is read (locked, in PostgreSQL), changed, written
 * back as `extract` writes it (its `extraction` JSON and its rows, from the same records), and the corrections
 * are recorded; all of it or none of it.
 */
import { isPostgresUrl } from '../sinks/open-sinks.js';
import type { Row } from '../sinks/records.js';
import type { DoneDocument } from '../sinks/sink.js';
import { Extraction } from '../schemas/extraction.js';
import { YearSource } from '../schemas/batch.js';
import type { CorrectionRecord } from './corrections.js';
import { ReviewError } from './errors.js';

/** A document read from the database, with what is needed to write it back unchanged but for its extraction. */
export interface StoredDocument {
  sha256: string;
  pipelineVersion: string;
  file: string;
  /** Absolute path of the source file when it was extracted: where crops are rendered from. */
  sourcePath: string;
  year: number | null;
  yearSource: YearSource | null;
  /** ISO 8601. */
  extractedAt: string;
  extraction: Extraction;
}

/** A line of the document list. */
export interface DocumentSummary {
  sha256: string;
  file: string;
  title: string | null;
  department: string | null;
  year: number | null;
  status: string;
  fields: number;
  flagged: number;
  /** How many review actions the document has had. */
  corrections: number;
}

export interface ReviewStore {
  /** For messages: `sqlite out.sqlite`, `postgres postgres://jixiao:***@host/db`. */
  readonly name: string;
  /** The documents that were read (failed ones have nothing to review), by file. */
  summaries(): Promise<DocumentSummary[]>;
  /** Every document that was read, by file (its SHA-256 and source path): what an export walks through. */
  documentRefs(): Promise<{ sha256: string; sourcePath: string }[]>;
  /** A document that was read, or null. */
  document(sha256: string): Promise<StoredDocument | null>;
  /**
   * In one transaction: read the document, `edit` it (synchronously), write back the extraction it returns
   * with its rows, and record its corrections. Throws a 404 when there is no such document.
   */
  change(sha256: string, edit: (doc: StoredDocument) => { extraction: Extraction; corrections: CorrectionRecord[] }): Promise<StoredDocument>;
  /** The document's review actions, oldest first. */
  corrections(sha256: string): Promise<CorrectionRecord[]>;
  close(): Promise<void>;
}

/** Open a database loaded by `extract`: `postgres://…` or a SQLite file, which must exist. */
export async function openReviewStore(target: string): Promise<ReviewStore> {
  if (isPostgresUrl(target)) return (await import('./store-postgres.js')).PostgresReviewStore.open(target);
  return new (await import('./store-sqlite.js')).SqliteReviewStore(target);
}

/** The columns of a `documents` row that a store reads. */
export interface DocumentRow {
  sha256: string;
  pipeline_version: string;
  file: string;
  source_path: string;
  year: number | null;
  year_source: string | null;
  extracted_at: string | Date;
  extraction: string | object | null;
}

export const DOCUMENT_COLUMNS = 'sha256, pipeline_version, file, source_path, year, year_source, extracted_at, extraction';

/** A `documents` row as a document; the extraction parsed (and so checked) against the contract. */
export function toStoredDocument(row: DocumentRow): StoredDocument {
  if (row.extraction === null) throw new ReviewError(404, `Expected a document that was read, got ${row.sha256} which failed`);
  const json = typeof row.extraction === 'string' ? JSON.parse(row.extraction) : row.extraction;
  const parsed = Extraction.safeParse(json);
  if (!parsed.success) throw new Error(`Expected the stored extraction of ${row.sha256} to match the contract, got: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return {
    sha256: row.sha256,
    pipelineVersion: row.pipeline_version,
    file: row.file,
    sourcePath: row.source_path,
    year: row.year === null ? null : Number(row.year),
    yearSource: row.year_source === null ? null : YearSource.parse(row.year_source),
    extractedAt: row.extracted_at instanceof Date ? row.extracted_at.toISOString() : row.extracted_at,
    // zod rebuilds objects in the schema's key order: PostgreSQL's jsonb keeps keys in an order of its own.
    extraction: parsed.data,
  };
}

/** A stored document as `extract` hands it to a sink, to be written back with the sinks' own records. */
export function toDoneDocument(doc: StoredDocument, extraction: Extraction = doc.extraction): DoneDocument {
  return {
    key: { sha256: doc.sha256, pipelineVersion: doc.pipelineVersion },
    input: { file: doc.file, sourcePath: doc.sourcePath, output: '' },
    extraction,
    year: doc.year,
    yearSource: doc.yearSource,
    extractedAt: doc.extractedAt,
  };
}

/** A correction as a row of `corrections`. */
export function correctionRow(c: CorrectionRecord): Row {
  return {
    id: c.id,
    document_sha256: c.documentSha256,
    field_path: c.fieldPath,
    action: c.action,
    original_value: { json: c.originalValue },
    original_confidence: c.originalConfidence,
    original_notes: { json: c.originalNotes },
    corrected_value: { json: c.correctedValue },
    reviewer: c.reviewer,
    corrected_at: c.correctedAt,
  };
}

export interface CorrectionDbRow {
  id: string;
  document_sha256: string;
  field_path: string;
  action: string;
  original_value: unknown;
  original_confidence: number;
  original_notes: unknown;
  corrected_value: unknown;
  reviewer: string;
  corrected_at: string | Date;
}

/** A row of `corrections` back to a record; `json` columns come as text from SQLite and parsed from PostgreSQL. */
export function fromCorrectionRow(row: CorrectionDbRow, jsonAsText: boolean): CorrectionRecord {
  const json = (v: unknown) => (jsonAsText && typeof v === 'string' ? JSON.parse(v) : (v ?? null));
  return {
    id: row.id,
    documentSha256: row.document_sha256,
    fieldPath: row.field_path,
    action: row.action === 'correct' ? 'correct' : 'accept',
    originalValue: json(row.original_value),
    originalConfidence: Number(row.original_confidence),
    originalNotes: (json(row.original_notes) as string[] | null) ?? [],
    correctedValue: json(row.corrected_value),
    reviewer: row.reviewer,
    correctedAt: row.corrected_at instanceof Date ? row.corrected_at.toISOString() : row.corrected_at,
  };
}

export const SUMMARY_SQL = `SELECT d.sha256, d.file, d.title, d.department, d.year, d.status, d.fields, d.flagged,
  (SELECT count(*) FROM corrections c WHERE c.document_sha256 = d.sha256) AS corrections
  FROM documents d WHERE d.status <> 'failed' AND d.extraction IS NOT NULL ORDER BY d.file, d.sha256`;

export const REFS_SQL = `SELECT sha256, source_path FROM documents WHERE status <> 'failed' AND extraction IS NOT NULL ORDER BY file, sha256`;

export function toSummary(row: Record<string, unknown>): DocumentSummary {
  return {
    sha256: String(row.sha256),
    file: String(row.file),
    title: (row.title as string | null) ?? null,
    department: (row.department as string | null) ?? null,
    year: row.year === null || row.year === undefined ? null : Number(row.year),
    status: String(row.status),
    fields: Number(row.fields ?? 0),
    flagged: Number(row.flagged ?? 0),
    corrections: Number(row.corrections ?? 0),
  };
}
