/**
 * The pipeline's version, half of the key a stored extraction is found by (the other half is the SHA-256 of
 * the input's bytes): a re-run skips an input only when both match.
 *
 * It is `<package version>+<digest>`, the digest (12 hex digits of a SHA-256) over everything that decides what
 * an extraction says, so that it changes whenever the output could:
 * - the code of the extraction: every module under `pipeline/` and `extractors/`, and `schemas/extraction`,
 *   as this process runs them (the compiled `dist/` files, or the TypeScript sources under a test runner);
 * - the versions of the engines it runs: pdfjs-dist, sharp, tesseract.js and the chi_sim model package;
 * - the settings that change the output: the review threshold and whether OCR is on. (The password and the
 *   limits do not: they decide whether an input can be read, not what it says.)
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folders (relative to the code root) whose modules decide the extraction. */
const CODE_DIRS = ['pipeline', 'extractors'];
const CODE_FILES = ['schemas/extraction'];
const ENGINES = ['pdfjs-dist', 'sharp', 'tesseract.js', '@tesseract.js-data/chi_sim'];

/** The settings the version covers. */
export interface VersionedSettings {
  reviewThreshold: number;
  ocr: boolean;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** `dist/` when compiled, the repository when run from source: the folder holding `pipeline/`. */
const CODE_ROOT = path.resolve(HERE, '..');
const require = createRequire(import.meta.url);

let codeDigest: string | null = null;

export function pipelineVersion(settings: VersionedSettings): string {
  const hash = createHash('sha256').update(codeAndEngines());
  hash.update(JSON.stringify({ reviewThreshold: settings.reviewThreshold, ocr: settings.ocr }));
  return `${packageVersion()}+${hash.digest('hex').slice(0, 12)}`;
}

/** The package's own version, from the nearest `package.json` above this module. */
export function packageVersion(): string {
  for (let dir = HERE; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'jixiao' && pkg.version) return pkg.version;
    } catch {
      // No package.json here: look further up.
    }
    if (path.dirname(dir) === dir) throw new Error(`Expected jixiao's package.json above ${HERE}, got none`);
  }
}

function codeAndEngines(): string {
  if (codeDigest) return codeDigest;
  const hash = createHash('sha256');
  const files = [
    ...CODE_DIRS.flatMap((dir) => listCode(path.join(CODE_ROOT, dir))),
    ...CODE_FILES.flatMap((f) => ['.js', '.ts'].map((ext) => path.join(CODE_ROOT, f + ext)).filter((f) => existsSync(f))),
  ].sort();
  for (const file of files) hash.update(path.relative(CODE_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  for (const name of ENGINES) hash.update(`${name}@${engineVersion(name)}\0`);
  return (codeDigest = hash.digest('hex'));
}

function listCode(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return listCode(full);
    return /\.(js|ts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

function engineVersion(name: string): string {
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}
