/**
 * What `jixiao extract` is given, as a list of files: files as they are, folders searched recursively, globs
 * expanded; and where each file's output goes under `--out`.
 *
 * Outputs mirror the inputs' paths below the deepest folder that holds every input's root (a file's own
 * folder, a folder given, a glob's fixed part), so `2024/a.pdf` and `2025/a.pdf` write `2024/a.json` and
 * `2025/a.json`, while a single file, or files from one folder, write `<base name>.json` as before.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** Extensions a folder is searched for (any case); files and globs given explicitly are taken whatever they are. */
export const INPUT_EXTENSIONS = ['.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff'];

export interface BatchInput {
  /** The input as the user would name it: the path given, or the folder or glob joined with the path found. */
  file: string;
  /** Its absolute path. */
  path: string;
  /** Its JSON output, relative to `--out`, with `/` separators: `2024/a.json`. */
  output: string;
}

export interface ExpandedInputs {
  inputs: BatchInput[];
  /** Globs that matched no file and folders that hold no input. */
  unmatched: string[];
}

interface Found {
  file: string;
  path: string;
  /** The folder its output path is relative to before mirroring: its own folder, the folder given, a glob's fixed part. */
  root: string;
}

export async function expandInputs(args: readonly string[], cwd: string = process.cwd()): Promise<ExpandedInputs> {
  const found: Found[] = [];
  const unmatched: string[] = [];
  for (const arg of args) {
    const files = await expandOne(arg, cwd);
    if (files.length === 0) unmatched.push(arg);
    found.push(...files);
  }
  const seen = new Set<string>();
  const unique = found.filter((f) => !seen.has(f.path) && seen.add(f.path));
  const root = commonFolder(unique.map((f) => f.root));
  const inputs = unique.map((f) => ({ file: f.file, path: f.path, output: outputFor(path.relative(root, f.path)) }));
  return { inputs, unmatched };
}

async function expandOne(arg: string, cwd: string): Promise<Found[]> {
  const absolute = path.resolve(cwd, arg);
  const info = await stat(absolute).catch(() => null);
  if (info?.isDirectory()) {
    const files = await walk(absolute);
    return files.map((p) => ({ file: path.join(arg, path.relative(absolute, p)), path: p, root: absolute }));
  }
  if (!info && isDynamicPattern(arg)) {
    const matches = (await glob(arg, { cwd, absolute: true, onlyFiles: true, dot: false })).sort();
    const root = path.resolve(cwd, fixedPart(arg));
    return matches.map((p) => ({ file: path.isAbsolute(arg) ? p : path.relative(cwd, p), path: p, root }));
  }
  // A file, or a path that does not exist: the latter fails on its own when read, with the reason.
  return [{ file: arg, path: absolute, root: path.dirname(absolute) }];
}

/** Every input file under `dir`, sorted, hidden files and folders left out. */
async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile() && INPUT_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) out.push(full);
  }
  return out;
}

/** The folders of a glob before its first segment with a wildcard: `in/2024/**\/*.pdf` → `in/2024`. */
export function fixedPart(pattern: string): string {
  const segments = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const s of segments.slice(0, -1)) {
    if (isDynamicPattern(s)) break;
    fixed.push(s);
  }
  return fixed.join('/') || '.';
}

/** The deepest folder containing all of `folders` (absolute paths). */
export function commonFolder(folders: readonly string[]): string {
  if (folders.length === 0) return path.sep;
  let common = folders[0]!.split(path.sep);
  for (const f of folders.slice(1)) {
    const parts = f.split(path.sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(path.sep) || path.sep;
}

/** `2024/a.pdf` → `2024/a.json`, with `/` separators whatever the platform. */
function outputFor(relative: string): string {
  const parsed = path.parse(relative);
  return path.join(parsed.dir, `${parsed.name}.json`).split(path.sep).join('/');
}
