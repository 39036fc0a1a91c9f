/**
 * Ruling lines from a page's drawing operators.
 *
 * Producers draw table borders in two ways: stroked paths (LibreOffice, Word) and thin filled rectangles
 * (Chromium, many reporting engines). Both become `Edge`s. Curves, diagonal strokes, large filled areas and
 * white strokes are not ruling lines and are left out.
 */
import { OPS } from './pdfjs.js';
import type { PageViewport } from './pdfjs.js';
import { horizontalEdge, verticalEdge, type Edge } from '../table/edge.js';

/** Tolerances for `operatorListToEdges`, in page units. */
export interface RulingLineSettings {
  /**
   * A filled rectangle at most this thick is a line.
   * @default 3
   */
  maxLineThickness: number;
  /**
   * A segment whose ends differ by at most this across its direction is axis-aligned.
   * @default 0.5
   */
  axisTolerance: number;
  /**
   * Shorter segments are not ruling lines (glyph strokes of Type 3 fonts, underlines of single characters).
   * @default 4
   */
  minLength: number;
}

export const DEFAULT_RULING_LINE_SETTINGS: RulingLineSettings = {
  maxLineThickness: 3,
  axisTolerance: 0.5,
  minLength: 4,
};

type Matrix = [number, number, number, number, number, number];

interface GraphicsState {
  ctm: Matrix;
  fillColor: string;
  strokeColor: string;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const DRAW_MOVE_TO = 0;
const DRAW_LINE_TO = 1;
const DRAW_CURVE_TO = 2;
const DRAW_QUAD_TO = 3;
const DRAW_CLOSE = 4;

const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

/**
 * Edges drawn on a page, from pdf.js's operator list, in viewport coordinates (page units, origin top-left).
 */
export function operatorListToEdges(
  opList: { fnArray: number[]; argsArray: unknown[] },
  viewport: Pick<PageViewport, 'convertToViewportPoint'>,
  settings: RulingLineSettings = DEFAULT_RULING_LINE_SETTINGS,
): Edge[] {
  const edges: Edge[] = [];
  let state: GraphicsState = { ctm: IDENTITY, fillColor: '#000000', strokeColor: '#000000' };
  const stack: GraphicsState[] = [];
  const toPage = (x: number, y: number): [number, number] => {
    const [a, b, c, d, e, f] = state.ctm;
    return viewport.convertToViewportPoint(a * x + c * y + e, b * x + d * y + f) as [number, number];
  };

  for (let i = 0; i < opList.fnArray.length; i++) {
    const fn = opList.fnArray[i]!;
    const args = opList.argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
      case OPS.paintFormXObjectBegin:
        stack.push(state);
        state = { ...state };
        if (fn === OPS.paintFormXObjectBegin && args?.[0]) state.ctm = multiply(state.ctm, toMatrix(args[0]));
        break;
      case OPS.restore:
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.transform:
        if (args) state.ctm = multiply(state.ctm, toMatrix(args));
        break;
      case OPS.setFillRGBColor:
        if (typeof args?.[0] === 'string') state.fillColor = args[0];
        break;
      case OPS.setStrokeRGBColor:
        if (typeof args?.[0] === 'string') state.strokeColor = args[0];
        break;
      case OPS.constructPath: {
        const [paintOp, pathArgs] = (args ?? []) as [number, (ArrayLike<number> | null)[]];
        const data = pathArgs?.[0];
        if (!data) break;
        const subpaths = pathDataToSubpaths(data, toPage);
        if (STROKE_OPS.has(paintOp) && !isWhite(state.strokeColor)) {
          for (const sp of subpaths) edges.push(...subpathToStrokeEdges(sp, settings));
        }
        if (FILL_OPS.has(paintOp) && !isWhite(state.fillColor)) {
          for (const sp of subpaths) {
            const edge = subpathToFilledLine(sp, settings);
            if (edge) edges.push(edge);
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return edges.filter((e) => Math.max(e.x1 - e.x0, e.y1 - e.y0) >= settings.minLength);
}

interface Subpath {
  points: [number, number][];
  closed: boolean;
  curved: boolean;
}

/** Split pdf.js path data (DrawOPS codes and coordinates) into subpaths in page coordinates. */
function pathDataToSubpaths(data: ArrayLike<number>, toPage: (x: number, y: number) => [number, number]): Subpath[] {
  const subpaths: Subpath[] = [];
  let current: Subpath | null = null;
  for (let k = 0; k < data.length; ) {
    const op = data[k++];
    if (op === DRAW_MOVE_TO) {
      current = { points: [toPage(data[k]!, data[k + 1]!)], closed: false, curved: false };
      subpaths.push(current);
      k += 2;
    } else if (op === DRAW_LINE_TO) {
      current?.points.push(toPage(data[k]!, data[k + 1]!));
      k += 2;
    } else if (op === DRAW_CURVE_TO) {
      if (current) current.curved = true;
      current?.points.push(toPage(data[k + 4]!, data[k + 5]!));
      k += 6;
    } else if (op === DRAW_QUAD_TO) {
      if (current) current.curved = true;
      current?.points.push(toPage(data[k + 2]!, data[k + 3]!));
      k += 4;
    } else if (op === DRAW_CLOSE) {
      if (current) current.closed = true;
    } else {
      break; // unknown code: the rest of the buffer cannot be decoded
    }
  }
  return subpaths;
}

/** Axis-aligned segments of a stroked subpath. */
function subpathToStrokeEdges(sp: Subpath, settings: RulingLineSettings): Edge[] {
  if (sp.curved) return [];
  const pts = sp.closed && sp.points.length > 2 ? [...sp.points, sp.points[0]!] : sp.points;
  const edges: Edge[] = [];
  for (let i = 1; i < pts.length; i++) {
    const [ax, ay] = pts[i - 1]!;
    const [bx, by] = pts[i]!;
    if (Math.abs(ay - by) <= settings.axisTolerance && Math.abs(ax - bx) > 0) edges.push(horizontalEdge(ax, bx, (ay + by) / 2));
    else if (Math.abs(ax - bx) <= settings.axisTolerance && Math.abs(ay - by) > 0) edges.push(verticalEdge((ax + bx) / 2, ay, by));
  }
  return edges;
}

/** A filled subpath that is a thin axis-aligned rectangle is a line along its long side. */
function subpathToFilledLine(sp: Subpath, settings: RulingLineSettings): Edge | null {
  if (sp.curved || sp.points.length < 2) return null;
  const xs = sp.points.map((p) => p[0]);
  const ys = sp.points.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  // Only rectangles: every point on the bounding box's outline.
  const onOutline = sp.points.every(
    ([x, y]) =>
      Math.abs(x - x0) <= settings.axisTolerance ||
      Math.abs(x - x1) <= settings.axisTolerance ||
      Math.abs(y - y0) <= settings.axisTolerance ||
      Math.abs(y - y1) <= settings.axisTolerance,
  );
  if (!onOutline || sp.points.length > 6) return null;
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= settings.maxLineThickness && w > h) return horizontalEdge(x0, x1, (y0 + y1) / 2);
  if (w <= settings.maxLineThickness && h > w) return verticalEdge((x0 + x1) / 2, y0, y1);
  return null;
}

function toMatrix(args: unknown): Matrix {
  const m = Array.from(args as ArrayLike<number>);
  return [m[0] ?? 1, m[1] ?? 0, m[2] ?? 0, m[3] ?? 1, m[4] ?? 0, m[5] ?? 0];
}

/** `m2` applied first, then `m1` (PDF's `cm` pre-multiplies the current matrix). */
function multiply(m1: Matrix, m2: Matrix): Matrix {
  const [a1, b1, c1, d1, e1, f1] = m1;
  const [a2, b2, c2, d2, e2, f2] = m2;
  return [
    a2 * a1 + b2 * c1,
    a2 * b1 + b2 * d1,
    c2 * a1 + d2 * c1,
    c2 * b1 + d2 * d1,
    e2 * a1 + f2 * c1 + e1,
    e2 * b1 + f2 * d1 + f1,
  ];
}

function isWhite(hex: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return false;
  return [m[1], m[2], m[3]].every((h) => parseInt(h!, 16) >= 0xf0);
}
