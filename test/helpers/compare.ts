/**
 * Field-by-field comparison of an extraction with a sample's expected JSON: which fields are wrong, and which
 * of those are silent (at or above the review threshold).
 */
import type { Extraction, Field } from '../../schemas/extraction.js';
import type { ExpectedSample } from './samples.js';

export interface FieldMiss {
  path: string;
  got: unknown;
  want: unknown;
  confidence: number;
}

/** Compare the rows present in both (a missing or invented row is for the caller to test). */
export function compareWithExpected(x: Extraction, expected: ExpectedSample): { fields: number; wrong: FieldMiss[]; silent: FieldMiss[] } {
  const wrong: FieldMiss[] = [];
  let fields = 0;
  const check = (path: string, f: Field<unknown>, want: unknown) => {
    fields++;
    if (JSON.stringify(f.value) !== JSON.stringify(want)) wrong.push({ path, got: f.value, want, confidence: f.confidence });
  };
  check('document/title', x.document.title, expected.document.title);
  check('document/department', x.document.department, expected.document.department);
  check('document/currencyUnit', x.document.currencyUnit, expected.document.currencyUnit);
  expected.rows.forEach((want, i) => {
    const got = x.rows[i];
    if (!got) return;
    for (const key of ['name', 'total', 'fiscal', 'specialAccount', 'other', 'goal'] as const) check(`${i}/${key}`, got[key], want[key]);
    want.indicators.forEach((wi, j) => {
      const gi = got.indicators[j];
      if (!gi) return;
      for (const key of ['level1', 'level2', 'name', 'periodTarget', 'annualTarget'] as const) check(`${i}/indicators/${j}/${key}`, gi[key], wi[key]);
    });
  });
  return { fields, wrong, silent: wrong.filter((w) => w.confidence >= x.review.threshold) };
}
