/**
 * Stitched rows to typed rows of a 项目支出绩效目标表: kinds, amounts, goal and the parsed indicator list,
 * each field with the confidence its reading earned.
 */
import { capByOcr, capConfidence, fieldFrom, scaleConfidence, type DraftField } from '../../../pipeline/field.js';
import { SPLIT_CELL_FACTOR, STITCH_FACTOR, STRADDLING_CAP, UNPARSED_CAP, UNCERTAIN_KIND_CAP } from '../../../pipeline/confidence.js';
import type { DraftIndicator, DraftRow, Stage, StitchedRow } from '../../../pipeline/types.js';
import type { Target } from '../../../schemas/extraction.js';
import { EMPTY_TEXT, sliceText, trimText, type PositionedText } from '../../text/positioned-text.js';
import { parseAmount } from './amounts.js';
import { parseIndicatorList, type ParsedIndicator } from './indicator-grammar.js';
import { TOTAL_ROW_NAMES } from './profile.js';
import { COMPARATOR_GLYPHS, parseTarget, unknownLatinUnit } from './targets.js';
import { DISPUTED_DOUBT, OTHER_READ_BEFORE_DOUBT, SWALLOWED_DOUBT } from '../../raster/ocr-read.js';
import { LEVEL1_CODES, LEVEL2_CODES, LOST_LABEL_COLON, repairAmountText, repairGoalText, repairIndicatorText } from './repairs.js';
import { RATE_NAME, rateTargetEdits } from './target-repairs.js';
import { applyEdits, isOcrText } from '../../text/text-edits.js';
import { oneSubstitution } from '../../text/substitution.js';
import { AMOUNT_KEYS } from './sum-groups.js';
import { UNDECIDED_SHAPE } from '../../raster/comparator-slot.js';


export const parseProjectRows: Stage<StitchedRow[], DraftRow[]> = (stitched) => {
  const rows: DraftRow[] = [];
  let currentUnit: string | null = null;
  for (const row of stitched) {
    const draft = stitchedToDraftRow(row);
    if (draft.kind === 'unit') currentUnit = draft.name.value;
    if (draft.kind === 'project') draft.unit = currentUnit;
    rows.push(draft);
  }
  return rows;
};

/** One stitched row to a draft row. Pure. */
export function stitchedToDraftRow(row: StitchedRow): DraftRow {
  const cellText = (key: string): PositionedText => trimText(row.cells.get(key)?.text ?? EMPTY_TEXT);
  /** Confidence and notes every field of a column starts from. */
  const base = <T>(key: string, value: T, text: PositionedText | null, start?: number, end?: number): DraftField<T> => {
    const field = fieldFrom(value, text, row.readConfidence, row.notes, start, end);
    const cell = row.cells.get(key);
    // An empty value was read from its whole cell: that region is what a reviewer needs to see.
    if (field.sources.length === 0 && cell) field.sources = cell.regions.map((r) => ({ page: r.page, bbox: [...r.bbox] }));
    if (row.joinedColumns.includes(key)) scaleConfidence(field, STITCH_FACTOR, `joined across the page break (pages ${row.pages.join(', ')})`);
    if (cell && cell.straddling > 0) capConfidence(field, STRADDLING_CAP, `${cell.straddling} character(s) sit on a ruling line: text may belong to the next cell`);
    if (cell && cell.parts > 1) scaleConfidence(field, SPLIT_CELL_FACTOR, `read from ${cell.parts} drawn cells joined left to right`);
    for (const doubt of cell?.doubts ?? []) capConfidence(field, doubt.cap, doubt.note);
    capByOcr(field, text, start, end);
    return field;
  };

  const nameText = cellText('name');
  const goalText = repairGoalText(cellText('goal'));
  let indicatorsText = repairIndicatorText(cellText('indicators'));
  const name = base('name', nameText.text, nameText);
  // A cell that holds only ink OCR could not read (a speck in a noisy scan) is as good as empty for the row's
  // kind, but the kind is then a guess the sums must bear out.
  const unreadOnly = (t: string) => t !== '' && /^[\s\uFFFD]*$/.test(t);
  const blank = (t: string) => t === '' || unreadOnly(t);
  const kind: DraftRow['kind'] = TOTAL_ROW_NAMES.test(nameText.text.replace(/\s/g, ''))
    ? 'total'
    : blank(goalText.text) && blank(indicatorsText.text)
      ? 'unit'
      : 'project';
  if (kind === 'unit' && (unreadOnly(goalText.text) || unreadOnly(indicatorsText.text))) {
    capConfidence(name, UNCERTAIN_KIND_CAP, 'a unit row: its 绩效目标 and 绩效指标 cells hold only ink OCR could not read');
  }

  const amounts = Object.fromEntries(
    AMOUNT_KEYS.map((key) => {
      const text = repairAmountText(cellText(key));
      const parsed = parseAmount(text.text);
      const field = base<number | null>(key, parsed.ok ? parsed.value : null, text);
      if (!parsed.ok) capConfidence(field, UNPARSED_CAP, parsed.reason);
      return [key, field];
    }),
  ) as Record<(typeof AMOUNT_KEYS)[number], DraftField<number | null>>;

  const goal = base<string | null>('goal', kind === 'project' ? goalText.text : null, kind === 'project' ? goalText : null);
  if (kind === 'project' && goalText.text === '') capConfidence(goal, UNCERTAIN_KIND_CAP, 'the project has no 绩效目标');
  // A goal ends with 。 (299 of the samples' 301, 23 of the seed's 24): read without it, its end may be lost.
  if (kind === 'project' && isOcrText(goalText) && /\S/.test(goalText.text) && !endsWithFullStop(goalText.text)) {
    capConfidence(goal, UNFINISHED_LIST_CAP, 'the 绩效目标 does not end with 。: characters at its end may be lost');
  }
  // A name or a goal is Chinese text: OCR that found no Chinese character in one read something else (a page in
  // a font it cannot see, boxes for glyphs: 0000, DO0O00).
  const chineseFields: [DraftField<string | null>, PositionedText, string][] = [[name, nameText, '项目名称']];
  if (kind === 'project') chineseFields.push([goal, goalText, '绩效目标']);
  for (const [field, text, label] of chineseFields) {
    if (isOcrText(text) && /\S/.test(text.text) && !/\p{Script=Han}/u.test(text.text)) capConfidence(field, UNPARSED_CAP, `no Chinese character read in the ${label}: OCR read something else`);
  }
  if (kind === 'project' && AMOUNT_KEYS.every((k) => amounts[k].value === null)) {
    capConfidence(name, UNCERTAIN_KIND_CAP, 'the row has no amounts: it may be a fragment of another row');
  }

  // A project read by OCR with no 绩效指标 at all: every project of the samples and the seed has indicators, and a
  // cell lost between the grid and OCR leaves nothing else to flag (--fresh18: three rows of a 200 dpi scan).
  if (kind === 'project' && blank(indicatorsText.text) && (isOcrText(nameText) || isOcrText(goalText))) {
    capConfidence(name, UNCERTAIN_KIND_CAP, 'no 绩效指标 read for this project: its cell may be lost');
  }

  const indicators: DraftIndicator[] = [];
  if (kind === 'project' && indicatorsText.text !== '') {
    let parse = parseIndicatorList(indicatorsText.text);
    // Only the parsed items say which targets are a rate's: the list is parsed again only when one was repaired.
    const rateEdits = isOcrText(indicatorsText) ? rateTargetEdits(parse.indicators) : [];
    if (rateEdits.length > 0) {
      indicatorsText = applyEdits(indicatorsText, rateEdits);
      parse = parseIndicatorList(indicatorsText.text);
    }
    for (const item of parse.indicators) indicators.push(parsedToDraftIndicator(item, indicatorsText, (v, s, e) => base('indicators', v, indicatorsText, s, e)));
    // The list ends with the 。 of its last item: read without it, the end of the cell may be lost with its last
    // characters (稳步提高。 read 稳步提, the line at the cell's bottom edge).
    const last = indicators[indicators.length - 1];
    if (last && isOcrText(indicatorsText) && !endsWithFullStop(indicatorsText.text)) {
      capConfidence(last.annualTarget, UNFINISHED_LIST_CAP, 'the 绩效指标 cell does not end with 。: characters at its end may be lost');
    }
    for (const piece of parse.unparsed) {
      const note = `绩效指标 text outside the indicator grammar: «${piece.text.slice(0, 80)}»`;
      const after = indicators.filter((_, i) => parse.indicators[i]!.span.end <= piece.span.start).pop();
      if (after) capConfidence(after.annualTarget, UNPARSED_CAP, note);
      else if (indicators[0]) capConfidence(indicators[0].level1, UNPARSED_CAP, note);
      else capConfidence(name, UNPARSED_CAP, note);
    }
  }

  return { kind, unit: null, pages: [...row.pages], name, ...amounts, goal, indicators };
}

function parsedToDraftIndicator(
  item: ParsedIndicator,
  text: PositionedText,
  field: <T>(value: T, start?: number, end?: number) => DraftField<T>,
): DraftIndicator {
  const codeName = (p: ParsedIndicator['level1']) => (p ? field({ code: p.code, name: p.name }, p.span.start, p.span.end) : field({ code: '', name: '' }, item.span.start, item.span.start));
  const ocrRead = isOcrText(sliceText(text, item.span.start, item.span.end));
  const target = (p: ParsedIndicator['periodTarget']): DraftField<Target> => {
    if (!p) return field(parseTarget(''), item.span.end, item.span.end);
    const f = field(parseTarget(p.raw), p.span.start, p.span.end);
    if (ocrRead && comparatorOutsideGrammar(f.value)) {
      capConfidence(f, COMPARATOR_OUTSIDE_GRAMMAR_CAP, `${f.value.raw[0]} opens the target but no number and unit follow it: it may be a misread character (较, 至)`);
    }
    // A number whose first digit is a 0 before another digit (≥000Mbps for ≥1,000Mbps): its leading digits were lost.
    if (ocrRead && f.value.value !== null && /^\D*0\d/.test(f.value.raw)) {
      capConfidence(f, NEAR_MISS_CAP, `${f.value.raw} opens its number with 0: leading digits may be lost`);
    }
    // None of the samples' 3,130 percentage targets is above 100: such a read is more likely a misread digit (100%
    // read as 400% in WenQuanYi Zen Hei Sharp) than a target.
    if (ocrRead && f.value.unit === '%' && f.value.value !== null && f.value.value > 100) {
      capConfidence(f, NEAR_MISS_CAP, `${f.value.raw} is a percentage above 100: a digit may be misread`);
    }
    // A ratio after a comparator (≥1:5) is written with the colon or with the ratio sign ∶ (U+2236), which look alike
    // in most faces: the samples' tables write five with : and one with ∶, and OCR reads both as :. Times (9:00—17:00)
    // open with no comparator.
    if (ocrRead && /^[:：]$/.test(RATIO_TARGET.exec(f.value.raw)?.[1] ?? '')) {
      capConfidence(f, NEAR_MISS_CAP, `${f.value.raw} is a ratio: its colon may be the ratio sign ∶, which OCR reads as :`);
    }
    // A count with no number before it (每日次 for 每日1次: both models lost the 1 between two characters): no table
    // writes one, so a numeral was lost.
    if (ocrRead && COUNT_WITHOUT_NUMBER.test(f.value.raw)) {
      capConfidence(f, NEAR_MISS_CAP, `${f.value.raw} counts with no number: a digit may be lost`);
    }
    // In a target that is no number and unit, the letters after a digit (22C+2C for 22℃±2℃) are weighed alike.
    const letters = ocrRead ? unknownLatinUnit(f.value.value === null ? lettersAfterDigits(f.value.raw) : f.value.unit) : null;
    if (letters !== null) capConfidence(f, UNKNOWN_UNIT_CAP, `${f.value.value === null ? `the target ${f.value.raw}` : `the unit ${f.value.unit}`} holds ${letters}, which no table writes as a unit: letters may be misread (lx read as 1x) or a sign lost (hm²)`);
    // The colon before a target is where OCR loses a comparator (a box that swallowed ≥): its doubt is the target's.
    const colon = text.boxes[p.span.start - 1];
    // A colon OCR did not read at all, before a bare number (no comparator sign or word: 最多1次 has one): the
    // comparator may have gone with the colon.
    if (colon?.repair?.startsWith(LOST_LABEL_COLON) && f.value.value !== null && /^\d/.test(f.value.raw)) {
      capConfidence(f, NEAR_MISS_CAP, `${LOST_LABEL_COLON}, and ${f.value.raw} has no comparator: one may be lost with the colon`);
    }
    if (/[:：]/.test(text.text[p.span.start - 1] ?? '') && colon?.doubt && colon.confidence !== undefined) {
      capConfidence(f, colon.confidence, `${COLON_BEFORE_NOTE}${colon.doubt}`);
    }
    return f;
  };
  const draft: DraftIndicator = {
    seq: item.seq,
    level1: codeName(item.level1),
    level2: codeName(item.level2),
    name: item.name ? field(item.name.value, item.name.span.start, item.name.span.end) : field('', item.span.start, item.span.start),
    periodTarget: target(item.periodTarget),
    annualTarget: target(item.annualTarget),
  };
  if (ocrRead) {
    takeTwinComparator(draft, item, text);
    takeTwinComparatorFromColon(draft, item, text);
  }
  // OCR drops a comparator or a digit now and then; period and annual targets one character apart (≥1次 / 1次,
  // 100% / 10%) are usually the same target misread once.
  const period = draft.periodTarget.value.raw;
  const annual = draft.annualTarget.value.raw;
  for (const [raw, field] of [[period, draft.periodTarget], [annual, draft.annualTarget]] as const) {
    // A target of digits that does not parse as one (10%0) is a number OCR garbled, not a text target.
    if (ocrRead && /\d/.test(raw) && field.value.value === null && NUMBER_LIKE.test(raw)) {
      capConfidence(field, NEAR_MISS_CAP, `${raw} reads like a number but is none: misread`);
    }
    // And % for 96 (100% → 10096): a rate above 100 without a % is a misread more often than a target.
    const value = field.value.value;
    if (ocrRead && RATE_NAME.test(draft.name.value) && value !== null && value > 100 && !/[%％‰]/.test(raw)) {
      capConfidence(field, NEAR_MISS_CAP, `${raw} for a rate (${draft.name.value}) without %: % may be read as digits`);
    }
  }
  // One digit for another (≥400家 / ≥100家) is two targets, not a misread: a misread digit shows in its own
  // OCR confidence. A character dropped or added, or a comparator changed, is what OCR does.
  // A comparator that differs as well (>工6万路 / ≥16万路: 1.6 read as 工6 in one, as 16 in the other, the point fused
  // with the 1's foot) leaves the rest one character apart all the same.
  const afterComparator = (raw: string) => raw.replace(LEADING_COMPARATOR, '');
  const oneApart = (a: string, b: string) => editDistanceAtMost1(a, b) && !oneDigitForAnother(a, b);
  if (ocrRead && period !== annual && (oneApart(period, annual) || oneApart(afterComparator(period), afterComparator(annual)))) {
    const note = `实施周期指标值 ${period} and 年度指标值 ${annual} differ by one character: one of them may be misread`;
    capConfidence(draft.periodTarget, NEAR_MISS_CAP, note);
    capConfidence(draft.annualTarget, NEAR_MISS_CAP, note);
  } else if (ocrRead && digitDroppedFromEach(period, annual)) {
    // Or a digit dropped from each (2025年2月31日 / 2025年12月3日): one target, misread twice.
    const note = `实施周期指标值 ${period} and 年度指标值 ${annual} each lack a digit the other has: both may be misread`;
    capConfidence(draft.periodTarget, NEAR_MISS_CAP, note);
    capConfidence(draft.annualTarget, NEAR_MISS_CAP, note);
  } else if (ocrRead && (thousandsGroupDropped(period, annual) || thousandsGroupDropped(annual, period))) {
    // Or the leading group of a number, with its comma, lost (≥1,200家 / ≥200家: the 1, inside the box OCR gave the
    // colon before it). Some tables do set such a pair (≥1,500宗 / ≥500宗: 2 indicators of about a thousand in the
    // samples' sources), and a flag costs less there than a silent 200 for 1,200.
    const note = `实施周期指标值 ${period} and 年度指标值 ${annual} differ by a group of thousands: one of them may have lost it`;
    capConfidence(draft.periodTarget, NEAR_MISS_CAP, note);
    capConfidence(draft.annualTarget, NEAR_MISS_CAP, note);
  }
  // Twins read alike, where the two models read one digit of one of them as two different digits and agreed on the
  // other's (4份 / 4份, the other model reading 1 for the first 4 only): the same glyph of the same face, likely
  // misread in both. Only a digit for a digit: the other model's L for 1 or 之 for ≥ is its own habit (on the
  // development and evaluation scans, 50 right targets doubted and none wrong when any dispute counted).
  if (ocrRead && period === annual && item.periodTarget && item.annualTarget) {
    const digitForDigit = new RegExp(`^${DISPUTED_DOUBT}: one read \\d, the other \\d$`);
    const disputedDigit = (t: NonNullable<ParsedIndicator['periodTarget']>) =>
      [...t.raw].findIndex((ch, k) => /\d/.test(ch) && digitForDigit.test(text.boxes[t.span.start + k]?.doubt ?? ''));
    const disputed = [disputedDigit(item.periodTarget), disputedDigit(item.annualTarget)];
    for (const [k, f] of [draft.periodTarget, draft.annualTarget].entries()) {
      const at = disputed[1 - k]!;
      if (disputed[k]! < 0 && at >= 0) capConfidence(f, NEAR_MISS_CAP, `its twin reads ${period} too, and the other OCR model read another digit for its ${period[at]} there: the same glyph may be misread here`);
    }
  }
  // Twins read alike from their first digit, where the other model read a glyph before one of them (之 before its 6,
  // where a ≥ stands: 6,500台 read so in both): the same comparator was likely lost in both, so both are doubted.
  const firstDoubt = (t: ParsedIndicator['periodTarget']) => {
    const doubt = t ? text.boxes[t.span.start]?.doubt : undefined;
    return doubt !== undefined && OTHER_READ_BEFORE_DOUBT.test(doubt) ? doubt : undefined;
  };
  if (ocrRead && period === annual && /^\d/.test(period)) {
    const doubts = [firstDoubt(item.periodTarget), firstDoubt(item.annualTarget)];
    for (const [k, f] of [draft.periodTarget, draft.annualTarget].entries()) {
      const twin = doubts[1 - k];
      if (doubts[k] === undefined && twin !== undefined) capConfidence(f, NEAR_MISS_CAP, `its twin reads ${period} too, and OCR doubted its first character there: ${twin}`);
    }
  }
  // Both targets numbers of one unit, one with a comparator and the other without (≥70% / 65%): a table writes the
  // pair alike (none of 355 such pairs in the samples' sources differs), and OCR drops a comparator far more often
  // than it makes one up. The bare one is the likely misread.
  const bare = (f: DraftField<Target>) => f.value.value !== null && openingComparator(f) === null;
  const p = draft.periodTarget.value;
  const a = draft.annualTarget.value;
  if (ocrRead && p.value !== null && a.value !== null && p.unit === a.unit && bare(draft.periodTarget) !== bare(draft.annualTarget)) {
    const [without, other] = bare(draft.periodTarget) ? [draft.periodTarget, a.raw] : [draft.annualTarget, p.raw];
    capConfidence(without, NEAR_MISS_CAP, `${without.value.raw} has no comparator where its twin ${other} has one: OCR may have dropped it`);
  }
  // The format's level names are a fixed vocabulary: one OCR read outside it is misread (严出指标), even where the
  // repairs could not say as what. A text layer says what the document says.
  for (const [f, names, level] of [[draft.level1, LEVEL1_CODES, 'level 1'], [draft.level2, LEVEL2_CODES, 'level 2']] as const) {
    const name = f.value.name;
    if (ocrRead && name !== '' && !Object.hasOwn(names, name)) capConfidence(f, NEAR_MISS_CAP, `${name} is no ${level} name of the format: misread`);
  }
  if (item.problems.length > 0) {
    const itemText = sliceText(text, item.span.start, item.span.end).text;
    for (const f of [draft.level1, draft.level2, draft.name, draft.periodTarget, draft.annualTarget]) {
      for (const problem of item.problems) capConfidence(f, UNPARSED_CAP, `indicator ${item.seq}: ${problem}`);
      capConfidence(f, UNPARSED_CAP, `indicator ${item.seq} reads «${itemText.slice(0, 80)}»`);
    }
  }
  return draft;
}

/**
 * A comparator whose shape said nothing (> or ≥: LXGW WenKai's ≥ at 200 dpi) in a target that is its twin's in all
 * else, where the twin's comparator was read: a table writes the two targets of an indicator alike (none of 355
 * pairs of numbers in one unit in the samples' sources differs in its comparator), so the twin's is taken. A
 * likely reading, flagged.
 */
function takeTwinComparator(draft: DraftIndicator, item: ParsedIndicator, text: PositionedText): void {
  const pair = targetPair(draft, item);
  const comparatorBox = (p: ParsedIndicator['periodTarget']) => {
    const at = p ? p.raw.search(/[≥≤<>]/) : -1;
    return p && at === 0 && text.text.slice(p.span.start, p.span.end) === p.raw ? text.boxes[p.span.start] : undefined;
  };
  const undecided = (p: ParsedIndicator['periodTarget']) => comparatorBox(p)?.repair?.endsWith(UNDECIDED_SHAPE) ?? false;
  for (const [k, [field, parsed]] of pair.entries()) {
    const [twinField, twinParsed] = pair[1 - k]!;
    if (!parsed || !twinParsed || !undecided(parsed) || undecided(twinParsed) || !comparatorBox(twinParsed)) continue;
    const raw = twinParsed.raw[0]! + parsed.raw.slice(1);
    if (raw === parsed.raw || raw !== twinParsed.raw) continue;
    field.value = parseTarget(raw);
    capConfidence(field, TWIN_COMPARATOR_CONFIDENCE, `${parsed.raw[0]} read as ${twinParsed.raw[0]}: its shape did not say which, and its twin ${twinField.value.raw} reads ${twinParsed.raw[0]}`);
  }
}

/**
 * A bare number whose colon swallowed a glyph (指标值:46.8公里, the colon's box as wide as a character) beside a twin
 * of the same unit that opens with a comparator (≥46.8公里): the glyph the colon's box holds is the comparator a
 * table writes alike in both targets, and it is taken from the twin. A likely reading, flagged. On the twenty-three
 * sets: 22 targets right that were wrong, 1 right one made wrong (a bare 0起 beside ≤0起), flagged; a few stay
 * wrong where the twin's own comparator was misread (≤ for ≥).
 */
function takeTwinComparatorFromColon(draft: DraftIndicator, item: ParsedIndicator, text: PositionedText): void {
  const pair = targetPair(draft, item);
  for (const [k, [field, parsed]] of pair.entries()) {
    const [twinField] = pair[1 - k]!;
    const twin = openingComparator(twinField);
    if (!parsed || twin === null || openingComparator(field) !== null || field.value.value === null || twinField.value.value === null || field.value.unit !== twinField.value.unit) continue;
    // The colon OCR marked as holding another glyph's ink (`swallowedDoubt`).
    const swallowed = SWALLOWED_DOUBT.exec(text.boxes[parsed.span.start - 1]?.doubt ?? '');
    if (!swallowed || !/^[:：]$/.test(swallowed[1]!)) continue;
    field.value = parseTarget(`${twin}${parsed.raw}`);
    capConfidence(field, TWIN_COMPARATOR_CONFIDENCE, `${twin} put back before ${parsed.raw}: the colon before it holds a glyph's ink, and its twin ${twinField.value.raw} opens with ${twin}`);
  }
}

/** An indicator's two targets, each drafted field with what the grammar parsed of it (null where none). */
function targetPair(draft: DraftIndicator, item: ParsedIndicator) {
  return [
    [draft.periodTarget, item.periodTarget],
    [draft.annualTarget, item.annualTarget],
  ] as const;
}

/** The comparator glyph a target opens with (≥ ≤ < > =, or a full-width one), or null. */
function openingComparator(f: DraftField<Target>): string | null {
  return OPENING_COMPARATOR.exec(f.value.raw.trim())?.[0] ?? null;
}

/** Confidence of an OCR-read goal, or the last target of an indicator list, that does not end with 。. */
const UNFINISHED_LIST_CAP = 0.6;

/** Whether a cell's text ends with its full stop (。, or . in a half-width row). */
function endsWithFullStop(text: string): boolean {
  return /[。.]\s*$/.test(text);
}

/** The runs of Latin letters right after a digit in a target's text, as one unit-like string; null when none. */
function lettersAfterDigits(raw: string): string | null {
  const runs = [...raw.matchAll(/(?<=\d)[A-Za-zμ]+[²³]?/g)].map((m) => m[0]);
  return runs.length > 0 ? runs.join(' ') : null;
}

/** How a target's note on the colon before it begins: the colon's own doubt follows. */
export const COLON_BEFORE_NOTE = 'the colon before it: ';

/** Confidence of an OCR-read target whose unit holds letters no table writes as a unit. */
const UNKNOWN_UNIT_CAP = 0.6;

/** Confidence of an OCR-read target that opens with a comparator and does not parse. */
const COMPARATOR_OUTSIDE_GRAMMAR_CAP = 0.6;

/**
 * Whether a target opens with a comparator and yet is not comparator, number and unit (≥2024年增长≥8%, the 较 of
 * 较2024年增长≥8% read or reshaped as ≥): a table writes a comparator only before a number and its unit, and a text
 * target opens with a word. A ratio (≤1:15, ≥1∶5 with the ratio sign) is written so and is left alone.
 */
export function comparatorOutsideGrammar(target: Target): boolean {
  return OPENING_COMPARATOR.test(target.raw) && target.comparator === null && !RATIO_TARGET.test(target.raw) && !NOTED_TARGET.test(target.raw);
}

/**
 * A comparator, a number and its unit, and a note in brackets after them (≥90%（按问题个数计）, liwan-shenji): written
 * so, though the grammar gives it no comparator.
 */
const NOTED_TARGET = new RegExp(String.raw`^[${COMPARATOR_GLYPHS}]\s*\d[\d,]*(?:\.\d+)?\s*[^\s\d（()）]{0,6}\s*[（(][^（()）]+[）)]$`);

/** A ratio after a comparator (≤1:15, ≥1∶5), its separator captured: the colon or the ratio sign. */
const RATIO_TARGET = new RegExp(String.raw`^[${COMPARATOR_GLYPHS}]\s*\d+(?:\.\d+)?\s*([:：∶])\s*\d+(?:\.\d+)?$`);

/** A comparator symbol opening a target. */
const OPENING_COMPARATOR = new RegExp(`^[${COMPARATOR_GLYPHS}]`);

/** A target of digits, signs and comparators only: a number, read or misread. */
const NUMBER_LIKE = new RegExp(String.raw`^[\d%‰.,${COMPARATOR_GLYPHS}\s]+$`);

/** Confidence of a comparator taken from its twin target. */
const TWIN_COMPARATOR_CONFIDENCE = 0.85;

/**
 * A count word right after the period or bound it counts in (每日次, 每季度次, 不少于次): the number between them is
 * missing. The samples' sources write 每季度1次, 每旬不少于1次, 每季度一次, never a count without one.
 */
const COUNT_WITHOUT_NUMBER = /(?:每(?:日|天|周|月|季度?|半年|年|旬|学期)|不少于|至少|不低于|不超过|不多于|最多|最少)(?:次|场|期|回|趟|轮|批|个)/;

/** A value read by OCR that is one character off its twin: one of the two is likely misread. */
const NEAR_MISS_CAP = 0.6;

/** Whether `a` and `b` differ in exactly one place, a digit in both. */
function oneDigitForAnother(a: string, b: string): boolean {
  const at = oneSubstitution(a, b);
  return at >= 0 && /\d/.test(a[at]!) && /\d/.test(b[at]!);
}

/**
 * Whether `a` and `b` are one string with a different digit left out of each (2025年2月31日 / 2025年12月3日): each
 * is the other with one digit put in and one taken out, in different places (in the same place it is one digit
 * for another, 95% / 90%, which is two targets).
 */
export function digitDroppedFromEach(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (a === b || x.length !== y.length || oneSubstitution(a, b) >= 0) return false;
  for (let i = 0; i < x.length; i++) {
    if (!/\d/.test(x[i]!)) continue;
    const withoutX = [...x.slice(0, i), ...x.slice(i + 1)].join('');
    for (let j = 0; j < y.length; j++) {
      if (/\d/.test(y[j]!) && withoutX === [...y.slice(0, j), ...y.slice(j + 1)].join('')) return true;
    }
  }
  return false;
}

/** Whether `b` is `a` with the leading group of one of its numbers and that group's comma left out (1,200 → 200). */
export function thousandsGroupDropped(a: string, b: string): boolean {
  for (const group of a.matchAll(/(?<![\d,])\d{1,3},(?=\d{3})/g)) {
    if (a.slice(0, group.index) + a.slice(group.index + group[0].length) === b) return true;
  }
  return false;
}

/** The comparator glyph a target opens with, if any. */
const LEADING_COMPARATOR = new RegExp(`^[${COMPARATOR_GLYPHS}]`);

/** Whether two strings differ by exactly one insertion, deletion or substitution (or not at all). */
export function editDistanceAtMost1(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (x.length > y.length) i++;
    else if (y.length > x.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (x.length - i) + (y.length - j) <= 1;
}
