/**
 * Reading a target value (实施周期指标值 / 年度指标值) such as `≥12次`, `5场以上` or `不低于90%`.
 *
 * Only the plain shape `[comparator] number [unit] [suffix]` is read; anything else (`是`, `月清月结`,
 * `实际支出≤预算值（100%）`) keeps its raw text and gets no comparator, value or unit. A partial reading of a
 * sentence would be a guess, and the contract forbids guesses.
 */
import type { Comparator, Target } from '../../../schemas/extraction.js';

/** Longest first, so that `>=` is not read as `>` followed by `=`. */
const SYMBOL_PREFIXES: readonly (readonly [string, Comparator])[] = [
  ['>=', '>='],
  ['＞＝', '>='],
  ['＞=', '>='],
  ['>＝', '>='],
  ['<=', '<='],
  ['＜＝', '<='],
  ['＜=', '<='],
  ['<＝', '<='],
  ['≥', '>='],
  ['≧', '>='],
  ['≤', '<='],
  ['≦', '<='],
  ['>', '>'],
  ['＞', '>'],
  ['<', '<'],
  ['＜', '<'],
  ['=', '='],
  ['＝', '='],
];

/**
 * Every glyph the comparator symbols are written with (≥ ≤ < > =, their full-width forms, ≧ ≦), as the body of a
 * regular expression's character class: for the repairs that look for a comparator before a number.
 */
export const COMPARATOR_GLYPHS = [...new Set(SYMBOL_PREFIXES.flatMap(([symbol]) => [...symbol]))].join('');

/** Longest first, so that `大于等于` is not read as `大于`. */
const WORD_PREFIXES: readonly (readonly [string, Comparator])[] = [
  ['大于或等于', '>='],
  ['小于或等于', '<='],
  ['大于等于', '>='],
  ['小于等于', '<='],
  ['不少于', '>='],
  ['不低于', '>='],
  ['不小于', '>='],
  ['不超过', '<='],
  ['不高于', '<='],
  ['不多于', '<='],
  ['不大于', '<='],
  ['至少', '>='],
  ['最多', '<='],
  ['大于', '>'],
  ['高于', '>'],
  ['超过', '>'],
  ['多于', '>'],
  ['小于', '<'],
  ['低于', '<'],
  ['少于', '<'],
];

const SUFFIXES: readonly (readonly [string, Comparator])[] = [
  ['及以上', '>='],
  ['及以下', '<='],
  ['以上', '>='],
  ['以下', '<='],
  ['以内', '<='],
];

/**
 * A number: optional minus, digits grouped by thousands or not grouped at all, optional decimals; ASCII or
 * full-width. Then an optional unit: 1–8 characters with no digit, no space, and none of the punctuation that
 * would make the text a sentence or an expression rather than a unit, optionally followed by a bracketed
 * alternative of a few Chinese characters (`万头（羽）`) or a weighting's capital letter (`dB(A)`); a bracket that
 * qualifies (`（含）`, `（约）`) is refused by `NOT_A_UNIT_RE`.
 */
const SHAPE_RE =
  /^([-－]?(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?)\s*([^\s0-9０-９()（）[\]【】<>＜＞≤≥≦≧=＝,，.．。;；:：、~～]{1,8}(?:[（(](?:\p{Script=Han}{1,4}|[A-Z])[）)])?)?$/u;

/**
 * The Latin-letter units these tables write (lengths, areas, volumes, masses, light, sound, power, pressure, time,
 * data), each part of a compound unit (mg/L, 元/kWh) on its own. A target whose unit holds a run of letters outside
 * them was most likely misread (≥5lx read as ≥51x, hm² as hm): a table writes units, not stray letters.
 */
export const LATIN_UNITS: ReadonlySet<string> = new Set(
  ('m cm mm km um μm nm hm² ha L l mL ml kL kg g mg ug μg t kt ' +
    'lx lm cd dB Hz kHz MHz GHz V kV mV A mA W kW MW GW kWh MWh Wh J kJ MJ Pa kPa MPa hPa ' +
    'h min s ms d ' +
    'B KB kB MB GB TB PB bps kbps Mbps Gbps M G K T ' +
    'ppm ppb pH mol mmol cal kcal N kN rpm Nm ' +
    'PM IU U CFU').split(' '),
);

/**
 * The run of Latin letters in a parsed target's unit that no table writes as a unit (see `LATIN_UNITS`), or null
 * (a unit of Chinese characters, symbols, or known letters). A lone m is `doubtAreaUnitsAsLetters`' to weigh.
 */
export function unknownLatinUnit(unit: string | null): string | null {
  if (unit === null) return null;
  // With its power, where the letters alone are no unit (hm², a hectare; hm alone is none).
  for (const m of unit.matchAll(/([A-Za-zμ]+)[²³]?/g)) if (!LATIN_UNITS.has(m[0]) && !LATIN_UNITS.has(m[1]!)) return m[0];
  return null;
}

/** Words that turn a unit into an approximation or a range; reading those as `=` would be a guess. */
const NOT_A_UNIT_RE = /左右|约|至|到|或|以|及|不|余|多|含|累计|预计|合计/;

const EMPTY = { comparator: null, value: null, unit: null } as const;

function toAscii(s: string): string {
  return s
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[，,]/g, '')
    .replace('．', '.')
    .replace('－', '-');
}

function stripPrefix(
  text: string,
  table: readonly (readonly [string, Comparator])[],
): { comparator: Comparator; rest: string } | null {
  for (const [word, comparator] of table) {
    if (text.startsWith(word)) return { comparator, rest: text.slice(word.length).trimStart() };
  }
  return null;
}

function stripSuffix(text: string): { comparator: Comparator; rest: string } | null {
  for (const [word, comparator] of SUFFIXES) {
    if (text.endsWith(word)) return { comparator, rest: text.slice(0, -word.length).trimEnd() };
  }
  return null;
}

/**
 * Reads a target's comparator, number and unit, or none of them.
 *
 * `raw` comes back trimmed. `comparator`, `value` and `unit` are filled only when the whole text has the shape
 * (comparator prefix | word prefix) number (unit) (以上 | 以下 | 以内 …); a bare number reads as `=`. Anything
 * else, including a prefix and a suffix together, gives all three null.
 *
 * @example parseTarget('≥12次')  // { raw: '≥12次', comparator: '>=', value: 12, unit: '次' }
 * @example parseTarget('5场以上') // { raw: '5场以上', comparator: '>=', value: 5, unit: '场' }
 * @example parseTarget('是')      // { raw: '是', comparator: null, value: null, unit: null }
 */
export function parseTarget(raw: string): Target {
  const text = raw.trim();
  const none: Target = { raw: text, ...EMPTY };
  if (text === '') return none;

  const prefix = stripPrefix(text, SYMBOL_PREFIXES) ?? stripPrefix(text, WORD_PREFIXES);
  const afterPrefix = prefix ? prefix.rest : text;
  const suffix = stripSuffix(afterPrefix);
  if (prefix && suffix) return none;
  const body = suffix ? suffix.rest : afterPrefix;

  const m = SHAPE_RE.exec(body);
  if (!m) return none;
  const unit = m[2] ?? null;
  if (unit !== null && NOT_A_UNIT_RE.test(unit)) return none;
  const value = Number(toAscii(m[1] ?? ''));
  if (!Number.isFinite(value)) return none;

  return { raw: text, comparator: prefix?.comparator ?? suffix?.comparator ?? '=', value: value === 0 ? 0 : value, unit };
}
