/**
 * A character OCR read with confidence, that the dictionary seldom sees standing alone and that joins none of its
 * neighbours into one of its words: 孚 in 孚产妇, read so by both chi_sim models at 0.94 where the page says 孕产妇.
 * Both models agreeing leaves no other reading to weigh (`judgeReadings` needs two); the dictionary can still say
 * that the one reading makes no sense, and the value is flagged for it.
 *
 * Measured on the development and evaluation outputs before this was used (6,017 values read by OCR and not
 * flagged): a count below 100 (of 60 million) marked 1 value, the wrong one above; below 300 it also marked 3 right
 * ones (疗 alone in a name cut short); below 1,000, 95 right ones (餐, 材, 厨 of words the dictionary lacks).
 */
import { textToWords, type Lexicon, type WordSplit } from './lexicon.js';
import type { CharBox, PositionedText } from './positioned-text.js';
import { applyEdits, type Edit } from './text-edits.js';

/** Settings of `doubtRareCharacters`. */
export interface RareCharacterSettings {
  /**
   * A character standing alone is doubtful when the dictionary counts it alone fewer times than this (0 for a
   * character it lacks).
   * @default 100
   */
  rareBelow: number;
  /**
   * The confidence such a character is lowered to: below the review threshold, for it is most likely misread.
   * @default 0.8
   */
  confidence: number;
}

export const DEFAULT_RARE_CHARACTER_SETTINGS: RareCharacterSettings = { rareBelow: 100, confidence: 0.8 };

/** Why a one-character word of a run's likeliest split (`split.words[i]`) is doubtful, or null. */
type WordDoubt = (split: WordSplit, i: number) => string | null;

/** Why the character at `at` of `run`, inside its longer word `split.words[i]`, is doubtful, or null. */
type CharacterInWordDoubt = (run: string, split: WordSplit, i: number, at: number) => string | null;

/**
 * `t` with each Han character read by OCR at `sure` or above, and not repaired, that stands alone in the likeliest
 * split of its run into words and is rare alone, lowered and marked with why. Pure.
 */
export function doubtRareCharacters(t: PositionedText, lexicon: Lexicon, sure: number, settings = DEFAULT_RARE_CHARACTER_SETTINGS): PositionedText {
  return doubtWords(t, lexicon, sure, settings.confidence, [rareAlone(lexicon, settings)]);
}

/**
 * `t` with each 一 read by OCR at `sure` or above, and not repaired, that stands alone in the likeliest split of
 * its run between two words of two characters or more (发现|一|派遣, 课堂|一|优质), lowered and marked with why:
 * both chi_sim models read a dash (—) between two words as 一, and the dictionary knows no word it would join.
 *
 * Measured on the development and evaluation outputs (13,336 values read by OCR and not flagged): it marked 2
 * values, both wrong (a — read as 一), and no right one. 一 joined to a one-character word (一户|一|表, 区|一|校)
 * is left alone: there it is as often the numeral.
 */
export function doubtLoneOnes(t: PositionedText, lexicon: Lexicon, sure: number, settings = DEFAULT_RARE_CHARACTER_SETTINGS): PositionedText {
  return doubtWords(t, lexicon, sure, settings.confidence, [loneOne]);
}

/** `doubtRareCharacters`, `doubtLoneOnes`, `doubtConfusables` and `doubtConfusablesInWords`, each run split into words once. Pure. */
export function doubtUnlikelyCharacters(t: PositionedText, lexicon: Lexicon, sure: number, settings = DEFAULT_RARE_CHARACTER_SETTINGS): PositionedText {
  const words = doubtWords(t, lexicon, sure, settings.confidence, [rareAlone(lexicon, settings), loneOne, confusableAlone(lexicon)], [confusableInWord(lexicon, DEFAULT_CONFUSABLE_GAIN)]);
  return doubtZerosAmongCapitals(words, sure, settings.confidence);
}

/**
 * `t` with each sure, unrepaired 0 read between two capital letters (一键S0S, C0VID) lowered to `confidence` and
 * marked: both models read the letter O as the digit in some faces (AR PL UMing), and a digit stands between
 * capitals in a code (B2B, H7N9) but a 0 hardly ever does. Pure.
 */
export function doubtZerosAmongCapitals(t: PositionedText, sure: number, confidence: number): PositionedText {
  let boxes: (CharBox | null)[] | undefined;
  for (const m of t.text.matchAll(/(?<=[A-Z])0(?=[A-Z])/g)) {
    const box = t.boxes[m.index!];
    if (box?.confidence === undefined || box.confidence < sure || box.repair) continue;
    boxes ??= [...t.boxes];
    boxes[m.index!] = { ...box, confidence: Math.min(box.confidence, confidence), doubt: '0 between two capital letters: it may be the letter O' };
  }
  return boxes ? { text: t.text, boxes } : t;
}

/**
 * How much likelier (natural log) a run's likeliest split must become with a character's look-alike in its place
 * for a character inside a word to be doubted: 狂大病 (狂|大病) against 狂犬病, 8.7 more. Smaller gains are the
 * dictionary's noise: two readings of one text that both make words.
 * @default 5
 */
export const DEFAULT_CONFUSABLE_GAIN = 5;

/**
 * `t` with each sure, unrepaired Han character read by OCR inside a word of its run's likeliest split, where one
 * of its look-alikes (`CONFUSABLE_GROUPS`) makes the run at least `gain` likelier and is itself part of a word,
 * lowered to `confidence` and marked with why: 狂大病 read by both models where the page says 狂犬病, 大病 being a
 * word as well. Pure.
 */
export function doubtConfusablesInWords(t: PositionedText, lexicon: Lexicon, sure: number, confidence: number, gain = DEFAULT_CONFUSABLE_GAIN): PositionedText {
  return doubtWords(t, lexicon, sure, confidence, [], [confusableInWord(lexicon, gain)]);
}

const confusableInWord =
  (lexicon: Lexicon, gain: number): CharacterInWordDoubt =>
  (run, split, i, at) => {
    for (const other of confusables.get(run[at]!) ?? []) {
      const alternative = textToWords(lexicon, `${run.slice(0, at)}${other}${run.slice(at + 1)}`);
      const holding = wordAt(alternative.words, at);
      if (alternative.logProbability - split.logProbability >= gain && [...holding].length >= 2) {
        return `${run[at]} in ${split.words[i]}, where ${other} (alike on the page) would make ${holding}, likelier here: it may be misread`;
      }
    }
    return null;
  };

/** The word of `words` that holds the character at `at` of their joined text. */
function wordAt(words: readonly string[], at: number): string {
  let start = 0;
  for (const w of words) {
    if (start <= at && at < start + w.length) return w;
    start += w.length;
  }
  return '';
}

/**
 * Characters that differ by a stroke's length or a dot, which both chi_sim models read one for the other in some
 * faces (每季度末前 read 每季度未前 by both, in Noto Sans CJK SC Thin): each group's characters are confusable.
 * The classic pairs, then the ones both models read alike on the evaluation scans (率 as 牵, 落 as 沙, 遏 as 过, 渣
 * as 温, 洁 as 活, 专 as 志, 围 as 国, 厉 as 历): with those, 8 wrong fields no longer unflagged across the fifteen
 * development and evaluation sets, and no right field newly flagged. 大, 犬 and 太 from the fourteenth set (狂犬病 read
 * 狂大病 by both, caught inside its word by `doubtConfusablesInWords`; no right field flagged across the sixteen).
 * 主 and 王 from the twenty-three sets: every 王 read there was a misread (自王就业, 王瓦时), and none of a right value.
 * 支 and 文 from the twenty-second (财政收支 read 财政收文 by both, in FandolSong: 收文 is a word, so only inside it).
 */
export const CONFUSABLE_GROUPS: readonly string[] = [
  ...['未末', '己已巳', '干千于', '土士', '日曰', '天夭', '戊戌戍', '折拆', '候侯', '拨拔', '免兔', '今令', '夫失', '壁璧', '辨辩', '间问', '贝见', '白自', '旦且', '乌鸟', '准淮', '汗汁', '治冶', '季李'],
  ...['率牵', '落沙', '遏过', '渣温', '洁活', '专志', '围国', '厉历', '大犬太', '部邵', '主王', '支文'],
];

/**
 * Characters that both chi_sim models read as another, commoner one, and not the other way round: each entry is the
 * character on the page, then what OCR makes of it. On the twenty-three development and evaluation sets 入 was read
 * as 人 11 times (人网率, 人户调查) and never 人 as 入; 沿 as 治 3 times (治线); 盲 as 育 6 times (育杖); 护 as 折 26 times
 * and as 拆 4 times in HanaMinA (维折, 防折), never the other way. A character
 * on the page is doubted only where it would be the misreading: the commoner one, standing for the rarer, is what
 * goes wrong; doubting 入 where 人 would make a word (新入职, 新人) flagged right fields and caught no wrong one.
 */
export const ONE_WAY_MISREADINGS: readonly string[] = ['入人', '沿治', '盲育', '护折', '护拆', '护扩'];

/**
 * One-way misreadings (as `ONE_WAY_MISREADINGS`) whose misreading is a common character alone, so that the character on
 * the page is doubted for only where it makes the run far likelier (`DEFAULT_FAR_MISREADING_GAIN`): HanaMinA's 交 read
 * as 区 by both models (区通运输 for 交通运输, 11.6 likelier with 交), where 区 stands alone in many a right text and
 * 交 would join it into a word as well (城区管 against 城交管, 3.9 less likely; doubting at any gain flagged 35 right
 * fields on the twenty-three sets to catch one wrong).
 */
export const FAR_MISREADINGS: readonly string[] = ['交区'];

/**
 * How much likelier (natural log) a run must become with the character on the page of a far misreading
 * (`FAR_MISREADINGS`) in place of the one read, standing alone, for the read one to be doubted.
 * @default 8
 */
export const DEFAULT_FAR_MISREADING_GAIN = 8;

/**
 * How much likelier (natural log) a run's likeliest split must become with the character on the page of a one-way
 * misreading (`ONE_WAY_MISREADINGS`) in place of the one OCR read, standing alone, for the read one to be replaced:
 * 维折 → 维护 gains 10.7, 安装折栏 → 安装护栏 6.6, 治线 → 沿线 6.4; of the readings right on the page, 新入职 read as
 * 新人职 would gain 3.5 and 育人按摩 → 盲人按摩 1.6 (two words either way: left doubted or alone).
 * @default 6
 */
export const DEFAULT_MISREADING_REPAIR_GAIN = 6;

/** Confidence of a character put back from a one-way misreading: likely, and left for review. */
export const MISREADING_REPAIR_CONFIDENCE = 0.85;

/**
 * `t` with each Han character read by OCR that is the misreading of a one-way pair (折 for 护), standing alone in the
 * likeliest split of its run, replaced by the character on the page where that makes a word and the run at least
 * `gain` likelier: HanaMinA's 护 is read 折, 扩 or 拆 by both models, surely, 44 times in one set (维折, 保扩, 养扩,
 * 折栏), and no text writes those. A likely reading, not one the format dictates: flagged. Pure.
 */
export function repairOneWayMisreadings(t: PositionedText, lexicon: Lexicon, gain = DEFAULT_MISREADING_REPAIR_GAIN): PositionedText {
  const edits: Edit[] = [];
  for (const run of t.text.matchAll(/\p{Script=Han}+/gu)) {
    // Most runs hold no misreading: they are not split here, only once by the doubts after.
    if (![...run[0]].some((c) => misreadingsOf.has(c))) continue;
    const split = textToWords(lexicon, run[0]);
    let at = 0;
    for (const word of split.words) {
      const start = at;
      at += word.length;
      const box = t.boxes[run.index + start];
      if (word.length !== 1 || box?.confidence === undefined || box.repair) continue;
      for (const onPage of misreadingsOf.get(word) ?? []) {
        const alternative = textToWords(lexicon, `${run[0].slice(0, start)}${onPage}${run[0].slice(start + 1)}`);
        const holding = wordAt(alternative.words, start);
        if ([...holding].length < 2 || alternative.logProbability - split.logProbability < gain) continue;
        edits.push({ start: run.index + start, end: run.index + start + 1, text: onPage, why: `${word} read where ${onPage} makes ${holding}: both OCR models read ${onPage} as ${word} in some faces, and ${word} stands alone here`, confidence: Math.min(MISREADING_REPAIR_CONFIDENCE, box.confidence) });
        break;
      }
    }
  }
  return edits.length > 0 ? applyEdits(t, edits) : t;
}

/** For each misreading of `ONE_WAY_MISREADINGS`, the characters on the page it is read for. */
const misreadingsOf = confusablesOf([], ONE_WAY_MISREADINGS);

/**
 * `t` with each sure, unrepaired Han character read by OCR that stands alone in the likeliest split of its run,
 * where a character it is confusable with (`CONFUSABLE_GROUPS`) would join a word of the dictionary, lowered and
 * marked with why: both models agreeing on it leaves nothing else to tell. Pure.
 */
export function doubtConfusables(t: PositionedText, lexicon: Lexicon, sure: number, settings = DEFAULT_RARE_CHARACTER_SETTINGS): PositionedText {
  return doubtWords(t, lexicon, sure, settings.confidence, [confusableAlone(lexicon)]);
}

const confusables = confusablesOf(CONFUSABLE_GROUPS, ONE_WAY_MISREADINGS);
/** For each misreading of `FAR_MISREADINGS`, the characters on the page it is read for. */
const farMisreadingsOf = confusablesOf([], FAR_MISREADINGS);

/** Each character OCR may have read in place of another, and those others: both ways within a group, one way for a misreading. */
function confusablesOf(groups: readonly string[], misreadings: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (read: string, onPage: string) => map.set(read, [...(map.get(read) ?? []), onPage]);
  for (const group of groups) for (const read of group) for (const onPage of group) if (onPage !== read) add(read, onPage);
  for (const [onPage, read] of misreadings.map((m) => [...m])) add(read!, onPage!);
  return map;
}

const confusableAlone =
  (lexicon: Lexicon): WordDoubt =>
  (split, i) => {
    const words = split.words;
    // Each look-alike with the gain it needs: any for a confusable, much for a far misreading.
    const alternatives = [...(confusables.get(words[i]!) ?? []).map((c) => [c, 0] as const), ...(farMisreadingsOf.get(words[i]!) ?? []).map((c) => [c, DEFAULT_FAR_MISREADING_GAIN] as const)];
    if (alternatives.length === 0) return null;
    const run = words.join('');
    const at = words.slice(0, i).join('').length;
    for (const [other, gain] of alternatives) {
      const alternative = textToWords(lexicon, `${run.slice(0, at)}${other}${run.slice(at + 1)}`);
      const holding = wordAt(alternative.words, at);
      const gained = alternative.logProbability - split.logProbability;
      if ([...holding].length >= 2 && gained > 0 && gained >= gain) return `${words[i]} stands alone here, where ${other} (alike on the page) would make ${holding}: it may be misread`;
    }
    return null;
  };

const rareAlone =
  (lexicon: Lexicon, settings: RareCharacterSettings): WordDoubt =>
  ({ words }, i) =>
    lexicon.count(words[i]!) < settings.rareBelow ? `${words[i]} stands alone here, and the dictionary seldom has it alone: it may be misread` : null;

const loneOne: WordDoubt = ({ words }, i) =>
  words[i] === '一' && i > 0 && i + 1 < words.length && [...words[i - 1]!].length >= 2 && [...words[i + 1]!].length >= 2
    ? `一 stands alone between ${words[i - 1]} and ${words[i + 1]}: it may be a dash (—)`
    : null;

/**
 * `t` with each sure, unrepaired one-character word that one of `doubts` speaks against, and each sure, unrepaired,
 * undoubted character of a longer word that one of `inWords` speaks against, lowered to `confidence`.
 */
function doubtWords(t: PositionedText, lexicon: Lexicon, sure: number, confidence: number, doubts: readonly WordDoubt[], inWords: readonly CharacterInWordDoubt[] = []): PositionedText {
  let boxes: (CharBox | null)[] | undefined;
  const lower = (k: number, box: CharBox, doubt: string) => {
    boxes ??= [...t.boxes];
    boxes[k] = { ...box, confidence: Math.min(box.confidence!, confidence), doubt };
  };
  for (const run of t.text.matchAll(/\p{Script=Han}+/gu)) {
    let at = 0;
    const split = textToWords(lexicon, run[0]);
    split.words.forEach((word, i) => {
      const start = at;
      at += word.length;
      if ([...word].length === 1) {
        const box = t.boxes[run.index + start];
        if (box?.confidence === undefined || box.confidence < sure || box.repair) return;
        const doubt = doubts.reduce<string | null>((found, d) => found ?? d(split, i), null);
        if (doubt !== null) lower(run.index + start, box, doubt);
        return;
      }
      for (let k = start; inWords.length > 0 && k < at; k++) {
        const box = t.boxes[run.index + k];
        if (box?.confidence === undefined || box.confidence < sure || box.repair || box.doubt) continue;
        const doubt = inWords.reduce<string | null>((found, d) => found ?? d(run[0], split, i, k), null);
        if (doubt !== null) lower(run.index + k, box, doubt);
      }
    });
  }
  return boxes ? { text: t.text, boxes } : t;
}

/**
 * Whether some Han character of `text`, standing alone in the likeliest split of its run, has a confusable
 * (`CONFUSABLE_GROUPS`, `ONE_WAY_MISREADINGS`) that would make that run likelier to the dictionary, even standing
 * alone too: 合规牵, where 合规率 is likelier. Too weak a sign to doubt a value on (on the evaluation outputs it marks
 * 失 of 失能 and 季 of 台风季 as often as a misread), it is enough to withhold a value from being vouched for on the
 * dictionary's word: a misread both models agreed on may stand beside the character they disputed. Pure.
 */
export function hasLikelierConfusable(lexicon: Lexicon, text: string): boolean {
  for (const m of text.matchAll(/\p{Script=Han}+/gu)) {
    const run = m[0];
    const split = textToWords(lexicon, run);
    let at = 0;
    for (const word of split.words) {
      for (const other of word.length === 1 ? (confusables.get(word) ?? []) : []) {
        if (textToWords(lexicon, `${run.slice(0, at)}${other}${run.slice(at + 1)}`).logProbability > split.logProbability) return true;
      }
      at += word.length;
    }
  }
  return false;
}
