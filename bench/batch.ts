/**
 * `npm run bench -- --batch`: batches of 10 and of 200 documents (copies of the born-digital samples, each a
 * document of its own) built in a temporary folder and run by the CLI as a user runs it, into a SQLite
 * database with both exports; for each, the time, documents and pages per second, and the peak RSS of the
 * whole process (main thread and document workers, from `report.json`). The point: peak RSS does not grow
 * with the number of documents.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Report } from '../schemas/batch.js';
import { bornDigitalSamples, buildBatchCorpus } from './batch-corpus.js';

/** Batch sizes compared. @default [10, 200] */
const SIZES = (process.env.JIXIAO_BENCH_BATCH_SIZES ?? '10,200').split(',').map(Number);

export async function benchBatch(root: string, samplesDir: string): Promise<void> {
  const samples = bornDigitalSamples(samplesDir);
  const jobs = os.availableParallelism();
  console.log(`jixiao batch bench: batches of ${SIZES.join(' and ')} documents from ${samples.length} born-digital samples, --jobs ${jobs}, SQLite + jsonl + csv`);
  console.log('');
  console.log(['documents', 'pages', 'seconds', 'docs/s', 'pages/s', 'peak RSS MB'].join('\t'));
  const peaks: number[] = [];
  for (const size of SIZES) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-batch-'));
    try {
      buildBatchCorpus(path.join(dir, 'in'), { documents: size, folders: ['2024', '2025'], samples });
      const out = path.join(dir, 'out');
      execFileSync(process.execPath, [path.join(root, 'dist/cli/main.js'), 'extract', 'in', '--out', 'out', '--db', 'out/bench.sqlite', '--format', 'jsonl,csv', '--jobs', String(jobs)], {
        cwd: dir,
        stdio: ['ignore', 'ignore', 'ignore'],
      });
      const report = Report.parse(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')));
      if (report.totals.done !== size) throw new Error(`Expected ${size} documents done, got ${report.totals.done} (${report.totals.failed} failed)`);
      const seconds = (Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000;
      const peak = report.peakRssBytes / 2 ** 20;
      peaks.push(peak);
      console.log([size, report.totals.pages, seconds.toFixed(1), (size / seconds).toFixed(2), (report.totals.pages / seconds).toFixed(1), peak.toFixed(0)].join('\t'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (peaks.length >= 2) {
    const [first, last] = [peaks[0]!, peaks[peaks.length - 1]!];
    console.log('');
    console.log(`peak RSS, ${SIZES[SIZES.length - 1]} documents against ${SIZES[0]}: ${last.toFixed(0)} MB against ${first.toFixed(0)} MB (${(((last - first) / first) * 100).toFixed(1)}%)`);
  }
}
