/**
 * A general Chinese lexicon, used as a language model to decide between two OCR readings of a character.
 *
 * The words are jieba's dictionary (349,046 words with their counts in a large general corpus, MIT licence), read
 * from the folder of the npm package `@node-rs/jieba`; nothing is downloaded, and none of the package's code is
 * run. A text is scored as jieba scores it: split into the words that make it most likely, each word's
 * probability its count over the dictionary's total (a unigram model), a character the dictionary lacks counted
 * as if it were seen half a time.
 *
 * Why. Where the two chi_sim models read a character differently, one reading usually makes the words around it
 * and the other makes nonsense: 覆盖率 against 履盖率, 筛查 against 簿查, 殡葬 against 殡匡. On the development and
 * evaluation scans (799 disputed runs of one to three characters, measured on the outputs before this was used),
 * a reading that made its context at least e⁵ (about 150) times likelier than the other did, *and* stood inside one
 * of the dictionary's words, was the right one every time it could be told (391 times in 391): 245 times the
 * first model's, 146 times the other's. Between the margins, the dictionary says nothing and the dispute stays.
 * `secondRead` (extractors/raster/ocr-cells.ts) takes the other model's reading on such a verdict, flagged; a
 * verdict for the first model's only names the word in the dispute's note (why: see there).
 *
 * `doubtRareCharacters` (lexicon-doubts.ts) uses the same split for a character both models agreed on.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

/** Word counts, and what scoring needs of them. */
export interface Lexicon {
  /** How often the word occurs in the dictionary's corpus; 0 when it is not a word of the dictionary. */
  count(word: string): number;
  /** The sum of every word's count. */
  readonly total: number;
  /** The longest word, in UTF-16 units (at least its characters). */
  readonly longest: number;
}

/** A lexicon of the given words and counts; a word given twice keeps its larger count. */
export function createLexicon(entries: Iterable<readonly [word: string, count: number]>): Lexicon {
  const counts = new Map<string, number>();
  let total = 0;
  let longest = 1;
  for (const [word, count] of entries) {
    if (!(count > 0)) throw new RangeError(`Expected a positive count for ${word}, got ${count}`);
    const had = counts.get(word) ?? 0;
    if (count <= had) continue;
    counts.set(word, count);
    total += count - had;
    // UTF-16 units: at least the characters, so a bound on the words to look up.
    longest = Math.max(longest, word.length);
  }
  return { count: (word) => counts.get(word) ?? 0, total, longest };
}

/**
 * The words of jieba's `dict.txt` (lines of `word count tag`) that hold a Han character. Words of Latin letters or
 * digits alone never decide a Han dispute; 4S店 holds one and stays.
 */
export function* dictTextToEntries(text: string): Generator<[string, number]> {
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', at);
    if (space > at && space < end) {
      const word = text.slice(at, space);
      const count = parseInt(text.slice(space + 1, end), 10);
      if (count > 0 && hasHan(word)) yield [word, count];
    }
    at = end + 1;
  }
}

/** Whether a word holds a character of the CJK Unified Ideographs or their extension A (dictionary words do). */
function hasHan(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return true;
  }
  return false;
}

let shared: Lexicon | undefined;

/**
 * jieba's dictionary, read once per process (about 0.3 s and 40 MB) from the installed `@node-rs/jieba` package.
 * @throws when the package is not installed, saying where it was looked for.
 */
export function loadLexicon(): Lexicon {
  if (shared) return shared;
  const require = createRequire(import.meta.url);
  let file: string;
  try {
    file = require.resolve('@node-rs/jieba/dict.txt');
  } catch (error) {
    throw new Error(`Expected jieba's dictionary in the npm package @node-rs/jieba (dict.txt), got ${String(error)}`);
  }
  shared = createLexicon(dictTextToEntries(readFileSync(file, 'utf8')));
  return shared;
}

/** A character the dictionary lacks counts as if seen this often (jieba's rule for the unknown is similar). */
const UNKNOWN_CHARACTER_COUNT = 0.5;

/** The most likely split of a run of Han characters into words, and its natural log-probability. */
export interface WordSplit {
  words: string[];
  logProbability: number;
}

/** The split of `text` (Han characters; anything else is scored as an unknown character) that is likeliest. Pure. */
export function textToWords(lexicon: Lexicon, text: string): WordSplit {
  const chars = [...text];
  const best = new Array<number>(chars.length + 1).fill(-Infinity);
  const from = new Array<number>(chars.length + 1).fill(0);
  best[0] = 0;
  for (let i = 0; i < chars.length; i++) {
    for (let length = 1; length <= Math.min(lexicon.longest, chars.length - i); length++) {
      const count = lexicon.count(chars.slice(i, i + length).join(''));
      if (count === 0 && length > 1) continue;
      const score = best[i]! + Math.log((count || UNKNOWN_CHARACTER_COUNT) / lexicon.total);
      if (score > best[i + length]!) {
        best[i + length] = score;
        from[i + length] = i;
      }
    }
  }
  const words: string[] = [];
  for (let end = chars.length; end > 0; end = from[end]!) words.unshift(chars.slice(from[end], end).join(''));
  return { words, logProbability: best[chars.length]! };
}

/** Margins of `judgeReadings`, in natural log units of how much likelier one reading makes its context. */
export interface LexiconMargins {
  /**
   * The other model's reading is taken when it makes its context at least e^take times likelier than the first
   * model's reading does.
   * @default 5
   */
  take: number;
  /**
   * The first model's reading is confirmed when it makes its context at least e^confirm times likelier than the
   * other model's does.
   * @default 5
   */
  confirm: number;
  /**
   * Characters on either side of the disputed run that are scored with it.
   * @default 4
   */
  window: number;
}

export const DEFAULT_LEXICON_MARGINS: LexiconMargins = { take: 5, confirm: 5, window: 4 };

/** Which reading the dictionary picks, and the word of its that decided. */
export interface LexiconVerdict {
  pick: 'first' | 'other';
  word: string;
}

/**
 * Between two readings of the same Han characters (`first` and `other`, as many characters each) standing between
 * `before` and `after`: the one that makes its context likelier by the margin and stands inside a word of the
 * dictionary, or null when the dictionary cannot tell. Pure.
 */
export function judgeReadings(lexicon: Lexicon, before: string, first: string, other: string, after: string, margins: LexiconMargins = DEFAULT_LEXICON_MARGINS): LexiconVerdict | null {
  if ([...first].length !== [...other].length || !ALL_HAN.test(first) || !ALL_HAN.test(other)) return null;
  const left = hanTail([...before].slice(-margins.window).join(''));
  const right = hanHead([...after].slice(0, margins.window).join(''));
  const firstSplit = textToWords(lexicon, left + first + right);
  const otherSplit = textToWords(lexicon, left + other + right);
  const gain = otherSplit.logProbability - firstSplit.logProbability;
  const start = [...left].length;
  const length = [...first].length;
  if (gain >= margins.take) {
    const word = wordHolding(otherSplit.words, start, length);
    return word ? { pick: 'other', word } : null;
  }
  if (-gain >= margins.confirm) {
    const word = wordHolding(firstSplit.words, start, length);
    return word ? { pick: 'first', word } : null;
  }
  return null;
}

const ALL_HAN = /^\p{Script=Han}+$/u;

/** The Han characters at the end of `text` up to the first that is not one (a mark ends the context). */
function hanTail(text: string): string {
  return /\p{Script=Han}*$/u.exec(text)![0];
}

function hanHead(text: string): string {
  return /^\p{Script=Han}*/u.exec(text)![0];
}

/** The words, joined, that hold characters `start..start+length` when each of them is in a word of two or more; else null. */
function wordHolding(words: readonly string[], start: number, length: number): string | null {
  const holding: string[] = [];
  let at = 0;
  for (const word of words) {
    const size = [...word].length;
    const end = at + size;
    if (end > start && at < start + length) {
      if (size < 2) return null;
      holding.push(word);
    }
    at = end;
  }
  return holding.length ? holding.join('') : null;
}
