/**
 * Doubtful characters read again from the document's own words: a run of one or two Han characters OCR is
 * unsure of, between two it is sure of, is given the characters the document writes between those two
 * elsewhere, where it writes one thing there and at least twice, each time read with confidence. A department's
 * table repeats its terms (殡葬 in a unit's name, its projects' names, goals and indicators), and OCR misreads
 * them differently each time (谍荆, 贷荆, 殖葬), so the sure readings outvote the unsure one.
 *
 * Like the vocabulary of `document-vocabulary.ts` this is a likely reading, not one the format dictates: the
 * changed characters carry the repair at `CONTEXT_REPAIR_CONFIDENCE`, and the value stays flagged for review.
 */
import { applyEdits, type Edit } from './text-edits.js';
import type { PositionedText } from './positioned-text.js';

/** Confidence of characters taken from the document's words around them. */
export const CONTEXT_REPAIR_CONFIDENCE = 0.85;

/** The longest run of doubtful characters read from its context. */
const MAX_RUN = 2;

/** The fewest sure occurrences of a context's filling that decide a doubtful one. */
const MIN_SUPPORT = 2;

const HAN = /^\p{Script=Han}$/u;

/** For each context (the characters on either side and the run's length), what the document writes inside it, counted. */
export type ContextCounts = Map<string, Map<string, number>>;

const contextKey = (before: string, after: string, length: number) => `${before}\u0000${after}\u0000${length}`;

/**
 * The contexts of `texts` where every character, the two around the run included, is a Han character read with
 * at least `sure` confidence (or from a text layer, which has none).
 */
export function countContexts(texts: readonly PositionedText[], sure: number): ContextCounts {
  const counts: ContextCounts = new Map();
  for (const t of texts) {
    const ok = (i: number) => i >= 0 && i < t.text.length && HAN.test(t.text[i]!) && (t.boxes[i]?.confidence ?? 1) >= sure;
    for (let i = 1; i < t.text.length; i++) {
      for (let length = 1; length <= MAX_RUN; length++) {
        let all = ok(i - 1) && ok(i + length);
        for (let k = i; all && k < i + length; k++) all = ok(k);
        if (!all) continue;
        const key = contextKey(t.text[i - 1]!, t.text[i + length]!, length);
        const fillings = counts.get(key) ?? new Map<string, number>();
        const filling = t.text.slice(i, i + length);
        fillings.set(filling, (fillings.get(filling) ?? 0) + 1);
        counts.set(key, fillings);
      }
    }
  }
  return counts;
}

/**
 * `t` with each run of one or two doubtful Han characters (below `sure`) between two sure ones replaced by what
 * the document writes between those two, when it writes one thing there, `MIN_SUPPORT` times or more. Pure.
 */
export function resolveDoubtsByContext(t: PositionedText, contexts: ContextCounts, sure: number): PositionedText {
  const doubtful = (i: number) => HAN.test(t.text[i] ?? '') && (t.boxes[i]?.confidence ?? 1) < sure && !t.boxes[i]?.repair;
  const anchor = (i: number) => i >= 0 && i < t.text.length && HAN.test(t.text[i]!) && (t.boxes[i]?.confidence ?? 1) >= sure;
  const edits: Edit[] = [];
  for (let i = 1; i < t.text.length; i++) {
    if (!doubtful(i) || !anchor(i - 1)) continue;
    let end = i;
    while (end < t.text.length && doubtful(end)) end++;
    const length = end - i;
    if (length <= MAX_RUN && anchor(end)) {
      const fillings = [...(contexts.get(contextKey(t.text[i - 1]!, t.text[end]!, length)) ?? new Map<string, number>())];
      const read = t.text.slice(i, end);
      if (fillings.length === 1 && fillings[0]![1] >= MIN_SUPPORT && fillings[0]![0] !== read) {
        const word = `${t.text[i - 1]}${fillings[0]![0]}${t.text[end]}`;
        edits.push({ start: i, end, text: fillings[0]![0], why: `${read} read as ${fillings[0]![0]}: the document writes ${word} elsewhere, ${fillings[0]![1]} times`, confidence: CONTEXT_REPAIR_CONFIDENCE });
      }
    }
    i = end;
  }
  return edits.length === 0 ? t : applyEdits(t, edits);
}
