/**
 * A review action and what follows it: the field becomes the reviewer's, the checks are evaluated again with
 * the profile's functions (a corrected amount makes a sum fail, or pass again, and the fields a check capped
 * get their confidence back), targets are parsed again, and the review counts follow.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCheckNote, replayNotes, REPLAY_TOLERANCE } from '../review/check-notes.js';
import { applyReview } from '../review/corrections.js';
import { reapplyCorrections } from '../review/reapply.js';
import { ReviewError } from '../review/errors.js';
import { listFields, parseFieldPath, type FieldPath } from '../review/fields.js';
import { recheck } from '../review/recheck.js';
import type { Extraction } from '../schemas/extraction.js';
import { extractOnce, SAMPLES_DIR } from './helpers/samples.js';

const SHA = 'cd'.repeat(32);
const sample = (name: string) => extractOnce(path.join(SAMPLES_DIR, name));
const review = (x: Extraction, p: string, action: 'accept' | 'correct', value?: string, expected?: string) =>
  applyReview(SHA, x, { path: parseFieldPath(p), action, value, expected, reviewer: 'tester', at: new Date('2026-03-04T05:06:07Z') });

/** Every field of `x` but the one at `except`, as text, for comparing documents field by field. */
function otherFields(x: Extraction, except: string): Map<string, string> {
  const key = (p: FieldPath) => JSON.stringify(p);
  const skip = key(parseFieldPath(except));
  return new Map(listFields(x).filter((f) => key(f.path) !== skip).map((f) => [key(f.path), JSON.stringify(f.field)]));
}

/** A project row under a unit, with a total, and its unit row. */
function projectUnderUnit(x: Extraction): { project: number; unit: number } {
  for (let i = 1; i < x.rows.length; i++) {
    if (x.rows[i]!.kind !== 'project' || x.rows[i]!.total.value === null) continue;
    for (let u = i - 1; u >= 0; u--) if (x.rows[u]!.kind === 'unit') return { project: i, unit: u };
  }
  throw new Error('Expected a project under a unit, got none');
}

describe('checks evaluated again', () => {
  it('gives back what extraction gave when nothing was reviewed (the same checks, confidences and counts)', async () => {
    for (const name of ['liwan-weijian.chromium.pdf', 'liwan-kegongxin.libreoffice.pdf', 'liwan-weijian.chromium-noborders.pdf']) {
      const x = await sample(name);
      expect(recheck(x), name).toEqual(x);
    }
  });

  it('makes the sums fail around a wrong amount, and pass again, every other field as extracted, when it is put right', async () => {
    const x = await sample('liwan-weijian.chromium.pdf');
    expect(x.checks.filter((c) => c.rule.includes('sum') || c.rule.includes('add-up')).every((c) => c.ok)).toBe(true);
    const { project, unit } = projectUnderUnit(x);
    const original = x.rows[project]!.total.value!;
    const wrong = (original + 1).toFixed(2);

    const broken = review(x, `${project}/total`, 'correct', wrong);
    const b = broken.extraction;
    const row = b.rows[project]!;
    expect(row.total).toMatchObject({ value: original + 1, confidence: 1, notes: ['reviewed'] });
    const rowCheck = b.checks.find((c) => c.rule === 'row-amounts-add-up' && c.rows[0] === project)!;
    expect(rowCheck.ok).toBe(false);
    expect(rowCheck.message).toContain(`got ${(original + 1).toFixed(2)}`);
    // The parts of the row are suspects now; the reviewed total is not.
    expect(row.fiscal.confidence).toBe(0.85);
    expect(row.fiscal.notes).toContain(`row-amounts-add-up failed: ${rowCheck.message}`);
    const unitCheck = b.checks.find((c) => c.rule === 'unit-equals-sum-of-projects' && c.rows[0] === unit)!;
    expect(unitCheck.ok).toBe(false);
    expect(unitCheck.message).toMatch(/总计: expected [\d.]+ \(the sum of its \d+ projects\), got [\d.]+/);
    expect(b.rows[unit]!.total.confidence).toBe(0.5);
    expect(b.rows[unit]!.needsReview).toBe(true);
    expect(b.review.flagged).toBe(listFields(b).filter((f) => f.field.confidence < b.review.threshold).length);
    expect(b.review.flagged).toBeGreaterThan(x.review.flagged);
    expect(broken.correction).toMatchObject({ documentSha256: SHA, fieldPath: `${project}/total`, action: 'correct', originalValue: original, originalConfidence: x.rows[project]!.total.confidence, correctedValue: original + 1, reviewer: 'tester', correctedAt: '2026-03-04T05:06:07.000Z' });

    const fixed = review(b, `${project}/total`, 'correct', String(original)).extraction;
    expect(fixed.checks).toEqual(x.checks);
    expect(otherFields(fixed, `${project}/total`)).toEqual(otherFields(x, `${project}/total`));
    expect(fixed.review.flagged).toBe(x.review.flagged);
    expect(fixed.rows.map((r) => r.needsReview)).toEqual(x.rows.map((r) => r.needsReview));
  });

  it('vouches for a doubtful amount while its sums add up, and takes the vouch back when a correction breaks them', async () => {
    const x = structuredClone(await sample('liwan-weijian.chromium.pdf'));
    const { project, unit } = projectUnderUnit(x);
    // As if OCR had doubted one figure of the project's 财政拨款.
    x.rows[project]!.fiscal.confidence = 0.5;
    x.rows[project]!.fiscal.notes = ['read by OCR (lowest character confidence 0.50)'];
    const vouched = recheck(x);
    expect(vouched.rows[project]!.fiscal.confidence).toBe(0.95);
    expect(vouched.rows[project]!.fiscal.notes!.at(-1)).toMatch(/^vouched for by row-amounts-add-up, unit-equals-sum-of-projects.*: raised from 0\.5000$/);

    const unitFiscal = vouched.rows[unit]!.fiscal.value!;
    const broken = review(vouched, `${unit}/fiscal`, 'correct', (unitFiscal + 1).toFixed(2)).extraction;
    expect(broken.rows[project]!.fiscal.confidence).toBe(0.5);
    expect(broken.rows[project]!.fiscal.notes!.some((n) => n.startsWith('vouched'))).toBe(false);
    const fixed = review(broken, `${unit}/fiscal`, 'correct', String(unitFiscal)).extraction;
    expect(fixed.rows[project]!.fiscal).toEqual(vouched.rows[project]!.fiscal);
  });

  it('parses a corrected target again and lets the check it failed pass, its twin back at the confidence it had', async () => {
    const x = await sample('liwan-kegongxin.libreoffice.pdf');
    const failed = x.checks.find((c) => c.rule === 'targets-same-unit' && !c.ok)!;
    const r = failed.rows[0]!;
    const i = x.rows[r]!.indicators.findIndex((ind) => ind.periodTarget.value.unit !== ind.annualTarget.value.unit);
    const ind = x.rows[r]!.indicators[i]!;
    expect(ind.periodTarget.confidence).toBe(0.6);
    const raw = `${ind.periodTarget.value.value}${ind.periodTarget.value.unit}`;

    const after = review(x, `${r}/indicators/${i}/annualTarget`, 'correct', raw, ind.annualTarget.value.raw).extraction;
    const fixed = after.rows[r]!.indicators[i]!;
    expect(fixed.annualTarget).toMatchObject({ value: { raw, comparator: '=', value: ind.periodTarget.value.value, unit: ind.periodTarget.value.unit }, confidence: 1, notes: ['reviewed'] });
    expect(after.checks.find((c) => c.rule === 'targets-same-unit' && c.rows[0] === r)).toMatchObject({ ok: true });
    // Its only note was the check's: it reads as a clean text layer again.
    expect(fixed.periodTarget.notes).toBeUndefined();
    expect(fixed.periodTarget.confidence).toBe(0.99);
    expect(after.review.flagged).toBe(x.review.flagged - 2);
  });

  it('keeps a reviewed field at 1 when a check around it fails, and accepts a value sent back unchanged', async () => {
    const x = await sample('liwan-weijian.chromium.pdf');
    const { project } = projectUnderUnit(x);
    const accepted = review(x, `${project}/fiscal`, 'correct', String(x.rows[project]!.fiscal.value));
    expect(accepted.correction.action).toBe('accept');
    expect(accepted.extraction.rows[project]!.fiscal).toMatchObject({ value: x.rows[project]!.fiscal.value, confidence: 1, notes: ['reviewed'] });
    const broken = review(accepted.extraction, `${project}/total`, 'correct', '1').extraction;
    expect(broken.rows[project]!.fiscal).toMatchObject({ confidence: 1, notes: ['reviewed'] });
    expect(broken.checks.find((c) => c.rule === 'row-amounts-add-up' && c.rows[0] === project)?.ok).toBe(false);
  });

  it('renames the unit of its projects when a unit row is renamed, and the name check follows', async () => {
    const x = await sample('liwan-weijian.chromium.pdf');
    const { project, unit } = projectUnderUnit(x);
    const old = x.rows[unit]!.name.value;
    const after = review(x, `${unit}/name`, 'correct', `${old}（更正）`).extraction;
    expect(after.rows[project]!.unit).toBe(`${old}（更正）`);
    expect(after.rows.filter((r) => r.unit === old)).toEqual([]);
    const duplicate = after.checks.find((c) => c.rule === 'project-name-unique-in-unit' && !c.ok);
    if (duplicate) expect(duplicate.message).toContain(after.rows[duplicate.rows[0]!]!.unit!);
  });

  it('refuses to apply on top of a value someone else changed (409), and garbage amounts (400), changing nothing', async () => {
    const x = await sample('liwan-weijian.chromium.pdf');
    const before = structuredClone(x);
    const { project } = projectUnderUnit(x);
    const stale = (() => {
      try {
        review(x, `${project}/total`, 'correct', '5', 'not what it shows');
      } catch (error) {
        return error as ReviewError;
      }
    })();
    expect(stale?.status).toBe(409);
    expect(stale?.message).toMatch(/^Expected \d+\/total to still read "not what it shows", got "[\d.]+": someone changed it meanwhile/);
    expect(() => review(x, `${project}/total`, 'correct', '12,3a')).toThrow('Expected a number, got "12,3a"');
    expect(x).toEqual(before);
  });
});

describe('replaying notes (how a field gets back the confidence a check took)', () => {
  it('gives every row and indicator field of the born-digital samples its confidence from its notes alone', async () => {
    for (const name of ['liwan-weijian.chromium.pdf', 'liwan-kegongxin.libreoffice.pdf', 'liwan-weijian.chromium-noborders.pdf', 'liwan-weijian.calc.pdf']) {
      const x = await sample(name);
      let replayed = 0;
      const fields = listFields(x).filter((f) => f.path.scope !== 'document' && !(f.field.notes ?? []).some(isCheckNote));
      for (const { path: p, field } of fields) {
        const method = x.source.pages[(field.sources[0]?.page ?? 1) - 1]!.method;
        const r = replayNotes(field.notes ?? [], method);
        if (r === null) continue;
        replayed++;
        expect(Math.abs(r - field.confidence), `${name} ${JSON.stringify(p)} ${JSON.stringify(field.notes)}`).toBeLessThanOrEqual(REPLAY_TOLERANCE);
      }
      expect(replayed / fields.length, name).toBeGreaterThan(0.95);
    }
  });
});

describe('corrections carried over to a new extraction', () => {
  it('applies each in order where the field reads what the reviewer saw, and no other', async () => {
    const x = await sample('liwan-weijian.chromium.pdf');
    const { project, unit } = projectUnderUnit(x);
    const first = review(x, `${project}/total`, 'correct', '10');
    const second = review(first.extraction, `${project}/total`, 'correct', '12');
    const renamed = review(second.extraction, `${unit}/name`, 'correct', '改名的单位');
    const all = [first.correction, second.correction, renamed.correction];
    // The same reading: the document comes back exactly as review left it.
    expect(reapplyCorrections(x, all)).toEqual({ extraction: renamed.extraction, applied: all.map((c) => c.id) });
    // A reading that differs where a correction was made, and a path the new reading has no field at.
    const other = structuredClone(x);
    other.rows[unit]!.name.value = '另一种读法';
    const gone = { ...first.correction, id: 'gone', fieldPath: `${x.rows.length}/total` };
    const result = reapplyCorrections(other, [gone, ...all]);
    expect(result.applied).toEqual([first.correction.id, second.correction.id]);
    expect(result.extraction.rows[project]!.total).toMatchObject({ value: 12, confidence: 1 });
    expect(result.extraction.rows[unit]!.name.value).toBe('另一种读法');
    expect(result.extraction.rows[project]!.unit).toBe(x.rows[project]!.unit);
    expect(reapplyCorrections(x, [])).toEqual({ extraction: x, applied: [] });
  });
});
