/**
 * Documents for the sink tests, from real extractions of the born-digital samples, and the checks every
 * database must pass (SQLite in the default suite, PostgreSQL in `npm run test:pg`).
 */
import path from 'node:path';
import type { DoneDocument, FailedDocument } from '../../sinks/sink.js';
import type { Extraction } from '../../schemas/extraction.js';
import { extractOnce, SAMPLES_DIR } from './samples.js';

export const PIPELINE_VERSION = '0.0.0-test+000000000000';

/** A done document for `sample`, with `sha256` standing for its bytes (so one sample can be many documents). */
export async function doneDocument(sample: string, sha256: string, overrides: Partial<DoneDocument> = {}): Promise<DoneDocument> {
  const extraction: Extraction = await extractOnce(path.join(SAMPLES_DIR, sample));
  return {
    key: { sha256, pipelineVersion: PIPELINE_VERSION },
    input: { file: `in/2024/${sample}`, sourcePath: path.join(SAMPLES_DIR, sample), output: `2024/${sample.replace(/\.pdf$/, '.json')}` },
    extraction,
    year: 2024,
    yearSource: 'folder',
    extractedAt: '2026-01-02T03:04:05.000Z',
    ...overrides,
  };
}

export function failedDocument(sha256: string, overrides: Partial<FailedDocument> = {}): FailedDocument {
  return {
    key: { sha256, pipelineVersion: PIPELINE_VERSION },
    input: { file: 'in/2024/bad.pdf', sourcePath: '/nowhere/bad.pdf', output: '2024/bad.json' },
    code: 'truncated',
    error: 'Expected a complete PDF ending in %%EOF, got 10 bytes with no end marker (truncated?)',
    extractedAt: '2026-01-02T03:04:05.000Z',
    ...overrides,
  };
}

/** A SHA-256-looking key made from a small number. */
export const sha = (n: number) => n.toString(16).padStart(64, '0');

/** What a document's rows should be in the database: counted from its extraction. */
export function expectedCounts(x: Extraction): { tableRows: number; indicators: number; checks: number } {
  return { tableRows: x.rows.length, indicators: x.rows.reduce((n, r) => n + r.indicators.length, 0), checks: x.checks.length };
}
