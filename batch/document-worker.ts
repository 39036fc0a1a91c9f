/**
 * A document worker: a worker thread that extracts the documents the batch sends it, one at a time.
 *
 * Why a thread per job rather than promises in one thread: pdf.js parses in the thread that calls it, so
 * only threads use more than one core; and a document that runs away (a CPU bomb, a page that never ends)
 * can only be stopped by terminating the thread it runs in, which a promise cannot do.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../extractors/pdf/open-pdf.js';
import type { OcrEngine, OcrResult } from '../extractors/ocr/ocr-engine.js';
import { extractDocument } from '../pipeline/pipeline.js';
import { Extraction } from '../schemas/extraction.js';
import type { FailureCode } from '../schemas/batch.js';
import { collectGarbage } from './gc.js';
import type { FromWorker, ToWorker, WorkerSettings } from './worker-protocol.js';

if (!parentPort) throw new Error('Expected to run as a worker thread, got the main thread');
const port = parentPort;
const settings = workerData as WorkerSettings;
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

const pendingOcr = new Map<number, { resolve: (r: OcrResult) => void; reject: (e: Error) => void }>();
let nextJob = 0;

/** The main thread's OCR engine, seen from here. Terminating it is the main thread's business. */
const ocrEngine: OcrEngine = {
  workers: settings.ocrWorkers,
  addJob(job) {
    const id = nextJob++;
    return new Promise<OcrResult>((resolve, reject) => {
      pendingOcr.set(id, { resolve, reject });
      const image = new Uint8Array(job.image);
      send({ type: 'ocr', job: id, request: { ...job, image } }, [image.buffer as ArrayBuffer]);
    });
  },
  async terminate() {},
};

port.on('message', (message: ToWorker) => {
  if (message.type === 'ocr-result') {
    const pending = pendingOcr.get(message.job);
    pendingOcr.delete(message.job);
    if (message.result) pending?.resolve(message.result);
    else pending?.reject(new Error(message.error ?? 'OCR failed'));
    return;
  }
  void extract(message.task, message.path, message.file);
});

async function extract(task: number, filePath: string, file: string): Promise<void> {
  try {
    const bytes = await readFile(filePath);
    const extraction = await extractDocument(
      { file, bytes },
      {
        reviewThreshold: settings.reviewThreshold,
        password: settings.password,
        ocr: settings.ocr,
        limits: settings.limits,
        ocrEngine,
        onLoad: ({ pageCount }) => send({ type: 'loaded', task, pageCount }),
      },
    );
    send({ type: 'done', task, extraction: Extraction.parse(extraction) });
  } catch (error) {
    send({ type: 'failed', task, ...describeFailure(error) });
  }
  // Between documents this worker holds nothing: collect now rather than let the heap climb over a batch.
  collectGarbage();
}


function describeFailure(error: unknown): { code: FailureCode; message: string } {
  if (error instanceof InputError) return { code: error.code, message: error.message };
  const err = error as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return { code: 'io', message: 'Expected a file, got a path that does not exist' };
  if (err?.code === 'EISDIR') return { code: 'io', message: 'Expected a file, got a directory' };
  if (err?.code === 'EACCES') return { code: 'io', message: 'Expected a readable file, got permission denied' };
  return { code: 'crashed', message: `Expected the extraction to finish, got an error: ${(err?.message ?? String(error)).split('\n')[0]}` };
}

// Every module above is loaded: from now on a document's time is its own, not the worker's start-up.
send({ type: 'ready' });
