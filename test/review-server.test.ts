/**
 * The review server's API, on a database holding a real scan (the short PNG, extracted once here) and a
 * born-digital PDF: the document list, the flagged fields lowest confidence first, crops rendered from the
 * source files, corrections and acceptances, and the security rules (Host, token, forged POSTs, ids only).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Hono } from 'hono';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFile } from '../batch/files.js';
import { loadAssets } from '../review/assets.js';
import { isCheckNote, replayNotes, REPLAY_TOLERANCE } from '../review/check-notes.js';
import { CropRenderer } from '../review/crop.js';
import { fieldAt, listFields, parseFieldId } from '../review/fields.js';
import { createReviewApp } from '../review/routes.js';
import { TOKEN_HEADER, type AccessRules } from '../review/security.js';
import { startReviewServer } from '../review/server.js';
import { SqliteReviewStore } from '../review/store-sqlite.js';
import type { FieldView } from '../review/views.js';
import { Extraction } from '../schemas/extraction.js';
import { SqliteSink } from '../sinks/sqlite.js';
import { SAMPLES_DIR } from './helpers/samples.js';
import { doneDocument } from './helpers/sinks.js';

const SCAN = 'liwan-weijian-short.chromium.png300.png';
const PDF = 'liwan-weijian.chromium.pdf';
const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv';

const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-review-server-'));
const dbFile = path.join(dir, 'db.sqlite');
let scanSha: string;
let pdfSha: string;
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
  scanSha = await hashFile(path.join(SAMPLES_DIR, SCAN));
  pdfSha = await hashFile(path.join(SAMPLES_DIR, PDF));
  // A copy whose source file goes away or changes: crops must notice.
  const copy = path.join(dir, 'copy.pdf');
  copyFileSync(path.join(SAMPLES_DIR, PDF), copy);
  const moved = await doneDocument(PDF, 'e'.repeat(64), { input: { file: 'copy.pdf', sourcePath: copy, output: 'copy.json' } });
  movedSha = moved.key.sha256;
  const sink = new SqliteSink(dbFile);
  await sink.putDone(await doneDocument(SCAN, scanSha));
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
    const scan = (await store.document(scanSha))!.extraction;
    expect(body.documents.find((d) => d.sha256 === scanSha)).toMatchObject({ flagged: scan.review.flagged, fields: scan.review.fields });
    expect(body.documents).toHaveLength(3);
  });

  it('walks a scan’s flagged fields lowest confidence first, each addressed by an id that names it in the document', async () => {
    const scan = (await store.document(scanSha))!.extraction;
    const fields = await flagged(scanSha);
    expect(fields.length).toBe(scan.review.flagged);
    expect(fields.length).toBeGreaterThan(0);
    for (let i = 1; i < fields.length; i++) expect(fields[i]!.confidence).toBeGreaterThanOrEqual(fields[i - 1]!.confidence);
    for (const f of fields) {
      const { sha256, path: p } = parseFieldId(f.id);
      expect(sha256).toBe(scanSha);
      const field = fieldAt(scan, p);
      expect(f.confidence).toBe(field.confidence);
      expect(f.confidence).toBeLessThan(scan.review.threshold);
      expect(f.notes).toEqual(field.notes ?? []);
      expect(f.pages).toEqual([...new Set(field.sources.map((s) => s.page))]);
    }
  });

  it('gives the scan’s fields their confidence back from their OCR notes (what a check that passes again relies on)', async () => {
    const scan = (await store.document(scanSha))!.extraction;
    const fields = listFields(scan).filter((f) => f.path.scope !== 'document' && !(f.field.notes ?? []).some(isCheckNote));
    let replayed = 0;
    for (const { path: p, field } of fields) {
      const r = replayNotes(field.notes ?? [], 'ocr');
      if (r === null) continue;
      replayed++;
      expect(Math.abs(r - field.confidence), `${JSON.stringify(p)} ${JSON.stringify(field.notes)}`).toBeLessThanOrEqual(REPLAY_TOLERANCE);
    }
    expect(replayed / fields.length).toBeGreaterThan(0.9);
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

  it('renders the region of a scanned page a field came from, with a margin, the region outlined', async () => {
    const [field] = await flagged(scanSha);
    const res = await app().request(`/api/crop?field=${encodeURIComponent(field!.id)}&page=${field!.pages[0]}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    const { width, height, red } = await outlinePixels(png);
    const boxes = field!.sources.filter((s) => s.page === field!.pages[0]).map((s) => s.bbox);
    const boxWidth = Math.max(...boxes.map((b) => b[2])) - Math.min(...boxes.map((b) => b[0]));
    // Wider than the region by the margin on both sides, at up to 3 pixels per point, at most 1400 across.
    expect(width).toBeGreaterThan(boxWidth * 1.5);
    expect(width).toBeLessThanOrEqual(1400);
    expect(height).toBeGreaterThan(48);
    // The outline goes round the region: at least its width twice over in red.
    expect(red).toBeGreaterThan(boxWidth * 2);
  });

  it('renders a born-digital PDF page’s region with pdf.js', async () => {
    const pdf = (await store.document(pdfSha))!.extraction;
    const r = pdf.rows.findIndex((row) => row.kind === 'project');
    const res = await app().request(`/api/crop?field=${pdfSha}/${r}/total&page=${pdf.rows[r]!.total.sources[0]!.page}`);
    expect(res.status).toBe(200);
    const { width, red } = await outlinePixels(Buffer.from(await res.arrayBuffer()));
    expect(width).toBeGreaterThanOrEqual(Math.round(220 * 3) - 2);
    expect(red).toBeGreaterThan(50);
  });

  it('takes ids only: a path, a page the field was not read from, or an unknown document is refused', async () => {
    const [field] = await flagged(scanSha);
    const cases: [string, number, RegExp][] = [
      ['/api/crop?field=../../../../etc/passwd&page=1', 400, /^Expected a field id starting with a document's SHA-256/],
      [`/api/crop?field=${scanSha}/../../etc/passwd&page=1`, 400, /^Expected a field path/],
      [`/api/crop?field=${encodeURIComponent(field!.id)}&page=../1`, 400, /^Expected a page number/],
      [`/api/crop?field=${encodeURIComponent(field!.id)}&page=9`, 404, /^Expected a page the field was read from \(1\), got 9/],
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
    const fields = await flagged(scanSha);
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
    const x = Extraction.parse(JSON.parse((raw.prepare('SELECT extraction FROM documents WHERE sha256 = ?').get(scanSha) as { extraction: string }).extraction));
    expect(fieldAt(x, parseFieldId(target.id).path)).toMatchObject({ value: `${target.value}（核）`, confidence: 1, notes: ['reviewed'] });
    raw.close();
  });

  it('accepts a field as extracted, and refuses garbage in an amount with a 400 that says what was expected', async () => {
    const [first] = await flagged(scanSha);
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

describe('security', () => {
  it('answers only requests addressed to it by name (no DNS rebinding), and only GET and POST', async () => {
    const res = await app().request('http://evil.example/api/documents');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toBe('Expected a request addressed to localhost, got Host: evil.example');
    expect((await app().request('/api/documents', { method: 'PUT' })).status).toBe(405);
    expect((await app().request('/api/documents', { method: 'DELETE' })).status).toBe(405);
  });

  it('refuses POSTs a cross-site page could forge: a form’s content type, no token header, another origin', async () => {
    const [field] = await flagged(scanSha);
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
    expect((await flagged(scanSha)).map((f) => f.id)).toContain(field!.id);
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
    const [field] = await flagged(pdfSha).then((f) => (f.length > 0 ? f : flagged(scanSha)));
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
