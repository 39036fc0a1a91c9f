/**
 * The JSON outputs, one file per input under `--out`, and beside them (in `<out>/.jixiao/done/`) a small
 * marker per output saying which bytes and which pipeline version it was made from: what lets a re-run skip
 * an input without reading its output.
 *
 * Order of writes: the output (to a temporary file, then renamed), then its marker. A run killed between the
 * two leaves an output without a marker, which the next run simply writes again.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../cli/output.js';
import { Extraction } from '../schemas/extraction.js';
import { pageErrorsText } from './records.js';
import type { DocumentKey, DoneDocument, FailedDocument, InputRef, Sink } from './sink.js';

/** Where a run keeps its own state under `--out`. */
export const STATE_DIR = '.jixiao';

const Marker = z.object({
  sha256: z.string(),
  pipelineVersion: z.string(),
  file: z.string(),
  title: z.string(),
  status: Extraction.shape.status,
  pages: z.number().int(),
  rows: z.number().int(),
  partial: z.string().optional(),
  fields: z.number().int(),
  flagged: z.number().int(),
  extractedAt: z.string(),
});
export type Marker = z.infer<typeof Marker>;

export class JsonFilesSink implements Sink {
  readonly name = 'json';
  readonly persistent = true;

  constructor(readonly outDir: string) {}

  outputPath(input: InputRef): string {
    return path.join(this.outDir, input.output);
  }

  private markerPath(input: InputRef): string {
    return path.join(this.outDir, STATE_DIR, 'done', input.output);
  }

  /** The marker of the output at `input`'s path, if one was written. */
  async marker(input: InputRef): Promise<Marker | null> {
    try {
      return Marker.parse(JSON.parse(await readFile(this.markerPath(input), 'utf8')));
    } catch {
      return null;
    }
  }

  async holds(key: DocumentKey, input: InputRef): Promise<boolean> {
    const marker = await this.marker(input);
    if (!marker || marker.sha256 !== key.sha256 || marker.pipelineVersion !== key.pipelineVersion) return false;
    return readFile(this.outputPath(input)).then(
      () => true,
      () => false,
    );
  }

  /** The stored extraction of an input this sink holds. */
  async load(input: InputRef): Promise<Extraction> {
    return Extraction.parse(JSON.parse(await readFile(this.outputPath(input), 'utf8')));
  }

  async putDone(doc: DoneDocument): Promise<void> {
    const x = doc.extraction;
    await writeFileAtomic(this.outputPath(doc.input), JSON.stringify(x, null, 2) + '\n');
    const marker: Marker = {
      ...doc.key,
      file: doc.input.file,
      title: x.document.title.value,
      status: x.status,
      pages: x.source.pages.length,
      rows: x.rows.length,
      ...(x.status === 'partial' ? { partial: pageErrorsText(x) } : {}),
      fields: x.review.fields,
      flagged: x.review.flagged,
      extractedAt: doc.extractedAt,
    };
    await writeFileAtomic(this.markerPath(doc.input), JSON.stringify(marker) + '\n');
  }

  /** An input that fails has no output: one left at its path from other bytes (the file was replaced) goes. */
  async putFailed(doc: FailedDocument): Promise<void> {
    const marker = await this.marker(doc.input);
    if (marker && marker.sha256 !== doc.key.sha256) {
      await rm(this.markerPath(doc.input), { force: true });
      await rm(this.outputPath(doc.input), { force: true });
    }
  }

  async close(): Promise<void> {}
}
