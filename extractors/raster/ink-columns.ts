/**
 * The ink of a crop column by column: whether a column holds ink within some rows, and the runs of inked
 * columns (glyphs, where white columns part them) with the rows their ink spans. Pixels of the crop, origin
 * top-left; `rows` are clamped to the crop.
 */
import type { Crop } from './ocr-read.js';

/** Rows of a line in a crop, as whole pixels inside it. */
export function clampRows(crop: Crop, rows: { y0: number; y1: number }): { y0: number; y1: number } {
  return { y0: Math.max(0, Math.floor(rows.y0)), y1: Math.min(crop.height, Math.ceil(rows.y1)) };
}

/** Whether column `x` holds a pixel darker than `threshold` within `rows`. */
export function columnHasInk(crop: Crop, x: number, rows: { y0: number; y1: number }, threshold: number): boolean {
  const { y0, y1 } = clampRows(crop, rows);
  for (let y = y0; y < y1; y++) if (crop.data[y * crop.width + x]! < threshold) return true;
  return false;
}

/** One run of inked columns: its columns and the rows its ink spans (ends exclusive). */
export interface InkRun {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The ink in a rectangle of the crop (clipped to it, ends exclusive): how many pixels, and their bounds (x1 ≤ x0: none). */
export function inkBoxIn(crop: Crop, x0: number, x1: number, y0: number, y1: number, threshold: number): InkRun & { ink: number } {
  const box = { ink: 0, x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (let y = Math.max(0, y0); y < Math.min(crop.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(crop.width, x1); x++) {
      if (crop.data[y * crop.width + x]! >= threshold) continue;
      box.ink++;
      box.x0 = Math.min(box.x0, x);
      box.x1 = Math.max(box.x1, x + 1);
      box.y0 = Math.min(box.y0, y);
      box.y1 = Math.max(box.y1, y + 1);
    }
  }
  return box;
}

/** Runs of inked columns within `rows`, from column `from` up to `to` (the whole crop by default). */
export function inkColumnRuns(crop: Crop, rows: { y0: number; y1: number }, threshold: number, from = 0, to = crop.width): InkRun[] {
  const { y0, y1 } = clampRows(crop, rows);
  const runs: InkRun[] = [];
  let current: InkRun | null = null;
  for (let x = Math.max(0, Math.ceil(from)); x < Math.min(crop.width, Math.ceil(to)); x++) {
    let top = -1;
    let bottom = -1;
    for (let y = y0; y < y1; y++) {
      if (crop.data[y * crop.width + x]! < threshold) {
        if (top < 0) top = y;
        bottom = y;
      }
    }
    if (top < 0) {
      current = null;
      continue;
    }
    if (!current) {
      current = { x0: x, x1: x + 1, y0: top, y1: bottom + 1 };
      runs.push(current);
    } else {
      current.x1 = x + 1;
      current.y0 = Math.min(current.y0, top);
      current.y1 = Math.max(current.y1, bottom + 1);
    }
  }
  return runs;
}

/**
 * The runs of inked columns within `reach` of a box (columns of the crop) and the index of the one under the box's
 * middle, -1 when none: the glyph a symbol's box stands for, though Tesseract's boxes stand up to half a glyph off
 * its ink, with its neighbours beside it.
 */
export function runsAroundBox(crop: Crop, rows: { y0: number; y1: number }, threshold: number, box: { x0: number; x1: number }, reach: number): { runs: InkRun[]; under: number } {
  const runs = inkColumnRuns(crop, rows, threshold, box.x0 - reach, box.x1 + reach);
  const middle = (box.x0 + box.x1) / 2;
  return { runs, under: runs.findIndex((r) => r.x0 <= middle && middle < r.x1) };
}

/** The run of ink that overlaps columns `[x0, x1)` the most: the glyph a box stands for, where the box lies partly off it. */
export function widestOverlapping(runs: readonly InkRun[], x0: number, x1: number): InkRun | undefined {
  const overlap = (r: InkRun) => Math.min(r.x1, x1) - Math.max(r.x0, x0);
  return runs.filter((r) => overlap(r) > 0).sort((a, b) => overlap(b) - overlap(a))[0];
}

/** The first and last inked column of row `y` within columns `[x0, x1)`, or null where the row holds no ink there. */
export function rowInkEdges(crop: Crop, y: number, x0: number, x1: number, threshold: number): { first: number; last: number } | null {
  let first = -1;
  let last = -1;
  for (let x = Math.max(0, x0); x < Math.min(crop.width, x1); x++) {
    if (crop.data[y * crop.width + x]! >= threshold) continue;
    if (first < 0) first = x;
    last = x;
  }
  return first < 0 ? null : { first, last };
}

/** The runs at least two thirds as tall as the tallest: the glyphs among them, not the small marks between. */
export function tallRuns(runs: readonly InkRun[]): InkRun[] {
  const tallest = Math.max(0, ...runs.map((r) => r.y1 - r.y0));
  return runs.filter((r) => r.y1 - r.y0 >= (2 / 3) * tallest);
}

/**
 * The white columns on either side of a narrow glyph's run of ink (a bracket's), within `rows`, up to the next ink
 * no further than `reach` away: null on a side with no ink within reach, and both null when columns `[x0, x1)`
 * hold none. The glyph's box may run past its ink onto a neighbour's (a 1 after the bracket), so of the runs it
 * overlaps the narrowest is taken, specks of one column aside.
 */
export function whiteBesideInk(crop: Crop, rows: { y0: number; y1: number }, x0: number, x1: number, threshold: number, reach: number): { before: number | null; after: number | null } {
  const runs = inkColumnRuns(crop, rows, threshold, x0 - reach, x1 + reach);
  const overlap = (r: InkRun) => Math.min(r.x1, x1) - Math.max(r.x0, x0);
  const width = (r: InkRun) => r.x1 - r.x0;
  let k = -1;
  runs.forEach((r, i) => {
    if (overlap(r) <= 0 || width(r) < 2) return;
    const best = runs[k];
    if (!best || width(r) < width(best) || (width(r) === width(best) && overlap(r) > overlap(best))) k = i;
  });
  if (k < 0) return { before: null, after: null };
  const run = runs[k]!;
  return { before: k > 0 ? run.x0 - runs[k - 1]!.x1 : null, after: k < runs.length - 1 ? runs[k + 1]!.x0 - run.x1 : null };
}

/**
 * The rows of the ink in columns `[x0, x1)` that runs unbroken through row `y` (or through the inked row nearest
 * it, no further than `reach`): a bracket's height, top to bottom, where the lines above and below stay out.
 * Null when no ink is near.
 */
export function inkRowsThrough(crop: Crop, x0: number, x1: number, y: number, threshold: number, reach: number): { y0: number; y1: number } | null {
  const from = Math.max(0, Math.floor(x0));
  const to = Math.min(crop.width, Math.ceil(x1));
  const rowHasInk = (row: number) => {
    if (row < 0 || row >= crop.height) return false;
    for (let x = from; x < to; x++) if (crop.data[row * crop.width + x]! < threshold) return true;
    return false;
  };
  const mid = Math.round(y);
  let start = -1;
  for (let d = 0; d <= reach && start < 0; d++) start = rowHasInk(mid - d) ? mid - d : rowHasInk(mid + d) ? mid + d : -1;
  if (start < 0) return null;
  let top = start;
  while (rowHasInk(top - 1)) top--;
  let bottom = start + 1;
  while (rowHasInk(bottom)) bottom++;
  return { y0: top, y1: bottom };
}

/**
 * The ink of a semicolon near a box that holds none, within half an em of it: the nearest run of inked columns no
 * wider than a third of an em whose ink starts below the line's top fifth and parts in two (a dot above, a tail
 * below). A Chinese character's narrow part reaches the line's top or runs unbroken. Null when none is near.
 * Pixels of the crop.
 */
export function semicolonInkNear(crop: Crop, rows: { y0: number; y1: number }, x0: number, x1: number, em: number, threshold: number): InkRun | null {
  const runs = inkColumnRuns(crop, rows, threshold, x0 - 2 * em, x1 + 2 * em);
  const centre = (x0 + x1) / 2;
  const candidates = runs.filter((r) => {
    const middle = (r.x0 + r.x1) / 2;
    if (middle < x0 - em / 2 || middle > x1 + em / 2) return false;
    if (r.x1 - r.x0 < 2 || r.x1 - r.x0 > em / 3) return false;
    if (r.y0 < rows.y0 + (rows.y1 - rows.y0) / 5) return false;
    return hasWhiteRow(crop, r, threshold);
  });
  candidates.sort((a, b) => Math.abs((a.x0 + a.x1) / 2 - centre) - Math.abs((b.x0 + b.x1) / 2 - centre));
  return candidates[0] ?? null;
}

/** Whether a run's ink parts in two: a white row between its top and bottom. */
function hasWhiteRow(crop: Crop, run: InkRun, threshold: number): boolean {
  for (let y = run.y0 + 1; y < run.y1 - 1; y++) {
    let white = true;
    for (let x = run.x0; x < run.x1 && white; x++) if (crop.data[y * crop.width + x]! < threshold) white = false;
    if (white) return true;
  }
  return false;
}

/**
 * The white pixels of a box (crop pixels, ends exclusive) that no path of white, moving up, down, left or right,
 * joins to the box's border: the counters its ink closes. Pure.
 */
export function enclosedWhite(crop: Crop, box: InkRun, threshold: number): number {
  // The box with a white frame one pixel wide, so that the white round the glyph is one region, reached from a corner.
  const w = box.x1 - box.x0 + 2;
  const h = box.y1 - box.y0 + 2;
  const white = (x: number, y: number) => {
    const [cx, cy] = [box.x0 + x - 1, box.y0 + y - 1];
    if (x === 0 || y === 0 || x === w - 1 || y === h - 1 || cx < 0 || cy < 0 || cx >= crop.width || cy >= crop.height) return true;
    return crop.data[cy * crop.width + cx]! >= threshold;
  };
  const reached = new Uint8Array(w * h);
  const stack = [0];
  reached[0] = 1;
  while (stack.length > 0) {
    const i = stack.pop()!;
    const [x, y] = [i % w, Math.floor(i / w)];
    for (const [nx, ny] of [[x - 1, y], [x + 1, y], [x, y - 1], [x, y + 1]] as const) {
      if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
      const j = ny * w + nx;
      if (reached[j] || !white(nx, ny)) continue;
      reached[j] = 1;
      stack.push(j);
    }
  }
  let enclosed = 0;
  for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) if (!reached[y * w + x] && white(x, y)) enclosed++;
  return enclosed;
}

/** `enclosedWhite` as a share of the box's area: how much of a glyph's ink box its counters hold. Pure. */
export function enclosedWhiteShare(crop: Crop, box: InkRun, threshold: number): number {
  const area = (box.x1 - box.x0) * (box.y1 - box.y0);
  return area > 0 ? enclosedWhite(crop, box, threshold) / area : 0;
}
