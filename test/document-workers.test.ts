/**
 * The pool of document workers with a stand-in worker that misbehaves on request: every way a document can
 * go wrong in its thread (too slow, out of memory, a crash, an exit) fails that document with a reason, and
 * the pool goes on with a fresh worker.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DocumentWorkers, type WorkerOutcome } from '../batch/document-workers.js';
import { OcrBridge } from '../batch/ocr-bridge.js';
import type { OcrEngine, OcrJob } from '../extractors/ocr/ocr-engine.js';
import { DEFAULT_INPUT_LIMITS } from '../pipeline/types.js';
import { ROOT } from './helpers/samples.js';

const FAKE = pathToFileURL(path.join(ROOT, 'test/fixtures/workers/fake-document-worker.mjs'));

/** An OCR engine that reads every image as the count of its bytes. */
function countingEngine(seen: OcrJob[]): OcrEngine {
  return {
    workers: 1,
    async addJob(job) {
      seen.push(job);
      return { text: `${job.image.length} bytes`, confidence: 1, symbols: [] };
    },
    async terminate() {},
  };
}

function pool(options: { secondsPerPage?: number; heapMb?: number; recycleAfter?: number; ocr?: OcrBridge } = {}): DocumentWorkers {
  return new DocumentWorkers({
    script: FAKE,
    settings: { reviewThreshold: 0.9, ocr: true, limits: DEFAULT_INPUT_LIMITS },
    ocr: options.ocr ?? new OcrBridge(1, async () => countingEngine([])),
    secondsPerPage: options.secondsPerPage ?? 30,
    heapMb: options.heapMb ?? 256,
    recycleAfter: options.recycleAfter ?? 50,
  });
}

const run = (workers: DocumentWorkers, what: string): Promise<WorkerOutcome> => workers.extract({ path: '/dev/null', file: what });

describe('DocumentWorkers', () => {
  it('passes a document’s result or its own failure through', async () => {
    const workers = pool();
    expect(await run(workers, 'ok')).toEqual({ status: 'done', extraction: { fake: true } });
    expect(await run(workers, 'fail')).toEqual({ status: 'failed', code: 'no-table', message: 'Expected a table, got none' });
    await workers.close();
  });

  it('stops a document past its time, counted per page once it is open, and goes on with a new worker', async () => {
    const workers = pool({ secondsPerPage: 0.3 });
    const t0 = performance.now();
    const slow = await run(workers, 'hang');
    const elapsed = performance.now() - t0;
    expect(slow).toMatchObject({ status: 'failed', code: 'timeout' });
    expect((slow as { message: string }).message).toMatch(/^Expected at most 0\.3 s per page \(--page-timeout\), got 2 pages not done after \d+\.\d s$/);
    // Two pages: twice the per-page time from when it was open.
    expect(elapsed).toBeGreaterThanOrEqual(600);
    expect(await run(workers, 'hang-before-open')).toMatchObject({ status: 'failed', code: 'timeout', message: expect.stringMatching(/a document not yet open/) });
    expect(await run(workers, 'ok')).toMatchObject({ status: 'done' });
    await workers.close();
  });

  it('fails a document that runs its worker out of memory, and one whose worker throws or exits', async () => {
    const workers = pool({ heapMb: 32 });
    expect(await run(workers, 'hog')).toMatchObject({ status: 'failed', code: 'limit', message: 'Expected the document to fit in 32 MB of memory, got more (the worker ran out of memory)' });
    expect(await run(workers, 'throw')).toMatchObject({ status: 'failed', code: 'crashed', message: expect.stringMatching(/boom in the worker/) });
    expect(await run(workers, 'exit')).toMatchObject({ status: 'failed', code: 'crashed', message: expect.stringMatching(/exiting with code 3/) });
    expect(await run(workers, 'ok')).toMatchObject({ status: 'done' });
    await workers.close();
  });

  it('does not hand a document to a worker that died while it waited', async () => {
    const workers = pool({ secondsPerPage: 5 });
    expect(await run(workers, 'ok-then-exit')).toMatchObject({ status: 'done' });
    await new Promise((r) => setTimeout(r, 300));
    expect(await run(workers, 'ok')).toEqual({ status: 'done', extraction: { fake: true } });
    expect(workers.started).toBe(2);
    await workers.close();
  });

  it('serves OCR from the one engine of the main thread', async () => {
    const seen: OcrJob[] = [];
    let created = 0;
    const bridge = new OcrBridge(2, async () => (created++, countingEngine(seen)));
    const workers = pool({ ocr: bridge });
    expect(await run(workers, 'ocr')).toEqual({ status: 'done', extraction: { ocrText: '3 bytes', ocrError: null } });
    expect(await run(workers, 'ocr')).toEqual({ status: 'done', extraction: { ocrText: '3 bytes', ocrError: null } });
    expect(created).toBe(1);
    expect(seen.map((j) => [...j.image])).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    await workers.close();
    await bridge.close();
  });

  it('replaces a worker after it has extracted its share of documents', async () => {
    const workers = pool({ recycleAfter: 2 });
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await run(workers, 'ok'));
    expect(outcomes.every((o) => o.status === 'done')).toBe(true);
    expect(workers.started).toBe(3);
    await workers.close();
  });
});
