/**
 * The pool of document workers (worker threads, `document-worker.ts`): it hands each a document, gives the
 * document its time (`secondsPerPage` × its pages, counted from when it is open), and stops a worker that
 * exceeds it, runs out of memory or dies, failing that one document with the reason and replacing the worker.
 */
import { Worker } from 'node:worker_threads';
import type { Extraction } from '../schemas/extraction.js';
import type { FailureCode } from '../schemas/batch.js';
import type { OcrBridge } from './ocr-bridge.js';
import type { FromWorker, ToWorker, WorkerSettings } from './worker-protocol.js';

export type WorkerOutcome =
  | { status: 'done'; extraction: Extraction }
  | { status: 'failed'; code: FailureCode; message: string };

export interface DocumentWorkersOptions {
  /** The worker script. @default `document-worker.js` beside this module */
  script?: URL;
  settings: Omit<WorkerSettings, 'ocrWorkers'>;
  ocr: OcrBridge;
  /**
   * Seconds a document may take per page, from when it is open; opening it gets one page's worth.
   * @default 120
   */
  secondsPerPage: number;
  /**
   * Heap of each worker, in MB (`resourceLimits.maxOldGenerationSizeMb`): a document that needs more fails.
   * @default 2048
   */
  heapMb: number;
  /**
   * Documents a worker extracts before it is replaced by a fresh one, so that whatever a library keeps
   * between documents cannot pile up over a long batch.
   * @default 50
   */
  recycleAfter: number;
}

export const DEFAULT_SECONDS_PER_PAGE = 120;
export const DEFAULT_WORKER_HEAP_MB = 2048;
export const DEFAULT_RECYCLE_AFTER = 50;

interface Running {
  task: number;
  started: number;
  pageCount: number | null;
  finish: (outcome: WorkerOutcome) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  documents: number;
  running: Running | null;
  /** Set once the worker is stopped or has died: it takes no more documents. */
  dead: boolean;
  timer: NodeJS.Timeout | null;
}

export class DocumentWorkers {
  private readonly idle: Slot[] = [];
  private readonly all = new Set<Slot>();
  private nextTask = 0;
  private readonly script: URL;
  /** Workers started so far (replacements included). */
  started = 0;

  constructor(private readonly options: DocumentWorkersOptions) {
    this.script = options.script ?? new URL('./document-worker.js', import.meta.url);
  }

  /** Extract one document in a worker. Never rejects: every way it can fail is an outcome. */
  async extract(input: { path: string; file: string }): Promise<WorkerOutcome> {
    const slot = this.takeIdle() ?? this.spawn();
    try {
      await slot.ready;
    } catch (error) {
      this.retire(slot);
      return { status: 'failed', code: 'crashed', message: `Expected a document worker to start, got: ${(error as Error).message}` };
    }
    const outcome = await new Promise<WorkerOutcome>((resolve) => {
      const task = this.nextTask++;
      slot.running = { task, started: Date.now(), pageCount: null, finish: resolve };
      this.arm(slot, this.options.secondsPerPage);
      slot.worker.postMessage({ type: 'extract', task, path: input.path, file: input.file } satisfies ToWorker);
    });
    slot.documents++;
    if (slot.dead || slot.documents >= this.options.recycleAfter) this.retire(slot);
    else this.idle.push(slot);
    return outcome;
  }

  /** Start a worker ahead of the first document, so its start-up overlaps the run's own. */
  warm(): void {
    if (this.all.size === 0) this.idle.push(this.spawn());
  }

  /** An idle worker that is still alive (one may have died while it waited). */
  private takeIdle(): Slot | undefined {
    let slot = this.idle.pop();
    while (slot?.dead) slot = this.idle.pop();
    return slot;
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    await Promise.all([...this.all].map((slot) => this.retire(slot)));
  }

  private spawn(): Slot {
    this.started++;
    const worker = new Worker(this.script, {
      workerData: { ...this.options.settings, ocrWorkers: this.options.ocr.workers } satisfies WorkerSettings,
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb },
    });
    let ready!: () => void;
    let failed!: (e: Error) => void;
    const slot: Slot = {
      worker,
      ready: new Promise<void>((res, rej) => ((ready = res), (failed = rej))),
      documents: 0,
      running: null,
      dead: false,
      timer: null,
    };
    // Nothing awaits `ready` between documents; an early death is reported through `extract`.
    slot.ready.catch(() => undefined);
    this.all.add(slot);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') ready();
      else this.onMessage(slot, message);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      failed(error);
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.end(slot, {
        status: 'failed',
        code: outOfMemory ? 'limit' : 'crashed',
        message: outOfMemory
          ? `Expected the document to fit in ${this.options.heapMb} MB of memory, got more (the worker ran out of memory)`
          : `Expected the extraction to finish, got a crash: ${error.message.split('\n')[0]}`,
      });
    });
    worker.on('exit', (code) => {
      failed(new Error(`the worker exited with code ${code}`));
      this.end(slot, { status: 'failed', code: 'crashed', message: `Expected the extraction to finish, got its worker exiting with code ${code}` });
      this.all.delete(slot);
      const i = this.idle.indexOf(slot);
      if (i >= 0) this.idle.splice(i, 1);
    });
    return slot;
  }

  private onMessage(slot: Slot, message: Exclude<FromWorker, { type: 'ready' }>): void {
    const running = slot.running;
    switch (message.type) {
      case 'loaded':
        if (running?.task !== message.task) return;
        running.pageCount = message.pageCount;
        this.arm(slot, this.options.secondsPerPage * Math.max(1, message.pageCount));
        return;
      case 'ocr': {
        const task = running?.task;
        const wanted = () => !slot.dead && slot.running?.task === task;
        const { image, ...rest } = message.request;
        this.options.ocr.run({ ...rest, image: Buffer.from(image.buffer, image.byteOffset, image.byteLength) }, wanted).then(
          (result) => {
            if (result && wanted()) slot.worker.postMessage({ type: 'ocr-result', job: message.job, result } satisfies ToWorker);
          },
          (error: Error) => {
            if (wanted()) slot.worker.postMessage({ type: 'ocr-result', job: message.job, error: error.message } satisfies ToWorker);
          },
        );
        return;
      }
      case 'done':
        if (running?.task === message.task) this.settle(slot, { status: 'done', extraction: message.extraction });
        return;
      case 'failed':
        if (running?.task === message.task) this.settle(slot, { status: 'failed', code: message.code, message: message.message });
        return;
    }
  }

  /** (Re)start the document's clock: `seconds` from now. */
  private arm(slot: Slot, seconds: number): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      const running = slot.running;
      if (!running) return;
      const elapsed = ((Date.now() - running.started) / 1000).toFixed(1);
      const what = running.pageCount === null ? 'a document not yet open' : `${running.pageCount} page${running.pageCount === 1 ? '' : 's'} not done`;
      this.end(slot, {
        status: 'failed',
        code: 'timeout',
        message: `Expected at most ${this.options.secondsPerPage} s per page (--page-timeout), got ${what} after ${elapsed} s`,
      });
    }, seconds * 1000);
  }

  /** The document finished normally: the worker can take another. */
  private settle(slot: Slot, outcome: WorkerOutcome): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const running = slot.running;
    slot.running = null;
    running?.finish(outcome);
  }

  /** The document ended abnormally: fail it and stop the worker. */
  private end(slot: Slot, outcome: WorkerOutcome): void {
    const wasDead = slot.dead;
    slot.dead = true;
    this.settle(slot, outcome);
    if (!wasDead) void slot.worker.terminate();
  }

  private async retire(slot: Slot): Promise<void> {
    slot.dead = true;
    if (slot.timer) clearTimeout(slot.timer);
    this.all.delete(slot);
    const i = this.idle.indexOf(slot);
    if (i >= 0) this.idle.splice(i, 1);
    await slot.worker.terminate();
  }
}
