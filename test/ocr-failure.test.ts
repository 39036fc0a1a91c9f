import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../pipeline/pipeline.js';
import type { OcrEngine } from '../extractors/ocr/ocr-engine.js';

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
