/**
 * A ruling line of a table: horizontal (`y0 === y1`) or vertical (`x0 === x1`).
 *
 * Coordinates: page units (1/72 inch), origin at the top-left of the page; `x0 <= x1`, `y0 <= y1`.
 */
export interface Edge {
  orientation: 'h' | 'v';
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A rectangle in page units, origin top-left. */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function horizontalEdge(x0: number, x1: number, y: number): Edge {
  return { orientation: 'h', x0: Math.min(x0, x1), x1: Math.max(x0, x1), y0: y, y1: y };
}

export function verticalEdge(x: number, y0: number, y1: number): Edge {
  return { orientation: 'v', x0: x, x1: x, y0: Math.min(y0, y1), y1: Math.max(y0, y1) };
}
