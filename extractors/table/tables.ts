/**
 * Cells to tables: cells that share a corner belong to one table.
 */
import type { Rect } from './edge.js';

/** Groups of cells, each group one table, tables ordered top to bottom then left to right. Pure. */
export function cellsToTables(cells: readonly Rect[]): Rect[][] {
  const corners = (c: Rect) => [`${c.x0},${c.y0}`, `${c.x1},${c.y0}`, `${c.x0},${c.y1}`, `${c.x1},${c.y1}`];
  const parent = cells.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<string, number>();
  cells.forEach((c, i) => {
    for (const k of corners(c)) {
      const j = owner.get(k);
      if (j === undefined) owner.set(k, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Rect[]>();
  cells.forEach((c, i) => {
    const root = find(i);
    (groups.get(root) ?? groups.set(root, []).get(root)!).push(c);
  });
  return [...groups.values()]
    .map((g) => g.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0))
    .sort((a, b) => a[0]!.y0 - b[0]!.y0 || a[0]!.x0 - b[0]!.x0);
}

/** The bounding box of a table's cells. */
export function tableBounds(cells: readonly Rect[]): Rect {
  return {
    x0: Math.min(...cells.map((c) => c.x0)),
    y0: Math.min(...cells.map((c) => c.y0)),
    x1: Math.max(...cells.map((c) => c.x1)),
    y1: Math.max(...cells.map((c) => c.y1)),
  };
}
