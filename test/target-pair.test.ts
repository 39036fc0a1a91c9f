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

describe('a pair of targets read by OCR one character apart', () => {
  it('flags both where their comparators differ as well (>工6万路 / ≥16万路: 1.6 read as 工6 in one and as 16 in the other)', () => {
    const [indicator] = stitchedToDraftRow(row('1、1-产出指标；11-数量指标；接入视频路数；实施周期指标值:>工6万路；年度指标值:≥16万路。')).indicators;
    for (const target of [indicator!.periodTarget, indicator!.annualTarget]) {
      expect(target.confidence).toBeLessThan(0.9);
      expect(target.notes.join(' ')).toMatch(/differ by one character/);
    }
  });

  it('leaves twins whose comparators differ and whose numbers are two targets (≥95% / >90%)', () => {
    const [indicator] = stitchedToDraftRow(row('1、1-产出指标；12-质量指标；合格率；实施周期指标值:≥95%；年度指标值:>90%。')).indicators;
    expect([indicator!.periodTarget.confidence, indicator!.annualTarget.confidence].every((c) => c >= 0.9)).toBe(true);
  });
});

describe('a pair of targets read by OCR that each lack a digit the other has', () => {
  it('flags both (2025年2月31日前完成 / 2025年12月3日前完成: one date, a 1 dropped from each)', () => {
    const [indicator] = stitchedToDraftRow(row('1、1-产出指标；13-时效指标；完成时间；实施周期指标值:2025年2月31日前完成；年度指标值:2025年12月3日前完成。')).indicators;
    for (const target of [indicator!.periodTarget, indicator!.annualTarget]) {
      expect(target.confidence).toBeLessThan(0.9);
      expect(target.notes.join(' ')).toMatch(/each lack a digit the other has/);
    }
  });

  it('leaves one digit for another alone (≥95% / ≥90% are two targets), and a pair read alike', () => {
    for (const targets of ['实施周期指标值:≥95%；年度指标值:≥90%', '实施周期指标值:2025年12月31日前；年度指标值:2025年12月31日前']) {
      const [indicator] = stitchedToDraftRow(row(`1、1-产出指标；12-质量指标；合格率；${targets}。`)).indicators;
      expect([indicator!.periodTarget.confidence, indicator!.annualTarget.confidence].every((c) => c >= 0.9)).toBe(true);
    }
  });
});

describe('a pair of targets read by OCR, one without the other’s leading group of thousands', () => {
  it('flags both (≥1,200家 / ≥200家: the 1, lost inside the box OCR gave the colon)', () => {
    for (const targets of ['实施周期指标值:≥1,200家；年度指标值:≥200家', '实施周期指标值:≥200家；年度指标值:≥1,200家', '实施周期指标值:12,500人；年度指标值:500人']) {
      const [indicator] = stitchedToDraftRow(row(`1、1-产出指标；11-数量指标；检查企业数量；${targets}。`)).indicators;
      for (const target of [indicator!.periodTarget, indicator!.annualTarget]) {
        expect(target.confidence).toBeLessThan(0.9);
        expect(target.notes.join(' ')).toMatch(/differ by a group of thousands/);
      }
    }
  });

  it('leaves other differences alone: a trailing group (1,200 / 1,), a group of another number, a digit of the group', () => {
    for (const targets of ['实施周期指标值:≥1,200家；年度指标值:≥1,家', '实施周期指标值:≥1,200家；年度指标值:≥1200家', '实施周期指标值:≥2,200家；年度指标值:≥1,200家', '实施周期指标值:≥11,200家；年度指标值:≥1,200家']) {
      const [indicator] = stitchedToDraftRow(row(`1、1-产出指标；11-数量指标；检查企业数量；${targets}。`)).indicators;
      expect(indicator!.periodTarget.notes.join(' '), targets).not.toMatch(/group of thousands/);
    }
  });
});

describe('a rate’s target read by OCR with its % as digits', () => {
  it('reads the digits after a rate above 100 as % (≥9596, 10096, ≥959), flagged', () => {
    const draft = stitchedToDraftRow(row('1、1-产出指标；12-质量指标；抽检合格率；实施周期指标值:10096；年度指标值:≥9596。2、1-产出指标；12-质量指标；覆盖率；实施周期指标值:≥959；年度指标值:≥95%。3、3-满意度指标；31-服务对象满意度指标；参训人员满意度；实施周期指标值:≥90%；年度指标值:≥909。'));
    const [indicator, single, satisfaction] = draft.indicators;
    expect(satisfaction!.annualTarget.value.raw).toBe('≥90%');
    expect(indicator!.periodTarget.value.raw).toBe('100%');
    expect(indicator!.annualTarget.value.raw).toBe('≥95%');
    expect(single!.periodTarget.value.raw).toBe('≥95%');
    expect(indicator!.annualTarget.value.value).toBe(95);
    for (const target of [indicator!.periodTarget, indicator!.annualTarget]) {
      expect(target.confidence).toBeLessThan(0.9);
      expect(target.notes.join(' ')).toMatch(/read as %/);
    }
  });

  it('reads a Chinese character after the digits of a rate as % (≥95咒, =100名: a serif %), surely for a plain rate, flagged for a satisfaction; not 分, 次 or 倍, nor after a count or a value ‰ may have', () => {
    const draft = stitchedToDraftRow(row('1、1-产出指标；12-质量指标；抽检合格率；实施周期指标值:≥95咒；年度指标值:=100名。'));
    const [indicator] = draft.indicators;
    expect([indicator!.periodTarget.value.raw, indicator!.annualTarget.value.raw]).toEqual(['≥95%', '=100%']);
    expect(indicator!.annualTarget.value).toMatchObject({ comparator: '=', value: 100, unit: '%' });
    for (const target of [indicator!.periodTarget, indicator!.annualTarget]) {
      expect(target.confidence).toBeGreaterThanOrEqual(0.9);
      expect(target.notes.join(' ')).toMatch(/read as %: a rate's unit is %/);
    }
    // A satisfaction may be scored in 分, misread as any character.
    const [satisfaction] = stitchedToDraftRow(row('1、1-产出指标；31-服务对象满意度指标；服务对象满意度；实施周期指标值:≥95咒；年度指标值:≥95咒。')).indicators;
    expect(satisfaction!.periodTarget.value.raw).toBe('≥95%');
    expect(satisfaction!.periodTarget.confidence).toBeLessThan(0.9);
    for (const [name, target] of [['满意度', '≥90分'], ['车位周转率', '≥12次'], ['增长率', '≥20倍'], ['培训人次', '≥95名'], ['发生率', '≤0.5咒'], ['覆盖率', '≥120吕']]) {
      const [kept] = stitchedToDraftRow(row(`1、1-产出指标；12-质量指标；${name}；实施周期指标值:${target}；年度指标值:${target}。`)).indicators;
      expect(kept!.periodTarget.value.raw).toBe(target);
    }
  });

  it('takes a name for a rate’s only where the rate word ends it: 获得超比例奖励的用人单位 counts employers (≥85家 kept, FandolSong read it right)', () => {
    for (const [name, target] of [['获得超比例奖励的用人单位', '≥85家'], ['仲裁服务满意度测评得分', '≥98分'], ['超比例安排就业的残疾人', '≥340人']]) {
      const [indicator] = stitchedToDraftRow(row(`1、1-产出指标；11-数量指标；${name}；实施周期指标值:${target}；年度指标值:${target}。`)).indicators;
      expect(indicator!.periodTarget.value.raw).toBe(target);
      expect(indicator!.periodTarget.confidence).toBeGreaterThanOrEqual(0.9);
    }
    // A bracketed qualifier after the rate word leaves it a rate.
    const [qualified] = stitchedToDraftRow(row('1、1-产出指标；12-质量指标；抽检合格率（城区）；实施周期指标值:≥95咒；年度指标值:≥95咒。')).indicators;
    expect(qualified!.periodTarget.value.raw).toBe('≥95%');
  });

  it('leaves a count alone, a rate at or below 100, and digits that would leave more than 100 before them', () => {
    for (const [name, target] of [['培训人次', '≥9596'], ['覆盖率', '≥96'], ['覆盖率', '99.96%'], ['覆盖率', '≥12096']]) {
      const [indicator] = stitchedToDraftRow(row(`1、1-产出指标；12-质量指标；${name}；实施周期指标值:${target}；年度指标值:${target}。`)).indicators;
      expect(indicator!.periodTarget.value.raw).toBe(target);
    }
  });
});

describe('level names read by OCR', () => {
  it('writes a level name one character off as its code’s name (1-严出指标 → 1-产出指标, 11-数量指际 → 11-数量指标)', () => {
    const [indicator] = stitchedToDraftRow(row('1、1-严出指标；11-数量指际；宣传场次；实施周期指标值:≥4场；年度指标值:≥4场。')).indicators;
    expect(indicator!.level1.value).toEqual({ code: '1', name: '产出指标' });
    expect(indicator!.level2.value).toEqual({ code: '11', name: '数量指标' });
    expect(indicator!.level1.notes.join(' ')).toMatch(/严出指标 read as 产出指标, the name of level code 1/);
  });

  it('flags a level name outside the format’s vocabulary that no code dictates, and leaves the names of the vocabulary alone', () => {
    const [odd] = stitchedToDraftRow(row('1、1-严出标准；22-社会效益；宣传场次；实施周期指标值:≥4场；年度指标值:≥4场。')).indicators;
    expect(odd!.level1.value.name).toBe('严出标准');
    expect(odd!.level1.confidence).toBeLessThan(0.9);
    expect(odd!.level1.notes.join(' ')).toMatch(/严出标准 is no level 1 name of the format: misread/);
    expect(odd!.level2.confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe('a comparator whose shape said nothing', () => {
  /** The indicators cell with the comparator at `at` marked as the comparator slot marks one it could not read. */
  function undecidedAt(indicators: string, at: number): StitchedRow {
    const r = row(indicators);
    const cell = r.cells.get('indicators')!;
    const boxes = cell.text.boxes.map((b, i) => (i === at ? { ...b!, confidence: 0.5, repair: '> before a number could be a comparator (≥ ≤ > < =); its shape did not say which' } : b));
    return { ...r, cells: new Map([...r.cells, ['indicators', { ...cell, text: { text: cell.text.text, boxes } }]]) };
  }

  it('takes its twin target’s comparator where the two are alike in all else (>95% beside ≥95%), flagged', () => {
    const text = '1、1-产出指标；12-质量指标；合格率；实施周期指标值:>95%；年度指标值:≥95%。';
    const [indicator] = stitchedToDraftRow(undecidedAt(text, text.indexOf('>'))).indicators;
    expect(indicator!.periodTarget.value).toMatchObject({ raw: '≥95%', comparator: '>=', value: 95 });
    expect(indicator!.periodTarget.confidence).toBeLessThan(0.9);
    expect(indicator!.periodTarget.notes.join(' ')).toMatch(/> read as ≥: its shape did not say which, and its twin ≥95% reads ≥/);
    // The twin is no longer one character off it.
    expect(indicator!.annualTarget.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('leaves it where the twin differs in more than the comparator, or where the twin’s shape said nothing either', () => {
    const other = '1、1-产出指标；12-质量指标；合格率；实施周期指标值:>95%；年度指标值:≥90%。';
    expect(stitchedToDraftRow(undecidedAt(other, other.indexOf('>'))).indicators[0]!.periodTarget.value.raw).toBe('>95%');
    const both = '1、1-产出指标；12-质量指标；合格率；实施周期指标值:>95%；年度指标值:>95%。';
    const r = undecidedAt(both, both.indexOf('>'));
    const cell = r.cells.get('indicators')!;
    const at = both.lastIndexOf('>');
    const boxes = cell.text.boxes.map((b, i) => (i === at ? { ...b!, repair: '> before a number could be a comparator (≥ ≤ > < =); its shape did not say which' } : b));
    const [indicator] = stitchedToDraftRow({ ...r, cells: new Map([...r.cells, ['indicators', { ...cell, text: { text: both, boxes } }]]) }).indicators;
    expect([indicator!.periodTarget.value.raw, indicator!.annualTarget.value.raw]).toEqual(['>95%', '>95%']);
  });

  it('puts back the twin’s comparator where the colon before a bare number swallowed a glyph (指标值:46.8公里 / ≥46.8公里), flagged', () => {
    const swallowedAt = (indicators: string, at: number): StitchedRow => {
      const r = row(indicators);
      const cell = r.cells.get('indicators')!;
      const boxes = cell.text.boxes.map((b, i) => (i === at ? { ...b!, confidence: 0.5, doubt: ': read where the ink is much wider than :: a character beside it may be missing' } : b));
      return { ...r, cells: new Map([...r.cells, ['indicators', { ...cell, text: { text: cell.text.text, boxes } }]]) };
    };
    const text = '1、1-产出指标；11-数量指标；养护里程；实施周期指标值:≥46.8公里；年度指标值:46.8公里。';
    const [indicator] = stitchedToDraftRow(swallowedAt(text, text.lastIndexOf(':'))).indicators;
    expect(indicator!.annualTarget.value).toMatchObject({ raw: '≥46.8公里', comparator: '>=', value: 46.8, unit: '公里' });
    expect(indicator!.annualTarget.confidence).toBeLessThan(0.9);
    expect(indicator!.annualTarget.notes).toContain("≥ put back before 46.8公里: the colon before it holds a glyph's ink, and its twin ≥46.8公里 opens with ≥");
    // A colon that swallowed nothing, or a twin of another unit, leaves the bare number as read.
    expect(stitchedToDraftRow(row(text)).indicators[0]!.annualTarget.value.raw).toBe('46.8公里');
    const units = '1、1-产出指标；11-数量指标；养护里程；实施周期指标值:≥46.8公里；年度指标值:46.8%。';
    expect(stitchedToDraftRow(swallowedAt(units, units.lastIndexOf(':'))).indicators[0]!.annualTarget.value.raw).toBe('46.8%');
  });

  it('doubts both twins read alike where the other model read a glyph before the first digit of one (6,500台 / 6,500台 with 之 before one 6)', () => {
    const text = ocr('1、1-产出指标；11-数量指标；更新设备数量；实施周期指标值:6,500台；年度指标值:6,500台。');
    const at = text.text.lastIndexOf('6,500');
    const boxes = text.boxes.map((b, i) => (i === at ? { ...b!, confidence: 0.5, doubt: 'two OCR models read these characters differently: the other read 之 before 6, where one read nothing' } : b));
    const r = row('');
    r.cells.set('indicators', { text: { text: text.text, boxes }, straddling: 0, parts: 1, regions: [] });
    const [indicator] = stitchedToDraftRow(r).indicators;
    expect(indicator!.periodTarget.confidence).toBeLessThan(0.9);
    expect(indicator!.periodTarget.notes.join(' ')).toMatch(/its twin reads 6,500台 too, and OCR doubted its first character there: two OCR models read these characters differently: the other read 之 before 6/);
    // Without such a doubt, twins read alike are left alone.
    expect(stitchedToDraftRow(row('1、1-产出指标；11-数量指标；更新设备数量；实施周期指标值:6,500台；年度指标值:6,500台。')).indicators[0]!.periodTarget.confidence).toBeGreaterThanOrEqual(0.9);
  });
});
