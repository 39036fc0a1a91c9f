/**
 * The options of a batch run (`jixiao extract`), with their defaults.
 */
import os from 'node:os';
import { DEFAULT_INPUT_LIMITS, DEFAULT_REVIEW_THRESHOLD, type InputLimits } from '../pipeline/types.js';
import type { ExportFormat } from '../sinks/open-sinks.js';
import { DEFAULT_RECYCLE_AFTER, DEFAULT_SECONDS_PER_PAGE, DEFAULT_WORKER_HEAP_MB } from './document-workers.js';

export interface BatchOptions {
  /** Files, folders (searched recursively) and globs. */
  inputs: string[];
  /** Folder of the JSON outputs, `report.json` and the exports. */
  out: string;
  /**
   * Documents extracted at once, each in its own worker thread; also the OCR recognitions run at once.
   * @default os.availableParallelism()
   */
  jobs: number;
  /**
   * Extract every input again, even those whose output is up to date.
   * @default false
   */
  force: boolean;
  /**
   * A database to load: a SQLite file path, or a `postgres://` URL.
   * @default undefined (none)
   */
  db?: string;
  /**
   * Flat exports to write under `out`: `jsonl` (extractions.jsonl), `csv` (indicators.csv).
   * @default []
   */
  formats: ExportFormat[];
  /**
   * The year of every document; otherwise a year in its title, else in its folder names.
   * @default undefined
   */
  year?: number;
  /** Fields with a confidence below this are flagged. @default 0.9 */
  reviewThreshold: number;
  /** Password for encrypted PDFs. @default undefined */
  password?: string;
  /** OCR pages without a usable text layer. @default true */
  ocr: boolean;
  /** Pages per document and pixels per page. @default DEFAULT_INPUT_LIMITS */
  limits: InputLimits;
  /** Seconds a document may take per page before it is stopped and failed. @default 120 */
  secondsPerPage: number;
  /** Heap of each document worker in MB. @default 2048 */
  heapMb: number;
  /** Documents a worker extracts before it is replaced. @default 50 */
  recycleAfter: number;
}

export function batchOptions(given: Partial<BatchOptions> & Pick<BatchOptions, 'inputs' | 'out'>): BatchOptions {
  return {
    jobs: os.availableParallelism(),
    force: false,
    formats: [],
    reviewThreshold: DEFAULT_REVIEW_THRESHOLD,
    ocr: true,
    limits: DEFAULT_INPUT_LIMITS,
    secondsPerPage: DEFAULT_SECONDS_PER_PAGE,
    heapMb: DEFAULT_WORKER_HEAP_MB,
    recycleAfter: DEFAULT_RECYCLE_AFTER,
    ...given,
  };
}
