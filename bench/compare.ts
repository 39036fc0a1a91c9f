/**
 * A sample's expected JSON (made from its source truth by `samples/tools/build.mjs --expected`), and the
 * field-by-field comparison of an extraction with it: shared by the tests and the benchmark.
 */
import type { Extraction, Field, Target } from '../schemas/extraction.js';

export interface ExpectedIndicator {
  seq: number;
  level1: { code: string; name: string };
  level2: { code: string; name: string };
  name: string;
  periodTarget: Target;
  annualTarget: Target;
}

export interface ExpectedRow {
  kind: 'total' | 'unit' | 'project';
  unit: string | null;
  name: string;
  total: number | null;
  fiscal: number | null;
  specialAccount: number | null;
  other: number | null;
  goal: string | null;
  indicators: ExpectedIndicator[];
}

export interface ExpectedSample {
  sample: string;
  producer: string;
  document: { title: string; department: string; currencyUnit: string };
  rows: ExpectedRow[];
  failingChecks: { rule: string; row: number }[];
}

export interface FieldMiss {
  path: string;
  got: unknown;
  want: unknown;
  /** The field's confidence; -1 when the field is missing altogether (its row or indicator was not found). */
  confidence: number;
}

/**
 * Every expected field against the extraction: the fields compared, the wrong ones, and the silent ones
 * (wrong at or above the review threshold). A field of a missing row or indicator counts as wrong, not silent.
 */
export function compareWithExpected(x: Extraction, expected: ExpectedSample): { fields: number; wrong: FieldMiss[]; silent: FieldMiss[] } {
  const wrong: FieldMiss[] = [];
  let fields = 0;
  const check = (path: string, f: Field<unknown> | undefined, want: unknown) => {
    fields++;
    if (!f || JSON.stringify(f.value) !== JSON.stringify(want)) wrong.push({ path, got: f?.value, want, confidence: f?.confidence ?? -1 });
  };
  check('document/title', x.document.title, expected.document.title);
  check('document/department', x.document.department, expected.document.department);
  check('document/currencyUnit', x.document.currencyUnit, expected.document.currencyUnit);
  expected.rows.forEach((want, i) => {
    const got = x.rows[i];
    for (const key of ['name', 'total', 'fiscal', 'specialAccount', 'other', 'goal'] as const) check(`${i}/${key}`, got?.[key], want[key]);
    want.indicators.forEach((wi, j) => {
      const gi = got?.indicators[j];
      for (const key of ['level1', 'level2', 'name', 'periodTarget', 'annualTarget'] as const) check(`${i}/indicators/${j}/${key}`, gi?.[key], wi[key]);
    });
  });
  return { fields, wrong, silent: wrong.filter((w) => w.confidence >= x.review.threshold) };
}
