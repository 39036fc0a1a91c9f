/**
 * The options of `jixiao review` and `jixiao export`, read by commander; the commands themselves are in
 * `review.ts`, loaded only when one of them runs.
 */
import { InvalidArgumentError } from 'commander';
import { EXPORT_FILE_FORMATS, type ExportFileFormat } from '../review/defaults.js';

export interface ReviewFlags {
  db: string;
  host: string;
  port: number;
  reviewer?: string;
}

export interface ExportFlags {
  db: string;
  out: string;
  format: ExportFileFormat[];
}

/** `--format json --format csv` or `--format json,csv`; json when none is given. */
export function collectExportFormats(value: string, previous: ExportFileFormat[] | undefined): ExportFileFormat[] {
  const formats = value.split(',').map((f) => f.trim());
  for (const f of formats) {
    if (!(EXPORT_FILE_FORMATS as readonly string[]).includes(f)) throw new InvalidArgumentError(`Expected ${EXPORT_FILE_FORMATS.join(', ')}, got ${f}`);
  }
  return [...new Set([...(previous ?? []), ...(formats as ExportFileFormat[])])];
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`Expected a port from 0 to 65535, got ${value}`);
  return n;
}
