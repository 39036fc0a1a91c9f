#!/usr/bin/env node
/**
 * Measures the scanned samples of a folder field by field, as `npm run bench -- --scans DIR` does, but with every
 * OCR read cached on disk, so that a change to the stages after OCR is measured in seconds and before and after
 * see the same reads. For tuning, not for timing: the cache hides the OCR's cost. Run `npm run build` first.
 *
 *   node tools/measure-scans.mjs DIR OUT [--cache CACHE] [--only REGEX]
 *
 * Writes OUT/<sample>.json (the extraction), OUT/wrong.json (every wrong field: path, got, want, confidence,
 * and `silent` when at or above the review threshold) and OUT/summary.tsv (fields, right, flagged, silent per
 * sample, then the total). The cache (default: the OS temp folder's jixiao-ocr-cache) is keyed by the cell
 * image, its kind and the model, so a change that alters what is read (cropping, preprocessing) reads again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareWithExpected } from '../dist/bench/compare.js';
import { createOcrEngine } from '../dist/extractors/ocr/ocr-engine.js';
import { extractDocument } from '../dist/pipeline/pipeline.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { cache: { type: 'string', default: path.join(os.tmpdir(), 'jixiao-ocr-cache') }, only: { type: 'string' }, workers: { type: 'string', default: '1' } },
});
const [dir, out] = positionals;
if (!dir || !out) throw new Error(`Expected a folder of scans and an output folder, got ${JSON.stringify(positionals)}`);
mkdirSync(out, { recursive: true });

/** The engine's reads, cached: a read written once, atomically, so that runs in parallel can share the cache. */
async function cachedEngine(cache, workers) {
  let engine = null;
  return {
    workers,
    async addJob(job) {
      const key = createHash('sha1').update(job.image).update(job.kind).update(job.model ?? 'best_int').digest('hex');
      const file = path.join(cache, key.slice(0, 2), `${key}.json`);
      if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
      engine ??= createOcrEngine({ workers });
      const read = await (await engine).addJob(job);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(`${file}.${process.pid}`, JSON.stringify(read));
      renameSync(`${file}.${process.pid}`, file);
      return read;
    },
    async terminate() {
      if (engine) await (await engine).terminate();
    },
  };
}

const only = values.only ? new RegExp(values.only) : null;
const samples = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')))
  .filter((e) => e.producer.includes('+') && (!only || only.test(e.sample)))
  .sort((a, b) => a.sample.localeCompare(b.sample));
const engine = await cachedEngine(values.cache, Number(values.workers));
const lines = [];
const wrong = [];
const total = { fields: 0, wrong: 0, silent: 0, flagged: 0, reviewed: 0 };
for (const expected of samples) {
  const x = await extractDocument({ file: expected.sample, bytes: readFileSync(path.join(dir, expected.sample)) }, { ocrEngine: engine });
  writeFileSync(path.join(out, `${expected.sample}.json`), JSON.stringify(x, null, 1));
  const c = compareWithExpected(x, expected);
  for (const w of c.wrong) wrong.push({ sample: expected.sample, ...w, silent: w.confidence >= x.review.threshold });
  total.fields += c.fields;
  total.wrong += c.wrong.length;
  total.silent += c.silent.length;
  total.flagged += x.review.flagged;
  total.reviewed += x.review.fields;
  const line = [expected.sample, c.fields, `${(100 * (1 - c.wrong.length / c.fields)).toFixed(1)}%`, `${((100 * x.review.flagged) / x.review.fields).toFixed(1)}%`, c.silent.length].join('\t');
  lines.push(line);
  console.log(line);
}
await engine.terminate();
const line = [`total ${dir}`, total.fields, `${(100 * (1 - total.wrong / total.fields)).toFixed(1)}%`, `${((100 * total.flagged) / total.reviewed).toFixed(1)}%`, total.silent].join('\t');
lines.push(line);
console.log(line);
writeFileSync(path.join(out, 'wrong.json'), JSON.stringify(wrong, null, 1));
writeFileSync(path.join(out, 'summary.tsv'), `${lines.join('\n')}\n`);
