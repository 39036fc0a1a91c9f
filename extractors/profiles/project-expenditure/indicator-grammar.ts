/**
 * The grammar of the 绩效指标 cell of a 项目支出绩效目标表: a numbered list of items
 *
 *   `1、1-产出指标；11-数量指标；房屋物业管理面积；实施周期指标值:2408平方米；年度指标值:2408平方米。2、…`
 *
 * Names and targets are free text that may contain `、`, `:`, `（%）`, `(是/否)`, `≤` and the like, so the parser
 * anchors on the two fixed labels (实施周期指标值, 年度指标值) and on `。N、` item boundaries instead of splitting on
 * punctuation. Publishers mix full-width and half-width punctuation (even inside one row, when a page break cuts
 * it), so every separator is accepted in both widths, with or without spaces.
 *
 * The parser reports, it does not repair: what does not fit goes into `problems` (per item) or `unparsed` (text
 * outside any item), and the document's characters are kept as they are. Confidence and numbering checks are
 * decided elsewhere from these reports.
 */

/** UTF-16 offsets into the parsed text, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A level code and name such as `11-数量指标`; `span` covers the whole trimmed piece. */
export interface ParsedCodeName {
  code: string;
  name: string;
  span: Span;
}

/** One item of the list, with what did not fit the grammar in `problems`. */
export interface ParsedIndicator {
  seq: number;
  seqSpan: Span;
  level1: ParsedCodeName | null;
  level2: ParsedCodeName | null;
  name: { value: string; span: Span } | null;
  /** Raw text of 实施周期指标值, trimmed. */
  periodTarget: { raw: string; span: Span } | null;
  /** Raw text of 年度指标值, trimmed. */
  annualTarget: { raw: string; span: Span } | null;
  /** What did not fit the grammar in this item, in plain English. */
  problems: string[];
  /** The whole item, from its sequence number to its closing `。` (when there is one). */
  span: Span;
}

/** The items found, and every non-blank stretch of text that belongs to no item. */
export interface IndicatorListParse {
  indicators: ParsedIndicator[];
  unparsed: { span: Span; text: string }[];
}

const DIGITS = '[0-9０-９]+';
const SEP_RE = /[；;]/;
const DASH_CLASS = '[-－—–‐]';

/** The label with optional whitespace between its characters: text layers sometimes split a word into runs. */
function labelRegExp(label: string): RegExp {
  return new RegExp(`${[...label].join('\\s*')}\\s*([:：])?`, 'g');
}

const PERIOD_LABEL = '实施周期指标值';
const ANNUAL_LABEL = '年度指标值';
/** The two labels of an item, in their order: 实施周期指标值, 年度指标值. */
export const TARGET_LABELS = [PERIOD_LABEL, ANNUAL_LABEL] as const;
const PERIOD_LABEL_RE = labelRegExp(PERIOD_LABEL);
const ANNUAL_LABEL_RE = labelRegExp(ANNUAL_LABEL);

/** `N、` at the start of the text or right after a `。`; the `。` belongs to the previous item. */
const ITEM_START_RE = new RegExp(`(^|。)(\\s*)(${DIGITS})\\s*、`, 'g');

/**
 * `N、` directly followed by a level code (`1-`), looked for only where no name can be: after an item's last
 * label, where a missing `。` is far more likely than a target that reads like an item, and outside items.
 */
const UNTERMINATED_ITEM_START_RE = new RegExp(`(${DIGITS})\\s*、(?=\\s*${DIGITS}\\s*${DASH_CLASS})`, 'g');

/**
 * `N、` followed by a level-1 code and a name ending in 指标 whose dash OCR lost (7、3清意硫指标 for 7、3-满意度指标),
 * taken for the next item only after an item's last label and only where N is the next number: a target does not
 * go on with the list's next number and a level name.
 */
const DASHLESS_ITEM_START_RE = new RegExp(`(${DIGITS})\\s*、(?=\\s*[1-4]\\s*\\S{1,6}指标)`, 'g');

const CODE_NAME_RE = new RegExp(`^(${DIGITS})\\s*(${DASH_CLASS})?\\s*([\\s\\S]*)$`);
const LOOKS_LIKE_CODE_NAME_RE = new RegExp(`^${DIGITS}\\s*${DASH_CLASS}`);

interface ItemStart {
  seq: number;
  seqSpan: Span;
  /** Where the item begins (its first digit). */
  start: number;
  /** Just after the `、`. */
  bodyStart: number;
}

interface Label {
  start: number;
  end: number;
  hasColon: boolean;
}

function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  return { start: s, end: e };
}

function slice(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

function findItemStarts(text: string): ItemStart[] {
  const starts: ItemStart[] = [];
  for (const m of text.matchAll(ITEM_START_RE)) {
    const digits = m[3] ?? '';
    const start = (m.index ?? 0) + (m[1] ?? '').length + (m[2] ?? '').length;
    starts.push({
      seq: Number(toAsciiDigits(digits)),
      seqSpan: { start, end: start + digits.length },
      start,
      bodyStart: (m.index ?? 0) + m[0].length,
    });
  }
  return starts;
}

function codeLedStart(m: RegExpExecArray): ItemStart {
  const digits = m[1] ?? '';
  return {
    seq: Number(toAsciiDigits(digits)),
    seqSpan: { start: m.index, end: m.index + digits.length },
    start: m.index,
    bodyStart: m.index + m[0].length,
  };
}

function findCodeLedStart(text: string, from: number, to: number): ItemStart | null {
  UNTERMINATED_ITEM_START_RE.lastIndex = from;
  const m = UNTERMINATED_ITEM_START_RE.exec(text);
  return m && m.index < to ? codeLedStart(m) : null;
}

/** The next item's `N、` whose level code lost its dash (`DASHLESS_ITEM_START_RE`), numbered `seq`, in from..to. */
function findDashlessStart(text: string, from: number, to: number, seq: number): ItemStart | null {
  DASHLESS_ITEM_START_RE.lastIndex = from;
  for (let m = DASHLESS_ITEM_START_RE.exec(text); m && m.index < to; m = DASHLESS_ITEM_START_RE.exec(text)) {
    if (Number(toAsciiDigits(m[1] ?? '')) === seq) return codeLedStart(m);
  }
  return null;
}

function findLabel(re: RegExp, text: string, from: number, to: number): Label | null {
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m || m.index + m[0].length > to) return null;
  return { start: m.index, end: m.index + m[0].length, hasColon: m[1] !== undefined };
}

function parseCodeName(text: string, span: Span, level: string, problems: string[]): ParsedCodeName | null {
  const piece = slice(text, span);
  if (piece === '') {
    problems.push(`Expected a ${level} code-name such as ${level === 'level 1' ? '1-产出指标' : '11-数量指标'}, got nothing`);
    return null;
  }
  const m = CODE_NAME_RE.exec(piece);
  if (!m) {
    problems.push(`Expected a numeric ${level} code before ${piece}`);
    return { code: '', name: piece, span };
  }
  const code = toAsciiDigits(m[1] ?? '');
  const name = (m[3] ?? '').trim();
  if (m[2] === undefined) problems.push(`Expected - between the ${level} code ${code} and its name, got ${piece}`);
  if (name === '') problems.push(`Expected a ${level} name after the code ${code}`);
  return { code, name, span };
}

/** Splits `L1；L2；name` at its first two separators; the name keeps any further separator as its own text. */
function parsePrefix(
  text: string,
  start: number,
  end: number,
  problems: string[],
): Pick<ParsedIndicator, 'level1' | 'level2' | 'name'> {
  const pieces: Span[] = [];
  let pieceStart = start;
  for (let i = start; i < end && pieces.length < 2; i++) {
    if (SEP_RE.test(text[i] ?? '')) {
      pieces.push(trimSpan(text, pieceStart, i));
      pieceStart = i + 1;
    }
  }
  const last = trimSpan(text, pieceStart, end);
  pieces.push(last);
  // A trailing empty piece is a missing part, not an empty one: `1-产出指标；` lacks level 2 and the name.
  while (pieces.length > 1 && pieces[pieces.length - 1]?.start === pieces[pieces.length - 1]?.end) pieces.pop();

  const nameOf = (span: Span): { value: string; span: Span } | null => {
    const value = slice(text, span);
    if (value === '') {
      problems.push('Expected an indicator name, got nothing');
      return null;
    }
    return { value, span };
  };
  const looksLikeCodeName = (span: Span): boolean => LOOKS_LIKE_CODE_NAME_RE.test(slice(text, span));

  const [p1, p2, p3] = pieces;
  if (p1 && p2 && p3) {
    return {
      level1: parseCodeName(text, p1, 'level 1', problems),
      level2: parseCodeName(text, p2, 'level 2', problems),
      name: nameOf(p3),
    };
  }
  if (p1 && p2) {
    // One piece is missing; which one is told by whether the second piece carries a code.
    if (looksLikeCodeName(p2)) {
      const level1 = parseCodeName(text, p1, 'level 1', problems);
      const level2 = parseCodeName(text, p2, 'level 2', problems);
      problems.push(`Expected an indicator name after ${slice(text, p2)}, got nothing`);
      return { level1, level2, name: null };
    }
    const level1 = parseCodeName(text, p1, 'level 1', problems);
    problems.push(`Expected a level 2 code-name before the indicator name ${slice(text, p2)}`);
    return { level1, level2: null, name: nameOf(p2) };
  }
  if (p1 && p1.end > p1.start) {
    if (looksLikeCodeName(p1)) {
      const level1 = parseCodeName(text, p1, 'level 1', problems);
      problems.push('Expected a level 2 code-name, got nothing');
      problems.push('Expected an indicator name, got nothing');
      return { level1, level2: null, name: null };
    }
    problems.push(`Expected level 1 and level 2 code-names before the indicator name ${slice(text, p1)}`);
    return { level1: null, level2: null, name: { value: slice(text, p1), span: p1 } };
  }
  problems.push('Expected level 1 and level 2 code-names and an indicator name, got nothing');
  return { level1: null, level2: null, name: null };
}

/** Strips one trailing `；` (and the spaces around it) from [start, end); tells whether there was one. */
function dropTrailingSeparator(text: string, start: number, end: number): { end: number; found: boolean } {
  const span = trimSpan(text, start, end);
  if (span.end > span.start && SEP_RE.test(text[span.end - 1] ?? '')) return { end: span.end - 1, found: true };
  return { end: span.end, found: false };
}

function targetOf(
  text: string,
  start: number,
  end: number,
  label: string,
  problems: string[],
): { raw: string; span: Span } | null {
  const span = trimSpan(text, start, end);
  if (span.end === span.start) {
    problems.push(`Expected a value after ${label}, got nothing`);
    return null;
  }
  return { raw: slice(text, span), span };
}

interface ItemParse {
  indicator: ParsedIndicator;
  /** First position after the item. */
  end: number;
  /** An item that started without the `。` that should have ended this one. */
  next: ItemStart | null;
}

function parseItem(text: string, item: ItemStart, limit: number): ItemParse {
  const problems: string[] = [];
  const period = findLabel(PERIOD_LABEL_RE, text, item.bodyStart, limit);
  const annual = findLabel(ANNUAL_LABEL_RE, text, period ? period.end : item.bodyStart, limit);
  const lastLabel = annual ?? period;

  // Where the item's own text ends (before its `。`), where the item ends (after it), and what follows.
  let valueEnd: number;
  let itemEnd: number;
  let next: ItemStart | null = null;
  if (lastLabel) {
    const stop = text.indexOf('。', lastLabel.end);
    const stopAt = stop === -1 || stop >= limit ? limit : stop;
    next = findCodeLedStart(text, lastLabel.end, stopAt) ?? findDashlessStart(text, lastLabel.end, stopAt, item.seq + 1);
    if (next) {
      problems.push(`Expected 。 to end the item before ${text.slice(next.start, next.bodyStart)}`);
      valueEnd = next.start;
      itemEnd = trimSpan(text, item.start, next.start).end;
    } else if (stopAt < limit) {
      valueEnd = stopAt;
      itemEnd = stopAt + 1;
    } else {
      valueEnd = trimSpan(text, item.start, limit).end;
      itemEnd = valueEnd;
    }
  } else {
    const tail = trimSpan(text, item.start, limit).end;
    valueEnd = text[tail - 1] === '。' ? tail - 1 : tail;
    itemEnd = tail;
  }

  const prefixEnd = period ? period.start : annual ? annual.start : valueEnd;
  let prefixStop = prefixEnd;
  if (lastLabel) {
    const dropped = dropTrailingSeparator(text, item.bodyStart, prefixEnd);
    prefixStop = dropped.end;
    const firstLabel = period ? PERIOD_LABEL : ANNUAL_LABEL;
    if (!dropped.found) problems.push(`Expected ； before ${firstLabel}`);
  }
  const { level1, level2, name } = parsePrefix(text, item.bodyStart, prefixStop, problems);

  let periodTarget: ParsedIndicator['periodTarget'] = null;
  let annualTarget: ParsedIndicator['annualTarget'] = null;
  if (period) {
    if (!period.hasColon) problems.push(`Expected : after ${PERIOD_LABEL}`);
    let periodEnd = valueEnd;
    if (annual) {
      const dropped = dropTrailingSeparator(text, period.end, annual.start);
      periodEnd = dropped.end;
      if (!dropped.found) problems.push(`Expected ； between the ${PERIOD_LABEL} value and ${ANNUAL_LABEL}`);
    }
    periodTarget = targetOf(text, period.end, periodEnd, PERIOD_LABEL, problems);
  } else {
    problems.push(annual ? `Expected ${PERIOD_LABEL} before ${ANNUAL_LABEL}` : `Expected ${PERIOD_LABEL}, got end of item`);
  }
  if (annual) {
    if (!annual.hasColon) problems.push(`Expected : after ${ANNUAL_LABEL}`);
    annualTarget = targetOf(text, annual.end, valueEnd, ANNUAL_LABEL, problems);
  } else if (period && findLabel(ANNUAL_LABEL_RE, text, item.bodyStart, period.start)) {
    problems.push(`Expected ${ANNUAL_LABEL} after ${PERIOD_LABEL}, got it before`);
  } else {
    problems.push(`Expected ${ANNUAL_LABEL}, got end of item`);
  }

  return {
    indicator: {
      seq: item.seq,
      seqSpan: item.seqSpan,
      level1,
      level2,
      name,
      periodTarget,
      annualTarget,
      problems,
      span: { start: item.start, end: itemEnd },
    },
    end: itemEnd,
    next,
  };
}

/**
 * Parses a 绩效指标 cell into its numbered items.
 *
 * Never throws. Every non-blank character of `text` ends up either inside an item's `span` or in `unparsed`;
 * whatever inside an item does not fit the grammar is described in that item's `problems`. Spans are UTF-16
 * offsets into `text`; names and raw targets are slices of it, trimmed of surrounding whitespace.
 *
 * @param text the cell's text, with the pieces of a row cut by a page break already joined
 */
export function parseIndicatorList(text: string): IndicatorListParse {
  const indicators: ParsedIndicator[] = [];
  const unparsed: IndicatorListParse['unparsed'] = [];
  const keepGap = (start: number, end: number): void => {
    const span = trimSpan(text, start, end);
    if (span.end > span.start) unparsed.push({ span, text: slice(text, span) });
  };

  const starts = findItemStarts(text);
  let cursor = 0;
  let nextPrimary = 0;
  let current: ItemStart | undefined = starts[0];
  for (;;) {
    // A list can follow a heading such as `绩效指标：`, or resume after stray text, without a `。` before its
    // `N、`; a `N、` directly followed by a level code is an item there too.
    const codeLed = findCodeLedStart(text, cursor, current?.start ?? text.length);
    if (codeLed) current = codeLed;
    if (!current) break;
    const item: ItemStart = current;
    while (nextPrimary < starts.length && (starts[nextPrimary]?.start ?? 0) <= item.start) nextPrimary++;
    const limit = starts[nextPrimary]?.start ?? text.length;
    keepGap(cursor, item.start);
    const parsed = parseItem(text, item, limit);
    indicators.push(parsed.indicator);
    cursor = parsed.end;
    current = parsed.next ?? starts[nextPrimary];
  }
  keepGap(cursor, text.length);
  return { indicators, unparsed };
}
