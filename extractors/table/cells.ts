/**
 * Intersections to cells: the smallest rectangles whose four corners are intersections joined by edges.
 */
import type { Rect } from './edge.js';
import { pointKey, type Intersection } from './intersections.js';

/** Cells of the grid, each the smallest closed rectangle at its top-left corner. Pure. */
export function intersectionsToCells(intersections: ReadonlyMap<string, Intersection>, minCellSize: number): Rect[] {
  const points = [...intersections.values()].sort((a, b) => a.x - b.x || a.y - b.y);
  const byX = new Map<number, Intersection[]>();
  const byY = new Map<number, Intersection[]>();
  for (const p of points) {
    (byX.get(p.x) ?? byX.set(p.x, []).get(p.x)!).push(p);
    (byY.get(p.y) ?? byY.set(p.y, []).get(p.y)!).push(p);
  }
  for (const list of byY.values()) list.sort((a, b) => a.x - b.x);

  const cells: Rect[] = [];
  for (const p of points) {
    const below = byX.get(p.x)!.filter((q) => q.y > p.y);
    const right = byY.get(p.y)!.filter((q) => q.x > p.x);
    const cell = smallestCellAt(p, below, right, intersections);
    if (cell && cell.x1 - cell.x0 >= minCellSize && cell.y1 - cell.y0 >= minCellSize) cells.push(cell);
  }
  return cells;
}

function smallestCellAt(
  p: Intersection,
  below: readonly Intersection[],
  right: readonly Intersection[],
  intersections: ReadonlyMap<string, Intersection>,
): Rect | null {
  for (const b of below) {
    if (!sharesEdge(p.v, b.v)) continue;
    for (const r of right) {
      if (!sharesEdge(p.h, r.h)) continue;
      const corner = intersections.get(pointKey(r.x, b.y));
      if (corner && sharesEdge(corner.v, r.v) && sharesEdge(corner.h, b.h)) {
        return { x0: p.x, y0: p.y, x1: r.x, y1: b.y };
      }
    }
  }
  return null;
}

function sharesEdge<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.some((e) => b.includes(e));
}
