/**
 * Stages: repairs of OCR-read text that need no profile, run on the lines above the table and on every cell before
 * rows are stitched and parsed. Text layers pass through unchanged.
 * - `repairPlaces`: place names, from the gazetteer and the document's own department (`extractors/text/place-names.ts`);
 * - `repairDocumentNumbers`: the 〔〕 around a document number's year (`extractors/text/document-numbers.ts`).
 */
import { repairDocumentNumbers as repairNumbersIn } from '../../extractors/text/document-numbers.js';
import { findDocumentPlaces, repairPlaceNames } from '../../extractors/text/place-names.js';
import type { PositionedText } from '../../extractors/text/positioned-text.js';
import { isOcrText } from '../../extractors/text/text-edits.js';
import type { Stage, TableRowsResult } from '../types.js';

/** Every text OCR or a text layer gave the table stage: the lines above the table, then the cells. */
function textsOf(result: TableRowsResult): PositionedText[] {
  return [...result.headerLines.map((l) => l.text), ...result.pieces.flatMap((p) => [...p.cells.values()].map((c) => c.text))];
}

/** The result with `repair` applied to the lines above the table and to every cell. */
function mapTexts(result: TableRowsResult, repair: (t: PositionedText) => PositionedText): TableRowsResult {
  return {
    ...result,
    headerLines: result.headerLines.map((l) => ({ ...l, text: repair(l.text) })),
    pieces: result.pieces.map((p) => ({ ...p, cells: new Map([...p.cells].map(([key, cell]) => [key, { ...cell, text: repair(cell.text) }])) })),
  };
}

export const repairPlaces: Stage<TableRowsResult, TableRowsResult> = (result) => {
  // A text layer is never repaired: a born-digital document skips the gazetteer search altogether.
  const read = textsOf(result);
  if (!read.some(isOcrText)) return result;
  const places = findDocumentPlaces(read.map((t) => t.text));
  if (places.length === 0) return result;
  return mapTexts(result, (t) => repairPlaceNames(t, places));
};

export const repairDocumentNumbers: Stage<TableRowsResult, TableRowsResult> = (result) =>
  textsOf(result).some(isOcrText) ? mapTexts(result, repairNumbersIn) : result;
