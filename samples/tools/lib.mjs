// Shared helpers for the sample tools (plain Node ESM, no dependencies).
// - parseTarget / parseIndicators: the target and 绩效指标 grammar the ground truth is built with
// - renderIndicator: re-renders a structured indicator (used by the self-checks)
// - computeChecks: the table-level check rules, used to verify expectedFailingChecks

// ---- targets ---------------------------------------------------------------

const SYMBOL_PREFIXES = [
  ['>=', '>='], ['<=', '<='], ['≥', '>='], ['≤', '<='],
  ['>', '>'], ['＞', '>'], ['<', '<'], ['＜', '<'], ['=', '='], ['＝', '='],
];
const WORD_PREFIXES = [
  // longest first so that 大于等于 wins over 大于
  ['大于等于', '>='], ['小于等于', '<='],
  ['不少于', '>='], ['不低于', '>='], ['不小于', '>='], ['至少', '>='],
  ['不超过', '<='], ['不高于', '<='], ['不多于', '<='], ['不大于', '<='], ['最多', '<='],
  ['大于', '>'], ['高于', '>'], ['超过', '>'], ['多于', '>'],
  ['小于', '<'], ['低于', '<'], ['少于', '<'],
];
const SUFFIXES = [
  ['及以上', '>='], ['及以下', '<='], ['以上', '>='], ['以下', '<='], ['以内', '<='],
];
const NUMBER_UNIT = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)([^\d\s]{1,8})?$/u;

/** Parse one target value (the text after 实施周期指标值:/年度指标值:). */
export function parseTarget(raw) {
  const none = { raw, comparator: null, value: null, unit: null };
  let rest = raw;
  let comparator = null;
  for (const [p, c] of [...SYMBOL_PREFIXES, ...WORD_PREFIXES]) {
    if (rest.startsWith(p)) { comparator = c; rest = rest.slice(p.length); break; }
  }
  for (const [s, c] of SUFFIXES) {
    if (rest.endsWith(s)) {
      if (comparator !== null) return none; // a prefix and a suffix: not the simple shape
      comparator = c; rest = rest.slice(0, -s.length); break;
    }
  }
  const m = NUMBER_UNIT.exec(rest);
  if (!m) return none;
  return {
    raw,
    comparator: comparator ?? '=',
    value: Number(m[1].replace(/,/g, '')),
    unit: m[2] ?? null,
  };
}

// ---- 绩效指标 cell ----------------------------------------------------------

// seq 、 level1 ； level2 ； name ； 实施周期指标值: raw ； 年度指标值: raw 。
const ITEM = new RegExp(
  String.raw`(\d+)、\s*(\d+)-([^；;]+?)\s*[；;]\s*(\d+)-([^；;]+?)\s*[；;]\s*(.+?)\s*[；;]\s*` +
  String.raw`实施周期指标值[:：]\s*(.*?)\s*[；;]\s*年度指标值[:：]\s*(.*?)\s*。(?=\s*\d+、|\s*$)`,
  'gsu',
);

/** Parse a whole 绩效指标 cell into structured indicators; throws if any text is left over. */
export function parseIndicators(text) {
  const out = [];
  let pos = 0;
  ITEM.lastIndex = 0;
  for (let m; (m = ITEM.exec(text)); ) {
    if (text.slice(pos, m.index).trim() !== '') {
      throw new Error(`unparsed text before indicator ${m[1]}: ${JSON.stringify(text.slice(pos, m.index))}`);
    }
    out.push({
      seq: Number(m[1]),
      level1: { code: m[2], name: m[3] },
      level2: { code: m[4], name: m[5] },
      name: m[6],
      periodTarget: parseTarget(m[7]),
      annualTarget: parseTarget(m[8]),
    });
    pos = m.index + m[0].length;
  }
  if (text.slice(pos).trim() !== '') {
    throw new Error(`unparsed text at end: ${JSON.stringify(text.slice(pos))}`);
  }
  return out;
}

/** Render one indicator in the canonical full-width form. */
export function renderIndicator(ind) {
  return `${ind.seq}、${ind.level1.code}-${ind.level1.name}；${ind.level2.code}-${ind.level2.name}；${ind.name}；` +
    `实施周期指标值:${ind.periodTarget.raw}；年度指标值:${ind.annualTarget.raw}。`;
}

/** Punctuation-insensitive form, for comparing a re-rendered cell with the printed one. */
export function normalizePunct(s) {
  return s.replace(/\s*[；;]\s*/g, '；').replace(/[：:]/g, ':').replace(/\s*、\s*/g, '、').replace(/\s*。/g, '。');
}

/** Check every structured value of every indicator occurs, in order, in the printed text. */
export function verifyIndicatorsInText(indicators, text) {
  const problems = [];
  let pos = 0;
  for (const ind of indicators) {
    const parts = [
      `${ind.seq}、`, `${ind.level1.code}-${ind.level1.name}`, `${ind.level2.code}-${ind.level2.name}`, ind.name,
      '实施周期指标值', ind.periodTarget.raw, '年度指标值', ind.annualTarget.raw,
    ];
    for (const p of parts) {
      const at = text.indexOf(p, pos);
      if (at < 0) { problems.push(`indicator ${ind.seq}: ${JSON.stringify(p)} not found after offset ${pos}`); break; }
      pos = at + p.length;
    }
    // the structured target must be what parseTarget makes of its raw
    for (const key of ['periodTarget', 'annualTarget']) {
      const again = parseTarget(ind[key].raw);
      if (JSON.stringify(again) !== JSON.stringify(ind[key])) {
        problems.push(`indicator ${ind.seq}: ${key} ${JSON.stringify(ind[key])} != parse ${JSON.stringify(again)}`);
      }
    }
  }
  const rerendered = indicators.map(renderIndicator).join('');
  if (normalizePunct(rerendered) !== normalizePunct(text)) {
    problems.push(`re-rendered text differs:\n  printed:    ${normalizePunct(text)}\n  rerendered: ${normalizePunct(rerendered)}`);
  }
  return problems;
}

// ---- amounts and checks ----------------------------------------------------

/** "21,947.14" -> 2194714 (integer cents); "" -> 0 */
export function cents(s) {
  if (s === '' || s == null) return 0;
  if (!/^-?\d{1,3}(,\d{3})*(\.\d{1,2})?$|^-?\d+(\.\d{1,2})?$/.test(s)) throw new Error(`bad amount ${JSON.stringify(s)}`);
  const neg = s.startsWith('-');
  const [i, f = ''] = s.replace(/^-/, '').replace(/,/g, '').split('.');
  const v = Number(i) * 100 + Number((f + '00').slice(0, 2));
  return neg ? -v : v;
}

/** "21,947.14" -> 21947.14; "" -> null */
export function amountNumber(s) {
  return s === '' ? null : Number(s.replace(/,/g, ''));
}

export function fmtCents(c) {
  const neg = c < 0; c = Math.abs(c);
  const i = Math.floor(c / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + i + '.' + String(c % 100).padStart(2, '0');
}

const AMOUNT_FIELDS = ['total', 'fiscal', 'specialAccount', 'other'];

/**
 * Run all check rules over a source's rows. Returns [{rule, row, detail}] sorted by row, then rule.
 */
export function computeChecks(rows) {
  const out = [];
  const add = (rule, row, detail) => out.push({ rule, row, detail });

  rows.forEach((r, i) => {
    const t = cents(r.total), f = cents(r.fiscal), s = cents(r.specialAccount), o = cents(r.other);
    if (t !== f + s + o) add('row-amounts-add-up', i, `${r.total} != ${r.fiscal}+${r.specialAccount}+${r.other}`);
  });

  const units = [];
  let current = null;
  rows.forEach((r, i) => {
    if (r.kind === 'unit') { current = { index: i, row: r, projects: [] }; units.push(current); }
    else if (r.kind === 'project') {
      if (!current) throw new Error(`project row ${i} before any unit row`);
      if (r.unit !== current.row.name) throw new Error(`row ${i}: unit ${r.unit} != enclosing unit ${current.row.name}`);
      current.projects.push({ index: i, row: r });
    }
  });
  for (const u of units) {
    const bad = AMOUNT_FIELDS.filter((k) => cents(u.row[k]) !== u.projects.reduce((a, p) => a + cents(p.row[k]), 0));
    if (bad.length) {
      add('unit-equals-sum-of-projects', u.index, bad.map((k) =>
        `${k}: ${u.row[k]} != ${fmtCents(u.projects.reduce((a, p) => a + cents(p.row[k]), 0))}`).join('; '));
    }
    const seen = new Set();
    for (const p of u.projects) {
      if (seen.has(p.row.name)) add('project-name-unique-in-unit', p.index, p.row.name);
      seen.add(p.row.name);
    }
  }
  rows.forEach((r, i) => {
    if (r.kind !== 'total') return;
    const bad = AMOUNT_FIELDS.filter((k) => cents(r[k]) !== units.reduce((a, u) => a + cents(u.row[k]), 0));
    if (bad.length) add('total-equals-sum-of-units', i, bad.join(','));
  });

  rows.forEach((r, i) => {
    if (r.kind !== 'project') return;
    const inds = r.indicators;
    if (!inds.every((ind, k) => ind.seq === k + 1)) add('indicator-seq-runs-1-to-n', i, inds.map((x) => x.seq).join(','));
    if (!inds.every((ind) => ind.level2.code.length > ind.level1.code.length && ind.level2.code.startsWith(ind.level1.code))) {
      add('level2-extends-level1', i, '');
    }
    if (inds.some((ind) => ind.periodTarget.unit != null && ind.annualTarget.unit != null &&
        ind.periodTarget.unit !== ind.annualTarget.unit)) {
      add('targets-same-unit', i, inds.filter((x) => x.periodTarget.unit && x.annualTarget.unit &&
        x.periodTarget.unit !== x.annualTarget.unit).map((x) => `${x.seq}: ${x.periodTarget.raw}/${x.annualTarget.raw}`).join(', '));
    }
  });

  // A document that groups thousands in one target (35,000) groups them in all: a target with four digits or
  // more ungrouped (no year, no date, no year opening a range of years: 2025-2027年) beside it fails, on its row.
  const targets = rows.flatMap((r, i) => (r.kind === 'project' ? r.indicators.flatMap((ind) => [ind.periodTarget.raw, ind.annualTarget.raw].map((raw) => ({ raw, i }))) : []));
  if (targets.some((t) => /(?<![\d.])\d{1,3}(?:,\d{3})+(?!\d)/.test(t.raw))) {
    const ungrouped = targets.filter((t) => /(?<![\d,.])\d{4,}(?![\d,]|\s*[年月日号]|\s*[-－~～—–至到]\s*\d{4}\s*年)/.test(t.raw));
    for (const i of new Set(ungrouped.map((t) => t.i))) add('thousands-grouped-alike', i, ungrouped.filter((t) => t.i === i).map((t) => t.raw).join(', '));
  }

  const order = ['row-amounts-add-up', 'unit-equals-sum-of-projects', 'total-equals-sum-of-units',
    'indicator-seq-runs-1-to-n', 'level2-extends-level1', 'targets-same-unit', 'project-name-unique-in-unit', 'thousands-grouped-alike'];
  out.sort((a, b) => a.row - b.row || order.indexOf(a.rule) - order.indexOf(b.rule));
  return out;
}

/** Validate the shape of a source file; returns a list of problems. */
export function validateSource(src) {
  const problems = [];
  const keys = ['id', 'title', 'department', 'currencyUnit', 'rows', 'expectedFailingChecks'];
  for (const k of keys) if (!(k in src)) problems.push(`missing key ${k}`);
  for (const k of Object.keys(src)) if (!keys.includes(k) && k !== 'renderSubstitutions') problems.push(`unexpected key ${k}`);
  const rowKeys = ['kind', 'unit', 'name', 'total', 'fiscal', 'specialAccount', 'other', 'goal', 'indicatorsText', 'indicators'];
  src.rows.forEach((r, i) => {
    const ks = Object.keys(r);
    if (ks.join() !== rowKeys.join()) problems.push(`row ${i}: keys ${ks.join()}`);
    for (const k of ['name', 'goal', 'indicatorsText', ...AMOUNT_FIELDS]) {
      if (/[\r\n]/.test(r[k])) problems.push(`row ${i}: line break in ${k}`);
    }
    if (r.kind !== 'project' && (r.goal !== '' || r.indicatorsText !== '' || r.indicators.length || r.unit !== null)) {
      problems.push(`row ${i}: ${r.kind} row with goal/indicators/unit`);
    }
    if (r.kind === 'project') {
      let parsed;
      try { parsed = parseIndicators(r.indicatorsText); } catch (e) { problems.push(`row ${i}: ${e.message}`); return; }
      if (JSON.stringify(parsed) !== JSON.stringify(r.indicators)) problems.push(`row ${i}: indicators differ from parse of indicatorsText`);
      for (const p of verifyIndicatorsInText(r.indicators, r.indicatorsText)) problems.push(`row ${i}: ${p}`);
    }
  });
  const computed = computeChecks(src.rows).map(({ rule, row }) => ({ rule, row }));
  if (JSON.stringify(computed) !== JSON.stringify(src.expectedFailingChecks)) {
    problems.push(`expectedFailingChecks ${JSON.stringify(src.expectedFailingChecks)} != computed ${JSON.stringify(computeChecks(src.rows))}`);
  }
  for (const s of src.renderSubstitutions ?? []) {
    const r = src.rows[s.row];
    if (!r || typeof r[s.field] !== 'string' || !r[s.field].includes(s.from)) problems.push(`substitution ${JSON.stringify(s)} does not apply`);
    if (s.to.normalize('NFKC') !== s.from) problems.push(`substitution ${JSON.stringify(s)}: NFKC(to) != from`);
  }
  return problems;
}
