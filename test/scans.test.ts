/**
 * Scanned samples through OCR, field by field against the same expected JSON as their born-digital originals.
 *
 * What every scan must keep: every row in place and none invented, no wrong field at or above the review
 * threshold (silent errors are the worst defect), and the accuracy and flagged share measured for it (see
 * `npm run bench` for all scans). The heaviest scans (six pages at 300 dpi) are left to the benchmark to keep
 * `npm test` within minutes.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrEngine, type OcrEngine } from '../extractors/ocr/ocr-engine.js';
import { extractDocument } from '../pipeline/pipeline.js';
import { Extraction } from '../schemas/extraction.js';
import { isCheckNote, replayNotes, REPLAY_TOLERANCE } from '../review/check-notes.js';
import { listFields } from '../review/fields.js';
import { compareWithExpected } from './helpers/compare.js';
import { listAllSamples, isScanned } from './helpers/samples.js';

/**
 * The scans tested here, with the accuracy (share of fields right) and flagged share they must keep: measured
 * values with a small margin, raised as the OCR improves.
 */
const FLOORS: Record<string, { accuracy: number; flagged: number }> = {
  'liwan-weijian-short.chromium.png300.png': { accuracy: 0.99, flagged: 0.05 },
  'liwan-weijian-short.chromium.jpg200.jpg': { accuracy: 0.99, flagged: 0.04 },
  'liwan-weijian.chromium.g4.tiff': { accuracy: 0.98, flagged: 0.1 },
  'liwan-kegongxin.libreoffice.mixed.pdf': { accuracy: 0.99, flagged: 0.06 },
  // Its pages turned in the PDF: on its side, upside down, on its other side.
  'liwan-weijian.chromium.turned300.pdf': { accuracy: 0.985, flagged: 0.07 },
  // Stored on its side, with the EXIF orientation that shows it upright.
  'liwan-weijian-short.chromium.jpg200-exif.jpg': { accuracy: 0.99, flagged: 0.04 },
};

/**
 * Wrong fields at or above the threshold that are known and not yet fixed, each with its reason. The test
 * asserts exactly these, so any new silent error fails it, and a fixed one must be taken off the list.
 */
const KNOWN_SILENT: Record<string, { path: string; why: string }[]> = {
  'liwan-kegongxin.libreoffice.mixed.pdf': [
    { path: '8/indicators/2/name', why: 'the space in “一月一链 一起益企” falls on a line wrap in the original: no trace on the page' },
  ],
};

const samples = listAllSamples().filter((s) => isScanned(s.expected) && FLOORS[s.expected.sample]);
let engine: OcrEngine;
const results = new Map<string, Promise<Extraction>>();

beforeAll(async () => {
  engine = await createOcrEngine();
});
afterAll(async () => {
  await engine?.terminate();
});

function extract(pdf: string): Promise<Extraction> {
  let r = results.get(pdf);
  if (!r) {
    r = extractDocument({ file: pdf, bytes: readFileSync(pdf) }, { ocrEngine: engine });
    results.set(pdf, r);
  }
  return r;
}

describe.each(samples)('scan $expected.sample', ({ pdf, expected }) => {
  const floor = FLOORS[expected.sample]!;

  it('validates, reads its scanned pages by OCR and says so', async () => {
    const x = Extraction.parse(await extract(pdf));
    expect(x.status).toBe('complete');
    const ocrPages = x.source.pages.filter((p) => p.method === 'ocr');
    expect(ocrPages.length).toBeGreaterThan(0);
    for (const p of ocrPages) expect(p.notes?.join(' ')).toMatch(/read by OCR|image page/);
  }, 300_000);

  it('has every row in place and none invented', async () => {
    const x = await extract(pdf);
    expect(x.rows.map((r) => r.kind)).toEqual(expected.rows.map((r) => r.kind));
    expect(x.rows.map((r) => r.indicators.length)).toEqual(expected.rows.map((r) => r.indicators.length));
  }, 300_000);

  it('has no wrong field at or above the review threshold', async () => {
    const x = await extract(pdf);
    const { silent } = compareWithExpected(x, expected);
    const known = (KNOWN_SILENT[expected.sample] ?? []).map((k) => k.path);
    expect(silent.map((s) => `${s.path}: ${JSON.stringify(s.got)} != ${JSON.stringify(s.want)} (${s.confidence})`).filter((s) => !known.some((k) => s.startsWith(`${k}:`)))).toEqual([]);
    expect(silent.map((s) => s.path).sort()).toEqual([...known].sort());
  }, 300_000);

  it(`keeps its accuracy (≥ ${floor.accuracy}) and flagged share (≤ ${floor.flagged})`, async () => {
    const x = await extract(pdf);
    const { fields, wrong } = compareWithExpected(x, expected);
    expect(1 - wrong.length / fields).toBeGreaterThanOrEqual(floor.accuracy);
    expect(x.review.flagged / x.review.fields).toBeLessThanOrEqual(floor.flagged);
  }, 300_000);

  // Review evaluates the checks again after a correction, and gives a field a passing check no longer caps the
  // confidence its other notes give it: the notes OCR writes must replay to the confidence OCR gave.
  it('gives its row fields their confidence back from their notes alone (as review does when a check passes again)', async () => {
    const x = await extract(pdf);
    const fields = listFields(x).filter((f) => f.path.scope !== 'document' && !(f.field.notes ?? []).some(isCheckNote));
    let replayed = 0;
    for (const { path, field } of fields) {
      const r = replayNotes(field.notes ?? [], x.source.pages[(field.sources[0]?.page ?? 1) - 1]!.method);
      if (r === null) continue;
      replayed++;
      expect(Math.abs(r - field.confidence), `${JSON.stringify(path)} ${JSON.stringify(field.notes)}`).toBeLessThanOrEqual(REPLAY_TOLERANCE);
    }
    expect(replayed / fields.length).toBeGreaterThan(0.85);
  }, 300_000);

  it('maps the sources of a deskewed page back onto the page', async () => {
    const x = await extract(pdf);
    for (const row of x.rows) {
      for (const s of row.name.sources) {
        const page = x.source.pages[s.page - 1]!;
        expect(s.bbox[0]).toBeGreaterThanOrEqual(0);
        expect(s.bbox[2]).toBeLessThanOrEqual(page.width + 1);
        expect(s.bbox[3]).toBeLessThanOrEqual(page.height + 1);
      }
    }
  }, 300_000);
});

describe('scan with pages that do not stand upright', () => {
  const turned = samples.find((s) => s.expected.sample === 'liwan-weijian.chromium.turned300.pdf')!;
  const upright = samples.find((s) => s.expected.sample === 'liwan-weijian.chromium.g4.tiff')!;

  it('turns each page upright and says by how much', async () => {
    const x = await extract(turned.pdf);
    expect(x.source.pages.map((p) => p.notes?.find((n) => n.startsWith('turned by'))?.slice(0, 'turned by 90°'.length))).toEqual(['turned by 90°', 'turned by 180', 'turned by 270']);
    // Recorded for the review, which shows a crop of the page as it was read.
    expect(x.source.pages.map((p) => p.turn)).toEqual([90, 180, 270]);
  }, 300_000);

  it('shows a JPEG stored on its side as its EXIF orientation says, at the size of the page it shows', async () => {
    const exif = samples.find((s) => s.expected.sample === 'liwan-weijian-short.chromium.jpg200-exif.jpg')!;
    const x = await extract(exif.pdf);
    const [page] = x.source.pages;
    // The A4 landscape page, stored 1654 pixels wide by 2339 high at 200 dpi.
    expect([Math.round(page!.width), Math.round(page!.height)]).toEqual([842, 595]);
    expect(page!.notes?.some((n) => n.startsWith('turned by'))).toBe(false);
    expect(page!.turn).toBeUndefined();
  }, 300_000);

  it('gives sources on each page as it lies in the file: where the upright scan has them, turned with the page', async () => {
    const [a, b] = [await extract(turned.pdf), await extract(upright.pdf)];
    // Pages turned counter-clockwise in the file by 90°, 180° and 270°: where a point (x, y) of the upright page
    // of width w and height h lies on each.
    const onTurned = [
      (x: number, y: number, w: number) => [y, w - x],
      (x: number, y: number, w: number, h: number) => [w - x, h - y],
      (x: number, y: number, _w: number, h: number) => [h - y, x],
    ];
    let compared = 0;
    b.rows.forEach((row, i) => {
      for (const s of row.name.sources) {
        const t = a.rows[i]!.name.sources.find((o) => o.page === s.page);
        if (!t) continue;
        const { width, height } = b.source.pages[s.page - 1]!;
        const turn = onTurned[s.page - 1]!;
        const corners = [turn(s.bbox[0], s.bbox[1], width, height), turn(s.bbox[2], s.bbox[3], width, height)];
        const want = [Math.min(corners[0]![0]!, corners[1]![0]!), Math.min(corners[0]![1]!, corners[1]![1]!), Math.max(corners[0]![0]!, corners[1]![0]!), Math.max(corners[0]![1]!, corners[1]![1]!)];
        // Points: the two scans' OCR boxes differ by a few pixels.
        t.bbox.forEach((v, k) => expect(Math.abs(v - want[k]!), `row ${i} page ${s.page}: ${JSON.stringify(t.bbox)} against ${JSON.stringify(want)}`).toBeLessThanOrEqual(4));
        compared++;
      }
    });
    expect(compared).toBeGreaterThan(10);
  }, 300_000);
});
