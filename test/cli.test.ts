/**
 * The command line as a user runs it: `jixiao extract`, `jixiao schema`, exit statuses, bad inputs.
 *
 * Runs the built CLI (`dist/cli/main.js`), which `npm test` builds first (`pretest`).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Extraction } from '../schemas/extraction.js';
import { ROOT, SAMPLES_DIR } from './helpers/samples.js';

const run = promisify(execFile);
const CLI = path.join(ROOT, 'dist/cli/main.js');
const BAD = path.join(ROOT, 'test/fixtures/bad');

async function jixiao(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'jixiao-cli-'));

/** Off a terminal the CLI logs JSON lines on stderr (pino's shape). */
function logLines(stderr: string): { level: number; msg: string; [k: string]: unknown }[] {
  return stderr
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

describe('jixiao extract', () => {
  it('writes <out>/<base name>.json for each input, valid against the schema, with one summary line each and the totals', async () => {
    const out = tmp();
    const inputs = ['liwan-kegongxin.libreoffice.pdf', 'liwan-weijian.chromium.pdf'].map((f) => path.join(SAMPLES_DIR, f));
    const { code, stdout, stderr } = await jixiao('extract', ...inputs, '--out', out, '--jobs', '1');
    expect(logLines(stderr).filter((l) => l.level >= 40)).toEqual([]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/liwan-kegongxin\.libreoffice\.pdf: 27 rows, 660 fields, \d+ flagged -> .*liwan-kegongxin\.libreoffice\.json$/);
    expect(lines[1]).toMatch(/liwan-weijian\.chromium\.pdf: 17 rows, \d+ fields, \d+ flagged/);
    expect(lines[2]).toBe(`2 inputs: 2 done, 0 skipped, 0 failed (report: ${path.join(out, 'report.json')})`);
    expect(readdirSync(out).filter((f) => !f.startsWith('.')).sort()).toEqual(['liwan-kegongxin.libreoffice.json', 'liwan-weijian.chromium.json', 'report.json']);
    const x = Extraction.parse(JSON.parse(readFileSync(path.join(out, 'liwan-kegongxin.libreoffice.json'), 'utf8')));
    expect(x.rows[0]!.name.value).toBe('合计');
    expect(x.review.threshold).toBe(0.9);
  });

  it('takes --review-threshold and marks fields below it', async () => {
    const out = tmp();
    const { code } = await jixiao('extract', path.join(SAMPLES_DIR, 'liwan-weijian.chromium.pdf'), '--out', out, '--review-threshold', '0.995');
    expect(code).toBe(0);
    const x = Extraction.parse(JSON.parse(readFileSync(path.join(out, 'liwan-weijian.chromium.json'), 'utf8')));
    expect(x.review.threshold).toBe(0.995);
    expect(x.review.flagged).toBe(x.review.fields);
    expect(x.rows.every((r) => r.needsReview)).toBe(true);
  });

  const badInputs: [string, RegExp][] = [
    ['not-a-pdf.pdf', /Expected a PDF, PNG, JPEG or TIFF file, got a file starting with/],
    ['empty.pdf', /Expected a PDF, got an empty file/],
    ['truncated.pdf', /Expected a complete PDF ending in %%EOF/],
    ['encrypted.pdf', /needs a password/],
    ['no-table.pdf', /Expected a 项目支出绩效目标表, got no table/],
  ];
  it.each(badInputs)('%s: one error log line naming the file and the reason, exit 1, no output file', async (file, reason) => {
    const out = tmp();
    const { code, stdout, stderr } = await jixiao('extract', path.join(BAD, file), '--out', out);
    expect(code).toBe(1);
    expect(stdout).toBe(`1 input: 0 done, 0 skipped, 1 failed (report: ${path.join(out, 'report.json')})\n`);
    const failed = logLines(stderr).filter((l) => l.msg === 'document failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.level).toBe(50);
    expect(failed[0]!.file).toContain(file);
    expect(failed[0]!.error).toMatch(reason);
    expect(readdirSync(out)).toEqual(['report.json']);
  });

  it('opens an encrypted PDF with --password', async () => {
    const out = tmp();
    const { code, stdout } = await jixiao('extract', path.join(BAD, 'encrypted.pdf'), '--out', out, '--password', 'user-pw');
    expect(code).toBe(0);
    expect(stdout).toMatch(/encrypted\.pdf: \d+ rows/);
    expect(existsSync(path.join(out, 'encrypted.json'))).toBe(true);
  });

  it('goes on past a bad file, writes the good ones, and exits 1', async () => {
    const out = tmp();
    const { code, stdout, stderr } = await jixiao('extract', path.join(BAD, 'empty.pdf'), path.join(SAMPLES_DIR, 'liwan-weijian.libreoffice.pdf'), path.join(BAD, 'missing.pdf'), '--out', out);
    expect(code).toBe(1);
    expect(stdout).toMatch(/liwan-weijian\.libreoffice\.pdf: 17 rows/);
    const failed = Object.fromEntries(logLines(stderr).filter((l) => l.msg === 'document failed').map((l) => [path.basename(l.file as string), l.error]));
    expect(failed['empty.pdf']).toMatch(/^Expected a PDF, got an empty file/);
    expect(failed['missing.pdf']).toBe('Expected a file, got a path that does not exist');
    // Inputs from two folders: outputs mirror their paths below the folder holding both.
    expect(readdirSync(path.join(out, 'samples'))).toEqual(['liwan-weijian.libreoffice.json']);
  });

  it('reads a page whose text layer is garbage by OCR instead, and says why', async () => {
    const out = tmp();
    const { code, stdout } = await jixiao('extract', path.join(BAD, 'garbage-text-layer.pdf'), '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/garbage-text-layer\.pdf: \d+ rows/);
    const x = Extraction.parse(JSON.parse(readFileSync(path.join(out, 'garbage-text-layer.json'), 'utf8')));
    expect(x.source.pages[0]!.method).toBe('ocr');
    expect(x.source.pages[0]!.notes?.[0]).toMatch(/^text layer rejected: text layer is unreadable: .*ToUnicode.*: read by OCR$/);
    expect(x.rows.length).toBeGreaterThan(3);
    expect(x.rows[0]!.kind).toBe('total');
    expect(x.rows.some((r) => r.name.notes?.some((n) => n.startsWith('read by OCR')))).toBe(true);
  }, 120_000);

  it('flags every field of a garbage text layer, with the reason, when OCR is off', async () => {
    const { extractDocument } = await import('../pipeline/pipeline.js');
    const x = await extractDocument({ file: 'garbage-text-layer.pdf', bytes: readFileSync(path.join(BAD, 'garbage-text-layer.pdf')) }, { ocr: false });
    expect(x.status).toBe('partial');
    expect(x.errors[0]).toMatchObject({ page: 1, stage: 'read-pages' });
    expect(x.review.flagged).toBe(x.review.fields);
    for (const row of x.rows) {
      expect(row.needsReview).toBe(true);
      expect(row.name.confidence).toBeLessThan(0.1);
      expect(row.name.notes?.join(' ')).toMatch(/ToUnicode/);
    }
  });

  it('reads an image file by OCR and writes it like a PDF', async () => {
    const out = tmp();
    const { code, stdout } = await jixiao('extract', path.join(SAMPLES_DIR, 'liwan-weijian-short.chromium.png300.png'), '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/png300\.png: 9 rows, \d+ fields, \d+ flagged -> .*liwan-weijian-short\.chromium\.png300\.json$/m);
    const x = Extraction.parse(JSON.parse(readFileSync(path.join(out, 'liwan-weijian-short.chromium.png300.json'), 'utf8')));
    expect(x.source.pages).toEqual([expect.objectContaining({ page: 1, method: 'ocr' })]);
  }, 120_000);

  it('exits 2 for wrong usage', async () => {
    expect((await jixiao('extract', path.join(SAMPLES_DIR, 'liwan-weijian.chromium.pdf'))).code).toBe(2);
    expect((await jixiao('extract', '--out', tmp())).code).toBe(2);
    expect((await jixiao('frobnicate')).code).toBe(2);
    expect((await jixiao('extract', 'x.pdf', '--out', tmp(), '--review-threshold', '7')).code).toBe(2);
  });

  it('prints help and exits 0', async () => {
    const { code, stdout } = await jixiao('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/extract \[options\] <input\.\.\.>/);
  });
});

describe('jixiao schema', () => {
  it('prints the JSON Schema derived from the zod schemas', async () => {
    const { code, stdout } = await jixiao('schema');
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.$schema).toMatch(/2020-12/);
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'source', 'document', 'rows', 'checks', 'review']));
    const row = schema.properties.rows.items;
    expect(row.properties.kind.enum).toEqual(['total', 'unit', 'project']);
    expect(row.properties.total.properties.confidence).toMatchObject({ minimum: 0, maximum: 1 });
    expect(row.properties.indicators.items.properties.periodTarget.properties.value.properties.comparator.anyOf ?? row.properties.indicators.items.properties.periodTarget.properties.value.properties.comparator.enum).toBeTruthy();
  });

  it('prints the JSON Schema of report.json with --report', async () => {
    const { code, stdout } = await jixiao('schema', '--report');
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.required).toEqual(expect.arrayContaining(['inputs', 'totals', 'pipelineVersion']));
    const input = schema.properties.inputs.items;
    expect(input.properties.status.enum).toEqual(['done', 'skipped', 'failed']);
    expect(input.required).toEqual(expect.arrayContaining(['file', 'sha256', 'status']));
  });
});
