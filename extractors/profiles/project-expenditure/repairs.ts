/**
 * Repairs of OCR text that the 绩效指标 format allows: its fixed vocabulary (the level-1 and level-2 names and
 * their codes, the labels 实施周期指标值 and 年度指标值) and the shape of numbers. Each repair replaces a span
 * of the text with the form the format requires, keeps the position of what it replaced, and marks the
 * replaced characters with what was done, so the fields made from them say so and lose some confidence.
 *
 * Only text read by OCR is repaired: a text layer says what the document says.
 */
import type { PositionedText } from '../../text/positioned-text.js';
import { applyEdits, isOcrText, type Edit } from '../../text/text-edits.js';
import { doubtAreaUnitsAsLetters, labelAndTargetEdits, LIKELY_REPAIR_CONFIDENCE, timesSignEdits, unitDisputeEdits } from './target-repairs.js';
import { TARGET_LABELS } from './indicator-grammar.js';
import { COMPARATOR_GLYPHS } from './targets.js';
import { oneSubstitution } from '../../text/substitution.js';

/** Level-1 names and their codes (财预〔2020〕10号). */
export const LEVEL1_CODES: Readonly<Record<string, string>> = { 产出指标: '1', 效益指标: '2', 满意度指标: '3', 成本指标: '4' };

/**
 * Level-2 names and their codes; the names with and without the trailing 指标 occur. 成本指标 is a level-2 name
 * under 产出指标 (14, the older framework) as well as a level-1 name (4).
 */
export const LEVEL2_CODES: Readonly<Record<string, string>> = {
  数量指标: '11', 质量指标: '12', 时效指标: '13', 成本指标: '14',
  数量: '11', 质量: '12', 时效: '13', 成本: '14',
  经济效益指标: '21', 社会效益指标: '22', 生态效益指标: '23', 可持续影响指标: '24',
  经济效益: '21', 社会效益: '22', 生态效益: '23', 可持续影响: '24',
  服务对象满意度指标: '31', 服务对象满意度: '31',
  经济成本指标: '41', 社会成本指标: '42', 生态环境成本指标: '43',
};

/**
 * The short level-2 names that are common words (数量, 质量, 时效, 成本: 设备购置成本控制, 采购及维护成本): found by a
 * pattern only after a level code, lest an indicator's name be taken for a level name.
 */
const COMMON_WORD_LEVEL2 = new Set(['数量', '质量', '时效', '成本']);

/**
 * A pattern for a level-2 name where the text around it does not say it is one, longest first: the common-word
 * names only after a digit of their code (13.时效, 12质量, 14-成本).
 */
const LEVEL2_NAME_PATTERN = ((): string => {
  const names = Object.keys(LEVEL2_CODES).sort((a, b) => b.length - a.length);
  const common = names.filter((n) => COMMON_WORD_LEVEL2.has(n)).join('|');
  return `(?:${names.filter((n) => !COMMON_WORD_LEVEL2.has(n)).join('|')}|(?<=\\d\\s*[-－.．]{0,2}\\s*)(?:${common}))`;
})();

/** A level-1 name, or one with a character misread (工严出指标): where what follows says an item starts there. */
const LEVEL1_NAME_OR_ONE_OFF = Object.keys(LEVEL1_CODES)
  .flatMap((n) => [n, ...[...n].map((_, i) => `${n.slice(0, i)}[^；;。、\\s\\d]${n.slice(i + 1)}`)])
  .join('|');

/**
 * What a level code garbled or missing before its level name can be read as: the code with a stray mark before it
 * (；)11-, ≥22-), nothing or up to two characters in its place (革, 刀-), a digit and a stray mark, the bare digits,
 * its 1s read as L or ] before the hyphen (11L-, 1]1-, LL-), or a stray mark between the code and its hyphen (1T-,
 * FandolFang's 1- in a Group 4 scan, the other model reading no hyphen at all), or a digit too many with a point for
 * its hyphen (112.质量指标 for 12-质量指标: WenQuanYi Zen Hei Sharp in a Group 4 scan; no code of the format has three).
 */
const GARBLED_LEVEL_CODE = String.raw`[^；;。、\d\s]\s*\d{1,2}\s*-?|[^；;。、\d]{0,2}|\d{1,2}\s*[^\d\s；;。、-]?|\d{1,2}\s*-?|[\dLl\]|I]{1,3}\s*-|\d{1,2}\s*[^\d\s；;。、-]\s*-|\d{3}\s*[-.．]?`;

/** How a target's value starts: a digit or a comparator. */
const TARGET_START = new RegExp(`^[\\d${COMPARATOR_GLYPHS}]`);

/** A level code read as its name dictates, but below this confidence, is confirmed by the name. */
const CONFIRMED_BY_NAME_BELOW = 0.9;
/**
 * Confidence of a ； put back after a short level-2 name (服务对象满意度) that a doubtful character follows: the
 * character may hold the name's 指标.
 */
const CUT_SHORT_CONFIDENCE = 0.6;

/**
 * Repair an OCR-read 绩效指标 cell: level codes garbled or missing before a known level name (1、革产出指标 →
 * 1、1-产出指标), labels with one character misread (实施周期指际值 → 实施周期指标值), spaces inside numbers.
 */
export function repairIndicatorText(t: PositionedText): PositionedText {
  if (!isOcrText(t)) return t;
  const edits: Edit[] = [];
  const text = t.text;
  // A level name after an item number (level 1) or after a separator (level 2), with the code garbled.
  const level = (names: Readonly<Record<string, string>>, before: string) => {
    const alternatives = Object.keys(names).sort((a, b) => b.length - a.length).join('|');
    const re = new RegExp(`(${before})(${GARBLED_LEVEL_CODE})(${alternatives})`, 'g');
    for (const m of text.matchAll(re)) {
      const name = m[3]!;
      const code = names[name]!;
      const wanted = `${code}-`;
      const start = m.index! + m[1]!.length;
      if (m[2] === wanted) {
        // Read right but doubted (the other model garbles codes: 1- as L, 士, 乃): the name dictates the code, so the
        // code is written again as a repair, at the confidence the format gives it.
        const doubtful = t.boxes.slice(start, start + wanted.length).some((b) => (b?.confidence ?? 1) < CONFIRMED_BY_NAME_BELOW);
        if (doubtful) edits.push({ start, end: start + wanted.length, text: wanted, why: `level code ${wanted} confirmed by its name ${name}` });
        continue;
      }
      // Another of the format's codes, read surely (31-时效指标: the table's own slip, 13 with its digits swapped):
      // the document wrote it, and the checks say the code and the name disagree. Written from the name, a sure
      // read would be hidden.
      const read = m[2]!.replace(/\s/g, '');
      const sure = t.boxes.slice(start, start + m[2]!.length).every((b) => b === null || ((b.confidence ?? 1) >= CONFIRMED_BY_NAME_BELOW && b.doubt === undefined));
      if (sure && Object.values(names).some((other) => read === `${other}-`)) continue;
      edits.push({ start, end: start + m[2]!.length, text: wanted, why: `level code «${m[2]}» before ${name} read as ${wanted}` });
    }
  };
  // An item whose number and code are both garbled (1、1-产出指标 → 二工产出指标): at the start of the cell or after
  // an item's 。, what stands before a level-1 name (up to six characters, no digit number) is «N、code-», N one more than the item
  // before it.
  const names = Object.keys(LEVEL1_CODES).join('|');
  let seq = 0;
  for (const m of text.matchAll(new RegExp(`(^|。)\\s*([^。；;]{0,6}?)(${names})`, 'g'))) {
    seq += 1;
    const code = LEVEL1_CODES[m[3]!]!;
    const wanted = `${seq}、${code}-`;
    const start = m.index! + m[1]!.length;
    const prefix = text.slice(start, start + m[0].length - m[1]!.length - m[3]!.length);
    // Only when the number itself is lost: a digit number, garbled code and all, is the next repair's.
    if (prefix.replace(/\s/g, '') === wanted || /^\s*\d{1,2}\s*[、,，.]/.test(prefix)) continue;
    edits.push({ start, end: start + prefix.length, text: wanted, why: `item number and level code «${prefix}» before ${m[3]} read as ${wanted}` });
  }
  edits.push(...levelNameEdits(text));
  edits.push(...itemBoundaryEdits(text));
  edits.push(...separatorEdits(t));
  // After the item's number and its 、, read with a stray mark (3.、) or not.
  level(LEVEL1_CODES, '(?:^|。)\\s*\\d{1,2}\\s*[、,，.]{1,2}\\s*');
  // Level 2 only right after a level-1 name: the indicator's own name may end in a level-2 name too
  // (康复服务对象满意度), and two characters before it are no garbled code. The ； between them may be misread
  // (效益指标，22-社会效益指标): `separatorEdits` puts it back.
  level(LEVEL2_CODES, `(?:${Object.keys(LEVEL1_CODES).join('|')})\\s*[；;，,:：.]?\\s*`);
  // The two labels, one character off.
  for (const label of TARGET_LABELS) {
    for (let i = 0; i + label.length <= text.length; i++) {
      const window = text.slice(i, i + label.length);
      const off = oneSubstitution(window, label);
      if (off < 0) continue;
      const after = text.slice(i + label.length);
      const taken = () => edits.some((e) => e.start < i + label.length && e.end > i);
      // One character off, the rest of the label in place, and a colon after: the label and nothing else.
      if (/^[:：]/.test(after) && !taken()) {
        edits.push({ start: i, end: i + label.length, text: label, why: `«${window}» read as ${label}` });
        continue;
      }
      // Its 值 misread and the colon lost with it (年度指标俏100%, 年度指标佳≥85%: Smiley Sans), the target's number
      // or comparator right after: no name or value writes the label's stem before a number.
      if (off === label.length - 1 && window[window.length - 1] !== ':' && TARGET_START.test(after) && !taken()) {
        // (The colon's repair says so, for a bare number after it may have lost its comparator with the colon.)
        edits.push({ start: i, end: i + label.length, text: `${label}:`, why: `${LOST_LABEL_COLON}: «${window}» read as ${label}:` });
      }
    }
    // Its last character lost before the colon (年度指标:≥85%).
    const stem = label.slice(0, -1);
    for (const m of text.matchAll(new RegExp(`${stem}(?=\\s*[:：])`, 'g'))) {
      const end = m.index! + stem.length;
      if (edits.some((e) => e.start < end && e.end > m.index!)) continue;
      edits.push({ start: end - 1, end, text: `${stem.at(-1)}${label.at(-1)}`, why: `«${stem}» read as ${label}, its last character lost`, carried: [0] });
    }
  }
  edits.push(...lostLabelColonEdits(text, edits));
  edits.push(...labelAndTargetEdits(text, edits));
  edits.push(...unitDisputeEdits(t, edits));
  // (Per mille read as per cent and a letter o, 3%o, is one of the target edits.)
  const removeSpace = (start: number, length: number, why: string) => {
    if (!edits.some((e) => e.start < start + length && e.end > start)) edits.push({ start, end: start + length, text: '', why });
  };
  // Spaces inside a number (1,2 00).
  for (const m of text.matchAll(/\d[,.]?\d*( +)(?=[\d,.]*\d)/g)) removeSpace(m.index! + m[0].length - m[1]!.length, m[1]!.length, 'space inside a number removed');
  // A space between a target's comparator and its number (≥ 680平方米): a gap OCR left between the two words it
  // read them as, where a table prints none (none of the samples' 10,000 targets has one).
  for (const m of text.matchAll(new RegExp(String.raw`(?<=指标值\s*[:：]\s*[${COMPARATOR_GLYPHS}]) +(?=\d)`, 'g'))) removeSpace(m.index!, m[0].length, 'space between a comparator and its number removed');
  // A stray mark between an item's number and its 、 (。6.、工产出指标): a speck or the 、 read twice. The number
  // starts an item only with its 、 right after it.
  for (const m of text.matchAll(/(?<=(?:^|。)\s*\d{1,2})\s*[.．,，]\s*(?=、)/g)) removeSpace(m.index!, m[0].length, `«${m[0].trim()}» between an item's number and its 、 removed`);
  return doubtAreaUnitsAsLetters(edits.length === 0 ? t : applyEdits(t, edits));
}

/**
 * Repair an OCR-read 绩效目标 cell: a ‰ read as % and a letter o after a number (成灾率控制在2%o以下), as in
 * targets (the likely reading, flagged); no text writes a letter o right after a per cent sign. An o after a ‰ the
 * pixels read (2‰o) is its last ring read again.
 */
export function repairGoalText(t: PositionedText): PositionedText {
  if (!isOcrText(t)) return t;
  const edits: Edit[] = [...t.text.matchAll(/(?<=\d)[%‰][oO]/g)].map((m) => ({
    start: m.index!,
    end: m.index! + 2,
    text: '‰',
    why: `«${m[0]}» read as ‰: the circle of a per mille sign`,
    confidence: LIKELY_REPAIR_CONFIDENCE,
  }));
  // The letter x between two numbers (7x24小时), as in targets: a goal writes ×, some the letter.
  edits.push(...timesSignEdits(t.text));
  return edits.length === 0 ? t : applyEdits(t, edits);
}

/**
 * Repair an OCR-read amount cell: spaces between its digits and separators removed, and thousands separators
 * read as points (21.947.14, 21,.947.14 → 21,947.14): an amount has one decimal point, after which come one or
 * two digits, and the groups before it are of three.
 */
export function repairAmountText(t: PositionedText): PositionedText {
  if (!isOcrText(t) || !/^[\d,.\s]+$/.test(t.text)) return t;
  const edits: Edit[] = [];
  for (const m of t.text.matchAll(/ +/g)) edits.push({ start: m.index!, end: m.index! + m[0].length, text: '', why: 'space inside a number removed' });
  const compact = t.text.replace(/ /g, '');
  if (/^\d{1,3}(?:[,.]{1,2}\d{3})+\.\d{1,2}$/.test(compact) && /\.\d{3}|[,.]{2}/.test(compact)) {
    const last = t.text.lastIndexOf('.');
    for (const m of t.text.matchAll(/[,.]+/g)) {
      if (m.index! + m[0].length - 1 === last || m[0] === ',') continue;
      edits.push({ start: m.index!, end: m.index! + m[0].length, text: ',', why: `«${m[0]}» between groups of thousands read as ,: an amount has one decimal point` });
    }
  }
  return edits.length === 0 ? t : applyEdits(t, edits);
}

/**
 * A level name one character off the name its code dictates (1-严出指标 → 1-产出指标, 11-数量指际 → 11-数量指标): the
 * code was read, and the format gives each code one name (a level-2 code its name with or without 指标).
 */
function levelNameEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  const byCode = (names: Readonly<Record<string, string>>, code: string) => Object.keys(names).filter((n) => names[n] === code).sort((a, b) => b.length - a.length);
  for (const m of text.matchAll(/(?<![\d])(\d{1,2})\s*[-－]\s*(?=\p{Script=Han})/gu)) {
    const code = m[1]!;
    const start = m.index! + m[0].length;
    for (const name of byCode(code.length === 1 ? LEVEL1_CODES : LEVEL2_CODES, code)) {
      const window = text.slice(start, start + name.length);
      // Whole: a separator (or the end) after it, so that 数量指标 is not made of 数量指示牌.
      if (!/^\s*(?:[；;，,。]|$)/.test(text.slice(start + name.length))) continue;
      if (window === name) break;
      const at = oneSubstitution(name, window);
      if (at < 0 || !/\p{Script=Han}/u.test(window[at]!)) continue;
      edits.push({ start: start + at, end: start + at + 1, text: name[at]!, why: `${window} read as ${name}, the name of level code ${code}` });
      break;
    }
  }
  return edits;
}

/** The characters a target's value can end with: a digit, %, a unit, or a word such as 完成 or 是. */
const VALUE_END = /[\d%％‰元人次个家份项所座台套件本场篇期天日月年户分是否成好高低内上下率度]$/;

/**
 * An item whose closing 。 OCR misread, with the next item's number and level code garbled as well
 * (…年度指标值:不低于80%u处3-满意度指标；31-服务对象满意度指标；… → …不低于80%。4、3-满意度指标；…): the next item
 * stands where a level-1 name is followed by a level-2 code-name, inside the value of 年度指标值. The value ends
 * where the 实施周期指标值 value did (the two targets are alike as a rule), or else at its last digit, % or unit
 * before a few characters that hold the next item's number or level code; what lies between is written as
 * 。N、code-, N one more than the items before it.
 */
function itemBoundaryEdits(text: string): Edit[] {
  // The next item's level-1 name, or that name with one character misread (工严出指标): what follows it says it is one.
  const names = Object.keys(LEVEL1_CODES);
  const level1 = LEVEL1_NAME_OR_ONE_OFF;
  const level2 = LEVEL2_NAME_PATTERN;
  // The colon after the label may be lost as well (年度指标值400 for 年度指标值:100%), and the level-2 code after the
  // next item's level-1 name misread (13.时效指标, 13.-时效指标, 13:时效指标), or its name cut short (产出指标，12质量;): a level-1
  // name followed by a level-2 code and name is the start of an item. The code may be garbled past reading as well
  // (产出指标；公质量指标, WenQuanYi Zen Hei Sharp in a Group 4 scan): a long level-2 name after a level-1 name and
  // its ； still says an item starts there.
  const afterLevel1 = `\\s*[；;，,]\\s*(?:(?:\\d{0,2}|[^；;。、\\s\\d]{1,2})\\s*[-－.．:：]{0,2}\\s*(?:${level2})|\\d{2}\\s*[-－.．:：]{0,2}\\s*\\p{Script=Han}{2})`;
  const re = new RegExp(`年度指标值\\s*[:：]?\\s*([^。；;]*?)(${level1})(?=${afterLevel1})`, 'gu');
  const edits: Edit[] = [];
  for (const m of text.matchAll(re)) {
    const valueStart = m.index! + m[0].length - m[1]!.length - m[2]!.length;
    const inValue = m[1]!;
    const name = names.find((n) => n === m[2] || oneSubstitution(n, m[2]!) >= 0)!;
    const code = LEVEL1_CODES[name]!;
    // The items so far each have one 年度指标值: this is the next one.
    const seq = [...text.slice(0, valueStart).matchAll(/年度指标值/g)].length + 1;
    // The ； before 年度指标值 may be lost too (≥99.95%年度指标值): the period's value runs up to the label then.
    const period = /实施周期指标值\s*[:：]\s*([^；;。]*?)\s*[；;]?\s*$/.exec(text.slice(0, m.index!))?.[1] ?? '';
    const cut = boundaryIn(inValue, period, seq, code);
    if (cut === null) continue;
    const junk = inValue.slice(cut);
    const wanted = `。${seq}、${code}-`;
    const why = `the end of an item and the next one's number and level code «${junk}» before ${name} read as ${wanted}`;
    if (inValue.startsWith(period) && cut === period.length) {
      edits.push({ start: valueStart + cut, end: valueStart + inValue.length, text: wanted, why });
    } else {
      // Where the value ends is a guess (40%~605、 for 40%～60%。5、: the end of the range may be in what was cut), so
      // the value's last character is written again, flagged, and the target with it; the next item's number and
      // code are the format's, as where the boundary is sure.
      const last = valueStart + cut - 1;
      edits.push({ start: last, end: last + 1, text: text[last]!, why: `${why}; where the value ends is a guess`, carried: [0], confidence: LIKELY_REPAIR_CONFIDENCE });
      edits.push({ start: last + 1, end: valueStart + inValue.length, text: wanted, why });
    }
  }
  return edits;
}

/**
 * Where a target's value ends and the garbled start of the next item begins in `s`; null when unsure. The start is
 * a mark of the next item (its number `seq` or level code `code`) after the value's end, or the number itself with
 * its 、 (少于35、 for 少于3%。5、: the % and 。 lost, the value's last digit and the number run together).
 */
function boundaryIn(s: string, period: string, seq: number, code: string): number | null {
  const MAX_JUNK = 8;
  const plausible = (cut: number) => s.length - cut >= 1 && s.length - cut <= MAX_JUNK && VALUE_END.test(s.slice(0, cut).trimEnd());
  if (period !== '' && s.startsWith(period) && plausible(period.length)) return period.length;
  const numbered = new RegExp(`^${seq}\\s*[、,，]`);
  for (let cut = Math.max(1, s.length - MAX_JUNK); cut < s.length; cut++) {
    const junk = s.slice(cut);
    if (!plausible(cut)) continue;
    if (!VALUE_END.test(s[cut]!) && (junk.includes(String(seq)) || junk.includes(code))) return cut;
    if (numbered.test(junk)) return cut;
  }
  return null;
}

/**
 * The ； after a level name, misread (产出指标)11-数量指标, 数量指标，调研企业数量) or dropped (数量指标订阅报刊份数): a
 * level-1 name is always followed by ； and the level-2 code-name, a level-2 name by ； and the indicator's name.
 * The name's last character is rewritten with the separator, so the field says it was repaired.
 */
function separatorEdits(t: PositionedText): Edit[] {
  const text = t.text;
  const level1 = Object.keys(LEVEL1_CODES).join('|');
  const level2 = LEVEL2_NAME_PATTERN;
  const edits: Edit[] = [];
  const add = (nameEnd: number, junk: string, name: string, what: string, confidence?: number) => {
    const last = text[nameEnd - 1]!;
    edits.push({ start: nameEnd - 1, end: nameEnd + junk.length, text: `${last}；`, why: `«${junk}» after ${name} read as ； (${what})`, carried: [0], ...(confidence === undefined ? {} : { confidence }) });
  };
  // The code after it may be garbled too (产出指标，J1-数量指标, 产出指标，刀-数量指标, 效益指标:≥22-社会效益指标): up to four
  // characters of anything, looser than GARBLED_LEVEL_CODE, since a level-2 name that close says where the ； goes
  // even when its code is beyond mending (满意度指标，3/-服务对象满意度).
  for (const m of text.matchAll(new RegExp(`(${level1})(\\s*[^；;\\s\\d]?)(?=\\s*(?:[^；;。、\\s]\\s*){0,4}(?:${level2}))`, 'g'))) {
    if (/[；;]/.test(m[2]!)) continue;
    add(m.index! + m[1]!.length, m[2]!, m[1]!, 'a level-1 name is followed by ； and the level-2 code');
  }
  // After its code, a garbled one too (刀-数量指标): a dash before the name.
  for (const m of text.matchAll(new RegExp(`(?<=[^；;。、\\s]\\s*[-－]\\s*)(${level2})(\\s*[)）,，:：./]?)(?=\\s*(.))`, 'g'))) {
    const next = m[3]!;
    if (/[；;。]/.test(next) || /[；;]/.test(m[2]!)) continue;
    // Only before the indicator's name: a Han character, a digit, a Latin letter (GSP合规检查…, LED节能灯具…) or an
    // opening bracket.
    if (!/[\p{Script=Han}\dA-Za-z(（“"《]/u.test(next)) continue;
    // A short name before its 指标 misread (数量指际): the long name, one character off, is levelNameEdits' to mend.
    const after = text.slice(m.index! + m[0].length).trimStart().slice(0, 2);
    if (!m[1]!.endsWith('指标') && `${m[1]}指标` in LEVEL2_CODES && oneSubstitution('指标', after) >= 0) continue;
    // A short name (服务对象满意度) before a doubtful character may have lost its 指标 to it (指标； read as 和):
    // the name is then cut short, which the format cannot tell.
    const rest = text.slice(m.index! + m[0].length);
    const nextConfidence = t.boxes[m.index! + m[0].length + rest.length - rest.trimStart().length]?.confidence ?? 1;
    const cutShort = !m[1]!.endsWith('指标') && `${m[1]}指标` in LEVEL2_CODES && nextConfidence < CONFIRMED_BY_NAME_BELOW;
    add(m.index! + m[1]!.length, m[2]!, m[1]!, cutShort ? `a level-2 name is followed by ； and the indicator name; the doubtful ${next} after it may hold 指标` : 'a level-2 name is followed by ； and the indicator name', cutShort ? CUT_SHORT_CONFIDENCE : undefined);
  }
  // One separator read as two marks (数量指标;，外来入侵物种, 数量指标;:大厅开放时间: the ； cut into two boxes, the
  // second of which the other model mostly did not read): no name starts with a mark, so the second is the first's
  // ink. The separator stays as read, for its width is the pixels' to judge.
  for (const m of text.matchAll(new RegExp(`(${level1}|${level2})(\\s*[；;])(\\s*[,，:：.、])(?=\\s*[\\p{Script=Han}\\dA-Za-z(（“"《])`, 'gu'))) {
    const nameEnd = m.index! + m[1]!.length;
    const separator = m[2]!.trim();
    edits.push({ start: nameEnd - 1, end: nameEnd + m[2]!.length + m[3]!.length, text: `${text[nameEnd - 1]}${separator}`, why: `«${separator}${m[3]!.trim()}» after ${m[1]} read as ${separator}: the ink of one separator read as two marks`, carried: [0, 1] });
  }
  return edits;
}

/** Why a colon was put back after a label: what a target's field looks for to doubt a number after it. */
export const LOST_LABEL_COLON = 'the colon after the label was not read';

/**
 * The colon after a label that OCR did not read (实施周期指标值2025年11月, 实施周期指标值收到完整材料后…: WenQuanYi Zen
 * Hei Sharp's narrow colon, lost before a character or a digit): the format writes one after each label, so it is
 * put back, the label's last character written with it. What it says of the target after it is the target's field's
 * to weigh (a comparator may have been lost with it).
 */
function lostLabelColonEdits(text: string, edits: readonly Edit[]): Edit[] {
  const out: Edit[] = [];
  for (const label of TARGET_LABELS) {
    for (const m of text.matchAll(new RegExp(`${label}(?=\\s*[^\\s:：；;。])`, 'g'))) {
      const end = m.index! + label.length;
      if (edits.some((e) => e.start < end && e.end > end - 1)) continue;
      out.push({ start: end - 1, end, text: `${label.at(-1)}:`, why: `${LOST_LABEL_COLON}: put back after ${label}`, carried: [0] });
    }
  }
  return out;
}
