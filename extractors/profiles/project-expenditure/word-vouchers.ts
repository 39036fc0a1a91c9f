/**
 * Values read by OCR whose only doubts are disputes between the two models that the dictionary decided, for the
 * first reading or for the other's (taken as a repair), and that the document itself vouches for: the dictionary's
 * word is written, read surely, in another of its values. Each is raised to `VOUCHED_WORD_CONFIDENCE`.
 *
 * The dictionary's word alone does not lift the doubt (`secondRead` says why: values passed on it were wrong about
 * one time in a hundred). What was wrong on the twenty-three development and evaluation sets (cached reads): a
 * word the dictionary has but the page does not (手动 for 撬动, 及其 for 及欺; neither written elsewhere in its
 * document), and a misread both models agreed on beside the disputed character (合规牵 for 合规率, 自王 for 自主,
 * 荔 of a goal read as 药). So the word must stand in another value of the document read at or above the threshold;
 * no character of the value may stand alone where a confusable one would read likelier (`hasLikelierConfusable`);
 * and goals, long enough to hold a misread nobody disputed, are left to the reviewer. Measured there: 484 right
 * values raised (283 decided for the first reading, 201 more with the other's taken), no wrong one.
 */
import { isHowReadNote, readByOcr, REPAIRED_NOTE, vouchedNote, type DraftField } from '../../../pipeline/field.js';
import { VOUCHED_WORD_CONFIDENCE } from '../../../pipeline/confidence.js';
import type { DraftRow } from '../../../pipeline/types.js';
import { readDisputeNote, readLexiconRepairWhy } from '../../raster/ocr-read.js';
import { loadLexicon, type Lexicon } from '../../text/lexicon.js';
import { hasLikelierConfusable } from '../../text/lexicon-doubts.js';
import { COLON_BEFORE_NOTE } from './rows.js';

/** What vouches, as `vouchedNote` lists it. */
const WORD_VOUCHERS = ['the dictionary', 'the same word read surely in this document'];


/** The text of a field's value: a name as it is, a target's raw text, a level's name; null for anything else. */
function valueText(field: DraftField<unknown>): string | null {
  const value = field.value;
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') {
    if ('raw' in value && typeof value.raw === 'string') return value.raw;
    if ('name' in value && typeof value.name === 'string') return value.name;
  }
  return null;
}

/**
 * The dictionary's words for a field whose every doubt is a dispute it decided: for the first reading, or for the
 * other's, taken (null where any other note stands against it, or a dispute names no word).
 */
function dictionaryWords(field: DraftField<unknown>): string[] | null {
  const words: string[] = [];
  for (const note of field.notes) {
    if (isHowReadNote(note)) continue;
    // A note on the colon before a target carries the target's own dispute after its prefix.
    const said = note.startsWith(COLON_BEFORE_NOTE) ? note.slice(COLON_BEFORE_NOTE.length) : note;
    const word = said.startsWith(REPAIRED_NOTE) ? readLexiconRepairWhy(said.slice(REPAIRED_NOTE.length))?.dictionaryWord : readDisputeNote(said)?.dictionaryWord;
    if (word == null) return null;
    words.push(word);
  }
  return words.length > 0 ? words : null;
}

/**
 * Raise the names, level names and targets of `rows` that the dictionary and the document vouch for (see the
 * file's comment) to `VOUCHED_WORD_CONFIDENCE`, with a note. Goals are left as they are. The dictionary is loaded
 * only when a value asks for it.
 */
export function vouchForDictionaryWords(rows: readonly DraftRow[], threshold: number, lexicon: () => Lexicon = loadLexicon): void {
  const fields = rows.flatMap((r) => [r.name, ...r.indicators.flatMap((ind) => [ind.level1, ind.level2, ind.name, ind.periodTarget, ind.annualTarget])]) as DraftField<unknown>[];
  const candidates = fields.flatMap((field) => {
    if (field.confidence >= threshold || !readByOcr(field)) return [];
    const words = dictionaryWords(field);
    const text = valueText(field);
    return words && text !== null ? [{ field, words, text }] : [];
  });
  if (candidates.length === 0) return;
  // The document's sure text, goals too, as read before any value is raised here: a raised value vouches for none.
  const sure = [...fields, ...rows.map((r) => r.goal as DraftField<unknown>)].filter((f) => f.confidence >= threshold).map((f) => ({ field: f, text: valueText(f) ?? '' }));
  for (const { field, words, text } of candidates) {
    if (!words.every((word) => sure.some((s) => s.field !== field && s.text.includes(word)))) continue;
    if (hasLikelierConfusable(lexicon(), text)) continue;
    field.notes.push(vouchedNote(WORD_VOUCHERS, field.confidence));
    field.confidence = VOUCHED_WORD_CONFIDENCE;
  }
}
