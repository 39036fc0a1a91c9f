/**
 * Stage: the profile's table on each page, its header dropped, its body rows keyed by column.
 *
 * Pages are walked in order so that a page which does not repeat the header reuses the previous page's
 * columns; a header that lacks columns takes them from the document's other headers, earlier and later. A page
 * with no ruled table that fits falls back to the white-space layout.
 */
import {
  columnMapFit,
  headerLabel,
  headerRowsToColumnMap,
  mergeColumnMaps,
  rowToKeyedCells,
  stripRepeatedHeader,
  type ColumnMap,
} from '../../extractors/table/columns.js';
import { glyphsToLines, lineToText } from '../../extractors/table/cell-text.js';
import { glyphsToWhitespaceTable } from '../../extractors/table/whitespace.js';
import type { PageTable } from '../../extractors/table/page-table.js';
import type { Glyph } from '../../extractors/pdf/glyph.js';
import type { PositionedText } from '../../extractors/text/positioned-text.js';
import { UNCERTAIN_BOUNDARY_CAP, WHITESPACE_LAYOUT_FACTOR } from '../confidence.js';
import { uprightHeight, type PageLayout, type RowPiece, type Stage, type TableRowsResult } from '../types.js';

/** Share of a carried column map's columns a header-less table must line up with to continue it. */
const MIN_CONTINUATION_FIT = 0.7;

export const tableRows: Stage<PageLayout[], TableRowsResult> = (layouts, ctx) => {
  const profile = ctx.profile.table;
  const pieces: RowPiece[] = [];
  let carried: ColumnMap | null = null;
  let headerLines: TableRowsResult['headerLines'] = [];
  let found = false;
  let garbageHeader: string | null = null;

  // Every page's header first: a page whose header lacks a column OCR could not read (绩效目标 read as 绩效日标,
  // one character off two columns' words) takes it from the other pages, later ones too.
  const headers = layouts.map((layout) => layout.tables.map((table) => headerRowsToColumnMap(table.rows, profile)).map((h) => (h && h.map.columns.length >= profile.minHeaderMatches + 1 ? h : null)));
  const headerMaps = headers.map((page) => page.find((h) => h !== null)?.map ?? null);

  for (const [at, layout] of layouts.entries()) {
    const { read } = layout;
    const chosen: { table: PageTable; map: ColumnMap; headerRows: number; preamble: PositionedText[] }[] = [];
    let outside: Glyph[] = layout.outside;
    for (const [t, table] of layout.tables.entries()) {
      const header = headers[at]![t] ?? null;
      if (header) {
        // A header row that also holds content (labels drawn over the first row of a page) stays a body row,
        // and a page whose header lacks columns takes them from the earlier pages, then from the later ones.
        const headerRows = countPureHeaderRows(table.rows, header.preambleRows, header.headerRows);
        const map: ColumnMap = headerMaps.slice(at + 1).reduce((merged: ColumnMap, later) => mergeColumnMaps(merged, later), mergeColumnMaps(header.map, carried));
        const preamble = table.rows.slice(0, header.preambleRows).flatMap((row) => row.map((c) => c.text).filter((t) => t.text.trim() !== ''));
        chosen.push({ table, map, headerRows, preamble });
        carried = map;
      } else if (carried && columnMapFit(table.rows, carried) >= MIN_CONTINUATION_FIT) {
        chosen.push({ table, map: carried, headerRows: 0, preamble: [] });
      } else if (!read.quality.usable) {
        const positional = positionalColumnMap(table, profile.layoutOrder);
        if (positional) {
          // The header is unreadable, but garbage is consistent: a repeated header reads as the same garbage.
          const firstText = table.rows[0]!.map((c) => c.text.text).join('|');
          const isHeader = garbageHeader === null ? !found && chosen.length === 0 : firstText === garbageHeader;
          if (isHeader && garbageHeader === null) garbageHeader = firstText;
          chosen.push({ table, map: positional, headerRows: isHeader ? 1 : 0, preamble: [] });
          carried = positional;
        }
      }
      // Any other table is of some other kind and is ignored.
    }
    if (chosen.length === 0 && layout.tables.length === 0) {
      const ws = glyphsToWhitespaceTable(read.page, read.glyphs, profile, carried, uprightHeight(read));
      if (ws) {
        const header = headerRowsToColumnMap(ws.table.rows, profile);
        const map: ColumnMap | null = header?.map ?? carried;
        if (map) {
          chosen.push({ table: ws.table, map, headerRows: header?.headerRows ?? 0, preamble: [] });
          carried = map;
          outside = ws.outside;
        }
      }
    }
    if (chosen.length === 0) {
      if (found && read.glyphs.some((g) => g.char !== ' ')) read.notes.push('no table of the profile on this page');
      continue;
    }
    if (!found) {
      const first = chosen[0]!;
      headerLines = [...linesAbove(outside, first.table.bounds.y0), ...first.preamble.map((text) => ({ text, size: 0 }))];
    }
    found = true;

    let firstOnPage = true;
    for (const { table, map, headerRows } of chosen) {
      const factor = table.layout === 'whitespace' ? WHITESPACE_LAYOUT_FACTOR : 1;
      for (const [offset, row] of table.rows.slice(headerRows).entries()) {
        const keyed = rowToKeyedCells(row, map, read.page);
        const { unplaced, spanning } = keyed;
        const { cells, stripped } = stripRepeatedHeader(keyed.cells, map);
        const notes: string[] = [];
        if (stripped > 0 && [...cells.values()].every((c) => c.text.text.trim() === '')) continue; // a repeated header
        const doubts = table.rowDoubts?.[headerRows + offset] ?? [];
        notes.push(...doubts);
        if (table.layout === 'whitespace') notes.push('columns and rows inferred from the text layout: the table has no ruling lines');
        for (const cell of spanning) {
          if (cell.text.text.trim()) read.notes.push(`skipped a line spanning several columns: ${cell.text.text.trim().slice(0, 60)}`);
        }
        for (const cell of unplaced) notes.push(`text outside every column was left out: ${cell.text.text.trim().slice(0, 60)}`);
        if ([...cells.values()].every((c) => c.text.text.trim() === '')) continue;
        // Text left out of the row belonged to one of its fields, which is then short: the row is uncertain.
        const leftOut = unplaced.some((c) => c.text.text.trim() !== '');
        const readConfidence = Math.min(read.readConfidence * factor, doubts.length > 0 || leftOut ? UNCERTAIN_BOUNDARY_CAP : 1);
        pieces.push({ page: read.page, firstOnPage, cells, readConfidence, notes: [...read.notes, ...notes] });
        firstOnPage = false;
      }
    }
  }
  return { pieces, headerLines, found };
};

/** Lines of text above `y` (the table's top), top to bottom, with their font size. */
function linesAbove(glyphs: readonly Glyph[], y: number): TableRowsResult['headerLines'] {
  return glyphsToLines(glyphs.filter((g) => g.y1 <= y + 1))
    .map((line) => ({ text: lineToText(line), size: Math.max(...line.map((g) => g.size)) }))
    .filter((l) => l.text.text.trim().length > 0);
}

/** Columns by position, for a table whose header cannot be read: its widest row must have one cell per column. */
function positionalColumnMap(table: PageTable, order: readonly string[]): ColumnMap | null {
  const row = table.rows.find((r) => r.length === order.length);
  if (!row) return null;
  return { columns: row.map((cell, i) => ({ key: order[i]!, x0: cell.rect.x0, x1: cell.rect.x1 })) };
}

/** Header rows that hold nothing but labels (no digits): a row with amounts in it is content under a label. */
function countPureHeaderRows(rows: PageTable['rows'], from: number, to: number): number {
  for (let i = from; i < to; i++) {
    if (rows[i]!.some((c) => /[0-9]/.test(headerLabel(c.text.text)))) return i;
  }
  return to;
}
