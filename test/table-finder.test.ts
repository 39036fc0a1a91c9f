import { describe, expect, it } from 'vitest';
import { horizontalEdge, verticalEdge, type Edge, type Rect } from '../extractors/table/edge.js';
import { edgesToClosedEdges, edgesToMergedEdges, joinEdges, snapEdges } from '../extractors/table/edges.js';
import { edgesToIntersections, pointKey } from '../extractors/table/intersections.js';
import { intersectionsToCells } from '../extractors/table/cells.js';
import { cellsToTables, tableBounds } from '../extractors/table/tables.js';
import { edgesToPageTables } from '../extractors/table/page-table.js';
import { DEFAULT_TABLE_FINDER_SETTINGS } from '../extractors/table/settings.js';
import { operatorListToEdges } from '../extractors/pdf/ruling-lines.js';
import { OPS } from '../extractors/pdf/pdfjs.js';
import { glyphRun } from './helpers/builders.js';

/** A full grid: horizontal lines at `ys` spanning all `xs`, vertical lines at `xs` spanning all `ys`. */
function grid(xs: number[], ys: number[]): Edge[] {
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  return [...ys.map((y) => horizontalEdge(x0, x1, y)), ...xs.map((x) => verticalEdge(x, y0, y1))];
}

function cellsOf(edges: Edge[], minCellSize = DEFAULT_TABLE_FINDER_SETTINGS.minCellSize): Rect[] {
  return intersectionsToCells(edgesToIntersections(edges, DEFAULT_TABLE_FINDER_SETTINGS.intersectionTolerance), minCellSize);
}

const byPosition = (a: Rect, b: Rect) => a.y0 - b.y0 || a.x0 - b.x0;
const sortRects = (rs: Rect[]) => [...rs].sort(byPosition);
const sortEdges = (es: Edge[]) => [...es].sort((a, b) => a.orientation.localeCompare(b.orientation) || a.y0 - b.y0 || a.x0 - b.x0);

describe('edgesToMergedEdges', () => {
  it('snaps parallel horizontal lines within the snap tolerance to their mean and joins them into one', () => {
    const merged = edgesToMergedEdges([horizontalEdge(0, 100, 50), horizontalEdge(0, 100, 52)]);
    expect(merged).toEqual([horizontalEdge(0, 100, 51)]);
  });

  it('snaps vertical lines within the tolerance to their mean x', () => {
    const merged = edgesToMergedEdges([verticalEdge(10, 0, 40), verticalEdge(11.5, 40, 80)]);
    expect(merged).toEqual([verticalEdge(10.75, 0, 80)]);
  });

  it('keeps parallel lines further apart than the snap tolerance as separate lines', () => {
    const merged = sortEdges(edgesToMergedEdges([horizontalEdge(0, 100, 50), horizontalEdge(0, 100, 54)]));
    expect(merged).toEqual([horizontalEdge(0, 100, 50), horizontalEdge(0, 100, 54)]);
  });

  it('compares each line with the first of its cluster, so a slow drift does not merge distant lines', () => {
    const snapped = snapEdges([horizontalEdge(0, 10, 0), horizontalEdge(0, 10, 2), horizontalEdge(0, 10, 4)], 3);
    expect(snapped.map((e) => e.y0)).toEqual([1, 1, 4]);
  });

  it('joins collinear pieces drawn cell by cell with a gap of at most the join tolerance', () => {
    const merged = edgesToMergedEdges([horizontalEdge(0, 50, 20), horizontalEdge(52.5, 100, 20), horizontalEdge(100, 150, 20)]);
    expect(merged).toEqual([horizontalEdge(0, 150, 20)]);
  });

  it('joins overlapping collinear pieces into their union', () => {
    expect(joinEdges([verticalEdge(5, 0, 60), verticalEdge(5, 10, 30)], 3)).toEqual([verticalEdge(5, 0, 60)]);
  });

  it('keeps collinear pieces with a gap wider than the join tolerance apart', () => {
    const merged = sortEdges(edgesToMergedEdges([horizontalEdge(0, 50, 20), horizontalEdge(60, 100, 20)]));
    expect(merged).toEqual([horizontalEdge(0, 50, 20), horizontalEdge(60, 100, 20)]);
  });

  it('drops merged edges shorter than minEdgeLength but keeps short pieces that join into a long line', () => {
    const merged = edgesToMergedEdges([
      horizontalEdge(0, 2, 100), // 2 long, alone: dropped
      verticalEdge(300, 0, 2), // 2 long, alone: dropped
      horizontalEdge(0, 2, 200), // three 2-long pieces joined: 6 long, kept
      horizontalEdge(2, 4, 200),
      horizontalEdge(4, 6, 200),
    ]);
    expect(merged).toEqual([horizontalEdge(0, 6, 200)]);
  });
});

describe('edgesToIntersections', () => {
  it('finds the four corners where two horizontal and two vertical lines cross', () => {
    const map = edgesToIntersections(grid([0, 100], [0, 20]), 3);
    expect([...map.keys()].sort()).toEqual(['0,0', '0,20', '100,0', '100,20']);
    const corner = map.get(pointKey(100, 20))!;
    expect(corner.h).toEqual([horizontalEdge(0, 100, 20)]);
    expect(corner.v).toEqual([verticalEdge(100, 0, 20)]);
  });

  it('counts a line that stops within the tolerance short of another as touching it, at the vertical’s x and the horizontal’s y', () => {
    const map = edgesToIntersections([horizontalEdge(0, 98, 10), verticalEdge(100, 12, 50)], 3);
    expect([...map.values()].map((p) => [p.x, p.y])).toEqual([[100, 10]]);
  });

  it('finds no intersection where the lines miss each other by more than the tolerance', () => {
    expect(edgesToIntersections([horizontalEdge(0, 90, 10), verticalEdge(100, 0, 50)], 3).size).toBe(0);
    expect(edgesToIntersections([horizontalEdge(0, 200, 10), verticalEdge(100, 20, 50)], 3).size).toBe(0);
  });

  it('gives a T-junction (a vertical ending on a horizontal) an intersection', () => {
    const map = edgesToIntersections([horizontalEdge(0, 200, 40), verticalEdge(100, 0, 40)], 3);
    expect(map.has(pointKey(100, 40))).toBe(true);
    expect(map.size).toBe(1);
  });
});

describe('intersectionsToCells', () => {
  it('gives a grid of 3 columns and 2 rows 6 cells with the right rectangles', () => {
    const cells = cellsOf(grid([0, 100, 200, 300], [0, 20, 40]));
    expect(sortRects(cells)).toEqual([
      { x0: 0, y0: 0, x1: 100, y1: 20 },
      { x0: 100, y0: 0, x1: 200, y1: 20 },
      { x0: 200, y0: 0, x1: 300, y1: 20 },
      { x0: 0, y0: 20, x1: 100, y1: 40 },
      { x0: 100, y0: 20, x1: 200, y1: 40 },
      { x0: 200, y0: 20, x1: 300, y1: 40 },
    ]);
  });

  it('gives a cell merged over two columns (no line between them) one rectangle spanning both', () => {
    const edges = [
      horizontalEdge(0, 300, 0),
      horizontalEdge(0, 300, 20),
      horizontalEdge(0, 300, 40),
      verticalEdge(0, 0, 40),
      verticalEdge(100, 0, 20), // stops at the second row: row 2's first two columns are one cell
      verticalEdge(200, 0, 40),
      verticalEdge(300, 0, 40),
    ];
    expect(sortRects(cellsOf(edges))).toEqual([
      { x0: 0, y0: 0, x1: 100, y1: 20 },
      { x0: 100, y0: 0, x1: 200, y1: 20 },
      { x0: 200, y0: 0, x1: 300, y1: 20 },
      { x0: 0, y0: 20, x1: 200, y1: 40 },
      { x0: 200, y0: 20, x1: 300, y1: 40 },
    ]);
  });

  it('drops the slivers between the two strokes of a double line as smaller than minCellSize', () => {
    // Double bottom border at y = 40 and y = 41 (not snapped here: straight to intersections).
    const edges = [...grid([0, 100, 200, 300], [0, 20, 40]), horizontalEdge(0, 300, 41), ...[0, 100, 200, 300].map((x) => verticalEdge(x, 40, 41))];
    const cells = cellsOf(edges, 2);
    expect(cells).toHaveLength(6);
    expect(cells.every((c) => c.y1 - c.y0 >= 2)).toBe(true);
    // With no minimum the three 1-unit slivers are there: the filter is what removed them.
    expect(cellsOf(edges, 0)).toHaveLength(9);
  });
});

describe('cellsToTables', () => {
  it('splits two separate grids into two tables, ordered top to bottom', () => {
    const lower = cellsOf(grid([0, 100, 200], [300, 320, 340])); // 4 cells
    const upper = cellsOf(grid([50, 150], [10, 30, 50, 70])); // 3 cells
    const tables = cellsToTables([...lower, ...upper]);
    expect(tables).toHaveLength(2);
    expect(tables[0]).toHaveLength(3);
    expect(tables[1]).toHaveLength(4);
    expect(tableBounds(tables[0]!)).toEqual({ x0: 50, y0: 10, x1: 150, y1: 70 });
    expect(tableBounds(tables[1]!)).toEqual({ x0: 0, y0: 300, x1: 200, y1: 340 });
  });

  it('orders the cells of a table top to bottom, then left to right', () => {
    const cells = cellsOf(grid([0, 100, 200], [0, 20, 40]));
    const [table] = cellsToTables([...cells].reverse());
    expect(table!.map((c) => [c.x0, c.y0])).toEqual([
      [0, 0],
      [100, 0],
      [0, 20],
      [100, 20],
    ]);
  });
});

describe('edgesToClosedEdges', () => {
  it('closes a grid whose last row has no bottom line (a page break) so that the last row becomes cells', () => {
    // Horizontal lines at 0 and 20 only; the verticals run on to 40 where the page cut the row.
    const open = [horizontalEdge(0, 200, 0), horizontalEdge(0, 200, 20), verticalEdge(0, 0, 40), verticalEdge(100, 0, 40), verticalEdge(200, 0, 40)];
    expect(cellsOf(open)).toHaveLength(2);
    const closed = edgesToClosedEdges(open, 3);
    expect(closed.slice(0, open.length)).toEqual(open);
    expect(closed.slice(open.length)).toEqual([horizontalEdge(0, 200, 40)]);
    expect(sortRects(cellsOf(closed)).filter((c) => c.y0 === 20)).toEqual([
      { x0: 0, y0: 20, x1: 100, y1: 40 },
      { x0: 100, y0: 20, x1: 200, y1: 40 },
    ]);
  });

  it('closes the top of a continuation whose first row has no top line', () => {
    const open = [horizontalEdge(0, 200, 30), horizontalEdge(0, 200, 60), verticalEdge(0, 10, 60), verticalEdge(200, 10.5, 60)];
    const added = edgesToClosedEdges(open, 3).slice(open.length);
    expect(added).toEqual([horizontalEdge(0, 200, 10.25)]);
  });

  it('closes a row cut by the page’s end whose right border the scan lost there: the bottom as wide as the row above', () => {
    // The right border (x 200) was found only down to 12, a faint line the scan broke; the verticals at 0 and 100
    // run on to 40, where the page cut the row. The bottom closes from 0 to 200, and the right side then has two
    // ends to close at 200 (the line at 20 and the new bottom), closed as tall as the vertical at 100.
    const open = [horizontalEdge(0, 200, 0), horizontalEdge(0, 200, 20), verticalEdge(0, 0, 40), verticalEdge(100, 0, 40), verticalEdge(200, 0, 12)];
    const closed = edgesToClosedEdges(open, 3);
    expect(closed.slice(open.length)).toEqual([horizontalEdge(0, 200, 40), verticalEdge(200, 0, 40)]);
    expect(sortRects(cellsOf(closed)).filter((c) => c.y0 === 20)).toEqual([
      { x0: 0, y0: 20, x1: 100, y1: 40 },
      { x0: 100, y0: 20, x1: 200, y1: 40 },
    ]);
  });

  it('runs on a border the scan cut short of the edge that closes a row cut by the page’s end, so the row keeps its last cell', () => {
    // The right border (x 200) stops at 34, short of the bottom at 40 where the page cut the row (a faint line's
    // last stretch lost at 200 dpi, skewed); the verticals at 0 and 100 run on to 40 and close the row there.
    const open = [horizontalEdge(0, 200, 0), horizontalEdge(0, 200, 20), verticalEdge(0, 0, 40), verticalEdge(100, 0, 40), verticalEdge(200, 0, 34)];
    const closed = edgesToClosedEdges(open, 3);
    expect(closed).toContainEqual(verticalEdge(200, 0, 40));
    expect(sortRects(cellsOf(closed)).filter((c) => c.y0 === 20)).toEqual([
      { x0: 0, y0: 20, x1: 100, y1: 40 },
      { x0: 100, y0: 20, x1: 200, y1: 40 },
    ]);
    // A stub below the last line is no border: it covers too little of the row to be run on.
    const stub = [horizontalEdge(0, 200, 0), horizontalEdge(0, 200, 20), horizontalEdge(0, 200, 60), verticalEdge(0, 0, 60), verticalEdge(100, 0, 60), verticalEdge(200, 0, 26)];
    expect(edgesToClosedEdges(stub, 3)).toContainEqual(verticalEdge(200, 0, 26));
  });

  it('closes a side whose border is missing where the horizontal lines end together past the last vertical', () => {
    // Verticals at 0 and 100 only; the three horizontals run on to 200, where the right border was lost.
    const open = [horizontalEdge(0, 200, 0), horizontalEdge(0, 200.5, 20), horizontalEdge(0, 200, 40), verticalEdge(0, 0, 40), verticalEdge(100, 0, 40)];
    expect(cellsOf(open)).toHaveLength(2);
    const added = edgesToClosedEdges(open, 3).slice(open.length);
    expect(added).toEqual([verticalEdge((200 + 200.5 + 200) / 3, 0, 40)]);
    expect(sortRects(cellsOf([...open, ...added])).filter((c) => c.x0 === 100)).toHaveLength(2);
  });

  it('closes no side at the ends of a horizontal line broken inside the table (a scan\'s gap), and bridges the gap', () => {
    // The line at y = 20 is broken at 120–130 inside the last column: its pieces end at 120 and start at 130 with
    // the vertical at 200 beyond them, so neither end is outside the table. The lines at 0 and 40 run through the gap.
    const edges = [...grid([0, 100, 200], [0, 40]), horizontalEdge(0, 120, 20), horizontalEdge(130, 200, 20), horizontalEdge(0, 120, 30), horizontalEdge(130, 200, 30)];
    const closed = edgesToClosedEdges(edges, 3);
    // Each line's two pieces are replaced by one line across the gap; nothing else is added.
    expect(sortEdges(closed)).toEqual(sortEdges([...grid([0, 100, 200], [0, 40]), horizontalEdge(0, 200, 20), horizontalEdge(0, 200, 30)]));
    expect(sortRects(cellsOf(closed)).filter((c) => c.x0 === 100)).toEqual([
      { x0: 100, y0: 0, x1: 200, y1: 20 },
      { x0: 100, y0: 20, x1: 200, y1: 30 },
      { x0: 100, y0: 30, x1: 200, y1: 40 },
    ]);
  });

  it('bridges a faint right border the scan lost inside one row, so the row keeps its last cell', () => {
    // --fresh18's KaitiM page at 200 dpi: the right border (x 200) was found down to 50 and again from 70, inside
    // the row 20–80; that row's last cell was lost, and with it every indicator of the project.
    const edges = [...grid([0, 100], [0, 20, 80, 100]).map((e) => (e.orientation === 'h' ? { ...e, x1: 200 } : e)), verticalEdge(200, 0, 50), verticalEdge(200, 70, 100)];
    expect(sortRects(cellsOf(edges)).filter((c) => c.x0 === 100)).toHaveLength(2);
    const closed = edgesToClosedEdges(edges, 3);
    expect(sortEdges(closed)).toEqual(sortEdges([...edges.slice(0, -2), verticalEdge(200, 0, 100)]));
    expect(sortRects(cellsOf(closed)).filter((c) => c.x0 === 100)).toEqual([
      { x0: 100, y0: 0, x1: 200, y1: 20 },
      { x0: 100, y0: 20, x1: 200, y1: 80 },
      { x0: 100, y0: 80, x1: 200, y1: 100 },
    ]);
  });

  it('bridges a faint border broken into pieces that meet no line, between two that do (--fresh19\'s FandolFang, 200 dpi)', () => {
    const edges = [...grid([0, 100], [0, 20, 100]).map((e) => (e.orientation === 'h' ? { ...e, x1: 200 } : e)),
      verticalEdge(200, 0, 30), verticalEdge(200, 40, 50), verticalEdge(200, 60, 70), verticalEdge(200, 80, 100)];
    expect(sortEdges(edgesToClosedEdges(edges, 3))).toEqual(sortEdges([...edges.slice(0, -4), verticalEdge(200, 0, 100)]));
  });

  it('bridges a gap in the border of a row cut by the page\'s end once its open bottom is closed', () => {
    // The row 20–80 has no line under it; its right border was found from 20 to 50 and from 65 to 80.
    const edges = [horizontalEdge(0, 200, 0), horizontalEdge(0, 200, 20), verticalEdge(0, 0, 80), verticalEdge(100, 0, 80), verticalEdge(200, 0, 50), verticalEdge(200, 65, 80)];
    const cells = sortRects(cellsOf(edgesToClosedEdges(edges, 3)));
    expect(cells.filter((c) => c.y0 === 20)).toEqual([{ x0: 0, y0: 20, x1: 100, y1: 80 }, { x0: 100, y0: 20, x1: 200, y1: 80 }]);
  });

  it('does not split a merged cell: a vertical line that stops at a row boundary and starts again below it', () => {
    // The middle row (20–40) is one cell across both columns: the line at 100 stops at 20 and starts at 40, where
    // the horizontal lines run on past it on both sides.
    const edges = [horizontalEdge(0, 200, 0), horizontalEdge(0, 200, 20), horizontalEdge(0, 200, 40), horizontalEdge(0, 200, 60),
      verticalEdge(0, 0, 60), verticalEdge(200, 0, 60), verticalEdge(100, 0, 20), verticalEdge(100, 40, 60)];
    expect(edgesToClosedEdges(edges, 3)).toEqual(edges);
  });

  it('does not join two tables one above the other whose sides are in line', () => {
    const edges = [...grid([0, 100, 200], [0, 20, 40]), ...grid([0, 100, 200], [80, 100, 120])];
    expect(edgesToClosedEdges(edges, 3)).toEqual(edges);
  });

  it('does not add a line for a single dangling vertical', () => {
    const edges = [...grid([0, 100, 200], [0, 20, 40]).filter((e) => !(e.orientation === 'v' && e.x0 === 100)), verticalEdge(100, 0, 60)];
    expect(edgesToClosedEdges(edges, 3)).toEqual(edges);
  });

  it('adds nothing to a closed grid', () => {
    const edges = grid([0, 100, 200], [0, 20, 40]);
    expect(edgesToClosedEdges(edges, 3)).toEqual(edges);
  });
});

describe('edgesToPageTables', () => {
  // Two columns (0–100, 100–300), three rows (0–20, 20–60, 60–80), top of the table at y = 100.
  const edges = grid([0, 100, 300], [100, 120, 160, 180]);

  it('reads each glyph into the cell that contains its centre, and rows top to bottom, cells left to right', () => {
    const glyphs = [
      ...glyphRun('项目名称', 5, 105, { run: 0 }),
      ...glyphRun('绩效目标', 105, 105, { run: 1 }),
      ...glyphRun('合计', 5, 165, { run: 4 }),
      ...glyphRun('100.00', 105, 165, { size: 10, advance: 5, run: 5 }),
    ];
    const { tables, outside } = edgesToPageTables(3, edges, [...glyphs].reverse());
    expect(outside).toEqual([]);
    expect(tables).toHaveLength(1);
    const table = tables[0]!;
    expect(table.page).toBe(3);
    expect(table.layout).toBe('ruled');
    expect(table.bounds).toEqual({ x0: 0, y0: 100, x1: 300, y1: 180 });
    expect(table.rows.map((r) => r.map((c) => c.text.text))).toEqual([
      ['项目名称', '绩效目标'],
      ['', ''],
      ['合计', '100.00'],
    ]);
    expect(table.rows[2]![1]!.rect).toEqual({ x0: 100, y0: 160, x1: 300, y1: 180 });
    expect(table.rows.flat().every((c) => c.straddling === 0)).toBe(true);
  });

  it('reads a cell of several lines top to bottom, joining Chinese lines with nothing', () => {
    const glyphs = [...glyphRun('第二行', 105, 138, { run: 2 }), ...glyphRun('第一行', 105, 124, { run: 1 }), ...glyphRun('尾', 105, 150, { run: 3 })];
    const { tables } = edgesToPageTables(1, edges, glyphs);
    const cell = tables[0]!.rows[1]![1]!;
    expect(cell.text.text).toBe('第一行第二行尾');
    expect(cell.text.boxes[0]).toEqual({ page: 1, bbox: [105, 124, 115, 134] });
    expect(cell.text.boxes[3]).toEqual({ page: 1, bbox: [105, 138, 115, 148] });
  });

  it('keeps closing punctuation that hangs past the last column’s border in that cell, and only punctuation', () => {
    const glyphs = [...glyphRun('年度指标值:5家', 220, 124, { size: 10, advance: 10, run: 1 }), ...glyphRun('。', 301, 124, { run: 2 }), ...glyphRun('注', 301, 140, { run: 3 })];
    const { tables, outside } = edgesToPageTables(1, edges, glyphs);
    expect(tables[0]!.rows[1]![1]!.text.text).toBe('年度指标值:5家。');
    expect(outside.map((g) => g.char)).toEqual(['注']);
  });

  it('puts glyphs outside every table (title, footer) in outside', () => {
    const title = glyphRun('项目支出绩效目标表', 20, 50);
    const footer = glyphRun('第1页', 20, 700);
    const inside = glyphRun('合计', 5, 165);
    const { tables, outside } = edgesToPageTables(1, edges, [...title, ...inside, ...footer]);
    expect(outside.map((g) => g.char).join('')).toBe('项目支出绩效目标表第1页');
    expect(tables[0]!.rows[2]![0]!.text.text).toBe('合计');
  });

  it('counts a glyph whose centre sits on a column line as straddling', () => {
    // Centre at x = 100.5: inside the right cell, 0.5 from its border.
    const { tables } = edgesToPageTables(1, edges, glyphRun('跨', 95.5, 165));
    expect(tables[0]!.rows[2]![1]!.straddling).toBe(1);
    expect(tables[0]!.rows[2]![1]!.text.text).toBe('跨');
  });

  it('does not report a single framed box as a table', () => {
    const { tables, outside } = edgesToPageTables(1, grid([0, 100], [0, 50]), glyphRun('框', 10, 10));
    expect(tables).toEqual([]);
    expect(outside.map((g) => g.char)).toEqual(['框']);
  });

  it('finds a table whose bottom line the page break left out, closed and read', () => {
    const open = [horizontalEdge(0, 200, 0), horizontalEdge(0, 200, 20), verticalEdge(0, 0, 40), verticalEdge(100, 0, 40), verticalEdge(200, 0, 40)];
    const { tables } = edgesToPageTables(1, open, glyphRun('续', 5, 25));
    expect(tables[0]!.rows).toHaveLength(2);
    expect(tables[0]!.rows[1]![0]!.text.text).toBe('续');
  });
});

describe('operatorListToEdges', () => {
  const PAGE_HEIGHT = 842;
  const viewport = { convertToViewportPoint: (x: number, y: number) => [x, PAGE_HEIGHT - y] };
  const M = 0;
  const L = 1;
  const C = 2;
  const Z = 4;

  /** A constructPath op as pdf.js 5 emits it: `[paintOp, [path data], minMax]`. */
  function path(paintOp: number, data: number[]): [number, unknown[]] {
    return [OPS.constructPath, [paintOp, [new Float32Array(data)], new Float32Array([0, 0, 0, 0])]];
  }
  function rect(x: number, y: number, w: number, h: number): number[] {
    return [M, x, y, L, x + w, y, L, x + w, y + h, L, x, y + h, Z];
  }
  function opList(...ops: [number, unknown][]) {
    return { fnArray: ops.map((o) => o[0]), argsArray: ops.map((o) => o[1]) };
  }

  it('turns a stroked horizontal line into a horizontal edge in top-left page coordinates', () => {
    const edges = operatorListToEdges(opList(path(OPS.stroke, [M, 10, 742, L, 200, 742])), viewport);
    expect(edges).toEqual([horizontalEdge(10, 200, 100)]);
  });

  it('turns a stroked vertical line and a stroked rectangle outline into edges', () => {
    const edges = operatorListToEdges(opList(path(OPS.stroke, [M, 50, 800, L, 50, 700]), path(OPS.closeStroke, rect(0, 0, 100, 20))), viewport);
    expect(sortEdges(edges)).toEqual(
      sortEdges([verticalEdge(50, 42, 142), horizontalEdge(0, 100, 842), horizontalEdge(0, 100, 822), verticalEdge(0, 822, 842), verticalEdge(100, 822, 842)]),
    );
  });

  it('turns a thin filled rectangle into an edge along its long side, at its middle', () => {
    const edges = operatorListToEdges(opList(path(OPS.fill, rect(10, 700, 190, 1)), path(OPS.fill, rect(300, 500, 1, 60))), viewport);
    expect(edges).toEqual([horizontalEdge(10, 200, 141.5), verticalEdge(300.5, 282, 342)]);
  });

  it('does not take a big filled rectangle (a shaded area) for a line', () => {
    expect(operatorListToEdges(opList(path(OPS.fill, rect(10, 500, 200, 100))), viewport)).toEqual([]);
  });

  it('does not take a white stroke or a white fill for a line', () => {
    const ops = opList(
      [OPS.setStrokeRGBColor, ['#ffffff']],
      path(OPS.stroke, [M, 10, 742, L, 200, 742]),
      [OPS.setFillRGBColor, ['#f8f8f8']],
      path(OPS.fill, rect(10, 700, 190, 1)),
    );
    expect(operatorListToEdges(ops, viewport)).toEqual([]);
  });

  it('keeps a coloured stroke after a white one is replaced', () => {
    const ops = opList([OPS.setStrokeRGBColor, ['#ffffff']], [OPS.setStrokeRGBColor, ['#808080']], path(OPS.stroke, [M, 10, 742, L, 200, 742]));
    expect(operatorListToEdges(ops, viewport)).toEqual([horizontalEdge(10, 200, 100)]);
  });

  it('leaves out curves, diagonal strokes and segments shorter than minLength', () => {
    const ops = opList(
      path(OPS.stroke, [M, 10, 742, C, 50, 742, 150, 742, 200, 742]),
      path(OPS.stroke, [M, 10, 742, L, 200, 600]),
      path(OPS.stroke, [M, 10, 742, L, 13, 742]),
    );
    expect(operatorListToEdges(ops, viewport)).toEqual([]);
  });

  it('applies transform to the path coordinates', () => {
    const ops = opList([OPS.transform, [2, 0, 0, 2, 100, 0]], path(OPS.stroke, [M, 0, 371, L, 50, 371]));
    // (0,371)→(100,742), (50,371)→(200,742) in PDF space; y 742 → 100 from the top.
    expect(operatorListToEdges(ops, viewport)).toEqual([horizontalEdge(100, 200, 100)]);
  });

  it('undoes a transform and a colour at restore', () => {
    const ops = opList(
      [OPS.save, null],
      [OPS.transform, [1, 0, 0, 1, 50, -100]],
      [OPS.setStrokeRGBColor, ['#ffffff']],
      [OPS.restore, null],
      path(OPS.stroke, [M, 10, 742, L, 200, 742]),
      [OPS.save, null],
      [OPS.transform, [1, 0, 0, 1, 50, -100]],
      path(OPS.stroke, [M, 10, 742, L, 200, 742]),
      [OPS.restore, null],
      path(OPS.stroke, [M, 10, 642, L, 200, 642]),
    );
    expect(operatorListToEdges(ops, viewport)).toEqual([horizontalEdge(10, 200, 100), horizontalEdge(60, 250, 200), horizontalEdge(10, 200, 200)]);
  });

  it('applies the matrix of a form XObject until its end', () => {
    const ops = opList(
      [OPS.paintFormXObjectBegin, [[1, 0, 0, 1, 0, -42], null]],
      path(OPS.stroke, [M, 10, 742, L, 200, 742]),
      [OPS.paintFormXObjectEnd, []],
      path(OPS.stroke, [M, 10, 742, L, 200, 742]),
    );
    expect(operatorListToEdges(ops, viewport)).toEqual([horizontalEdge(10, 200, 142), horizontalEdge(10, 200, 100)]);
  });
});
