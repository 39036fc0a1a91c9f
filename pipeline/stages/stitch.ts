/**
 * Stage: rows that a page break cut in two joined back into one.
 *
 * The first body row of a page continues the previous page's last row when it cannot stand as a row of its
 * own: its name cell is empty, or every amount cell is empty (a real row always names itself and carries
 * its amounts, and a cut keeps them in the upper piece). The cut can fall anywhere, even inside a word such
 * as 实施周期指标|值, so column texts are joined with nothing between them. Ink that OCR could not read (U+FFFD:
 * what is left of a border, a smudge) names nothing: a piece whose name and amount cells hold only that is no row of
 * its own either, and its cells are joined in as they are, in doubt.
 */
import { needsSpaceAtWrap } from '../../extractors/table/cell-text.js';
import type { KeyedCell } from '../../extractors/table/columns.js';
import { concatTexts, unplacedText } from '../../extractors/text/positioned-text.js';
import type { RowPiece, Stage, StitchedRow } from '../types.js';

/** The placeholder OCR leaves for ink it read nothing in. */
const UNREAD_INK = /\uFFFD/g;

export const stitchRows: Stage<RowPiece[], StitchedRow[]> = (pieces, ctx) => {
  const columns = ctx.profile.table.columns;
  const nameKeys = columns.filter((c) => c.role === 'name').map((c) => c.key);
  const amountKeys = columns.filter((c) => c.role === 'amount').map((c) => c.key);
  const textOf = (cells: Map<string, KeyedCell>, key: string) => cells.get(key)?.text.text ?? '';
  const isBlank = (cells: Map<string, KeyedCell>, key: string) => textOf(cells, key).trim() === '';
  const isBlankOrUnread = (cells: Map<string, KeyedCell>, key: string) => textOf(cells, key).replace(UNREAD_INK, '').trim() === '';

  const rows: StitchedRow[] = [];
  pieces.forEach((piece, i) => {
    const prev = rows[rows.length - 1];
    // A name OCR could not read beside amounts it did read is a row's still (a faint name): only where neither
    // holds anything read does unread ink count as nothing.
    const lacksIdentity = (cells: Map<string, KeyedCell>) =>
      nameKeys.every((k) => isBlank(cells, k)) ||
      (amountKeys.length > 0 && amountKeys.every((k) => isBlank(cells, k))) ||
      [...nameKeys, ...amountKeys].every((k) => isBlankOrUnread(cells, k));
    // Either piece may be the one without a name or amounts: a cell centred vertically can land below the cut.
    const continues =
      prev !== undefined &&
      piece.firstOnPage &&
      pieces[i - 1]!.page < piece.page &&
      (lacksIdentity(piece.cells) || (nameKeys.every((k) => isBlank(prev.cells, k)) && amountKeys.every((k) => isBlank(prev.cells, k))));
    if (continues) {
      joinInto(prev, piece);
    } else {
      rows.push({
        pages: [piece.page],
        cells: new Map(piece.cells),
        readConfidence: piece.readConfidence,
        joinedColumns: [],
        notes: [...piece.notes],
      });
    }
  });
  return rows;
};

function joinInto(row: StitchedRow, piece: RowPiece): void {
  for (const [key, cell] of piece.cells) {
    const before = row.cells.get(key);
    if (cell.text.text.trim() === '') {
      row.cells.set(key, before ? { ...before, regions: [...before.regions, ...cell.regions] } : cell);
      continue;
    }
    if (!before || before.text.text.trim() === '') {
      row.cells.set(key, cell);
      continue;
    }
    const separator = needsSpaceAtWrap(before.text.text, cell.text.text) ? [unplacedText(' ')] : [];
    row.cells.set(key, joinCells(before, cell, separator));
    if (!row.joinedColumns.includes(key)) row.joinedColumns.push(key);
  }
  if (!row.pages.includes(piece.page)) row.pages.push(piece.page);
  row.readConfidence = Math.min(row.readConfidence, piece.readConfidence);
  for (const note of piece.notes) if (!row.notes.includes(note)) row.notes.push(note);
}

function joinCells(a: KeyedCell, b: KeyedCell, separator: ReturnType<typeof unplacedText>[]): KeyedCell {
  return { text: concatTexts([a.text, ...separator, b.text]), straddling: a.straddling + b.straddling, parts: Math.max(a.parts, b.parts), regions: [...a.regions, ...b.regions], doubts: [...(a.doubts ?? []), ...(b.doubts ?? [])] };
}
