/**
 * A flat export file, written by one run from start to end: into a temporary file beside it, renamed into
 * place when the run closes it, so a reader never sees half an export and a killed run leaves the previous one.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';

export class FileExport {
  private readonly stream: WriteStream;
  private readonly tmp: string;
  private failed: Error | null = null;

  constructor(readonly file: string) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
    this.stream = createWriteStream(this.tmp);
    this.stream.on('error', (error) => (this.failed = error));
  }

  /** Append text, waiting when the stream's buffer is full so a long batch never holds its export in memory. */
  async write(text: string): Promise<void> {
    if (this.failed) throw this.failed;
    if (!this.stream.write(text)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    if (this.failed) throw this.failed;
    await rename(this.tmp, this.file);
  }
}
