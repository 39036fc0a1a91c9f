/**
 * Ink that no OCR symbol accounts for: a glyph Tesseract dropped (a faint 荔, a comparator at a line's end)
 * leaves ink on the page between or beside the symbols it did read.
 */
import { medianLineExtents, type Crop, type MarkedSymbol } from './ocr-read.js';
import { inkBoxIn, inkColumnRuns, type InkRun } from './ink-columns.js';
import { clauses, isQuote, quotesByClause } from './punctuation-width.js';

/** What the check needs of the OCR settings. */
export interface UnreadInkSettings {
  /** White margin around the crop Tesseract read, pixels. */
  padding: number;
  /** Pixels darker than this are ink. */
  inkThreshold: number;
}

/**
 * Ink that OCR skipped: a gap of more than half an em between two symbols of a line with ink in it is a
 * character no read returned (both models can drop the same faint 荔). The symbols on both sides carry the
 * doubt, so the value shows as flagged instead of silently short.
 */
export function markUnreadInk(symbols: readonly MarkedSymbol[], crop: Crop, settings: UnreadInkSettings): MarkedSymbol[] {
  const out = symbols.map((s) => ({ ...s }));
  const p = settings.padding;
  const inkIn = (x0: number, x1: number, y0: number, y1: number): number => inkBox(x0, x1, y0, y1).ink;
  const inkBox = (x0: number, x1: number, y0: number, y1: number) => inkBoxIn(crop, x0, x1, y0, y1, settings.inkThreshold);
  const inkHeight = (x0: number, x1: number, y0: number, y1: number): number => {
    const box = inkBox(x0, x1, y0, y1);
    return box.ink > 0 ? box.y1 - box.y0 : 0;
  };
  const markDoubt = 'a mark between two characters that OCR did not read: punctuation may be missing';
  const quoteMarks: QuoteMark[] = [];
  const hanLines = new Map<number, { em: number; top: number } | null>();
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (a.line !== b.line || a.lost || b.lost) continue;
    const h = Math.max(a.y1 - a.y0, b.y1 - b.y0, 1);
    // A dropped comma, point or 、 is too small for a character's worth of ink: a mark of its own between the two.
    const mark = unreadMarkBetween(a, b, h);
    if (mark?.kind === 'quote' && (isHan(a.text) || isHan(b.text)) && !isQuote(out, i) && !isQuote(out, i + 1)) {
      // Two small strokes high beside a Chinese character may be a quote mark (“三防”, 、“民营): decided below, once
      // every such mark of the cell is known.
      quoteMarks.push({ at: i + 1, box: mark.box, beside: [i, i + 1] });
      continue;
    }
    if (mark) {
      for (const s of [a, b]) {
        s.confidence = Math.min(s.confidence, 0.5);
        s.doubt = markDoubt;
      }
      continue;
    }
    // The comparator slot (指标值:≥100) is where OCR most often drops a glyph: look at narrower gaps there.
    const comparatorSlot = /^[:：]$/.test(a.text) && /^[0-9]/.test(b.text);
    if (b.x0 - a.x1 < (comparatorSlot ? 0.3 : 0.6) * h) continue;
    const margin = (comparatorSlot ? 0.05 : 0.15) * h;
    const y0 = Math.max(0, Math.min(a.y0, b.y0) - p);
    const y1 = Math.min(crop.height, Math.max(a.y1, b.y1) - p);
    // Tesseract's boxes can stop short of their glyphs: ink that runs on from a box without a blank column is
    // that glyph's, not a dropped one.
    const columnInk = (x: number) => inkIn(x, x + 1, y0, y1) > 0;
    // Never by more than a third of an em: a glyph that close and that wide is a character of its own.
    const runOn = 0.35 * h;
    let aEnd = Math.ceil(a.x1 - p);
    while (aEnd < b.x0 - p && aEnd < a.x1 - p + runOn && columnInk(aEnd)) aEnd++;
    let bStart = Math.floor(b.x0 - p) - 1;
    while (bStart > aEnd && bStart > b.x0 - p - runOn && columnInk(bStart)) bStart--;
    const x0 = Math.max(0, Math.ceil(aEnd + margin));
    const x1 = Math.min(crop.width, Math.floor(bStart + 1 - margin));
    if (x1 - x0 < (comparatorSlot ? 0.2 : 0.4) * h) continue;
    // A character's worth: enough ink, and as tall as a third of the line at least (the tail of a comma or the
    // dot of a semicolon whose box Tesseract drew around part of it is not).
    if (inkIn(x0, x1, y0, y1) > 0.08 * Math.max(1, (x1 - x0) * (y1 - y0)) && inkHeight(x0, x1, y0, y1) >= 0.35 * h) {
      const doubt = 'ink between two characters that OCR did not read: a character may be missing';
      for (const s of [a, b]) {
        s.confidence = Math.min(s.confidence, 0.5);
        s.doubt = doubt;
      }
    }
  }
  // A Chinese character boxed on a quote mark, small and high in the line (建成“家门口”: 成 and 口 boxed on the
  // quotes after them, their own ink inside their neighbours' boxes): the quote follows the character in the text.
  // Not where OCR read the quote as well (西关文化节”: 节 boxed on the ” it read after it).
  out.forEach((s, i) => {
    const box = isQuote(out, i - 1) || isQuote(out, i + 1) ? null : quoteUnderHanBox(s);
    if (box) quoteMarks.push({ at: i + 1, box, beside: [i] });
  });
  // Past the last symbol of a line, and before the first: a character dropped at a wrap (指标值:≥ | 100家).
  for (let i = 0; i < out.length; i++) {
    const s = out[i]!;
    const h = Math.max(s.y1 - s.y0, 1);
    const last = i + 1 === out.length || out[i + 1]!.line !== s.line;
    const first = i === 0 || out[i - 1]!.line !== s.line;
    const area = Math.round(0.6 * h) * Math.round(h);
    const doubt = 'ink beside the end of a line that OCR did not read: a character may be missing';
    // A quote mark that opens a line (“互联网+”) or closes one, beside a Chinese character: decided with the others.
    const quoteBefore = first && !s.lost && isHan(s.text) ? quoteBeside(s, 'before') : null;
    const quoteAfter = last && !s.lost && isHan(s.text) ? quoteBeside(s, 'after') : null;
    if (quoteBefore) quoteMarks.push({ at: i, box: quoteBefore, beside: [i] });
    if (quoteAfter) quoteMarks.push({ at: i + 1, box: quoteAfter, beside: [i] });
    // After a colon, the comparator of a target cut by the line's end (指标值:≥ | 100) can sit close to it.
    const gap = /^[:：]$/.test(s.text) ? 0.05 : 0.15;
    const after = last && !s.lost && !quoteAfter ? inkIn(Math.ceil(s.x1 - p + gap * h), Math.ceil(s.x1 - p + gap * h + 0.6 * h), s.y0 - p, s.y1 - p) : 0;
    const before = first && !s.lost && !quoteBefore ? inkIn(Math.floor(s.x0 - p - 0.75 * h), Math.floor(s.x0 - p - 0.15 * h), s.y0 - p, s.y1 - p) : 0;
    if (after > 0.08 * area || before > 0.08 * area) {
      s.confidence = Math.min(s.confidence, 0.5);
      s.doubt = doubt;
    } else if (last && !s.lost && !quoteAfter && !/^[\p{P}\p{S}]$/u.test(s.text) && markIn(Math.ceil(s.x1 - p + 0.05 * h), Math.ceil(s.x1 - p + 0.7 * h), s, h)) {
      // A line's closing 。 or its comma, dropped.
      s.confidence = Math.min(s.confidence, 0.5);
      s.doubt = 'a mark after the end of a line that OCR did not read: punctuation may be missing';
    }
  }
  markMarksInClosingBoxes(out);
  markUnreadLines(out);
  return restoreQuotes(out, quoteMarks);

  /**
   * A comma or point inside the box of the closing bracket or quote before it (标准》，购置: a face that sets the two
   * in one em puts the comma's ink in the bracket's box, and both models drop it): a small low mark of its own,
   * apart from the bracket's ink. Doubts the bracket and the symbol after it.
   */
  function markMarksInClosingBoxes(symbols: MarkedSymbol[]): void {
    // Every cell passes here; most hold no closing bracket, and need no line measured.
    if (!symbols.some((s) => CLOSING.test(s.text))) return;
    const lines = medianLineExtents(symbols);
    symbols.forEach((s, i) => {
      const next = symbols[i + 1];
      // Lost ones too (a box of a few columns, given the room to the next character): OCR can box the comma as the
      // bracket.
      if (!CLOSING.test(s.text)) return;
      const box = lines.get(s.line);
      const beside = [symbols[i - 1], next].find((t) => t !== undefined && t.line === s.line && isHan(t.text));
      if (!box || !beside) return;
      // The rows down to the foot of the ink of a character beside it, not of the boxes: a box can run the line's
      // whole pitch, and rows that reach the next line's tops join the mark to the bracket.
      const middle = Math.round((box.y0 + box.y1) / 2 - p);
      let foot = middle;
      while (foot < box.y1 - p && inkIn(Math.floor(beside.x0 - p), Math.ceil(beside.x1 - p), foot, foot + 1) > 0) foot++;
      const line = { y0: box.y0, y1: foot + p };
      const h = Math.max(1, line.y1 - line.y0);
      const end = next && next.line === s.line ? Math.max(s.x1, next.x0) : s.x1;
      const runs = inkColumnRuns(crop, { y0: line.y0 - p, y1: line.y1 - p + MARK_BELOW_LINE * h }, settings.inkThreshold, s.x0 - p, end - p);
      // Any of the runs, not only the last: the next character's box can start inside its ink (引 boxed 6 columns
      // in), which is then the last run; and OCR can box the comma as the bracket (》 read over the comma after it,
      // the bracket's ink inside the box of the character before), which is then the first. A bracket's own run is
      // no small mark. A mark OCR did read after it (the ; of (是/否); whose box Tesseract set right of its ink) is
      // no unread one.
      const readMark = (run: { x0: number; x1: number }) => next !== undefined && next.line === s.line && !isHan(next.text) && run.x1 >= next.x0 - p - 0.5 * h;
      const candidates = runs.filter((run) => !readMark(run));
      if (runs.length < 2 || !candidates.some((run) => markIn(run.x0 - 1, run.x1 + 1, line, h, 'low'))) return;
      for (const t of next && next.line === s.line ? [s, next] : [s]) {
        t.confidence = Math.min(t.confidence, 0.5);
        t.doubt = 'a mark inside the box of the closing bracket or quote before it that OCR did not read: punctuation may be missing';
      }
    });
  }

  /**
   * Quote marks come in pairs within a clause: where the quotes read and the quote marks found in the ink of one
   * clause (up to a ； or 。) make pairs, the marks are put back, straight, for `decidePunctuationWidth` to give
   * them their direction; they stay in doubt. Otherwise a mark may be a stroke of a character (the dots of 忄)
   * and only the characters beside it are doubted, as for any unread mark.
   */
  function restoreQuotes(symbols: MarkedSymbol[], marks: readonly QuoteMark[]): MarkedSymbol[] {
    if (marks.length === 0) return symbols;
    const clause = clauses(symbols);
    const clauseOf = (m: QuoteMark) => clause[m.beside[0]!]!;
    const counts = new Map([...quotesByClause(symbols)].map(([c, quotes]) => [c, quotes.length]));
    for (const m of marks) counts.set(clauseOf(m), (counts.get(clauseOf(m)) ?? 0) + 1);
    const restored: { at: number; symbol: MarkedSymbol }[] = [];
    for (const m of marks) {
      const beside = m.beside.map((i) => symbols[i]!);
      if (counts.get(clauseOf(m))! % 2 === 0) restored.push({ at: m.at, symbol: restoredQuote(m.box, beside[0]!) });
      else {
        for (const s of beside) {
          s.confidence = Math.min(s.confidence, 0.5);
          s.doubt = markDoubt;
        }
      }
    }
    // In the order found: a quote closing one line before one opening the next, at the same place between them.
    const before = (i: number) => restored.filter((r) => r.at === i).map((r) => r.symbol);
    return [...symbols.flatMap((s, i) => [...before(i), s]), ...before(symbols.length)];
  }

  /**
   * A quote mark high beside the first symbol of a line (`before`) or its last (`after`): two small strokes in
   * the upper half of the line, apart from the glyph (a blank column between) and with nothing under them, within
   * an em and a bit; its ink's bounds, pixels of the crop. Only the upper half is looked at, since a glyph's low
   * stroke can reach under the quote (“互: the foot of 互 runs left of its box).
   */
  function quoteBeside(s: MarkedSymbol, side: 'before' | 'after'): Box | null {
    const body = hanLineBody(s.line);
    if (!body) return null;
    const { em } = body;
    const lineTop = body.top - p;
    const upper = { y0: Math.floor(lineTop - 0.15 * em), y1: Math.ceil(lineTop + 0.5 * em) };
    const column = (x: number) => inkIn(x, x + 1, upper.y0, upper.y1) > 0;
    let x0: number;
    let x1: number;
    if (side === 'before') {
      let to = Math.floor(s.x0 - p) - 1;
      while (to > s.x0 - p - 0.35 * em && column(to)) to--;
      [x0, x1] = [Math.floor(to - 1.2 * em), to + 1];
    } else {
      let from = Math.ceil(s.x1 - p);
      while (from < s.x1 - p + 0.35 * em && column(from)) from++;
      [x0, x1] = [from, Math.ceil(from + 1.2 * em)];
    }
    const box = inkBox(x0, x1, upper.y0, upper.y1);
    if (box.ink < MARK_MIN_INK * em * em || box.x0 <= Math.max(0, x0) || box.x1 >= Math.min(crop.width, x1)) return null;
    if (box.x1 - box.x0 > MARK_MAX_SIZE * em || box.y1 - box.y0 > MARK_MAX_SIZE * em || box.y0 <= upper.y0) return null;
    // Nothing under it down to the line's foot: a stroke that goes on down is a glyph's.
    if (inkIn(box.x0, box.x1, box.y1 + 1, Math.ceil(lineTop + em)) > 0) return null;
    return twoStrokes(box, em, lineTop + em) ? box : null;
  }

  /**
   * Ink on a line of its own that no symbol covers (a closing 。 wrapped onto the next line, where OCR finds no
   * text line at all): the symbol read last before it carries the doubt. Ruling-line remnants at the crop's
   * edge (long and thin) are no text.
   */
  function markUnreadLines(symbols: MarkedSymbol[]): void {
    if (symbols.length === 0) return;
    const heights = symbols.map((s) => s.y1 - s.y0).sort((a, b) => a - b);
    const h = Math.max(1, heights[Math.floor(heights.length / 2)]!);
    let band: { y0: number; y1: number } | null = null;
    const bands: { y0: number; y1: number }[] = [];
    for (let y = 0; y <= crop.height; y++) {
      const ink = y < crop.height && inkIn(0, crop.width, y, y + 1) > 0;
      if (ink) band = band ? { y0: band.y0, y1: y + 1 } : { y0: y, y1: y + 1 };
      else if (band) {
        bands.push(band);
        band = null;
      }
    }
    for (const b of bands) {
      if (symbols.some((s) => s.y0 - p < b.y1 && s.y1 - p > b.y0)) continue;
      const box = inkBox(0, crop.width, b.y0, b.y1);
      const rule = b.y1 - b.y0 < 0.2 * h && box.x1 - box.x0 > 2 * h;
      if (rule || box.ink < MARK_MIN_INK * h * h) continue;
      const before = symbols.filter((s) => s.y1 - p <= b.y0).pop() ?? symbols[0]!;
      before.confidence = Math.min(before.confidence, 0.5);
      before.doubt = 'ink on a line of its own that OCR did not read: a character may be missing';
    }
  }

  /**
   * Whether the columns between two symbols of a line hold a mark of their own: ink apart from both glyphs (a
   * blank column on either side), small (under half an em each way) and in the lower half of the line, as a
   * comma, a point or a 、 is, or high in it, as a quote is. Pixels of the padded read.
   */
  function unreadMarkBetween(a: MarkedSymbol, b: MarkedSymbol, h: number): UnreadMark | null {
    // Ink that touches a glyph belongs to it (Tesseract's boxes stop short): step over it to the first blank column.
    const y0 = Math.min(a.y0, b.y0) - p;
    const y1 = Math.max(a.y1, b.y1) - p + Math.round(MARK_BELOW_LINE * h);
    const column = (x: number) => inkIn(x, x + 1, y0, y1) > 0;
    let from = Math.ceil(a.x1 - p);
    while (from < b.x0 - p && column(from)) from++;
    let to = Math.floor(b.x0 - p) - 1;
    while (to > from && column(to)) to--;
    // Both ends are blank columns, so a mark between them never touches either.
    const line = { y0: y0 + p, y1: Math.max(a.y1, b.y1) };
    const between = to - from > 1 ? markAt(from, to + 1, line, h, 'low or high') : null;
    // High in the line, a quote is two strokes side by side; one stroke there is no punctuation we restore.
    if (between) return { kind: between.high && twoStrokes(between.box, h, line.y1 - p) ? 'quote' : 'low', box: between.box };
    // Or the boxes run over the mark (LXGW WenKai's “ on a Group 4 scan, inside the box of the character before
    // it): the runs of ink from the middle of one glyph to the middle of the next, each glyph's own run at either
    // end, hold a mark of their own between them.
    const aMiddle = Math.round((a.x0 + a.x1) / 2 - p);
    const bMiddle = Math.round((b.x0 + b.x1) / 2 - p);
    const runs = inkColumnRuns(crop, { y0, y1 }, settings.inkThreshold, aMiddle, bMiddle);
    if (runs.length < 3 || runs[0]!.x0 !== aMiddle || runs.at(-1)!.x1 !== bMiddle) return null;
    // A quote is two strokes side by side (“ ”), which tells it from the dot of a character (为, 头) left outside a
    // box: two small high runs, close together.
    const middle = runs.slice(1, -1);
    for (const [k, r] of middle.entries()) {
      const next = middle[k + 1];
      if (next === undefined || next.x0 - r.x1 > 0.25 * h || next.x1 - r.x0 > 0.6 * h) continue;
      const first = markAt(r.x0 - 1, r.x1 + 1, line, h, 'high');
      const second = first && markAt(next.x0 - 1, next.x1 + 1, line, h, 'high');
      if (first && second) return { kind: 'quote', box: { x0: first.box.x0, y0: Math.min(first.box.y0, second.box.y0), x1: second.box.x1, y1: Math.max(first.box.y1, second.box.y1) } };
    }
    return null;
  }

  /**
   * Whether columns `x0..x1` (exclusive) hold one small mark in the line body `line` (padded pixels): low in it (a
   * comma, a point), or, between two characters, high in it (a quote) as `where` allows.
   */
  function markIn(x0: number, x1: number, line: { y0: number; y1: number }, h: number, where: 'low' | 'low or high' | 'high' = 'low'): boolean {
    return markAt(x0, x1, line, h, where) !== null;
  }

  /** `markIn`'s mark: its ink's bounds (pixels of the crop) and whether it is high in the line; null for none. */
  function markAt(x0: number, x1: number, line: { y0: number; y1: number }, h: number, where: 'low' | 'low or high' | 'high'): { box: Box; high: boolean } | null {
    const top = Math.max(0, Math.floor(line.y0 - p));
    const bottom = Math.min(crop.height, Math.ceil(line.y1 - p + MARK_BELOW_LINE * h));
    const box = inkBox(x0, x1, top, bottom);
    if (box.ink < MARK_MIN_INK * h * h) return null;
    // Ink that reaches the end of the columns looked at is the edge of something bigger, not a mark of its own.
    if (box.x0 <= Math.max(0, x0) || box.x1 >= Math.min(crop.width, x1)) return null;
    const small = box.x1 - box.x0 <= MARK_MAX_SIZE * h && box.y1 - box.y0 <= MARK_MAX_SIZE * h;
    const low = (box.y0 + box.y1) / 2 >= top + (line.y1 - line.y0) / 2;
    // High in the line, a mark is a quote (LXGW WenKai's “ sits close to the character it opens, and both models
    // drop it): between two characters only, for past a line's end the ink of a raised mark is no comma's.
    const high = where !== 'low' && box.y1 <= top + 0.6 * (line.y1 - line.y0);
    if (!small || !((low && where !== 'high') || high)) return null;
    return { box, high: !(low && where !== 'high') };
  }


  /**
   * The Chinese characters of a line: the tallest one's height (an em: one symbol's box can be a part of its glyph)
   * and their highest top, pixels of the read; null for a line without one. Measured once per line.
   */
  function hanLineBody(line: number): { em: number; top: number } | null {
    if (!hanLines.has(line)) {
      const han = out.filter((o) => o.line === line && isHan(o.text));
      hanLines.set(line, han.length === 0 ? null : { em: Math.max(...han.map((o) => o.y1 - o.y0)), top: Math.min(...han.map((o) => o.y0)) });
    }
    return hanLines.get(line)!;
  }

  /**
   * Whether a high mark is two strokes side by side, as a quote is: two narrow runs of ink in the mark's rows, close
   * together, one of them in the mark, with nothing under either down to the line's foot `foot` (crop pixels). A
   * stroke beside the mark counts too: stepping over ink that touches a glyph can take a quote's first stroke.
   */
  function twoStrokes(box: Box, h: number, foot: number): boolean {
    const reach = Math.round(0.3 * h);
    const inMark = (run: InkRun) => run.x0 < box.x1 && run.x1 > box.x0;
    const pairIn = (y0: number, y1: number) => {
      const runs = inkColumnRuns(crop, { y0, y1 }, settings.inkThreshold, box.x0 - reach, box.x1 + reach).filter(
        (r) => r.x1 - r.x0 <= 0.25 * h && inkIn(r.x0, r.x1, box.y1 + 1, Math.ceil(foot)) === 0,
      );
      return runs.some((r, k) => {
        const next = runs[k + 1];
        return next !== undefined && next.x0 - r.x1 <= 0.2 * h && (inMark(r) || inMark(next));
      });
    };
    // A stroke's tail can lean under its neighbour's head (LXGW WenKai's ” on a Group 4 scan: the second stroke's
    // tail curls left under the first), so that the columns of the whole mark run together: its heads, in one half
    // of its rows (the top of ”, the bottom of “), still stand apart.
    const middle = Math.round((box.y0 + box.y1) / 2);
    return pairIn(box.y0, box.y1) || pairIn(box.y0, middle) || pairIn(middle, box.y1);
  }

  /**
   * The ink of a quote mark inside the box of a Chinese character, where the box is no bigger than a mark and high
   * in the line: OCR read the character but put its box on the quote beside it. Pixels of the crop; null if not.
   */
  function quoteUnderHanBox(s: MarkedSymbol): Box | null {
    if (!isHan(s.text) || s.lost) return null;
    const { em, top: lineTop } = hanLineBody(s.line)!;
    if (s.x1 - s.x0 > MARK_MAX_SIZE * em || s.y1 - s.y0 > MARK_MAX_SIZE * em || s.y1 > lineTop + 0.5 * em) return null;
    const box = inkBox(Math.floor(s.x0 - p), Math.ceil(s.x1 - p), Math.floor(s.y0 - p), Math.ceil(s.y1 - p));
    if (box.ink < MARK_MIN_INK * em * em) return null;
    return twoStrokes(box, em, lineTop - p + em) ? { x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1 } : null;
  }

  /** A straight quote where OCR read nothing, on `before`'s line: its box is the mark's ink, in pixels of the read. */
  function restoredQuote(box: Box, before: MarkedSymbol): MarkedSymbol {
    return {
      text: '"',
      confidence: RESTORED_QUOTE_CONFIDENCE,
      x0: box.x0 + p,
      y0: box.y0 + p,
      x1: box.x1 + p,
      y1: box.y1 + p,
      word: before.word,
      line: before.line,
      repair: 'a quote mark OCR did not read, put back from its ink',
      doubt: 'a quote mark OCR did not read: put back from its ink, its direction from the quotes around it',
    };
  }
}

/** A mark that may be a quote OCR did not read: inserted before symbol `at`, else the symbols `beside` are doubted. */
interface QuoteMark {
  at: number;
  box: Box;
  beside: number[];
}

/** A mark of its own between two symbols: low in the line (a comma, a point, a 、) or a quote; pixels of the crop. */
interface UnreadMark {
  kind: 'low' | 'quote';
  box: Box;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function isHan(text: string): boolean {
  return /^\p{Script=Han}$/u.test(text);
}

/**
 * The confidence of a quote mark put back from its ink: below the review threshold, since the ink says a quote
 * is there but not which one (“ or ”, or a ‘ of a quote inside a quote), and the repair never makes a field certain.
 */
export const RESTORED_QUOTE_CONFIDENCE = 0.6;

/** The least ink of a punctuation mark, in em² (a comma at 300 dpi: about 60 pixels of a 42-pixel em). */
const MARK_MIN_INK = 0.012;
/** Closing brackets and quotes, whose box can hold the comma or point set after them. */
const CLOSING = /^[》）)」』〉”]$/u;
/** The largest a punctuation mark is, either way, in em. */
const MARK_MAX_SIZE = 0.45;
/** How far a comma's tail reaches below the line's characters, in em. */
const MARK_BELOW_LINE = 0.15;

