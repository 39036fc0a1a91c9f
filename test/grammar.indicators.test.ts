import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  parseIndicatorList,
  type IndicatorListParse,
  type ParsedIndicator,
  type Span,
} from '../extractors/profiles/project-expenditure/indicator-grammar.js';

const SEED = fileURLToPath(new URL('./fixtures/seed/000_f899a0809e88c676.txt', import.meta.url));

interface SeedRow {
  project: string;
  indicators: string;
}

/**
 * The seed's project rows with their 绩效指标 cell. A line whose first six cells are empty continues the row
 * above across a page break, so its last cell is appended to that row's cell (this rebuilds 科学技术支出项目).
 */
function seedRows(): SeedRow[] {
  const rows: SeedRow[] = [];
  for (const line of readFileSync(SEED, 'utf8').split('\n')) {
    const cells = line.split('\t');
    if (cells.length !== 7) continue;
    const last = cells[6] ?? '';
    if (cells.slice(0, 6).every((c) => c === '')) {
      const previous = rows[rows.length - 1];
      if (!previous) throw new Error('continuation line before any row');
      previous.indicators += last;
      continue;
    }
    rows.push({ project: cells[0] ?? '', indicators: last });
  }
  return rows.filter((r) => r.indicators !== '' && r.indicators !== '绩效指标');
}

const LEVEL1: Record<string, string> = { '1': '产出指标', '2': '效益指标', '3': '满意度指标', '4': '成本指标' };
const LEVEL2: Record<string, string> = {
  '11': '数量指标',
  '12': '质量指标',
  '13': '时效指标',
  '21': '经济效益',
  '22': '社会效益',
  '23': '生态效益',
  '31': '服务对象满意度',
  '41': '经济成本指标',
  '42': '社会成本指标',
  '43': '生态环境成本指标',
};

function sliceOf(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** The fields a reader cares about, without spans, for exact comparisons. */
function summary(i: ParsedIndicator) {
  return {
    seq: i.seq,
    level1: i.level1 && { code: i.level1.code, name: i.level1.name },
    level2: i.level2 && { code: i.level2.code, name: i.level2.name },
    name: i.name?.value ?? null,
    period: i.periodTarget?.raw ?? null,
    annual: i.annualTarget?.raw ?? null,
  };
}

/** Every span lies inside the text and slices back to the value it claims to hold. */
function expectSpansSliceBack(text: string, parse: IndicatorListParse): void {
  for (const i of parse.indicators) {
    expect(sliceOf(text, i.seqSpan).replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))).toBe(String(i.seq));
    if (i.name) expect(sliceOf(text, i.name.span)).toBe(i.name.value);
    if (i.periodTarget) expect(sliceOf(text, i.periodTarget.span)).toBe(i.periodTarget.raw);
    if (i.annualTarget) expect(sliceOf(text, i.annualTarget.span)).toBe(i.annualTarget.raw);
    for (const level of [i.level1, i.level2]) {
      if (!level) continue;
      const piece = sliceOf(text, level.span);
      expect(piece.startsWith(level.code)).toBe(true);
      expect(piece.endsWith(level.name)).toBe(true);
    }
    for (const inner of [i.seqSpan, i.name?.span, i.periodTarget?.span, i.annualTarget?.span]) {
      if (!inner) continue;
      expect(inner.start).toBeGreaterThanOrEqual(i.span.start);
      expect(inner.end).toBeLessThanOrEqual(i.span.end);
    }
  }
  for (const u of parse.unparsed) expect(sliceOf(text, u.span)).toBe(u.text);
}

/** Items and unparsed stretches are disjoint, in order, and together hold every non-blank character. */
function expectNothingLost(text: string, parse: IndicatorListParse): void {
  const spans = [...parse.indicators.map((i) => i.span), ...parse.unparsed.map((u) => u.span)].sort(
    (a, b) => a.start - b.start,
  );
  let covered = 0;
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(covered);
    expect(s.end).toBeGreaterThanOrEqual(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(covered, s.start).trim()).toBe('');
    covered = s.end;
  }
  expect(text.slice(covered).trim()).toBe('');
}

function item(project: string, seq: number): ParsedIndicator {
  const row = seedRows().find((r) => r.project === project);
  if (!row) throw new Error(`no seed row ${project}`);
  const found = parseIndicatorList(row.indicators).indicators.find((i) => i.seq === seq);
  if (!found) throw new Error(`no item ${seq} in ${project}`);
  return found;
}

describe('parseIndicatorList on every 绩效指标 cell of the seed', () => {
  const rows = seedRows();

  it('finds the 24 project rows that have indicators, 99 items in all', () => {
    expect(rows).toHaveLength(24);
    expect(rows.reduce((n, r) => n + parseIndicatorList(r.indicators).indicators.length, 0)).toBe(99);
  });

  it('rebuilds the row cut by a page break into one six-item cell', () => {
    const row = rows.find((r) => r.project === '科学技术支出项目');
    expect(row?.indicators.endsWith('实施周期指标值:是; 年度指标值:是。')).toBe(true);
    expect(parseIndicatorList(row?.indicators ?? '').indicators).toHaveLength(6);
  });

  for (const row of rows) {
    it(`parses ${row.project} with no problems, nothing unparsed, seq 1..n and known level codes`, () => {
      const parse = parseIndicatorList(row.indicators);
      expect(parse.unparsed).toEqual([]);
      expect(parse.indicators.length).toBeGreaterThan(0);
      parse.indicators.forEach((i, k) => {
        expect(i.problems).toEqual([]);
        expect(i.seq).toBe(k + 1);
        expect(i.level1).not.toBeNull();
        expect(i.level2).not.toBeNull();
        expect(LEVEL1[i.level1?.code ?? '']).toBe(i.level1?.name);
        expect(LEVEL2[i.level2?.code ?? '']).toBe(i.level2?.name);
        expect(i.level2?.code.startsWith(i.level1?.code ?? '?')).toBe(true);
        expect(i.name?.value).toBeTruthy();
        expect(i.periodTarget?.raw).toBeTruthy();
        expect(i.annualTarget?.raw).toBeTruthy();
        expect(sliceOf(row.indicators, i.span).endsWith('。')).toBe(true);
      });
      expectSpansSliceBack(row.indicators, parse);
      expectNothingLost(row.indicators, parse);
    });
  }
});

describe('parseIndicatorList on specific seed items', () => {
  const cases: [project: string, seq: number, expected: ReturnType<typeof summary>][] = [
    [
      '物业管理专项经费',
      1,
      {
        seq: 1,
        level1: { code: '1', name: '产出指标' },
        level2: { code: '11', name: '数量指标' },
        name: '房屋物业管理面积',
        period: '2408平方米',
        annual: '2408平方米',
      },
    ],
    [
      '物业管理专项经费',
      4,
      {
        seq: 4,
        level1: { code: '1', name: '产出指标' },
        level2: { code: '13', name: '时效指标' },
        name: '水电费清缴期限',
        period: '月清月结',
        annual: '月清月结',
      },
    ],
    [
      '科学技术支出项目',
      1,
      {
        seq: 1,
        level1: { code: '1', name: '产出指标' },
        level2: { code: '11', name: '数量指标' },
        name: 'R&D统计填报数',
        period: '≥22亿元',
        annual: '≥22亿元',
      },
    ],
    [
      '科学技术支出项目',
      4,
      {
        seq: 4,
        level1: { code: '1', name: '产出指标' },
        level2: { code: '11', name: '数量指标' },
        name: '认定产业领军人才（团队）数量',
        period: '≥8个',
        annual: '≥8个',
      },
    ],
    [
      '科学技术支出项目',
      6,
      {
        seq: 6,
        level1: { code: '2', name: '效益指标' },
        level2: { code: '22', name: '社会效益' },
        name: '项目对荔湾区科技创新创业氛围具有提升作用（是/否）',
        period: '是',
        annual: '是',
      },
    ],
    [
      '科技活动周宣传活动项目经费',
      1,
      {
        seq: 1,
        level1: { code: '1', name: '产出指标' },
        level2: { code: '11', name: '数量指标' },
        name: '举办一般科普活动场次',
        period: '5场以上',
        annual: '5场以上',
      },
    ],
    [
      '科技事务管理费',
      4,
      {
        seq: 4,
        level1: { code: '2', name: '效益指标' },
        level2: { code: '21', name: '经济效益' },
        name: '项目对荔湾区科技管理水平具有持续提升作用(是/否)',
        period: '是',
        annual: '是',
      },
    ],
    [
      '中小企业服务工作经费',
      3,
      {
        seq: 3,
        level1: { code: '1', name: '产出指标' },
        level2: { code: '11', name: '数量指标' },
        name: '举办民营活动周、“一月一链 一起益企”“小企业大未来”中小企业发展巡回课堂一优质中小企业梯度培育活动等系列活动次数',
        period: '12次',
        annual: '12次',
      },
    ],
    [
      '中小企业高质量发展扶持经费',
      1,
      {
        seq: 1,
        level1: { code: '1', name: '产出指标' },
        level2: { code: '11', name: '数量指标' },
        name: '新增省级专精特新企业数量',
        period: '30家',
        annual: '10家',
      },
    ],
    [
      '北交所华南服务基地运营服务项目',
      1,
      {
        seq: 1,
        level1: { code: '1', name: '产出指标' },
        level2: { code: '11', name: '数量指标' },
        name: '北交所、新三板公益性培训服务场次',
        period: '15场',
        annual: '15家',
      },
    ],
    [
      '两新组织党务工作者补贴',
      3,
      {
        seq: 3,
        level1: { code: '3', name: '满意度指标' },
        level2: { code: '31', name: '服务对象满意度' },
        name: '兼职两新党组织书记对补贴发放工作满意度（%）',
        period: '100%',
        annual: '100%',
      },
    ],
    [
      '海龙围科创区工作经费',
      1,
      {
        seq: 1,
        level1: { code: '1', name: '产出指标' },
        level2: { code: '11', name: '数量指标' },
        name: '评估项目数量',
        period: '评估起步区已落地项目数13个',
        annual: '评估起步区已落地项目数13个',
      },
    ],
    [
      '海龙围科创区工作经费',
      2,
      {
        seq: 2,
        level1: { code: '1', name: '产出指标' },
        level2: { code: '13', name: '时效指标' },
        name: '年度资金支出进度（%）',
        period: '年度资金支出进度（%）=100%',
        annual: '年度资金支出进度（%）=100%',
      },
    ],
    [
      '海龙围科创区工作经费',
      4,
      {
        seq: 4,
        level1: { code: '4', name: '成本指标' },
        level2: { code: '41', name: '经济成本指标' },
        name: '预算（成本）的控制率',
        period: '实际支出≤预算值（100%）',
        annual: '实际支出≤预算值（100%）',
      },
    ],
  ];
  for (const [project, seq, expected] of cases) {
    it(`reads ${project} item ${seq}: ${expected.name}`, () => {
      const found = item(project, seq);
      expect(summary(found)).toEqual(expected);
      expect(found.problems).toEqual([]);
    });
  }
});

describe('parseIndicatorList on written-out forms', () => {
  it('reads half-width separators with spaces around them', () => {
    const text =
      '1、1-产出指标 ; 11-数量指标 ;举办大型科普活动场次 ;  实施周期指标值 : 1场 ; 年度指标值 :1场 。 2、2-效益指标; 22-社会效益; 项目对提高科学普及程度有积极作用(是/否); 实施周期指标值:是; 年度指标值:是。';
    const parse = parseIndicatorList(text);
    expect(parse.unparsed).toEqual([]);
    expect(parse.indicators.map((i) => i.problems)).toEqual([[], []]);
    expect(parse.indicators.map(summary)).toEqual([
      {
        seq: 1,
        level1: { code: '1', name: '产出指标' },
        level2: { code: '11', name: '数量指标' },
        name: '举办大型科普活动场次',
        period: '1场',
        annual: '1场',
      },
      {
        seq: 2,
        level1: { code: '2', name: '效益指标' },
        level2: { code: '22', name: '社会效益' },
        name: '项目对提高科学普及程度有积极作用(是/否)',
        period: '是',
        annual: '是',
      },
    ]);
    expectSpansSliceBack(text, parse);
  });

  it('reads full-width colons, a full-width dash and an em dash in the codes', () => {
    const parse = parseIndicatorList('1、1－产出指标；11—数量指标；走访企业数量；实施周期指标值：115家；年度指标值：115家。');
    expect(parse.indicators.map(summary)).toEqual([
      {
        seq: 1,
        level1: { code: '1', name: '产出指标' },
        level2: { code: '11', name: '数量指标' },
        name: '走访企业数量',
        period: '115家',
        annual: '115家',
      },
    ]);
    expect(parse.indicators[0]?.problems).toEqual([]);
  });

  it('reads two-digit sequence numbers', () => {
    const text = Array.from(
      { length: 12 },
      (_, k) => `${k + 1}、1-产出指标；11-数量指标；指标${k + 1}；实施周期指标值:${k + 1}次；年度指标值:${k + 1}次。`,
    ).join('');
    const parse = parseIndicatorList(text);
    expect(parse.unparsed).toEqual([]);
    expect(parse.indicators.map((i) => i.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const tenth = parse.indicators[9];
    expect(tenth && summary(tenth)).toMatchObject({ seq: 10, name: '指标10', period: '10次', annual: '10次' });
    expect(tenth && sliceOf(text, tenth.seqSpan)).toBe('10');
    expect(parse.indicators.every((i) => i.problems.length === 0)).toBe(true);
  });

  it('keeps 、 and （%） inside a name', () => {
    const parse = parseIndicatorList('1、1-产出指标；12-质量指标；设备完好率、可用率（%）；实施周期指标值:≥95%；年度指标值:≥95%。');
    expect(parse.indicators[0]?.name?.value).toBe('设备完好率、可用率（%）');
    expect(parse.indicators[0]?.problems).toEqual([]);
  });

  it('does not split at a digit and 、 inside a name, which is not preceded by 。', () => {
    const parse = parseIndicatorList('1、1-产出指标；11-数量指标；第1、2季度报告数；实施周期指标值:2份；年度指标值:2份。');
    expect(parse.indicators).toHaveLength(1);
    expect(parse.indicators[0]?.name?.value).toBe('第1、2季度报告数');
  });

  it('keeps a target with ≤ and brackets whole', () => {
    const parse = parseIndicatorList('1、4-成本指标；41-经济成本指标；预算（成本）的控制率；实施周期指标值:实际支出≤预算值（100%）；年度指标值:实际支出≤预算值（100%）');
    expect(parse.indicators[0]?.periodTarget?.raw).toBe('实际支出≤预算值（100%）');
    expect(parse.indicators[0]?.annualTarget?.raw).toBe('实际支出≤预算值（100%）');
    expect(parse.indicators[0]?.problems).toEqual([]);
  });

  it('keeps a colon inside a target', () => {
    const parse = parseIndicatorList('1、1-产出指标；12-质量指标；配套比例；实施周期指标值:1:1；年度指标值:1:1。');
    expect(parse.indicators[0]?.periodTarget?.raw).toBe('1:1');
    expect(parse.indicators[0]?.annualTarget?.raw).toBe('1:1');
  });

  it('reads an item without 实施周期指标值 and says so', () => {
    const text = '1、1-产出指标；11-数量指标；房屋物业管理面积；年度指标值:2408平方米。2、1-产出指标；11-数量指标；电梯维修检测数；年度指标值:1次。';
    const parse = parseIndicatorList(text);
    expect(parse.unparsed).toEqual([]);
    expect(parse.indicators.map(summary)).toEqual([
      {
        seq: 1,
        level1: { code: '1', name: '产出指标' },
        level2: { code: '11', name: '数量指标' },
        name: '房屋物业管理面积',
        period: null,
        annual: '2408平方米',
      },
      {
        seq: 2,
        level1: { code: '1', name: '产出指标' },
        level2: { code: '11', name: '数量指标' },
        name: '电梯维修检测数',
        period: null,
        annual: '1次',
      },
    ]);
    expect(parse.indicators[0]?.problems).toEqual(['Expected 实施周期指标值 before 年度指标值']);
  });

  it('reads an item without 年度指标值 and says so', () => {
    const parse = parseIndicatorList('1、1-产出指标；11-数量指标；电梯维修检测数；实施周期指标值:1次。');
    expect(parse.indicators[0]?.periodTarget?.raw).toBe('1次');
    expect(parse.indicators[0]?.annualTarget).toBeNull();
    expect(parse.indicators[0]?.problems).toEqual(['Expected 年度指标值, got end of item']);
  });

  it('notes labels in the wrong order without losing the text', () => {
    const text = '1、1-产出指标；11-数量指标；电梯维修检测数；年度指标值:1次；实施周期指标值:1次。';
    const parse = parseIndicatorList(text);
    expect(parse.indicators[0]?.periodTarget?.raw).toBe('1次');
    expect(parse.indicators[0]?.problems).toContain('Expected 年度指标值 after 实施周期指标值, got it before');
    expectNothingLost(text, parse);
  });

  it('notes a level name without a code', () => {
    const parse = parseIndicatorList('1、产出指标；11-数量指标；电梯维修检测数；实施周期指标值:1次；年度指标值:1次。');
    expect(parse.indicators[0]?.level1).toMatchObject({ code: '', name: '产出指标' });
    expect(parse.indicators[0]?.problems).toEqual(['Expected a numeric level 1 code before 产出指标']);
  });

  it('notes a code not followed by -', () => {
    const parse = parseIndicatorList('1、1-产出指标；11数量指标；电梯维修检测数；实施周期指标值:1次；年度指标值:1次。');
    expect(parse.indicators[0]?.level2).toMatchObject({ code: '11', name: '数量指标' });
    expect(parse.indicators[0]?.problems).toHaveLength(1);
  });

  it('reads a missing level 2 as missing rather than taking the name for it', () => {
    const parse = parseIndicatorList('1、1-产出指标；电梯维修检测数；实施周期指标值:1次；年度指标值:1次。');
    expect(summary(parse.indicators[0] as ParsedIndicator)).toMatchObject({ level2: null, name: '电梯维修检测数' });
    expect(parse.indicators[0]?.problems).toEqual(['Expected a level 2 code-name before the indicator name 电梯维修检测数']);
  });

  it('notes an empty value after a label', () => {
    const parse = parseIndicatorList('1、1-产出指标；11-数量指标；电梯维修检测数；实施周期指标值:；年度指标值:1次。');
    expect(parse.indicators[0]?.periodTarget).toBeNull();
    expect(parse.indicators[0]?.problems).toEqual(['Expected a value after 实施周期指标值, got nothing']);
  });

  it('ends an item at the next N、code- when its 。 is missing, and says so', () => {
    const parse = parseIndicatorList('1、1-产出指标；11-数量指标；甲；实施周期指标值:1次；年度指标值:1次2、1-产出指标；11-数量指标；乙；实施周期指标值:2次；年度指标值:2次。');
    expect(parse.indicators.map((i) => [i.seq, i.name?.value, i.annualTarget?.raw])).toEqual([
      [1, '甲', '1次'],
      [2, '乙', '2次'],
    ]);
    expect(parse.indicators[0]?.problems).toEqual(['Expected 。 to end the item before 2、']);
    expect(parse.indicators[1]?.problems).toEqual([]);
  });

  it('ends an item at the next number and a level name whose dash OCR lost (≥95% 7、3清意硫指标), and only at the next number', () => {
    const text = '6、2-效益指标；22-社会效益；甲；实施周期指标值:≥95%；年度指标值:≥95% 7、3清意硫指标;31服务对象满意展；乙；实施周期指标值:≥99.9%；年度指标值:≥99.9%。';
    const parse = parseIndicatorList(text);
    expect(parse.indicators.map((i) => [i.seq, i.level1?.code, i.name?.value, i.annualTarget?.raw])).toEqual([
      [6, '2', '甲', '≥95%'],
      [7, '3', '乙', '≥99.9%'],
    ]);
    expect(parse.indicators[0]?.problems).toEqual(['Expected 。 to end the item before 7、']);
    expectNothingLost(text, parse);
    // A number that is not the next one stays in the target it stands in.
    const other = parseIndicatorList('6、2-效益指标；22-社会效益；甲；实施周期指标值:≥95%；年度指标值:≥95% 9、3清意硫指标。');
    expect(other.indicators.map((i) => i.annualTarget?.raw)).toEqual(['≥95% 9、3清意硫指标']);
  });

  it('puts text before the first item and after the last 。 in unparsed', () => {
    const text = '绩效指标：1、1-产出指标；11-数量指标；甲；实施周期指标值:1次；年度指标值:1次。（续表）';
    const parse = parseIndicatorList(text);
    expect(parse.indicators).toHaveLength(1);
    expect(parse.indicators[0]?.problems).toEqual([]);
    expect(parse.unparsed.map((u) => u.text)).toEqual(['绩效指标：', '（续表）']);
    expectNothingLost(text, parse);
  });

  it('resumes at a N、code- item after stray text between items', () => {
    const text = '1、1-产出指标；11-数量指标；甲；实施周期指标值:1次；年度指标值:1次。（注）2、1-产出指标；11-数量指标；乙；实施周期指标值:2次；年度指标值:2次。';
    const parse = parseIndicatorList(text);
    expect(parse.indicators.map((i) => [i.seq, i.name?.value, i.problems])).toEqual([
      [1, '甲', []],
      [2, '乙', []],
    ]);
    expect(parse.unparsed.map((u) => u.text)).toEqual(['（注）']);
  });

  it('returns nothing for empty or blank text', () => {
    for (const text of ['', '   ', '\n\t　']) expect(parseIndicatorList(text)).toEqual({ indicators: [], unparsed: [] });
  });

  it('puts garbage in unparsed without throwing', () => {
    for (const text of ['hello world', '绩效指标', '。。。；；；', '3、', '12345', 'abc 3、def', '年度指标值:5次']) {
      const parse = parseIndicatorList(text);
      expectNothingLost(text, parse);
      expectSpansSliceBack(text, parse);
      if (!/^\s*\d+、/.test(text)) {
        expect(parse.indicators).toEqual([]);
        expect(parse.unparsed).toEqual([{ span: { start: 0, end: text.length }, text }]);
      }
    }
  });

  it('reports every missing part of a bare sequence number', () => {
    const parse = parseIndicatorList('1、');
    expect(parse.indicators).toHaveLength(1);
    expect(parse.indicators[0]?.problems.length).toBeGreaterThanOrEqual(3);
    expect(parse.unparsed).toEqual([]);
  });
});

/** mulberry32: a tiny seeded generator, so that a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED_NAMES = [
  '房屋物业管理面积',
  '水电费清缴期限',
  'R&D统计填报数',
  '认定产业领军人才（团队）数量',
  '项目对荔湾区科技创新创业氛围具有提升作用（是/否）',
  '项目对提高科学普及程度有积极作用(是/否)',
  '中小企业服务政策宣讲、座谈交流、辅导讲课次数',
  '举办民营活动周、“一月一链 一起益企”“小企业大未来”中小企业发展巡回课堂一优质中小企业梯度培育活动等系列活动次数',
  '北交所、新三板公益性培训服务场次',
  '兼职两新党组织书记对补贴发放工作满意度（%）',
  '年度资金支出进度（%）',
  '预算（成本）的控制率',
  '科创区起步区项目建设进度是否加快',
  '激光与增材制造、现代中药与高端医疗器械产业规模进一步扩大',
  '规模以下企业首次成长为规模以上工业企业数',
];
const SEED_TARGETS = [
  '2408平方米',
  '1次',
  '≥12次',
  '月清月结',
  '≥22亿元',
  '5场以上',
  '≥100',
  '是',
  '200万元',
  '36个月',
  '100%',
  '20',
  '评估起步区已落地项目数13个',
  '年度资金支出进度（%）=100%',
  '科创区起步区项目建设进度加快',
  '实际支出≤预算值（100%）',
];
const LEVELS: [l1: string, l2: string][] = Object.keys(LEVEL2).map((l2) => [l2.slice(0, 1), l2]);

describe('parseIndicatorList on generated well-formed lists', () => {
  it('returns exactly what was generated, for 300 random lists', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = random(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
      const space = () => pick(['', '', ' ', '  ']);
      const sep = () => `${space()}${pick(['；', ';'])}${space()}`;
      const colon = () => `${pick(['', ' '])}${pick([':', '：'])}${space()}`;
      const n = 1 + Math.floor(rnd() * 12);
      const firstSeq = rnd() < 0.8 ? 1 : Math.floor(rnd() * 20);
      const expected: ReturnType<typeof summary>[] = [];
      let text = pick(['', ' ', '\n']);
      for (let k = 0; k < n; k++) {
        const [l1, l2] = pick(LEVELS);
        const e = {
          seq: firstSeq + k,
          level1: { code: l1, name: LEVEL1[l1] ?? '' },
          level2: { code: l2, name: LEVEL2[l2] ?? '' },
          name: pick(SEED_NAMES),
          period: pick(SEED_TARGETS),
          annual: pick(SEED_TARGETS),
        };
        expected.push(e);
        const dash = () => pick(['-', '-', '－', '—']);
        text +=
          `${e.seq}、${e.level1.code}${dash()}${e.level1.name}${sep()}${e.level2.code}${dash()}${e.level2.name}` +
          `${sep()}${e.name}${sep()}实施周期指标值${colon()}${e.period}${sep()}年度指标值${colon()}${e.annual}`;
        const last = k === n - 1;
        text += last ? pick(['', '。', '。 ', ' 。']) : `${pick(['', ' '])}。${pick(['', ' ', '\n'])}`;
      }
      const parse = parseIndicatorList(text);
      const context = `seed ${seed}: ${text}`;
      expect(parse.unparsed, context).toEqual([]);
      expect(parse.indicators.map(summary), context).toEqual(expected);
      expect(parse.indicators.flatMap((i) => i.problems), context).toEqual([]);
      expectSpansSliceBack(text, parse);
      expectNothingLost(text, parse);
    }
  });

  it('never throws and never loses text on random mixtures of the grammar’s characters', () => {
    const alphabet = ['1', '2', '12', '、', '。', '；', ';', ':', '：', '-', ' ', '实施周期指标值', '年度指标值', '产出指标', '次', '≥', '（', '）', '\n'];
    for (let seed = 1; seed <= 500; seed++) {
      const rnd = random(seed);
      const length = Math.floor(rnd() * 40);
      let text = '';
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(rnd() * alphabet.length)];
      const parse = parseIndicatorList(text);
      expectNothingLost(text, parse);
      expectSpansSliceBack(text, parse);
    }
  });
});
