/**
 * `--format jsonl`: `<out>/extractions.jsonl`, one document per line (`ExportedDocument`: the extraction, its
 * year and the pipeline version), every document done or skipped in the run, in the order they finished.
 */
import path from 'node:path';
import type { ExportedDocument } from '../schemas/batch.js';
import { FileExport } from './file-export.js';
import type { DoneDocument, Sink } from './sink.js';

export const JSONL_FILE = 'extractions.jsonl';

export class JsonlSink implements Sink {
  readonly name = 'jsonl';
  readonly persistent = false;
  private readonly file: FileExport;

  constructor(outDir: string) {
    this.file = new FileExport(path.join(outDir, JSONL_FILE));
  }

  async holds(): Promise<boolean> {
    return false;
  }

  async putDone(doc: DoneDocument): Promise<void> {
    const line: ExportedDocument = { year: doc.year, yearSource: doc.yearSource, pipelineVersion: doc.key.pipelineVersion, extraction: doc.extraction };
    await this.file.write(JSON.stringify(line) + '\n');
  }

  async putFailed(): Promise<void> {}

  async close(): Promise<void> {
    await this.file.close();
  }
}
