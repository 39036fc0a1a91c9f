/**
 * Merged edges to intersections: the points where a horizontal and a vertical ruling line cross or touch.
 */
import type { Edge } from './edge.js';

/** An intersection and the edges through it. Keyed by `pointKey`. */
export interface Intersection {
  x: number;
  y: number;
  h: Edge[];
  v: Edge[];
}

export function pointKey(x: number, y: number): string {
  return `${x},${y}`;
}

/** Every crossing of a horizontal and a vertical edge, within `tolerance` (page units). Pure. */
export function edgesToIntersections(edges: readonly Edge[], tolerance: number): Map<string, Intersection> {
  const hs = edges.filter((e) => e.orientation === 'h').sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const vs = edges.filter((e) => e.orientation === 'v').sort((a, b) => a.x0 - b.x0 || a.y0 - b.y0);
  const out = new Map<string, Intersection>();
  for (const v of vs) {
    for (const h of hs) {
      if (h.y0 < v.y0 - tolerance || h.y0 > v.y1 + tolerance) continue;
      if (v.x0 < h.x0 - tolerance || v.x0 > h.x1 + tolerance) continue;
      const key = pointKey(v.x0, h.y0);
      const found = out.get(key);
      if (found) {
        if (!found.h.includes(h)) found.h.push(h);
        if (!found.v.includes(v)) found.v.push(v);
      } else {
        out.set(key, { x: v.x0, y: h.y0, h: [h], v: [v] });
      }
    }
  }
  return out;
}
