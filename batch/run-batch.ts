/**
 * A batch: every input through the same steps, at most `jobs` at a time, each ending as one line of the report.
 *
 *   inputs (files, folders, globs) → SHA-256 → already stored by this pipeline version? → skipped
 *   → else extracted in a worker → the sinks (JSON output, database, exports) → done | failed
 *
 * Nothing an input does stops the others: every way one can go wrong becomes its `failed` line, with a reason.
 * The report is written last, atomically, to `<out>/report.json`.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import PQueue from 'p-queue';
import { writeFileAtomic } from '../cli/output.js';
import { Report, type FailureCode, type ReportInput } from '../schemas/batch.js';
import type { Extraction } from '../schemas/extraction.js';
import { openSinks } from '../sinks/open-sinks.js';
import { pageErrorsText } from '../sinks/records.js';
import type { JsonFilesSink } from '../sinks/json-files.js';
import type { DocumentKey, InputRef, Sink } from '../sinks/sink.js';
import { DocumentWorkers } from './document-workers.js';
import { NO_EVENTS, type BatchEvents } from './events.js';
import { collectGarbage } from './gc.js';
import { describeIoError, hashFile, removeStaleTemps } from './files.js';
import { expandInputs, type BatchInput } from './inputs.js';
import { OcrBridge } from './ocr-bridge.js';
import type { BatchOptions } from './options.js';
import { pipelineVersion } from './pipeline-version.js';
import { documentYear } from './year.js';

export const REPORT_FILE = 'report.json';

export interface BatchRunOptions {
  /** The document worker script; tests running from source point it at the compiled one. @default beside this module */
  workerScript?: URL;
}

export async function runBatch(options: BatchOptions, events: BatchEvents = NO_EVENTS, run: BatchRunOptions = {}): Promise<Report> {
  const startedAt = new Date().toISOString();
  const version = pipelineVersion(options);
  await mkdir(options.out, { recursive: true });
  await removeStaleTemps(options.out);
  const { inputs, unmatched } = await expandInputs(options.inputs);
  events.start({ inputs: inputs.length + unmatched.length, jobs: options.jobs, pipelineVersion: version, out: options.out });

  const sinks = await openSinks(options);
  const ocr = new OcrBridge(options.jobs);
  const workers = new DocumentWorkers({
    script: run.workerScript,
    settings: { reviewThreshold: options.reviewThreshold, password: options.password, ocr: options.ocr, limits: options.limits },
    ocr,
    secondsPerPage: options.secondsPerPage,
    heapMb: options.heapMb,
    recycleAfter: options.recycleAfter,
  });
  if (inputs.length > 0) workers.warm();
  const step = new InputStep(options, version, sinks.json, sinks.others, workers, events);
  const owners = claimOutputs(inputs);
  const queue = new PQueue({ concurrency: options.jobs });
  let entries: ReportInput[];
  try {
    entries = await Promise.all(
      inputs.map((input) =>
        queue.add(async () => {
          const t0 = performance.now();
          const owner = owners.get(input.output)!;
          const entry =
            owner === input
              ? await step.run(input).catch((error: Error) =>
                  // A store that stops answering (a database gone away) fails this input, not the batch.
                  failure(input.file, null, 'sink', `Expected the input checked and stored, got: ${error.message.split('\n')[0]}`),
                )
              : failure(input.file, null, 'output-clash', `Expected inputs with distinct output paths, got ${owner.file} and ${input.file} both writing ${input.output}`);
          events.finish(entry, performance.now() - t0);
          // The document's extraction was this thread's last reference to it: collect it with its garbage.
          collectGarbage();
          return entry;
        }) as Promise<ReportInput>,
      ),
    );
  } finally {
    await workers.close();
    await ocr.close();
    await Promise.all([sinks.json, ...sinks.others].map((s) => s.close()));
  }
  for (const pattern of unmatched) {
    const entry = failure(pattern, null, 'no-match', `Expected files matching ${pattern}, got none`);
    events.finish(entry, 0);
    entries.push(entry);
  }
  const report = Report.parse({
    reportVersion: 1,
    pipelineVersion: version,
    startedAt,
    finishedAt: new Date().toISOString(),
    totals: {
      inputs: entries.length,
      done: entries.filter((e) => e.status === 'done').length,
      skipped: entries.filter((e) => e.status === 'skipped').length,
      failed: entries.filter((e) => e.status === 'failed').length,
      pages: entries.reduce((n, e) => n + (e.status === 'done' ? (e.pages ?? 0) : 0), 0),
    },
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    inputs: entries,
  } satisfies Report);
  const reportPath = path.join(options.out, REPORT_FILE);
  await writeFileAtomic(reportPath, JSON.stringify(report, null, 2) + '\n');
  events.end(report, reportPath);
  return report;
}

/** Which input writes each output path: the first to claim it. `report.json` belongs to the run. */
function claimOutputs(inputs: readonly BatchInput[]): Map<string, BatchInput> {
  const owners = new Map<string, BatchInput>();
  const reserved: BatchInput = { file: `the run's ${REPORT_FILE}`, path: '', output: REPORT_FILE };
  owners.set(REPORT_FILE, reserved);
  for (const input of inputs) if (!owners.has(input.output)) owners.set(input.output, input);
  return owners;
}

function failure(file: string, sha256: string | null, code: FailureCode, error: string, output?: string): ReportInput {
  return { file, sha256, status: 'failed', errorCode: code, error, ...(output ? { output } : {}) };
}

/** One input from its bytes to its report line. */
class InputStep {
  constructor(
    private readonly options: BatchOptions,
    private readonly version: string,
    private readonly json: JsonFilesSink,
    private readonly others: Sink[],
    private readonly workers: DocumentWorkers,
    private readonly events: BatchEvents,
  ) {}

  async run(input: BatchInput): Promise<ReportInput> {
    const ref: InputRef = { file: input.file, sourcePath: input.path, output: input.output };
    let sha256: string;
    try {
      sha256 = await hashFile(input.path);
    } catch (error) {
      return failure(input.file, null, 'io', describeIoError(error));
    }
    const key: DocumentKey = { sha256, pipelineVersion: this.version };
    if (!this.options.force) {
      const skipped = await this.reuse(key, ref);
      if (skipped) return skipped;
    }
    this.events.begin(input.file);
    const outcome = await this.workers.extract({ path: input.path, file: input.file });
    const extractedAt = new Date().toISOString();
    if (outcome.status === 'failed') {
      const failed = { key, input: ref, code: outcome.code, error: outcome.message, extractedAt };
      // Recording a failure is a courtesy to the database's readers: if it fails too, the report still says why.
      for (const sink of [this.json, ...this.others]) await sink.putFailed(failed).catch(() => undefined);
      return failure(input.file, sha256, outcome.code, outcome.message);
    }
    return this.store(key, ref, outcome.extraction, extractedAt, [this.json, ...this.others], 'done');
  }

  /**
   * An input whose JSON output is current is not extracted again. Sinks that do not hold it (a database
   * given for the first time, the exports) get it from that output.
   */
  private async reuse(key: DocumentKey, ref: InputRef): Promise<ReportInput | null> {
    if (!(await this.json.holds(key, ref))) return null;
    const missing: Sink[] = [];
    for (const sink of this.others) if (!(await sink.holds(key, ref))) missing.push(sink);
    const marker = (await this.json.marker(ref))!;
    if (missing.length === 0) {
      const year = documentYear(this.options.year, marker.title, ref.file);
      return {
        file: ref.file,
        sha256: key.sha256,
        status: 'skipped',
        output: ref.output,
        year: year.year,
        yearSource: year.source,
        pages: marker.pages,
        rows: marker.rows,
        fields: marker.fields,
        flagged: marker.flagged,
        ...(marker.partial ? { partial: marker.partial } : {}),
      };
    }
    let extraction: Extraction;
    try {
      extraction = await this.json.load(ref);
    } catch {
      return null; // An output that no longer parses is made again.
    }
    return this.store(key, ref, extraction, marker.extractedAt, missing, 'skipped');
  }

  private async store(key: DocumentKey, ref: InputRef, extraction: Extraction, extractedAt: string, sinks: Sink[], status: 'done' | 'skipped'): Promise<ReportInput> {
    const year = documentYear(this.options.year, extraction.document.title.value, ref.file);
    const doc = { key, input: ref, extraction, year: year.year, yearSource: year.source, extractedAt };
    for (const sink of sinks) {
      try {
        await sink.putDone(doc);
      } catch (error) {
        return failure(ref.file, key.sha256, 'sink', `Expected the document stored in ${sink.name}, got: ${(error as Error).message.split('\n')[0]}`, ref.output);
      }
    }
    return {
      file: ref.file,
      sha256: key.sha256,
      status,
      output: ref.output,
      year: year.year,
      yearSource: year.source,
      pages: extraction.source.pages.length,
      rows: extraction.rows.length,
      fields: extraction.review.fields,
      flagged: extraction.review.flagged,
      ...(extraction.status === 'partial' ? { partial: pageErrorsText(extraction) } : {}),
    };
  }
}
