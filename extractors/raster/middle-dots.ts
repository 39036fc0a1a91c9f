/**
 * The middle dot (3·15, 5·12, 千年商都·西关风情), which both chi_sim models read as a full stop `.`: the two differ
 * only in where their ink stands. A point sits on the baseline, at the foot of the digits beside it; a middle dot
 * halfway up them. Measured on the ink, never on OCR's boxes, which reach below the baseline in many faces.
 * Pixels of the padded read, origin top-left.
 */
import { inkColumnRuns, tallRuns, type InkRun } from './ink-columns.js';
import { lineOwnRows, medianLineExtents, type Crop, type MarkedSymbol } from './ocr-read.js';
import { digitBody, groupsThousands, hasCommaTail, separatorShape } from './digit-separators.js';

/** What reading a dot from its ink needs of the OCR settings. */
export interface MiddleDotSettings {
  /** White margin around the crop Tesseract read, pixels. */
  padding: number;
  /** Pixels darker than this are ink. */
  inkThreshold: number;
  /** Confidence of a symbol two readings agree on (a comma put back: its ink's shape and the digits' grouping). */
  agreedConfidence: number;
}

/** The shapes that tell a middle dot from a point, as shares of the neighbours' ink height. */
export const DEFAULT_MIDDLE_DOT_SHAPES = {
  /**
   * A dot whose ink's middle stands at least this high above the neighbours' foot is a middle dot. On the ten
   * evaluation sets, 2,588 points stood at −0.05–0.19, and 26 middle dots at 0.45–0.53.
   */
  middle: 0.3,
  /** The most a dot's ink may measure, either way, as a share of the neighbours' ink height. */
  maxSize: 0.4,
  /**
   * A mark put back between two characters stands in the middle of the white between them: the smaller of its two
   * gaps at least this share of the larger.
   */
  centredGap: 0.6,
};

/** The doubt a middle dot read from its ink keeps. */
export const MIDDLE_DOT_READ_DOUBT = 'a middle dot read from its ink: OCR reads · as .';

/**
 * A `.` between two digits or two Chinese characters whose ink stands halfway up theirs, read as `·`, in doubt. Pure.
 */
export function readMiddleDots(symbols: readonly MarkedSymbol[], crop: Crop, settings: MiddleDotSettings, shapes = DEFAULT_MIDDLE_DOT_SHAPES): MarkedSymbol[] {
  const candidate = (i: number) => symbols[i]!.text === '.' && between(symbols, i);
  if (!symbols.some((_, i) => candidate(i))) return [...symbols];
  const lines = medianLineExtents(symbols);
  const p = settings.padding;
  return symbols.map((s, i) => {
    if (!candidate(i)) return s;
    const before = symbols[i - 1]!;
    const after = symbols[i + 1]!;
    // The line's own rows: the next line's tops taken in would put a point halfway up its neighbours.
    const runs = inkColumnRuns(crop, lineOwnRows(lines.get(s.line)!, p), settings.inkThreshold, before.x0 - p, after.x1 - p);
    const centre = (s.x0 + s.x1) / 2 - p;
    const distance = (r: InkRun) => (r.x1 <= centre ? centre - r.x1 : r.x0 > centre ? r.x0 - centre : 0);
    const k = runs.reduce((best, r, j) => (best < 0 || distance(r) < distance(runs[best]!) ? j : best), -1);
    const dot = runs[k];
    const left = runs[k - 1];
    const right = runs[k + 1];
    if (!dot || !left || !right) return s;
    const top = Math.min(left.y0, right.y0);
    const foot = Math.max(left.y1, right.y1);
    const height = foot - top;
    if (height < 4 || dot.x1 - dot.x0 > shapes.maxSize * height || dot.y1 - dot.y0 > shapes.maxSize * height) return s;
    const rise = (foot - (dot.y0 + dot.y1) / 2) / height;
    if (rise < shapes.middle) return s;
    const repair = `OCR read . where the ink stands halfway up the characters beside it: ·`;
    // Between two digits a point and a middle dot both make sense (3.15, 3·15), and a point read halfway up is
    // left in doubt (36.00 read halfway up in FandolSong at 200 dpi). Between two Chinese characters a point makes
    // none: Chinese text ends its sentences with 。. Measured on the twenty-two development and evaluation sets: all
    // 70 read there were middle dots (元/人·月), against 4 points read halfway up between digits (36.00, 8.5万).
    if (digit(before.text)) return { ...s, text: '·', lookalike: MIDDLE_DOT_READ_DOUBT, repair };
    // The doubt a point between two Chinese characters carries (a middle dot reads as a point) is answered.
    const { lookalike: _, ...answered } = s;
    return { ...answered, text: '·', repair };
  });
}

/** Whether the symbol at `i` stands between two digits, or two Chinese characters, on its line. */
function between(symbols: readonly MarkedSymbol[], i: number): boolean {
  const before = symbols[i - 1];
  const after = symbols[i + 1];
  if (!before || !after || before.line !== symbols[i]!.line || after.line !== symbols[i]!.line) return false;
  return (digit(before.text) && digit(after.text)) || (han(before.text) && han(after.text));
}

const digit = (t: string) => /^[0-9]$/.test(t);
const han = (t: string) => /^\p{Script=Han}$/u.test(t);

/** The doubt a mark between two digits that OCR did not read carries. */
export const UNREAD_DIGIT_MARK_DOUBT = 'a mark between two digits that OCR did not read: a middle dot, a point or a comma may be missing';

/**
 * A small mark of ink between two digits OCR read side by side (“11·9” read as 119: the dot inside the box of the
 * 1 before it), put back as a symbol in doubt: `·` where it stands halfway up the digits, `,` where it reaches
 * below their foot, `.` where it sits on it; a comma with a comma's tail before a group of thousands is put back
 * sure. Found on the ink of the line's own rows: the runs of the two digits and, between them, one run no bigger
 * than `maxSize` of their height and no smaller than a tenth (a speck). Pure.
 */
export function insertUnreadDigitMarks(symbols: readonly MarkedSymbol[], crop: Crop, settings: MiddleDotSettings, shapes = DEFAULT_MIDDLE_DOT_SHAPES): MarkedSymbol[] {
  const digit = (x: MarkedSymbol | undefined) => x !== undefined && /^[0-9]$/.test(x.text) && !x.lost;
  const pairs = symbols.flatMap((s, i) => (digit(s) && digit(symbols[i + 1]) && symbols[i + 1]!.line === s.line ? [i] : []));
  if (pairs.length === 0) return [...symbols];
  const lines = medianLineExtents(symbols);
  const p = settings.padding;
  const marks = new Map<number, MarkedSymbol>();
  for (const i of pairs) {
    const before = symbols[i]!;
    const after = symbols[i + 1]!;
    const runs = inkColumnRuns(crop, lineOwnRows(lines.get(before.line)!, p), settings.inkThreshold, before.x0 - p, after.x1 - p);
    const tall = tallRuns(runs);
    // The two digits' own ink and nothing else tall: a third tall run is a glyph of another box.
    if (tall.length !== 2) continue;
    const [left, right] = tall as [InkRun, InkRun];
    const found = smallMarkBetween(runs, left, right, shapes);
    if (!found) continue;
    const { mark, rise, foot, height } = found;
    const text = rise >= shapes.middle ? '·' : mark.y1 > foot + 0.05 * height ? ',' : '.';
    // A symbol of its own on the digits' line: none of their marks (a dispute, a doubt) is its.
    const put: MarkedSymbol = { text, confidence: before.confidence, x0: mark.x0 + p, x1: mark.x1 + p, y0: before.y0, y1: before.y1, word: before.word, line: before.line };
    if (text === ',' && groupsThousands(symbols, i + 1)) {
      // A comma's tail, as `readDigitSeparators` measures it, before three digits: no point between digits has
      // it, and where OCR dropped the comma the value is the same number with or without it.
      const body = digitBody(tall);
      if (body && hasCommaTail(separatorShape(crop, mark, body, settings.inkThreshold))) {
        marks.set(i, { ...put, confidence: settings.agreedConfidence, repair: ', put back where OCR read nothing between two digits: its ink has a comma\'s tail, and three digits follow' });
        continue;
      }
    }
    marks.set(i, { ...put, confidence: Math.min(before.confidence, 0.5), lookalike: UNREAD_DIGIT_MARK_DOUBT, repair: `${text} put back where OCR read nothing between two digits` });
  }
  return withMarksAfter(symbols, marks);
}

/**
 * The one small mark of ink between two glyphs' runs (`right` undefined: every run after `left`), how high its
 * middle stands (0 at their foot, 1 at their top), their foot and their height; null where there is none or more
 * than one, or it is a speck of noise or a glyph of its own (its size beyond a tenth and `maxSize` of their height).
 */
function smallMarkBetween(runs: readonly InkRun[], left: InkRun, right: InkRun | undefined, shapes: typeof DEFAULT_MIDDLE_DOT_SHAPES): { mark: InkRun; rise: number; foot: number; height: number } | null {
  const glyphs = right ? [left, right] : [left];
  const height = Math.max(...glyphs.map((g) => g.y1)) - Math.min(...glyphs.map((g) => g.y0));
  if (height < 4) return null;
  const between = runs.filter((r) => r.x0 >= left.x1 && r.x1 <= (right?.x0 ?? Infinity));
  if (between.length !== 1) return null;
  const mark = between[0]!;
  const size = Math.max(mark.x1 - mark.x0, mark.y1 - mark.y0);
  if (size > shapes.maxSize * height || size < 0.1 * height) return null;
  const foot = Math.max(...glyphs.map((g) => g.y1));
  return { mark, rise: (foot - (mark.y0 + mark.y1) / 2) / height, foot, height };
}

/** `symbols` with each mark of `marks` after the symbol it is keyed by, that symbol's box ending where the mark's ink starts. */
function withMarksAfter(symbols: readonly MarkedSymbol[], marks: ReadonlyMap<number, MarkedSymbol>): MarkedSymbol[] {
  return symbols.flatMap((s, i) => {
    const mark = marks.get(i);
    return mark ? [{ ...s, x1: Math.min(s.x1, mark.x0) }, mark] : [s];
  });
}

/** The doubt a middle dot put back between two Chinese characters of a unit carries. */
export const UNREAD_UNIT_DOT_DOUBT = 'a mark halfway up between two characters of a unit that OCR did not read: a middle dot may be missing';

/**
 * A small mark of ink halfway up after a Chinese character of a compound unit (元/人·次, 元/台·年: after a slash)
 * and before the next character, on its line or past the line's end, which OCR read as no symbol (≤45元/人·次 read
 * as ≤45元/人次 by both models in AR PL KaitiM GB at 200 dpi, the dot inside the box of the 人 before it), put back as
 * `·`, in doubt: both 元/人·次 and 元/人次 are units the tables write, so only the ink tells, and a speck can pass for
 * a dot. Found on the ink of the line's own rows: the character's tall run of ink, and after it, before the next tall
 * run (the next character's, or its first part: the 冫 of 次) and outside the next character's box, or within an em
 * at the line's end, one run no bigger than `maxSize` of their height and no smaller than a tenth, its middle between
 * `middle` and `1 - middle` of the way up. Pure.
 */
export function insertUnreadUnitDots(symbols: readonly MarkedSymbol[], crop: Crop, settings: MiddleDotSettings, shapes = DEFAULT_MIDDLE_DOT_SHAPES): MarkedSymbol[] {
  const hanAt = (k: number) => symbols[k] !== undefined && han(symbols[k]!.text) && !symbols[k]!.lost;
  const afterSlash = (i: number) => symbols.slice(Math.max(0, i - 4), i).some((s) => s.line === symbols[i]!.line && s.text === '/');
  const candidates = symbols.flatMap((_, i) => (hanAt(i) && hanAt(i + 1) && afterSlash(i) ? [i] : []));
  if (candidates.length === 0) return [...symbols];
  const lines = medianLineExtents(symbols);
  const p = settings.padding;
  const marks = new Map<number, MarkedSymbol>();
  for (const i of candidates) {
    const before = symbols[i]!;
    const after = symbols[i + 1]!;
    const line = lines.get(before.line)!;
    const em = line.y1 - line.y0;
    const sameLine = after.line === before.line;
    const runs = inkColumnRuns(crop, lineOwnRows(line, p), settings.inkThreshold, before.x0 - p, sameLine ? after.x1 - p : before.x1 - p + em);
    const tall = tallRuns(runs);
    const centre = (before.x0 + before.x1) / 2 - p;
    // The character's own ink: the tall run nearest the middle of its box.
    const left = [...tall].sort((a, b) => Math.abs((a.x0 + a.x1) / 2 - centre) - Math.abs((b.x0 + b.x1) / 2 - centre))[0];
    if (!left) continue;
    const right = tall.find((r) => r.x0 >= left.x1);
    if (sameLine && !right) continue;
    const found = smallMarkBetween(runs, left, right, shapes);
    if (!found) continue;
    const { mark, rise } = found;
    // Inside the next character's box, a small mark is a stroke of its own (米's upper dots); so is one much nearer the
    // next character's ink than the last one's (the left dot of 小, boxed apart from it): a dot stands in the middle.
    if (sameLine && (mark.x0 + mark.x1) / 2 >= after.x0 - p) continue;
    if (right) {
      const gaps = [mark.x0 - left.x1, right.x0 - mark.x1];
      if (Math.min(...gaps) < shapes.centredGap * Math.max(...gaps)) continue;
    }
    if (rise < shapes.middle || rise > 1 - shapes.middle) continue;
    marks.set(i, { text: '·', confidence: Math.min(before.confidence, 0.5), x0: mark.x0 + p, x1: mark.x1 + p, y0: before.y0, y1: before.y1, word: before.word, line: before.line, lookalike: UNREAD_UNIT_DOT_DOUBT, repair: '· put back where OCR read nothing after a character of a unit: a mark halfway up' });
  }
  return withMarksAfter(symbols, marks);
}
