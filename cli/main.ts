#!/usr/bin/env node
/**
 * The command line: `jixiao extract <input...> --out <dir>`, `jixiao review --db <db>`, `jixiao export --db <db>
 * --out <dir>` and `jixiao schema`.
 *
 * Exit status: 0 when every input succeeded, 1 when any failed, 2 for wrong usage.
 */
import os from 'node:os';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { batchOptions } from '../batch/options.js';
import { packageVersion } from '../batch/pipeline-version.js';
import { runBatch } from '../batch/run-batch.js';
import { DEFAULT_INPUT_LIMITS, DEFAULT_REVIEW_THRESHOLD } from '../pipeline/types.js';
import { DEFAULT_SECONDS_PER_PAGE } from '../batch/document-workers.js';
import { extractionJsonSchema, reportJsonSchema } from '../schemas/json-schema.js';
import { EXPORT_FORMATS, type ExportFormat } from '../sinks/open-sinks.js';
import { jsonLogEvents } from './json-log.js';
import { collectExportFormats, parsePort, type ExportFlags, type ReviewFlags } from './review-options.js';
import { DEFAULT_REVIEW_HOST, DEFAULT_REVIEW_PORT } from '../review/defaults.js';
import { terminalEvents } from './progress.js';

function parseThreshold(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError(`Expected a number from 0 to 1, got ${value}`);
  return n;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`Expected a whole number of at least 1, got ${value}`);
  return n;
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`Expected a number above 0, got ${value}`);
  return n;
}

function parseYear(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1900 || n > 2100) throw new InvalidArgumentError(`Expected a year such as 2024, got ${value}`);
  return n;
}

/** `--format jsonl --format csv` or `--format jsonl,csv`. */
function collectFormats(value: string, previous: ExportFormat[]): ExportFormat[] {
  const formats = value.split(',').map((f) => f.trim());
  for (const f of formats) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(f)) throw new InvalidArgumentError(`Expected ${EXPORT_FORMATS.join(' or ')}, got ${f}`);
  }
  return [...new Set([...previous, ...(formats as ExportFormat[])])];
}

interface ExtractFlags {
  out: string;
  reviewThreshold: number;
  password?: string;
  ocr: boolean;
  jobs: number;
  force: boolean;
  db?: string;
  format: ExportFormat[];
  year?: number;
  maxPages: number;
  maxPixels: number;
  pageTimeout: number;
}

async function runExtract(inputs: string[], flags: ExtractFlags): Promise<number> {
  const options = batchOptions({
    inputs,
    out: flags.out,
    jobs: flags.jobs,
    force: flags.force,
    db: flags.db,
    formats: flags.format,
    year: flags.year,
    reviewThreshold: flags.reviewThreshold,
    password: flags.password,
    ocr: flags.ocr,
    limits: { maxPages: flags.maxPages, maxPixels: flags.maxPixels },
    secondsPerPage: flags.pageTimeout,
  });
  const events = process.stderr.isTTY ? terminalEvents(flags.out) : jsonLogEvents(flags.out);
  const report = await runBatch(options, events);
  return report.totals.failed > 0 ? 1 : 0;
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('jixiao')
    .description('Performance-target tables (项目支出绩效目标表) from PDF to validated JSON, with a confidence on every field.')
    .version(packageVersion())
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  program
    .command('extract')
    .description('extract each input to <out>/<its path>.json, load a database, write exports and <out>/report.json')
    .argument('<input...>', 'PDF, PNG, JPEG or TIFF files, folders (searched recursively) and globs')
    .requiredOption('-o, --out <dir>', 'folder for the JSON outputs, report.json and exports')
    .option('-j, --jobs <n>', 'documents extracted at once (worker threads; also OCR workers)', positiveInteger, os.availableParallelism())
    .option('--force', 'extract every input again, even those already done by this pipeline version', false)
    .option('--db <target>', 'load a database: a SQLite file (path.sqlite) or postgres://user:pw@host/db')
    .option('--format <format>', `flat export under <out>: ${EXPORT_FORMATS.join(', ')} (repeat or comma-separate)`, collectFormats, [])
    .option('--year <yyyy>', 'the year of every document (else from its title, else from its folders)', parseYear)
    .option('--review-threshold <p>', 'fields with a confidence below this are flagged for review', parseThreshold, DEFAULT_REVIEW_THRESHOLD)
    .option('--password <password>', 'password for encrypted PDFs')
    .option('--no-ocr', 'do not OCR pages without a usable text layer: flag their fields instead')
    .option('--max-pages <n>', 'fail documents with more pages than this', positiveInteger, DEFAULT_INPUT_LIMITS.maxPages)
    .option('--max-pixels <n>', 'fail images, embedded images and pages to render larger than this (width × height)', positiveInteger, DEFAULT_INPUT_LIMITS.maxPixels)
    .option('--page-timeout <seconds>', 'seconds a document may take per page before it is stopped and failed', positiveNumber, DEFAULT_SECONDS_PER_PAGE)
    .action(async (inputs: string[], flags: ExtractFlags) => setExit(await runExtract(inputs, flags)));
  program
    .command('review')
    .description('review the flagged fields of a database in the browser: a local web server until Ctrl-C')
    .requiredOption('--db <target>', 'the database extract loaded: a SQLite file or postgres://user:pw@host/db')
    .option('--host <address>', 'address to listen on; any but a loopback one requires the printed token', DEFAULT_REVIEW_HOST)
    .option('--port <n>', 'port to listen on (0: a free one)', parsePort, DEFAULT_REVIEW_PORT)
    .option('--reviewer <name>', 'who the corrections are recorded as (default: the OS user)')
    .action(async (flags: ReviewFlags) => setExit(await (await import('./review.js')).runReview(flags)));
  program
    .command('export')
    .description('write the documents of a database as they stand after review, in the contract of extract')
    .requiredOption('--db <target>', 'a SQLite file or postgres://user:pw@host/db')
    .requiredOption('-o, --out <dir>', 'folder for the exports')
    .option('--format <format>', 'json (one file per document), jsonl, csv (repeat or comma-separate; default json)', collectExportFormats, [])
    .action(async (flags: ExportFlags) => setExit(await (await import('./review.js')).runExport(flags)));
  program
    .command('schema')
    .description('print the JSON Schema of the output (or of report.json), derived from the zod schemas')
    .option('--report', 'the schema of report.json instead')
    .action((flags: { report?: boolean }) => {
      process.stdout.write(JSON.stringify(flags.report ? reportJsonSchema() : extractionJsonSchema(), null, 2) + '\n');
      setExit(0);
    });
  return program;
}

async function main(): Promise<void> {
  let code = 0;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; anything else commander rejects is wrong usage.
      code = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
    } else {
      process.stderr.write(`jixiao: ${(error as Error).message}\n`);
      code = 1;
    }
  }
  process.exitCode = code;
}

await main();
