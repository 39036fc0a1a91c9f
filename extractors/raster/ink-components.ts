/**
 * Connected pieces of ink on a grey image (8-connected), found by labelling runs of ink row by row and joining
 * the runs that touch: a page of 3,500 × 2,500 pixels takes tens of milliseconds. For a page, only the pieces'
 * boxes are kept; for a glyph's neighbourhood, the pieces' runs.
 *
 * Coordinates: pixels of the image, origin top-left, ends exclusive.
 */
import type { GreyImage } from './grey-image.js';

/** One connected piece of ink: its bounds (pixels, ends exclusive) and how many pixels it holds. */
export interface InkComponent {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  pixels: number;
}

/** A run of ink on one row: row `y`, columns `x0` to `x1` (pixels, end exclusive). */
export interface RowRun {
  y: number;
  x0: number;
  x1: number;
}

/** A rectangle of an image to label, pixels, ends exclusive. */
export interface PixelRegion {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** What `labelRowRuns` finds: the runs of ink row by row (y, x0, x1 in turn), and the piece each belongs to. */
interface LabelledRuns {
  /** Three numbers a run: its row, its first column and the column after its last. */
  runs: number[];
  /** Each run's piece: the label of the piece's first run, pieces numbered in the order their first runs come. */
  piece: number[];
  /** The labels that name a piece, in the order their first runs come. */
  roots: number[];
}

/**
 * The runs of ink (pixels darker than `inkBelow`) of `region` of an image, row by row and left to right, each
 * labelled with its 8-connected piece: a run joins the runs of the row above that it touches, diagonals included.
 */
function labelRowRuns(image: Pick<GreyImage, 'width' | 'height' | 'data'>, inkBelow: number, region: PixelRegion): LabelledRuns {
  const { width, data } = image;
  // Runs of the previous and the current row: start, end (exclusive), label.
  let previous: number[] = [];
  const parent: number[] = [];
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]!]!;
      a = parent[a]!;
    }
    return a;
  };
  const runs: number[] = [];
  const labels: number[] = [];
  for (let y = region.y0; y < region.y1; y++) {
    const current: number[] = [];
    const row = y * width;
    let k = 0;
    for (let x = region.x0; x < region.x1; ) {
      if (data[row + x]! >= inkBelow) {
        x++;
        continue;
      }
      const start = x;
      while (x < region.x1 && data[row + x]! < inkBelow) x++;
      let label = -1;
      // Runs of the row above that touch this one, diagonals included.
      while (k < previous.length && previous[k + 1]! < start) k += 3;
      for (let j = k; j < previous.length && previous[j]! <= x; j += 3) {
        const other = find(previous[j + 2]!);
        if (label < 0) label = other;
        else if (other !== label) parent[other] = label;
      }
      if (label < 0) {
        label = parent.length;
        parent.push(label);
      }
      current.push(start, x, label);
      runs.push(y, start, x);
      labels.push(label);
    }
    previous = current;
  }
  const roots: number[] = [];
  for (let label = 0; label < parent.length; label++) if (parent[label] === label) roots.push(label);
  return { runs, piece: labels.map(find), roots };
}

/** The whole of an image, as a region to label. */
const wholeImage = (image: Pick<GreyImage, 'width' | 'height'>): PixelRegion => ({ x0: 0, y0: 0, x1: image.width, y1: image.height });

/** The 8-connected pieces of ink (pixels darker than `inkBelow`) of `image`, in no particular order. Pure. */
export function greyToInkComponents(image: GreyImage, inkBelow: number): InkComponent[] {
  const { runs, piece, roots } = labelRowRuns(image, inkBelow, wholeImage(image));
  // Indexed by label: a page holds thousands of pieces and hundreds of thousands of runs.
  const boxes: InkComponent[] = [];
  for (const label of roots) boxes[label] = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity, pixels: 0 };
  for (let r = 0; r < piece.length; r++) {
    const box = boxes[piece[r]!]!;
    const y = runs[3 * r]!;
    const x0 = runs[3 * r + 1]!;
    const x1 = runs[3 * r + 2]!;
    if (x0 < box.x0) box.x0 = x0;
    if (y < box.y0) box.y0 = y;
    if (x1 > box.x1) box.x1 = x1;
    if (y + 1 > box.y1) box.y1 = y + 1;
    box.pixels += x1 - x0;
  }
  return roots.map((label) => boxes[label]!);
}

/**
 * The 8-connected pieces of ink (pixels darker than `inkBelow`) of `region` of an image (the whole of it by default),
 * each as its runs, row by row and left to right; pieces in the order their first runs come. Pure.
 */
export function greyToInkPieces(image: Pick<GreyImage, 'width' | 'height' | 'data'>, inkBelow: number, region: PixelRegion = wholeImage(image)): RowRun[][] {
  const { runs, piece, roots } = labelRowRuns(image, inkBelow, region);
  const pieces = new Map(roots.map((label) => [label, [] as RowRun[]]));
  for (let r = 0; r < piece.length; r++) pieces.get(piece[r]!)!.push({ y: runs[3 * r]!, x0: runs[3 * r + 1]!, x1: runs[3 * r + 2]! });
  return [...pieces.values()];
}

/** White that a piece of ink encloses: its centre (pixels of the image, origin top-left) and how many pixels it holds. */
export interface InkHole {
  cx: number;
  cy: number;
  pixels: number;
}

/**
 * The holes of ink given as runs: the 4-connected regions of white inside the runs' bounds that do not reach those
 * bounds' edge (4-connected white is the counterpart of 8-connected ink: white that only touches white diagonally
 * is cut off by the ink between). In no particular order. Pure.
 */
export function runsToHoles(runs: readonly RowRun[]): InkHole[] {
  if (runs.length === 0) return [];
  const x0 = Math.min(...runs.map((r) => r.x0));
  const x1 = Math.max(...runs.map((r) => r.x1));
  const y0 = Math.min(...runs.map((r) => r.y));
  const y1 = Math.max(...runs.map((r) => r.y)) + 1;
  const w = x1 - x0;
  const h = y1 - y0;
  // 1: ink; 2: white reached from the edge; 0: white not yet reached.
  const mask = new Uint8Array(w * h);
  for (const r of runs) mask.fill(1, (r.y - y0) * w + (r.x0 - x0), (r.y - y0) * w + (r.x1 - x0));
  const fill = (start: number, mark: number): number[] => {
    const region = [start];
    mask[start] = mark;
    for (let k = 0; k < region.length; k++) {
      const at = region[k]!;
      const x = at % w;
      for (const next of [x > 0 ? at - 1 : -1, x < w - 1 ? at + 1 : -1, at - w, at + w]) {
        if (next >= 0 && next < mask.length && mask[next] === 0) {
          mask[next] = mark;
          region.push(next);
        }
      }
    }
    return region;
  };
  for (let x = 0; x < w; x++) for (const at of [x, (h - 1) * w + x]) if (mask[at] === 0) fill(at, 2);
  for (let y = 0; y < h; y++) for (const at of [y * w, y * w + w - 1]) if (mask[at] === 0) fill(at, 2);
  const holes: InkHole[] = [];
  for (let at = 0; at < mask.length; at++) {
    if (mask[at] !== 0) continue;
    const region = fill(at, 3);
    let sumX = 0;
    let sumY = 0;
    for (const k of region) {
      sumX += k % w;
      sumY += Math.floor(k / w);
    }
    holes.push({ cx: x0 + sumX / region.length + 0.5, cy: y0 + sumY / region.length + 0.5, pixels: region.length });
  }
  return holes;
}
