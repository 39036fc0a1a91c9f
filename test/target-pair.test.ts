/**
 * A pair of targets read by OCR whose forms disagree: one with a comparator and its twin without, or one
 * character apart. The likely misread is flagged.
 */
import { describe, expect, it } from 'vitest';
import { stitchedToDraftRow } from '../extractors/profiles/project-expenditure/rows.js';
import type { CharBox, PositionedText } from '../extractors/text/positioned-text.js';
import type { StitchedRow } from '../pipeline/types.js';

/** A cell's text as OCR read it: every character placed, at 0.98. */
function ocr(text: string): PositionedText {
  return { text, boxes: [...text].map((_, i): CharBox => ({ page: 1, bbox: [i * 10, 0, i * 10 + 10, 10], confidence: 0.98 })) };
}

function row(indicators: string): StitchedRow {
  const cell = (text: string) => ({ text: ocr(text), straddling: 0, parts: 1, regions: [] });
  return {
    pages: [1],
    cells: new Map([
      ['name', cell('文明祭扫宣传经费')],
      ['total', cell('12.00')],
      ['fiscal', cell('12.00')],
      ['goal', cell('倡导文明低碳祭扫。')],
      ['indicators', cell(indicators)],
    ]),
    readConfidence: 0.98,
    joinedColumns: [],
    notes: [],
  };
}

describe('a pair of targets read by OCR', () => {
  it('flags the target without a comparator where its twin has one (≥70% / 65%), and only that one', () => {
    const draft = stitchedToDraftRow(row('1、2-效益指标；23-生态效益指标；文明低碳祭扫方式参与率；实施周期指标值:≥70%；年度指标值:65%。'));
    const [indicator] = draft.indicators;
    expect(indicator!.annualTarget.confidence).toBeLessThan(0.9);
    expect(indicator!.annualTarget.notes.join(' ')).toMatch(/no comparator where its twin ≥70% has one/);
    expect(indicator!.periodTarget.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('leaves a pair alone that both have a comparator, or neither, or that are in different units', () => {
    for (const targets of ['实施周期指标值:≥70%；年度指标值:≥65%', '实施周期指标值:70%；年度指标值:65%', '实施周期指标值:≥2次；年度指标值:65%']) {
      const [indicator] = stitchedToDraftRow(row(`1、2-效益指标；23-生态效益指标；参与率；${targets}。`)).indicators;
      expect([indicator!.periodTarget.confidence, indicator!.annualTarget.confidence].every((c) => c >= 0.9)).toBe(true);
    }
  });
});
