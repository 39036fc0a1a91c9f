/**
 * Checks of a 项目支出绩效目标表. Each check is listed in the output and, when it fails, lowers the confidence
 * of the fields it involves, with a note that says which check and by how much it missed.
 */
import { capConfidence, isHowReadNote, readByOcr, REPAIRED_NOTE, vouchedNote, type DraftField } from '../../../pipeline/field.js';
import { vouchForDictionaryWords } from './word-vouchers.js';
import { FAILED_CHECK_CAP, FAILED_SUM_AGGREGATE_CAP, FAILED_SUM_PART_CAP, VOUCHED_AMOUNT_CONFIDENCE, VOUCHED_LEVEL_CONFIDENCE } from '../../../pipeline/confidence.js';
import { LEVEL1_CODES, LEVEL2_CODES } from './repairs.js';
import { DEFAULT_REVIEW_THRESHOLD, type DraftIndicator, type DraftRow, type Stage } from '../../../pipeline/types.js';
import type { Check } from '../../../schemas/extraction.js';
import { settleDisputedAmounts } from './disputed-amounts.js';
import { isSolvedNote, solveUnreadAmounts } from './unread-amounts.js';
import { AMOUNT_KEYS, grandTotalGroup, unitGroups, type AmountKey } from './sum-groups.js';

export const CHECK_RULES = {
  rowAmounts: 'row-amounts-add-up',
  unitSum: 'unit-equals-sum-of-projects',
  totalSum: 'total-equals-sum-of-units',
  indicatorSeq: 'indicator-seq-runs-1-to-n',
  levelCodes: 'level2-extends-level1',
  targetUnits: 'targets-same-unit',
  uniqueNames: 'project-name-unique-in-unit',
  thousands: 'thousands-grouped-alike',
} as const;

const AMOUNT_LABELS: Record<AmountKey, string> = { total: '总计', fiscal: '财政拨款', specialAccount: '财政专户拨款', other: '其他资金' };

/** Amounts compared in cents: the tables print two decimals, and floats must not decide a check. */
const cents = (v: number | null): number => Math.round((v ?? 0) * 100);
const yuan = (c: number): string => (c / 100).toFixed(2);

export const checkProjectRows: Stage<DraftRow[], Check[]> = (rows, ctx) => {
  settleDisputedAmounts(rows);
  solveUnreadAmounts(rows);
  // Whether a field was doubtful as read, before any check lowered it: a sum miss is pinned only on a field the
  // reading itself doubted (a reviewed field never is one).
  const asRead = new Map(rows.flatMap((r) => AMOUNT_KEYS.map((k) => [r[k], r[k].confidence] as const)));
  const doubtful = (f: DraftField<unknown>) => (asRead.get(f as DraftField<number | null>) ?? f.confidence) < ctx.settings.reviewThreshold;
  const sums = [...rows.flatMap((row, i) => checkRowAmounts(row, i)), ...checkUnitSums(rows, doubtful), ...checkGrandTotal(rows, doubtful)];
  vouchForAmounts(rows, sums);
  const indicatorChecks = rows.flatMap((row, i) => (row.kind === 'project' ? checkIndicators(row, i) : []));
  vouchForShortLevel2Names(rows, ctx.settings.reviewThreshold);
  vouchForDictionaryWords(rows, ctx.settings.reviewThreshold);
  return [
    ...sums,
    ...indicatorChecks,
    ...checkUniqueNames(rows),
    ...checkThousandsGrouping(rows),
  ];
};

/**
 * Amounts the sums vouch for: in a row that adds up (总计 = its parts), each amount whose column adds up with its
 * unit or the 合计, where the column sum has two parts at least (with one, the aggregate repeats the same
 * figures, and OCR misreads the same figures alike). Each amount read there with doubt is raised to
 * `VOUCHED_AMOUNT_CONFIDENCE`: to be wrong it would need two more misreads that cancel it, one in its row and one
 * in its column. So is a doubted empty one (ink OCR could not read, no figure): a figure there would have made
 * both sums miss. A column that misses (one unit's 财政拨款 misread) vouches for none of its own; it says nothing of
 * the others'.
 */
export function vouchForAmounts(rows: readonly DraftRow[], sums: readonly Check[]): void {
  const rowSum = new Map(sums.filter((c) => c.rule === CHECK_RULES.rowAmounts).map((c) => [c.rows[0]!, c.ok]));
  const columnSums = sums.filter((c) => c.rule === CHECK_RULES.unitSum || c.rule === CHECK_RULES.totalSum);
  // A sum that adds up with an amount put back from it says nothing of its other amounts: that amount would have
  // taken up any misread among them.
  const solvedIn = (positions: readonly number[], key: AmountKey) => positions.some((p) => rows[p]![key].notes.some(isSolvedNote));
  rows.forEach((row, i) => {
    if (rowSum.get(i) !== true || AMOUNT_KEYS.some((k) => solvedIn([i], k))) return;
    const columns = columnSums.filter((c) => c.rows.includes(i));
    // rows[0] of a column sum is its aggregate, the rest its parts.
    if (columns.length === 0 || !columns.some((c) => c.rows.length >= 3)) return;
    const rules = [CHECK_RULES.rowAmounts, ...new Set(columns.map((c) => c.rule))];
    for (const key of AMOUNT_KEYS) {
      // Column by column: a miss in another column (a unit's 财政拨款 misread) says nothing of this one's figures.
      if (!columns.every((c) => columnAddsUp(rows, c.rows, key) && !solvedIn(c.rows, key))) continue;
      const field = row[key];
      // A doubted null too (a speck OCR could not read where the cell is empty): the sums add up with nothing there.
      if (field.confidence >= VOUCHED_AMOUNT_CONFIDENCE) continue;
      field.notes.push(vouchedNote(rules, field.confidence));
      field.confidence = VOUCHED_AMOUNT_CONFIDENCE;
    }
  });
}

/** What vouches for a level pair: its code extends the other's, and both are the format's own words. */
const LEVEL_VOUCHERS = [CHECK_RULES.levelCodes, 'the fixed vocabulary'];

/**
 * OCR's doubts of a level field's characters (two models disagreeing, ink OCR did not read, brackets), a code OCR
 * read and its name confirmed, a separator after it put back. A code written from the name (level code «工» before
 * 产出指标 read as 1-) is not: then the name alone speaks, and 数量指标 and 质量指标 are one character apart.
 */
const OCR_DOUBT_OF_A_LEVEL = /^(?:read by OCR|two OCR models read|a mark (?:between|after)|ink between|repaired: level code \d+- confirmed by its name|repaired: «[^»]*» after \S+ read as ；)/;

/** Whether a note leaves a level field to the vocabulary: how it was read, or one of OCR's doubts of it. */
const leftToVocabulary = (note: string): boolean => isHowReadNote(note) || OCR_DOUBT_OF_A_LEVEL.test(note);

/**
 * Problems of an item that lie after its indicator name, in its targets (a label or separator missed): they say
 * nothing of the level names the item opens with, which a level's own problems (a code, a hyphen, a name not found)
 * or a missing indicator name (perhaps swallowed by the level-2 name) would. With them, the item's text is noted
 * too (`indicator 3 reads «…»`).
 */
const PROBLEM_AFTER_LEVELS = /^indicator \d+(?: reads «|: Expected (?:a value after|。 to end the item|； before|: after|； between|实施周期指标值|年度指标值))/;

/**
 * Level fields read by OCR that the format vouches for: the level-1 and level-2 pair are each a name of the format
 * with its own code (2-效益指标, 22-社会效益指标), the level-2 code extends the level-1 code, and what doubts them is
 * only OCR's (`leftToVocabulary`). To be wrong, a misread would have to make another name of the format and its
 * code both. Each is raised to `VOUCHED_LEVEL_CONFIDENCE`. Measured on the thirteen development and evaluation sets
 * (cached reads): 108 right fields no longer flagged, no wrong one; with the short level-2 names too, 3 wrong ones
 * (服务对象满意度 where the page has 服务对象满意度指标, its 指标 lost with the ； after it). An item whose problems lie
 * only in its targets (`PROBLEM_AFTER_LEVELS`) is vouched for as well: on the twenty-two sets, 114 more right level
 * fields, no wrong one.
 */
export function vouchForLevels(row: DraftRow): void {
  const vouch = (field: DraftField<unknown>, leftAlone: (note: string) => boolean) => {
    if (field.confidence >= VOUCHED_LEVEL_CONFIDENCE || !readByOcr(field) || !field.notes.every((n) => leftAlone(n) || PROBLEM_AFTER_LEVELS.test(n))) return;
    field.notes.push(vouchedNote(LEVEL_VOUCHERS, field.confidence));
    field.confidence = VOUCHED_LEVEL_CONFIDENCE;
  };
  for (const ind of row.indicators) {
    const l2 = ind.level2.value;
    const level1Named = namedLevel1Extended(ind);
    // A short level-2 name (服务对象满意度) is a name of the format too, and also what is left of the long one when
    // OCR lost its 指标: only the long ones are vouched for.
    if (level1Named && LEVEL2_CODES[l2.name] === l2.code && l2.name.endsWith('指标')) {
      for (const field of [ind.level1, ind.level2]) vouch(field, leftToVocabulary);
    }
    // Level 1 alone, whatever its level 2 (a short name, a doubt of its own): its name is one of three or four
    // far apart (产出指标, 效益指标, 满意度指标, 成本指标), its code is that name's, and the level-2 code read after it
    // extends that code. A repair that made it so (a level code written from the name, a character taken from the
    // other model) is vouched for with it: the name and two codes agreeing is what a misread does not make. On the
    // twenty-three sets: 150 right level-1 fields no longer flagged, no wrong one.
    if (level1Named) vouch(ind.level1, (n) => leftToVocabulary(n) || n.startsWith(REPAIRED_NOTE));
  }
}

/** Whether an item's level 1 is a name of the format with that name's code, and its level-2 code extends that code. */
function namedLevel1Extended(ind: DraftIndicator): boolean {
  const l1 = ind.level1.value;
  const l2 = ind.level2.value;
  return LEVEL1_CODES[l1.name] === l1.code && l2.code.length === l1.code.length + 1 && l2.code.startsWith(l1.code);
}

/** A level-2 separator put back where OCR read nothing after the name: what stood there (its 指标) may be lost. */
const SEPARATOR_PUT_BACK_FROM_NOTHING = /^repaired: «» after \S+ read as ；/;

/**
 * Short level-2 names (社会效益, 服务对象满意度) that the document itself vouches for: the pair is the format's names
 * with their codes, one extending the other (as `vouchForLevels` asks of the long names), only OCR's doubts stand
 * against the field, and another item of the same document reads the same short name at or above `threshold`. A
 * short name is also what is left of a long one whose 指标 OCR lost; the document writing the short form surely
 * elsewhere says it is one of its forms, and a ； put back where OCR read nothing after the name (the trace of a
 * lost 指标；) keeps the field in doubt. Each is raised to `VOUCHED_LEVEL_CONFIDENCE`.
 *
 * Measured on the twenty-three development and evaluation sets (cached reads): of 68 flagged short names, 3 were
 * wrong (服务对象满意度 where the page has 服务对象满意度指标, the name's only short reading in its document, two of
 * them after a ； put back from nothing). This raises 34 right ones and no wrong one.
 */
export function vouchForShortLevel2Names(rows: readonly DraftRow[], threshold: number): void {
  const indicators = rows.flatMap((r) => r.indicators);
  const isShort = (ind: DraftIndicator) => LEVEL2_CODES[ind.level2.value.name] === ind.level2.value.code && !ind.level2.value.name.endsWith('指标');
  const surelyRead = new Set(indicators.filter((ind) => isShort(ind) && ind.level2.confidence >= threshold).map((ind) => `${ind.level2.value.code}-${ind.level2.value.name}`));
  for (const ind of indicators) {
    const l2 = ind.level2.value;
    const field = ind.level2;
    if (!isShort(ind) || field.confidence >= threshold || !readByOcr(field) || !surelyRead.has(`${l2.code}-${l2.name}`) || !namedLevel1Extended(ind)) continue;
    if (!field.notes.every((n) => leftToVocabulary(n) && !SEPARATOR_PUT_BACK_FROM_NOTHING.test(n))) continue;
    field.notes.push(vouchedNote([...LEVEL_VOUCHERS, 'the same name read surely in this document'], field.confidence));
    field.confidence = VOUCHED_LEVEL_CONFIDENCE;
  }
}

/** Whether column `key` of the rows at `positions` adds up: the first the aggregate, the rest its parts. */
function columnAddsUp(rows: readonly DraftRow[], positions: readonly number[], key: AmountKey): boolean {
  const [aggregate, ...parts] = positions;
  return cents(rows[aggregate!]![key].value) === parts.reduce((sum, p) => sum + cents(rows[p]![key].value), 0);
}

/** Whether a field counts as doubtful for pinning a sum miss on it. */
type Doubtful = (field: DraftField<unknown>) => boolean;
const belowThreshold = (threshold: number): Doubtful => (f) => f.confidence < threshold;

/** 总计 = 财政拨款 + 财政专户拨款 + 其他资金. */
export function checkRowAmounts(row: DraftRow, position: number): Check[] {
  if (row.total.value === null && row.fiscal.value === null && row.specialAccount.value === null && row.other.value === null) return [];
  const parts = cents(row.fiscal.value) + cents(row.specialAccount.value) + cents(row.other.value);
  const ok = cents(row.total.value) === parts;
  const message = ok
    ? `${row.name.value}: 总计 ${yuan(parts)} = 财政拨款 + 财政专户拨款 + 其他资金`
    : `${row.name.value}: expected 总计 = 财政拨款 + 财政专户拨款 + 其他资金 = ${yuan(parts)}, got ${yuan(cents(row.total.value))}`;
  if (!ok) {
    capConfidence(row.total, FAILED_SUM_AGGREGATE_CAP, `${CHECK_RULES.rowAmounts} failed: ${message}`);
    for (const k of ['fiscal', 'specialAccount', 'other'] as const) capConfidence(row[k], FAILED_SUM_PART_CAP, `${CHECK_RULES.rowAmounts} failed: ${message}`);
  }
  return [{ rule: CHECK_RULES.rowAmounts, ok, rows: [position], message }];
}

/**
 * Compare an aggregate row with the sum of its parts, column by column; lower the fields of a column that misses.
 *
 * A miss that one already doubtful field explains (the value the sum asks of it is one OCR slip from what was
 * read: a digit dropped, added or changed) lowers that field alone; the others of the column add up around it,
 * so they vouch for one another. A field OCR could not read at all is the column's one unknown: it takes the
 * note of what the sum asks of it, and the others keep their own confidence. Any other miss lowers the whole
 * column, for which field is wrong is unknown.
 */
function checkSum(rule: string, aggregate: DraftRow, aggregatePosition: number, parts: { row: DraftRow; position: number }[], what: string, isDoubtful: Doubtful): Check {
  const misses: string[] = [];
  for (const key of AMOUNT_KEYS) {
    const sum = parts.reduce((s, p) => s + cents(p.row[key].value), 0);
    const got = cents(aggregate[key].value);
    if (sum === got) continue;
    const miss = `${AMOUNT_LABELS[key]}: expected ${yuan(sum)} (${what}), got ${yuan(got)}`;
    misses.push(miss);
    // What each field would have to read for the column to add up.
    const asked = [
      { field: aggregate[key] as DraftField<number | null>, wanted: sum, note: `${rule} failed: ${miss}` },
      ...parts.map((p) => ({ field: p.row[key] as DraftField<number | null>, wanted: cents(p.row[key].value) + got - sum, note: `${rule} failed for ${aggregate.name.value}: ${miss}` })),
    ];
    const doubtful = asked.filter((a) => isDoubtful(a.field));
    // An amount OCR could not read at all (null, and doubted) is what the column's sum asks of it; with it
    // unknown, the sum can say nothing of the others, so it lowers none of them.
    const unreadable = doubtful.filter((a) => a.field.value === null);
    if (unreadable.length === 1) {
      capConfidence(unreadable[0]!.field, FAILED_SUM_AGGREGATE_CAP, `${unreadable[0]!.note}; this field, unreadable, would read ${yuan(unreadable[0]!.wanted)}`);
      continue;
    }
    const culprit = doubtful.length === 1 && oneSlipAway(cents(doubtful[0]!.field.value), doubtful[0]!.wanted) ? doubtful[0]! : null;
    if (culprit) {
      capConfidence(culprit.field, FAILED_SUM_AGGREGATE_CAP, `${culprit.note}; this field would read ${yuan(culprit.wanted)}`);
      continue;
    }
    capConfidence(aggregate[key], FAILED_SUM_AGGREGATE_CAP, `${rule} failed: ${miss}`);
    for (const p of parts) capConfidence(p.row[key] as DraftField<unknown>, FAILED_SUM_PART_CAP, `${rule} failed for ${aggregate.name.value}: ${miss}`);
  }
  const ok = misses.length === 0;
  return {
    rule,
    ok,
    rows: [aggregatePosition, ...parts.map((p) => p.position)],
    message: ok ? `${aggregate.name.value} = ${what}` : `${aggregate.name.value}: ${misses.join('; ')}`,
  };
}

/** Each unit's amounts = the sum of its projects. */
export function checkUnitSums(rows: readonly DraftRow[], isDoubtful: Doubtful = belowThreshold(DEFAULT_REVIEW_THRESHOLD)): Check[] {
  return unitGroups(rows).map(({ aggregate, parts }) =>
    checkSum(CHECK_RULES.unitSum, rows[aggregate]!, aggregate, parts.map((position) => ({ row: rows[position]!, position })), `the sum of its ${parts.length} projects`, isDoubtful),
  );
}

/** 合计 = the sum of the units (of the projects when the table has no unit rows). */
export function checkGrandTotal(rows: readonly DraftRow[], isDoubtful: Doubtful = belowThreshold(DEFAULT_REVIEW_THRESHOLD)): Check[] {
  const group = grandTotalGroup(rows);
  if (!group) return [];
  const totalAt = group.aggregate;
  const parts = group.parts.map((position) => ({ row: rows[position]!, position }));
  const units = parts.filter((p) => p.row.kind === 'unit').length;
  const what = units === parts.length ? `${units} units` : units === 0 ? `${parts.length} projects` : `${units} units and ${parts.length - units} projects under no unit`;
  return [checkSum(CHECK_RULES.totalSum, rows[totalAt]!, totalAt, parts, `the sum of ${what}`, isDoubtful)];
}

/**
 * Whether two amounts (cents) are one OCR slip apart: their digits, without the decimal point and the zeros
 * after it, one edit apart (52.5 read for 52.56, 1446 for 1464 is two).
 */
export function oneSlipAway(read: number, wanted: number): boolean {
  if (wanted < 0) return false;
  const digits = (c: number) => yuan(c).replace(/\.?0+$/, '').replace('.', '');
  const a = digits(read);
  const b = digits(wanted);
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  // One substitution, or one digit more in the longer.
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.length === long.length ? short.slice(i + 1) === long.slice(i + 1) : short.slice(i) === long.slice(i + 1);
}

/** A unit for comparison: the same in full and half width (％ and %, ｍ and m). */
function unitKey(unit: string): string {
  return unit.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s/g, '');
}

/** Why a numbering that breaks off doubts only the items at its breaks (`ownNumberingBreaks`). */
const OWN_NUMBERING = 'the items around it read whole and none holds another, so the document numbers them so and none after it stands misplaced';

/**
 * Text of another item inside an item's fields: its number (5、), a level name, a target's label or part of one
 * (买更周期入称值 for 实施周期指标值), or the ； that parts an item's pieces, which no name or target holds.
 */
const ANOTHER_ITEM = /\d\s*[、，,]\s*\S*指标|指标值|周期|(?:产出|效益|满意度|成本)指标|[;；]/;

/**
 * Where a numbering that breaks off (1, 2, 3, 4, 6, 7; 1, 2, 3, 4, 4, 5; 1, 2, 3, 5, 4, 6) is the document's own,
 * not an item OCR lost, merged into its neighbour or read twice, the places of the items at its breaks (an item
 * whose number is its place, the 6 after 1, 2, 3, 5, 4, is at none); null where it may not be. A lost item leaves a trace in the items around
 * the break: its text in the one before (4、1-产出指标；… read into a target of item 3, its 4 garbled), an item that
 * did not parse, or the same item twice. Where the numbering starts at 1, every item at a break parsed without a
 * problem, the item before holds no other's text, and no two items share a name, nothing was lost, and the items
 * after a break stand in place: only the item at each break is doubted. A text layer loses no item: there the
 * numbering is the document's own as a rule, which this says as well.
 */
export function ownNumberingBreaks(indicators: readonly DraftIndicator[]): number[] | null {
  if (indicators[0]?.seq !== 1) return null;
  const names = new Set(indicators.map((ind) => ind.name.value));
  if (names.size !== indicators.length) return null;
  const parsed = (ind: DraftIndicator) => !ind.level1.notes.some((n) => /^indicator \d+[: ]/.test(n));
  const whole = (ind: DraftIndicator) => parsed(ind) && ![ind.name.value, ind.periodTarget.value.raw, ind.annualTarget.value.raw].some((t) => ANOTHER_ITEM.test(t));
  const runsOn = (i: number) => i === 0 || indicators[i]!.seq === indicators[i - 1]!.seq + 1;
  if (!indicators.every((ind, i) => runsOn(i) || (whole(ind) && whole(indicators[i - 1]!)))) return null;
  return indicators.flatMap((ind, i) => (runsOn(i) || ind.seq === i + 1 ? [] : [i]));
}

/** Numbering 1..n, level-2 codes under their level-1 code, the two targets in the same unit. */
export function checkIndicators(row: DraftRow, position: number): Check[] {
  const name = row.name.value;
  const seqs = row.indicators.map((ind) => ind.seq);
  // Numbering that breaks off means an item was lost, merged into its neighbour or read twice: from there on,
  // every indicator may stand at the wrong place or hold its neighbour's text, so all their fields are doubted.
  const bad = row.indicators.flatMap((ind, i) => (ind.seq !== i + 1 ? [i] : []));
  const firstBad = bad[0] ?? -1;
  // A number misread in place (1…7, 7, 9, 10): the numbering goes on right after it, so the items stand where
  // they should; that item alone is doubted. Otherwise an item was lost or merged, and all from there on are.
  const misreadInPlace = bad.every((i) => i + 1 < row.indicators.length && row.indicators[i + 1]!.seq === i + 2);
  const fieldsOf = (ind: DraftIndicator) => [ind.level1, ind.level2, ind.name, ind.periodTarget, ind.annualTarget] as DraftField<unknown>[];
  const ownBreaks = firstBad >= 0 && !misreadInPlace ? ownNumberingBreaks(row.indicators) : null;
  if (ownBreaks) {
    // Nothing stands misplaced: only the items at a break are doubted, for a reviewer to see the numbering is the page's.
    for (const i of ownBreaks) {
      const note = `${CHECK_RULES.indicatorSeq} failed: indicator numbered ${row.indicators[i]!.seq} follows ${row.indicators[i - 1]!.seq}; ${OWN_NUMBERING}`;
      for (const f of fieldsOf(row.indicators[i]!)) capConfidence(f, FAILED_CHECK_CAP, note);
    }
  } else if (firstBad >= 0 && misreadInPlace) {
    for (const i of bad) {
      const note = `${CHECK_RULES.indicatorSeq} failed: indicator numbered ${row.indicators[i]!.seq} stands at place ${i + 1}, and the numbering runs on after it: its number, or more of it, is misread`;
      for (const f of fieldsOf(row.indicators[i]!)) capConfidence(f, FAILED_CHECK_CAP, note);
    }
  } else if (firstBad >= 0) {
    const at = row.indicators[firstBad]!;
    const note = `${CHECK_RULES.indicatorSeq} failed: indicator numbered ${at.seq} stands at place ${firstBad + 1}; this and the indicators after it may be misplaced`;
    for (const ind of row.indicators.slice(firstBad)) for (const f of fieldsOf(ind)) capConfidence(f, FAILED_CHECK_CAP, note);
  }
  const checks: Check[] = [
    {
      rule: CHECK_RULES.indicatorSeq,
      ok: firstBad < 0,
      rows: [position],
      message:
        firstBad < 0
          ? `${name}: indicators numbered 1..${seqs.length}`
          : `${name}: expected indicators numbered 1..${seqs.length}, got ${seqs.join(', ')}${ownBreaks ? '; the items around each break read whole: the document numbers them so' : ''}`,
    },
  ];

  const badCodes = row.indicators.filter((ind) => {
    const l1 = ind.level1.value.code;
    const l2 = ind.level2.value.code;
    return !(l1 !== '' && l2.length > l1.length && l2.startsWith(l1));
  });
  for (const ind of badCodes) {
    const note = `${CHECK_RULES.levelCodes} failed: indicator ${ind.seq} has level 2 code ${ind.level2.value.code || '(none)'} under level 1 code ${ind.level1.value.code || '(none)'}`;
    capConfidence(ind.level1, FAILED_CHECK_CAP, note);
    capConfidence(ind.level2, FAILED_CHECK_CAP, note);
  }
  vouchForLevels(row);
  checks.push({
    rule: CHECK_RULES.levelCodes,
    ok: badCodes.length === 0,
    rows: [position],
    message:
      badCodes.length === 0
        ? `${name}: every level 2 code extends its level 1 code`
        : `${name}: expected each level 2 code to extend its level 1 code, got ${badCodes.map((i) => `${i.level1.value.code}/${i.level2.value.code} (indicator ${i.seq})`).join(', ')}`,
  });

  const badUnits = row.indicators.filter((ind) => {
    const a = ind.periodTarget.value.unit;
    const b = ind.annualTarget.value.unit;
    if (a !== null && b !== null) return unitKey(a) !== unitKey(b);
    // A number with a unit beside one without (≥35% / ≥329) is what OCR makes of % (9, 96); a publisher may print
    // it so (≥90% / 90), and a text layer is taken at its word.
    const ocr = readByOcr(ind.periodTarget) || readByOcr(ind.annualTarget);
    return ocr && ind.periodTarget.value.value !== null && ind.annualTarget.value.value !== null && (a === null) !== (b === null);
  });
  for (const ind of badUnits) {
    const note = `${CHECK_RULES.targetUnits} failed: 实施周期指标值 ${ind.periodTarget.value.raw} and 年度指标值 ${ind.annualTarget.value.raw} are in different units`;
    capConfidence(ind.periodTarget, FAILED_CHECK_CAP, note);
    capConfidence(ind.annualTarget, FAILED_CHECK_CAP, note);
  }
  checks.push({
    rule: CHECK_RULES.targetUnits,
    ok: badUnits.length === 0,
    rows: [position],
    message:
      badUnits.length === 0
        ? `${name}: period and annual targets in the same units`
        : `${name}: expected period and annual targets in the same unit, got ${badUnits.map((i) => `${i.periodTarget.value.raw}/${i.annualTarget.value.raw} (indicator ${i.seq})`).join(', ')}`,
  });
  return checks;
}

/** The same project name twice under one unit. */
export function checkUniqueNames(rows: readonly DraftRow[]): Check[] {
  const checks: Check[] = [];
  const groups = new Map<string, number[]>();
  rows.forEach((row, i) => {
    if (row.kind !== 'project') return;
    const key = `${row.unit ?? ''}\u0000${row.name.value.replace(/\s/g, '')}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(i);
  });
  for (const positions of groups.values()) {
    if (positions.length < 2) continue;
    const first = rows[positions[0]!]!;
    const message = `expected project names unique within ${first.unit ?? 'the table'}, got ${first.name.value} ${positions.length} times`;
    for (const p of positions.slice(1)) capConfidence(rows[p]!.name, FAILED_CHECK_CAP, `${CHECK_RULES.uniqueNames} failed: ${message}`);
    checks.push({ rule: CHECK_RULES.uniqueNames, ok: false, rows: positions, message });
  }
  if (checks.length === 0 && rows.some((r) => r.kind === 'project')) {
    checks.push({ rule: CHECK_RULES.uniqueNames, ok: true, rows: [], message: 'every project name is unique within its unit' });
  }
  return checks;
}

/** A number printed with thousands grouped (35,000). */
const GROUPED_NUMBER = /(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d])/;
/** A number of four digits or more without grouping, that is no date (2025年, or a year opening a range of years: 2025-2027年) and no code. */
const UNGROUPED_NUMBER = /(?<![\d,.])\d{4,}(?![\d,]|\s*[年月日号]|\s*[-－~～—–至到]\s*\d{4}\s*年)/;

/**
 * A document that groups thousands (不少于35,000人) groups them in every target: an ungrouped 2000 beside them is
 * most often a comma OCR lost. The check is listed for every document that groups; only targets read by OCR
 * are lowered, as a text layer says what the publisher printed.
 */
export function checkThousandsGrouping(rows: readonly DraftRow[]): Check[] {
  const targets = rows.flatMap((row, position) => row.indicators.flatMap((ind) => [ind.periodTarget, ind.annualTarget].map((field) => ({ field, position }))));
  const example = targets.find((t) => GROUPED_NUMBER.test(t.field.value.raw));
  if (!example) return [];
  const ungrouped = targets.filter((t) => UNGROUPED_NUMBER.test(t.field.value.raw));
  const shown = GROUPED_NUMBER.exec(example.field.value.raw)![0];
  for (const { field } of ungrouped) {
    if (readByOcr(field)) capConfidence(field, FAILED_CHECK_CAP, `${CHECK_RULES.thousands} failed: the document groups thousands (${shown}), ${field.value.raw} does not: a comma may be lost`);
  }
  const ok = ungrouped.length === 0;
  return [
    {
      rule: CHECK_RULES.thousands,
      ok,
      rows: [...new Set((ok ? [example] : ungrouped).map((t) => t.position))],
      message: ok ? `every target of four digits or more groups thousands, as ${shown}` : `expected thousands grouped as in ${shown}, got ${ungrouped.map((t) => t.field.value.raw).join(', ')}`,
    },
  ];
}

