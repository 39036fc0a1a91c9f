import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../pipeline/pipeline.js';
import type { OcrEngine } from '../extractors/ocr/ocr-engine.js';
import { errorsInPageOrder } from '../pipeline/stages/assemble.js';

/** An engine whose every job fails, as a broken OCR stage would. */
const failing: OcrEngine = {
  workers: 1,
  addJob: () => Promise.reject(new Error('Expected a cell image, got a broken worker')),
  terminate: async () => {},
};

describe('an OCR stage that fails on every page', () => {
  it('says so in the error, not only that the text layer was missing', async () => {
    const file = 'samples/liwan-weijian.chromium.scan300.pdf';
    await expect(extractDocument({ file, bytes: readFileSync(file) }, { ocrEngine: failing })).rejects.toThrow(
      /its text layer is unusable \(.*\) and OCR failed \(page 1: Expected a readable scan, got: Expected a cell image, got a broken worker\)/,
    );
  });
});

describe('errorsInPageOrder', () => {
  it('orders errors by page, whatever order concurrent pages recorded them in', () => {
    const met = [
      { page: 3, stage: 'scan-pages', message: 'c' },
      { page: 1, stage: 'read-pages', message: 'a' },
      { page: null, stage: 'load', message: 'whole document' },
      { page: 3, stage: 'find-tables', message: 'd' },
      { page: 2, stage: 'scan-pages', message: 'b' },
    ];
    expect(errorsInPageOrder(met).map((e) => e.message)).toEqual(['whole document', 'a', 'b', 'c', 'd']);
    expect(met[0]!.message).toBe('c'); // the recorded list is left as it was
  });
});
