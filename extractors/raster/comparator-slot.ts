/**
 * The comparator slot of a target (指标值:≥100): comparators Tesseract misread (>, 之, 这, 过 for ≥), split (> and =)
 * or dropped, read again from their shape (`comparator-glyph.ts`). Every change is marked as a repair.
 */
import { classifyComparator, classifyComparatorAmongDigits, COMPARATOR_LOOKALIKES, isolateGlyph } from './comparator-glyph.js';
import { clampRows, columnHasInk, inkColumnRuns, runsAroundBox } from './ink-columns.js';
import { DISPUTED_DOUBT, medianLineExtents, withoutDispute, type Crop, type MarkedResult, type MarkedSymbol } from './ocr-read.js';
import { typicalHanHeight } from '../ocr/lines.js';

/**
 * Whether symbol `i` stands after a Han character of a text after a label's colon on its line, and before another
 * or a digit (接报后≤30分钟到场, 社区≥90%: a comparator inside a text target).
 */
function inTargetText(symbols: readonly MarkedSymbol[], i: number): boolean {
  const s = symbols[i]!;
  const han = (t: MarkedSymbol | undefined) => t !== undefined && t.line === s.line && /^\p{Script=Han}$/u.test(t.text);
  const digit = (t: MarkedSymbol | undefined) => t !== undefined && t.line === s.line && /^[0-9]$/.test(t.text);
  if (!han(symbols[i - 1]) || !(han(symbols[i + 1]) || digit(symbols[i + 1]))) return false;
  for (let k = i - 1; k >= 0 && k >= i - 12 && symbols[k]!.line === s.line; k--) if (/^[:：]$/.test(symbols[k]!.text)) return true;
  return false;
}

/** Whether the symbols from `i` on one line are a year: four digits from 1900 to 2099, then 年. */
function yearAt(symbols: readonly MarkedSymbol[], i: number): boolean {
  const run = symbols.slice(i, i + 5);
  return run.length === 5 && run.every((t) => t.line === symbols[i]!.line) && /^(?:19|20)\d\d年$/.test(run.map((t) => t.text).join(''));
}

/** Whether the symbols from `i` on one line are an item's number: one or two digits, then 、. */
function itemNumberAt(symbols: readonly MarkedSymbol[], i: number): boolean {
  const line = symbols[i]?.line;
  const run = symbols.slice(i, i + 3).filter((t) => t.line === line).map((t) => t.text).join('');
  return /^\d{1,2}、/.test(run);
}

/** Characters that begin a target before its number as words of their own (约100人, 近3年, 超过5次, 第1季度, 每年2次). */
const TARGET_PREFIX_WORDS = /[约近超达第每前共全满逾至少多不低高大小累年月日季周]/u;

/** How the repair of a comparator whose shape said nothing ends: the rows stage may take its twin's comparator. */
export const UNDECIDED_SHAPE = 'its shape did not say which';

/** What the comparator slot needs of the OCR settings. */
export interface ComparatorSettings {
  /** White margin around the crop Tesseract read, pixels. */
  padding: number;
  /** Pixels darker than this are ink. */
  inkThreshold: number;
}

/** Confidence of a comparator OCR read pointing one way where its shape points the other. */
const REVERSED_SHAPE_CONFIDENCE = 0.5;

/** The way a comparator points: right for > ≥ ＞, left for < ≤ ＜, null for anything else. */
function pointing(text: string): 'right' | 'left' | null {
  return /^[>≥＞]$/.test(text) ? 'right' : /^[<≤＜]$/.test(text) ? 'left' : null;
}

/**
 * Where the other model's reading of a symbol alone is a comparator (or 之, 尹: its readings of ≥), the way it
 * points; null where the models did not dispute the symbol, or disputed more than it.
 */
function otherModelPointing(s: MarkedSymbol): 'right' | 'left' | null {
  const other = s.otherReading;
  if (other === undefined || s.disputedText !== s.text) return null;
  return OTHER_MODEL_GREATER_EQUAL.test(other) ? 'right' : pointing(other);
}

/**
 * A half of a comparator's glyph that OCR cut in two: a comparator, & (what it reads for the slanted ⩽ of
 * FandolFang), or 《 and 》, which it reads for ≤ and ≥.
 */
const CUT_HALF_CLASS = '[<>=≤≥&《》]';
const CUT_HALF = new RegExp(`^${CUT_HALF_CLASS}$`);
/** Of the halves, the comparators and &: at least one half is one. */
const COMPARATOR_HALF = /^[<>=≤≥&]$/;
/** The two halves of a comparator's glyph, merged into one symbol for its shape to be read. */
const CUT_IN_TWO = new RegExp(`^${CUT_HALF_CLASS}{2}$`);

/** Confidence of a comparator read from its shape where a model's reading says ≥ and the shape does not. */
const DISPUTED_SHAPE_CONFIDENCE = 0.85;
/** What the models read for a ≥ and for no other comparator. */
const GREATER_EQUAL_READINGS = /之/;
/** What the first model reads for a ≥ whose shape says nothing, opening a target: 之 and 这, never another comparator. */
const OCR_GREATER_EQUAL = /^[之这]$/;

/**
 * Comparators read from their shape: a symbol OCR read as a comparator or a look-alike (之, 这, 过, 壹) and
 * followed by a digit is classified by its pixels. A changed symbol carries the repair.
 */
export function repairComparators(result: MarkedResult, crop: Crop, settings: ComparatorSettings): MarkedResult {
  // ≥ read as two symbols, > and =, before a number: one glyph, to be classified whole. Unless the ink shows two
  // glyphs side by side, the text's own >= (a ≥ stacks its chevron over its bar, in the same columns).
  const merged: MarkedSymbol[] = [];
  // The read's lines, only for a read with > or < before = (most cells have none).
  let readLines: Map<number, { y0: number; y1: number }> | undefined;
  for (let i = 0; i < result.symbols.length; i++) {
    const s = result.symbols[i]!;
    const eq = result.symbols[i + 1];
    const after = result.symbols[i + 2];
    if (eq === undefined || eq.line !== s.line || !after || !/^[0-9]/.test(after.text)) {
      merged.push(s);
      continue;
    }
    const chevronAndBar = (s.text === '>' || s.text === '<') && eq.text === '=';
    const greaterEqual = chevronAndBar && !sideBySide(crop, s, eq, (readLines ??= medianLineExtents(result.symbols)).get(s.line)!, settings);
    // Two other comparators, or one and a look-alike, whose boxes overlap (>> and => for one ≥ of AR PL UKai and
    // WenQuanYi Zen Hei, <《 for FandolSong's ⩽, &《 for FandolFang's; the second box mostly one the other model did
    // not read): one glyph cut in two. No target has two comparators in a row.
    const cutInTwo = !chevronAndBar && CUT_HALF.test(s.text) && CUT_HALF.test(eq.text) && (COMPARATOR_HALF.test(s.text) || COMPARATOR_HALF.test(eq.text)) && eq.x0 < s.x1;
    if (greaterEqual || cutInTwo) {
      // The doubt of either half stays with the whole: the shape settles the glyph, not the other model's reading.
      merged.push({ ...s, text: `${s.text}${eq.text}`, x0: Math.min(s.x0, eq.x0), x1: Math.max(s.x1, eq.x1), y0: Math.min(s.y0, eq.y0), y1: Math.max(s.y1, eq.y1), confidence: Math.min(s.confidence, eq.confidence), ...(cutInTwo && s.doubt === undefined && eq.doubt !== undefined ? { doubt: eq.doubt } : {}) });
      i++;
    } else merged.push(s);
  }
  const lines = medianLineExtents(merged);
  // The em of the read's Chinese characters, only for a read with < or > before a number (most cells have none).
  let cellEm: number | undefined;
  const symbols = merged.map((s, i): MarkedSymbol => {
    const next = merged[i + 1];
    // The number may start the next line when the wrap fell between the comparator and it.
    // Tesseract's Chinese model takes a comparator for almost any character (关 立 盖 六 科 和 入 系…): right after
    // a label's colon, a character before a number that is no word of its own is looked at too.
    const afterColon = /^[:：]$/.test(merged[i - 1]?.text ?? '') && /^\p{Script=Han}$/u.test(s.text) && !TARGET_PREFIX_WORDS.test(s.text);
    // A character before a year is a word (较2024年, 至2025年), or a title's 《 (《2024年…统计公报》): a table writes no
    // comparator before a year (none of the samples' 10,000 targets has one).
    // Nor between a number and the next item's (99&4、: WenQuanYi Zen Hei Sharp's %。 set close, read as one &): the
    // glyph there ends a target, and no comparator follows a digit.
    const betweenItems = /^[0-9]$/.test(merged[i - 1]?.text ?? '') && itemNumberAt(merged, i + 1);
    const beforeNumber = (COMPARATOR_LOOKALIKES.has(s.text) || CUT_IN_TWO.test(s.text) || afterColon) && !yearAt(merged, i + 1) && !betweenItems && next !== undefined && /^[0-9]/.test(next.text);
    // Inside a text target (实际支出≤预算值): a character the two models read differently, between two characters,
    // is looked at too, and changed only when its shape is clearly ≥ or ≤.
    // So is a comparator read there: both models read ≤ as < alike.
    const comparatorInText = /^[<>≤≥]$/.test(s.text) && inTargetText(merged, i);
    const inText = comparatorInText || ((s.doubt ?? '').startsWith(DISPUTED_DOUBT) && /^\p{Script=Han}$/u.test(s.text) && inTargetText(merged, i));
    if (!beforeNumber && !inText) return s;
    // 超过 (more than) is a word before a number, not a misread comparator.
    if (s.text === '过' && merged[i - 1]?.text === '超') return s;
    // 二 after a Chinese character is most likely the numeral (每周二12时前, 第二), whose two bars the shape reads as
    // =; a comparator follows a label's colon or a bracket. Kept, in doubt: = reads as 二 as well.
    const previous = merged[i - 1];
    if (s.text === '二' && beforeNumber && previous?.line === s.line && /^\p{Script=Han}$/u.test(previous.text)) {
      return { ...s, lookalike: '二 between a Chinese character and a number: = reads as 二, and 二 as =' };
    }
    const p = settings.padding;
    const core = {
      x0: Math.max(0, s.x0 - p),
      x1: Math.min(crop.width, s.x1 - p),
      y0: Math.max(0, s.y0 - p),
      y1: Math.min(crop.height, s.y1 - p),
    };
    // A symbol Tesseract placed nowhere has no pixels to look at.
    if (core.x1 - core.x0 < 3 && !beforeNumber) return s;
    if (core.x1 - core.x0 < 3) return { ...s, confidence: Math.min(s.confidence, 0.5), repair: `${s.text} before a number could be a comparator (≥ ≤ > < =); OCR gave it no position to look at` };
    // The line's body from its symbols' median top and bottom: Tesseract gives a misread symbol a box that can
    // reach into the next line.
    const line = lines.get(s.line)!;
    const { em: lineHeight, rows: lineRows } = lineBody(line, p);
    // A box that only reaches into the digit's ink isolates the digit, and the looser shape reading takes a 4 for ≤
    // or a 2 for ≥ (Droid Sans Fallback).
    const digitBox = beforeNumber && next && next.line === s.line ? { x0: next.x0 - p, x1: next.x1 - p } : null;
    /** The glyph's shape, read within `rows` (the line's body, pixels of the crop). */
    const readShape = (rows: { y0: number; y1: number }) => {
      const inLine = { ...core, y0: Math.max(core.y0, Math.floor(rows.y0)), y1: Math.min(core.y1, Math.ceil(rows.y1)) };
      // Boxes shifted one glyph to the right put the colon's box on the comparator and the comparator's on the
      // digit after it (AR PL SungtiL GB, UMing), whose shape the looser reading takes for one (3 for ≥): the
      // colon's box then holds no colon, the colon's dots stand left of it, and what it holds is the comparator.
      const shifted = beforeNumber ? comparatorInColonBox(crop, merged[i - 1], s, rows, lineHeight, settings) : null;
      // A box shifted onto the digit after the comparator isolates both glyphs, and the digit's ink beside the
      // chevron turns the direction it reads (a ≥ read as ≤) or doubles its strokes (a < read as ≤, the 0 after it
      // two columns off in Noto Sans CJK Black): the comparator is the first of the two, in the colon's box as well.
      const box = firstOfGlyphs(crop, shifted ?? isolateGlyph(crop.data, crop.width, crop.height, inLine, settings.inkThreshold, rows), lineHeight, settings);
      // Nor is it the digit after it (`digitBox`).
      const isDigit = !shifted && digitBox !== null && Math.min(box.x1, digitBox.x1) - Math.max(box.x0, digitBox.x0) >= 0.5 * (box.x1 - box.x0);
      let reading = isDigit ? null : classifyComparator(crop.data, crop.width, box, settings.inkThreshold);
      // Tesseract sometimes puts the comparator's box on the digit after it: then the comparator is the glyph to
      // the left of what the box holds.
      const left = reading || !beforeNumber ? null : glyphLeftOf(crop, box, rows, lineHeight, settings);
      if (left) reading = classifyComparator(crop.data, crop.width, isolateGlyph(crop.data, crop.width, crop.height, left, settings.inkThreshold, rows), settings.inkThreshold);
      // Or the box straddles the comparator and the digit after it, and the glyph found there is both: the first
      // glyph from half an em before the box on, the colon passed over, is read alone (only that one, so that the
      // digit after a comparator too faint to read is never taken for one).
      if (!reading && beforeNumber) reading = firstGlyphReading(crop, inLine, rows, lineHeight, settings);
      return { reading, box, rows };
    };
    let shape = readShape(lineRows);
    // Where most of a line's boxes run the whole line pitch, its median body reaches into the next line, whose
    // strokes then join the glyph (FandolHei's ⩾ at 200 dpi, over the 1 below it): read again within the body of
    // the line's Chinese characters whose boxes hug their ink.
    // So too where the shape points the other way from OCR's reading: the next line's strokes joined to the glyph
    // turn it (FandolHei's ⩾ at 300 dpi, its box on the white after it, read as ≤ with the 量 below), and a shape
    // read within the tighter body is taken where there is one.
    cellEm ??= typicalHanHeight(merged);
    const reversed = shape.reading !== null && pointing(shape.reading.char) !== null && pointing(s.text) !== null && pointing(shape.reading.char) !== pointing(s.text);
    const tight = (shape.reading === null || reversed) && beforeNumber ? huggedLineRows(merged, s.line, cellEm, p) : null;
    if (tight && (tight.y0 > lineRows.y0 || tight.y1 < lineRows.y1)) {
      const again = readShape(tight);
      if (again.reading !== null || shape.reading === null) shape = again;
    }
    const { reading, box, rows } = shape;
    if (inText && !beforeNumber) {
      if (reading?.char === s.text) return s;
      if (reading && (reading.char === '≥' || reading.char === '≤')) return { ...s, text: reading.char, confidence: Math.min(s.confidence, reading.confidence), repair: `OCR read ${s.text}, its shape is ${reading.char}` };
      return comparatorInText ? { ...s, confidence: Math.min(s.confidence, 0.5), doubt: `${s.text} could be another comparator (≥ ≤ > <): its shape did not say` } : s;
    }
    if (!reading) {
      // 之 and 这 are how both models read ≥ (its bar under the chevron): opening a target, where the shape says
      // nothing, ≥ is the likelier reading (28 of 28 such targets on the twenty-four sets), and stays in doubt. After
      // a Chinese character 之 is a word's (百分之5).
      const opening = !(previous?.line === s.line && /^\p{Script=Han}$/u.test(previous.text));
      const likely = beforeNumber && opening && OCR_GREATER_EQUAL.test(s.text);
      return { ...s, ...(likely ? { text: '≥' } : {}), confidence: Math.min(s.confidence, 0.5), repair: `${s.text} before a number could be a comparator (≥ ≤ > < =)${likely ? ', most likely ≥, which OCR reads so' : ''}; ${UNDECIDED_SHAPE}` };
    }
    // OCR reads the way a chevron points right: on the twenty-one development and evaluation sets, each of the 9
    // shapes that pointed the other way was wrong (the line below's ink taken in, a digit's diagonal). The read stays,
    // in doubt.
    const shapePoints = pointing(reading.char);
    if (shapePoints !== null && pointing(s.text) !== null && pointing(s.text) !== shapePoints) {
      return { ...s, confidence: Math.min(s.confidence, REVERSED_SHAPE_CONFIDENCE), doubt: `OCR read ${s.text}, its shape points the other way (${reading.char}): one of them is misread` };
    }
    // The other model's reading of this glyph alone, where the two models read it differently: pointing the other
    // way from the shape, one of them is misread (FandolSong's ⩽ read & and <, its shape taken for ≥: both such
    // shapes on the twenty-two sets were wrong); pointing the same way, or read 之 or 尹 (its readings of ≥) where
    // the shape is ≥, the dispute was the first model's misreading (6,888 such shapes in targets, every one right),
    // and the shape stands for a symbol Tesseract had placed nowhere too.
    const otherPoints = otherModelPointing(s);
    if (shapePoints !== null && otherPoints !== null && otherPoints !== shapePoints) {
      const doubt = `the other OCR model read ${s.otherReading}, pointing the other way from the shape (${reading.char}): one of them is misread`;
      return { ...s, text: reading.char, confidence: Math.min(reading.confidence, REVERSED_SHAPE_CONFIDENCE), repair: `OCR read ${s.text}, its shape is ${reading.char}`, doubt };
    }
    const shapeAgrees = otherPoints !== null && otherPoints === shapePoints && (reading.char === '≥' || !OTHER_MODEL_GREATER_EQUAL.test(s.otherReading!));
    // A model read 之, which is what both read for ≥ (its bar under the chevron), where the shape says ≤, < or >:
    // the shape is wrong in faint faces (Noto Serif Light at 200 dpi, BabelStone Han), so it does not clear the doubt.
    const witness = [s.otherReading, s.text].find((t) => t !== undefined && GREATER_EQUAL_READINGS.test(t));
    const against = reading.char !== '≥' && witness !== undefined;
    const why = against ? { doubt: `a model read ${witness}, as it reads ≥, where the shape says ${reading.char}` } : {};
    // OCR read two glyphs (>=) and the shape one that is neither ≥ nor ≤: one of the two was lost, or the text
    // wrote >= with its glyphs touching (Noto Sans bold).
    if (s.text.length === 2 && reading.char !== '≥' && reading.char !== '≤') {
      return { ...s, text: reading.char, confidence: Math.min(reading.confidence, 0.5), repair: `OCR read ${s.text}, its shape is ${reading.char}`, doubt: `OCR read ${s.text} (two glyphs) where the shape is one ${reading.char}: it may be ${s.text}` };
    }
    const settled: MarkedSymbol = shapeAgrees ? { ...withoutDispute(s), confirmed: true } : s;
    const read: MarkedSymbol =
      reading.char === s.text
        ? { ...settled, confidence: against ? Math.min(s.confidence, DISPUTED_SHAPE_CONFIDENCE) : Math.min(Math.max(s.confidence, reading.confidence), 0.99), ...why }
        : { ...settled, text: reading.char, confidence: against ? Math.min(reading.confidence, DISPUTED_SHAPE_CONFIDENCE) : reading.confidence, repair: `OCR read ${s.text}, its shape is ${reading.char}`, ...why };
    if (!/^[<>=]$/.test(read.text) || !beforeNumber) return read;
    // A target cell of its own holds no Chinese character: the line's height stands for the em there.
    cellEm ??= typicalHanHeight(merged);
    const em = cellEm >= 1 ? cellEm : lineHeight;
    const equals = read.text === '=';
    if ((equals ? equalsWidth : chevronWidth)(crop, box, rows, em, settings) === 'half') return read;
    const confidence = Math.min(read.confidence, FULL_WIDTH_COMPARATOR_CONFIDENCE);
    // The = of a >= the text writes in two glyphs is no comparator of its own: its width is left as read, in doubt.
    const before = merged[i - 1];
    if (equals && before !== undefined && before.line === s.line && /^[<>＜＞]$/.test(before.text)) {
      return { ...read, confidence, doubt: read.doubt ?? '= could be the full-width ＝: its bars are nearly as long as the em is wide' };
    }
    // The likelier width is taken, and the doubt kept: of the comparators so big on the twenty-three sets, 83 were
    // full width and 26 half (AR PL KaitiM GB's, FandolHei's and FandolSong's, drawn as big).
    const full = FULL_WIDTH_FORM[read.text]!;
    const doubt = equals ? `＝ could be the half-width =: its bars are nearly as long as the em is wide` : `${full} could be the half-width ${read.text}: its ink is as tall as the digits after it`;
    const repair = read.repair ? `${read.repair}, full width` : `OCR read ${read.text}, its size is the full-width ${full}`;
    return { ...read, text: full, confidence, repair, doubt: read.doubt ?? doubt };
  });
  return { ...result, symbols: chevronsOfTheirComparator(symbols) };
}

/** Whether `s` is a > or < pointing as the comparator `whole` does. */
const chevronOf = (s: MarkedSymbol, whole: MarkedSymbol): boolean => /^[<>]$/.test(s.text) && pointing(s.text) === pointing(whole.text);

/**
 * Whether `s` is the first of two symbols the first model read for one glyph where the other model read one
 * comparator, pointing as the shape of the second does (和《 against <, for FandolFang's ⩽: the 《 read as ≤ from its
 * shape, the 和 left before it).
 */
const firstHalfOf = (s: MarkedSymbol, whole: MarkedSymbol): boolean =>
  s.otherReading !== undefined && /^[<>≤≥]$/.test(s.otherReading) && pointing(s.otherReading) === pointing(whole.text) && [...(s.disputedText ?? '')].length === 2 && s.disputedText!.startsWith(s.text);

/**
 * A > or < OCR read right before a ≥ or ≤ read from its shape, pointing the same way, their boxes touching (>这 for
 * HanaMinA's and Noto Sans CJK's ≥: the chevron read as > and the glyph again as 这, which its shape made ≥), or the
 * first half of a glyph read as two where the other model read one comparator (`firstHalfOf`): one glyph read
 * twice, for no target holds two comparators. The first is dropped, and the ≥ says so. Boxes that meet or overlap
 * only: with white between them, two glyphs may stand there.
 */
function chevronsOfTheirComparator(symbols: readonly MarkedSymbol[]): MarkedSymbol[] {
  const out: MarkedSymbol[] = [];
  for (let i = 0; i < symbols.length; i++) {
    const s = symbols[i]!;
    const whole = symbols[i + 1];
    const sameGlyph = whole !== undefined && whole.line === s.line && /^[≤≥]$/.test(whole.text) && whole.repair !== undefined && (chevronOf(s, whole) || firstHalfOf(s, whole)) && whole.x0 <= s.x1 && /^[0-9]/.test(symbols[i + 2]?.text ?? '');
    if (!sameGlyph) {
      out.push(s);
      continue;
    }
    out.push({ ...whole, x0: Math.min(s.x0, whole.x0), confidence: Math.min(s.confidence, whole.confidence), repair: `${whole.repair}; the ${s.text} read before it is ${chevronOf(s, whole) ? 'its chevron' : 'part of it'}, read twice` });
    i++;
  }
  return out;
}

/**
 * The share of the em the ink of a full-width ＜ or ＞ spans at least, across and up. A full-width chevron is drawn
 * nearly an em square and as tall as the digits (Noto Sans CJK SC: 0.84 em; AR PL SungtiL GB: 0.66 em, its digits
 * 0.69); the half-width < and > of most faces are half an em wide and a little over half the digits' height
 * (0.38–0.5 em in both). Some faces draw even the half-width ones that big (AR PL KaitiM GB: 0.67 em, as tall as its
 * digits), so a big chevron is doubted: written full width, the likelier reading, and flagged. Measured on the fifteen development and evaluation
 * sets: the 19 fields a full-width one had left wrong and unflagged (the thirteenth) are flagged, and no right field
 * is newly flagged. FandolHei's ＜ at 200 dpi spans 0.58 em, so 0.55 since: on the twenty sets one right field is
 * newly flagged (a heavy < of Noto Sans CJK Black at 300 dpi), two wrong ones no longer go unflagged.
 * @default 0.55
 */
export const DEFAULT_FULL_WIDTH_CHEVRON_SIZE = 0.55;
/**
 * Of the digit after it, the share of its height a full-width chevron's ink reaches, and of its width at least.
 * FandolKai's and FandolSong's ＞ ＜ reach 0.74–0.82 of the digits' height (Computer Modern digits stand tall) and
 * 1.25–1.47 of their width, FandolFang's 0.79: the height was 0.85 until one of them went unflagged, read as >.
 * Of the half-width chevrons as big as `DEFAULT_FULL_WIDTH_CHEVRON_SIZE` on the twenty-two sets, those under 0.85
 * of the digit's height reach 0.70–0.73 (Noto Sans CJK Black), and 1.00–1.19 of its width.
 */
const FULL_WIDTH_CHEVRON_TO_DIGIT = { height: 0.72, width: 1.25 };
/** Confidence of a < > or = whose ink is as big as a full-width ＜ ＞ or ＝: below the review threshold. */
const FULL_WIDTH_COMPARATOR_CONFIDENCE = 0.6;

/** The full-width form of each half-width comparator. */
const FULL_WIDTH_FORM: Readonly<Record<string, string>> = { '<': '＜', '>': '＞', '=': '＝' };

/**
 * Whether the chevron in `box` (pixels of the crop) is drawn as big as a full-width ＜ or ＞ (`'full'`) or not
 * (`'half'`), measured on its ink column run within the line's `rows` against the cell's em and the digit after it.
 */
export function chevronWidth(crop: Crop, box: { x0: number; x1: number }, rows: { y0: number; y1: number }, em: number, settings: ComparatorSettings): 'full' | 'half' {
  if (em < 1) return 'half';
  const { runs, under: k } = runsAroundBox(crop, rows, settings.inkThreshold, box, em);
  const own = runs[k];
  if (!own) return 'half';
  const [w, h] = [own.x1 - own.x0, own.y1 - own.y0];
  if (w < DEFAULT_FULL_WIDTH_CHEVRON_SIZE * em || h < DEFAULT_FULL_WIDTH_CHEVRON_SIZE * em) return 'half';
  // The digit after it, when its run is on the line (a box shifted onto the digit finds the digit itself, no
  // wider than the next one).
  const digit = runs[k + 1];
  if (!digit) return 'full';
  return h >= FULL_WIDTH_CHEVRON_TO_DIGIT.height * (digit.y1 - digit.y0) && w >= FULL_WIDTH_CHEVRON_TO_DIGIT.width * (digit.x1 - digit.x0) ? 'full' : 'half';
}

/**
 * The share of the em the bars of a full-width ＝ span at least. FandolHei draws ＝ 0.70–0.71 em wide; the
 * half-width = of the development and evaluation scans' faces spans 0.44–0.61 em (234 read before a number on ten
 * sets), none wider. Like a big chevron, a long = is doubted, never made full width. 0.65 until AR PL SungtiL GB's
 * ＝ at 200 dpi measured 0.64 and went unflagged: of the 303 = and ＝ read before a number on the twenty-three sets,
 * the half-width ones reach 0.61 at most, the full-width ones 0.64–0.72.
 * @default 0.62
 */
export const DEFAULT_FULL_WIDTH_EQUALS_WIDTH = 0.62;

/** Whether the = in `box` (pixels of the crop) is drawn as long as a full-width ＝ (`'full'`) or not (`'half'`). */
export function equalsWidth(crop: Crop, box: { x0: number; x1: number }, rows: { y0: number; y1: number }, em: number, settings: ComparatorSettings): 'full' | 'half' {
  if (em < 1) return 'half';
  const { runs, under } = runsAroundBox(crop, rows, settings.inkThreshold, box, em);
  const own = runs[under];
  return own !== undefined && own.x1 - own.x0 >= DEFAULT_FULL_WIDTH_EQUALS_WIDTH * em ? 'full' : 'half';
}

/**
 * Comparators OCR dropped: where a number starts right after a colon or at a line's start (the comparator
 * slot, 指标值:≥100), the glyph just left of its first digit, when its shape is clearly a comparator, is put
 * back as a symbol, marked as repaired.
 */
export function insertUnreadComparators(symbols: readonly MarkedSymbol[], crop: Crop, settings: ComparatorSettings): MarkedSymbol[] {
  const p = settings.padding;
  const lines = medianLineExtents(symbols);
  const out: MarkedSymbol[] = [];
  /** A comparator read from the glyph in `found`, as a symbol on `s`'s line, or nothing. */
  const comparatorAt = (
    s: MarkedSymbol,
    found: { x0: number; y0: number; x1: number; y1: number } | null,
    rows: { y0: number; y1: number },
    where: string,
    classify = classifyComparator,
  ): MarkedSymbol | null => {
    if (!found) return null;
    const box = isolateGlyph(crop.data, crop.width, crop.height, found, settings.inkThreshold, rows);
    const reading = classify(crop.data, crop.width, box, settings.inkThreshold);
    if (!reading || reading.char === '=') return null;
    return { ...s, text: reading.char, x0: box.x0 + p, x1: box.x1 + p, confidence: Math.min(reading.confidence, s.confidence), repair: `${reading.char} read from its shape where OCR read nothing ${where}` };
  };
  symbols.forEach((s, i) => {
    const before = symbols[i - 1];
    const sameLine = before !== undefined && before.line === s.line;
    const slot = /^[0-9]/.test(s.text) && !s.lost && (!sameLine || /^[:：]$/.test(before!.text));
    if (slot) {
      const line = lines.get(s.line)!;
      const { em, rows } = lineBody(line, p);
      const found = glyphLeftOf(crop, { x0: s.x0 - p }, rows, em, settings);
      // Not the colon itself, nor anything OCR read: right of the colon's own ink, which may end well inside its
      // box when the box swallowed the comparator.
      const colon = sameLine ? glyphRightOf(crop, before!.x0 - p, rows, em, settings) : null;
      const clear = !sameLine || (found !== null && colon !== null && found.x0 > colon.x1);
      let inserted = found && clear ? comparatorAt(s, found, rows, 'before the number') : null;
      // A colon box that swallowed the comparator often hands it on to the digit's box, which then starts at the
      // comparator: the first glyph after the colon's own ink, inside the digit's box, may be it. It may as well
      // be the digit, so only a shape that no digit has counts.
      if (!inserted && sameLine && before!.swallowed && colon) {
        const first = glyphRightOf(crop, colon.x1, rows, em, settings);
        if (first && first.x0 < s.x1 - p) inserted = comparatorAt(s, first, rows, 'inside the box of the digit after it', classifyComparatorAmongDigits);
      }
      // OCR may box the comparator itself as the colon (Noto Serif's slanted ≥ at 200 dpi), and right of it the
      // ink holds every digit OCR read: it is an extra glyph, not the number's first digit that a box shifted to
      // the right hides.
      let dots: { x0: number; x1: number } | null = null;
      if (!inserted && sameLine && colon) {
        dots = dotsBeforeComparatorGlyph(crop, colon, rows, em, settings);
        const number = numberRead(symbols, i);
        if (dots && tallGlyphsBetween(crop, colon.x1, number.end - p, rows, em, settings) >= number.glyphs) {
          inserted = comparatorAt(s, colon, rows, 'in the box OCR gave the colon, whose dots stand left of it');
        }
      }
      if (inserted) {
        // The colon gave back what it swallowed: it is its own ink again, and no longer suspect.
        if (dots) out[out.length - 1] = { ...out[out.length - 1]!, x0: dots.x0 + p, x1: dots.x1 + p, swallowed: false };
        else if (sameLine && before!.swallowed) out[out.length - 1] = { ...out[out.length - 1]!, x1: colon!.x1 + p, swallowed: false };
        // What the other OCR model read before the number, and the first did not, is found.
        out.push({ ...inserted, swallowed: false, otherReadBefore: undefined });
        out.push({ ...s, swallowed: false, otherReadBefore: undefined });
        return;
      }
    }
    out.push(s);
    // A colon that ends its line (the number wrapped to the next line or page) with a box wide enough to hold
    // more than itself: the comparator is inside it, after the colon's own ink.
    const next = symbols[i + 1];
    if (/^[:：]$/.test(s.text) && (!next || next.line !== s.line)) {
      const line = lines.get(s.line)!;
      const { em, rows } = lineBody(line, p);
      if (s.x1 - s.x0 > 0.4 * em) {
        const colon = glyphRightOf(crop, s.x0 - p, rows, em, settings);
        const found = colon ? glyphRightOf(crop, colon.x1, rows, em, settings) : null;
        const inserted = comparatorAt(s, found, rows, 'after the colon');
        if (inserted) {
          out[out.length - 1] = { ...s, x1: colon!.x1 + p, swallowed: false };
          out.push({ ...inserted, swallowed: false });
        } else if (colon && !found && next && /^[0-9]/.test(next.text)) {
          // Or the box is the comparator itself (as on a line, above), and the number starts the next line.
          const dots = dotsBeforeComparatorGlyph(crop, colon, rows, em, settings);
          const own = dots ? comparatorAt(s, colon, rows, 'in the box OCR gave the colon, whose dots stand left of it') : null;
          if (own) {
            out[out.length - 1] = { ...s, x0: dots!.x0 + p, x1: dots!.x1 + p, swallowed: false };
            out.push({ ...own, swallowed: false });
          }
        }
      }
    }
  });
  return out;
}

/**
 * What the other model reads for a ≥ it saw where the first model read nothing before a number: 之 (its bar under
 * the chevron) or 尹. On the twenty-one development and evaluation sets (cached reads), of the targets where the
 * other model read one of them before the number's first digit and the first model read nothing there, all 112
 * had a ≥ that no read kept (in a comparator slot or mid-text: 社区≥90%), none had no comparator.
 */
export const OTHER_MODEL_GREATER_EQUAL = /^[之尹]$/;

/**
 * Confidence of a ≥ put back where only the other model saw a glyph before a number, and read it as it reads ≥:
 * a likely reading that neither the shape nor the first model confirmed, left for the reviewer.
 */
export const OTHER_MODEL_COMPARATOR_CONFIDENCE = 0.6;

/**
 * A ≥ put back before a number's first digit in a target where the other model read 之 or 尹
 * (`OTHER_MODEL_GREATER_EQUAL`) and the first read nothing, and the pixels found no comparator there
 * (`insertUnreadComparators` and `repairComparators`, which run first): without it the target reads as an exact
 * value. It is not handed to the shape reading, which found nothing there (and read its box as ≤ once). The ≥ takes the room between the digit's box and the symbol before
 * it. Pure.
 */
export function insertComparatorsTheOtherModelRead(symbols: readonly MarkedSymbol[], settings: ComparatorSettings): MarkedSymbol[] {
  return symbols.flatMap((s, i): MarkedSymbol[] => {
    const before = symbols[i - 1];
    if (!/^[0-9]$/.test(s.text) || s.otherReadBefore === undefined || !OTHER_MODEL_GREATER_EQUAL.test(s.otherReadBefore)) return [s];
    // The ≥ the other model saw is the one read before the digit (by the shape, at the end of the line before): it
    // doubts nothing.
    if (before?.text === '≥') return [{ ...s, otherReadBefore: undefined }];
    // Only before a number's first digit, with no comparator (or what OCR reads for one) read before it, on its line
    // or at the end of the line before.
    const firstDigit = before === undefined || !(/^[0-9.,，]$/.test(before.text) || COMPARATOR_LOOKALIKES.has(before.text));
    if (!firstDigit || !inLabelledClause(symbols, i)) return [s];
    // Within the crop (the padding is not the cell's: a glyph placed there falls in the cell beside).
    const x0 = Math.max(settings.padding, before?.line === s.line ? Math.min(before.x1, s.x0) : s.x0 - (s.x1 - s.x0));
    const comparator: MarkedSymbol = {
      ...s,
      text: '≥',
      x0: Math.min(x0, s.x0 - 1),
      x1: s.x0,
      confidence: Math.min(s.confidence, OTHER_MODEL_COMPARATOR_CONFIDENCE),
      otherReadBefore: undefined,
      repair: `≥ put back before ${s.text}: the other OCR model read ${s.otherReadBefore} there, as it reads ≥, and the first model nothing`,
    };
    return [comparator, { ...s, otherReadBefore: undefined }];
  });
}

/**
 * Whether symbol `i` stands in a clause that a label's colon opens (实施周期指标值：社区≥90%), up to the ； or 。 that
 * ends it, within `LABELLED_CLAUSE_REACH` symbols: a target, not the prose of a goal (提供24小时…).
 */
export function inLabelledClause(symbols: readonly MarkedSymbol[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - LABELLED_CLAUSE_REACH; k--) {
    if (/^[:：]$/.test(symbols[k]!.text)) return true;
    if (/^[；;。]$/.test(symbols[k]!.text)) return false;
  }
  return false;
}

/** How many symbols back a target's label colon is looked for (the longest target of the samples is 24 characters). */
const LABELLED_CLAUSE_REACH = 32;

/**
 * The glyph in the box of the colon before `s`, when that box holds no colon but a glyph at least a comparator
 * wide, starting before `s`'s box and ending by its end, with the colon's dots just left of it; null otherwise.
 * Ending by its end: a narrow < and the digit after it can read as one wide glyph, a ≤ (Droid Sans at 200 dpi).
 */
function comparatorInColonBox(
  crop: Crop,
  colon: MarkedSymbol | undefined,
  s: MarkedSymbol,
  rows: { y0: number; y1: number },
  em: number,
  settings: ComparatorSettings,
): { x0: number; y0: number; x1: number; y1: number } | null {
  if (!colon || colon.line !== s.line || !/^[:：]$/.test(colon.text)) return null;
  const p = settings.padding;
  const found = glyphRightOf(crop, colon.x0 - p, rows, em, settings);
  const glyph = found ? firstOfGlyphs(crop, found, em, settings) : null;
  if (!glyph || glyph.x0 >= s.x0 - p || glyph.x1 > s.x1 - p + 0.15 * em || !dotsBeforeComparatorGlyph(crop, glyph, rows, em, settings)) return null;
  const isolated = isolateGlyph(crop.data, crop.width, crop.height, glyph, settings.inkThreshold, rows);
  return { ...isolated, x0: Math.max(isolated.x0, glyph.x0), x1: Math.min(isolated.x1, glyph.x1) };
}

/**
 * The columns of the first glyph right of `x` within a line's rows (pixels of the crop), no further than an em
 * away; null when there is none.
 */
function glyphRightOf(crop: Crop, from: number, rows: { y0: number; y1: number }, em: number, settings: ComparatorSettings): { x0: number; y0: number; x1: number; y1: number } | null {
  const { y0, y1 } = clampRows(crop, rows);
  const inked = (x: number) => columnHasInk(crop, x, rows, settings.inkThreshold);
  let x = Math.max(0, Math.ceil(from));
  const stop = Math.min(crop.width, Math.ceil(from + em));
  while (x < stop && !inked(x)) x++;
  if (x >= stop) return null;
  const left = x;
  let blank = 0;
  let rightmost = x;
  for (; x < crop.width && x - left < 1.2 * em; x++) {
    if (inked(x)) {
      rightmost = x;
      blank = 0;
    } else if (++blank >= 2) break;
  }
  return { x0: left, y0, x1: rightmost + 1, y1 };
}

/**
 * The first of the glyphs in `box` that white columns part, when more than one at least a fifth of an em wide
 * stands there; `box` itself otherwise (a stroke broken by a blank column leaves a sliver, which does not count).
 */
function firstOfGlyphs(crop: Crop, box: { x0: number; y0: number; x1: number; y1: number }, em: number, settings: ComparatorSettings): { x0: number; y0: number; x1: number; y1: number } {
  const glyphs = inkColumnRuns(crop, box, settings.inkThreshold, box.x0, box.x1).filter((g) => g.x1 - g.x0 >= 0.2 * em);
  return glyphs.length >= 2 ? { ...box, x0: glyphs[0]!.x0, x1: glyphs[0]!.x1 } : box;
}

/** The comparator read from the first glyph that is no colon, from half an em before `core` to its end; null when it reads as none. */
function firstGlyphReading(crop: Crop, core: { x0: number; x1: number }, rows: { y0: number; y1: number }, em: number, settings: ComparatorSettings): ReturnType<typeof classifyComparator> {
  let glyph = glyphRightOf(crop, core.x0 - 0.5 * em, rows, em, settings);
  if (glyph && isColonGlyph(crop, glyph, rows, em, settings)) glyph = glyphRightOf(crop, glyph.x1, rows, em, settings);
  if (!glyph || glyph.x0 >= core.x1) return null;
  // Isolating follows ink across narrow gaps, and a heavy face sets the digit after a comparator two columns off
  // it (Noto Sans CJK Black at 200 dpi: < and 0 read as one glyph, whose rows then hold two strokes, as ≤'s do).
  const isolated = isolateGlyph(crop.data, crop.width, crop.height, glyph, settings.inkThreshold, rows);
  const reading = classifyComparator(crop.data, crop.width, firstOfGlyphs(crop, isolated, em, settings), settings.inkThreshold);
  return reading?.char === '=' ? null : reading;
}

/** The narrowest a comparator glyph is, in ems: wider than any digit. */
const MIN_COMPARATOR_WIDTH = 0.65;

/**
 * The number that starts at symbol `i` (digits, grouping and point, %, to the last one on its line): how many
 * glyphs of full height it was read as (digits and %, not , or .), and where it ends, padded pixels: its last
 * box, or the next symbol's start when that comes first (LSTM boxes run on over their neighbours, and the next
 * character's ink must not count as a digit).
 */
function numberRead(symbols: readonly MarkedSymbol[], i: number): { glyphs: number; end: number } {
  let k = i;
  while (k < symbols.length && symbols[k]!.line === symbols[i]!.line && /^[0-9.,%]$/.test(symbols[k]!.text)) k++;
  const run = symbols.slice(i, k);
  const last = run[run.length - 1]!;
  const next = symbols[k];
  return { glyphs: run.filter((s) => /^[0-9%]$/.test(s.text)).length, end: next && next.line === last.line ? Math.min(last.x1, next.x0) : last.x1 };
}

/**
 * Glyphs at least half an em tall between two columns (pixels of the crop): digits and %, not commas or points.
 * Touching glyphs count as one, so the count is never too high.
 */
function tallGlyphsBetween(crop: Crop, from: number, to: number, rows: { y0: number; y1: number }, em: number, settings: ComparatorSettings): number {
  return inkColumnRuns(crop, rows, settings.inkThreshold, from, Math.floor(to)).filter((g) => g.y1 - g.y0 >= 0.5 * em).length;
}

/**
 * Whether the ink in `box`'s columns is a colon: two dots one above the other, narrow, with white between them.
 */
function isColonGlyph(crop: Crop, box: { x0: number; x1: number }, rows: { y0: number; y1: number }, em: number, settings: ComparatorSettings): boolean {
  if (box.x1 - box.x0 > 0.3 * em) return false;
  const clusters: { from: number; to: number }[] = [];
  for (let y = Math.max(0, Math.floor(rows.y0)); y < Math.min(crop.height, Math.ceil(rows.y1)); y++) {
    let inked = false;
    for (let x = Math.max(0, box.x0); x < Math.min(crop.width, box.x1); x++) if (crop.data[y * crop.width + x]! < settings.inkThreshold) inked = true;
    if (!inked) continue;
    const last = clusters[clusters.length - 1];
    if (last && last.to === y - 1) last.to = y;
    else clusters.push({ from: y, to: y });
  }
  return clusters.length === 2 && clusters.every((c) => c.to - c.from + 1 <= 0.3 * em) && clusters[1]!.from - clusters[0]!.to > 0.12 * em;
}

/**
 * The colon's dots just left of `glyph`, the first glyph of a colon's box, when that glyph is no colon but as wide
 * as a comparator: OCR boxed the comparator as the colon, the dots falling into the box before. Null otherwise. A
 * comparator is wider than a digit (≥ is about three quarters of an em, a digit half of one): a box shifted onto
 * the number holds its first digit, which the looser shape reading can take for ≥ (2, 3) or ≤ (4).
 */
function dotsBeforeComparatorGlyph(
  crop: Crop,
  glyph: { x0: number; x1: number },
  rows: { y0: number; y1: number },
  em: number,
  settings: ComparatorSettings,
): { x0: number; x1: number } | null {
  if (glyph.x1 - glyph.x0 < MIN_COMPARATOR_WIDTH * em || isColonGlyph(crop, glyph, rows, em, settings)) return null;
  return colonLeftOf(crop, glyph.x0, rows, em, settings);
}

/** A colon's columns just left of `x` (within half an em), or null when the ink there is no colon. */
function colonLeftOf(crop: Crop, x: number, rows: { y0: number; y1: number }, em: number, settings: ComparatorSettings): { x0: number; x1: number } | null {
  const inked = (c: number) => columnHasInk(crop, c, rows, settings.inkThreshold);
  let c = Math.floor(x) - 1;
  const stop = Math.max(0, Math.floor(x - 0.45 * em));
  while (c >= stop && !inked(c)) c--;
  if (c < stop) return null;
  const x1 = c + 1;
  while (c >= 0 && inked(c)) c--;
  const box = { x0: c + 1, x1 };
  return isColonGlyph(crop, box, rows, em, settings) ? box : null;
}

/** A line's height (the em), and the crop rows a glyph of it may use: its body and a little above and below. */
/**
 * Whether the ink about two symbols' boxes (pixels of the read) is two glyphs side by side, the second an = (two
 * thin bars, one above the other) and the first another glyph left of it: the text's own >=. A ≥ stacks its
 * chevron over its bar in the same columns, one run of ink. Tesseract's boxes run right of their ink (LXGW
 * WenKai's > by a quarter of an em), so the search starts half an em left of them.
 */
function sideBySide(crop: Crop, a: MarkedSymbol, b: MarkedSymbol, line: { y0: number; y1: number }, settings: ComparatorSettings): boolean {
  const p = settings.padding;
  const { em, rows } = lineBody(line, p);
  const from = Math.max(0, Math.ceil(Math.min(a.x0, b.x0) - p - 0.6 * em));
  const to = Math.min(crop.width, Math.ceil(Math.max(a.x1, b.x1) - p + 0.1 * em));
  // A run cut by either end of the columns looked at is part of a glyph beyond them (the 1 of 12,000 after ≥).
  const runs = inkColumnRuns(crop, rows, settings.inkThreshold, from, to).filter((r) => r.x1 - r.x0 >= 0.15 * em && r.x0 > from && r.x1 < to);
  const equals = runs.findIndex((r) => isEqualsSign(crop, r, em, settings.inkThreshold));
  return equals > 0 && !isEqualsSign(crop, runs[equals - 1]!, em, settings.inkThreshold);
}

/** Whether a run of ink is an =: wider than 0.3 em (a colon's dots are not), its rows with ink two bands, each thinner than 0.15 em. */
function isEqualsSign(crop: Crop, run: { x0: number; x1: number; y0: number; y1: number }, em: number, threshold: number): boolean {
  if (run.x1 - run.x0 < 0.3 * em) return false;
  const bands: number[] = [];
  let height = 0;
  for (let y = run.y0; y <= run.y1; y++) {
    let ink = false;
    for (let x = run.x0; x < run.x1 && !ink && y < run.y1; x++) ink = crop.data[y * crop.width + x]! < threshold;
    if (ink) height++;
    else if (height > 0) {
      bands.push(height);
      height = 0;
    }
  }
  return bands.length === 2 && bands.every((h) => h < 0.15 * em);
}

/**
 * The body of line `line` from its Chinese characters whose boxes hug their ink (as tall as the read's typical
 * Chinese character `em`, within 15%), padded like `lineBody`'s, in pixels of the crop; null with fewer than two such.
 */
function huggedLineRows(symbols: readonly MarkedSymbol[], line: number, em: number, padding: number): { y0: number; y1: number } | null {
  if (em < 1) return null;
  const hugging = symbols.filter((s) => s.line === line && /^\p{Script=Han}$/u.test(s.text) && Math.abs(s.y1 - s.y0 - em) <= 0.15 * em);
  return hugging.length < 2 ? null : lineBody(medianLineExtents(hugging).get(line)!, padding).rows;
}

function lineBody(line: { y0: number; y1: number }, padding: number): { em: number; rows: { y0: number; y1: number } } {
  const em = line.y1 - line.y0;
  return { em, rows: { y0: line.y0 - padding - 0.15 * em, y1: line.y1 - padding + 0.15 * em } };
}

/**
 * The columns of the first glyph left of `box` within a line's rows (pixels of the crop), no further than an
 * em away; null when there is none.
 */
function glyphLeftOf(crop: Crop, box: { x0: number }, rows: { y0: number; y1: number }, em: number, settings: ComparatorSettings): { x0: number; y0: number; x1: number; y1: number } | null {
  const { y0, y1 } = clampRows(crop, rows);
  const inked = (x: number) => columnHasInk(crop, x, rows, settings.inkThreshold);
  let x = box.x0 - 1;
  const stop = Math.max(0, Math.floor(box.x0 - em));
  while (x >= stop && !inked(x)) x--;
  if (x < stop) return null;
  const right = x + 1;
  let blank = 0;
  let leftmost = x;
  for (; x >= 0 && right - x < 1.2 * em; x--) {
    if (inked(x)) {
      leftmost = x;
      blank = 0;
    } else if (++blank >= 2) break;
  }
  return right - leftmost >= 3 ? { x0: leftmost, y0, x1: right, y1 } : null;
}

