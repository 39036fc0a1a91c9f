/**
 * Tables without ruling lines: columns from the header labels' positions, rows from the amount column.
 *
 * Column boundaries are put in the widest vertical channel of white space between two header labels; a row
 * starts at each line of the anchor column (amounts never wrap) and ends at the widest horizontal band of
 * white space before the next one. The result is a `PageTable` like a ruled one, so everything downstream
 * is the same.
 */
import type { Glyph } from '../pdf/glyph.js';
import type { TableProfile } from '../profiles/profile.js';
import type { Rect } from './edge.js';
import { glyphsToLines, lineToText } from './cell-text.js';
import { labelToColumn, type ColumnMap } from './columns.js';
import { rectsToPageTables, type PageTable } from './page-table.js';

/** Tolerances for whitespace tables, as shares of the font size. */
export interface WhitespaceSettings {
  /**
   * A gap wider than this share of the font size separates two header labels on one line.
   * @default 1.5
   */
  labelGap: number;
  /**
   * A horizontal band of white space at least this share of the font size can separate two rows.
   * @default 0.25
   */
  minRowGap: number;
  /**
   * A line closer than this share of the font size under the header, with no digits, is a wrapped header label.
   * @default 0.45
   */
  headerWrapGap: number;
}

export const DEFAULT_WHITESPACE_SETTINGS: WhitespaceSettings = { labelGap: 1.5, minRowGap: 0.25, headerWrapGap: 0.45 };

/** Lines at the foot of a page that are page numbers, not table content. */
const PAGE_NUMBER = /^(?:[-—–\s]*\d+[-—–\s]*|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;

interface Chunk {
  glyphs: Glyph[];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  text: string;
}

/**
 * The table of a page whose text has no ruling lines. `carried` is the previous page's column map, for pages
 * that do not repeat the header. Null when neither a header nor a carried map is there.
 */
export function glyphsToWhitespaceTable(
  page: number,
  glyphs: readonly Glyph[],
  profile: TableProfile,
  carried: ColumnMap | null,
  pageHeight: number,
  settings: WhitespaceSettings = DEFAULT_WHITESPACE_SETTINGS,
): { table: PageTable; outside: Glyph[] } | null {
  const visible = glyphs.filter((g) => g.char !== ' ');
  if (visible.length === 0) return null;
  const lines = glyphsToLines(visible);
  const size = median(visible.map((g) => g.size));

  // Header: consecutive lines whose chunks name columns.
  let headerStart = -1;
  let headerEnd = -1;
  for (let i = 0; i < lines.length; i++) {
    const named = lineToChunks(lines[i]!, size * settings.labelGap).filter((c) => labelToColumn(c.text, profile));
    if (new Set(named.map((c) => labelToColumn(c.text, profile)!.key)).size >= profile.minHeaderMatches) {
      if (headerStart < 0) headerStart = i;
      headerEnd = i;
    } else if (headerStart >= 0) break;
  }
  // A header label that wraps (财政专户拨|款) leaves a line of its own just under the header: close by and
  // with no digits, since every body row has amounts.
  while (headerStart >= 0 && headerEnd + 1 < lines.length) {
    const prevBottom = Math.max(...lines[headerEnd]!.map((g) => g.y1));
    const next = lines[headerEnd + 1]!;
    const gap = Math.min(...next.map((g) => g.y0)) - prevBottom;
    if (gap < size * settings.headerWrapGap && !next.some((g) => /[0-9]/.test(g.char))) headerEnd++;
    else break;
  }
  const headerGlyphs = headerStart >= 0 ? lines.slice(headerStart, headerEnd + 1).flat() : [];
  const headerTop = headerGlyphs.length ? Math.min(...headerGlyphs.map((g) => g.y0)) : -Infinity;
  const headerBottom = headerGlyphs.length ? Math.max(...headerGlyphs.map((g) => g.y1)) : -Infinity;

  const footerTop = pageHeight * 0.9;
  const isFooter = (line: Glyph[]) => line.every((g) => g.y0 >= footerTop) && PAGE_NUMBER.test(lineToText(line).text.trim());
  const bodyLines = lines.filter((l, i) => (headerStart < 0 || i > headerEnd) && !isFooter(l));
  const body = bodyLines.flat().filter((g) => g.y0 >= headerBottom - 0.1);
  if (headerStart < 0 && !carried) return null;

  // Column ranges.
  let columns: { key: string; x0: number; x1: number }[];
  if (headerStart >= 0) {
    const labels = new Map<string, { x0: number; x1: number }>();
    for (const line of lines.slice(headerStart, headerEnd + 1)) {
      for (const chunk of lineToChunks(line, size * settings.labelGap)) {
        const spec = labelToColumn(chunk.text, profile);
        if (spec && !labels.has(spec.key)) labels.set(spec.key, { x0: chunk.x0, x1: chunk.x1 });
      }
    }
    const sorted = [...labels.entries()].map(([key, r]) => ({ key, ...r })).sort((a, b) => a.x0 - b.x0);
    const all = [...body, ...headerGlyphs];
    const left = Math.min(...all.map((g) => g.x0)) - 1;
    const right = Math.max(...all.map((g) => g.x1)) + 1;
    const bounds = sorted.slice(0, -1).map((c, i) => channelBetween(c, sorted[i + 1]!, body));
    columns = sorted.map((c, i) => ({ key: c.key, x0: i === 0 ? left : bounds[i - 1]!, x1: i === sorted.length - 1 ? right : bounds[i]! }));
  } else {
    columns = carried!.columns.map((c) => ({ ...c }));
  }
  if (columns.length === 0) return null;

  // Rows: anchored on the total column (or the first amount-like column present), cut at the widest gaps.
  const anchorKey = ['total', 'fiscal', 'name'].find((k) => columns.some((c) => c.key === k))!;
  const anchorCol = columns.find((c) => c.key === anchorKey)!;
  const inCol = (g: Glyph, c: { x0: number; x1: number }) => (g.x0 + g.x1) / 2 >= c.x0 && (g.x0 + g.x1) / 2 < c.x1;
  const anchorLines = glyphsToLines(body.filter((g) => inCol(g, anchorCol)));
  const top = body.length ? Math.min(...body.map((g) => g.y0)) - 0.5 : headerBottom;
  const bottom = body.length ? Math.max(...body.map((g) => g.y1)) + 0.5 : headerBottom;
  const gaps = horizontalGaps(body, size * settings.minRowGap);
  const cuts: number[] = [];
  anchorLines.forEach((line, k) => {
    if (k === 0) return;
    const prevBottom = Math.max(...anchorLines[k - 1]!.map((g) => g.y1));
    const nextTop = Math.min(...line.map((g) => g.y0));
    cuts.push(widestGapBetween(gaps, prevBottom, nextTop) ?? nextTop - 0.1);
  });
  if (anchorLines.length > 0) {
    // Text above the first anchor that stands apart from it is the end of a row cut by the page break.
    const firstTop = Math.min(...anchorLines[0]!.map((g) => g.y0));
    const typical = cuts.length ? median(cuts.map((c) => gapWidthAt(gaps, c))) : size;
    const above = widestGapBetween(gaps, top, firstTop);
    if (above !== null && gapWidthAt(gaps, above) >= typical * 0.9) cuts.unshift(above);
  }
  const ys = [top, ...cuts, bottom];
  const headerRow: Rect[] = headerStart >= 0 ? columns.map((c) => ({ x0: c.x0, y0: headerTop - 0.5, x1: c.x1, y1: headerBottom + 0.05 })) : [];
  const bodyRows: Rect[] = ys.slice(0, -1).flatMap((y0, i) => columns.map((c) => ({ x0: c.x0, y0, x1: c.x1, y1: ys[i + 1]! })));
  const cells = [...headerRow, ...bodyRows];
  const inTable = new Set<Glyph>([...headerGlyphs, ...body]);
  const { tables, outside } = rectsToPageTables(page, [cells], [...inTable], 'whitespace');
  const table = tables[0]!;
  table.rowDoubts = rowBoundaryDoubts(ys, gaps, body, columns, headerRow.length > 0, size);
  return { table, outside: glyphs.filter((g) => !inTable.has(g)).concat(outside) };
}

/**
 * Doubts about row boundaries: a cut in a band of white space hardly wider than the line spacing inside cells
 * could as well have been between two lines of one cell. Parallel to the table's rows (header row first when
 * there is one).
 */
function rowBoundaryDoubts(
  ys: readonly number[],
  gaps: readonly [number, number][],
  body: readonly Glyph[],
  columns: readonly { x0: number; x1: number }[],
  hasHeader: boolean,
  size: number,
): string[][] {
  const lineGaps: number[] = [];
  for (const col of columns) {
    for (let r = 0; r + 1 < ys.length; r++) {
      const inside = body.filter((g) => (g.x0 + g.x1) / 2 >= col.x0 && (g.x0 + g.x1) / 2 < col.x1 && g.y0 >= ys[r]! && g.y1 <= ys[r + 1]!);
      const lines = glyphsToLines(inside);
      for (let i = 1; i < lines.length; i++) lineGaps.push(Math.min(...lines[i]!.map((g) => g.y0)) - Math.max(...lines[i - 1]!.map((g) => g.y1)));
    }
  }
  const lineGap = lineGaps.length ? median(lineGaps) : size * 0.3;
  const doubts: string[][] = ys.slice(0, -1).map(() => []);
  for (let k = 1; k + 1 < ys.length; k++) {
    const width = gapWidthAt(gaps, ys[k]!);
    if (width < lineGap * 1.5 + size * 0.1) {
      const note = `the boundary with the ${'%'} row was inferred from a gap (${width.toFixed(1)}) hardly wider than the line spacing (${lineGap.toFixed(1)})`;
      doubts[k - 1]!.push(note.replace('%', 'next'));
      doubts[k]!.push(note.replace('%', 'previous'));
    }
  }
  return hasHeader ? [[], ...doubts] : doubts;
}

/** Split a line into chunks at gaps wider than `gap`. */
function lineToChunks(line: readonly Glyph[], gap: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (const g of line) {
    const last = chunks[chunks.length - 1];
    if (last && g.x0 - last.x1 <= gap) {
      last.glyphs.push(g);
      last.x1 = Math.max(last.x1, g.x1);
      last.y0 = Math.min(last.y0, g.y0);
      last.y1 = Math.max(last.y1, g.y1);
      last.text += g.char;
    } else {
      chunks.push({ glyphs: [g], x0: g.x0, x1: g.x1, y0: g.y0, y1: g.y1, text: g.char });
    }
  }
  return chunks;
}

/** The middle of the widest vertical channel free of body glyphs between two labels' centres. */
function channelBetween(a: { x0: number; x1: number }, b: { x0: number; x1: number }, body: readonly Glyph[]): number {
  const from = (a.x0 + a.x1) / 2;
  const to = (b.x0 + b.x1) / 2;
  const spans = body
    .filter((g) => g.x1 > from && g.x0 < to)
    .map((g) => [Math.max(g.x0, from), Math.min(g.x1, to)] as const)
    .sort((p, q) => p[0] - q[0]);
  let best: [number, number] | null = null;
  let cursor = from;
  for (const [s, e] of spans) {
    if (s > cursor && (!best || s - cursor > best[1] - best[0])) best = [cursor, s];
    cursor = Math.max(cursor, e);
  }
  if (to > cursor && (!best || to - cursor > best[1] - best[0])) best = [cursor, to];
  // A channel that touches a label's centre is the label's own text column, not a gap: fall back to the labels.
  if (!best || best[1] - best[0] < 1) return (a.x1 + b.x0) / 2;
  return (best[0] + best[1]) / 2;
}

/** Horizontal bands (y-ranges) free of glyphs, at least `min` tall. */
function horizontalGaps(glyphs: readonly Glyph[], min: number): [number, number][] {
  const spans = glyphs.map((g) => [g.y0, g.y1] as const).sort((p, q) => p[0] - q[0]);
  const gaps: [number, number][] = [];
  let cursor = -Infinity;
  for (const [s, e] of spans) {
    if (cursor > -Infinity && s - cursor >= min) gaps.push([cursor, s]);
    cursor = Math.max(cursor, e);
  }
  return gaps;
}

/** Middle of the widest gap lying within (from, to); the later one on ties (rows are top-aligned more often). */
function widestGapBetween(gaps: readonly [number, number][], from: number, to: number): number | null {
  let best: [number, number] | null = null;
  for (const [s, e] of gaps) {
    if (s < from - 0.01 || e > to + 0.01) continue;
    if (!best || e - s >= best[1] - best[0] - 0.01) best = [s, e];
  }
  return best ? (best[0] + best[1]) / 2 : null;
}

function gapWidthAt(gaps: readonly [number, number][], y: number): number {
  const g = gaps.find(([s, e]) => s <= y && y <= e);
  return g ? g[1] - g[0] : 0;
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
