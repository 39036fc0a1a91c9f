/**
 * `npm run bench`: speed and memory on the born-digital samples, beside `pdftotext -layout` when installed;
 * then speed, accuracy and flagged share on the scanned samples, beside native `tesseract --psm 3` over the
 * same page images with the same number of processes, when Debian's tesseract (with chi_sim) is installed.
 * Then batches of 10 and 200 documents through the CLI, with the peak RSS of each (`batch.ts`).
 * `npm run bench -- --born-digital`, `-- --scans` or `-- --batch` runs only the parts named.
 *
 * Each document is extracted once to warm up, then `ROUNDS` times; the figures are medians over the rounds.
 * Peak RSS is the process's maximum resident set size at the end (it includes pdf.js and the Node runtime).
 * A cold run (a new process running `jixiao extract` on one document) is timed too, since that is what a
 * user who converts one file waits for.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractDocument } from '../pipeline/pipeline.js';
import { benchBatch } from './batch.js';
import { benchScans } from './scans.js';

/** How many timed rounds per document. @default 5 */
const ROUNDS = Number(process.env.JIXIAO_BENCH_ROUNDS ?? 5);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLES = path.join(ROOT, 'samples');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function hasPdftotext(): boolean {
  return spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
}

/** The parts of the bench, by flag. */
const PARTS = ['--born-digital', '--scans', '--batch'] as const;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // `--scans DIR` reads the scans (and their expected JSON) of another folder, such as the evaluation set that
  // `samples/tools/scans.mjs --unseen DIR` makes.
  const at = argv.indexOf('--scans');
  const scansDir = at >= 0 && argv[at + 1] !== undefined && !argv[at + 1]!.startsWith('--') ? path.resolve(argv[at + 1]!) : SAMPLES;
  const args = argv.filter((a, i) => !(scansDir !== SAMPLES && i === at + 1));
  const unknown = args.filter((a) => !(PARTS as readonly string[]).includes(a));
  if (unknown.length > 0) throw new Error(`Expected ${PARTS.join(', ')} (--scans DIR) or nothing, got ${unknown.join(' ')}`);
  const run = (part: (typeof PARTS)[number]) => args.length === 0 || args.includes(part);
  if (run('--born-digital')) await benchBornDigital();
  if (run('--scans')) await benchScans(scansDir);
  if (run('--batch')) await benchBatch(ROOT, SAMPLES);
}

async function benchBornDigital(): Promise<void> {
  const files = readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.pdf') && !/\.(scan\d+|scan200-skew|mixed)\.pdf$/.test(f))
    .sort();
  const withPdftotext = hasPdftotext();
  console.log(`jixiao bench: ${files.length} born-digital samples, ${ROUNDS} rounds each, Node ${process.version}, ${os.cpus().length} cores`);
  console.log('');
  const header = ['document', 'pages', 'ms/doc', 'pages/s', withPdftotext ? 'pdftotext ms' : '', withPdftotext ? 'ratio' : ''].filter(Boolean);
  console.log(header.join('\t'));
  let totalPages = 0;
  let totalMs = 0;
  let totalPdftotext = 0;
  for (const f of files) {
    const file = path.join(SAMPLES, f);
    const bytes = readFileSync(file);
    const first = await extractDocument({ file: f, bytes });
    const pages = first.source.pages.length;
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      await extractDocument({ file: f, bytes });
      times.push(performance.now() - t0);
    }
    const ms = median(times);
    totalPages += pages;
    totalMs += ms;
    const cells = [f, String(pages), ms.toFixed(0), ((pages * 1000) / ms).toFixed(1)];
    if (withPdftotext) {
      const pt: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const t0 = performance.now();
        execFileSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
        pt.push(performance.now() - t0);
      }
      const p = median(pt);
      totalPdftotext += p;
      cells.push(p.toFixed(0), (ms / p).toFixed(1));
    }
    console.log(cells.join('\t'));
  }
  console.log('');
  console.log(`all samples: ${totalPages} pages, ${(totalMs / files.length).toFixed(0)} ms per document, ${((totalPages * 1000) / totalMs).toFixed(1)} pages/s (warm, one core)`);
  if (withPdftotext) console.log(`pdftotext -layout on the same files: ${(totalPdftotext / files.length).toFixed(0)} ms per document (text only, no table)`);
  else console.log('pdftotext not installed (Debian: poppler-utils): no comparison');
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

  // Cold: a new process, as a user converting one file sees it.
  const out = mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-'));
  const sample = path.join(SAMPLES, files[0]!);
  const cold: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, [path.join(ROOT, 'dist/cli/main.js'), 'extract', sample, '--out', out], { stdio: 'ignore' });
    cold.push(performance.now() - t0);
  }
  console.log(`cold run (new process, jixiao extract ${files[0]}): ${median(cold).toFixed(0)} ms`);
}

await main();
