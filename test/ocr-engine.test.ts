import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AMOUNT_WHITELIST, createOcrEngine, type OcrEngine, type OcrResult } from '../extractors/ocr/ocr-engine.js';
import { rememberJobs } from '../extractors/ocr/remembered-jobs.js';

/** Cells cropped from the 300 dpi render of samples/liwan-weijian.chromium.pdf (pages 1 and 2). */
const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/ocr/${name}.png`, import.meta.url));
const AMOUNT_A = fixture('amount-6912.45'); // 6,912.45
const AMOUNT_B = fixture('amount-1101.60'); // 1,101.60
const NAME = fixture('name-jiating-yisheng'); // 家庭医生签约服务经费

const compact = (text: string) => text.replace(/\s+/g, '');

async function expectWellFormed(result: OcrResult, image: Buffer): Promise<void> {
  const { width = 0, height = 0 } = await sharp(image).metadata();
  expect(result.symbols.length).toBeGreaterThan(0);
  expect(result.confidence).toBeGreaterThanOrEqual(0);
  expect(result.confidence).toBeLessThanOrEqual(1);
  for (const s of result.symbols) {
    expect(s.confidence).toBeGreaterThanOrEqual(0);
    expect(s.confidence).toBeLessThanOrEqual(1);
    expect(s.x0).toBeGreaterThanOrEqual(0);
    expect(s.y0).toBeGreaterThanOrEqual(0);
    expect(s.x1).toBeLessThanOrEqual(width);
    expect(s.y1).toBeLessThanOrEqual(height);
    expect(s.x0).toBeLessThan(s.x1);
    expect(s.y0).toBeLessThan(s.y1);
  }
  // The symbols, in reading order, spell the text.
  expect(result.symbols.map((s) => s.text).join('')).toBe(compact(result.text));
  const mean = result.symbols.reduce((sum, s) => sum + s.confidence, 0) / result.symbols.length;
  expect(result.confidence).toBeCloseTo(mean, 6);
}

describe('createOcrEngine (2 workers)', () => {
  let engine: OcrEngine;
  beforeAll(async () => {
    engine = await createOcrEngine({ workers: 2 });
  }, 20_000);
  afterAll(async () => {
    await engine?.terminate();
  });

  it('reads an amount cell on one line, with boxes inside the image and confidences in 0..1', async () => {
    const result = await engine.addJob({ image: AMOUNT_A, kind: 'amount' });
    expect(result.text.trim()).toBe('6,912.45');
    await expectWellFormed(result, AMOUNT_A);
    expect(new Set(result.symbols.map((s) => s.line))).toEqual(new Set([0]));
    // Left to right.
    const xs = result.symbols.map((s) => s.x0);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('reads a short name cell, numbering words and lines', async () => {
    const result = await engine.addJob({ image: NAME, kind: 'text' });
    expect(compact(result.text)).toBe('家庭医生签约服务经费');
    await expectWellFormed(result, NAME);
    expect(result.symbols[0]!.word).toBe(0);
    expect(result.symbols[0]!.line).toBe(0);
    for (let i = 1; i < result.symbols.length; i++) {
      expect(result.symbols[i]!.word).toBeGreaterThanOrEqual(result.symbols[i - 1]!.word);
    }
  });

  it('returns only whitelisted characters for an amount job, even on a cell of Chinese text', async () => {
    const result = await engine.addJob({ image: NAME, kind: 'amount' });
    const allowed = new Set([...AMOUNT_WHITELIST]);
    for (const s of result.symbols) for (const ch of s.text) expect(allowed.has(ch)).toBe(true);
    for (const ch of result.text.replace(/\s/g, '')) expect(allowed.has(ch)).toBe(true);
  });

  it('runs concurrent jobs of both kinds without mixing up their parameters', async () => {
    const jobs = Array.from({ length: 12 }, (_, i) =>
      i % 3 === 0 ? { image: NAME, kind: 'text' as const, want: '家庭医生签约服务经费' }
      : i % 3 === 1 ? { image: AMOUNT_A, kind: 'amount' as const, want: '6,912.45' }
      : { image: AMOUNT_B, kind: 'amount' as const, want: '1,101.60' },
    );
    const results = await Promise.all(jobs.map((j) => engine.addJob({ image: j.image, kind: j.kind })));
    expect(results.map((r) => compact(r.text))).toEqual(jobs.map((j) => j.want));
    expect(engine.workers).toBe(2);
  });

  it('reads with the standard model on request, creating its workers on first use', async () => {
    const [standard, bestInt] = await Promise.all([
      engine.addJob({ image: AMOUNT_B, kind: 'amount', model: 'standard' }),
      engine.addJob({ image: AMOUNT_B, kind: 'amount' }),
    ]);
    expect(standard.text.trim()).toBe('1,101.60');
    expect(bestInt.text.trim()).toBe('1,101.60');
    await expectWellFormed(standard, AMOUNT_B);
  }, 20_000);

  it('rejects a job that is not a job', async () => {
    await expect(engine.addJob({ image: 'x' as never, kind: 'amount' })).rejects.toThrow(/^Expected job.image to be a Buffer, got 'x'/);
    await expect(engine.addJob({ image: NAME, kind: 'date' as never })).rejects.toThrow(/^Expected job.kind to be 'text' or 'amount', got 'date'/);
  });
});

describe('createOcrEngine, on its own', () => {
  it('never touches the network', async () => {
    const calls: string[] = [];
    const trap = (name: string) => (..._args: unknown[]): never => {
      calls.push(name);
      throw new Error(`network call in an OCR test: ${name}`);
    };
    const saved = {
      fetch: globalThis.fetch,
      httpRequest: http.request,
      httpGet: http.get,
      httpsRequest: https.request,
      httpsGet: https.get,
      netConnect: net.connect,
      netCreateConnection: net.createConnection,
      tlsConnect: tls.connect,
    };
    globalThis.fetch = trap('fetch') as typeof fetch;
    http.request = trap('http.request') as typeof http.request;
    http.get = trap('http.get') as typeof http.get;
    https.request = trap('https.request') as typeof https.request;
    https.get = trap('https.get') as typeof https.get;
    net.connect = trap('net.connect') as typeof net.connect;
    net.createConnection = trap('net.createConnection') as typeof net.createConnection;
    tls.connect = trap('tls.connect') as typeof tls.connect;
    try {
      const engine = await createOcrEngine({ workers: 1 });
      try {
        const [amount, name] = await Promise.all([
          engine.addJob({ image: AMOUNT_A, kind: 'amount' }),
          engine.addJob({ image: NAME, kind: 'text' }),
        ]);
        expect(amount.text.trim()).toBe('6,912.45');
        expect(compact(name.text)).toBe('家庭医生签约服务经费');
      } finally {
        await engine.terminate();
      }
    } finally {
      globalThis.fetch = saved.fetch;
      http.request = saved.httpRequest;
      http.get = saved.httpGet;
      https.request = saved.httpsRequest;
      https.get = saved.httpsGet;
      net.connect = saved.netConnect;
      net.createConnection = saved.netCreateConnection;
      tls.connect = saved.tlsConnect;
    }
    expect(calls).toEqual([]);
  }, 20_000);

  it('rejects addJob after terminate, and jobs still queued when it is called', async () => {
    const engine = await createOcrEngine({ workers: 1 });
    const queued = Array.from({ length: 4 }, () => engine.addJob({ image: NAME, kind: 'text' }));
    await engine.terminate();
    for (const job of queued) await expect(job).rejects.toThrow(/^Expected a running OcrEngine, got one that was terminated/);
    await expect(engine.addJob({ image: AMOUNT_A, kind: 'amount' })).rejects.toThrow(/^Expected a running OcrEngine, got one that was terminated/);
    await engine.terminate(); // a second call is harmless
  }, 20_000);

  it('refuses a worker count that is not a positive integer', async () => {
    await expect(createOcrEngine({ workers: 0 })).rejects.toThrow('Expected workers to be a positive integer, got 0');
    await expect(createOcrEngine({ workers: 1.5 })).rejects.toThrow('Expected workers to be a positive integer, got 1.5');
  });
});

describe('rememberJobs', () => {
  it('answers a job it was given before (same image, kind and model) without the engine, and hands on every other', async () => {
    const seen: string[] = [];
    const inner: OcrEngine = {
      workers: 1,
      addJob: async (job) => {
        seen.push(`${job.kind}/${job.model ?? 'best_int'}/${job.image.toString()}`);
        return { text: job.image.toString(), confidence: 0.9, symbols: [] };
      },
      terminate: async () => {},
    };
    const engine = rememberJobs(inner);
    const a = await engine.addJob({ image: Buffer.from('cell A'), kind: 'text' });
    const again = await engine.addJob({ image: Buffer.from('cell A'), kind: 'text', model: 'best_int' });
    await engine.addJob({ image: Buffer.from('cell A'), kind: 'amount' });
    await engine.addJob({ image: Buffer.from('cell A'), kind: 'text', model: 'standard' });
    await engine.addJob({ image: Buffer.from('cell B'), kind: 'text' });
    expect(again).toBe(a);
    expect(seen).toEqual(['text/best_int/cell A', 'amount/best_int/cell A', 'text/standard/cell A', 'text/best_int/cell B']);
    expect(engine.workers).toBe(1);
  });
});
