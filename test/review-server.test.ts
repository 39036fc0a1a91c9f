/**
 * The review server's API, on a database of born-digital documents, one of them without ruling lines and
 * extracted with `--review-threshold 0.95` so that it has fields of several confidences to review: the
 * document list, the flagged fields lowest confidence first, crops rendered from the source files (PDF pages
 * with pdf.js; image pages with sharp, on the scan of a document whose layout is known from its PDF),
 * corrections and acceptances, and the security rules (Host, token, forged POSTs, ids only).
 *
 * No OCR here, to keep `npm test` fast: the browser suite (`npm run test:e2e`) reviews a real scan end to end,
 * and `scans.test.ts` checks the notes OCR writes against what review replays.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Hono } from 'hono';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFile } from '../batch/files.js';
import { extractDocument } from '../pipeline/pipeline.js';
import { loadAssets } from '../review/assets.js';
import { cropRegion, CropRenderer, DEFAULT_CROP_OPTIONS } from '../review/crop.js';
import { fieldAt, listFields, parseFieldId } from '../review/fields.js';
import { createReviewApp } from '../review/routes.js';
import { TOKEN_HEADER, type AccessRules } from '../review/security.js';
import { startReviewServer } from '../review/server.js';
import { SqliteReviewStore } from '../review/store-sqlite.js';
import type { FieldView } from '../review/views.js';
import { Extraction, type BBox } from '../schemas/extraction.js';
import { SqliteSink } from '../sinks/sqlite.js';
import { extractOnce, SAMPLES_DIR } from './helpers/samples.js';
import { doneDocument } from './helpers/sinks.js';

/** Without ruling lines: confidences of several kinds (layout inferred, doubtful row boundaries, a failed check). */
const QUEUE = 'liwan-weijian.chromium-noborders.pdf';
const PDF = 'liwan-weijian.chromium.pdf';
const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv';

const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-review-server-'));
const dbFile = path.join(dir, 'db.sqlite');
let queueSha: string;
let pdfSha: string;
let queue: Extraction;
let movedSha: string;
let store: SqliteReviewStore;
let crops: CropRenderer;

/** The app with `rules` (by default: loopback, answering `Host: localhost` as `app.request` sends it). */
function app(rules: Partial<AccessRules> = {}): Hono {
  return createReviewApp({ store, crops, assets: loadAssets(), reviewer: 'tester', rules: { token: TOKEN, requireToken: false, allowedHosts: new Set(['localhost']), ...rules } });
}

const post = (a: Hono, body: unknown, headers: Record<string, string> = {}) =>
  a.request('/api/review', { method: 'POST', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: TOKEN, ...headers }, body: JSON.stringify(body) });

async function flagged(sha256: string): Promise<FieldView[]> {
  return ((await (await app().request(`/api/documents/${sha256}/fields`)).json()) as { fields: FieldView[] }).fields;
}

beforeAll(async () => {
  queueSha = await hashFile(path.join(SAMPLES_DIR, QUEUE));
  pdfSha = await hashFile(path.join(SAMPLES_DIR, PDF));
  queue = await extractDocument({ file: QUEUE, bytes: readFileSync(path.join(SAMPLES_DIR, QUEUE)) }, { reviewThreshold: 0.95 });
  expect(new Set(listFields(queue).map((f) => f.field.confidence)).size).toBeGreaterThan(2);
  // A copy whose source file goes away or changes: crops must notice.
  const copy = path.join(dir, 'copy.pdf');
  copyFileSync(path.join(SAMPLES_DIR, PDF), copy);
  const moved = await doneDocument(PDF, 'e'.repeat(64), { input: { file: 'copy.pdf', sourcePath: copy, output: 'copy.json' } });
  movedSha = moved.key.sha256;
  const sink = new SqliteSink(dbFile);
  await sink.putDone(await doneDocument(QUEUE, queueSha, { extraction: queue }));
  await sink.putDone(await doneDocument(PDF, pdfSha));
  await sink.putDone(moved);
  await sink.close();
  store = new SqliteReviewStore(dbFile);
  crops = new CropRenderer();
});

afterAll(async () => {
  await crops?.close();
  await store?.close();
});

describe('reading', () => {
  it('serves the page with its token, and headers that keep it from being framed, sniffed or given other scripts', async () => {
    const res = await app().request('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<meta name="jixiao-token" content="${TOKEN}">`);
    expect(html).toContain('Reviewing as <strong>tester</strong>');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect((await app().request('/assets/review.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('lists the documents read, with their flagged counts', async () => {
    const body = (await (await app().request('/api/documents')).json()) as { reviewer: string; documents: { sha256: string; flagged: number; fields: number }[] };
    expect(body.reviewer).toBe('tester');
    const queue = (await store.document(queueSha))!.extraction;
    expect(body.documents.find((d) => d.sha256 === queueSha)).toMatchObject({ flagged: queue.review.flagged, fields: queue.review.fields });
    expect(body.documents).toHaveLength(3);
  });

  it('walks a document’s flagged fields lowest confidence first, each addressed by an id that names it in the document', async () => {
    const queue = (await store.document(queueSha))!.extraction;
    const fields = await flagged(queueSha);
    expect(fields.length).toBe(queue.review.flagged);
    expect(fields.length).toBeGreaterThan(0);
    for (let i = 1; i < fields.length; i++) expect(fields[i]!.confidence).toBeGreaterThanOrEqual(fields[i - 1]!.confidence);
    for (const f of fields) {
      const { sha256, path: p } = parseFieldId(f.id);
      expect(sha256).toBe(queueSha);
      const field = fieldAt(queue, p);
      expect(f.confidence).toBe(field.confidence);
      expect(f.confidence).toBeLessThan(queue.review.threshold);
      expect(f.notes).toEqual(field.notes ?? []);
      expect(f.pages).toEqual([...new Set(field.sources.map((s) => s.page))]);
    }
  });
});

describe('crops', () => {
  /** Pixels of the outline's red in a PNG. */
  async function outlinePixels(png: Buffer): Promise<{ width: number; height: number; red: number }> {
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    let red = 0;
    for (let i = 0; i < data.length; i += 3) if (data[i]! > 180 && data[i + 1]! < 60 && data[i + 2]! < 80) red++;
    return { width: info.width, height: info.height, red };
  }

  /** Dark pixels (ink) inside `box` (page units) of a crop of `region` at `scale`, the outline's width left out. */
  async function inkInside(png: Buffer, region: BBox, box: BBox, scale: number): Promise<number> {
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    let ink = 0;
    const x0 = Math.ceil((box[0] - region[0]) * scale) + 3;
    const x1 = Math.floor((box[2] - region[0]) * scale) - 3;
    const y0 = Math.ceil((box[1] - region[1]) * scale) + 3;
    const y1 = Math.floor((box[3] - region[1]) * scale) - 3;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (data[y * info.width + x]! < 110) ink++;
    return ink;
  }

  it('renders the region a field came from, with a margin, the region outlined and the value’s ink inside it', async () => {
    const fields = await flagged(queueSha);
    const field = fields.find((f) => f.kind === 'amount' && f.value !== '') ?? fields[0]!;
    const res = await app().request(`/api/crop?field=${encodeURIComponent(field.id)}&page=${field.pages[0]}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    const { width, height, red } = await outlinePixels(png);
    const boxes = field.sources.filter((s) => s.page === field.pages[0]).map((s) => s.bbox);
    const page = queue.source.pages[field.pages[0]! - 1]!;
    const { region } = cropRegion(field.pages[0]!, boxes, page.width, page.height, DEFAULT_CROP_OPTIONS.margin, DEFAULT_CROP_OPTIONS.minWidth);
    const scale = Math.min(DEFAULT_CROP_OPTIONS.maxScale, DEFAULT_CROP_OPTIONS.maxWidth / (region[2] - region[0]));
    // The region with its margin, at up to 3 pixels per point, at most 1400 across.
    expect(Math.abs(width - (region[2] - region[0]) * scale)).toBeLessThanOrEqual(1);
    expect(Math.abs(height - (region[3] - region[1]) * scale)).toBeLessThanOrEqual(1);
    expect(region[2] - region[0]).toBeGreaterThan(boxes[0]![2] - boxes[0]![0]);
    // The outline goes round each box, and the value's characters are inside it.
    const boxWidth = boxes[0]![2] - boxes[0]![0];
    expect(red).toBeGreaterThan(boxWidth * scale * 2);
    expect(await inkInside(png, region, boxes[0]!, scale)).toBeGreaterThan(20);
  });

  it('cuts an image page (a scan) at the page units the extraction recorded, with sharp', async () => {
    // The PNG is the Chromium PDF rendered at 300 dpi: the PDF's boxes are where its characters are on the scan.
    const png = path.join(SAMPLES_DIR, 'liwan-weijian-short.chromium.png300.png');
    const twin = await extractOnce(path.join(SAMPLES_DIR, 'liwan-weijian-short.chromium.pdf'));
    const meta = await sharp(png).metadata();
    const page = { page: 1, method: 'ocr' as const, width: (meta.width! * 72) / 300, height: (meta.height! * 72) / 300 };
    expect(Math.abs(page.width - twin.source.pages[0]!.width)).toBeLessThan(1);
    const renderer = new CropRenderer();
    const source = { sha256: await hashFile(png), sourcePath: png, extraction: { source: { file: 'x', sha256: 'x', pages: [page] } } };
    for (const field of [twin.document.title, twin.rows[1]!.name, twin.rows[2]!.total]) {
      const box = field.sources[0]!.bbox;
      const crop = await renderer.crop(source, 1, [box]);
      const { region } = cropRegion(1, [box], page.width, page.height, DEFAULT_CROP_OPTIONS.margin, DEFAULT_CROP_OPTIONS.minWidth);
      const scale = Math.min(DEFAULT_CROP_OPTIONS.maxScale, DEFAULT_CROP_OPTIONS.maxWidth / (region[2] - region[0]));
      expect((await outlinePixels(crop)).red, JSON.stringify(field.value)).toBeGreaterThan(100);
      expect(await inkInside(crop, region, box, scale), JSON.stringify(field.value)).toBeGreaterThan(20);
    }
    await renderer.close();
  });

  it('shows a crop of a page read turned as it was read, its text upright, the outline still round the value', async () => {
    const png = path.join(SAMPLES_DIR, 'liwan-weijian-short.chromium.png300.png');
    const meta = await sharp(png).metadata();
    const page = { page: 1, method: 'ocr' as const, width: (meta.width! * 72) / 300, height: (meta.height! * 72) / 300 };
    const sha256 = await hashFile(png);
    const box = (await extractOnce(path.join(SAMPLES_DIR, 'liwan-weijian-short.chromium.pdf'))).rows[1]!.name.sources[0]!.bbox;
    const renderer = new CropRenderer({ cachedCrops: 0 });
    const crop = (turn?: 90 | 180 | 270) => renderer.crop({ sha256, sourcePath: png, extraction: { source: { file: 'x', sha256, pages: [{ ...page, ...(turn ? { turn } : {}) }] } } }, 1, [box]);
    const asItLies = await crop();
    for (const turn of [90, 180, 270] as const) {
      const turned = await crop(turn);
      // The very pixels of the crop as the page lies, turned clockwise as the page was before it was read.
      const expected = await sharp(asItLies).rotate(turn).raw().toBuffer({ resolveWithObject: true });
      const got = await sharp(turned).raw().toBuffer({ resolveWithObject: true });
      expect([got.info.width, got.info.height]).toEqual([expected.info.width, expected.info.height]);
      expect(got.data.equals(expected.data)).toBe(true);
    }
    const sideways = await sharp(await crop(90)).metadata();
    const upright = await sharp(asItLies).metadata();
    expect([sideways.width, sideways.height]).toEqual([upright.height, upright.width]);
    await renderer.close();
  });

  it('closes the files it no longer keeps open and opens them again when asked', async () => {
    const renderer = new CropRenderer({ openFiles: 1, cachedCrops: 0 });
    const docs = [(await store.document(pdfSha))!, (await store.document(queueSha))!];
    const crops: Buffer[] = [];
    for (const doc of [...docs, ...docs]) {
      const s = doc.extraction.rows[1]!.name.sources[0]!;
      crops.push(await renderer.crop(doc, s.page, [s.bbox]));
    }
    await renderer.close();
    expect(crops.map((c) => c.length > 1000)).toEqual([true, true, true, true]);
    expect(crops[2]!.equals(crops[0]!)).toBe(true);
  });

  it('renders a born-digital PDF page’s region with pdf.js', async () => {
    const pdf = (await store.document(pdfSha))!.extraction;
    const r = pdf.rows.findIndex((row) => row.kind === 'project');
    const res = await app().request(`/api/crop?field=${pdfSha}/${r}/total&page=${pdf.rows[r]!.total.sources[0]!.page}`);
    expect(res.status).toBe(200);
    const png = Buffer.from(await res.arrayBuffer());
    const { width, red } = await outlinePixels(png);
    expect(width).toBeGreaterThanOrEqual(Math.round(220 * 3) - 2);
    expect(red).toBeGreaterThan(50);
    const box = pdf.rows[r]!.total.sources[0]!.bbox;
    const page = pdf.source.pages[pdf.rows[r]!.total.sources[0]!.page - 1]!;
    const { region } = cropRegion(1, [box], page.width, page.height, DEFAULT_CROP_OPTIONS.margin, DEFAULT_CROP_OPTIONS.minWidth);
    expect(await inkInside(png, region, box, Math.min(3, 1400 / (region[2] - region[0])))).toBeGreaterThan(20);
  });

  it('takes ids only: a path, a page the field was not read from, or an unknown document is refused', async () => {
    const [field] = await flagged(queueSha);
    const cases: [string, number, RegExp][] = [
      ['/api/crop?field=../../../../etc/passwd&page=1', 400, /^Expected a field id starting with a document's SHA-256/],
      [`/api/crop?field=${queueSha}/../../etc/passwd&page=1`, 400, /^Expected a field path/],
      [`/api/crop?field=${encodeURIComponent(field!.id)}&page=../1`, 400, /^Expected a page number/],
      [`/api/crop?field=${encodeURIComponent(field!.id)}&page=9`, 404, new RegExp(`^Expected a page the field was read from \\(${field!.pages.join(', ')}\\), got 9`)],
      [`/api/crop?field=${'f'.repeat(64)}/1/name&page=1`, 404, /^Expected a document that was read/],
      [`/api/documents/..%2F..%2Fetc%2Fpasswd/fields`, 400, /^Expected a document's SHA-256/],
      ['/assets/..%2F..%2Fpackage.json', 404, /^Expected one of the review server's addresses/],
      ['/assets/../../package.json', 404, /^Expected one of the review server's addresses/],
    ];
    for (const [url, status, message] of cases) {
      const res = await app().request(url);
      expect(res.status, url).toBe(status);
      expect(((await res.json()) as { error: string }).error, url).toMatch(message);
    }
  });

  it('refuses to crop a source file that changed since extraction (409) or is gone (410)', async () => {
    const other = new CropRenderer();
    const a = createReviewApp({ store, crops: other, assets: loadAssets(), reviewer: 't', rules: { token: TOKEN, requireToken: false, allowedHosts: null } });
    const x = (await store.document(movedSha))!.extraction;
    const url = `/api/crop?field=${movedSha}/1/name&page=${x.rows[1]!.name.sources[0]!.page}`;
    const changed = await a.request(url);
    expect(changed.status).toBe(409);
    expect(((await changed.json()) as { error: string }).error).toMatch(new RegExp(`^Expected .*copy.pdf to have SHA-256 ${movedSha}, got ${pdfSha}: the file changed since it was extracted`));
    rmSync(path.join(dir, 'copy.pdf'));
    const gone = await a.request(url);
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as { error: string }).error).toMatch(/^Expected the source file .*copy.pdf, got none there: it was moved or deleted/);
    await other.close();
  });
});

describe('reviewing', () => {
  it('corrects a field: the answer has it at confidence 1, the database has it and its audit record', async () => {
    const fields = await flagged(queueSha);
    const target = fields.find((f) => f.kind === 'text')!;
    const res = await post(app(), { field: target.id, action: 'correct', value: `${target.value}（核）`, expected: target.value });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { field: FieldView; correction: Record<string, unknown>; document: { flagged: number }; fields: FieldView[] };
    expect(body.field).toMatchObject({ id: target.id, value: `${target.value}（核）`, confidence: 1, notes: ['reviewed'], reviewed: true, flagged: false });
    expect(body.correction).toMatchObject({ action: 'correct', reviewer: 'tester', originalValue: target.value, correctedValue: `${target.value}（核）` });
    expect(body.fields.map((f) => f.id)).not.toContain(target.id);
    expect(body.document.flagged).toBe(body.fields.length);
    const raw = new Database(dbFile, { readonly: true });
    const row = raw.prepare('SELECT field_path, action, original_value, corrected_value, reviewer FROM corrections WHERE id = ?').get(body.correction.id);
    expect(row).toEqual({ field_path: target.path, action: 'correct', original_value: JSON.stringify(target.value), corrected_value: JSON.stringify(`${target.value}（核）`), reviewer: 'tester' });
    const x = Extraction.parse(JSON.parse((raw.prepare('SELECT extraction FROM documents WHERE sha256 = ?').get(queueSha) as { extraction: string }).extraction));
    expect(fieldAt(x, parseFieldId(target.id).path)).toMatchObject({ value: `${target.value}（核）`, confidence: 1, notes: ['reviewed'] });
    raw.close();
  });

  it('accepts a field as extracted, and refuses garbage in an amount with a 400 that says what was expected', async () => {
    const [first] = await flagged(queueSha);
    const res = await post(app(), { field: first!.id, action: 'accept' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { field: FieldView }).field).toMatchObject({ value: first!.value, confidence: 1 });
    const pdf = (await store.document(pdfSha))!.extraction;
    const r = pdf.rows.findIndex((row) => row.kind === 'project');
    const bad = await post(app(), { field: `${pdfSha}/${r}/total`, action: 'correct', value: '12.3.4' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'Expected a number, got "12.3.4" (an amount such as 21947.14, or nothing for an empty cell)' });
    expect((await post(app(), { field: `${pdfSha}/${r}/total`, action: 'delete' })).status).toBe(400);
    expect((await post(app(), { field: `${pdfSha}/999/total`, action: 'accept' })).status).toBe(404);
    expect((await store.corrections(pdfSha)).length).toBe(0);
  });
});

describe('checks after a review', () => {
  it('answers with the fields the checks changed: a wrong amount flags its row, putting it right clears it', async () => {
    const pdf = (await store.document(pdfSha))!.extraction;
    const r = pdf.rows.findIndex((row, i) => i > 0 && row.kind === 'project' && row.total.value !== null && row.fiscal.value !== null);
    const total = pdf.rows[r]!.total.value!;
    const wrong = (await (await post(app(), { field: `${pdfSha}/${r}/total`, action: 'correct', value: String(total + 100) })).json()) as { changed: FieldView[]; fields: FieldView[] };
    const fiscal = `${pdfSha}/${r}/fiscal`;
    expect(wrong.changed.find((f) => f.id === fiscal)).toMatchObject({ confidence: 0.85, flagged: true });
    expect(wrong.fields.map((f) => f.id)).toContain(fiscal);
    const right = (await (await post(app(), { field: `${pdfSha}/${r}/total`, action: 'correct', value: String(total) })).json()) as { changed: FieldView[]; fields: FieldView[] };
    expect(right.changed.find((f) => f.id === fiscal)).toMatchObject({ confidence: pdf.rows[r]!.fiscal.confidence, notes: pdf.rows[r]!.fiscal.notes ?? [], flagged: false });
    expect(right.fields.map((f) => f.id)).not.toContain(fiscal);
    expect(right.changed.map((f) => f.id)).toContain(`${pdfSha}/${r}/total`);
  });
});

describe('security', () => {
  it('answers only requests addressed to it by name (no DNS rebinding), and only GET and POST', async () => {
    const res = await app().request('http://evil.example/api/documents');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toBe('Expected a request addressed to localhost, got Host: evil.example');
    expect((await app().request('/api/documents', { method: 'PUT' })).status).toBe(405);
    expect((await app().request('/api/documents', { method: 'DELETE' })).status).toBe(405);
  });

  it('refuses POSTs a cross-site page could forge: a form’s content type, no token header, another origin', async () => {
    const [field] = await flagged(queueSha);
    const a = app();
    const form = await a.request('/api/review', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `field=${encodeURIComponent(field!.id)}&action=accept` });
    expect(form.status).toBe(415);
    const plain = await a.request('/api/review', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ field: field!.id, action: 'accept' }) });
    expect(plain.status).toBe(415);
    const noHeader = await a.request('/api/review', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ field: field!.id, action: 'accept' }) });
    expect(noHeader.status).toBe(403);
    expect(((await noHeader.json()) as { error: string }).error).toBe(`Expected the ${TOKEN_HEADER} header of the review page, got none`);
    expect((await post(a, { field: field!.id, action: 'accept' }, { [TOKEN_HEADER]: 'guess' })).status).toBe(403);
    expect((await post(a, { field: field!.id, action: 'accept' }, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post(a, { field: field!.id, action: 'accept' }, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    // None of them reached the field.
    expect((await flagged(queueSha)).map((f) => f.id)).toContain(field!.id);
    expect((await post(a, { field: field!.id, action: 'accept' }, { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });

  it('with a token required: none is 401, a wrong one 403; the link sets an HttpOnly SameSite cookie and leaves the address', async () => {
    const a = app({ requireToken: true, allowedHosts: null });
    expect((await a.request('/api/documents')).status).toBe(401);
    expect((await a.request('/')).status).toBe(401);
    expect((await a.request('/api/documents', { headers: { [TOKEN_HEADER]: 'wrong' } })).status).toBe(403);
    expect((await a.request('/api/documents', { headers: { Cookie: 'jixiao_token=wrong' } })).status).toBe(403);
    expect((await a.request('/?token=wrong')).status).toBe(403);
    expect((await a.request('/api/documents', { headers: { [TOKEN_HEADER]: TOKEN } })).status).toBe(200);
    const link = await a.request(`/?token=${TOKEN}`);
    expect(link.status).toBe(303);
    expect(link.headers.get('location')).toBe('/');
    const cookie = link.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^jixiao_token=${TOKEN}; Path=/; HttpOnly; SameSite=Strict$`));
    expect((await a.request('/', { headers: { Cookie: `jixiao_token=${TOKEN}` } })).status).toBe(200);
    // The cookie alone does not make a POST: the page's header is needed too.
    const [field] = await flagged(pdfSha).then((f) => (f.length > 0 ? f : flagged(queueSha)));
    const cookieOnly = await a.request('/api/review', { method: 'POST', headers: { Cookie: `jixiao_token=${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ field: field!.id, action: 'accept' }) });
    expect(cookieOnly.status).toBe(403);
  });

  it('listens on loopback by default without a token, and elsewhere only with one, over a real socket', async () => {
    const local = await startReviewServer({ store, port: 0, reviewer: 'r' });
    try {
      expect(local.url).toBe(`http://127.0.0.1:${local.port}/`);
      expect(await status(local.port, '/api/documents')).toBe(200);
      expect(await status(local.port, '/api/documents', { Host: `localhost:${local.port}` })).toBe(200);
      expect(await status(local.port, '/api/documents', { Host: `rebound.example:${local.port}` })).toBe(403);
    } finally {
      await local.close();
    }
    const open = await startReviewServer({ store, host: '0.0.0.0', port: 0, reviewer: 'r' });
    try {
      expect(open.url).toMatch(new RegExp(`^http://0\\.0\\.0\\.0:${open.port}/\\?token=[A-Za-z0-9_-]{43}$`));
      expect(open.token).toHaveLength(43);
      expect(await status(open.port, '/api/documents')).toBe(401);
      expect(await status(open.port, `/?token=${open.token}`)).toBe(303);
      expect(await status(open.port, '/api/documents', { [TOKEN_HEADER]: open.token })).toBe(200);
    } finally {
      await open.close();
    }
  });
});

/** The status of a GET to 127.0.0.1:`port`, with `headers` (Host included, which fetch would not send). */
function status(port: number, pathname: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}
