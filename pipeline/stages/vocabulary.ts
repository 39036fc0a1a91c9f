/**
 * Stage: characters the two OCR models read differently, decided by the document's own words
 * (`extractors/text/document-vocabulary.ts`), in every cell, after place names and before rows are stitched
 * and parsed. Text layers pass through unchanged.
 */
import { countBigrams, resolveDisputesByVocabulary } from '../../extractors/text/document-vocabulary.js';
import { isOcrText } from '../../extractors/text/text-edits.js';
import type { Stage, TableRowsResult } from '../types.js';

export const resolveDisputes: Stage<TableRowsResult, TableRowsResult> = (result) => {
  const cells = result.pieces.flatMap((p) => [...p.cells.values()].map((c) => c.text));
  if (!cells.some(isOcrText)) return result;
  const words = countBigrams([...result.headerLines.map((l) => l.text.text), ...cells.map((t) => t.text)]);
  return {
    ...result,
    pieces: result.pieces.map((p) => ({
      ...p,
      cells: new Map([...p.cells].map(([key, cell]) => [key, isOcrText(cell.text) ? { ...cell, text: resolveDisputesByVocabulary(cell.text, words) } : cell])),
    })),
  };
};
