#!/usr/bin/env node
/**
 * The command line: `jixiao extract <file...> --out <dir>` and `jixiao schema`.
 *
 * Exit status: 0 when every input succeeded, 1 when any failed, 2 for wrong usage.
 */
import { readFile } from 'node:fs/promises';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { InputError } from '../extractors/pdf/open-pdf.js';
import { createOcrEngine, type OcrEngine } from '../extractors/ocr/ocr-engine.js';
import { extractDocument } from '../pipeline/pipeline.js';
import { DEFAULT_REVIEW_THRESHOLD } from '../pipeline/types.js';
import { Extraction } from '../schemas/extraction.js';
import { extractionJsonSchema } from '../schemas/json-schema.js';
import { outputPathFor, writeFileAtomic } from './output.js';

const VERSION = '0.1.0';

function parseThreshold(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError(`Expected a number from 0 to 1, got ${value}`);
  return n;
}

interface ExtractFlags {
  out: string;
  reviewThreshold: number;
  password?: string;
  ocr: boolean;
}

/** Extract each input in turn; a failure is reported on one line and never stops the others. */
async function runExtract(files: string[], flags: ExtractFlags): Promise<number> {
  let failed = 0;
  const claimed = new Map<string, string>();
  // One OCR engine for the whole run, started when the first scanned page needs it.
  let engine: Promise<OcrEngine> | null = null;
  const ocrEngine = () => (engine ??= createOcrEngine());
  for (const file of files) {
    const target = outputPathFor(file, flags.out);
    const owner = claimed.get(target);
    if (owner) {
      process.stderr.write(`${file}: error: Expected inputs with distinct base names, got ${owner} and ${file} both writing ${target}\n`);
      failed++;
      continue;
    }
    claimed.set(target, file);
    try {
      const bytes = await readFile(file);
      const extraction = Extraction.parse(
        await extractDocument({ file, bytes }, { reviewThreshold: flags.reviewThreshold, password: flags.password, ocr: flags.ocr, ocrEngine }),
      );
      await writeFileAtomic(target, JSON.stringify(extraction, null, 2) + '\n');
      const { rows, review, status, errors } = extraction;
      const partial = status === 'partial' ? `, partial: ${errors.map((e) => (e.page ? `page ${e.page}: ` : '') + e.message).join('; ')}` : '';
      process.stdout.write(`${file}: ${rows.length} rows, ${review.fields} fields, ${review.flagged} flagged${partial} -> ${target}\n`);
    } catch (error) {
      failed++;
      process.stderr.write(`${file}: error: ${describeError(error)}\n`);
    }
  }
  if (engine) await (await (engine as Promise<OcrEngine>)).terminate();
  return failed > 0 ? 1 : 0;
}

function describeError(error: unknown): string {
  if (error instanceof InputError) return error.message;
  const err = error as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'Expected a file, got a path that does not exist';
  if (err?.code === 'EISDIR') return 'Expected a file, got a directory';
  if (err?.code === 'EACCES') return 'Expected a readable file, got permission denied';
  return (err?.message ?? String(error)).split('\n')[0]!;
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('jixiao')
    .description('Performance-target tables (项目支出绩效目标表) from PDF to validated JSON, with a confidence on every field.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  program
    .command('extract')
    .description('extract each input to <out>/<base name>.json and print one summary line per document')
    .argument('<file...>', 'PDF, PNG, JPEG or TIFF files to read')
    .requiredOption('-o, --out <dir>', 'folder for the JSON outputs')
    .option('--review-threshold <p>', 'fields with a confidence below this are flagged for review', parseThreshold, DEFAULT_REVIEW_THRESHOLD)
    .option('--password <password>', 'password for encrypted PDFs')
    .option('--no-ocr', 'do not OCR pages without a usable text layer: flag their fields instead')
    .action(async (files: string[], flags: ExtractFlags) => setExit(await runExtract(files, flags)));
  program
    .command('schema')
    .description('print the JSON Schema of the output, derived from the zod schemas')
    .action(() => {
      process.stdout.write(JSON.stringify(extractionJsonSchema(), null, 2) + '\n');
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
