/**
 * The review workflow end to end, as a reviewer does it, in a real headless Chromium: a scan extracted into
 * SQLite by the CLI, `jixiao review` started, the page opened, and with the keyboard alone one field
 * corrected (Enter), one accepted (Ctrl+Enter) and one accepted with one key (Esc, then a); then the server
 * stopped with Ctrl-C and `jixiao export` run. The export carries the correction and the acceptances at
 * confidence 1, the database has their audit records, and the checks have been evaluated again.
 *
 * With JIXIAO_SCREENSHOT=<file.png> it also saves the page as the reviewer first sees it (the README's).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFile } from '../../batch/files.js';
import { fieldAt, fieldKind, parseFieldId } from '../../review/fields.js';
import { recheck } from '../../review/recheck.js';
import { Extraction } from '../../schemas/extraction.js';
import { CLI, jixiao } from '../helpers/cli.js';
import { ROOT, SAMPLES_DIR } from '../helpers/samples.js';
import { HAVE_CHROMIUM, launchChromium } from './browser.js';

const SCAN = path.join(SAMPLES_DIR, 'liwan-weijian-short.chromium.png300.png');
const REVIEWER = 'e2e-reviewer';

/** Start `jixiao review` and wait for the address it prints. */
async function startReview(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'review', '--db', db, '--port', '0', '--reviewer', REVIEWER], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^Open (http:\/\/\S+)$/m.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`Expected jixiao review to print its address, got exit ${code}: ${out}${err}`)));
  });
  return { child, url };
}

/** The id of the card whose editor has the focus. */
const focusedField = (page: Page): Promise<string | null> => page.evaluate("document.activeElement?.closest('[data-field-id]')?.dataset.fieldId ?? null");

describe.skipIf(!HAVE_CHROMIUM)('review in the browser', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-e2e-'));
  const db = path.join(dir, 'db.sqlite');
  let sha256: string;
  let before: Extraction;
  let server: { child: ChildProcess; url: string } | null = null;

  beforeAll(async () => {
    const run = await jixiao(['extract', SCAN, '--out', path.join(dir, 'out'), '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    sha256 = await hashFile(SCAN);
    before = readExtraction(db, sha256);
    expect(before.review.flagged).toBeGreaterThan(2);
    server = await startReview(db);
  });

  afterAll(() => {
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  });

  it('corrects a field, accepts two, with the keyboard alone; export and the database carry them', async () => {
    const browser = await launchChromium();
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
    try {
      await page.goto(server!.url);
      await page.waitForSelector('.field.current');
      const ids: string[] = await page.$$eval('[data-field-id]', (els) => els.map((e: any) => e.dataset.fieldId));
      expect(ids.length).toBe(before.review.flagged);
      // The reviewer lands in the first field's editor, ready to type.
      expect(await focusedField(page)).toBe(ids[0]);
      // The first crops are on screen (rendered by the server from the scan) before anything is looked at.
      // A function, not a string: the page's CSP forbids eval, and a string would be eval'd in the page.
      await page.waitForFunction(() => [...(globalThis as any).document.querySelectorAll('.field img')].slice(0, 2).every((i: any) => i.complete && i.naturalWidth > 0));
      if (process.env.JIXIAO_SCREENSHOT) await page.screenshot({ path: path.resolve(ROOT, process.env.JIXIAO_SCREENSHOT) });

      // The field to correct: one a check flagged (a project name twice in a unit) if the scan has one, which the
      // correction lets pass; otherwise the first text field.
      const byCheck = ids.findIndex((id) => (fieldAt(before, parseFieldId(id).path).notes ?? []).some((n) => n.startsWith('project-name-unique-in-unit failed')));
      const index = byCheck >= 0 ? byCheck : ids.findIndex((id) => fieldKind(parseFieldId(id).path) === 'text');
      expect(index).toBeGreaterThanOrEqual(0);
      const corrected = ids[index]!;
      const old = fieldAt(before, parseFieldId(corrected).path).value as string;
      const value = `${old}（二）`;
      for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
      expect(await focusedField(page)).toBe(corrected);
      await page.keyboard.insertText(value);
      await page.keyboard.press('Enter');
      const card = page.locator(`[data-field-id="${corrected}"]`);
      await card.locator('.status', { hasText: `Corrected by ${REVIEWER}` }).waitFor();
      expect(await card.getAttribute('class')).toContain('reviewed');
      expect(await card.locator('input, textarea').inputValue()).toBe(value);

      // Focus moved on to the next field still to review: accept it with Ctrl+Enter.
      const acceptedWithCtrl = (await focusedField(page))!;
      expect(acceptedWithCtrl).not.toBe(corrected);
      await page.keyboard.press('Control+Enter');
      await page.locator(`[data-field-id="${acceptedWithCtrl}"] .status`, { hasText: `Accepted by ${REVIEWER}` }).waitFor();

      // And the next with one key: Esc leaves the editor, a accepts.
      const acceptedWithA = (await focusedField(page))!;
      expect([corrected, acceptedWithCtrl]).not.toContain(acceptedWithA);
      await page.keyboard.press('Escape');
      expect(await page.evaluate("document.activeElement.matches('[data-field-id]')")).toBe(true);
      await page.keyboard.press('a');
      await page.locator(`[data-field-id="${acceptedWithA}"] .status`, { hasText: `Accepted by ${REVIEWER}` }).waitFor();

      const shown = await page.locator('.doc[aria-current] .count').textContent();
      const stored = readExtraction(db, sha256);
      expect(shown).toBe(`${stored.review.flagged} flagged`);
      expect(errors).toEqual([]);

      // Ctrl-C stops the server cleanly.
      server!.child.kill('SIGINT');
      const [code] = await once(server!.child, 'exit');
      expect(code).toBe(0);

      const out = path.join(dir, 'export');
      const exported = await jixiao(['export', '--db', db, '--out', out]);
      expect(exported.code, exported.stderr).toBe(0);
      const x = Extraction.parse(JSON.parse(readFileSync(path.join(out, 'liwan-weijian-short.chromium.png300.json'), 'utf8')));
      expect(fieldAt(x, parseFieldId(corrected).path)).toMatchObject({ value, confidence: 1, notes: ['reviewed'] });
      for (const id of [acceptedWithCtrl, acceptedWithA]) {
        const p = parseFieldId(id).path;
        expect(fieldAt(x, p)).toMatchObject({ value: fieldAt(before, p).value, confidence: 1, notes: ['reviewed'] });
      }
      // The checks were evaluated again: the export is what the profile's checks make of its values, and
      // the counts are the fields below the threshold.
      expect(recheck(x)).toEqual(x);
      if (byCheck >= 0) expect(x.checks.filter((c) => c.rule === 'project-name-unique-in-unit' && !c.ok)).toEqual([]);
      expect(x.review.flagged).toBe(before.review.flagged - 3);

      const audit = new Database(db, { readonly: true }).prepare('SELECT field_path, action, original_value, corrected_value, reviewer FROM corrections ORDER BY corrected_at, rowid').all();
      expect(audit).toEqual([
        { field_path: corrected.slice(65), action: 'correct', original_value: JSON.stringify(old), corrected_value: JSON.stringify(value), reviewer: REVIEWER },
        { field_path: acceptedWithCtrl.slice(65), action: 'accept', original_value: JSON.stringify(fieldAt(before, parseFieldId(acceptedWithCtrl).path).value), corrected_value: JSON.stringify(fieldAt(before, parseFieldId(acceptedWithCtrl).path).value), reviewer: REVIEWER },
        { field_path: acceptedWithA.slice(65), action: 'accept', original_value: JSON.stringify(fieldAt(before, parseFieldId(acceptedWithA).path).value), corrected_value: JSON.stringify(fieldAt(before, parseFieldId(acceptedWithA).path).value), reviewer: REVIEWER },
      ]);
    } finally {
      await browser.close();
    }
  });
});

function readExtraction(db: string, sha256: string): Extraction {
  const raw = new Database(db, { readonly: true });
  try {
    return Extraction.parse(JSON.parse((raw.prepare('SELECT extraction FROM documents WHERE sha256 = ?').get(sha256) as { extraction: string }).extraction));
  } finally {
    raw.close();
  }
}
