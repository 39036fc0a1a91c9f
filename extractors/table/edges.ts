/**
 * Edges to merged edges: nearly-parallel lines snapped together, collinear pieces joined.
 */
import type { Edge } from './edge.js';
import { DEFAULT_TABLE_FINDER_SETTINGS, type TableFinderSettings } from './settings.js';

/** Snap, then join, then drop short edges. Pure. */
export function edgesToMergedEdges(edges: readonly Edge[], settings: TableFinderSettings = DEFAULT_TABLE_FINDER_SETTINGS): Edge[] {
  const h = joinEdges(snapEdges(edges.filter((e) => e.orientation === 'h'), settings.snapTolerance), settings.joinTolerance);
  const v = joinEdges(snapEdges(edges.filter((e) => e.orientation === 'v'), settings.snapTolerance), settings.joinTolerance);
  return [...h, ...v].filter((e) => Math.max(e.x1 - e.x0, e.y1 - e.y0) >= settings.minEdgeLength);
}

/** Move edges whose fixed coordinate (y of a horizontal, x of a vertical) is within `tolerance` to their mean. */
export function snapEdges(edges: readonly Edge[], tolerance: number): Edge[] {
  const key = (e: Edge) => (e.orientation === 'h' ? e.y0 : e.x0);
  const sorted = [...edges].sort((a, b) => key(a) - key(b));
  const out: Edge[] = [];
  let cluster: Edge[] = [];
  const flush = () => {
    if (cluster.length === 0) return;
    const mean = cluster.reduce((s, e) => s + key(e), 0) / cluster.length;
    for (const e of cluster) out.push(e.orientation === 'h' ? { ...e, y0: mean, y1: mean } : { ...e, x0: mean, x1: mean });
    cluster = [];
  };
  for (const e of sorted) {
    // Chain clustering compares with the cluster's first member so a slow drift cannot merge distant lines.
    if (cluster.length > 0 && key(e) - key(cluster[0]!) > tolerance) flush();
    cluster.push(e);
  }
  flush();
  return out;
}

/** Join collinear edges (same fixed coordinate) that overlap or leave a gap of at most `tolerance`. */
export function joinEdges(edges: readonly Edge[], tolerance: number): Edge[] {
  const groups = new Map<number, Edge[]>();
  for (const e of edges) {
    const k = e.orientation === 'h' ? e.y0 : e.x0;
    const list = groups.get(k);
    if (list) list.push(e);
    else groups.set(k, [e]);
  }
  const out: Edge[] = [];
  for (const group of groups.values()) {
    const horizontal = group[0]!.orientation === 'h';
    const start = (e: Edge) => (horizontal ? e.x0 : e.y0);
    const end = (e: Edge) => (horizontal ? e.x1 : e.y1);
    const sorted = [...group].sort((a, b) => start(a) - start(b));
    let current = { ...sorted[0]! };
    for (const e of sorted.slice(1)) {
      if (start(e) <= end(current) + tolerance) {
        if (horizontal) current.x1 = Math.max(current.x1, e.x1);
        else current.y1 = Math.max(current.y1, e.y1);
      } else {
        out.push(current);
        current = { ...e };
      }
    }
    out.push(current);
  }
  return out;
}

/**
 * Close tables left open: producers often draw no bottom border under a row that continues on the next page (and
 * no top border over its continuation), which leaves its vertical lines dangling; and a border drawn at the very
 * edge of the printable area comes out clipped to a hairline that a scan loses (Chromium's right border of a table
 * as wide as the page), which leaves the horizontal lines dangling past the last vertical one. Where two or more
 * edges end together past the last edge across them that they meet, an edge is added across their ends. Where
 * the scan lost such a hairline only along part of a row, the line's pieces are joined across the gap first
 * (`brokenLinesToBridgedLines`). Pure.
 */
export function edgesToClosedEdges(edges: readonly Edge[], tolerance: number): Edge[] {
  const bridge = (es: readonly Edge[]) => brokenLinesToBridgedLines(brokenLinesToBridgedLines(es, tolerance).map(transpose), tolerance).map(transpose);
  const bridged = bridge(edges);
  // Bridged again once the open tops and bottoms are closed: a row cut by the page's end has no line under it
  // until then, and a gap in its border has nothing to be closed by.
  const withEnds = shortLinesToJunctions(bridge([...bridged, ...danglingEndsToEdges(bridged, tolerance, false)]), tolerance);
  // The left and right sides are the top and bottom of the transposed page. A side is open only at the table's
  // outer edge: ends inside it are the pieces of a horizontal line a scan broke, and close nothing.
  return [...withEnds, ...danglingEndsToEdges(withEnds.map(transpose), tolerance, true).map(transpose)];
}

/**
 * The lost stretches of lines a scan broke: a faint border (Chromium's right border, clipped to a hairline at the
 * edge of the printable area) found above and below a stretch where its grey stayed under the ink threshold leaves
 * the row it crosses one cell short. A vertical gap is bridged where the row it lies in is closed around it: another
 * vertical line runs through the whole gap, horizontal lines join the two above and below it, the line meets the
 * grid on one side of the gap at least and no line meets the gap's inside. Neither of its ends
 * may be where a horizontal line crosses the line and runs on: a line that stops between two rows and starts again
 * is a merged cell's, not a broken one. Two tables one above the other, their sides in line, stay apart: no line
 * runs through the space between them. The bridged line replaces its pieces (two edges ending together would
 * otherwise look like two lines left open there). Edges not bridged keep their order. Pure.
 */
function brokenLinesToBridgedLines(edges: readonly Edge[], tolerance: number): Edge[] {
  const hs = edges.filter((e) => e.orientation === 'h');
  const vs = edges.filter((e) => e.orientation === 'v');
  const byX = new Map<number, Edge[]>();
  for (const v of vs) (byX.get(v.x0) ?? byX.set(v.x0, []).get(v.x0)!).push(v);
  const spans = (h: Edge, x: number) => reaches(h, x, tolerance);
  // A horizontal line meeting the line at x at height y and running on past it on both sides.
  const crossesAt = (x: number, y: number) => hs.some((h) => Math.abs(h.y0 - y) <= tolerance && h.x0 < x - tolerance && h.x1 > x + tolerance);
  // Any horizontal line meeting the line at x between two heights (a junction the gap would run through).
  const meetsWithin = (x: number, y0: number, y1: number) => hs.some((h) => h.y0 >= y0 && h.y0 <= y1 && spans(h, x));
  const added: Edge[] = [];
  const replaced = new Set<Edge>();
  for (const [x, pieces] of byX) {
    const sorted = [...pieces].sort((a, b) => a.y0 - b.y0);
    // The run of pieces joined so far; one edge across the whole run replaces them where it bridged a gap, since a
    // cell needs one edge along each of its sides.
    let run = { y0: sorted[0]!.y0, y1: sorted[0]!.y1, bridged: false, pieces: [sorted[0]!] };
    const flush = () => {
      if (!run.bridged) return;
      added.push({ orientation: 'v', x0: x, x1: x, y0: run.y0, y1: run.y1 });
      for (const piece of run.pieces) replaced.add(piece);
    };
    for (const piece of sorted.slice(1)) {
      const [top, bottom] = [run.y1, piece.y0];
      // The line belongs to the grid on one side of the gap at least (a stroke of a character is as long as a short
      // line, and meets none; a faint border breaks into pieces that meet none, between two that do), and no
      // junction lies inside the gap.
      const bridges = bottom - top > tolerance && !crossesAt(x, top) && !crossesAt(x, bottom)
        && (meetsWithin(x, run.y0 - tolerance, run.y1 + tolerance) || meetsWithin(x, piece.y0 - tolerance, piece.y1 + tolerance))
        && !meetsWithin(x, top + tolerance, bottom - tolerance)
        && vs.some((v) => Math.abs(v.x0 - x) > tolerance && v.y0 <= top + tolerance && v.y1 >= bottom - tolerance
          && hs.some((h) => h.y0 <= top + tolerance && h.y0 >= v.y0 - tolerance && spans(h, x) && spans(h, v.x0))
          && hs.some((h) => h.y0 >= bottom - tolerance && h.y0 <= v.y1 + tolerance && spans(h, x) && spans(h, v.x0)));
      if (bridges || bottom - top <= tolerance) {
        run = { y0: run.y0, y1: Math.max(run.y1, piece.y1), bridged: run.bridged || bridges, pieces: [...run.pieces, piece] };
      } else {
        flush();
        run = { y0: piece.y0, y1: piece.y1, bridged: false, pieces: [piece] };
      }
    }
    flush();
  }
  return [...edges.filter((e) => !replaced.has(e)), ...added];
}

/**
 * Share of the stretch from a vertical line's last junction to the next horizontal line past its end that the
 * line must cover to be taken as cut short.
 * @default 0.5
 */
export const DEFAULT_SHORT_LINE_COVER = 0.5;

/**
 * Vertical lines a scan cut short, run on to the horizontal line they stop short of. A ruling line ends where a
 * line crosses it; one whose end dangles short of the next horizontal line that spans it lost its last stretch to
 * the scan (a table's right border at a row the page's end cut, faint at 200 dpi, ending above the edge that closes
 * that row), which leaves the row's last cell without a side. Only a line that covers most of the stretch from its
 * last junction to that horizontal line (`cover`) is run on: a stub is no border. Pure.
 */
function shortLinesToJunctions(edges: readonly Edge[], tolerance: number, cover = DEFAULT_SHORT_LINE_COVER): Edge[] {
  const hs = edges.filter((e) => e.orientation === 'h');
  const spans = (h: Edge, x: number) => reaches(h, x, tolerance);
  return edges.map((v) => {
    if (v.orientation !== 'v') return v;
    const crossing = hs.filter((h) => spans(h, v.x0) && h.y0 >= v.y0 - tolerance && h.y0 <= v.y1 + tolerance);
    if (crossing.length < 2) return v;
    const lastJunction = Math.max(...crossing.map((h) => h.y0));
    const firstJunction = Math.min(...crossing.map((h) => h.y0));
    const below = hs.filter((h) => spans(h, v.x0) && h.y0 > v.y1 + tolerance).sort((a, b) => a.y0 - b.y0)[0];
    const above = hs.filter((h) => spans(h, v.x0) && h.y0 < v.y0 - tolerance).sort((a, b) => b.y0 - a.y0)[0];
    const runsOn = (from: number, end: number, to: number) => Math.abs(end - from) >= cover * Math.abs(to - from);
    const y1 = below && v.y1 > lastJunction + tolerance && runsOn(lastJunction, v.y1, below.y0) ? below.y0 : v.y1;
    const y0 = above && v.y0 < firstJunction - tolerance && runsOn(firstJunction, v.y0, above.y0) ? above.y0 : v.y0;
    return y0 === v.y0 && y1 === v.y1 ? v : { ...v, y0, y1 };
  });
}

/** Whether horizontal edge `h` reaches across `x`, within `tolerance`. */
function reaches(h: Edge, x: number, tolerance: number): boolean {
  return x >= h.x0 - tolerance && x <= h.x1 + tolerance;
}

/** An edge mirrored over the diagonal: x and y swapped, horizontal for vertical. */
function transpose(e: Edge): Edge {
  return { orientation: e.orientation === 'h' ? 'v' : 'h', x0: e.y0, x1: e.y1, y0: e.x0, y1: e.x1 };
}

/**
 * Horizontal edges across the top or bottom ends of vertical edges that run on past every horizontal one they meet;
 * with `outsideOnly`, only ends past every horizontal edge that spans them (outside the table).
 */
function danglingEndsToEdges(edges: readonly Edge[], tolerance: number, outsideOnly: boolean): Edge[] {
  const hs = edges.filter((e) => e.orientation === 'h');
  const vs = edges.filter((e) => e.orientation === 'v');
  const added: Edge[] = [];
  for (const end of ['top', 'bottom'] as const) {
    const dangling: { x: number; y: number; last: Edge }[] = [];
    for (const v of vs) {
      const crossing = hs.filter((h) => h.y0 >= v.y0 - tolerance && h.y0 <= v.y1 + tolerance && reaches(h, v.x0, tolerance));
      if (crossing.length === 0) continue;
      const y = end === 'bottom' ? v.y1 : v.y0;
      const last = crossing.reduce((a, b) => ((end === 'bottom' ? b.y0 > a.y0 : b.y0 < a.y0) ? b : a));
      if (Math.abs(y - last.y0) <= tolerance) continue;
      const spans = (h: Edge) => reaches(h, v.x0, tolerance);
      if (outsideOnly && hs.some((h) => spans(h) && (end === 'bottom' ? h.y0 > y + tolerance : h.y0 < y - tolerance))) continue;
      dangling.push({ x: v.x0, y, last });
    }
    dangling.sort((a, b) => a.y - b.y);
    let cluster: { x: number; y: number; last: Edge }[] = [];
    const flush = () => {
      if (cluster.length >= 2) {
        const y = cluster.reduce((s, p) => s + p.y, 0) / cluster.length;
        // As wide as the last edge across them: a faint outer line the scan lost over the open end (the table's
        // right border, level with a row cut by the page's end) leaves no end to close there, yet the row's last
        // cell is as wide as the rows above it.
        const x0 = Math.min(...cluster.map((p) => Math.min(p.x, p.last.x0)));
        const x1 = Math.max(...cluster.map((p) => Math.max(p.x, p.last.x1)));
        added.push({ orientation: 'h', x0, x1, y0: y, y1: y });
      }
      cluster = [];
    };
    for (const p of dangling) {
      if (cluster.length > 0 && p.y - cluster[0]!.y > tolerance) flush();
      cluster.push(p);
    }
    flush();
  }
  return added;
}
