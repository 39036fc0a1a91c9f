/**
 * Off a terminal: one JSON object per line on stderr for each event (in pino's shape: `level` 30 info,
 * 50 error, `time` in ms, `msg`), and on stdout nothing but the summary lines.
 */
import type { BatchEvents } from '../batch/events.js';
import { documentLine, totalsLine } from './summary.js';

const INFO = 30;
const ERROR = 50;

export function jsonLogEvents(out: string, stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr): BatchEvents {
  const log = (level: number, msg: string, fields: Record<string, unknown>) =>
    stderr.write(JSON.stringify({ level, time: Date.now(), pid: process.pid, msg, ...fields }) + '\n');
  return {
    start(info) {
      log(INFO, 'run started', info);
    },
    begin(file) {
      log(INFO, 'document started', { file });
    },
    finish(entry, ms) {
      const { status, ...rest } = entry;
      log(status === 'failed' ? ERROR : INFO, `document ${status}`, { status, ...rest, ms: Math.round(ms) });
      const line = documentLine(entry, out);
      if (line) stdout.write(line + '\n');
    },
    end(report, reportPath) {
      const seconds = (Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000;
      log(report.totals.failed > 0 ? ERROR : INFO, 'run finished', { ...report.totals, seconds, peakRssBytes: report.peakRssBytes, report: reportPath });
      stdout.write(totalsLine(report, reportPath) + '\n');
    },
  };
}
