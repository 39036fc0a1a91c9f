/**
 * The lines a run prints on stdout: one per document read or found up to date, and the run's totals.
 */
import path from 'node:path';
import type { Report, ReportInput } from '../schemas/batch.js';

/** `file: 27 rows, 660 fields, 2 flagged -> out/file.json` (and `, partial: …` or `up to date`). */
export function documentLine(entry: ReportInput, out: string): string | null {
  if (entry.status === 'failed' || !entry.output) return null;
  const partial = entry.partial ? `, partial: ${entry.partial}` : '';
  const upToDate = entry.status === 'skipped' ? ' (up to date)' : '';
  return `${entry.file}: ${entry.rows ?? 0} rows, ${entry.fields ?? 0} fields, ${entry.flagged ?? 0} flagged${partial}${upToDate} -> ${path.join(out, entry.output)}`;
}

/** `44 inputs: 38 done, 2 skipped, 4 failed (report: out/report.json)`. */
export function totalsLine(report: Report, reportPath: string): string {
  const t = report.totals;
  return `${t.inputs} input${t.inputs === 1 ? '' : 's'}: ${t.done} done, ${t.skipped} skipped, ${t.failed} failed (report: ${reportPath})`;
}

/** `file: error: reason`, the line a failure gets on a terminal. */
export function failureLine(entry: ReportInput): string {
  return `${entry.file}: error: ${entry.error ?? 'unknown'}`;
}
