/**
 * PostgreSQL, against a real server (`npm run test:pg`, JIXIAO_PG_URL): the same schema as SQLite, versioned
 * migrations, idempotent upserts in one transaction per document, several writers at once, and a batch killed
 * with SIGKILL and resumed into it through the CLI.
 */
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { bornDigitalSamples, buildBatchCorpus } from '../../bench/batch-corpus.js';
import { Extraction } from '../../schemas/extraction.js';
import { PostgresSink } from '../../sinks/postgres.js';
import { MIGRATIONS, SCHEMA_VERSION, TABLES } from '../../sinks/schema.js';
import { SqliteSink } from '../../sinks/sqlite.js';
import { jixiao, jsonOutputs, readReport, startJixiao, waitFor } from '../helpers/cli.js';
import { ROOT, SAMPLES_DIR } from '../helpers/samples.js';
import { doneDocument, expectedCounts, failedDocument, PIPELINE_VERSION, sha } from '../helpers/sinks.js';
import { dropDatabases, freshDatabase, HAVE_SERVER, PG_URL, query } from './server.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'jixiao-pg-'));
const FAST_SAMPLES = bornDigitalSamples(SAMPLES_DIR).filter((f) => !f.includes('notosans'));

/** Counts of a document's rows in each table. */
async function counts(url: string, sha256: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['documents', 'table_rows', 'indicators', 'checks']) {
    const key = t === 'documents' ? 'sha256' : 'document_sha256';
    out[t] = (await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM ${t} WHERE ${key} = $1`, [sha256]))[0]!.n;
  }
  return out;
}

describe.skipIf(!HAVE_SERVER)('PostgreSQL', () => {
  afterAll(dropDatabases);

  it('migrates a new database to the same tables and columns as SQLite, once, with its own types', async () => {
    const url = await freshDatabase();
    await (await PostgresSink.open(url)).close();
    await (await PostgresSink.open(url)).close();
    expect(await query(url, 'SELECT version FROM schema_migrations ORDER BY version')).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    const sqliteFile = path.join(tmp(), 'same.sqlite');
    await new SqliteSink(sqliteFile).close();
    const sqlite = new Database(sqliteFile, { readonly: true });
    for (const t of TABLES) {
      const pgColumns = await query<{ column_name: string; data_type: string }>(
        url,
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
        [t.name],
      );
      const sqliteColumns = (sqlite.pragma(`table_info(${t.name})`) as { name: string }[]).map((c) => c.name);
      expect(pgColumns.map((c) => c.column_name)).toEqual(sqliteColumns);
      expect(pgColumns.map((c) => c.column_name)).toEqual(t.columns.map((c) => c.name));
    }
    const types = Object.fromEntries(
      (await query<{ k: string; data_type: string }>(url, "SELECT table_name || '.' || column_name AS k, data_type FROM information_schema.columns WHERE table_schema = 'public'")).map((r) => [r.k, r.data_type]),
    );
    expect(types['documents.extraction']).toBe('jsonb');
    expect(types['documents.extracted_at']).toBe('timestamp with time zone');
    expect(types['table_rows.needs_review']).toBe('boolean');
    expect(types['table_rows.total']).toBe('double precision');
  });

  it('refuses a database written by a newer schema, and says where without the password', async () => {
    const url = await freshDatabase();
    await (await PostgresSink.open(url)).close();
    await query(url, "INSERT INTO schema_migrations VALUES (99, 'future', now())");
    await expect(PostgresSink.open(url)).rejects.toThrow(new RegExp(`Expected a PostgreSQL database at postgres://[^:]+:\\*\\*\\*@.*, got: Expected the PostgreSQL database .* at schema version ${SCHEMA_VERSION} or older, got version 99`));
  });

  it('writes a document once however often it is put, with every row, indicator and check', async () => {
    const url = await freshDatabase();
    const sink = await PostgresSink.open(url);
    const doc = await doneDocument('liwan-kegongxin.libreoffice.pdf', sha(11));
    expect(await sink.holds(doc.key)).toBe(false);
    await sink.putDone(doc);
    await sink.putDone(doc);
    expect(await sink.holds(doc.key)).toBe(true);
    expect(await sink.holds({ ...doc.key, pipelineVersion: 'other' })).toBe(false);
    await sink.close();
    const want = expectedCounts(doc.extraction);
    expect(await counts(url, sha(11))).toEqual({ documents: 1, table_rows: want.tableRows, indicators: want.indicators, checks: want.checks });
    const [stored] = await query<{ extraction: unknown; status: string; year: number }>(url, 'SELECT extraction, status, year FROM documents WHERE sha256 = $1', [sha(11)]);
    expect(stored).toEqual({ extraction: doc.extraction, status: 'complete', year: 2024 });
    const first = doc.extraction.rows.findIndex((r) => r.indicators.length > 0);
    const ind = doc.extraction.rows[first]!.indicators[0]!;
    expect(await query(url, 'SELECT name, name_confidence, period_target_comparator, period_target_value FROM indicators WHERE document_sha256 = $1 AND row_position = $2 AND position = 0', [sha(11), first])).toEqual([
      { name: ind.name.value, name_confidence: ind.name.confidence, period_target_comparator: ind.periodTarget.value.comparator, period_target_value: ind.periodTarget.value.value },
    ]);
  });

  it('keeps a document whole or not at all: a failure in the middle of its transaction leaves nothing of it', async () => {
    const url = await freshDatabase();
    const sink = await PostgresSink.open(url);
    await query(url, "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql");
    await query(url, 'CREATE TRIGGER refuse BEFORE INSERT ON checks FOR EACH ROW EXECUTE FUNCTION refuse()');
    const doc = await doneDocument('liwan-weijian.chromium.pdf', sha(12));
    await expect(sink.putDone(doc)).rejects.toThrow(/injected failure/);
    await sink.close();
    expect(await counts(url, sha(12))).toEqual({ documents: 0, table_rows: 0, indicators: 0, checks: 0 });
  });

  it('records a failure, replaces it once the document is read, and never lets a failure replace a document read', async () => {
    const url = await freshDatabase();
    const sink = await PostgresSink.open(url);
    await sink.putFailed(failedDocument(sha(13)));
    expect(await query(url, 'SELECT status, error_code FROM documents')).toEqual([{ status: 'failed', error_code: 'truncated' }]);
    expect(await sink.holds({ sha256: sha(13), pipelineVersion: PIPELINE_VERSION })).toBe(false);
    const doc = await doneDocument('liwan-weijian.chromium.pdf', sha(13));
    await sink.putDone(doc);
    await sink.putFailed(failedDocument(sha(13)));
    await sink.close();
    expect(await query(url, 'SELECT status, error_code FROM documents')).toEqual([{ status: 'complete', error_code: null }]);
    expect((await counts(url, sha(13))).table_rows).toBe(doc.extraction.rows.length);
  });

  it('lets several runs migrate and write the same documents at once and keeps one copy of each', async () => {
    const url = await freshDatabase();
    const sinks = await Promise.all([PostgresSink.open(url), PostgresSink.open(url), PostgresSink.open(url)]);
    expect(await query(url, 'SELECT version FROM schema_migrations ORDER BY version')).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    const docs = [await doneDocument('liwan-weijian.chromium.pdf', sha(21)), await doneDocument('liwan-kegongxin.chromium.pdf', sha(22))];
    await Promise.all(sinks.flatMap((s) => docs.map((d) => s.putDone(d))));
    await Promise.all(sinks.map((s) => s.close()));
    for (const d of docs) {
      const want = expectedCounts(d.extraction);
      expect(await counts(url, d.key.sha256)).toEqual({ documents: 1, table_rows: want.tableRows, indicators: want.indicators, checks: want.checks });
    }
  });

  it('takes a batch killed with SIGKILL and resumed: every good document once, every row once; a re-run adds nothing', async () => {
    const url = await freshDatabase();
    const dir = tmp();
    buildBatchCorpus(path.join(dir, 'in'), { documents: 12, folders: ['2024', '2025'], samples: FAST_SAMPLES });
    copyFileSync(path.join(ROOT, 'test/fixtures/bad/truncated.pdf'), path.join(dir, 'in/2025/truncated.pdf'));
    // The same bytes twice, under another name: one document.
    copyFileSync(path.join(dir, 'in/2024/0000-' + path.basename(FAST_SAMPLES[0]!)), path.join(dir, 'in/2025/copy.pdf'));
    const out = path.join(dir, 'out');
    const args = ['extract', 'in', '--out', 'out', '--db', url];

    const first = startJixiao(args, dir);
    await waitFor(() => jsonOutputs(out).length > 0, first);
    first.kill('SIGKILL');
    await once(first, 'exit');
    expect(jsonOutputs(out).length).toBeLessThan(13);

    expect((await jixiao(args, dir)).code).toBe(1);
    const report = readReport(out);
    expect(report.totals).toMatchObject({ inputs: 14, failed: 1 });
    expect(report.inputs.find((e) => e.status === 'failed')).toMatchObject({ errorCode: 'truncated' });
    const extractions = jsonOutputs(out).map((f) => Extraction.parse(JSON.parse(readFileSync(path.join(out, f), 'utf8'))));
    expect(extractions).toHaveLength(13);
    const distinct = new Map(extractions.map((x) => [x.source.sha256, x]));
    expect(distinct.size).toBe(12);
    const state = async () => ({
      documents: (await query<{ n: number }>(url, "SELECT count(*)::int AS n FROM documents WHERE status <> 'failed'"))[0]!.n,
      failed: (await query<{ n: number }>(url, "SELECT count(*)::int AS n FROM documents WHERE status = 'failed'"))[0]!.n,
      rows: (await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM table_rows'))[0]!.n,
      indicators: (await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM indicators'))[0]!.n,
    });
    const expected = {
      documents: 12,
      failed: 1,
      rows: [...distinct.values()].reduce((n, x) => n + x.rows.length, 0),
      indicators: [...distinct.values()].reduce((n, x) => n + x.rows.reduce((m, r) => m + r.indicators.length, 0), 0),
    };
    expect(await state()).toEqual(expected);
    // Years from the folders. The copy's bytes are one document, which keeps the folder of whichever path wrote it last.
    const years = await query<{ year: number; n: number }>(url, "SELECT year, count(*)::int AS n FROM documents WHERE status <> 'failed' GROUP BY year ORDER BY year");
    expect(years.map((y) => y.year)).toEqual([2024, 2025]);
    expect(years[0]!.n + years[1]!.n).toBe(12);
    expect([5, 6]).toContain(years[0]!.n);

    const third = await jixiao(args, dir);
    expect(third.code).toBe(1);
    expect(readReport(out).totals).toMatchObject({ done: 0, skipped: 13, failed: 1 });
    expect(await state()).toEqual(expected);
  });

  it('says which server it could not reach, without the password, and exits 1', async () => {
    const bad = new URL(PG_URL);
    bad.port = '1';
    bad.password = 'secret-pw';
    const { code, stderr } = await jixiao(['extract', path.join(SAMPLES_DIR, 'liwan-weijian-short.chromium.pdf'), '--out', tmp(), '--db', bad.toString()]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/jixiao: Expected a PostgreSQL database at postgres:\/\/[^:]+:\*\*\*@[^ ]+:1\/[^ ]+, got: .*ECONNREFUSED/);
    expect(stderr).not.toContain('secret-pw');
  });
});
