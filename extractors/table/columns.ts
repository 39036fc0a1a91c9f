/**
 * Header rows to a column map, and table rows to cells keyed by column.
 *
 * Columns are recognized by their header labels and carried as x-ranges, so a page that does not repeat the
 * header (or a table with merged header cells over two rows) still maps each cell to its column.
 */
import type { Source } from '../../schemas/extraction.js';
import type { ColumnSpec, TableProfile } from '../profiles/profile.js';
import { concatTexts, sliceText, trimText, type PositionedText } from '../text/positioned-text.js';
import { oneSubstitution } from '../text/substitution.js';
import type { TableCell } from './page-table.js';

/**
 * Where each column stands on the page: an x-range in page units (origin top-left), and the header label it
 * was recognized by (white space removed; absent for columns mapped by position).
 */
export interface ColumnMap {
  columns: { key: string; x0: number; x1: number; label?: string }[];
}

/** A table row's content by column key. */
export interface KeyedCell {
  text: PositionedText;
  /** Glyphs that sat on a cell border. */
  straddling: number;
  /** How many drawn cells went into it (more than one: a column split in two by an extra line). */
  parts: number;
  /** The cells' regions (page units, origin top-left): where an empty value was read from. */
  regions: Source[];
  /** Doubts about this cell met while reading it, each with the confidence it caps the cell's values at. */
  doubts?: { cap: number; note: string }[];
}

/**
 * Share of a cell's width that must overlap a column for the cell to belong to it.
 * @default 0.5
 */
export const DEFAULT_MIN_COLUMN_OVERLAP = 0.5;

/** White space removed, so `项 目 名 称` matches `项目名称`. */
export function headerLabel(text: string): string {
  return text.replace(/[\s\u3000]/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/**
 * The column spec a header label names, or null. A label no pattern matches may still be a header word with one
 * character misread (财政拔款): it names the one column whose words it is one substitution from, if only one.
 */
export function labelToColumn(label: string, profile: TableProfile): ColumnSpec | null {
  const normalized = headerLabel(label);
  if (!normalized) return null;
  const exact = profile.columns.find((c) => c.label.test(normalized));
  if (exact) return exact;
  if ([...normalized].length < MIN_FUZZY_WORD_LENGTH) return null;
  const near = profile.columns.filter((c) => (c.words ?? []).some((w) => oneSubstitution(w, normalized) >= 0));
  return near.length === 1 ? near[0]! : null;
}

/** Header words shorter than this are not matched one character off (合计 / 会计 are different words). */
const MIN_FUZZY_WORD_LENGTH = 4;


/** How many distinct columns a row's cells name. */
export function headerMatches(row: readonly TableCell[], profile: TableProfile): number {
  const keys = new Set(row.map((c) => labelToColumn(c.text.text, profile)?.key).filter(Boolean));
  return keys.size;
}

/**
 * The header rows near the top of a table (consecutive rows each naming at least `minHeaderMatches` columns),
 * the column map they give, and how many rows stand above them. `headerRows` counts from the table's top, so
 * `rows.slice(headerRows)` is the body. Null when the table has no header.
 */
export function headerRowsToColumnMap(
  rows: readonly (readonly TableCell[])[],
  profile: TableProfile,
): { map: ColumnMap; headerRows: number; preambleRows: number } | null {
  // Tables exported from spreadsheets often carry the title and 部门名称 in merged rows above the header.
  const preambleRows = rows.slice(0, MAX_PREAMBLE_ROWS + 1).findIndex((row) => headerMatches(row, profile) >= profile.minHeaderMatches);
  if (preambleRows < 0) return null;
  let headerRows = preambleRows;
  while (headerRows < rows.length && headerRows - preambleRows < 3 && headerMatches(rows[headerRows]!, profile) >= profile.minHeaderMatches) headerRows++;
  const byKey = new Map<string, { x0: number; x1: number; width: number; label?: string }>();
  for (const row of rows.slice(preambleRows, headerRows)) {
    for (const cell of row) {
      const spec = labelToColumn(cell.text.text, profile);
      if (!spec) continue;
      const width = cell.rect.x1 - cell.rect.x0;
      const prev = byKey.get(spec.key);
      // A lower header row's narrower cell is the more precise range (资金来源 above 财政拨款).
      if (!prev || width < prev.width) byKey.set(spec.key, { x0: cell.rect.x0, x1: cell.rect.x1, width, label: headerLabel(cell.text.text) });
    }
  }
  // A header cell that names nothing (OCR read nothing in it, or garbage) between two recognized columns with
  // one column of the profile's layout missing between them is that column, mapped by position.
  const order = profile.layoutOrder;
  for (const row of rows.slice(preambleRows, headerRows)) {
    for (const cell of row) {
      if (labelToColumn(cell.text.text, profile)) continue;
      const known = [...byKey.entries()];
      const left = known.filter(([, r]) => r.x1 <= cell.rect.x0 + 1).sort((a, b) => b[1].x1 - a[1].x1)[0];
      const right = known.filter(([, r]) => r.x0 >= cell.rect.x1 - 1).sort((a, b) => a[1].x0 - b[1].x0)[0];
      if (!left || !right) continue;
      const at = order.indexOf(left[0]);
      const missing = order[at + 1];
      if (at < 0 || order.indexOf(right[0]) !== at + 2 || !missing || byKey.has(missing)) continue;
      byKey.set(missing, { x0: cell.rect.x0, x1: cell.rect.x1, width: cell.rect.x1 - cell.rect.x0 });
    }
  }
  const columns = [...byKey.entries()]
    .map(([key, r]) => ({ key, x0: r.x0, x1: r.x1, ...(r.label !== undefined ? { label: r.label } : {}) }))
    .sort((a, b) => a.x0 - b.x0);
  return { map: { columns }, headerRows, preambleRows };
}

/** Rows above the header that a table may hold (title, 部门名称, 单位). */
const MAX_PREAMBLE_ROWS = 4;

/** How well a table's column boundaries line up with a known column map: share of columns matched. */
export function columnMapFit(rows: readonly (readonly TableCell[])[], map: ColumnMap, tolerance = 4): number {
  const lefts = new Set<number>();
  const rights = new Set<number>();
  for (const row of rows) for (const c of row) {
    lefts.add(c.rect.x0);
    rights.add(c.rect.x1);
  }
  const near = (set: Set<number>, x: number) => [...set].some((v) => Math.abs(v - x) <= tolerance);
  const fit = map.columns.filter((c) => near(lefts, c.x0) && near(rights, c.x1)).length;
  return map.columns.length === 0 ? 0 : fit / map.columns.length;
}

/** A row's cells keyed by column; cells that fit no column are returned apart. Pure. */
export function rowToKeyedCells(
  row: readonly TableCell[],
  map: ColumnMap,
  page: number,
  minOverlap = DEFAULT_MIN_COLUMN_OVERLAP,
): { cells: Map<string, KeyedCell>; unplaced: TableCell[]; spanning: TableCell[] } {
  const parts = new Map<string, TableCell[]>();
  /** Parts of cells placed by their characters' positions. */
  const byPosition = new Set<TableCell>();
  const unplaced: TableCell[] = [];
  const spanning: TableCell[] = [];
  for (const cell of row) {
    const width = Math.max(cell.rect.x1 - cell.rect.x0, 1e-6);
    const overlaps = map.columns.map((col) => ({ key: col.key, share: (Math.min(cell.rect.x1, col.x1) - Math.max(cell.rect.x0, col.x0)) / width }));
    const covered = map.columns.filter((col) => Math.min(cell.rect.x1, col.x1) - Math.max(cell.rect.x0, col.x0) > 0.6 * (col.x1 - col.x0));
    if (covered.length >= 3) {
      spanning.push(cell);
      continue;
    }
    const best = overlaps.sort((a, b) => b.share - a.share)[0];
    if (!best || best.share < minOverlap) {
      // A cell over two columns whose ruling line between was not found (a faint line in a scan): its text still
      // stands in the columns, each part by its characters' positions.
      const split = cell.text.text.trim() ? cellToColumnParts(cell, map) : null;
      if (split) {
        for (const part of split) {
          byPosition.add(part.cell);
          (parts.get(part.key) ?? parts.set(part.key, []).get(part.key)!).push(part.cell);
        }
      } else if (cell.text.text.trim()) unplaced.push(cell);
      continue;
    }
    (parts.get(best.key) ?? parts.set(best.key, []).get(best.key)!).push(cell);
  }
  const cells = new Map<string, KeyedCell>();
  for (const [key, list] of parts) {
    list.sort((a, b) => a.rect.x0 - b.rect.x0);
    const placed = list.some((c) => byPosition.has(c));
    cells.set(key, {
      text: concatTexts(list.map((c) => c.text).filter((t) => t.text.length > 0)),
      straddling: list.reduce((s, c) => s + c.straddling, 0),
      parts: list.length,
      regions: list.map((c) => ({ page, bbox: [c.rect.x0, c.rect.y0, c.rect.x1, c.rect.y1].map((n) => Math.round(n * 100) / 100) as Source['bbox'] })),
      ...(placed ? { doubts: [{ cap: PLACED_BY_POSITION_CAP, note: PLACED_BY_POSITION_NOTE }] } : {}),
    });
  }
  return { cells, unplaced, spanning };
}

/** A value whose cell fitted no column and was placed by its characters' positions. */
export const PLACED_BY_POSITION_CAP = 0.95;
export const PLACED_BY_POSITION_NOTE = 'its cell spans two columns (a ruling line between them not found): placed by the position of its characters';

/**
 * A cell's text split by column: each character goes to the column its centre stands in (white space and
 * characters without a position go with the one before). Null when a character stands in no column, or the
 * cell holds no positioned character. Pure.
 */
export function cellToColumnParts(cell: TableCell, map: ColumnMap): { key: string; cell: TableCell }[] | null {
  const runs: { key: string; start: number; end: number }[] = [];
  let current: string | null = null;
  for (let i = 0; i < cell.text.text.length; i++) {
    const box = cell.text.boxes[i];
    let key: string | null = current;
    if (box && cell.text.text[i]!.trim() !== '') {
      const cx = (box.bbox[0] + box.bbox[2]) / 2;
      const col = map.columns.find((c) => cx >= c.x0 && cx <= c.x1);
      if (!col) return null;
      key = col.key;
    }
    if (key === null) continue;
    const last = runs[runs.length - 1];
    if (last && last.key === key) last.end = i + 1;
    else runs.push({ key, start: i, end: i + 1 });
    current = key;
  }
  if (runs.length === 0) return null;
  return runs.map((r) => {
    const col = map.columns.find((c) => c.key === r.key)!;
    return {
      key: r.key,
      cell: { rect: { x0: Math.max(cell.rect.x0, col.x0), y0: cell.rect.y0, x1: Math.min(cell.rect.x1, col.x1), y1: cell.rect.y1 }, text: sliceText(cell.text, r.start, r.end), straddling: 0 },
    };
  });
}

/**
 * Complete a page's column map with the columns it lacks of another page's map: carried from earlier pages, or a
 * later page's header (a header cell drawn over content reads as no label, OCR misreads one). A carried column is
 * added only where it overlaps none of the page's own. Pure.
 */
export function mergeColumnMaps(own: ColumnMap, carried: ColumnMap | null): ColumnMap {
  if (!carried) return own;
  const added = carried.columns.filter(
    (c) => !own.columns.some((o) => o.key === c.key || Math.min(o.x1, c.x1) - Math.max(o.x0, c.x0) > 0.3 * Math.min(o.x1 - o.x0, c.x1 - c.x0)),
  );
  const labels = new Map(carried.columns.map((c) => [c.key, c.label]));
  // A label that is the carried label plus more is a label drawn over content: the carried one is the label.
  const columns = own.columns.map((c) => {
    const known = labels.get(c.key);
    return known && c.label !== known && (!c.label || c.label.startsWith(known) || !labelIsPure(c.label)) ? { ...c, label: known } : c;
  });
  return { columns: [...columns, ...added].sort((a, b) => a.x0 - b.x0) };
}

function labelIsPure(label: string): boolean {
  return !/[0-9]/.test(label);
}

/** A value whose header label was removed exactly: the rest is the cell's own text. */
const STRIPPED_LABEL_CAP = 0.97;
/** A value in a row under a header drawn over it, whose label could not be found: it may hold the label. */
const MIXED_LABEL_CAP = 0.5;

/**
 * A header repeated inside the table body, or drawn over the first row of a page (some producers do both):
 * when most cells of a row begin with their column's header label, the labels are removed. Returns the cells
 * without the labels and how many were removed (0 when the row is not a header). Pure.
 */
export function stripRepeatedHeader(cells: ReadonlyMap<string, KeyedCell>, map: ColumnMap): { cells: Map<string, KeyedCell>; stripped: number } {
  const labels = new Map(map.columns.filter((c) => c.label && labelIsPure(c.label)).map((c) => [c.key, c.label!]));
  const prefixLength = (text: string, label: string): number => {
    for (let k = label.length; k <= Math.min(text.length, label.length * 3 + 4); k++) {
      if (headerLabel(text.slice(0, k)) === label) return k;
    }
    return 0;
  };
  const cuts = new Map<string, number>();
  for (const [key, cell] of cells) {
    const label = labels.get(key);
    const k = label ? prefixLength(cell.text.text.trimStart(), label) : 0;
    if (k > 0) cuts.set(key, k + (cell.text.text.length - cell.text.text.trimStart().length));
  }
  const needed = Math.max(3, Math.ceil(labels.size * 0.6));
  if (cuts.size < needed) return { cells: new Map(cells), stripped: 0 };
  const out = new Map<string, KeyedCell>();
  for (const [key, cell] of cells) {
    const cut = cuts.get(key) ?? 0;
    if (cut > 0) {
      const text = trimText(sliceText(cell.text, cut));
      const note = 'the table header was drawn over this row: its label was removed from the cell';
      out.set(key, { ...cell, text, doubts: [...(cell.doubts ?? []), ...(text.text ? [{ cap: STRIPPED_LABEL_CAP, note }] : [])] });
    } else if (labels.has(key) && cell.text.text.trim() !== '') {
      // Every other cell of this row began with its label; this one did not, so the label may be mixed into it.
      const note = `the table header was drawn over this row, and this cell's label (${labels.get(key)}) could not be separated from its text`;
      out.set(key, { ...cell, doubts: [...(cell.doubts ?? []), { cap: MIXED_LABEL_CAP, note }] });
    } else {
      out.set(key, cell);
    }
  }
  return { cells: out, stripped: cuts.size };
}
