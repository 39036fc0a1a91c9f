/**
 * Messages between the batch (main thread) and a document worker (a worker thread that extracts one document
 * at a time). The OCR engine stays in the main thread, one for the run: a worker sends it cell images and
 * gets text back.
 */
import type { OcrJob, OcrResult } from '../extractors/ocr/ocr-engine.js';
import type { InputLimits } from '../pipeline/types.js';
import type { Extraction } from '../schemas/extraction.js';
import type { FailureCode } from '../schemas/batch.js';

/** What a worker needs to extract documents; the same for every document of a run. */
export interface WorkerSettings {
  reviewThreshold: number;
  password?: string;
  ocr: boolean;
  limits: InputLimits;
  /** How many OCR recognitions the main thread's engine runs at once (what the pipeline sizes its work by). */
  ocrWorkers: number;
}

export type ToWorker =
  | { type: 'extract'; task: number; path: string; file: string }
  | { type: 'ocr-result'; job: number; result?: OcrResult; error?: string };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'loaded'; task: number; pageCount: number }
  | { type: 'ocr'; job: number; request: Omit<OcrJob, 'image'> & { image: Uint8Array } }
  | { type: 'done'; task: number; extraction: Extraction }
  | { type: 'failed'; task: number; code: FailureCode; message: string };
