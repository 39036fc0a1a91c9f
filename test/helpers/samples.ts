/**
 * The bundled samples and their expected JSON (made from the samples' source truth by
 * `node samples/tools/build.mjs --expected`, never from jixiao's output).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractDocument } from '../../pipeline/pipeline.js';
import type { Extraction } from '../../schemas/extraction.js';
import type { ExpectedSample } from '../../bench/compare.js';

export type { ExpectedIndicator, ExpectedRow, ExpectedSample } from '../../bench/compare.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLES_DIR = path.join(ROOT, 'samples');

/** Every sample with its expected JSON. */
export function listAllSamples(): { pdf: string; expected: ExpectedSample }[] {
  return readdirSync(SAMPLES_DIR)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const expected = JSON.parse(readFileSync(path.join(SAMPLES_DIR, f), 'utf8')) as ExpectedSample;
      return { pdf: path.join(SAMPLES_DIR, expected.sample), expected };
    });
}

/** Whether a sample is read through OCR: a scan (producer `x+scan…`), an image file, or a PDF mixing both. */
export function isScanned(expected: ExpectedSample): boolean {
  return expected.producer.includes('+') || !expected.sample.endsWith('.pdf');
}

/** The born-digital samples (a text layer on every page). */
export function listSamples(): { pdf: string; expected: ExpectedSample }[] {
  return listAllSamples().filter((s) => !isScanned(s.expected));
}

const cache = new Map<string, Promise<Extraction>>();

/** Extract a file once per test run. */
export function extractOnce(file: string): Promise<Extraction> {
  let result = cache.get(file);
  if (!result) {
    result = extractDocument({ file: path.relative(ROOT, file), bytes: readFileSync(file) });
    cache.set(file, result);
  }
  return result;
}
