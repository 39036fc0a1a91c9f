/**
 * The review server's routes. Every parameter is an id (a SHA-256, a field path, a page number), validated
 * and looked up in the database; nothing a request says is used as a path.
 *
 *   GET  /                                  the page
 *   GET  /assets/review.js | review.css     its script and style
 *   GET  /api/documents                     documents with their flagged counts
 *   GET  /api/documents/:sha256/fields      a document's flagged fields, lowest confidence first
 *   GET  /api/documents/:sha256/corrections its audit trail
 *   GET  /api/crop?field=<id>&page=<n>      PNG of the region of page n the field was read from
 *   POST /api/review                        { field, action: accept | correct, value?, expected? } → the field,
 *                                           its audit record, the flagged fields and the fields the checks changed
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { applyReview, type CorrectionRecord, type ReviewAction } from './corrections.js';
import type { CropRenderer } from './crop.js';
import { ReviewError } from './errors.js';
import { fieldAt, isSha256, parseFieldId } from './fields.js';
import { renderPage, type Asset, type AssetName } from './assets.js';
import { accessControl, TOKEN_HEADER, type AccessRules } from './security.js';
import type { ReviewStore, StoredDocument } from './store.js';
import { changedFields, fieldView, flaggedFields } from './views.js';
import type { Extraction } from '../schemas/extraction.js';

export interface ReviewAppOptions {
  store: ReviewStore;
  crops: CropRenderer;
  assets: Record<AssetName, Asset>;
  rules: AccessRules;
  /** Recorded with every correction. */
  reviewer: string;
}

export function createReviewApp(options: ReviewAppOptions): Hono {
  const { store, crops, assets, rules, reviewer } = options;
  const app = new Hono();
  app.use('*', accessControl(rules));

  app.get('/', (c) => c.html(renderPage(assets['index.html'].body, { token: rules.token, reviewer, tokenHeader: TOKEN_HEADER })));
  for (const name of ['review.js', 'review.css'] as const) {
    app.get(`/assets/${name}`, (c) => c.body(assets[name].body, 200, { 'Content-Type': assets[name].type }));
  }

  // Browsers ask for an icon; the page has none, and a 404 in the console would look like a fault.
  app.get('/favicon.ico', (c) => c.body(null, 204));

  app.get('/api/documents', async (c) => c.json({ reviewer, documents: await store.summaries() }));

  app.get('/api/documents/:sha256/fields', async (c) => {
    const doc = await requireDocument(store, c.req.param('sha256'));
    const summary = (await store.summaries()).find((s) => s.sha256 === doc.sha256);
    return c.json({ document: summary, threshold: doc.extraction.review.threshold, fields: flaggedFields(doc.sha256, doc.extraction) });
  });

  app.get('/api/documents/:sha256/corrections', async (c) => {
    const doc = await requireDocument(store, c.req.param('sha256'));
    return c.json({ corrections: await store.corrections(doc.sha256) });
  });

  app.get('/api/crop', async (c) => {
    const { sha256, path } = parseFieldId(c.req.query('field'));
    const pageText = c.req.query('page') ?? '';
    if (!/^[1-9][0-9]{0,4}$/.test(pageText)) throw new ReviewError(400, `Expected a page number such as 1, got ${JSON.stringify(pageText.slice(0, 20))}`);
    const page = Number(pageText);
    const doc = await requireDocument(store, sha256);
    const field = fieldAt(doc.extraction, path);
    const boxes = field.sources.filter((s) => s.page === page).map((s) => s.bbox);
    if (boxes.length === 0) throw new ReviewError(404, `Expected a page the field was read from (${[...new Set(field.sources.map((s) => s.page))].join(', ') || 'none'}), got ${page}`);
    const png = await crops.crop(doc, page, boxes);
    // A field's sources never change after extraction, so neither does its crop.
    return c.body(new Uint8Array(png), 200, { 'Content-Type': 'image/png', 'Cache-Control': 'private, max-age=86400' });
  });

  app.post('/api/review', bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.json({ error: 'Expected a request body of at most 64 KB, got more' }, 413) }), async (c) => {
    const body = await readJson(c);
    const { sha256, path } = parseFieldId(body.field);
    const action = body.action;
    if (action !== 'accept' && action !== 'correct') throw new ReviewError(400, `Expected action accept or correct, got ${JSON.stringify(action)}`);
    if (body.expected !== undefined && typeof body.expected !== 'string') throw new ReviewError(400, `Expected "expected" to be the value as shown (text), got ${typeof body.expected}`);
    let correction: CorrectionRecord | undefined;
    let before: Extraction | undefined;
    const after = await store.change(sha256, (doc) => {
      const result = applyReview(sha256, doc.extraction, { path, action: action as ReviewAction, value: body.value, expected: body.expected as string | undefined, reviewer });
      correction = result.correction;
      before = doc.extraction;
      return { extraction: result.extraction, corrections: [result.correction] };
    });
    const summary = (await store.summaries()).find((s) => s.sha256 === sha256);
    return c.json({
      field: fieldView(sha256, after.extraction, path),
      correction,
      document: summary,
      checks: after.extraction.checks,
      fields: flaggedFields(sha256, after.extraction),
      // Fields the checks changed (a sum that passes gives its parts their confidence back): the page updates them.
      changed: changedFields(sha256, before!, after.extraction),
    });
  });

  app.notFound((c) => c.json({ error: `Expected one of the review server's addresses, got ${c.req.method} ${new URL(c.req.url).pathname.slice(0, 100)}` }, 404));
  app.onError((error, c) => {
    if (error instanceof ReviewError) return c.json({ error: error.message }, error.status);
    process.stderr.write(`jixiao review: ${error.stack ?? error.message}\n`);
    return c.json({ error: `Expected the request to succeed, got: ${error.message}` }, 500);
  });
  return app;
}

async function requireDocument(store: ReviewStore, sha256: string | undefined): Promise<StoredDocument> {
  if (!isSha256(sha256)) throw new ReviewError(400, `Expected a document's SHA-256 (64 hex digits), got ${JSON.stringify(String(sha256).slice(0, 80))}`);
  const doc = await store.document(sha256);
  if (!doc) throw new ReviewError(404, `Expected a document that was read with SHA-256 ${sha256}, got none`);
  return doc;
}

async function readJson(c: Context): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ReviewError(400, 'Expected a JSON body, got text that does not parse');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ReviewError(400, `Expected a JSON object, got ${Array.isArray(body) ? 'an array' : typeof body}`);
  return body as Record<string, unknown>;
}
