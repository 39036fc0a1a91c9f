/**
 * The sinks: the records the databases and the CSV are written from, SQLite (migrations, idempotent upserts,
 * one transaction per document), the JSON files with their markers, and the JSONL and CSV exports.
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ExportedDocument } from '../schemas/batch.js';
import { CsvSink, CSV_FILE, CSV_HEADER } from '../sinks/csv.js';
import { JsonFilesSink } from '../sinks/json-files.js';
import { JsonlSink, JSONL_FILE } from '../sinks/jsonl.js';
import { doneRecords, failedRecord } from '../sinks/records.js';
import { MIGRATIONS, SCHEMA_VERSION, TABLES } from '../sinks/schema.js';
import { SqliteSink } from '../sinks/sqlite.js';
import { doneDocument, expectedCounts, failedDocument, PIPELINE_VERSION, sha } from './helpers/sinks.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'jixiao-sinks-'));
const columns = (name: string) => TABLES.find((t) => t.name === name)!.columns.map((c) => c.name);

describe('records', () => {
  it('have exactly the columns of their tables, for documents done and failed', async () => {
    const r = doneRecords(await doneDocument('liwan-weijian.chromium.pdf', sha(1)));
    expect(Object.keys(r.document).sort()).toEqual(columns('documents').sort());
    expect(Object.keys(failedRecord(failedDocument(sha(2)))).sort()).toEqual(columns('documents').sort());
    for (const row of r.tableRows) expect(Object.keys(row).sort()).toEqual(columns('table_rows').sort());
    for (const ind of r.indicators) expect(Object.keys(ind).sort()).toEqual(columns('indicators').sort());
    for (const c of r.checks) expect(Object.keys(c).sort()).toEqual(columns('checks').sort());
  });

  it('carry every value with its confidence from the extraction', async () => {
    const doc = await doneDocument('liwan-weijian.chromium.pdf', sha(1));
    const r = doneRecords(doc);
    const x = doc.extraction;
    expect(r.tableRows).toHaveLength(x.rows.length);
    const p = x.rows.findIndex((row) => row.kind === 'project');
    const row = x.rows[p]!;
    expect(r.tableRows[p]).toMatchObject({ position: p, kind: 'project', name: row.name.value, name_confidence: row.name.confidence, total: row.total.value, total_confidence: row.total.confidence, needs_review: row.needsReview });
    const ind = row.indicators[0]!;
    expect(r.indicators.find((i) => i.row_position === p && i.position === 0)).toMatchObject({
      seq: ind.seq,
      level1_code: ind.level1.value.code,
      name: ind.name.value,
      period_target_raw: ind.periodTarget.value.raw,
      period_target_value: ind.periodTarget.value.value,
      annual_target_confidence: ind.annualTarget.confidence,
    });
    expect(r.document).toMatchObject({ department: x.document.department.value, department_confidence: x.document.department.confidence, year: 2024, page_count: x.source.pages.length });
  });
});

describe('SQLite', () => {
  const count = (db: Database.Database, table: string, sha256: string) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${table === 'documents' ? 'sha256' : 'document_sha256'} = ?`).get(sha256) as { n: number }).n;

  it('migrates a new file to the current version in WAL mode, once', async () => {
    const file = path.join(tmp(), 'sub', 'x.sqlite');
    await new SqliteSink(file).close();
    await new SqliteSink(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    for (const t of TABLES) expect((db.pragma(`table_info(${t.name})`) as { name: string }[]).map((c) => c.name)).toEqual(t.columns.map((c) => c.name));
  });

  it('refuses a database written by a newer schema', async () => {
    const file = path.join(tmp(), 'x.sqlite');
    await new SqliteSink(file).close();
    new Database(file).prepare("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01')").run();
    expect(() => new SqliteSink(file)).toThrow(new RegExp(`Expected the SQLite database .* at schema version ${SCHEMA_VERSION} or older, got version 99`));
  });

  it('writes a document once however often it is put, with every row and indicator', async () => {
    const file = path.join(tmp(), 'x.sqlite');
    const sink = new SqliteSink(file);
    const doc = await doneDocument('liwan-kegongxin.libreoffice.pdf', sha(7));
    expect(await sink.holds(doc.key)).toBe(false);
    await sink.putDone(doc);
    await sink.putDone(doc);
    expect(await sink.holds(doc.key)).toBe(true);
    expect(await sink.holds({ ...doc.key, pipelineVersion: 'other' })).toBe(false);
    await sink.close();
    const db = new Database(file, { readonly: true });
    const want = expectedCounts(doc.extraction);
    expect(count(db, 'documents', sha(7))).toBe(1);
    expect(count(db, 'table_rows', sha(7))).toBe(want.tableRows);
    expect(count(db, 'indicators', sha(7))).toBe(want.indicators);
    expect(count(db, 'checks', sha(7))).toBe(want.checks);
    const stored = db.prepare('SELECT extraction, status, year FROM documents WHERE sha256 = ?').get(sha(7)) as { extraction: string; status: string; year: number };
    expect(JSON.parse(stored.extraction)).toEqual(doc.extraction);
    expect(stored).toMatchObject({ status: 'complete', year: 2024 });
  });

  it('keeps a document whole or not at all: a failure in the middle of its transaction leaves nothing of it', async () => {
    const file = path.join(tmp(), 'x.sqlite');
    const sink = new SqliteSink(file);
    const doc = await doneDocument('liwan-weijian.chromium.pdf', sha(8));
    // The last table written refuses its first row: after the document, its rows and indicators were written.
    new Database(file).exec("CREATE TRIGGER refuse BEFORE INSERT ON checks BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    await expect(sink.putDone(doc)).rejects.toThrow(/injected failure/);
    await sink.close();
    const db = new Database(file, { readonly: true });
    expect(count(db, 'documents', sha(8))).toBe(0);
    expect(count(db, 'table_rows', sha(8))).toBe(0);
    expect(count(db, 'indicators', sha(8))).toBe(0);
  });

  it('records a failure, replaces it when the document is later read, and never lets a failure replace a document read', async () => {
    const file = path.join(tmp(), 'x.sqlite');
    const sink = new SqliteSink(file);
    await sink.putFailed(failedDocument(sha(9)));
    expect(await sink.holds({ sha256: sha(9), pipelineVersion: PIPELINE_VERSION })).toBe(false);
    const doc = await doneDocument('liwan-weijian.chromium.pdf', sha(9));
    await sink.putDone(doc);
    await sink.putFailed(failedDocument(sha(9), { error: 'Expected the right password, got none' }));
    await sink.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT status, error_code, error FROM documents WHERE sha256 = ?').get(sha(9))).toEqual({ status: 'complete', error_code: null, error: null });
    expect(count(db, 'table_rows', sha(9))).toBe(doc.extraction.rows.length);
  });
});

describe('JSON files', () => {
  it('hold a document only when its output and a marker for the same bytes and pipeline version are there', async () => {
    const out = tmp();
    const sink = new JsonFilesSink(out);
    const doc = await doneDocument('liwan-weijian.chromium.pdf', sha(3));
    expect(await sink.holds(doc.key, doc.input)).toBe(false);
    await sink.putDone(doc);
    expect(await sink.holds(doc.key, doc.input)).toBe(true);
    expect(await sink.holds({ ...doc.key, sha256: sha(4) }, doc.input)).toBe(false);
    expect(await sink.holds({ ...doc.key, pipelineVersion: 'next' }, doc.input)).toBe(false);
    expect(await sink.load(doc.input)).toEqual(doc.extraction);
    // The file at that path was replaced by one that fails: the output of the old bytes goes.
    await sink.putFailed(failedDocument(sha(5), { input: doc.input }));
    expect(existsSync(path.join(out, doc.input.output))).toBe(false);
    expect(await sink.holds(doc.key, doc.input)).toBe(false);
  });
});

describe('exports', () => {
  it('JSONL: one document per line, each valid, written into place only when closed', async () => {
    const out = tmp();
    const sink = new JsonlSink(out);
    const docs = [await doneDocument('liwan-weijian.chromium.pdf', sha(1)), await doneDocument('liwan-kegongxin.libreoffice.pdf', sha(2), { year: null, yearSource: null })];
    for (const d of docs) await sink.putDone(d);
    expect(existsSync(path.join(out, JSONL_FILE))).toBe(false);
    await sink.close();
    const lines = readFileSync(path.join(out, JSONL_FILE), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const parsed = lines.map((l) => ExportedDocument.parse(JSON.parse(l)));
    expect(parsed.map((p) => [p.year, p.extraction.source.sha256])).toEqual(docs.map((d) => [d.year, d.extraction.source.sha256]));
  });

  it('CSV: BOM, one line per indicator (and per row without one) with its row repeated, Excel-safe quoting', async () => {
    const out = tmp();
    const sink = new CsvSink(out);
    const doc = await doneDocument('liwan-weijian.chromium.pdf', sha(1));
    await sink.putDone(doc);
    await sink.close();
    const text = readFileSync(path.join(out, CSV_FILE), 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = parseCsv(text.slice(1));
    expect(lines[0]).toEqual(CSV_HEADER);
    const body = lines.slice(1);
    const x = doc.extraction;
    expect(body).toHaveLength(x.rows.reduce((n, r) => n + Math.max(1, r.indicators.length), 0));
    const col = (name: string) => CSV_HEADER.indexOf(name);
    const p = x.rows.findIndex((r) => r.indicators.length > 1);
    const lineFor = body.filter((l) => l[col('row_position')] === String(p));
    expect(lineFor).toHaveLength(x.rows[p]!.indicators.length);
    expect(lineFor.map((l) => l[col('indicator_name')])).toEqual(x.rows[p]!.indicators.map((i) => i.name.value));
    expect(new Set(lineFor.map((l) => l[col('goal')]))).toEqual(new Set([x.rows[p]!.goal.value]));
    expect(lineFor[0]![col('total')]).toBe(String(x.rows[p]!.total.value));
    expect(lineFor[0]![col('department')]).toBe(x.document.department.value);
  });

  it('CSV: text that Excel would run as a formula is kept as text', async () => {
    const out = tmp();
    const sink = new CsvSink(out);
    const doc = await doneDocument('liwan-weijian.chromium.pdf', sha(1));
    const x = structuredClone(doc.extraction);
    x.rows[0]!.name.value = '=HYPERLINK("http://example.invalid","点击")';
    await sink.putDone({ ...doc, extraction: x });
    await sink.close();
    const lines = parseCsv(readFileSync(path.join(out, CSV_FILE), 'utf8').slice(1));
    expect(lines[1]![CSV_HEADER.indexOf('name')]).toBe(`'=HYPERLINK("http://example.invalid","点击")`);
  });
});

/** RFC 4180 CSV (CRLF lines, double-quoted fields with "" for a quote). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      (row = []), (cell = ''), i++;
    } else cell += c;
  }
  return rows;
}
