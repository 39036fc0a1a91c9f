/**
 * An OCR engine that answers a job it has been given before (the same image bytes, kind and model) with the
 * answer it gave then, and hands every other job to the engine under it: `{ addJob, terminate }`, as the engine.
 *
 * Why: deciding which way up a page stands may read a few of its cells before the page is read (see
 * `orientation-probe.ts`), and those cells are then read again, the same image of the same cell, with the rest.
 * Remembering one page's jobs saves that second read. Scoped to one page: the answers are dropped with it.
 */
import { createHash } from 'node:crypto';
import type { OcrEngine, OcrJob, OcrResult } from './ocr-engine.js';

/** `engine`, answering a job it has been given before with the same answer. `terminate` ends `engine` too. */
export function rememberJobs(engine: OcrEngine): OcrEngine {
  const answers = new Map<string, Promise<OcrResult>>();
  return {
    workers: engine.workers,
    addJob(job: OcrJob): Promise<OcrResult> {
      const key = `${job.kind}|${job.model ?? 'best_int'}|${createHash('sha1').update(job.image).digest('hex')}`;
      let answer = answers.get(key);
      if (!answer) answers.set(key, (answer = engine.addJob(job)));
      return answer;
    },
    terminate: () => engine.terminate(),
  };
}
