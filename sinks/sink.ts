/**
 * Where a batch puts what it extracts. Every sink takes the same two kinds of record, a document done and a
 * document failed, and each write is idempotent: putting the same document twice leaves what putting it once
 * does.
 */
import type { FailureCode, YearSource } from '../schemas/batch.js';
import type { Extraction } from '../schemas/extraction.js';

/** What identifies a stored extraction: the input's bytes and the pipeline that read them. */
export interface DocumentKey {
  sha256: string;
  pipelineVersion: string;
}

/** The input a record comes from. */
export interface InputRef {
  /** As the user would name it (`disclosures/2024/a.pdf`). */
  file: string;
  /** Absolute path of the source file (a review tool crops its pages). */
  sourcePath: string;
  /** Its JSON output, relative to `--out`. */
  output: string;
}

export interface DoneDocument {
  key: DocumentKey;
  input: InputRef;
  extraction: Extraction;
  year: number | null;
  yearSource: YearSource | null;
  /** ISO 8601. */
  extractedAt: string;
}

export interface FailedDocument {
  key: DocumentKey;
  input: InputRef;
  code: FailureCode;
  error: string;
  /** ISO 8601: when it was tried. */
  extractedAt: string;
}

export interface Sink {
  /** For messages: `sqlite out.sqlite`, `csv`. */
  readonly name: string;
  /**
   * Whether what the sink holds outlives the run (JSON files, a database), so that a later run may skip a
   * document it holds. An export is rebuilt by every run and holds nothing across runs.
   */
  readonly persistent: boolean;
  /** Whether the sink already holds this document, extracted by this pipeline version. */
  holds(key: DocumentKey, input: InputRef): Promise<boolean>;
  putDone(doc: DoneDocument): Promise<void>;
  putFailed(doc: FailedDocument): Promise<void>;
  /** Finish the run's writes (an export is renamed into place) and release what the sink holds open. */
  close(): Promise<void>;
}
