/**
 * The contract of a batch run: `<out>/report.json`, and the lines of the JSONL export.
 *
 * Like `extraction.ts`, the one source of these shapes: types are inferred from here, and `jixiao schema
 * --report` prints the JSON Schema derived from `Report`.
 */
import { z } from 'zod';
import { Extraction } from './extraction.js';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const InputStatus = z
  .enum(['done', 'skipped', 'failed'])
  .describe('done: extracted in this run; skipped: already extracted by this pipeline version; failed: see error');
export type InputStatus = z.infer<typeof InputStatus>;

/** Why an input failed, as a code an analyst can group by; `error` says it in words. */
export const FailureCode = z.enum([
  'empty',
  'not-pdf',
  'truncated',
  'encrypted',
  'invalid-pdf',
  'no-table',
  'unreadable',
  'limit',
  'timeout',
  'crashed',
  'io',
  'no-match',
  'output-clash',
  'sink',
]);
export type FailureCode = z.infer<typeof FailureCode>;

export const YearSource = z.enum(['option', 'title', 'folder']).describe('where the year came from: --year, the title, or a folder name');
export type YearSource = z.infer<typeof YearSource>;

export const ReportInput = z.object({
  file: z.string().describe('the input: the path given, or a folder or glob joined with the path found under it'),
  sha256: Sha256.nullable().describe('SHA-256 of the file; null when it could not be read'),
  status: InputStatus,
  error: z.string().optional().describe('why it failed, saying what was expected and what was found'),
  errorCode: FailureCode.optional(),
  output: z.string().optional().describe('the JSON output, relative to --out'),
  year: z.number().int().nullable().optional(),
  yearSource: YearSource.nullable().optional(),
  pages: z.number().int().min(0).optional(),
  rows: z.number().int().min(0).optional(),
  partial: z.string().optional().describe('when the extraction is partial: which pages failed and why'),
  fields: z.number().int().min(0).optional(),
  flagged: z.number().int().min(0).optional(),
});
export type ReportInput = z.infer<typeof ReportInput>;

export const Report = z.object({
  reportVersion: z.literal(1),
  pipelineVersion: z.string().describe('package version + digest of the extraction code, its engines and the output settings'),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  totals: z.object({
    inputs: z.number().int().min(0),
    done: z.number().int().min(0),
    skipped: z.number().int().min(0),
    failed: z.number().int().min(0),
    pages: z.number().int().min(0).describe('pages of the documents done in this run'),
  }),
  peakRssBytes: z.number().int().min(0).describe('the largest resident set of the process during the run'),
  inputs: z.array(ReportInput).describe('in the order the inputs were given and found'),
});
export type Report = z.infer<typeof Report>;

/** One line of `--format jsonl`: a document's extraction with what the batch knows about it. */
export const ExportedDocument = z.object({
  year: z.number().int().nullable(),
  yearSource: YearSource.nullable(),
  pipelineVersion: z.string(),
  extraction: Extraction,
});
export type ExportedDocument = z.infer<typeof ExportedDocument>;
