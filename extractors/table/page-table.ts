/**
 * A table found on one page: its cells in rows, each cell with its text.
 *
 * Coordinates: page units (1/72 inch), origin top-left.
 */
import type { Glyph } from '../pdf/glyph.js';
import type { PositionedText } from '../text/positioned-text.js';
import { cellsToTables, tableBounds } from './tables.js';
import type { Edge, Rect } from './edge.js';
import { edgesToClosedEdges, edgesToMergedEdges } from './edges.js';
import { edgesToIntersections } from './intersections.js';
import { intersectionsToCells } from './cells.js';
import { glyphsToText } from './cell-text.js';
import { DEFAULT_TABLE_FINDER_SETTINGS, type TableFinderSettings } from './settings.js';

/** A cell and the text read inside it. */
export interface TableCell {
  rect: Rect;
  text: PositionedText;
  /** Glyphs whose centre lies within a small distance of the cell's border: a sign of text crossing a line. */
  straddling: number;
}

/** One table on one page. */
export interface PageTable {
  /** 1-based page number. */
  page: number;
  bounds: Rect;
  /** Rows top to bottom; a row is the cells whose top edge is at the same height, left to right. */
  rows: TableCell[][];
  /** `ruled`: cells from drawn lines; `whitespace`: columns and rows inferred from the layout of the text. */
  layout: 'ruled' | 'whitespace';
  /**
   * For a white-space table, doubts about each row's boundaries (parallel to `rows`; empty when none). A row
   * with a doubt may have lost text to, or taken text from, its neighbour.
   */
  rowDoubts?: string[][];
}

/** Distance (page units) from a cell border within which a glyph centre counts as straddling it. */
const STRADDLE_DISTANCE = 0.75;

/** Ruled tables on a page, from its edges, with the page's glyphs read into their cells. Pure. */
export function edgesToPageTables(
  page: number,
  edges: readonly Edge[],
  glyphs: readonly Glyph[],
  settings: TableFinderSettings = DEFAULT_TABLE_FINDER_SETTINGS,
): { tables: PageTable[]; outside: Glyph[] } {
  const merged = edgesToClosedEdges(edgesToMergedEdges(edges, settings), settings.snapTolerance);
  const intersections = edgesToIntersections(merged, settings.intersectionTolerance);
  const cells = intersectionsToCells(intersections, settings.minCellSize);
  // A table of one cell is a frame or a box around a paragraph, not a table.
  const groups = cellsToTables(cells).filter((g) => g.length >= 2);
  return rectsToPageTables(page, groups, glyphs, 'ruled');
}

/** Read glyphs into given cell groups. Each glyph goes to the smallest cell containing its centre. Pure. */
export function rectsToPageTables(
  page: number,
  groups: readonly (readonly Rect[])[],
  glyphs: readonly Glyph[],
  layout: PageTable['layout'],
): { tables: PageTable[]; outside: Glyph[] } {
  const all = groups.flatMap((g, t) => g.map((rect) => ({ rect, t, glyphs: [] as Glyph[], straddling: 0 })));
  const outside: Glyph[] = [];
  for (const g of glyphs) {
    const cx = (g.x0 + g.x1) / 2;
    const cy = (g.y0 + g.y1) / 2;
    let best: (typeof all)[number] | null = null;
    for (const c of all) {
      const r = c.rect;
      if (cx < r.x0 || cx > r.x1 || cy < r.y0 || cy > r.y1) continue;
      if (!best || area(r) < area(best.rect)) best = c;
    }
    if (!best) {
      // CJK typesetting lets closing punctuation hang past the cell's border (。 outside the last column).
      const hanging = HANGING_PUNCTUATION.test(g.char) ? nearestCellInBand(all, cx, cy, g.size) : null;
      if (hanging) hanging.glyphs.push(g);
      else outside.push(g);
      continue;
    }
    best.glyphs.push(g);
    const r = best.rect;
    const onBorder = Math.min(cx - r.x0, r.x1 - cx) < STRADDLE_DISTANCE && g.x1 - g.x0 > 2 * STRADDLE_DISTANCE;
    if (onBorder && g.char !== ' ' && !HANGING_PUNCTUATION.test(g.char)) best.straddling++;
  }
  const tables = groups.map((group, t) => {
    const cells = all.filter((c) => c.t === t);
    const rowTops = [...new Set(cells.map((c) => c.rect.y0))].sort((a, b) => a - b);
    const rows = rowTops.map((top) =>
      cells
        .filter((c) => c.rect.y0 === top)
        .sort((a, b) => a.rect.x0 - b.rect.x0)
        .map((c): TableCell => ({ rect: c.rect, text: glyphsToText(c.glyphs), straddling: c.straddling })),
    );
    return { page, bounds: tableBounds(group), rows, layout };
  });
  return { tables, outside };
}

/** Punctuation that may hang past the right border of a line. */
const HANGING_PUNCTUATION = /^[。，、；：！？）」』”’.,;:!?)]$/;

/** The cell whose row band holds `cy` and whose left or right border is within one em of `cx`. */
function nearestCellInBand<T extends { rect: Rect }>(cells: readonly T[], cx: number, cy: number, size: number): T | null {
  let best: T | null = null;
  let bestDistance = size;
  for (const c of cells) {
    if (cy < c.rect.y0 || cy > c.rect.y1) continue;
    const distance = cx > c.rect.x1 ? cx - c.rect.x1 : cx < c.rect.x0 ? c.rect.x0 - cx : 0;
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  return best;
}

function area(r: Rect): number {
  return (r.x1 - r.x0) * (r.y1 - r.y0);
}
