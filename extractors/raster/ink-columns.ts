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
