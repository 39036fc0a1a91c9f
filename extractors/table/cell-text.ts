/**
 * Glyphs to text in reading order: glyphs to lines, lines to one string.
 *
 * Line breaks that wrapping put into a cell are not part of the value: lines are joined with nothing between
 * them, except where both sides are ASCII letters (a Latin word wrap breaks only at a space, while a CJK line
 * breaker splits numbers such as 240|8 anywhere).
 */
import type { Glyph } from '../pdf/glyph.js';
import { concatTexts, EMPTY_TEXT, unplacedText, type CharBox, type PositionedText } from '../text/positioned-text.js';

/** Tolerances for turning glyphs into text, as shares of the font size. */
export interface CellTextSettings {
  /**
   * A glyph belongs to a line when its vertical centre is within this share of the line's height of the line's centre.
   * @default 0.5
   */
  lineOverlap: number;
  /**
   * A horizontal gap wider than this share of the font size between two glyphs is a space.
   * @default 0.3
   */
  spaceGap: number;
  /**
   * Two glyphs of the same character overlapping more than this share are one glyph drawn twice (fake bold).
   * @default 0.6
   */
  duplicateOverlap: number;
  /**
   * Between a Chinese character and a Latin letter or digit, only a gap wider than this share of the font
   * size is a space (narrower ones are Asian–Latin autospacing).
   * @default 0.75
   */
  cjkLatinGap: number;
  /**
   * For characters read by OCR, a gap next to a Chinese character is a space only when wider than this share
   * of the font size.
   * @default 1.2
   */
  ocrCjkGap: number;
  /**
   * For characters read by OCR, a gap between Latin letters (or a digit and a letter) is a space when wider than this
   * share. Two digits read by OCR are never spaced (see `lineToText`).
   * @default 0.45
   */
  ocrSpaceGap: number;
}

export const DEFAULT_CELL_TEXT_SETTINGS: CellTextSettings = { lineOverlap: 0.5, spaceGap: 0.3, duplicateOverlap: 0.6, cjkLatinGap: 0.75, ocrCjkGap: 1.2, ocrSpaceGap: 0.45 };

/** Group glyphs into lines, top to bottom, each line left to right. Pure. */
export function glyphsToLines(glyphs: readonly Glyph[], settings: CellTextSettings = DEFAULT_CELL_TEXT_SETTINGS): Glyph[][] {
  const sorted = [...glyphs].sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2 || a.x0 - b.x0);
  const lines: { glyphs: Glyph[]; center: number; height: number }[] = [];
  for (const g of sorted) {
    const center = (g.y0 + g.y1) / 2;
    const height = g.y1 - g.y0;
    const line = lines.find((l) => Math.abs(l.center - center) <= settings.lineOverlap * Math.max(l.height, height));
    if (line) {
      line.glyphs.push(g);
      line.center = (line.center * (line.glyphs.length - 1) + center) / line.glyphs.length;
    } else {
      lines.push({ glyphs: [g], center, height });
    }
  }
  return lines
    .sort((a, b) => a.center - b.center)
    .map((l) => dropDuplicateGlyphs(l.glyphs.sort((a, b) => a.x0 - b.x0), settings.duplicateOverlap));
}

/**
 * One line as text: spaces where the PDF drew them or where the gap between two runs is wide, never two in a
 * row. Between a Chinese character and a Latin letter or digit, the gap that word processors put there
 * (Word's and LibreOffice's Asian–Latin autospacing, about a quarter em) is not a space: Chinese official text
 * writes 2408平方米 and 2024年, and a space is kept there only when the gap is wider than `cjkLatinGap`.
 */
export function lineToText(line: readonly Glyph[], settings: CellTextSettings = DEFAULT_CELL_TEXT_SETTINGS): PositionedText {
  let text = '';
  const boxes: (CharBox | null)[] = [];
  let prev: Glyph | null = null;
  // What stands in the line just before `prev` (a space glyph included): `neverSpaced` looks one glyph further back.
  let beforePrev: string | undefined;
  let spaceDrawn = false;
  for (const [at, g] of line.entries()) {
    if (g.char === ' ') {
      spaceDrawn = prev !== null;
      continue;
    }
    if (prev) {
      const size = Math.max(prev.size, g.size);
      const gap = g.x0 - prev.x1;
      const ocr = prev.confidence !== undefined || g.confidence !== undefined;
      const cjk = isCjk(prev.char) || isCjk(g.char);
      // OCR boxes hug the ink, so gaps look wider than the layout's; and OCR splits Chinese into words at random.
      const threshold = ocr ? (cjk ? settings.ocrCjkGap : settings.ocrSpaceGap) : settings.spaceGap;
      // Tesseract sometimes gives a word's symbols zero-width boxes at its line's end: no geometry to judge by.
      const degenerate = ocr && Math.min(prev.x1 - prev.x0, g.x1 - g.x0) < 0.1 * size;
      const wide = prev.run !== g.run && !degenerate && gap > threshold * size;
      const autospaced = isCjk(prev.char) !== isCjk(g.char) && gap < settings.cjkLatinGap * size;
      // Full-width digits (２０２５年, ２２条) stand an em apart, so OCR's boxes leave a space's gap between them;
      // and none of these tables writes a space between two digits (none of the samples' sources, nor the seed).
      const digits = ocr && /^[0-9]$/.test(prev.char) && /^[0-9]$/.test(g.char);
      if (((spaceDrawn && !ocr) || wide) && !autospaced && !digits && !(!ocr && neverSpaced(beforePrev, prev.char, g.char))) {
        text += ' ';
        boxes.push(null);
      }
    }
    const box: CharBox = { page: g.page, bbox: [g.x0, g.y0, g.x1, g.y1] };
    if (g.confidence !== undefined) box.confidence = g.confidence;
    if (g.repair !== undefined) box.repair = g.repair;
    if (g.doubt !== undefined) box.doubt = g.doubt;
    text += g.char;
    for (let k = 0; k < g.char.length; k++) boxes.push(box);
    beforePrev = line[at - 1]?.char;
    prev = g;
    spaceDrawn = false;
  }
  return { text, boxes };
}

/**
 * Places where these tables never hold a space, though a text layer may report one: pdf.js reports a space for a
 * gap of a tenth of an em, and a producer that sets glyphs at their hinted widths (Chromium with WenQuanYi Zen Hei
 * Sharp at 9pt: 8, 646. 47, ≥ 120, “ 穗好办” “粤省事”) leaves such gaps after narrow glyphs. None of the samples'
 * sources has a space in any of them: inside a number (after its comma or point), between a comparator and its
 * number, after an opening quote or before a closing one, between a closing quote and the punctuation or quote after
 * it, beside the + of T+1, between the letters of a unit right after its number.
 */
function neverSpaced(before: string | undefined, prev: string, next: string): boolean {
  const digit = (ch: string | undefined) => ch !== undefined && /^[0-9]$/.test(ch);
  if (/^[,.]$/.test(prev) && digit(before) && digit(next)) return true;
  if (/^[≥≤<>＜＞]$/.test(prev) && digit(next)) return true;
  if (/^[“‘]$/.test(prev) || /^[”’]$/.test(next)) return true;
  if (/^[”’]$/.test(prev) && /^[“‘；;，,。、：:]$/.test(next)) return true;
  // A unit's letters right after its number (520T B for 520TB).
  if (/^[A-Za-z]$/.test(prev) && digit(before) && /^[A-Za-z]$/.test(next)) return true;
  return (next === '+' && /^[A-Za-z0-9]$/.test(prev)) || (prev === '+' && digit(next));
}

/** Han characters, CJK punctuation and full-width forms. */
function isCjk(ch: string): boolean {
  return /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(ch);
}

/** Lines joined into one value, without the breaks that wrapping put in. */
export function linesToText(lines: readonly PositionedText[]): PositionedText {
  const parts: PositionedText[] = [];
  for (const line of lines) {
    if (line.text.length === 0) continue;
    const prev = parts.length > 0 ? parts[parts.length - 1]! : null;
    if (prev && needsSpaceAtWrap(prev.text, line.text)) parts.push(unplacedText(' '));
    parts.push(line);
  }
  return parts.length === 0 ? EMPTY_TEXT : concatTexts(parts);
}

/** Whether a wrapped line break stood for a space: only between ASCII letters (a CJK line breaker splits numbers such as 240|8 anywhere). */
export function needsSpaceAtWrap(before: string, after: string): boolean {
  return /[A-Za-z]$/.test(before) && /^[A-Za-z]/.test(after);
}

/**
 * Glyphs to one value: lines in reading order, joined.
 *
 * A space that a wrap swallowed between two ideographs (“一月一链 一起益企” broken after 链) cannot be told
 * from an ordinary CJK wrap: the line ends less than one em short in both cases, so it is not restored.
 */
export function glyphsToText(glyphs: readonly Glyph[], settings: CellTextSettings = DEFAULT_CELL_TEXT_SETTINGS): PositionedText {
  return linesToText(glyphsToLines(glyphs, settings).map((l) => lineToText(l, settings)));
}

function dropDuplicateGlyphs(line: Glyph[], overlap: number): Glyph[] {
  const out: Glyph[] = [];
  for (const g of line) {
    const last = out[out.length - 1];
    // Fake bold is a text-layer device; OCR boxes of two real 0s in a row can overlap.
    if (last && last.char === g.char && g.char !== ' ' && g.confidence === undefined) {
      const inter = Math.min(last.x1, g.x1) - Math.max(last.x0, g.x0);
      if (inter > overlap * Math.min(last.x1 - last.x0, g.x1 - g.x0)) continue;
    }
    out.push(g);
  }
  return out;
}
