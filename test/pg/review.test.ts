/**
 * Review on PostgreSQL (`npm run test:pg`): the same store as SQLite, against a real server. A correction
 * rewrites the document's jsonb extraction and its rows and records the audit row in one transaction; two
 * reviewers changing one document at once take turns (the row is locked) and neither undoes the other; a
 * failure halfway leaves nothing; the API and `jixiao export` work from it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashFile } from '../../batch/files.js';
import { loadAssets } from '../../review/assets.js';
import { applyReview } from '../../review/corrections.js';
import { CropRenderer } from '../../review/crop.js';
import { parseFieldPath } from '../../review/fields.js';
import { createReviewApp } from '../../review/routes.js';
import { TOKEN_HEADER } from '../../review/security.js';
import { PostgresReviewStore } from '../../review/store-postgres.js';
import { Extraction } from '../../schemas/extraction.js';
import { PostgresSink } from '../../sinks/postgres.js';
import { jixiao } from '../helpers/cli.js';
import { SAMPLES_DIR } from '../helpers/samples.js';
import { doneDocument } from '../helpers/sinks.js';
import { dropDatabases, freshDatabase, HAVE_SERVER, query } from './server.js';

const PDF = 'liwan-weijian.chromium.pdf';

async function loaded(): Promise<{ url: string; sha256: string; x: Extraction }> {
  const url = await freshDatabase();
  const sha256 = await hashFile(path.join(SAMPLES_DIR, PDF));
  const doc = await doneDocument(PDF, sha256);
  const sink = await PostgresSink.open(url);
  await sink.putDone(doc);
  await sink.close();
  return { url, sha256, x: doc.extraction };
}

function correct(store: PostgresReviewStore, sha256: string, p: string, value: string, reviewer = 'pg') {
  return store.change(sha256, (doc) => {
    const r = applyReview(sha256, doc.extraction, { path: parseFieldPath(p), action: 'correct', value, reviewer });
    return { extraction: r.extraction, corrections: [r.correction] };
  });
}

const projects = (x: Extraction) => x.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.kind === 'project' && r.total.value !== null).map(({ i }) => i);

describe.skipIf(!HAVE_SERVER)('review on PostgreSQL', () => {
  afterAll(dropDatabases);

  it('writes a correction into the jsonb extraction, the rows and the checks, and its audit row', async () => {
    const { url, sha256, x } = await loaded();
    const store = await PostgresReviewStore.open(url);
    const r = projects(x)[0]!;
    const after = await correct(store, sha256, `${r}/total`, '2.25');
    expect((await store.document(sha256))?.extraction).toEqual(after.extraction);
    expect(await store.corrections(sha256)).toMatchObject([{ fieldPath: `${r}/total`, action: 'correct', originalValue: x.rows[r]!.total.value, correctedValue: 2.25, reviewer: 'pg' }]);
    await store.close();
    const [doc] = await query<{ extraction: Extraction; flagged: number }>(url, 'SELECT extraction, flagged FROM documents WHERE sha256 = $1', [sha256]);
    expect(Extraction.parse(doc!.extraction).rows[r]!.total).toMatchObject({ value: 2.25, confidence: 1, notes: ['reviewed'] });
    expect(doc!.flagged).toBe(after.extraction.review.flagged);
    expect(await query(url, 'SELECT total, total_confidence, needs_review FROM table_rows WHERE document_sha256 = $1 AND position = $2', [sha256, r])).toEqual([{ total: 2.25, total_confidence: 1, needs_review: true }]);
    expect(await query(url, "SELECT ok FROM checks WHERE document_sha256 = $1 AND rule = 'row-amounts-add-up' AND rows = $2::jsonb", [sha256, JSON.stringify([r])])).toEqual([{ ok: false }]);
    const [audit] = await query<Record<string, unknown>>(url, 'SELECT original_value, corrected_value, corrected_at FROM corrections');
    expect(audit!.original_value).toBe(x.rows[r]!.total.value);
    expect(audit!.corrected_value).toBe(2.25);
    expect(audit!.corrected_at).toBeInstanceOf(Date);
  });

  it('lets two reviewers change one document at once without either undoing the other', async () => {
    const { url, sha256 } = await loaded();
    const a = await PostgresReviewStore.open(url);
    const b = await PostgresReviewStore.open(url);
    const x = (await a.document(sha256))!.extraction;
    const [p, q] = projects(x);
    await Promise.all([correct(a, sha256, `${p}/name`, '甲的更正', 'a'), correct(b, sha256, `${q}/name`, '乙的更正', 'b')]);
    const after = (await a.document(sha256))!.extraction;
    expect(after.rows[p!]!.name.value).toBe('甲的更正');
    expect(after.rows[q!]!.name.value).toBe('乙的更正');
    expect((await a.corrections(sha256)).map((c) => c.reviewer).sort()).toEqual(['a', 'b']);
    await a.close();
    await b.close();
  });

  it('carries corrections over when the same bytes are loaded again', async () => {
    const { url, sha256, x } = await loaded();
    const store = await PostgresReviewStore.open(url);
    const r = projects(x)[0]!;
    const reviewed = (await correct(store, sha256, `${r}/total`, '4.5')).extraction;
    const sink = await PostgresSink.open(url);
    await sink.putDone(await doneDocument(PDF, sha256));
    await sink.close();
    expect((await store.document(sha256))?.extraction).toEqual(reviewed);
    expect(await query(url, 'SELECT total, total_confidence FROM table_rows WHERE document_sha256 = $1 AND position = $2', [sha256, r])).toEqual([{ total: 4.5, total_confidence: 1 }]);
    await store.close();
  });

  it('leaves nothing of a change that fails halfway', async () => {
    const { url, sha256, x } = await loaded();
    await query(url, "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql");
    await query(url, 'CREATE TRIGGER refuse BEFORE INSERT ON corrections FOR EACH ROW EXECUTE FUNCTION refuse()');
    const store = await PostgresReviewStore.open(url);
    const r = projects(x)[0]!;
    await expect(correct(store, sha256, `${r}/total`, '3')).rejects.toThrow(/injected failure/);
    expect((await store.document(sha256))?.extraction).toEqual(x);
    expect(await query(url, 'SELECT total FROM table_rows WHERE document_sha256 = $1 AND position = $2', [sha256, r])).toEqual([{ total: x.rows[r]!.total.value }]);
    await store.close();
  });

  it('serves the API from it and exports what review left, through the CLI', async () => {
    const { url, sha256, x } = await loaded();
    const store = await PostgresReviewStore.open(url);
    const crops = new CropRenderer();
    const app = createReviewApp({ store, crops, assets: loadAssets(), reviewer: 'api', rules: { token: 't', requireToken: false, allowedHosts: null } });
    const listed = (await (await app.request('/api/documents')).json()) as { documents: { sha256: string; flagged: number }[] };
    expect(listed.documents).toMatchObject([{ sha256, flagged: x.review.flagged }]);
    const r = projects(x)[1]!;
    const res = await app.request('/api/review', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: 't' },
      body: JSON.stringify({ field: `${sha256}/${r}/goal`, action: 'correct', value: '更正后的绩效目标' }),
    });
    expect(res.status).toBe(200);
    const crop = await app.request(`/api/crop?field=${sha256}/${r}/goal&page=${x.rows[r]!.goal.sources[0]!.page}`);
    expect(crop.headers.get('content-type')).toBe('image/png');
    await crops.close();
    await store.close();

    const out = mkdtempSync(path.join(os.tmpdir(), 'jixiao-pg-export-'));
    const run = await jixiao(['export', '--db', url, '--out', out, '--format', 'json,jsonl']);
    expect(run.code, run.stderr).toBe(0);
    const json = Extraction.parse(JSON.parse(readFileSync(path.join(out, 'liwan-weijian.chromium.json'), 'utf8')));
    expect(json.rows[r]!.goal).toMatchObject({ value: '更正后的绩效目标', confidence: 1, notes: ['reviewed'] });
    // Keys in the contract's order, as extract writes them, whatever order jsonb keeps them in.
    expect(Object.keys(json.rows[r]!.goal)).toEqual(['value', 'confidence', 'sources', 'notes']);
    expect(readFileSync(path.join(out, 'liwan-weijian.chromium.json'), 'utf8').indexOf('"schemaVersion"')).toBe(4);
  });
});
