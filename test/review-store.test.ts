/**
 * Review on SQLite (PostgreSQL: `test/pg/review.test.ts`): a change rewrites the document's extraction JSON
 * and its rows and records the correction, all in one transaction; a database from before review is migrated;
 * `jixiao export` writes the documents as they stand, in the contract of `extract`.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyReview } from '../review/corrections.js';
import { jsonOutputNames, exportDocuments } from '../review/export.js';
import { parseFieldPath } from '../review/fields.js';
import { SqliteReviewStore } from '../review/store-sqlite.js';
import { ExportedDocument } from '../schemas/batch.js';
import { Extraction } from '../schemas/extraction.js';
import { CSV_HEADER } from '../sinks/csv.js';
import { doneRecords } from '../sinks/records.js';
import { MIGRATIONS, migrationsTable } from '../sinks/schema.js';
import { SqliteDocumentWriter, SqliteSink } from '../sinks/sqlite.js';
import { CLI, jixiao } from './helpers/cli.js';
import { ROOT } from './helpers/samples.js';
import { doneDocument, failedDocument, sha } from './helpers/sinks.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'jixiao-review-'));

/** A database with two documents read and one failed, as `extract --db` leaves it. */
async function loadedDatabase(): Promise<string> {
  const file = path.join(tmp(), 'db.sqlite');
  const sink = new SqliteSink(file);
  await sink.putDone(await doneDocument('liwan-weijian.chromium.pdf', sha(1)));
  await sink.putDone(await doneDocument('liwan-kegongxin.libreoffice.pdf', sha(2)));
  await sink.putFailed(failedDocument(sha(3)));
  await sink.close();
  return file;
}

/** The first project row with a total, in a stored document. */
function projectRow(x: Extraction): number {
  return x.rows.findIndex((r) => r.kind === 'project' && r.total.value !== null);
}

function correct(store: SqliteReviewStore, sha256: string, p: string, value: string) {
  return store.change(sha256, (doc) => {
    const r = applyReview(sha256, doc.extraction, { path: parseFieldPath(p), action: 'correct', value, reviewer: 'ana' });
    return { extraction: r.extraction, corrections: [r.correction] };
  });
}

describe('the SQLite review store', () => {
  let file: string;
  beforeAll(async () => {
    file = await loadedDatabase();
  });

  it('lists the documents that were read with their flagged counts, and loads each as it was stored', async () => {
    const store = new SqliteReviewStore(file);
    const x1 = (await doneDocument('liwan-weijian.chromium.pdf', sha(1))).extraction;
    expect((await store.summaries()).map((s) => [s.sha256, s.flagged, s.fields, s.corrections])).toEqual([
      [sha(2), (await doneDocument('liwan-kegongxin.libreoffice.pdf', sha(2))).extraction.review.flagged, 660, 0],
      [sha(1), x1.review.flagged, x1.review.fields, 0],
    ]);
    expect((await store.document(sha(1)))?.extraction).toEqual(x1);
    expect(await store.document(sha(3))).toBeNull();
    await store.close();
  });

  it('writes a correction into the extraction JSON, the rows and the checks, and records it, in one transaction', async () => {
    const db = path.join(tmp(), 'one.sqlite');
    const sink = new SqliteSink(db);
    const doc = await doneDocument('liwan-weijian.chromium.pdf', sha(1));
    await sink.putDone(doc);
    await sink.close();
    const store = new SqliteReviewStore(db);
    const r = projectRow(doc.extraction);
    const was = doc.extraction.rows[r]!.total;
    const after = await correct(store, sha(1), `${r}/total`, '1.5');
    await store.close();

    const raw = new Database(db, { readonly: true });
    const stored = raw.prepare('SELECT extraction, flagged FROM documents WHERE sha256 = ?').get(sha(1)) as { extraction: string; flagged: number };
    const x = Extraction.parse(JSON.parse(stored.extraction));
    expect(x).toEqual(after.extraction);
    expect(x.rows[r]!.total).toMatchObject({ value: 1.5, confidence: 1, notes: ['reviewed'] });
    expect(stored.flagged).toBe(x.review.flagged);
    expect(stored.flagged).toBeGreaterThan(doc.extraction.review.flagged);
    expect(raw.prepare('SELECT total, total_confidence, needs_review FROM table_rows WHERE document_sha256 = ? AND position = ?').get(sha(1), r)).toEqual({ total: 1.5, total_confidence: 1, needs_review: 1 });
    const failing = raw.prepare("SELECT rule, rows FROM checks WHERE document_sha256 = ? AND ok = 0 AND rule = 'row-amounts-add-up'").all(sha(1));
    expect(failing).toEqual([{ rule: 'row-amounts-add-up', rows: JSON.stringify([r]) }]);
    const audit = raw.prepare('SELECT * FROM corrections').all() as Record<string, unknown>[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ document_sha256: sha(1), field_path: `${r}/total`, action: 'correct', original_value: JSON.stringify(was.value), original_confidence: was.confidence, corrected_value: '1.5', reviewer: 'ana' });
    expect(Date.now() - Date.parse(audit[0]!.corrected_at as string)).toBeLessThan(60_000);
    raw.close();
  });

  it('re-parses a corrected target into the indicator columns', async () => {
    const store = new SqliteReviewStore(file);
    const x = (await store.document(sha(2)))!.extraction;
    const r = x.rows.findIndex((row) => row.indicators.length > 1);
    await correct(store, sha(2), `${r}/indicators/1/annualTarget`, '不低于95%');
    await store.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT annual_target_raw, annual_target_comparator, annual_target_value, annual_target_unit, annual_target_confidence FROM indicators WHERE document_sha256 = ? AND row_position = ? AND position = 1').get(sha(2), r)).toEqual({
      annual_target_raw: '不低于95%',
      annual_target_comparator: '>=',
      annual_target_value: 95,
      annual_target_unit: '%',
      annual_target_confidence: 1,
    });
    raw.close();
  });

  it('leaves everything as it was when a change fails halfway', async () => {
    const db = path.join(tmp(), 'fail.sqlite');
    const sink = new SqliteSink(db);
    const doc = await doneDocument('liwan-weijian.chromium.pdf', sha(1));
    await sink.putDone(doc);
    const before = new Database(db, { readonly: true }).prepare('SELECT extraction FROM documents').get();
    const raw = new Database(db);
    raw.exec("CREATE TRIGGER refuse BEFORE INSERT ON corrections BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    const store = new SqliteReviewStore(db);
    const r = projectRow(doc.extraction);
    await expect(correct(store, sha(1), `${r}/total`, '7')).rejects.toThrow(/injected failure/);
    expect(raw.prepare('SELECT extraction FROM documents').get()).toEqual(before);
    expect(raw.prepare('SELECT total FROM table_rows WHERE position = ?').get(r)).toEqual({ total: doc.extraction.rows[r]!.total.value });
    await expect(correct(store, sha(1), `${r}/total`, 'seven')).rejects.toThrow('Expected a number, got "seven"');
    expect(raw.prepare('SELECT count(*) AS n FROM corrections').get()).toEqual({ n: 0 });
    await store.close();
    await sink.close();
    raw.close();
  });

  it('carries corrections over to the same bytes extracted again, where the new extraction reads what the reviewer saw', async () => {
    const db = path.join(tmp(), 'again.sqlite');
    const sink = new SqliteSink(db);
    const doc = await doneDocument('liwan-weijian.chromium.pdf', sha(1));
    await sink.putDone(doc);
    const store = new SqliteReviewStore(db);
    const [p, q] = doc.extraction.rows.map((row, i) => ({ row, i })).filter(({ row }) => row.kind === 'project').map(({ i }) => i);
    await correct(store, sha(1), `${p}/name`, '更正后的名称');
    await correct(store, sha(1), `${q}/name`, '另一个更正');
    const reviewed = (await store.document(sha(1)))!.extraction;

    // `extract --force`: the same extraction again. Both corrections hold; the document is as review left it.
    await sink.putDone(doc);
    expect((await store.document(sha(1)))!.extraction).toEqual(reviewed);
    // A new pipeline that reads project q's name otherwise: the reviewer never saw that value, so it stands as read.
    const reread = structuredClone(doc.extraction);
    reread.rows[q!]!.name.value = '新版本读出的名称';
    await sink.putDone({ ...doc, extraction: reread, key: { ...doc.key, pipelineVersion: 'next' } });
    const after = (await store.document(sha(1)))!.extraction;
    expect(after.rows[p!]!.name).toMatchObject({ value: '更正后的名称', confidence: 1, notes: ['reviewed'] });
    expect(after.rows[q!]!.name).toEqual(reread.rows[q!]!.name);
    const raw = new Database(db, { readonly: true });
    expect(raw.prepare('SELECT name, name_confidence FROM table_rows WHERE position = ?').get(p)).toEqual({ name: '更正后的名称', name_confidence: 1 });
    expect(raw.prepare('SELECT count(*) AS n FROM corrections').get()).toEqual({ n: 2 });
    raw.close();
    await store.close();
    await sink.close();
  });

  it('migrates a database written before review, keeping its documents; refuses a file that does not exist', async () => {
    const db = path.join(tmp(), 'v1.sqlite');
    const raw = new Database(db);
    raw.exec(migrationsTable('sqlite'));
    for (const sql of MIGRATIONS[0]!.statements('sqlite')) raw.exec(sql);
    raw.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run(MIGRATIONS[0]!.name, '2026-01-01T00:00:00Z');
    const doc = await doneDocument('liwan-weijian.chromium.pdf', sha(9));
    raw.transaction(() => new SqliteDocumentWriter(raw).write(doneRecords(doc)))();
    raw.close();

    const store = new SqliteReviewStore(db);
    expect((await store.document(sha(9)))?.extraction).toEqual(doc.extraction);
    expect(await store.corrections(sha(9))).toEqual([]);
    await store.close();
    const after = new Database(db, { readonly: true });
    expect(after.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    after.close();

    const missing = path.join(tmp(), 'typo.sqlite');
    expect(() => new SqliteReviewStore(missing)).toThrow(`Expected a SQLite database at ${missing}, got no such file`);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('export', () => {
  it('names each document by its source path below their common folder, and tells apart two of one name', () => {
    const names = jsonOutputNames([
      { sha256: sha(1), sourcePath: '/in/2024/a.pdf' },
      { sha256: sha(2), sourcePath: '/in/2025/b.png' },
      { sha256: sha(3), sourcePath: '/in/2025/b.pdf' },
    ]);
    expect([...names.values()]).toEqual(['2024/a.json', `2025/b.${sha(2).slice(0, 12)}.json`, `2025/b.${sha(3).slice(0, 12)}.json`]);
  });

  it('writes the documents as they stand after review, as JSON, JSONL and CSV, through the CLI', async () => {
    const db = await loadedDatabase();
    const store = new SqliteReviewStore(db);
    const x = (await store.document(sha(1)))!.extraction;
    const r = projectRow(x);
    await correct(store, sha(1), `${r}/name`, '更正后的项目名称');
    await store.close();
    const out = tmp();
    const run = await jixiao(['export', '--db', db, '--out', out, '--format', 'json,jsonl', '--format', 'csv']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`2 documents from sqlite ${db} -> ${out} (json, jsonl, csv)\n`);

    const json = Extraction.parse(JSON.parse(readFileSync(path.join(out, 'liwan-weijian.chromium.json'), 'utf8')));
    expect(json.rows[r]!.name).toMatchObject({ value: '更正后的项目名称', confidence: 1, notes: ['reviewed'] });
    expect(existsSync(path.join(out, 'liwan-kegongxin.libreoffice.json'))).toBe(true);
    const lines = readFileSync(path.join(out, 'extractions.jsonl'), 'utf8').trim().split('\n').map((l) => ExportedDocument.parse(JSON.parse(l)));
    expect(lines.map((l) => l.extraction.source.file)).toEqual(lines.map((l) => l.extraction.source.file).sort());
    expect(lines.find((l) => l.extraction.rows[r]?.name.value === '更正后的项目名称')).toMatchObject({ year: 2024, yearSource: 'folder' });
    const csv = readFileSync(path.join(out, 'indicators.csv'), 'utf8');
    const header = csv.slice(1).split('\r\n')[0]!.split(',');
    expect(header).toEqual(CSV_HEADER);
    const nameAt = header.indexOf('name');
    const row = csv.split('\r\n').find((l) => l.includes('更正后的项目名称'))!.split(',');
    expect(row[nameAt]).toBe('更正后的项目名称');
    expect(row[header.indexOf('name_confidence')]).toBe('1');
  });

  it('refuses a format it does not write (exit 2) and a database that does not exist (exit 1)', async () => {
    const out = tmp();
    expect((await jixiao(['export', '--db', path.join(out, 'db.sqlite'), '--out', out, '--format', 'xml'])).code).toBe(2);
    const missing = await jixiao(['export', '--db', path.join(out, 'db.sqlite'), '--out', out]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`jixiao: Expected a SQLite database at ${path.join(out, 'db.sqlite')}, got no such file\n`);
    expect(existsSync(path.join(out, 'db.sqlite'))).toBe(false);
  });
});

// Export goes through the same store interface as review: the function, without the CLI, on a fresh database.
it('exports through exportDocuments with the formats asked for only', async () => {
  const db = await loadedDatabase();
  const store = new SqliteReviewStore(db);
  const out = tmp();
  expect(await exportDocuments(store, { out, formats: ['jsonl'] })).toEqual({ documents: 2, files: ['extractions.jsonl'] });
  await store.close();
  expect(existsSync(path.join(out, 'liwan-weijian.chromium.json'))).toBe(false);
});

describe('jixiao review', () => {
  /** Start the CLI's review server and read the address it prints. */
  async function serve(args: string[]): Promise<{ stop: () => Promise<number | null>; lines: string[] }> {
    const child = spawn(process.execPath, [CLI, 'review', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('Ctrl-C')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`Expected the server to start, got exit ${code}: ${out}`)));
    });
    return {
      lines: out.trim().split('\n'),
      stop: async () => {
        child.kill('SIGINT');
        return (await once(child, 'exit'))[0] as number | null;
      },
    };
  }

  it('serves on 127.0.0.1, prints what and where, and stops on Ctrl-C with status 0', async () => {
    const db = await loadedDatabase();
    const x1 = (await doneDocument('liwan-weijian.chromium.pdf', sha(1))).extraction;
    const x2 = (await doneDocument('liwan-kegongxin.libreoffice.pdf', sha(2))).extraction;
    const server = await serve(['--db', db, '--port', '0', '--reviewer', 'ana']);
    const flagged = x1.review.flagged + x2.review.flagged;
    expect(server.lines[0]).toBe(`Reviewing 2 documents with ${flagged} flagged field${flagged === 1 ? '' : 's'} from sqlite ${db} as ana`);
    const url = /^Open (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(server.lines[1]!)?.[1];
    expect(url).toBeDefined();
    const docs = (await (await fetch(`${url}api/documents`)).json()) as { reviewer: string; documents: unknown[] };
    expect(docs).toMatchObject({ reviewer: 'ana', documents: [{}, {}] });
    expect(await server.stop()).toBe(0);
  });

  it('prints a link with its token when it listens beyond this machine', async () => {
    const server = await serve(['--db', await loadedDatabase(), '--host', '0.0.0.0', '--port', '0']);
    expect(server.lines[1]).toMatch(/^Open http:\/\/0\.0\.0\.0:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    expect(server.lines[2]).toBe('(anyone with this link can review; Ctrl-C stops the server)');
    expect(await server.stop()).toBe(0);
  });

  it('refuses a database that does not exist (exit 1) and a port that is none (exit 2)', async () => {
    const missing = path.join(tmp(), 'typo.sqlite');
    const run = await jixiao(['review', '--db', missing]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`jixiao: Expected a SQLite database at ${missing}, got no such file\n`);
    expect((await jixiao(['review', '--db', missing, '--port', 'http'])).code).toBe(2);
  });
});
