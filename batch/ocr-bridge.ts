/**
 * The run's one OCR engine, in the main thread, serving the document workers' cell images.
 *
 * Jobs pass through a queue that feeds the engine only a few more than it can run, so that the jobs of a
 * document whose worker was stopped (timed out, crashed) can still be dropped: once in the engine's own
 * queue they could not be.
 */
import PQueue from 'p-queue';
import type { OcrEngine, OcrJob, OcrResult } from '../extractors/ocr/ocr-engine.js';

/** tesseract.js is loaded when a page first needs OCR: a born-digital batch never pays for it. */
async function createOcrEngine(workers: number): Promise<OcrEngine> {
  const { createOcrEngine: create } = await import('../extractors/ocr/ocr-engine.js');
  return create({ workers });
}

export class OcrBridge {
  private engine: Promise<OcrEngine> | null = null;
  private readonly queue: PQueue;

  /** @param workers recognitions run at once (tesseract workers). */
  constructor(
    readonly workers: number,
    private readonly create: (workers: number) => Promise<OcrEngine> = createOcrEngine,
  ) {
    this.queue = new PQueue({ concurrency: workers * 2 });
  }

  /** Recognize one cell, unless `wanted()` says by the time its turn comes that nobody waits for it (null). */
  run(job: OcrJob, wanted: () => boolean): Promise<OcrResult | null> {
    return this.queue.add(async () => {
      if (!wanted()) return null;
      const engine = await (this.engine ??= this.create(this.workers));
      return engine.addJob(job);
    }) as Promise<OcrResult | null>;
  }

  /** Whether an engine was started (the run met a page to OCR). */
  get started(): boolean {
    return this.engine !== null;
  }

  async close(): Promise<void> {
    this.queue.clear();
    if (this.engine) await (await this.engine.catch(() => null))?.terminate();
  }
}
