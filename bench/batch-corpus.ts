/**
 * Batches made from the born-digital samples, for the batch tests and `npm run bench -- --batch`: copies,
 * each made a document of its own (its own SHA-256) by a comment after its `%%EOF`, which no reader looks at.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The born-digital samples (a text layer on every page; fast): not the scans, not the mixed PDF. */
export function bornDigitalSamples(samplesDir: string): string[] {
  return readdirSync(samplesDir)
    .filter((f) => f.endsWith('.pdf') && !/\.(scan\d+|scan200-skew|mixed)\.pdf$/.test(f))
    .sort()
    .map((f) => path.join(samplesDir, f));
}

export interface BatchCorpusOptions {
  /** How many documents. */
  documents: number;
  /** Folders (under `dir`) the documents are spread over, in turn. @default ['.'] */
  folders?: string[];
  /** The PDFs to copy, in turn. */
  samples: string[];
}

/** Write the batch under `dir`; returns the paths written, in order. */
export function buildBatchCorpus(dir: string, options: BatchCorpusOptions): string[] {
  const folders = options.folders ?? ['.'];
  const bytes = options.samples.map((s) => readFileSync(s));
  const written: string[] = [];
  for (let i = 0; i < options.documents; i++) {
    const k = i % options.samples.length;
    const folder = path.join(dir, folders[i % folders.length]!);
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${String(i).padStart(4, '0')}-${path.basename(options.samples[k]!)}`);
    writeFileSync(file, Buffer.concat([bytes[k]!, Buffer.from(`\n% jixiao batch copy ${i}\n`, 'latin1')]));
    written.push(file);
  }
  return written;
}
