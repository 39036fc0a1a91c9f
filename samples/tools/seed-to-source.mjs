#!/usr/bin/env node
// Converts the text of the seed disclosure (tab-separated cells, blank lines = page breaks) into
// samples/src/liwan-kegongxin.json, then verifies the result:
//   - every indicator re-rendered matches the printed 绩效指标 cell, every structured value occurs in order;
//   - the subtotals add up (any that don't are reported, never altered);
//   - expectedFailingChecks is what the check rules compute.
// Usage: node samples/tools/seed-to-source.mjs [seed.txt] [out.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseIndicators, computeChecks, validateSource } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const seedPath = process.argv[2] ?? '/work/shared/seed/000_f899a0809e88c676.txt';
const outPath = process.argv[3] ?? join(here, '..', 'src', 'liwan-kegongxin.json');

const lines = readFileSync(seedPath, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);

let title = null, department = null, currencyUnit = null;
const HEADER = ['项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'];
const raw = []; // [{cells, line}]
for (const [n, line] of lines.entries()) {
  if (line.trim() === '') continue; // page break / spacing
  const cells = line.split('\t');
  if (cells.length === 1) {
    const t = line.trim();
    let m;
    if ((m = /^部门名称[：:]\s*(.+)$/.exec(t))) department = m[1].trim();
    else if ((m = /^单位[：:]\s*(.+)$/.exec(t))) currencyUnit = m[1].trim();
    else if (title === null) title = t;
    else throw new Error(`line ${n + 1}: unexpected single-cell line ${JSON.stringify(t)}`);
    continue;
  }
  if (cells.length !== 7) throw new Error(`line ${n + 1}: ${cells.length} cells`);
  if (cells.join('\t') === HEADER.join('\t')) continue; // (repeated) header row
  const empty = cells.slice(0, 6).every((c) => c.trim() === '');
  if (empty || cells[0].trim() === '') {
    // continuation of a row cut by a page break: append each non-empty cell to the previous row
    const prev = raw.at(-1);
    if (!prev) throw new Error(`line ${n + 1}: continuation with no previous row`);
    cells.forEach((c, k) => { prev.cells[k] += c.trim(); });
    prev.cut = true;
    continue;
  }
  raw.push({ cells: cells.map((c) => c.trim()), line: n + 1 });
}

const rows = [];
let unit = null;
for (const { cells } of raw) {
  const [name, total, fiscal, specialAccount, other, goal, indicatorsText] = cells;
  let kind;
  if (name === '合计') kind = 'total';
  else if (goal === '' && indicatorsText === '') { kind = 'unit'; unit = name; }
  else kind = 'project';
  rows.push({
    kind,
    unit: kind === 'project' ? unit : null,
    name, total, fiscal, specialAccount, other, goal, indicatorsText,
    indicators: kind === 'project' ? parseIndicators(indicatorsText) : [],
  });
}

const checks = computeChecks(rows);
const src = {
  id: 'liwan-kegongxin',
  title, department, currencyUnit,
  rows,
  expectedFailingChecks: checks.map(({ rule, row }) => ({ rule, row })),
};

// ---- verification -----------------------------------------------------------
const problems = validateSource(src);
const counts = { total: 0, unit: 0, project: 0 };
for (const r of rows) counts[r.kind]++;
console.log(`${rows.length} rows: ${counts.total} total, ${counts.unit} units, ${counts.project} projects`);
let u = null;
const perUnit = {};
for (const r of rows) { if (r.kind === 'unit') u = r.name; if (r.kind === 'project') perUnit[u] = (perUnit[u] ?? 0) + 1; }
for (const [k, v] of Object.entries(perUnit)) console.log(`  ${k}: ${v} projects`);
console.log(`${rows.reduce((a, r) => a + r.indicators.length, 0)} indicators`);
for (const r of raw.filter((x) => x.cut)) console.log(`row cut by a page break (joined): ${r.cells[0]} (line ${r.line})`);
if (checks.length === 0) console.log('all check rules pass');
for (const c of checks) console.log(`failing check: ${c.rule} row ${c.row} (${rows[c.row].name}) ${c.detail}`);
const sumsBad = checks.filter((c) => /add-up|sum-of/.test(c.rule));
console.log(sumsBad.length ? `SUBTOTALS THAT DO NOT ADD UP: ${sumsBad.length}` : 'subtotals add up');
if (problems.length) {
  for (const p of problems) console.error('PROBLEM: ' + p);
  process.exit(1);
}

writeFileSync(outPath, JSON.stringify(src, null, 2) + '\n');
console.log(`wrote ${outPath}`);
