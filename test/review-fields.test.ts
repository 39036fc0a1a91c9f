/**
 * Review's addressing and editing of fields: paths and ids (nothing outside the grammar, nothing outside the
 * document), values as the editor shows them and reads them back, on every field of real extractions.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReviewError } from '../review/errors.js';
import { displayValue, fieldAt, fieldKind, formatFieldPath, listFields, parseEditedValue, parseFieldId, parseFieldPath } from '../review/fields.js';
import { extractOnce, SAMPLES_DIR } from './helpers/samples.js';

const SHA = 'ab'.repeat(32);

/** The ReviewError `fn` throws. */
function reviewError(fn: () => unknown): ReviewError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ReviewError) return error;
    throw error;
  }
  throw new Error('Expected a ReviewError, got none');
}

describe('field paths and ids', () => {
  it('reads row, indicator and document paths and writes them back the same', () => {
    for (const text of ['5/total', '0/name', '12/goal', '5/indicators/2/annualTarget', '0/indicators/0/level1', 'document/department']) {
      expect(formatFieldPath(parseFieldPath(text))).toBe(text);
    }
    expect(parseFieldPath('5/indicators/2/annualTarget')).toEqual({ scope: 'indicator', row: 5, indicator: 2, key: 'annualTarget' });
    expect(parseFieldId(`${SHA}/5/total`)).toEqual({ sha256: SHA, path: { scope: 'row', row: 5, key: 'total' } });
  });

  it('refuses anything outside the grammar with a 400 that says what was expected', () => {
    for (const text of ['../../etc/passwd', '5/../total', '05/total', '5/total/', '/5/total', '5/unit', '5/indicators', '5/indicators/x/name', '5/indicators/1/goal', 'document/rows', '1e3/total', '5/constructor', '5/__proto__']) {
      const error = reviewError(() => parseFieldPath(text));
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/^Expected a field path such as 5\/total/);
    }
    for (const id of ['../../etc/passwd', `${SHA.toUpperCase()}/5/total`, `${SHA}x/5/total`, '/etc/passwd', 42, null]) {
      expect(reviewError(() => parseFieldId(id)).status).toBe(400);
    }
  });

  it('finds only fields the document has: a row or indicator past the end is a 404 naming the range', async () => {
    const x = await extractOnce(path.join(SAMPLES_DIR, 'liwan-weijian.chromium.pdf'));
    const past = reviewError(() => fieldAt(x, parseFieldPath(`${x.rows.length}/total`)));
    expect(past.status).toBe(404);
    expect(past.message).toBe(`Expected a row position from 0 to ${x.rows.length - 1}, got ${x.rows.length}`);
    const totalRow = x.rows.findIndex((r) => r.indicators.length === 0);
    expect(reviewError(() => fieldAt(x, parseFieldPath(`${totalRow}/indicators/0/name`))).message).toMatch(/from none \(the row has no indicators\), got 0/);
    const project = x.rows.findIndex((r) => r.indicators.length > 0);
    expect(fieldAt(x, parseFieldPath(`${project}/indicators/0/name`))).toBe(x.rows[project]!.indicators[0]!.name);
  });
});

describe('values in the editor', () => {
  it('reads amounts as numbers, empty as none, and refuses anything else with "Expected a number"', () => {
    expect(parseEditedValue('amount', '1,234.50', 1)).toBe(1234.5);
    expect(parseEditedValue('amount', ' 21947.14 ', 1)).toBe(21947.14);
    expect(parseEditedValue('amount', '', 1)).toBeNull();
    expect(parseEditedValue('amount', '-', 1)).toBeNull();
    for (const garbage of ['12a', '1.2.3', 'abc', '1,23', 'Infinity', '1e5']) {
      const error = reviewError(() => parseEditedValue('amount', garbage, 1));
      expect(error.status).toBe(400);
      expect(error.message).toBe(`Expected a number, got "${garbage}" (an amount such as 21947.14, or nothing for an empty cell)`);
    }
    expect(reviewError(() => parseEditedValue('amount', 12, 1)).message).toBe('Expected the corrected value as text, got number');
  });

  it('parses targets again from the corrected raw text, and levels as code-name', () => {
    expect(parseEditedValue('target', '≥12次', null)).toEqual({ raw: '≥12次', comparator: '>=', value: 12, unit: '次' });
    expect(parseEditedValue('target', '5场以上', null)).toEqual({ raw: '5场以上', comparator: '>=', value: 5, unit: '场' });
    expect(parseEditedValue('target', '月清月结', null)).toEqual({ raw: '月清月结', comparator: null, value: null, unit: null });
    expect(parseEditedValue('level', '1-产出指标', null)).toEqual({ code: '1', name: '产出指标' });
    expect(parseEditedValue('level', '12－质量指标', null)).toEqual({ code: '12', name: '质量指标' });
    expect(reviewError(() => parseEditedValue('level', '产出指标', null)).message).toBe('Expected a level such as 1-产出指标 (code, dash, name), got "产出指标"');
  });

  it('takes line breaks out of text, keeps an empty optional text as it was, and refuses an empty name', () => {
    expect(parseEditedValue('text', '保障办公\n大楼运转', 'x')).toBe('保障办公大楼运转');
    expect(parseEditedValue('optional-text', '', null)).toBeNull();
    expect(parseEditedValue('optional-text', '', 'goal')).toBe('');
    expect(reviewError(() => parseEditedValue('text', '  ', 'x')).message).toBe('Expected some text, got nothing (this field cannot be empty)');
    expect(reviewError(() => parseEditedValue('text', 'x'.repeat(10_001), 'x')).status).toBe(413);
  });

  it('shows every field of real extractions as text that reads back to the same value', async () => {
    for (const sample of ['liwan-weijian.chromium.pdf', 'liwan-kegongxin.libreoffice.pdf']) {
      const x = await extractOnce(path.join(SAMPLES_DIR, sample));
      const fields = listFields(x);
      // Every field the pipeline counts, each once.
      expect(fields.length).toBe(x.review.fields);
      expect(new Set(fields.map((f) => formatFieldPath(f.path))).size).toBe(fields.length);
      for (const { path: p, field } of fields) {
        const kind = fieldKind(p);
        expect(parseEditedValue(kind, displayValue(kind, field.value), field.value), `${sample} ${formatFieldPath(p)}`).toEqual(field.value);
      }
    }
  });
});
