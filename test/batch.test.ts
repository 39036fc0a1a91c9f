/**
 * Batches end to end, through the built CLI: a year of disclosures in two folders with bad files among them,
 * killed with SIGKILL in the middle and run again; the bad-file corpus; databases and exports added later;
 * --force. Born-digital samples only (OCR is slow), copied so each is a document of its own.
 */
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { bornDigitalSamples, buildBatchCorpus } from '../bench/batch-corpus.js';
import { progressLine, clock } from '../cli/progress.js';
import { ExportedDocument } from '../schemas/batch.js';
import { Extraction } from '../schemas/extraction.js';
import { jixiao, jsonOutputs, listFiles, readReport, startJixiao, waitFor } from './helpers/cli.js';
import { ROOT, SAMPLES_DIR } from './helpers/samples.js';

const BAD = path.join(ROOT, 'test/fixtures/bad');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'jixiao-batch-'));
/** The born-digital samples but the one whose embedded fonts make it several times slower than the rest. */
const FAST_SAMPLES = bornDigitalSamples(SAMPLES_DIR).filter((f) => !f.includes('notosans'));
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('a year of disclosures, killed and resumed', () => {
  it('ends with every good document once in the database, 40 outputs, four failures with reasons, exit 1; a third run skips everything', async () => {
    const dir = tmp();
    buildBatchCorpus(path.join(dir, 'in'), { documents: 40, folders: ['2024', '2025'], samples: FAST_SAMPLES });
    const bad: [string, string][] = [
      ['truncated.pdf', '2024'],
      ['empty.pdf', '2024'],
      ['not-a-pdf.pdf', '2025'],
      ['encrypted.pdf', '2025'],
    ];
    for (const [file, folder] of bad) copyFileSync(path.join(BAD, file), path.join(dir, 'in', folder, file));
    const out = path.join(dir, 'out');
    const args = ['extract', 'in/2024', 'in/2025', '--out', 'out', '--db', 'out/disclosures.sqlite', '--jobs', '2'];

    // Run 1, killed as soon as its first output appears.
    const first = startJixiao(args, dir);
    await waitFor(() => jsonOutputs(out).length > 0, first);
    first.kill('SIGKILL');
    await once(first, 'exit');
    expect(first.signalCode).toBe('SIGKILL');
    const afterKill = jsonOutputs(out);
    expect(afterKill.length).toBeGreaterThan(0);
    expect(afterKill.length).toBeLessThan(40);
    // Whatever is there is whole: every output parses and is valid.
    for (const f of afterKill) Extraction.parse(readJson(path.join(out, f)));
    expect(listFiles(out)).not.toContain('report.json');

    // Run 2 finishes the rest.
    const second = await jixiao(args, dir);
    expect(second.code).toBe(1);
    const report = readReport(out);
    expect(report.inputs).toHaveLength(44);
    const good = report.inputs.filter((e) => e.status !== 'failed');
    expect(good).toHaveLength(40);
    expect(good.every((e) => e.status === 'done' || e.status === 'skipped')).toBe(true);
    expect(report.totals).toMatchObject({ inputs: 44, failed: 4 });
    const failures = Object.fromEntries(report.inputs.filter((e) => e.status === 'failed').map((e) => [path.basename(e.file), [e.errorCode, e.error]]));
    expect(failures).toEqual({
      'truncated.pdf': ['truncated', expect.stringMatching(/^Expected a complete PDF ending in %%EOF, got \d+ bytes/)],
      'empty.pdf': ['empty', 'Expected a PDF, got an empty file (0 bytes)'],
      'not-a-pdf.pdf': ['not-pdf', expect.stringMatching(/^Expected a PDF, PNG, JPEG or TIFF file, got a file starting with/)],
      'encrypted.pdf': ['encrypted', 'Expected an unencrypted PDF, got one that needs a password (use --password)'],
    });
    // No temporary file of the killed run is left; 40 outputs, mirrored by folder.
    expect(listFiles(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const outputs = jsonOutputs(out);
    expect(outputs).toHaveLength(40);
    expect(outputs.filter((f) => f.startsWith(`2024${path.sep}`))).toHaveLength(20);
    const extractions = outputs.map((f) => Extraction.parse(readJson(path.join(out, f))));

    // The database: every good document exactly once, every row once, the years from the folders.
    const db = new Database(path.join(out, 'disclosures.sqlite'), { readonly: true });
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const databaseState = () => ({
      documents: count("SELECT count(*) AS n FROM documents WHERE status <> 'failed'"),
      distinct: count("SELECT count(DISTINCT sha256) AS n FROM documents WHERE status <> 'failed'"),
      failed: count("SELECT count(*) AS n FROM documents WHERE status = 'failed'"),
      rows: count('SELECT count(*) AS n FROM table_rows'),
      indicators: count('SELECT count(*) AS n FROM indicators'),
      duplicateRows: count('SELECT count(*) AS n FROM (SELECT document_sha256, position FROM table_rows GROUP BY 1, 2 HAVING count(*) > 1)'),
    });
    const expected = {
      documents: 40,
      distinct: 40,
      failed: 4,
      rows: extractions.reduce((n, x) => n + x.rows.length, 0),
      indicators: extractions.reduce((n, x) => n + x.rows.reduce((m, r) => m + r.indicators.length, 0), 0),
      duplicateRows: 0,
    };
    expect(databaseState()).toEqual(expected);
    const shas = new Set((db.prepare("SELECT sha256 FROM documents WHERE status <> 'failed'").all() as { sha256: string }[]).map((r) => r.sha256));
    expect(shas).toEqual(new Set(extractions.map((x) => x.source.sha256)));
    expect(db.prepare('SELECT year, count(*) AS n FROM documents WHERE status <> \'failed\' GROUP BY year ORDER BY year').all()).toEqual([
      { year: 2024, n: 20 },
      { year: 2025, n: 20 },
    ]);
    for (const x of extractions) {
      const stored = db.prepare('SELECT row_count FROM documents WHERE sha256 = ?').get(x.source.sha256) as { row_count: number };
      expect(stored.row_count).toBe(x.rows.length);
    }

    // Run 3 has nothing left to do but fail the four bad files again.
    const third = await jixiao(args, dir);
    expect(third.code).toBe(1);
    const again = readReport(out);
    expect(again.totals).toMatchObject({ inputs: 44, done: 0, skipped: 40, failed: 4 });
    expect(databaseState()).toEqual(expected);
    expect(jsonOutputs(out)).toHaveLength(40);
    db.close();
  }, 180_000);
});

describe('bad files', () => {
  it('each fails alone with its reason in the report, and the good file beside them is read', async () => {
    const out = tmp();
    const corpus = ['empty.pdf', 'not-a-pdf.pdf', 'truncated.pdf', 'encrypted.pdf', 'no-table.pdf', 'too-many-pages.pdf', 'huge-image.pdf', 'huge-page.pdf', 'slow-page.pdf', 'absurd-size.png'];
    const good = path.join(SAMPLES_DIR, 'liwan-weijian-short.chromium.pdf');
    const { code } = await jixiao(['extract', ...corpus.map((f) => path.join(BAD, f)), good, '--out', out, '--page-timeout', '3']);
    expect(code).toBe(1);
    const report = readReport(out);
    const byFile = Object.fromEntries(report.inputs.map((e) => [path.basename(e.file), e]));
    const reasons: Record<string, [string, RegExp]> = {
      'empty.pdf': ['empty', /^Expected a PDF, got an empty file \(0 bytes\)$/],
      'not-a-pdf.pdf': ['not-pdf', /^Expected a PDF, PNG, JPEG or TIFF file, got a file starting with/],
      'truncated.pdf': ['truncated', /^Expected a complete PDF ending in %%EOF/],
      'encrypted.pdf': ['encrypted', /needs a password \(use --password\)$/],
      'no-table.pdf': ['no-table', /^Expected a 项目支出绩效目标表, got no table/],
      'too-many-pages.pdf': ['limit', /^Expected at most 1000 pages per document \(--max-pages\), got 1000000$/],
      'huge-image.pdf': ['limit', /^Expected images of at most 200000000 pixels \(--max-pixels\), got one of 100000×100000$/],
      'huge-page.pdf': ['limit', /^Expected pages of at most 200000000 pixels \(--max-pixels\), got page 1 at 60000×60000 \(300 dpi\)$/],
      'slow-page.pdf': ['timeout', /^Expected at most 3 s per page \(--page-timeout\), got 1 page not done after/],
      'absurd-size.png': ['limit', /^Expected pages of at most 200000000 pixels \(--max-pixels\), got 100000×100000 on page 1$/],
    };
    expect(Object.keys(reasons).sort()).toEqual([...corpus].sort());
    for (const [file, [code, reason]] of Object.entries(reasons)) {
      expect(byFile[file], file).toMatchObject({ status: 'failed', errorCode: code, error: expect.stringMatching(reason) });
    }
    expect(byFile['liwan-weijian-short.chromium.pdf']).toMatchObject({ status: 'done', rows: 9 });
    expect(jsonOutputs(out)).toEqual([path.join('samples', 'liwan-weijian-short.chromium.json')]);
  }, 120_000);

  it('reads the encrypted PDF with --password, and applies --max-pages and --max-pixels as given', async () => {
    const out = tmp();
    const { code } = await jixiao(['extract', path.join(BAD, 'encrypted.pdf'), '--out', out, '--password', 'user-pw']);
    expect(code).toBe(0);
    expect(readReport(out).inputs[0]).toMatchObject({ status: 'done', rows: expect.any(Number) });
    const limited = await jixiao(['extract', path.join(SAMPLES_DIR, 'liwan-kegongxin.libreoffice.pdf'), path.join(SAMPLES_DIR, 'liwan-weijian-short.chromium.png300.png'), '--out', tmp(), '--max-pages', '5', '--max-pixels', '1000000']);
    expect(limited.code).toBe(1);
    const errors = limited.stderr.split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((l) => l.msg === 'document failed').map((l) => l.error).sort();
    expect(errors).toEqual([
      'Expected at most 5 pages per document (--max-pages), got 6',
      expect.stringMatching(/^Expected pages of at most 1000000 pixels \(--max-pixels\), got \d+×\d+ on page 1$/),
    ]);
  }, 60_000);
});

describe('stores added later, exports, --force', () => {
  it('fills a database given on a later run from the outputs without extracting again, writes exports, and --force extracts again', async () => {
    const dir = tmp();
    buildBatchCorpus(path.join(dir, 'in'), { documents: 3, samples: FAST_SAMPLES.slice(0, 3) });
    const out = path.join(dir, 'out');
    const base = ['extract', 'in/*.pdf', '--out', 'out'];
    expect((await jixiao(base, dir)).code).toBe(0);
    expect(readReport(out).totals).toMatchObject({ done: 3, skipped: 0 });

    const withDb = await jixiao([...base, '--db', 'out/later.sqlite', '--format', 'jsonl', '--format', 'csv'], dir);
    expect(withDb.code).toBe(0);
    expect(readReport(out).totals).toMatchObject({ done: 0, skipped: 3 });
    expect(withDb.stderr).not.toMatch(/"document started"/);
    const db = new Database(path.join(out, 'later.sqlite'), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 3 });
    db.close();
    const lines = readFileSync(path.join(out, 'extractions.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => ExportedDocument.parse(JSON.parse(l)).extraction.source.sha256).sort()).toEqual(readReport(out).inputs.map((e) => e.sha256).sort());
    expect(readFileSync(path.join(out, 'indicators.csv'), 'utf8').startsWith('\ufefffile,sha256,year,')).toBe(true);

    const forced = await jixiao([...base, '--db', 'out/later.sqlite', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(readReport(out).totals).toMatchObject({ done: 3, skipped: 0 });
    const again = new Database(path.join(out, 'later.sqlite'), { readonly: true });
    expect(again.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 3 });
    again.close();
  }, 120_000);

  it('fails a glob that matches nothing and two inputs that would write one output', async () => {
    const dir = tmp();
    copyFileSync(path.join(SAMPLES_DIR, 'liwan-weijian-short.chromium.pdf'), path.join(dir, 'a.pdf'));
    copyFileSync(path.join(SAMPLES_DIR, 'liwan-weijian-short.chromium.png300.png'), path.join(dir, 'a.png'));
    const { code } = await jixiao(['extract', 'a.pdf', 'a.png', 'none/*.pdf', '--out', 'out'], dir);
    expect(code).toBe(1);
    const report = readReport(path.join(dir, 'out'));
    expect(report.inputs.map((e) => [e.file, e.status, e.errorCode ?? null, e.error ?? null])).toEqual([
      ['a.pdf', 'done', null, null],
      ['a.png', 'failed', 'output-clash', 'Expected inputs with distinct output paths, got a.pdf and a.png both writing a.json'],
      ['none/*.pdf', 'failed', 'no-match', 'Expected files matching none/*.pdf, got none'],
    ]);
  }, 60_000);
});

describe('progress on a terminal', () => {
  it('shows documents and pages done, failures, elapsed time, ETA and the current file, cut to the terminal', () => {
    const state = { total: 40, finished: 10, failed: 1, pages: 42, running: ['in/2024/b.pdf', 'in/2024/a.pdf'], startedAt: 0, jobs: 2 };
    expect(progressLine(state, 20_000, 200)).toBe('10/40 documents · 42 pages · 1 failed · 0:20 · ETA 1:00 · b.pdf');
    expect(progressLine({ ...state, finished: 0, failed: 0 }, 1000, 200)).toBe('0/40 documents · 42 pages · 0:01 · ETA … · b.pdf');
    expect([...progressLine(state, 20_000, 20)]).toHaveLength(20);
    expect(clock(3725)).toBe('1:02:05');
  });
});
