/**
 * Every bundled sample, field by field, against the expected JSON made from its source truth.
 */
import { describe, expect, it } from 'vitest';
import { Extraction, type Field } from '../schemas/extraction.js';
import { extractOnce, listSamples, type ExpectedRow } from './helpers/samples.js';

/**
 * Differences that the PDF itself makes impossible to avoid, each with its reason. A space that a line wrap
 * swallowed between two ideographs leaves no trace in the text layer (no glyph, and a line end as short as
 * any other CJK wrap), so it cannot be restored.
 */
const UNRECOVERABLE: Record<string, { row: number; field: string; got: string; why: string }[]> = {
  'liwan-kegongxin.libreoffice.pdf': [
    {
      row: 8,
      field: 'indicators/2/name',
      got: '举办民营活动周、“一月一链一起益企”“小企业大未来”中小企业发展巡回课堂一优质中小企业梯度培育活动等系列活动次数',
      why: 'the space in “一月一链 一起益企” falls exactly on a line wrap',
    },
  ],
  'liwan-jiaotong.chromium-sungti-landscape.pdf': [
    {
      row: 2,
      field: 'goal',
      got: '按照《公路养护技术规范》（JTG H10—2009）和《城市桥梁养护技术标准》（CJJ99—2017）要求，对区管公路、桥梁、人行天桥及下穿隧道开展日常巡查、小修保养和专项维修，委托具有资质的第三方检测机构对区管桥梁开展定期检测和特殊检测；及时修复路面坑槽、沉陷、裂缝等病害，确保区管道路桥梁设施完好、通行安全。本年度重点完成东沙、芳村片区3座桥梁的伸缩缝更换和支座维修。',
      why: 'the space in “CJJ 99—2017” falls exactly on a line wrap, and the line before it is as full as the others',
    },
  ],
};

const samples = listSamples();

describe.each(samples)('sample $expected.sample', ({ pdf, expected }) => {
  const known = UNRECOVERABLE[expected.sample] ?? [];
  const valueAt = (row: number, field: string, actual: unknown, want: unknown): unknown => {
    const k = known.find((u) => u.row === row && u.field === field);
    if (!k) return want;
    expect(actual, k.why).toEqual(k.got);
    return k.got;
  };

  it('validates against the output schema', async () => {
    const x = await extractOnce(pdf);
    expect(() => Extraction.parse(x)).not.toThrow();
    expect(x.status).toBe('complete');
    expect(x.errors).toEqual([]);
  });

  it('reads the document fields', async () => {
    const x = await extractOnce(pdf);
    expect(x.document.title.value).toBe(expected.document.title);
    expect(x.document.department.value).toBe(expected.document.department);
    expect(x.document.currencyUnit.value).toBe(expected.document.currencyUnit);
  });

  it('has every row in place and no phantom rows', async () => {
    const x = await extractOnce(pdf);
    expect(x.rows.map((r) => `${r.kind}:${r.name.value}`)).toEqual(
      expected.rows.map((r, i) => `${r.kind}:${valueAt(i, 'name', x.rows[i]?.name.value, r.name)}`),
    );
  });

  it.each(expected.rows.map((row, i) => ({ row, i })))('row $i ($row.name) field by field', async ({ row, i }: { row: ExpectedRow; i: number }) => {
    const x = await extractOnce(pdf);
    const got = x.rows[i]!;
    expect(got.kind).toBe(row.kind);
    expect(got.unit).toBe(row.unit);
    for (const key of ['name', 'total', 'fiscal', 'specialAccount', 'other', 'goal'] as const) {
      expect(got[key].value, `${key}`).toEqual(valueAt(i, key, got[key].value, row[key]));
    }
    expect(got.indicators.length).toBe(row.indicators.length);
    row.indicators.forEach((want, j) => {
      const ind = got.indicators[j]!;
      expect(ind.seq).toBe(want.seq);
      for (const key of ['level1', 'level2', 'name', 'periodTarget', 'annualTarget'] as const) {
        expect(ind[key].value, `indicator ${j} ${key}`).toEqual(valueAt(i, `indicators/${j}/${key}`, ind[key].value, want[key]));
      }
    });
  });

  it('fails exactly the checks the source says it should, and flags their fields', async () => {
    const x = await extractOnce(pdf);
    const failing = x.checks.filter((c) => !c.ok);
    for (const want of expected.failingChecks) {
      expect(failing.some((c) => c.rule === want.rule && c.rows.includes(want.row)), `${want.rule} on row ${want.row}`).toBe(true);
      // Thousands grouped unlike the rest of the document lower only what OCR read: a text layer says what was printed.
      if (want.rule !== 'thousands-grouped-alike') expect(x.rows[want.row]!.needsReview).toBe(true);
    }
    expect(failing.length).toBe(expected.failingChecks.length);
  });

  it('flags no field it read right except those a failed check involves, and keeps every wrong field below the threshold', async () => {
    const x = await extractOnce(pdf);
    const threshold = x.review.threshold;
    const failedRows = new Set(x.checks.filter((c) => !c.ok).flatMap((c) => c.rows));
    x.rows.forEach((row, i) => {
      const fields: [string, Field<unknown>][] = [
        ['name', row.name], ['total', row.total], ['fiscal', row.fiscal], ['specialAccount', row.specialAccount], ['other', row.other], ['goal', row.goal],
        ...row.indicators.flatMap((ind, j) => (['level1', 'level2', 'name', 'periodTarget', 'annualTarget'] as const).map((k) => [`indicators/${j}/${k}`, ind[k]] as [string, Field<unknown>])),
      ];
      for (const [path, field] of fields) {
        if (!failedRows.has(i)) expect(field.confidence, `row ${i} ${path}: ${field.notes?.join('; ')}`).toBeGreaterThanOrEqual(threshold);
        expect(field.notes === undefined || field.notes.length > 0).toBe(true);
        if (field.confidence < threshold) expect(field.notes?.length, `row ${i} ${path} is flagged without a reason`).toBeGreaterThan(0);
      }
      expect(row.needsReview).toBe(fields.some(([, f]) => f.confidence < threshold));
    });
  });

  it('subtotals add up: each unit is the sum of its projects, 合计 the sum of the units', async () => {
    const x = await extractOnce(pdf);
    const cents = (v: number | null) => Math.round((v ?? 0) * 100);
    // A table that breaks a sum on purpose (its source says which row) must keep the break as printed, not mend it.
    const brokenOn = (rule: string) => new Set(expected.failingChecks.filter((c) => c.rule === rule).map((c) => c.row));
    const brokenUnits = brokenOn('unit-equals-sum-of-projects');
    const units = x.rows.filter((r) => r.kind === 'unit');
    for (const unit of units) {
      const projects = x.rows.filter((r) => r.kind === 'project' && r.unit === unit.name.value);
      expect(projects.length).toBeGreaterThan(0);
      const sums = (['total', 'fiscal', 'specialAccount', 'other'] as const).map((k) => [k, projects.reduce((s, p) => s + cents(p[k].value), 0), cents(unit[k].value)] as const);
      if (brokenUnits.has(x.rows.indexOf(unit))) {
        expect(sums.some(([, sum, printed]) => sum !== printed), `${unit.name.value}: its printed subtotal was mended`).toBe(true);
        continue;
      }
      for (const [k, sum, printed] of sums) expect(sum, `${unit.name.value} ${k}`).toBe(printed);
    }
    const total = x.rows.find((r) => r.kind === 'total')!;
    const sumOfUnits = units.reduce((s, u) => s + cents(u.total.value), 0);
    if (brokenOn('total-equals-sum-of-units').size > 0) expect(sumOfUnits).not.toBe(cents(total.total.value));
    else expect(sumOfUnits).toBe(cents(total.total.value));
  });

  it('names the page region of every field it read', async () => {
    const x = await extractOnce(pdf);
    for (const row of x.rows) {
      for (const f of [row.name, row.total, row.fiscal]) {
        expect(f.sources.length).toBeGreaterThan(0);
        for (const s of f.sources) {
          expect(row.pages).toContain(s.page);
          const page = x.source.pages[s.page - 1]!;
          expect(s.bbox[0]).toBeLessThan(s.bbox[2]);
          expect(s.bbox[1]).toBeLessThan(s.bbox[3]);
          expect(s.bbox[2]).toBeLessThanOrEqual(page.width);
          expect(s.bbox[3]).toBeLessThanOrEqual(page.height);
        }
      }
    }
  });
});

describe('page breaks', () => {
  it('rejoins rows that a page break cut in two, in every LibreOffice sample', async () => {
    for (const { pdf, expected } of samples.filter((s) => s.expected.producer === 'libreoffice')) {
      const x = await extractOnce(pdf);
      const cut = x.rows.filter((r) => r.pages.length > 1);
      expect(cut.length, expected.sample).toBeGreaterThan(0);
      for (const row of cut) {
        expect(row.pages).toEqual([...row.pages].sort((a, b) => a - b));
        const joined = [row.name, row.goal, ...row.indicators.flatMap((i) => [i.name, i.periodTarget, i.annualTarget])].flatMap((f) => f.sources.map((s) => s.page));
        expect(new Set(joined).size).toBeGreaterThan(1);
      }
    }
  });
});
