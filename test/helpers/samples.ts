/**
 * The bundled samples and their expected JSON (made from the samples' source truth by
 * `node samples/tools/build.mjs --expected`, never from jixiao's output).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractDocument } from '../../pipeline/pipeline.js';
import type { Extraction, Target } from '../../schemas/extraction.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLES_DIR = path.join(ROOT, 'samples');

export interface ExpectedIndicator {
  seq: number;
  level1: { code: string; name: string };
  level2: { code: string; name: string };
  name: string;
  periodTarget: Target;
  annualTarget: Target;
}

export interface ExpectedRow {
  kind: 'total' | 'unit' | 'project';
  unit: string | null;
  name: string;
  total: number | null;
  fiscal: number | null;
  specialAccount: number | null;
  other: number | null;
  goal: string | null;
  indicators: ExpectedIndicator[];
}

export interface ExpectedSample {
  sample: string;
  producer: string;
  document: { title: string; department: string; currencyUnit: string };
  rows: ExpectedRow[];
  failingChecks: { rule: string; row: number }[];
}

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
