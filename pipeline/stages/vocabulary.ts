/**
 * Stage: characters OCR read doubtfully, decided by the document's own words, in every cell, after place
 * names and before rows are stitched and parsed. First a character the two OCR models read differently
 * (`extractors/text/document-vocabulary.ts`), then a run of doubtful characters between sure ones
 * (`extractors/text/document-context.ts`); last, a sure character that makes no word with its neighbours and
 * that the dictionary seldom has alone is doubted, and so is 一 alone between two words, where a dash is read so,
 * after a character alone that is the known misreading of another (折 for 护) is put right where the other makes a
 * word (`extractors/text/lexicon-doubts.ts`). Text layers pass through unchanged.
 */
import { countContexts, resolveDoubtsByContext } from '../../extractors/text/document-context.js';
import { countDocumentBigrams, resolveDisputesByVocabulary } from '../../extractors/text/document-vocabulary.js';
import { loadLexicon } from '../../extractors/text/lexicon.js';
import { doubtUnlikelyCharacters, repairOneWayMisreadings } from '../../extractors/text/lexicon-doubts.js';
import type { PositionedText } from '../../extractors/text/positioned-text.js';
import { isOcrText } from '../../extractors/text/text-edits.js';
import type { Stage, TableRowsResult } from '../types.js';

export const resolveDisputes: Stage<TableRowsResult, TableRowsResult> = (result, ctx) => {
  const cells = result.pieces.flatMap((p) => [...p.cells.values()].map((c) => c.text));
  if (!cells.some(isOcrText)) return result;
  const words = countDocumentBigrams([...result.headerLines.map((l) => l.text), ...cells]);
  const decided = mapOcrCells(result, (text) => resolveDisputesByVocabulary(text, words));
  // Sure means what review would pass: a character below the threshold is what the context may decide.
  const sure = ctx.settings.reviewThreshold;
  const contexts = countContexts([...result.headerLines.map((l) => l.text), ...decided.pieces.flatMap((p) => [...p.cells.values()].map((c) => c.text))], sure);
  const lexicon = loadLexicon();
  return mapOcrCells(decided, (text) => doubtUnlikelyCharacters(repairOneWayMisreadings(resolveDoubtsByContext(text, contexts, sure), lexicon), lexicon, sure));
};

/** `result` with `fn` applied to the text of every cell read by OCR. */
function mapOcrCells(result: TableRowsResult, fn: (text: PositionedText) => PositionedText): TableRowsResult {
  return {
    ...result,
    pieces: result.pieces.map((p) => ({
      ...p,
      cells: new Map([...p.cells].map(([key, cell]) => [key, isOcrText(cell.text) ? { ...cell, text: fn(cell.text) } : cell])),
    })),
  };
}
