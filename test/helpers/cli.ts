/**
 * Running the built CLI (`dist/cli/main.js`, built by `npm test`'s pretest) as a user does, and reading what
 * a run leaves under `--out`.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Report } from '../../schemas/batch.js';
import { ROOT } from './samples.js';

export const CLI = path.join(ROOT, 'dist/cli/main.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function jixiao(args: string[], cwd: string = ROOT): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Start the CLI without waiting for it. */
export function startJixiao(args: string[], cwd: string): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { cwd, stdio: 'ignore' });
}

/** Every file under `dir`, relative, hidden ones included. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** The JSON outputs under `out`: not the report, not the run's state, not temporary files. */
export function jsonOutputs(out: string): string[] {
  return listFiles(out).filter((f) => f.endsWith('.json') && f !== 'report.json' && !f.split(path.sep).some((part) => part.startsWith('.')));
}

export function readReport(out: string): Report {
  return Report.parse(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')));
}

/** Wait until `ready()` holds, polling; fails if `child` exits first or after `ms`. */
export async function waitFor(ready: () => boolean, child: ChildProcess, ms = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!ready()) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Expected the run to be still going, got it ended (${child.exitCode ?? child.signalCode})`);
    if (Date.now() - t0 > ms) throw new Error(`Expected the condition within ${ms} ms, got nothing`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
