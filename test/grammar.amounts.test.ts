import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAmount, type AmountParse } from '../extractors/profiles/project-expenditure/amounts.js';

const SEED = fileURLToPath(new URL('./fixtures/seed/000_f899a0809e88c676.txt', import.meta.url));

/** The four amount cells (总计, 财政拨款, 财政专户拨款, 其他资金) of every data row of the seed, by row name. */
function seedAmountCells(): { row: string; cells: string[] }[] {
  const rows: { row: string; cells: string[] }[] = [];
  for (const line of readFileSync(SEED, 'utf8').split('\n')) {
    const cells = line.split('\t');
    if (cells.length !== 7 || cells[0] === '' || cells[1] === '总计') continue;
    rows.push({ row: cells[0] ?? '', cells: cells.slice(1, 5) });
  }
  return rows;
}

const ok = (value: number | null): AmountParse => ({ ok: true, value });

describe('parseAmount', () => {
  const cases: [text: string, expected: AmountParse][] = [
    ['21,947.14', ok(21947.14)],
    ['0.02', ok(0.02)],
    ['1,464.00', ok(1464)],
    ['10,000.00', ok(10000)],
    ['83.53', ok(83.53)],
    ['1234567.89', ok(1234567.89)],
    ['1,234,567.89', ok(1234567.89)],
    ['-1,464.00', ok(-1464)],
    ['－12.5', ok(-12.5)],
    ['２１，９４７．１４', ok(21947.14)],
    ['21，947.14', ok(21947.14)],
    [' 5.00 ', ok(5)],
    ['0', ok(0)],
    ['-0.00', ok(0)],
    ['', ok(null)],
    ['   ', ok(null)],
    ['\t', ok(null)],
    ['-', ok(null)],
    ['—', ok(null)],
    ['－', ok(null)],
    ['21,94.14', { ok: false, reason: 'Expected digits grouped by thousands, got 21,94.14' }],
    ['1,2345', { ok: false, reason: 'Expected digits grouped by thousands, got 1,2345' }],
    ['1234,567', { ok: false, reason: 'Expected digits grouped by thousands, got 1234,567' }],
    ['abc', { ok: false, reason: 'Expected an amount such as 21,947.14, got abc' }],
    ['12.3.4', { ok: false, reason: 'Expected an amount such as 21,947.14, got 12.3.4' }],
    ['1 464.00', { ok: false, reason: 'Expected an amount such as 21,947.14, got 1 464.00' }],
    ['¥100', { ok: false, reason: 'Expected an amount such as 21,947.14, got ¥100' }],
    ['100万元', { ok: false, reason: 'Expected an amount such as 21,947.14, got 100万元' }],
    ['.5', { ok: false, reason: 'Expected an amount such as 21,947.14, got .5' }],
    ['5.', { ok: false, reason: 'Expected an amount such as 21,947.14, got 5.' }],
    [',100', { ok: false, reason: 'Expected an amount such as 21,947.14, got ,100' }],
    ['--5', { ok: false, reason: 'Expected an amount such as 21,947.14, got --5' }],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => expect(parseAmount(text)).toEqual(expected));
  }

  it('gives exactly the JS number of the decimal text, without floating-point noise', () => {
    expect(parseAmount('21,947.14')).toEqual({ ok: true, value: 21947.14 });
    expect(parseAmount('0.1')).toEqual({ ok: true, value: 0.1 });
    expect(parseAmount('1,000.30')).toEqual({ ok: true, value: 1000.3 });
  });

  it('reads every amount cell of the seed', () => {
    const rows = seedAmountCells();
    expect(rows).toHaveLength(27);
    for (const { row, cells } of rows) {
      for (const cell of cells) {
        const parsed = parseAmount(cell);
        expect(parsed.ok, `${row}: ${cell}`).toBe(true);
        if (parsed.ok) expect(parsed.value, `${row}: ${cell}`).toBe(cell === '' ? null : Number(cell.replace(/,/g, '')));
      }
    }
  });

  it('finds the seed subtotals adding up to the grand total, to the cent', () => {
    const byName = new Map(seedAmountCells().map((r) => [r.row, r.cells[0] ?? '']));
    const cents = (name: string): number => {
      const parsed = parseAmount(byName.get(name) ?? '');
      return parsed.ok && parsed.value !== null ? Math.round(parsed.value * 100) : NaN;
    };
    expect(cents('广州市荔湾区科技工业和信息化局') + cents('广州市荔湾区民营经济和中小企业服务中心')).toBe(cents('合计'));
  });
});
