/**
 * What a batch tells whoever watches it (a terminal's progress display, JSON log lines), as it happens.
 */
import type { Report, ReportInput } from '../schemas/batch.js';

export interface BatchEvents {
  /** The inputs are known and the run begins. */
  start(info: { inputs: number; jobs: number; pipelineVersion: string; out: string }): void;
  /** A document goes to a worker to be extracted. */
  begin(file: string): void;
  /** An input is finished, whatever its status. */
  finish(entry: ReportInput, ms: number): void;
  /** The run is over and its report written. */
  end(report: Report, reportPath: string): void;
}

export const NO_EVENTS: BatchEvents = { start() {}, begin() {}, finish() {}, end() {} };
