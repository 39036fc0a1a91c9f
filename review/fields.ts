/**
 * The fields of an extraction as review addresses them: a path inside the document (`5/total`,
 * `5/indicators/2/annualTarget`, `document/department`) and an id that adds the document
 * (`<sha256>/5/total`). Paths are parsed against a fixed grammar and looked up in the document, so a request
 * can only ever name a field that exists: never a file, never anything else.
 *
 * Each field has a kind that says how its value is shown in an editor (one line of text) and read back.
 */
import { parseAmount } from '../extractors/profiles/project-expenditure/amounts.js';
import { parseTarget } from '../extractors/profiles/project-expenditure/targets.js';
import type { CodeName, Extraction, Field, Target } from '../schemas/extraction.js';
import { ReviewError } from './errors.js';

/** How a field's value is edited: text, an amount (number or empty), a target (re-parsed), a level (`1-产出指标`). */
export type FieldKind = 'text' | 'optional-text' | 'amount' | 'target' | 'level';

export const DOCUMENT_FIELDS = { title: 'text', department: 'text', currencyUnit: 'text' } as const satisfies Record<string, FieldKind>;
export const ROW_FIELDS = { name: 'text', total: 'amount', fiscal: 'amount', specialAccount: 'amount', other: 'amount', goal: 'optional-text' } as const satisfies Record<string, FieldKind>;
export const INDICATOR_FIELDS = { level1: 'level', level2: 'level', name: 'text', periodTarget: 'target', annualTarget: 'target' } as const satisfies Record<string, FieldKind>;

export type DocumentFieldKey = keyof typeof DOCUMENT_FIELDS;
export type RowFieldKey = keyof typeof ROW_FIELDS;
export type IndicatorFieldKey = keyof typeof INDICATOR_FIELDS;

/** Labels a reviewer reads: the table's own column names. */
export const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  department: '部门名称',
  currencyUnit: '金额单位',
  name: '名称',
  total: '总计',
  fiscal: '财政拨款',
  specialAccount: '财政专户拨款',
  other: '其他资金',
  goal: '绩效目标',
  level1: '一级指标',
  level2: '二级指标',
  periodTarget: '实施周期指标值',
  annualTarget: '年度指标值',
};

export type FieldPath =
  | { scope: 'document'; key: DocumentFieldKey }
  | { scope: 'row'; row: number; key: RowFieldKey }
  | { scope: 'indicator'; row: number; indicator: number; key: IndicatorFieldKey };

const SHA256_RE = /^[0-9a-f]{64}$/;
/** Positions are small non-negative integers without leading zeros: `05` and `1e3` name nothing. */
const POSITION = '(0|[1-9][0-9]{0,5})';
const DOCUMENT_PATH_RE = new RegExp(`^document/(${Object.keys(DOCUMENT_FIELDS).join('|')})$`);
const ROW_PATH_RE = new RegExp(`^${POSITION}/(${Object.keys(ROW_FIELDS).join('|')})$`);
const INDICATOR_PATH_RE = new RegExp(`^${POSITION}/indicators/${POSITION}/(${Object.keys(INDICATOR_FIELDS).join('|')})$`);

const PATH_EXAMPLE = '5/total, 5/indicators/2/annualTarget or document/department';

/** Whether `text` is a SHA-256 as jixiao writes it (64 lower-case hex digits). */
export function isSha256(text: unknown): text is string {
  return typeof text === 'string' && SHA256_RE.test(text);
}

/** Read a field path; throws a 400 for anything outside the grammar. */
export function parseFieldPath(text: string): FieldPath {
  const shown = JSON.stringify(text.slice(0, 80));
  let m = DOCUMENT_PATH_RE.exec(text);
  if (m) return { scope: 'document', key: m[1] as DocumentFieldKey };
  m = ROW_PATH_RE.exec(text);
  if (m) return { scope: 'row', row: Number(m[1]), key: m[2] as RowFieldKey };
  m = INDICATOR_PATH_RE.exec(text);
  if (m) return { scope: 'indicator', row: Number(m[1]), indicator: Number(m[2]), key: m[3] as IndicatorFieldKey };
  throw new ReviewError(400, `Expected a field path such as ${PATH_EXAMPLE}, got ${shown}`);
}

export function formatFieldPath(p: FieldPath): string {
  if (p.scope === 'document') return `document/${p.key}`;
  if (p.scope === 'row') return `${p.row}/${p.key}`;
  return `${p.row}/indicators/${p.indicator}/${p.key}`;
}

/** `<sha256>/<path>` → its parts; throws a 400 for anything else. */
export function parseFieldId(id: unknown): { sha256: string; path: FieldPath } {
  if (typeof id !== 'string') throw new ReviewError(400, `Expected a field id such as <sha256>/5/total, got ${JSON.stringify(id)}`);
  const slash = id.indexOf('/');
  const sha256 = slash < 0 ? id : id.slice(0, slash);
  if (!isSha256(sha256)) throw new ReviewError(400, `Expected a field id starting with a document's SHA-256 (64 hex digits), got ${JSON.stringify(id.slice(0, 80))}`);
  return { sha256, path: parseFieldPath(id.slice(slash + 1)) };
}

export function fieldId(sha256: string, p: FieldPath): string {
  return `${sha256}/${formatFieldPath(p)}`;
}

export function fieldKind(p: FieldPath): FieldKind {
  if (p.scope === 'document') return DOCUMENT_FIELDS[p.key];
  if (p.scope === 'row') return ROW_FIELDS[p.key];
  return INDICATOR_FIELDS[p.key];
}

/** The field `p` names in `x` (the object itself, so a caller may change it); a 404 when the document has none. */
export function fieldAt(x: Extraction, p: FieldPath): Field<unknown> {
  if (p.scope === 'document') return x.document[p.key];
  const row = x.rows[p.row];
  if (!row) throw new ReviewError(404, `Expected a row position from 0 to ${x.rows.length - 1}, got ${p.row}`);
  if (p.scope === 'row') return row[p.key];
  const indicator = row.indicators[p.indicator];
  if (!indicator) {
    const range = row.indicators.length === 0 ? 'none (the row has no indicators)' : `0 to ${row.indicators.length - 1}`;
    throw new ReviewError(404, `Expected an indicator position of row ${p.row} from ${range}, got ${p.indicator}`);
  }
  return indicator[p.key];
}

/** Every field of `x` with its path, in document order: document fields, then each row and its indicators. */
export function listFields(x: Extraction): { path: FieldPath; field: Field<unknown> }[] {
  const out: { path: FieldPath; field: Field<unknown> }[] = [];
  for (const key of Object.keys(DOCUMENT_FIELDS) as DocumentFieldKey[]) out.push({ path: { scope: 'document', key }, field: x.document[key] });
  x.rows.forEach((row, r) => {
    for (const key of Object.keys(ROW_FIELDS) as RowFieldKey[]) out.push({ path: { scope: 'row', row: r, key }, field: row[key] });
    row.indicators.forEach((ind, i) => {
      for (const key of Object.keys(INDICATOR_FIELDS) as IndicatorFieldKey[]) out.push({ path: { scope: 'indicator', row: r, indicator: i, key }, field: ind[key] });
    });
  });
  return out;
}

/** A value as the editor shows it: one line of text that `parseEditedValue` reads back to the same value. */
export function displayValue(kind: FieldKind, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'amount':
      return String(value);
    case 'target':
      return (value as Target).raw;
    case 'level': {
      const v = value as CodeName;
      return v.code === '' && v.name === '' ? '' : `${v.code}-${v.name}`;
    }
    default:
      return String(value);
  }
}

const LEVEL_RE = /^([0-9A-Za-z]+)\s*[-－—–]\s*(\S.*)$/;

/**
 * What a reviewer typed, as the field's value. Amounts must be numbers (or empty for an empty cell), targets
 * are parsed again from their raw text with the profile's `parseTarget`, levels must be `code-name`. Throws a
 * 400 saying what was expected.
 *
 * @param current the field's value now: an optional text that is null stays null when left empty.
 */
export function parseEditedValue(kind: FieldKind, typed: unknown, current: unknown): unknown {
  if (typeof typed !== 'string') throw new ReviewError(400, `Expected the corrected value as text, got ${typed === null ? 'null' : typeof typed}`);
  if (typed.length > 10_000) throw new ReviewError(413, `Expected a value of at most 10000 characters, got ${typed.length}`);
  // Values never hold line breaks: wrapping put them in the document, and the contract takes them out.
  const text = typed.replace(/\s*[\r\n]+\s*/g, '').trim();
  switch (kind) {
    case 'amount': {
      const parsed = parseAmount(text);
      if (!parsed.ok || (parsed.value !== null && !Number.isFinite(parsed.value))) {
        throw new ReviewError(400, `Expected a number, got ${JSON.stringify(text)} (an amount such as 21947.14, or nothing for an empty cell)`);
      }
      return parsed.value;
    }
    case 'target':
      return parseTarget(text);
    case 'level': {
      // Empty is what extraction gives when the document names no level: a reviewer may confirm that.
      if (text === '') return { code: '', name: '' };
      const m = LEVEL_RE.exec(text);
      if (!m) throw new ReviewError(400, `Expected a level such as 1-产出指标 (code, dash, name), got ${JSON.stringify(text)}`);
      return { code: m[1]!, name: m[2]!.trim() };
    }
    case 'optional-text':
      return text === '' && current === null ? null : text;
    case 'text':
      if (text === '') throw new ReviewError(400, 'Expected some text, got nothing (this field cannot be empty)');
      return text;
  }
}
