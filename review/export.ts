/**
 * `jixiao export`: the documents of a database as they stand after review, in the contract of `extract` —
 * one JSON file per document (each parsed by the zod `Extraction` schema on the way out), and the JSONL and
 * CSV exports written by the very sinks `extract --format` uses.
 */
import path from 'node:path';
import { commonFolder } from '../batch/inputs.js';
import { writeFileAtomic } from '../cli/output.js';
import { Extraction } from '../schemas/extraction.js';
import { CsvSink, CSV_FILE } from '../sinks/csv.js';
import { JsonlSink, JSONL_FILE } from '../sinks/jsonl.js';
import type { Sink } from '../sinks/sink.js';
import { toDoneDocument, type ReviewStore, type StoredDocument } from './store.js';

import type { ExportFileFormat } from './defaults.js';

export { EXPORT_FILE_FORMATS, type ExportFileFormat } from './defaults.js';

export interface ExportOptions {
  out: string;
  /** @default ['json'] */
  formats?: readonly ExportFileFormat[];
}

export interface ExportResult {
  documents: number;
  /** Every file written, relative to `out`. */
  files: string[];
}

/**
 * Where each document's JSON goes under `out`: its source path below the deepest folder holding all of them,
 * with `.json` for its extension, as `extract` names them. Two documents that would share a name (a file
 * extracted, changed and extracted again) get the start of their SHA-256 in it.
 */
export function jsonOutputNames(docs: readonly Pick<StoredDocument, 'sha256' | 'sourcePath'>[]): Map<string, string> {
  const root = commonFolder(docs.map((d) => path.dirname(path.resolve(d.sourcePath))));
  const names = docs.map((d) => {
    const parsed = path.parse(path.relative(root, path.resolve(d.sourcePath)));
    return { d, base: path.join(parsed.dir, parsed.name).split(path.sep).join('/') };
  });
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n.base, (counts.get(n.base) ?? 0) + 1);
  return new Map(names.map((n) => [n.d.sha256, `${n.base}${(counts.get(n.base) ?? 0) > 1 ? `.${n.d.sha256.slice(0, 12)}` : ''}.json`]));
}

export async function exportDocuments(store: ReviewStore, options: ExportOptions): Promise<ExportResult> {
  const formats = options.formats ?? ['json'];
  const sinks: Sink[] = [];
  if (formats.includes('jsonl')) sinks.push(new JsonlSink(options.out));
  if (formats.includes('csv')) sinks.push(new CsvSink(options.out));
  const files: string[] = [];
  // Names need every document's path; the documents themselves are read one at a time, so memory stays flat.
  const refs = await store.documentRefs();
  const names = jsonOutputNames(refs);
  let documents = 0;
  for (const { sha256 } of refs) {
    const doc = await store.document(sha256);
    if (!doc) continue;
    const extraction = Extraction.parse(doc.extraction);
    if (formats.includes('json')) {
      const name = names.get(sha256)!;
      await writeFileAtomic(path.join(options.out, name), JSON.stringify(extraction, null, 2) + '\n');
      files.push(name);
    }
    for (const sink of sinks) await sink.putDone(toDoneDocument(doc, extraction));
    documents++;
  }
  // Only now are the flat exports renamed into place: an export that fails halfway never replaces a good one.
  for (const sink of sinks) await sink.close();
  if (formats.includes('jsonl')) files.push(JSONL_FILE);
  if (formats.includes('csv')) files.push(CSV_FILE);
  return { documents, files };
}
