/**
 * The OCR engine: reads one table-cell image at a time with tesseract.js (LSTM, chi_sim) and returns the text
 * with a box and a confidence for every symbol.
 *
 * Nothing is downloaded: both chi_sim models are read from the installed `@tesseract.js-data/chi_sim` package
 * (`4.0.0_best_int`, the default, and `4.0.0`, "standard", for a second read), tesseract.js's core and worker
 * script come from `node_modules`, and the caching to disk is off.
 *
 * How jobs are run. Parameters (page-segmentation mode, whitelist) belong to a tesseract worker, not to a job;
 * with a shared scheduler two jobs of different kinds would race on them. So each model has its own
 * tesseract.js scheduler, and what is added to it is not a bare worker but a lane: the worker plus the
 * parameter set it currently holds. The scheduler runs one job at a time per lane; the lane switches its worker's
 * parameters (one `setParameters` call) only when the kind of the job differs from the previous one. Both kinds
 * share the lanes of a model, so a batch of amounts can use every worker.
 *
 * The best_int lanes are made when the engine is created; the standard lanes on the first `standard` job. The
 * number of recognitions running at once, over both models, never exceeds `workers` (a shared gate), so the CPU
 * is never oversubscribed; worker *threads* can reach 2 × `workers` once a second read has been asked for
 * (tesseract.js's scheduler cannot remove a worker, so best_int lanes cannot be handed over).
 *
 * Measurements (2 workers on 2 cores, Node 20; 230 cells cropped from the 300 dpi renders of
 * samples/liwan-weijian.chromium.pdf and samples/liwan-kegongxin.libreoffice.pdf using the born-digital
 * field boxes + 6 px margin; truth = the PDF's own text in the box, Kangxi radicals folded; accuracy =
 * 1 − edit distance / length with whitespace removed; "nfkc" compares after NFKC on both sides, i.e. it
 * forgives full-width/ASCII punctuation; exact = whitespace-free exact match; ms = CPU ms per cell per worker):
 *
 *   choice                          | name (44)             | amount (105)         | goal (39)             | indicators (42)
 *                                   | acc   nfkc  exact  ms | acc   exact  ms      | acc   nfkc  exact  ms | acc   nfkc  exact  ms
 *   best_int, PSM 6 / 7, 300 dpi ★  | .979  .982  .84    83 | 1.000 1.00   26      | .985  .988  .59   291 | .919  .975  .02   758
 *   PSM 4 for text                  | .979  .982  .84     – | (= PSM 6, identical output on every cell)
 *   PSM 6 for amounts               |                       | 1.000 1.00    –      (identical to PSM 7)
 *   PSM 13 (raw line) for amounts   |                       | .995  .97     –
 *   amounts without the whitelist   |                       | .978  .87     –      (a trailing | or ， from the cell edge)
 *   upscaled ×1.5 (lanczos3)        | .957  .960  .73       | .997  .99            | .975  .978  .36       | .917  .973  .02
 *   upscaled ×2                     | .944  .947  .57       | .998  .99            | .954  .957  .21       | .907  .964  .00
 *   sharp normalise()               | .979  .982  .84       | 1.000 1.00           | .985  .988  .59       | .919  .975  .02
 *   normalise + threshold(160)      | .976  .979  .80       | .998  .99            | .985  .987  .56       | .915  .972  .02
 *   standard model, PSM 6 / 7       | .995  .998  .95       | .992  .95            | .963  .995  .21       | .911  .970  .00
 *
 *   ms: measured for the first row on a quiet machine (CPU ms per cell per worker; wall time per cell with 2
 *   workers is half); the other runs shared the machine with other work, their times (2-3× the first row's)
 *   say nothing, except that upscaling costs 1.5-2× more on text cells. Memory: ~80 MB per best_int worker,
 *   ~230 MB per standard worker; worker start 0.8 s (best_int), ~2.5 s (standard).
 *
 * Chosen (★): both kinds read the 300 dpi grey image as given (upscaling and binarizing only lose on these clean
 * renders; scans may differ, the lead's preprocessing owns that), text with PSM 6 (a block of wrapped lines;
 * PSM 4 gives the same), amounts with PSM 7 (one line) and the whitelist `0123456789.,-`, best_int by default.
 * The standard model is better on Chinese text (names .998 vs .982 nfkc, goals .995 vs .988) but writes ASCII
 * punctuation where the page has full-width (，→, 96 times, ；→; everywhere) and is worse on amounts (.95
 * exact): a good second read for name and goal cells whose best_int confidence is low, not for amounts.
 *
 * Typical confusions (best_int unless said; counts over the 230 cells), for the repairs downstream:
 * - full-width punctuation read as ASCII: ；→; (492, nearly every one), （）→() or 〈, ”“→", ，→, (standard: 96),
 *   ～→~, full-width digits ０-９ → ASCII and split by spaces ("３５" → "3 5", "１,２００" → "1,2 0 0");
 * - ≥ read as > (62), 这 (16), 过, 六, =, or dropped (10); standard: 之 (24), 尹 (20), 2; ≤ as < (12) or 和;
 * - "1-" at a cell's line start (the 1-产出指标 code) read as 工, 革, 虐, f1- or the 1 dropped (19);
 *   standard: 1→L, -→L/壬/士, 、→工/小;
 * - 1 → ] and stray ] / 和 / 人 inserted (a few);
 * - 荔 (of 荔湾) misread in about one cell in three: 芝 功 茂 东 执 莎 荡 切 劳 区 — a lexicon repair for place names pays;
 *   筛 → 得 算 簿 筑; 覆 → 履; 氢 → 氧;
 * - spaces: tesseract puts spaces around punctuation ("中心 (站) 开展", "指标 ; 11") and between full-width
 *   digits; between two Han characters rarely (0-3 per run). They are kept in `text`; `word` tells the
 *   caller which symbols tesseract grouped.
 * - Without the whitelist an amount cell grows a trailing | or ， from the ruling line at its edge: crop inside.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import Tesseract from 'tesseract.js';

const { createScheduler, createWorker, OEM, PSM } = Tesseract;

/** One recognized symbol, in pixels of the image given (origin top-left). */
export interface OcrSymbol {
  text: string;
  /** 0..1 */
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Index of its word in the result (0-based, counted over the whole result). */
  word: number;
  /** Index of its line in the result (0-based, counted over the whole result). */
  line: number;
}

export interface OcrResult {
  /** The text as tesseract wrote it: lines end in `\n`, and spaces it put between words are kept. */
  text: string;
  /** 0..1, the mean over the symbols; 0 when nothing was read. */
  confidence: number;
  /** In reading order. */
  symbols: OcrSymbol[];
}

/** `text`: a block of wrapped lines (names, goals, indicators); `amount`: one line of `0123456789.,-`. */
export type OcrCellKind = 'text' | 'amount';

export interface OcrJob {
  /** An encoded PNG, greyscale, of one table cell, already cropped inside its ruling lines (300 dpi). */
  image: Buffer;
  kind: OcrCellKind;
  /**
   * The chi_sim model: `best_int` (LSTM, integer weights) or `standard`, the other chi_sim model of the
   * package, for a second read.
   * @default 'best_int'
   */
  model?: OcrModel;
}

export type OcrModel = 'best_int' | 'standard';

export interface OcrEngine {
  /** Recognize one cell. Rejects once the engine is terminated. */
  addJob(job: OcrJob): Promise<OcrResult>;
  /** End every worker; jobs not finished yet reject. */
  terminate(): Promise<void>;
  /** The most recognitions that run at once. */
  readonly workers: number;
}

export interface OcrEngineOptions {
  /**
   * How many recognitions may run at once (one tesseract worker each).
   * @default os.availableParallelism()
   */
  workers?: number;
}

/** The characters an amount cell may hold. */
export const AMOUNT_WHITELIST = '0123456789.,-';

/** What each kind of cell is read with; chosen from the measurements above. */
const KIND_SETTINGS: Record<OcrCellKind, { psm: Tesseract.PSM; whitelist: string; scale: number }> = {
  text: { psm: PSM.SINGLE_BLOCK, whitelist: '', scale: 1 },
  amount: { psm: PSM.SINGLE_LINE, whitelist: AMOUNT_WHITELIST, scale: 1 },
};

/** The resolution the cells are rendered at. */
const CELL_DPI = 300;

const require = createRequire(import.meta.url);
const CHI_SIM_DIR = path.dirname(require.resolve('@tesseract.js-data/chi_sim/package.json'));
const LANG_PATHS: Record<OcrModel, string> = {
  best_int: path.join(CHI_SIM_DIR, '4.0.0_best_int'),
  standard: path.join(CHI_SIM_DIR, '4.0.0'),
};

/** Create an engine; resolves when the best_int workers are ready (about 0.8 s, in parallel). */
export async function createOcrEngine(options: OcrEngineOptions = {}): Promise<OcrEngine> {
  const workers = options.workers ?? os.availableParallelism();
  if (!Number.isInteger(workers) || workers < 1) {
    throw new TypeError(`Expected workers to be a positive integer, got ${String(workers)}`);
  }
  const gate = createGate(workers);
  const pools = new Map<OcrModel, Promise<Pool>>();
  const pending = new Set<(error: Error) => void>();
  let terminated = false;

  const getPool = (model: OcrModel): Promise<Pool> => {
    let pool = pools.get(model);
    if (!pool) {
      pool = createPool(model, workers, gate);
      pools.set(model, pool);
      // A failed creation is forgotten, so the next job tries again.
      pool.catch(() => {
        if (pools.get(model) === pool) pools.delete(model);
      });
    }
    return pool;
  };
  await getPool('best_int');

  const terminatedError = () => new Error('Expected a running OcrEngine, got one that was terminated');

  return {
    workers,
    async addJob(job: OcrJob): Promise<OcrResult> {
      if (terminated) throw terminatedError();
      checkJob(job);
      const model = job.model ?? 'best_int';
      const settings = KIND_SETTINGS[job.kind];
      return new Promise<OcrResult>((resolve, reject) => {
        pending.add(reject);
        const run = async () => {
          const prepared = await prepareImage(job.image, settings.scale);
          const pool = await getPool(model);
          if (terminated) throw terminatedError();
          // The scheduler hands the arguments after the action to the lane's `recognize`.
          const page = (await pool.scheduler.addJob('recognize', prepared as never, job.kind as never)) as unknown as Tesseract.Page;
          return toResult(page, settings.scale);
        };
        run().then(resolve, reject).finally(() => pending.delete(reject));
      });
    },
    async terminate(): Promise<void> {
      if (terminated) return;
      terminated = true;
      for (const reject of pending) reject(terminatedError());
      pending.clear();
      const all = await Promise.allSettled([...pools.values()]);
      await Promise.all(all.map((p) => (p.status === 'fulfilled' ? p.value.terminate() : undefined)));
    },
  };
}

function checkJob(job: OcrJob): void {
  if (!job || !Buffer.isBuffer(job.image)) throw new TypeError(`Expected job.image to be a Buffer, got ${describe(job?.image)}`);
  if (job.kind !== 'text' && job.kind !== 'amount') throw new TypeError(`Expected job.kind to be 'text' or 'amount', got ${describe(job.kind)}`);
  if (job.model !== undefined && job.model !== 'best_int' && job.model !== 'standard') {
    throw new TypeError(`Expected job.model to be 'best_int' or 'standard', got ${describe(job.model)}`);
  }
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : value === null ? 'null' : typeof value;
}

/** Greyscale PNG, upscaled when the kind asks for it (the boxes are scaled back in `toResult`). */
async function prepareImage(image: Buffer, scale: number): Promise<Buffer> {
  if (scale === 1) return image;
  const img = sharp(image);
  const { width, height } = await img.metadata();
  if (!width || !height) throw new TypeError('Expected job.image to be an encoded PNG, got an image without a size');
  return img.greyscale().resize(Math.round(width * scale), Math.round(height * scale), { kernel: 'lanczos3' }).png().toBuffer();
}

function toResult(page: Tesseract.Page, scale: number): OcrResult {
  const symbols: OcrSymbol[] = [];
  let word = 0;
  let line = 0;
  const px = (v: number) => Math.round((v / scale) * 10) / 10;
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const l of paragraph.lines) {
        for (const w of l.words) {
          for (const s of w.symbols) {
            symbols.push({
              text: s.text,
              confidence: clamp01(s.confidence / 100),
              x0: px(s.bbox.x0),
              y0: px(s.bbox.y0),
              x1: px(s.bbox.x1),
              y1: px(s.bbox.y1),
              word,
              line,
            });
          }
          word += 1;
        }
        line += 1;
      }
    }
  }
  const confidence = symbols.length === 0 ? 0 : symbols.reduce((sum, s) => sum + s.confidence, 0) / symbols.length;
  return { text: page.text, confidence, symbols };
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}

/** A counting semaphore: at most `size` holders at once, served in order. */
interface Gate {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

function createGate(size: number): Gate {
  let free = size;
  const waiting: Array<() => void> = [];
  return {
    async run(fn) {
      if (free > 0) free -= 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await fn();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else free += 1;
      }
    },
  };
}

/** One model: a tesseract.js scheduler over `size` lanes. */
interface Pool {
  scheduler: Tesseract.Scheduler;
  terminate(): Promise<void>;
}

async function createPool(model: OcrModel, size: number, gate: Gate): Promise<Pool> {
  const created = await Promise.allSettled(
    Array.from({ length: size }, () =>
      createWorker('chi_sim', OEM.LSTM_ONLY, { langPath: LANG_PATHS[model], cacheMethod: 'none', gzip: true }),
    ),
  );
  const workers = created.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = created.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.allSettled(workers.map((w) => w.terminate()));
    throw new Error(`Expected the chi_sim ${model} model to load from ${LANG_PATHS[model]}, got ${String(failed.reason)}`);
  }
  const scheduler = createScheduler();
  const lanes = workers.map((worker) => createLane(worker, gate));
  // The scheduler only uses `id` and the action's method, so a lane stands in for a worker.
  for (const lane of lanes) scheduler.addWorker(lane as unknown as Tesseract.Worker);
  return {
    scheduler,
    async terminate() {
      await Promise.allSettled(lanes.map((lane) => lane.terminate()));
      // Clears the scheduler's queue (its own terminate does not wait for the workers: the lanes did).
      await scheduler.terminate();
    },
  };
}

interface Lane {
  id: string;
  recognize(image: Buffer, kind: OcrCellKind): Promise<Tesseract.Page>;
  terminate(): Promise<void>;
}

function createLane(worker: Tesseract.Worker, gate: Gate): Lane {
  let current: OcrCellKind | undefined;
  let ended: Promise<void> | undefined;
  return {
    id: `lane-${(worker as unknown as { id: string }).id}`,
    // Called by the scheduler with a job id as a third argument, which is not passed on: the worker makes its own.
    recognize: (image, kind) =>
      gate.run(async () => {
        if (current !== kind) {
          const s = KIND_SETTINGS[kind];
          await worker.setParameters({
            tessedit_pageseg_mode: s.psm,
            tessedit_char_whitelist: s.whitelist,
            preserve_interword_spaces: '1',
            user_defined_dpi: String(Math.round(CELL_DPI * s.scale)),
          });
          current = kind;
        }
        const { data } = await worker.recognize(image, {}, { text: true, blocks: true });
        return data;
      }),
    terminate() {
      ended ??= worker.terminate().then(() => undefined);
      return ended;
    },
  };
}
