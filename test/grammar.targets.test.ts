import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Target } from '../schemas/extraction.js';
import type { Comparator } from '../schemas/extraction.js';
import { parseIndicatorList } from '../extractors/profiles/project-expenditure/indicator-grammar.js';
import { parseTarget, unknownLatinUnit } from '../extractors/profiles/project-expenditure/targets.js';
import { comparatorOutsideGrammar } from '../extractors/profiles/project-expenditure/rows.js';

const SEED = fileURLToPath(new URL('./fixtures/seed/000_f899a0809e88c676.txt', import.meta.url));

/** Every 绩效指标 cell of the seed, with the row cut by a page break joined back together. */
function seedIndicatorCells(): string[] {
  const cells: string[] = [];
  for (const line of readFileSync(SEED, 'utf8').split('\n')) {
    const row = line.split('\t');
    if (row.length !== 7) continue;
    const last = row[6] ?? '';
    if (row.slice(0, 6).every((c) => c === '')) cells[cells.length - 1] += last;
    else cells.push(last);
  }
  return cells.filter((c) => c !== '' && c !== '绩效指标');
}

type Expected = [comparator: Comparator | null, value: number | null, unit: string | null];
const NONE: Expected = [null, null, null];

function expectTarget(raw: string, [comparator, value, unit]: Expected): void {
  expect(parseTarget(raw)).toEqual({ raw: raw.trim(), comparator, value, unit });
}

describe('parseTarget', () => {
  const table: [group: string, cases: [raw: string, expected: Expected][]][] = [
    [
      'the examples of the contract',
      [
        ['≥12次', ['>=', 12, '次']],
        ['5场以上', ['>=', 5, '场']],
        ['100%', ['=', 100, '%']],
        ['≥100', ['>=', 100, null]],
        ['20', ['=', 20, null]],
        ['1,200人次', ['=', 1200, '人次']],
        ['不低于90%', ['>=', 90, '%']],
        ['≤500万元', ['<=', 500, '万元']],
        // A sound level's weighting in brackets is part of its unit.
        ['≤55dB(A)', ['<=', 55, 'dB(A)']],
      ],
    ],
    [
      'symbol prefixes in both widths',
      [
        ['>=3家', ['>=', 3, '家']],
        ['＞＝3家', ['>=', 3, '家']],
        ['<=3家', ['<=', 3, '家']],
        ['>3家', ['>', 3, '家']],
        ['＞3家', ['>', 3, '家']],
        ['<3家', ['<', 3, '家']],
        ['＜3家', ['<', 3, '家']],
        ['=3家', ['=', 3, '家']],
        ['＝3家', ['=', 3, '家']],
        ['≥ 3 家', ['>=', 3, '家']],
      ],
    ],
    [
      'word prefixes',
      [
        ['不少于10份', ['>=', 10, '份']],
        ['不低于95%', ['>=', 95, '%']],
        ['不小于2个', ['>=', 2, '个']],
        ['至少1次', ['>=', 1, '次']],
        ['大于等于80%', ['>=', 80, '%']],
        ['不超过500万元', ['<=', 500, '万元']],
        ['不高于5%', ['<=', 5, '%']],
        ['不多于3次', ['<=', 3, '次']],
        ['不大于10天', ['<=', 10, '天']],
        ['小于等于30天', ['<=', 30, '天']],
        ['最多2次', ['<=', 2, '次']],
        ['大于90%', ['>', 90, '%']],
        ['高于90%', ['>', 90, '%']],
        ['超过100人', ['>', 100, '人']],
        ['多于5家', ['>', 5, '家']],
        ['小于5%', ['<', 5, '%']],
        ['低于3%', ['<', 3, '%']],
        ['少于2次', ['<', 2, '次']],
      ],
    ],
    [
      'suffixes',
      [
        ['5场以上', ['>=', 5, '场']],
        ['90%及以上', ['>=', 90, '%']],
        ['5%以下', ['<=', 5, '%']],
        ['3次及以下', ['<=', 3, '次']],
        ['30天以内', ['<=', 30, '天']],
        ['100以上', ['>=', 100, null]],
      ],
    ],
    [
      'a prefix and a suffix together, which is ambiguous',
      [
        ['≥5场以上', NONE],
        ['不少于5场以上', NONE],
        ['≤3天以内', NONE],
      ],
    ],
    [
      'numbers',
      [
        ['2408平方米', ['=', 2408, '平方米']],
        ['21,947.14万元', ['=', 21947.14, '万元']],
        ['0.5亿元', ['=', 0.5, '亿元']],
        ['１２次', ['=', 12, '次']],
        ['≥９５％', ['>=', 95, '％']],
        ['1，200人次', ['=', 1200, '人次']],
        ['1,20次', NONE],
        ['12,00', NONE],
        ['1.2.3', NONE],
      ],
    ],
    [
      'units',
      [
        ['36个月', ['=', 36, '个月']],
        ['≥22亿元', ['>=', 22, '亿元']],
        ['12次/年', ['=', 12, '次/年']],
        ['50人次', ['=', 50, '人次']],
        ['3平方公里以上', ['>=', 3, '平方公里']],
        ['1次每季度每个街道办', NONE],
        ['5个2次', NONE],
        ['5 个 次', NONE],
        ['90%左右', NONE],
        ['约90%', NONE],
        ['5~10次', NONE],
        ['5-10次', NONE],
      ],
    ],
    [
      'text that is not a plain number',
      [
        ['是', NONE],
        ['月清月结', NONE],
        ['按时完成', NONE],
        ['实际支出≤预算值（100%）', NONE],
        ['评估起步区已落地项目数13个', NONE],
        ['年度资金支出进度（%）=100%', NONE],
        ['100%（含）', NONE],
        ['≥', NONE],
        ['以上', NONE],
        ['', NONE],
        ['   ', NONE],
      ],
    ],
  ];

  for (const [group, cases] of table) {
    describe(group, () => {
      for (const [raw, expected] of cases) {
        it(`reads ${JSON.stringify(raw)} as ${expected[0] === null ? 'nothing' : expected.join(' ')}`, () => expectTarget(raw, expected));
      }
    });
  }

  it('returns raw trimmed and otherwise as given', () => {
    expect(parseTarget('  ≥１２次 ').raw).toBe('≥１２次');
    expect(parseTarget(' 是\n').raw).toBe('是');
  });

  it('reads a decimal exactly as the JS number of its text', () => {
    expect(parseTarget('99.9%').value).toBe(99.9);
    expect(parseTarget('0.1万元').value).toBe(0.1);
  });

  it('reads every target raw of the seed, giving all three fields or none', () => {
    const raws = seedIndicatorCells().flatMap((cell) =>
      parseIndicatorList(cell).indicators.flatMap((i) => [i.periodTarget?.raw, i.annualTarget?.raw]),
    );
    expect(raws).toHaveLength(198);
    const counts = { read: 0, text: 0 };
    const textRaws = new Set<string>();
    for (const raw of raws) {
      expect(raw).toBeDefined();
      const target = parseTarget(raw ?? '');
      expect(Target.parse(target)).toEqual(target);
      expect(target.raw).toBe(raw);
      if (target.comparator === null) {
        expect(target.value).toBeNull();
        expect(target.unit).toBeNull();
        counts.text++;
        textRaws.add(target.raw);
      } else {
        expect(target.value).not.toBeNull();
        counts.read++;
      }
    }
    // 是 (40), 月清月结 (2) and the four sentences of 海龙围科创区工作经费 (8) are the only text targets.
    expect(counts).toEqual({ read: 148, text: 50 });
    expect([...textRaws].sort()).toEqual(
      ['是', '月清月结', '评估起步区已落地项目数13个', '年度资金支出进度（%）=100%', '科创区起步区项目建设进度加快', '实际支出≤预算值（100%）'].sort(),
    );
  });
});

describe('comparatorOutsideGrammar', () => {
  it('tells a target that opens with a comparator and does not parse from one that does, and from a ratio', () => {
    expect(comparatorOutsideGrammar(parseTarget('≥2024年增长≥8%'))).toBe(true);
    expect(comparatorOutsideGrammar(parseTarget('>'))).toBe(true);
    expect(comparatorOutsideGrammar(parseTarget('≥90%'))).toBe(false);
    expect(comparatorOutsideGrammar(parseTarget('较2024年增长≥8%'))).toBe(false);
    expect(comparatorOutsideGrammar(parseTarget('≤1:15'))).toBe(false);
    expect(comparatorOutsideGrammar(parseTarget('≥1:1.5'))).toBe(false);
    // A note in brackets after the number and its unit.
    expect(comparatorOutsideGrammar(parseTarget('≥90%（按问题个数计）'))).toBe(false);
    expect(comparatorOutsideGrammar(parseTarget('≥90%（按问题个数计）增长'))).toBe(true);
  });

  it('holds for no true target of any sample: a table writes a comparator only before a number and its unit', () => {
    const dir = fileURLToPath(new URL('../samples/', import.meta.url));
    let targets = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.expected.json'))) {
      const expected = JSON.parse(readFileSync(dir + file, 'utf8')) as { rows?: { indicators?: { periodTarget: Target; annualTarget: Target }[] }[] };
      for (const indicator of (expected.rows ?? []).flatMap((r) => r.indicators ?? [])) {
        for (const target of [indicator.periodTarget, indicator.annualTarget]) {
          targets++;
          expect(comparatorOutsideGrammar(target), `${file}: ${target.raw}`).toBe(false);
        }
      }
    }
    expect(targets).toBeGreaterThan(9000);
  });
});

describe('unknownLatinUnit', () => {
  it('names letters no table writes as a unit (51x for 5lx, hm for hm²), and passes units that are', () => {
    expect(unknownLatinUnit(parseTarget('≥51x').unit)).toBe('x');
    expect(unknownLatinUnit(parseTarget('≥2.4hm').unit)).toBe('hm');
    for (const raw of ['≥2.4hm²', '≥62.4km²', '≥5lx', '≤55dB', '≤0.5mg/L', '≥4.8km', '≤3.2元/kg', '≥1,800万元', '≥95%', '≤80μg/m³']) {
      expect(unknownLatinUnit(parseTarget(raw).unit), raw).toBeNull();
    }
  });

  it('holds for no true target of any sample', () => {
    const dir = fileURLToPath(new URL('../samples/', import.meta.url));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.expected.json'))) {
      const expected = JSON.parse(readFileSync(dir + file, 'utf8')) as { rows?: { indicators?: { periodTarget: Target; annualTarget: Target }[] }[] };
      for (const indicator of (expected.rows ?? []).flatMap((r) => r.indicators ?? [])) {
        for (const target of [indicator.periodTarget, indicator.annualTarget]) expect(unknownLatinUnit(target.unit), `${file}: ${target.raw}`).toBeNull();
      }
    }
  });
});
