/**
 * Repairs of the labels and targets of a 绩效指标 cell read by OCR: the separators around the labels
 * (实施周期指标值, 年度指标值), and the shape of a target's number (%, ‰, thousands). Part of
 * `repairIndicatorText`, which owns the level names and item numbers.
 */
import { REPAIRED_CONFIDENCE, type Edit } from '../../text/text-edits.js';
import type { PositionedText } from '../../text/positioned-text.js';
import { readDisputeNote } from '../../raster/ocr-read.js';
import { TARGET_LABELS, type ParsedIndicator } from './indicator-grammar.js';
import { COMPARATOR_GLYPHS } from './targets.js';
import { isKnownUnit } from './unit-words.js';

/** Confidence of characters a repair wrote that is the likely reading rather than the one the format dictates. */
export const LIKELY_REPAIR_CONFIDENCE = 0.85;

/** Confidence of what a repair wrote: the format's reading where it dictates it, the likely one otherwise. */
const repairConfidence = (dictated: boolean): number => (dictated ? REPAIRED_CONFIDENCE : LIKELY_REPAIR_CONFIDENCE);

/**
 * The letter x read between two numbers (7x24小时) as ×, where `within` (a pattern) stands before the first number:
 * likely, not dictated (some write the letter), so flagged.
 */
export function timesSignEdits(text: string, within = ''): Edit[] {
  return [...text.matchAll(new RegExp(`(?<=${within}\\d\\s*)[xX](?=\\s*\\d)`, 'g'))].map((m) => ({
    start: m.index!,
    end: m.index! + 1,
    text: '×',
    why: `«${m[0]}» between two numbers read as ×`,
    confidence: LIKELY_REPAIR_CONFIDENCE,
  }));
}

/**
 * A label (实施周期指标值, 年度指标值) with at most one character misread (年度指标借, 实施周期指际值), and the colon or
 * ； after it: where the separator before a label is looked for. The label itself is mended by
 * `repairIndicatorText`, from the same text, so its separator cannot wait for that.
 */
const LABEL_AHEAD = String.raw`(?:${TARGET_LABELS.flatMap(oneCharacterOff).join('|')})\s*[:：；;]`;

/** A pattern of `word` and of every reading of it with one character misread. */
function oneCharacterOff(word: string): string[] {
  return [...word].map((_, i) => `${word.slice(0, i)}${String.raw`\S`}${word.slice(i + 1)}`);
}

/** In a target, after a number, the slash of a compound unit (≤600元/): what follows is the unit per what. */
const UNIT_SLASH = String.raw`指标值\s*[:：][^；;。]*?\d[^；;。\d]*\/`;

/** What OCR reads for the middle dot of a unit (元/人·月): marks that never stand between a unit's characters. */
const DOT_READ_AS = ".．,:：'’`“”*…";
/** What OCR also reads for it, marks that part clauses too: taken for the dot only where the unit then ends. */
const DOT_READ_AS_CLAUSE_MARK = String.raw`，、\-－`;
/** A unit of two characters right after a target's number, a mark between them, the target ending there (≥1,500人“日). */
const UNIT_DOT_AFTER_NUMBER = new RegExp(String.raw`(?<=指标值\s*[:：][^；;。]*?\d\s*\p{Script=Han})[${DOT_READ_AS}${DOT_READ_AS_CLAUSE_MARK}](?=\p{Script=Han}\s*(?:[；;。]|$))`, 'gu');

/** The largest target a table writes in ‰ as a rule: above it (1%), it writes per cent. */
const PER_MILLE_AT_MOST = 10;

/**
 * Confidence of a % read twice (≥92%%) written once: a target ends at one %, so only the number before it is in
 * doubt, and that is its own characters' to say. As sure as a % read from its shape (`PERCENT_SIGN_CONFIDENCE`).
 */
const PERCENT_READ_TWICE_CONFIDENCE = 0.93;

/**
 * Whether a stray character read after a target's % (≥90%6) is only that, so that the format dictates the % alone:
 * the stray is a digit no circle reads as (1–8: the % boxed in two, its lower loop read again), and the digit
 * before the % is no 9 (a %'s upper loop, read as 9 as well, as in <59%6 for <5%). A 0, 9 or letter o after it may
 * be a ‰'s third circle or the item's 。 (≤0.2%9 for ≤0.2‰, 1.5%0 for 1.5‰): likely readings only. Measured on the
 * twenty-two development and evaluation sets: of the 156 targets so settled whose other characters nothing doubted,
 * none wrong (139 of them no longer flagged, the rest by a check); with a 9 before the %, 2 wrong in 7.
 */
export function settledStrayAfterPercent(digitBefore: string, stray: string): boolean {
  return /^[1-8]$/.test(stray) && digitBefore !== '9';
}

/**
 * A 1 read as one other mark where a target's number stands, with no digit beside it, and why it is a 1: each a
 * likely reading, not a dictated one, flagged.
 */
const ONE_READ_ALONE: readonly (readonly [RegExp, string])[] = [
  // A ] after the label's colon and a comparator, before a Chinese unit (指标值:]场, 指标值:≥]次): the number.
  [new RegExp(String.raw`(?<=指标值\s*[:：]\s*[${COMPARATOR_GLYPHS}]?\s*)\](?=\p{Script=Han})`, 'gu'), '«]» where the number stands before a unit read as 1: no target holds a ], and 1 reads as ]'],
  // A J before the number's other digits (指标值:J00%): Smiley Sans's 1, its foot turned left, which both models read
  // as J (19 targets on the seventh evaluation set); no target opens with a letter before its digits. After the label
  // as read too (its 值 or its colon misread or lost: 年度指标俏;J00%, which the label edits mend where they can).
  [new RegExp(String.raw`(?<=指标\S?\s*[:：;；]?\s*[${COMPARATOR_GLYPHS}]?\s*)J(?=\d)`, 'g'), '«J» where a number starts read as 1: no target opens with a letter, and 1 reads as J'],
  // A ! | or l there (指标值:!份, FandolHei's and FandolFang's 1 with its foot lost at 200 dpi, --fresh23): no target
  // writes them. An I too, unless it names a level or a phase (I级, I类, I期), which a table may write so.
  [new RegExp(String.raw`(?<=指标值\s*[:：]\s*[${COMPARATOR_GLYPHS}]?\s*)(?:[!|l]|I(?![级类期档型区]))(?=\p{Script=Han})`, 'gu'), '«$0» where the number stands before a unit read as 1: no target holds it there, and 1 reads as ! | l or I'],
  // A ] for the month of a date (2026年]月31日前): the month's number.
  [/(?<=指标值\s*[:：][^；;。]*?\d年)\](?=月)/g, '«]» for the month of a date read as 1: no target holds a ], and 1 reads as ]'],
];

/** Edits of the labels' separators and the targets' numbers; none overlaps `earlier` or another. */
export function labelAndTargetEdits(text: string, earlier: readonly Edit[]): Edit[] {
  const edits: Edit[] = [];
  // First what a % and the character after it make, so that a separator put back after that character (which
  // rewrites the character with it) gives way: of overlapping edits the first pushed is kept.
  // The cell's last 。 read as a letter or a digit after a %: a target ends at %.
  const last = /(?<=年度指标值\s*[:：][^；;。]*)%([0-9a-zA-Z])\s*$/.exec(text);
  if (last) edits.push({ start: last.index, end: last.index + 2, text: '%。', why: `«${last[1]}» after % at the end of the list read as 。` });
  // ‰ read as % and a letter o (3%o): the o is the small circle of a ‰ (a Kai face's, or Zen Hei Sharp's), on the
  // development and evaluation scans 36 times in 37, where reading it as % had been right once (100%o). Before the
  // next item's number, the 。 that ends this one is lost with it. Likely, not dictated: flagged; but before a ；
  // no 。 can be what was read as o, and a value a table writes in ‰ leaves the format no other reading. Measured on
  // the twenty-two sets: of 146 targets read so, the ‰ was wrong in 3 (two after a value above 10, ≥90%o and 100%o,
  // one in an item the numbering check shows misplaced); 38 right ones are no longer flagged, and no wrong one.
  // A ‰ the pixels already read (its three rings in one glyph) and an o after it: the o is the item's 。, or the
  // last ring boxed again.
  for (const m of text.matchAll(/(?<=(\d+(?:\.\d+)?))([%‰])([oO])(?=(\d+\s*、)?)/g)) {
    if (last?.index === m.index) continue;
    const after = m[4] !== undefined ? '。' : '';
    const settled = Number(m[1]) <= PER_MILLE_AT_MOST && /^\s*[；;]/.test(text.slice(m.index! + 2));
    edits.push({ start: m.index!, end: m.index! + 2, text: `‰${after}`, why: `«${m[2]}${m[3]}» read as ‰${after}: the circle of a per mille sign`, confidence: repairConfidence(settled) });
  }
  // The colon after a label read as ； (实施周期指标值;是;年度指标值:是): the value follows, then the next label or the
  // end. The value's first character is rewritten with it, so the target says it was repaired.
  for (const m of text.matchAll(/(实施周期指标值|年度指标值)\s*([；;])\s*(?=[^\s；;:：。][^；;。]*?(?:[；;]\s*年度指标值|。|$))/g)) {
    const rest = text.slice(m.index! + m[0].length);
    if (m[1] === '实施周期指标值' && !/^[^；;。]*[；;]\s*年度指标值/.test(rest)) continue;
    const at = m.index! + m[1]!.length;
    const end = m.index! + m[0].length + 1;
    edits.push({ start: at, end, text: `:${rest[0]}`, why: `«${m[2]}» after ${m[1]} read as :`, carried: [end - 1 - at] });
  }
  // The ； before a label misread (调研企业数量，实施周期指标值) or dropped (实施周期指标值:95%年度指标值): a label always
  // follows ； in an item. The character before it is rewritten with the ；, so its field says it was repaired.
  for (const m of text.matchAll(new RegExp(String.raw`(?<=[^\s；;。、，,:：.])\s*[，,:：.]?\s*(?=${LABEL_AHEAD})`, 'g'))) {
    if (m.index === 0) continue;
    const before = m.index! - 1;
    const prev = text[before]!;
    edits.push({ start: before, end: m.index! + m[0].length, text: `${prev}；`, why: `«${m[0] || '(nothing)'}» before a label read as ；`, carried: [0] });
  }
  // The ； before a label read as two marks (清;，实施周期指标值, 人:；年度指标值): a semicolon and a stray comma, colon or
  // point beside it. The format writes one ； there and nothing else; the character before is rewritten with it.
  for (const m of text.matchAll(new RegExp(String.raw`(?<=[^\s；;。、，,:：.])\s*(?:[；;]\s*[，,:：.]|[，,:：.]\s*[；;])\s*(?=${LABEL_AHEAD})`, 'g'))) {
    const before = m.index! - 1;
    // After a unit's letter (≥62.4km:;), the colon may be a superscript ² or ³ OCR read so: the unit is in doubt.
    const power = /[A-Za-z]/.test(text[before]!) && /[:：]/.test(m[0]);
    edits.push({
      start: before,
      end: m.index! + m[0].length,
      text: `${text[before]}；`,
      why: `«${m[0].trim()}» before a label read as ；${power ? `, the colon after ${text[before]} perhaps a ² or ³ lost` : ''}`,
      carried: [0],
      ...(power ? { confidence: LIKELY_REPAIR_CONFIDENCE } : {}),
    });
  }
  // ‰ read as % and a point (≤3%。。): the item's own 。 follows it.
  for (const m of text.matchAll(/(?<=\d)[%‰]。(?=。)/g)) edits.push({ start: m.index!, end: m.index! + 2, text: '‰', why: `${m[0]} read as ‰` });
  // The same before the ； that parts a period target from the annual one (≤3%。；): no 。 stands inside an item,
  // and the per mille's second circle is as small as a point. Each of the 16 such period targets on the
  // twenty-three development and evaluation sets was a ‰. Likely, not dictated: flagged.
  for (const m of text.matchAll(/(?<=指标值\s*[:：][^；;。]*?\d)[%‰]。(?=\s*[；;])/g)) {
    edits.push({ start: m.index!, end: m.index! + 2, text: '‰', why: `${m[0]} before the ； after a target read as ‰: no 。 stands inside an item`, confidence: LIKELY_REPAIR_CONFIDENCE });
  }
  // ‰ read as %9o or 9o (≤3%9o, ≤39o), and % read as 9o (≥909o): no target holds a letter o after a digit. Which
  // sign it was is told by the value: ‰ targets are small (≤3‰), above 10‰ a table writes per cent. Likely, not
  // dictated: flagged.
  for (const m of text.matchAll(/(?<=指标值\s*[:：][^；;。]*?)(\d+(?:\.\d+)?)(%9|9)[oO](?=\s*(?:[；;。]|$))/g)) {
    const sign = m[2] === '%9' || Number(m[1]) <= PER_MILLE_AT_MOST ? '‰' : '%';
    const start = m.index! + m[1]!.length;
    edits.push({ start, end: start + m[2]!.length + 1, text: sign, why: `«${m[2]}o» read as ${sign}`, confidence: LIKELY_REPAIR_CONFIDENCE });
  }
  // ℃ read as the letter C after a number (≤8C), its small ring lost, or read as a quote mark or a degree sign
  // before the C (≤8“C, ≤8°C): no target's unit is the letter C alone, and a table writes the one glyph ℃. Likely,
  // not dictated (the ring was not seen): flagged.
  for (const m of text.matchAll(/(?<=指标值\s*[:：][^；;。]*?\d)\s*[“”"'’°º]?C(?=\s*(?:[；;。]|$))/g)) {
    edits.push({ start: m.index!, end: m.index! + m[0].length, text: '℃', why: `«${m[0].trim()}» after a number read as ℃: a target's unit is not the letter C`, confidence: LIKELY_REPAIR_CONFIDENCE });
  }
  // A ] beside a digit of a target: a 1 read as ] (12月3]日前 for 31日前: the 1 read as ] that scans show), or a ]
  // read beside a 1 for what is not there or for the edge of the next character (≥1]次, 31 read as 3]1). Beside a
  // 1 it is dropped, beside other digits it is the 1. Neither is sure (11月 is read 1]月 as well): no target holds a
  // ], and which it stood for is a likely reading, not a dictated one: flagged.
  for (const m of text.matchAll(/(?<=指标值\s*[:：][^；;。]*?)(?<=(\d?))(?:(\d)\]|\](\d))/g)) {
    const digit = (m[2] ?? m[3])!;
    const beside = m[2] !== undefined ? text[m.index! + 2] : m[1];
    const one = digit === '1' || beside === '1';
    const read = one ? digit : m[2] !== undefined ? `${digit}1` : `1${digit}`;
    const why = one ? `«${m[0]}» read as ${read}: no target holds a ], and one beside a 1 is read for nothing (it may be 11)` : `«${m[0]}» read as ${read}: no target holds a ], and 1 reads as ]`;
    edits.push({ start: m.index!, end: m.index! + 2, text: read, why, confidence: LIKELY_REPAIR_CONFIDENCE });
  }
  // A 1 read as a mark of its own where a target's number stands with no digit beside it (`ONE_READ_ALONE`).
  for (const [pattern, why] of ONE_READ_ALONE) {
    for (const m of text.matchAll(pattern)) edits.push({ start: m.index!, end: m.index! + 1, text: '1', why: why.replace('$0', m[0]), confidence: LIKELY_REPAIR_CONFIDENCE });
  }
  // A multiplication sign between two numbers of a target read as the letter x (7×24小时 read 7x24小时): no unit is
  // an x, and a table writes ×.
  edits.push(...timesSignEdits(text, '指标值\\s*[:：][^；;。]*?'));
  const taken = (start: number, end: number) => [...earlier, ...edits].some((e) => e.start < end && e.end > start);
  // A target's % read with another stray character after it (≥90%6；, ≥95%s。) or a 9 before it (≥909%: the % split
  // in two): a percentage goes no further than %, and rarely above 100. Likely readings, not dictated ones: flagged,
  // but for `settledStrayAfterPercent`.
  for (const m of text.matchAll(/(?<=指标值\s*[:：][^；;。]*?(\d))%([0-9a-zA-Z])(?=\s*(?:[；;。]|$|(\d+\s*、)))/g)) {
    if (taken(m.index!, m.index! + 2)) continue;
    // Before the next item's number, the stray character is the 。 that ends this one.
    const after = m[3] !== undefined ? '。' : '';
    const why = `«%${m[2]}» read as %${after}: a percentage ends at %`;
    edits.push({ start: m.index!, end: m.index! + 2, text: `%${after}`, why, confidence: repairConfidence(settledStrayAfterPercent(m[1]!, m[2]!)) });
  }
  // A % read twice (≥92%%: the Computer Modern % of the Fandol faces boxed as two glyphs, the other model reading one):
  // a target ends at one %. Only above the largest target a table writes in ‰, whose circles may read as %% too.
  // As sure as a % read from its shape: on the seven evaluation sets measured with cached reads, all 40 were right.
  for (const m of text.matchAll(/(?<=指标值\s*[:：][^；;。]*?(\d+(?:\.\d+)?))%%(?=\s*(?:[；;。]|$))/g)) {
    if (Number(m[1]) <= PER_MILLE_AT_MOST || taken(m.index!, m.index! + 2)) continue;
    edits.push({ start: m.index!, end: m.index! + 2, text: '%', why: '«%%» read as %: a target ends at one %', confidence: PERCENT_READ_TWICE_CONFIDENCE });
  }
  // (After the label's colon or the ； it was misread as, which an edit above puts back.) The 9 goes with the
  // digit before it, not with the %, which a stray character after it may have an edit of its own for (≥889%0).
  for (const m of text.matchAll(/(?<=指标值\s*[:：；;][^；;。\d]*)(\d+)9%/g)) {
    const value = Number(m[1]);
    if (value > 100 || Number(`${m[1]}9`) <= 100) continue;
    const start = m.index! + m[1]!.length - 1;
    edits.push({ start, end: start + 2, text: m[1]!.slice(-1), why: `«${m[1]!.slice(-1)}9%» read as ${m[1]!.slice(-1)}%: % read as 9%`, confidence: LIKELY_REPAIR_CONFIDENCE });
  }
  // A thousands comma read as a point (≥28.500人): targets print two decimals at most. Or read as two marks (≥1,.640人,
  // ≥30;,000册, ≥9.,600件: its ink cut into two boxes): no number holds two marks in a row; on the twenty-three
  // development and evaluation sets, 27 such targets, every one a comma. Likely, not dictated: flagged.
  // Or read as a semicolon (≥1;500人次: FandolKai's comma, Computer Modern's, its head round and high): no
  // target lists numbers with a ; between two digits.
  for (const m of text.matchAll(/(?<=指标值\s*[:：][^；;。]*?\d)(?:\.|;|[,.;]{2})(?=\d{3}(?!\d))/g)) {
    const why =
      m[0] === '.' ? '. before three digits read as a thousands comma' : m[0] === ';' ? '; between digits, before three, read as a thousands comma' : `«${m[0]}» before three digits read as a thousands comma: one comma's ink read as two marks`;
    edits.push({ start: m.index! - 1, end: m.index! + m[0].length, text: `${text[m.index! - 1]},`, why, confidence: LIKELY_REPAIR_CONFIDENCE, carried: [0] });
  }
  // The middle dot of a compound unit (元/人·月, 元/平方米·年) read as a point, a comma, a colon, an apostrophe, a
  // quote, an asterisk or an ellipsis: in a target, after a number and a slash, none of those stands between two
  // Han characters, so the format dictates the dot (measured on the twenty-two development and evaluation sets: 384
  // such repairs, every dot right). Read as a full-width comma, an enumeration comma or a hyphen (次/周，生), only where
  // the unit then ends, for a text target goes on after its comma: likely, not dictated, flagged.
  const dot = new RegExp(`(?<=${UNIT_SLASH}\\p{Script=Han}{1,4})(?:([${DOT_READ_AS}])(?=\\p{Script=Han})|[${DOT_READ_AS_CLAUSE_MARK}](?=\\p{Script=Han}\\s*(?:[；;。]|$)))`, 'gu');
  for (const m of text.matchAll(dot)) {
    const dictated = m[1] !== undefined;
    edits.push({ start: m.index! - 1, end: m.index! + 1, text: `${text[m.index! - 1]}·`, why: `«${m[0]}» in a unit after / read as ·`, confidence: repairConfidence(dictated), carried: [0] });
  }
  // The middle dot of a unit of two characters after a number, with no slash (≥1,500人·日 read as 人“日, 人，日): a
  // mark between them ends no clause, for the target ends there. Likely, not dictated: flagged (only the
  // twenty-second set writes such a unit).
  for (const m of text.matchAll(UNIT_DOT_AFTER_NUMBER)) {
    edits.push({ start: m.index! - 1, end: m.index! + 1, text: `${text[m.index! - 1]}·`, why: `«${m[0]}» between the two characters of a unit after a number read as ·`, confidence: LIKELY_REPAIR_CONFIDENCE, carried: [0] });
  }
  // The middle dot dropped altogether between a unit per head (or per thing, area or length: 元/台年 for 元/台·年,
  // 元/平方米月, 万元/公里年) and per time (元/生年 for 元/生·年): such a unit is written with the dot. Likely, not
  // dictated: flagged.
  const dropped = new RegExp(`(?<=${UNIT_SLASH})(平方米|立方米|公顷|公里|千米|[人生户床座辆家台套个箱吨校件亩])(?=[年月日天周]\\s*(?:[；;。]|$))`, 'gu');
  for (const m of text.matchAll(dropped)) {
    const end = m.index! + m[1]!.length;
    edits.push({ start: end - 1, end, text: `${text[end - 1]}·`, why: `the middle dot of a unit per head and per time (${m[1]}·${text[end]}) not read`, confidence: LIKELY_REPAIR_CONFIDENCE, carried: [0] });
  }
  return edits.filter((e, i) => ![...earlier, ...edits.slice(0, i)].some((o) => o.start < e.end && o.end > e.start));
}

/**
 * An indicator that measures a rate, a share or a satisfaction (覆盖率, 比例, 满意度): its targets are printed with
 * %, and at most 100 as a rule. The word ends the name (a bracketed qualifier may follow), as a Chinese noun phrase
 * ends with what it names: 获得超比例奖励的用人单位 counts employers (≥85家), 仲裁服务满意度测评得分 is a score
 * (≥98分). In the samples' sources, 621 names ending so have a % target and the other six names holding the word
 * have none.
 */
export const RATE_NAME = /(?:率|比例|占比|满意度)(?:[（(][^）)]*[）)])?$/;

/** How OCR reads a % after the digits of a rate: 96 as a rule, 9, 9x or 06 at times. */
const PERCENT_AS_DIGITS = new RegExp(String.raw`^([${COMPARATOR_GLYPHS}]?\s*)(\d{1,3}(?:\.\d{1,2})?)(9\d?|06)$`);

/**
 * Edits of a rate's target read with its % as digits (≥9596, 10096, ≥959 for 95%, 100%): the value above 100,
 * what stands before those digits at most 100, and no % anywhere. The digits are read as %, a likely reading,
 * flagged. Made from the parsed items, since only they say whether a target is a rate's; spans are theirs.
 */
export function rateTargetEdits(items: readonly ParsedIndicator[]): Edit[] {
  const edits: Edit[] = [];
  for (const item of items) {
    if (!item.name || !RATE_NAME.test(item.name.value)) continue;
    for (const target of [item.periodTarget, item.annualTarget]) {
      if (!target) continue;
      const m = PERCENT_AS_DIGITS.exec(target.raw);
      if (m && Number(`${m[2]}${m[3]}`) > 100 && Number(m[2]) <= 100) {
        const start = target.span.start + m[1]!.length + m[2]!.length;
        edits.push({ start, end: start + m[3]!.length, text: '%', why: `«${m[3]}» after the digits of a rate read as %: a rate above 100 without % is a misread`, confidence: LIKELY_REPAIR_CONFIDENCE });
        continue;
      }
      const h = PERCENT_AS_A_CHARACTER.exec(target.raw);
      if (h && Number(h[2]) > PER_MILLE_AT_MOST && Number(h[2]) <= 100 && !RATE_UNIT_CHARACTERS.test(h[3]!)) {
        const start = target.span.start + h[1]!.length + h[2]!.length;
        const confidence = PLAIN_RATE_NAME.test(item.name.value) ? RATE_PERCENT_CONFIDENCE : LIKELY_REPAIR_CONFIDENCE;
        edits.push({ start, end: start + 1, text: '%', why: `«${h[3]}» after the digits of a rate read as %: a rate's unit is %, not ${h[3]}`, confidence });
      }
    }
  }
  return edits;
}

/**
 * A rate or a share by its name's last word (合格率, 比例, 占比), a satisfaction (满意度) apart: a satisfaction may be
 * scored in 分 (≥90分), a misread 分 then reading as any character, while a rate or share above the largest per
 * mille target is printed with %. In the samples' sources, the 453 distinct targets of such names above 10 all are.
 */
const PLAIN_RATE_NAME = /(?:率|比例|占比)(?:[（(][^）)]*[）)])?$/;

/**
 * Confidence of a plain rate's % put back where OCR read one Chinese character (吕 名 色 铝 宫 双 咒 匈 兄 品, FandolKai
 * and FandolSong at 200 and 300 dpi). On the seven evaluation sets measured with cached reads, 93 such repairs
 * were all right in their %, 54 of them a plain rate's. As sure as a % read from its shape (`PERCENT_SIGN_CONFIDENCE`),
 * so that a target with one more repair as sure (its ≥ read as >, put right from its shape) stays at the review
 * threshold: 0.93 × 0.985² = 0.902.
 */
const RATE_PERCENT_CONFIDENCE = 0.93;

/**
 * How OCR reads the % of a serif Latin face after the digits of a rate, where the shape check did not find it (吕 名
 * 色 铝 宫 双 咒 匈 兄 品 in FandolKai at 200 dpi): one Chinese character.
 */
const PERCENT_AS_A_CHARACTER = new RegExp(String.raw`^([${COMPARATOR_GLYPHS}]?\s*)(\d{1,3}(?:\.\d{1,2})?)(\p{Script=Han})$`, 'u');

/**
 * The one-character units a rate's target may have besides % and ‰: a satisfaction's score (满意度≥90分), and the
 * counts a rate may be given in (周转率 ≥12次, 增长率 2倍). (Of the samples' 3,300 rate targets, 3,284 are in %, ‰
 * or 分, the rest text.)
 */
const RATE_UNIT_CHARACTERS = /^[分次倍]$/;

/**
 * A unit read as the letter m, alone or with a stray mark after it (≥4,800m, 元/mi, 元/m1), right after a number, 万
 * or the slash of a compound unit. The square-metre sign ㎡ (one glyph, an m with a small 2 above its end) reads so:
 * on the eleventh evaluation set, ≥4,800㎡ as ≥4,800m and 元/㎡ as 元/mi, both models agreeing on the m. A metre is
 * rare in these tables (a length is written in km, cm or 米), so the m is doubted, not repaired: which sign it was,
 * ㎡, m² or m, the letters do not tell.
 */
const AREA_UNIT_AS_LETTERS = /(?<=指标值\s*[:：][^；;。]*?(?:\d|万|\/)\s*)m[il1I|2]?(?=\s*(?:[；;。/]|$))/g;

/** Confidence of a unit read as letters that may be a unit sign (㎡): below the review threshold. */
const UNIT_AS_LETTERS_CONFIDENCE = 0.8;

/** `t` with each unit read as m (see `AREA_UNIT_AS_LETTERS`) doubted where OCR read it. Pure. */
export function doubtAreaUnitsAsLetters(t: PositionedText): PositionedText {
  const matches = [...t.text.matchAll(AREA_UNIT_AS_LETTERS)];
  if (matches.length === 0) return t;
  const boxes = [...t.boxes];
  for (const m of matches) {
    for (let k = m.index!; k < m.index! + m[0].length; k++) {
      const box = boxes[k];
      if (box?.confidence === undefined) continue;
      boxes[k] = { ...box, confidence: Math.min(box.confidence, UNIT_AS_LETTERS_CONFIDENCE), doubt: box.doubt ?? `a unit read as ${m[0]}: the square-metre sign ㎡ reads as letters` };
    }
  }
  return { text: t.text, boxes };
}

/** A target's unit after its number: what follows the last digit up to the target's end (its ； or 。). */
const TARGET_UNIT = /(?<=指标值\s*[:：][^；;。]*\d)[^；;。\d]{1,8}?(?=\s*(?:[；;。]|$))/gu;

/**
 * A character of a target's unit that the two OCR models read differently, taken from the other model where its
 * reading makes a unit of the tables' words and the first's does not (≥150雷 against ≥150亩, 万元/合 against
 * 万元/台, in WenQuanYi Zen Hei at 300 dpi and bilevel): the unit slot holds a unit. A likely reading, flagged.
 * Where both or neither make a unit (副 and 盏, both measure words), the first reading stands. Pure.
 */
export function unitDisputeEdits(t: PositionedText, earlier: readonly Edit[]): Edit[] {
  const edits: Edit[] = [];
  for (const m of t.text.matchAll(TARGET_UNIT)) {
    const unit = m[0];
    if (isKnownUnit(unit)) continue;
    for (let k = 0; k < unit.length; k++) {
      const at = m.index! + k;
      const dispute = readDisputeNote(t.boxes[at]?.doubt ?? '');
      if (!dispute || dispute.first !== unit[k] || !/^\p{Script=Han}$/u.test(dispute.other)) continue;
      const other = `${unit.slice(0, k)}${dispute.other}${unit.slice(k + 1)}`;
      if (!isKnownUnit(other) || earlier.some((e) => e.start <= at && e.end > at)) continue;
      edits.push({ start: at, end: at + 1, text: dispute.other, why: `OCR read ${unit[k]}, the other OCR model ${dispute.other}: ${other} is a unit, ${unit} none`, confidence: LIKELY_REPAIR_CONFIDENCE });
      break;
    }
  }
  return edits;
}
