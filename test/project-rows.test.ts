/**
 * A project row read by OCR to typed fields: what the row's own text says of how far each field can be trusted.
 */
import { describe, expect, it } from 'vitest';
import { stitchedToDraftRow } from '../extractors/profiles/project-expenditure/rows.js';
import { ocrReadText, stitchedRow } from './helpers/builders.js';
import type { DraftIndicator } from '../pipeline/types.js';

const INDICATORS = '1、1-产出指标；11-数量指标；接种人数；实施周期指标值:200人；年度指标值:200人。';

/** `list` read by OCR, the characters at the keys of `disputes` read otherwise by the other model (the value). */
function withDisputes(list: string, disputes: ReadonlyMap<number, string>) {
  const read = ocrReadText(list);
  return { ...read, boxes: read.boxes.map((b, at) => (disputes.has(at) ? { ...b!, confidence: 0.5, doubt: `two OCR models read these characters differently: one read ${list[at]}, the other ${disputes.get(at)}` } : b)) };
}

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

  it('flags the last target of an indicator list that does not end with 。 (稳步提高。 read 稳步提), and no other', () => {
    const cut = '1、1-产出指标；11-数量指标；接种人数；实施周期指标值:200人；年度指标值:200人。2、2-效益指标；24-可持续影响指标；管理水平；实施周期指标值:稳步提高；年度指标值:稳步提';
    const row = stitchedToDraftRow(stitchedRow({ name: ocrReadText('预防接种经费'), total: ocrReadText('12.00'), goal: ocrReadText('做好预防接种。'), indicators: ocrReadText(cut) }));
    expect(row.indicators.map((i) => i.annualTarget.confidence < 0.9)).toEqual([false, true]);
    expect(row.indicators[1]!.annualTarget.notes).toContain('the 绩效指标 cell does not end with 。: characters at its end may be lost');
    const whole = stitchedToDraftRow(stitchedRow({ name: ocrReadText('预防接种经费'), total: ocrReadText('12.00'), goal: ocrReadText('做好预防接种。'), indicators: ocrReadText(INDICATORS) }));
    expect(whole.indicators[0]!.annualTarget.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('reads a ‰ read as % and a letter o in a goal (成灾率控制在2%o以下), flagged as the likely reading', () => {
    const row = stitchedToDraftRow(stitchedRow({ name: ocrReadText('预防接种经费'), total: ocrReadText('12.00'), goal: ocrReadText('成灾率控制在2%o以下。'), indicators: ocrReadText(INDICATORS) }));
    expect(row.goal.value).toBe('成灾率控制在2‰以下。');
    expect(row.goal.confidence).toBeLessThan(0.9);
    expect(row.goal.notes).toContain('repaired: «%o» read as ‰: the circle of a per mille sign');
  });

  it('drops the o read after a ‰ in a goal (成灾率控制在2‰o以下): the ‰’s last ring read again', () => {
    const row = stitchedToDraftRow(stitchedRow({ name: ocrReadText('预防接种经费'), total: ocrReadText('12.00'), goal: ocrReadText('成灾率控制在2‰o以下。'), indicators: ocrReadText(INDICATORS) }));
    expect(row.goal.value).toBe('成灾率控制在2‰以下。');
    expect(row.goal.confidence).toBeLessThan(0.9);
  });

  it('flags an OCR-read target that opens with a comparator and does not parse (≥2024年增长≥8%), or whose unit is letters no table writes (51x)', () => {
    const list = '1、2-效益指标；21-经济效益指标；集体经济收入；实施周期指标值:≥2024年增长≥8%；年度指标值:≥51x。';
    const row = stitchedToDraftRow(stitchedRow({ name: ocrReadText('预防接种经费'), total: ocrReadText('12.00'), goal: ocrReadText('做好预防接种。'), indicators: ocrReadText(list) }));
    expect(row.indicators[0]!.periodTarget.notes).toContain('≥ opens the target but no number and unit follow it: it may be a misread character (较, 至)');
    expect(row.indicators[0]!.periodTarget.confidence).toBeLessThan(0.9);
    expect(row.indicators[0]!.annualTarget.notes).toContain('the unit x holds x, which no table writes as a unit: letters may be misread (lx read as 1x) or a sign lost (hm²)');
    expect(row.indicators[0]!.annualTarget.confidence).toBeLessThan(0.9);
  });

  it('flags a goal that does not end with 。 (its end may be lost), and leaves one that does', () => {
    const cut = stitchedToDraftRow(stitchedRow({ name: ocrReadText('预防接种经费'), total: ocrReadText('12.00'), goal: ocrReadText('报销医疗费用中的自付部分'), indicators: ocrReadText(INDICATORS) }));
    expect(cut.goal.confidence).toBeLessThan(0.9);
    expect(cut.goal.notes).toContain('the 绩效目标 does not end with 。: characters at its end may be lost');
    const whole = stitchedToDraftRow(stitchedRow({ name: ocrReadText('预防接种经费'), total: ocrReadText('12.00'), goal: ocrReadText('报销医疗费用中的自付部分。'), indicators: ocrReadText(INDICATORS) }));
    expect(whole.goal.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('reads the letter x between two numbers of a target as × (7×24小时 read 7x24小时), flagged', () => {
    const list = '1、1-产出指标；13-时效指标；服务热线接听时间；实施周期指标值:7x24小时；年度指标值:7×24小时。';
    const row = stitchedToDraftRow(stitchedRow({ name: ocrReadText('预防接种经费'), total: ocrReadText('12.00'), goal: ocrReadText('做好预防接种。'), indicators: ocrReadText(list) }));
    expect(row.indicators[0]!.periodTarget.value.raw).toBe('7×24小时');
    expect(row.indicators[0]!.periodTarget.confidence).toBeLessThan(0.9);
    expect(row.indicators[0]!.annualTarget.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('reads the letter x between two numbers of a goal as × (7x24小时), flagged', () => {
    const row = stitchedToDraftRow(stitchedRow({ name: ocrReadText('机房运维经费'), total: ocrReadText('12.00'), goal: ocrReadText('开展7x24小时值守。'), indicators: ocrReadText(INDICATORS) }));
    expect(row.goal.value).toBe('开展7×24小时值守。');
    expect(row.goal.confidence).toBeLessThan(0.9);
  });

  it('parses an item whose label colons OCR lost, flagging a number after the lost colon that has no comparator, not a date or words', () => {
    const list = '1、1-产出指标；11-数量指标；完成评审项目数量；实施周期指标值120个；年度指标值:≥120个。2、1-产出指标；13-时效指标；完成时间；实施周期指标值2025年11月；年度指标值收到材料后10个工作日内。';
    const row = stitchedToDraftRow(stitchedRow({ name: ocrReadText('评审经费'), total: ocrReadText('12.00'), goal: ocrReadText('做好评审。'), indicators: ocrReadText(list) }));
    const [count, time] = row.indicators as [DraftIndicator, DraftIndicator];
    expect(count.periodTarget.value.raw).toBe('120个');
    expect(count.periodTarget.confidence).toBeLessThan(0.9);
    expect(count.periodTarget.notes).toContain('the colon after the label was not read, and 120个 has no comparator: one may be lost with the colon');
    // The item parses: its levels and name keep their own confidence, and so do targets no comparator can open.
    for (const f of [count.level1, count.level2, count.name, time.name, time.periodTarget, time.annualTarget]) expect(f.confidence).toBeGreaterThanOrEqual(0.9);
    expect(time.periodTarget.value.raw).toBe('2025年11月');
    expect(time.annualTarget.value.raw).toBe('收到材料后10个工作日内');
  });

  it('flags a project read by OCR whose 绩效指标 came out empty (its cell may be lost), not a unit row', () => {
    const row = stitchedToDraftRow(stitchedRow({ name: ocrReadText('经济运行监测分析经费'), total: ocrReadText('42.00'), goal: ocrReadText('开展经济运行监测分析。'), indicators: ocrReadText('') }));
    expect(row.kind).toBe('project');
    expect(row.name.confidence).toBeLessThan(0.9);
    expect(row.name.notes).toContain('no 绩效指标 read for this project: its cell may be lost');
    const unit = stitchedToDraftRow(stitchedRow({ name: ocrReadText('广州市荔湾区统计局'), total: ocrReadText('42.00'), goal: ocrReadText(''), indicators: ocrReadText('') }));
    expect(unit.name.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('flags a percentage above 100 (100% read as 400%), which no target of the samples is', () => {
    const list = '1、1-产出指标；12-质量指标；验收合格率；实施周期指标值:400%；年度指标值:100%。';
    const row = stitchedToDraftRow(stitchedRow({ name: ocrReadText('驿站建设经费'), total: ocrReadText('12.00'), goal: ocrReadText('建成驿站。'), indicators: ocrReadText(list) }));
    expect(row.indicators[0]!.periodTarget.notes).toContain('400% is a percentage above 100: a digit may be misread');
    expect(row.indicators[0]!.periodTarget.confidence).toBeLessThan(0.9);
  });

  it('flags a ratio after a comparator (≥1:5), whose colon may be the ratio sign ∶, not a time (每周一17:00前)', () => {
    const list = '1、1-产出指标；12-质量指标；带动社会投资比例；实施周期指标值:≥1:5；年度指标值:每周一17:00前。';
    const row = stitchedToDraftRow(stitchedRow({ name: ocrReadText('以工代赈项目经费'), total: ocrReadText('12.00'), goal: ocrReadText('带动投资。'), indicators: ocrReadText(list) }));
    expect(row.indicators[0]!.periodTarget.notes).toContain('≥1:5 is a ratio: its colon may be the ratio sign ∶, which OCR reads as :');
    expect(row.indicators[0]!.periodTarget.confidence).toBeLessThan(0.9);
    expect(row.indicators[0]!.annualTarget.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('flags a count with no number before it (每日次: the 1 of 每日1次 lost by both models), not one with its numeral (每季度一次)', () => {
    const list = '1、1-产出指标；12-数量指标；数据备份频次；实施周期指标值:每日次；年度指标值:每季度一次。';
    const row = stitchedToDraftRow(stitchedRow({ name: ocrReadText('信息系统运维经费'), total: ocrReadText('12.00'), goal: ocrReadText('保障系统运行。'), indicators: ocrReadText(list) }));
    expect(row.indicators[0]!.periodTarget.notes).toContain('每日次 counts with no number: a digit may be lost');
    expect(row.indicators[0]!.periodTarget.confidence).toBeLessThan(0.9);
    expect(row.indicators[0]!.annualTarget.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('flags a number that opens with 0 before another digit (≥000Mbps: the 1, lost), not a date or a time', () => {
    const list = '1、1-产出指标；12-质量指标；链路带宽；实施周期指标值:≥000Mbps；年度指标值:每日08:30前。';
    const row = stitchedToDraftRow(stitchedRow({ name: ocrReadText('外网运维经费'), total: ocrReadText('12.00'), goal: ocrReadText('保障外网运行。'), indicators: ocrReadText(list) }));
    expect(row.indicators[0]!.periodTarget.notes).toContain('≥000Mbps opens its number with 0: leading digits may be lost');
    expect(row.indicators[0]!.annualTarget.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('flags letters after a digit of a target that is no number and unit (22C+2C for 22℃±2℃)', () => {
    const list = '1、1-产出指标；12-质量指标；机房温度；实施周期指标值:22C+2C；年度指标值:T+1。';
    const row = stitchedToDraftRow(stitchedRow({ name: ocrReadText('机房运维经费'), total: ocrReadText('12.00'), goal: ocrReadText('保障机房运行。'), indicators: ocrReadText(list) }));
    expect(row.indicators[0]!.periodTarget.confidence).toBeLessThan(0.9);
    expect(row.indicators[0]!.periodTarget.notes).toContain('the target 22C+2℃ holds C, which no table writes as a unit: letters may be misread (lx read as 1x) or a sign lost (hm²)');
    // T+1 (a day after) has no letter after a digit.
    expect(row.indicators[0]!.annualTarget.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('doubts a twin read alike where the other model read another digit in the first (4份 / 4份, 1 read for the first 4), not where it read a letter', () => {
    const list = '1、1-产出指标；11-数量指标；服务合同；实施周期指标值:4份；年度指标值:4份。2、1-产出指标；11-数量指标；报告；实施周期指标值:1份；年度指标值:1份。';
    const text = withDisputes(list, new Map([[list.indexOf('4份'), '1'], [list.indexOf('1份'), 'L']]));
    const row = stitchedToDraftRow(stitchedRow({ name: ocrReadText('服务外包经费'), total: ocrReadText('12.00'), goal: ocrReadText('支付服务费。'), indicators: text }));
    const [four, one] = row.indicators as [DraftIndicator, DraftIndicator];
    expect(four.annualTarget.confidence).toBeLessThan(0.9);
    expect(four.annualTarget.notes).toContain('its twin reads 4份 too, and the other OCR model read another digit for its 4 there: the same glyph may be misread here');
    expect(one.annualTarget.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('takes the other model’s character in a target’s unit where it makes a unit and the first reading none (≥150雷, ≥150亩)', () => {
    const list = '1、1-产出指标；11-数量指标；改造面积；实施周期指标值:≥150雷；年度指标值:≥50亩。2、1-产出指标；14-成本指标；补助标准；实施周期指标值:≤3万元/副；年度指标值:≤3万元/副。';
    const text = withDisputes(list, new Map([[list.indexOf('雷'), '亩'], [list.indexOf('副'), '盏']]));
    const row = stitchedToDraftRow(stitchedRow({ name: ocrReadText('农业基地改造经费'), total: ocrReadText('12.00'), goal: ocrReadText('改造基地。'), indicators: text }));
    const [area, cost] = row.indicators as [DraftIndicator, DraftIndicator];
    expect(area.periodTarget.value).toMatchObject({ raw: '≥150亩', value: 150, unit: '亩' });
    expect(area.periodTarget.notes).toContain('repaired: OCR read 雷, the other OCR model 亩: 亩 is a unit, 雷 none');
    expect(area.periodTarget.confidence).toBeLessThan(0.9);
    // 副 is a measure word as well as 盏: the first reading stands, in doubt.
    expect(cost.periodTarget.value.unit).toBe('万元/副');
    expect(cost.periodTarget.confidence).toBeLessThan(0.9);
  });
});

