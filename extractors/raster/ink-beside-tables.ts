/**
 * Ink beside a table, level with its rows, that no cell holds. Every cell of a scanned table is read, and
 * nothing else level with it: a column whose outer border the grid lost (a hairline the scan dropped, with
 * horizontal lines too short to close the table) would go unread, and its rows would come out short with
 * nothing to say so. The page says so instead.
 */
import type { Rect } from '../table/edge.js';
import { pointsPerPixel, type GreyImage } from './grey-image.js';

/** Settings of `inkBesideTables`. */
export interface InkBesideSettings {
  /**
   * Pixels darker than this are ink: text, not a speck of scanner noise or the grey of a resampled edge.
   * @default 128
   */
  inkThreshold: number;
  /**
   * Room left beside the table's outer lines, in page units: the line's own ink, blurred or rotated.
   * @default 4
   */
  margin: number;
  /**
   * Share of the page's width at its left and right edges left out: a scanner's shadow or the edge of the paper.
   * @default 0.02
   */
  pageEdge: number;
  /**
   * Least ink that counts, in square page units: about a third of a 9pt character's ink.
   * @default 6
   */
  minInk: number;
}

export const DEFAULT_INK_BESIDE_SETTINGS: InkBesideSettings = { inkThreshold: 128, margin: 4, pageEdge: 0.02, minInk: 6 };

/** One side of a table with ink beside it, and how much (square page units). */
export interface InkBeside {
  side: 'left' | 'right';
  table: Rect;
  ink: number;
}

/**
 * The sides of the tables (page units, origin top-left) with ink beside them, level with them, where no other
 * table stands. Pure.
 */
export function inkBesideTables(image: GreyImage, tables: readonly Rect[], settings: InkBesideSettings = DEFAULT_INK_BESIDE_SETTINGS): InkBeside[] {
  const scale = pointsPerPixel(image);
  const toPx = (v: number) => Math.round(v / scale);
  const edge = Math.round(settings.pageEdge * image.width);
  const found: InkBeside[] = [];
  for (const table of tables) {
    const y0 = Math.max(0, toPx(table.y0 + settings.margin));
    const y1 = Math.min(image.height, toPx(table.y1 - settings.margin));
    const others = tables.filter((t) => t !== table && t.y0 < table.y1 && t.y1 > table.y0);
    const strips = [
      { side: 'left' as const, x0: Math.max(edge, ...others.filter((t) => t.x1 <= table.x0).map((t) => toPx(t.x1 + settings.margin))), x1: toPx(table.x0 - settings.margin) },
      { side: 'right' as const, x0: toPx(table.x1 + settings.margin), x1: Math.min(image.width - edge, ...others.filter((t) => t.x0 >= table.x1).map((t) => toPx(t.x0 - settings.margin))) },
    ];
    for (const { side, x0, x1 } of strips) {
      let ink = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = Math.max(0, x0); x < Math.min(image.width, x1); x++) if (image.data[y * image.width + x]! < settings.inkThreshold) ink++;
      }
      const area = ink * scale * scale;
      if (area >= settings.minInk) found.push({ side, table, ink: area });
    }
  }
  return found;
}
