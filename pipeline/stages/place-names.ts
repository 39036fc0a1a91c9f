/**
 * Stage: place names read by OCR repaired from the gazetteer and the document's own department
 * (`extractors/text/place-names.ts`), in the lines above the table and in every cell, before rows are stitched
 * and parsed. Text layers pass through unchanged.
 */
import { findDocumentPlaces, repairPlaceNames } from '../../extractors/text/place-names.js';
import { isOcrText } from '../../extractors/text/text-edits.js';
import type { Stage, TableRowsResult } from '../types.js';

export const repairPlaces: Stage<TableRowsResult, TableRowsResult> = (result) => {
  // A text layer is never repaired: a born-digital document skips the gazetteer search altogether.
  const read = [...result.headerLines.map((l) => l.text), ...result.pieces.flatMap((p) => [...p.cells.values()].map((c) => c.text))];
  if (!read.some(isOcrText)) return result;
  const places = findDocumentPlaces(read.map((t) => t.text));
  if (places.length === 0) return result;
  return {
    ...result,
    headerLines: result.headerLines.map((l) => ({ ...l, text: repairPlaceNames(l.text, places) })),
    pieces: result.pieces.map((p) => ({
      ...p,
      cells: new Map([...p.cells].map(([key, cell]) => [key, { ...cell, text: repairPlaceNames(cell.text, places) }])),
    })),
  };
};
