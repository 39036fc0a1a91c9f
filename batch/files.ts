/**
 * Small file helpers of a batch: hashing an input without holding it, and sweeping the temporary files a
 * killed run left behind.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** SHA-256 of a file, streamed: a 100 MB scan is never held whole here. */
export function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** The names `writeFileAtomic` and exports give their temporary files: `.<name>.<12 hex>.tmp`. */
const TEMP = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** Remove the temporary files under `dir` that a killed run left (none of them is an output). */
export async function removeStaleTemps(dir: string): Promise<number> {
  let removed = 0;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) removed += await removeStaleTemps(full);
    else if (TEMP.test(e.name)) {
      await rm(full, { force: true });
      removed++;
    }
  }
  return removed;
}

/** A failure's message in the "Expected …, got …" form, for errors of the file system. */
export function describeIoError(error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'Expected a file, got a path that does not exist';
  if (err?.code === 'EISDIR') return 'Expected a file, got a directory';
  if (err?.code === 'EACCES') return 'Expected a readable file, got permission denied';
  return `Expected a readable file, got: ${(err?.message ?? String(error)).split('\n')[0]}`;
}
