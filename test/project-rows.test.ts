/**
 * A project row read by OCR to typed fields: what the row's own text says of how far each field can be trusted.
 */
import { describe, expect, it } from 'vitest';
import { stitchedToDraftRow } from '../extractors/profiles/project-expenditure/rows.js';
import { ocrReadText, stitchedRow } from './helpers/builders.js';

const INDICATORS = '1、1-产出指标；11-数量指标；接种人数；实施周期指标值:200人；年度指标值:200人。';

describe('a project row read by OCR', () => {
  it('keeps a name and a goal in Chinese at the confidence OCR gave them', () => {
    const row = stitchedToDraftRow(stitchedRow({ name: ocrReadText('预防接种经费'), total: ocrReadText('12.00'), goal: ocrReadText('做好预防接种。'), indicators: ocrReadText(INDICATORS) }));
    expect(row.name.confidence).toBeGreaterThanOrEqual(0.9);
    expect(row.goal.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('flags a name or a goal in which OCR read no Chinese character (a page whose glyphs came out as boxes: 0000)', () => {
    const row = stitchedToDraftRow(stitchedRow({ name: ocrReadText('DO0O000000000', 0.95), total: ocrReadText('12.00'), goal: ocrReadText('0000', 0.95), indicators: ocrReadText(INDICATORS) }));
    expect(row.kind).toBe('project');
    expect(row.name.confidence).toBeLessThan(0.9);
    expect(row.goal.confidence).toBeLessThan(0.9);
    expect(row.goal.notes).toContain('no Chinese character read in the 绩效目标: OCR read something else');
  });

  it('leaves the goal of a unit row alone, which it has none of, whatever ink OCR could not read in its cell', () => {
    const row = stitchedToDraftRow(stitchedRow({ name: ocrReadText('广州市荔湾区卫生健康局'), total: ocrReadText('12.00'), goal: ocrReadText('\uFFFD'), indicators: ocrReadText('') }));
    expect(row.kind).toBe('unit');
    expect(row.goal.value).toBeNull();
    expect(row.goal.notes.join()).not.toContain('no Chinese character');
  });
});
