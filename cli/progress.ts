/**
 * On a terminal: a live progress line on stderr (documents and pages done, failures, elapsed time, ETA, the
 * file being read), redrawn in place; failures printed above it as they happen; summary lines on stdout.
 */
import path from 'node:path';
import type { BatchEvents } from '../batch/events.js';
import { documentLine, failureLine, totalsLine } from './summary.js';

export interface ProgressState {
  total: number;
  finished: number;
  failed: number;
  pages: number;
  /** Files being read, latest first. */
  running: string[];
  startedAt: number;
  jobs: number;
}

/** The progress line for `state` at `now`, cut to `columns`. */
export function progressLine(state: ProgressState, now: number, columns: number): string {
  const elapsed = (now - state.startedAt) / 1000;
  const remaining = state.total - state.finished;
  const eta = state.finished > 0 && remaining > 0 ? clock((elapsed / state.finished) * remaining) : remaining === 0 ? '0:00' : '…';
  const parts = [
    `${state.finished}/${state.total} documents`,
    `${state.pages} pages`,
    ...(state.failed > 0 ? [`${state.failed} failed`] : []),
    clock(elapsed),
    `ETA ${eta}`,
    ...(state.running[0] ? [path.basename(state.running[0])] : []),
  ];
  const line = parts.join(' · ');
  return [...line].length > columns ? [...line].slice(0, Math.max(0, columns - 1)).join('') + '…' : line;
}

/** `m:ss`, or `h:mm:ss` past an hour. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export function terminalEvents(out: string, stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): BatchEvents {
  const state: ProgressState = { total: 0, finished: 0, failed: 0, pages: 0, running: [], startedAt: Date.now(), jobs: 1 };
  let shown = false;
  let timer: NodeJS.Timeout | null = null;
  const clear = () => {
    if (shown) stderr.write('\r\x1b[2K');
    shown = false;
  };
  const draw = () => {
    clear();
    stderr.write(progressLine(state, Date.now(), stderr.columns ?? 100));
    shown = true;
  };
  /** Print a line above the progress line. */
  const print = (stream: NodeJS.WriteStream, line: string) => {
    clear();
    stream.write(line + '\n');
    draw();
  };
  return {
    start(info) {
      Object.assign(state, { total: info.inputs, jobs: info.jobs, startedAt: Date.now() });
      draw();
      // Elapsed time and ETA move on their own between events.
      timer = setInterval(draw, 250);
      timer.unref();
    },
    begin(file) {
      state.running.unshift(file);
      draw();
    },
    finish(entry) {
      state.finished++;
      state.running = state.running.filter((f) => f !== entry.file);
      if (entry.status === 'failed') {
        state.failed++;
        print(stderr, failureLine(entry));
        return;
      }
      if (entry.status === 'done') state.pages += entry.pages ?? 0;
      const line = documentLine(entry, out);
      if (line) print(stdout, line);
    },
    end(report, reportPath) {
      if (timer) clearInterval(timer);
      clear();
      stdout.write(totalsLine(report, reportPath) + '\n');
    },
  };
}
