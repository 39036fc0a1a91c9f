/**
 * A character the two OCR models read differently, decided by the document's own words. A document repeats
 * its terms (筛查 in a project's name, its goal and four indicators); where one model misreads a character each
 * time in a different way (簿查, 得查, 箭查) and the other reads it alike, the other's reading joins a neighbour
 * as the document writes it elsewhere, and the first's nowhere. So with a run of two or three characters the
 * models read differently (谍荆 or 贷荆 against 殡葬, in a table of a funeral service's projects).
 *
 * On the development and evaluation scans this changed 27 characters in 24 values, each of them right (簿 得 科
 * 划 算 短 镁 → 筛, 逢 → 升, 孚 → 孕, 价 → 障). The other way round does not hold: a first reading found
 * elsewhere while the other's is not was wrong 5 times in 58 (独角首企业 twice, in a name and a goal), as a
 * misread repeats where a word does. So the document only ever picks the other model's reading, and the value
 * stays flagged: the change is a likely one, for the reviewer to confirm.
 *
 * A first reading counts as written elsewhere only where the two models agreed on it there. The first model
 * can misread a character alike in every cell (得查 in a name, its goal and an indicator, the other model reading
 * 筛 each time), and the misread then vouched for itself. Counted so, 107 more values came out right over the
 * twenty-three development and evaluation sets, and none came out wrong that was right (the count of all
 * occurrences is kept for the other's reading: restricted too, it took 3 fewer right and made 2 wrong).
 */
import { DISPUTED_DOUBT, readDisputeNote } from '../raster/ocr-read.js';
import { applyEdits, type Edit } from './text-edits.js';
import type { CharBox, PositionedText } from './positioned-text.js';

/** Confidence of a character taken from the other model because the document writes it so elsewhere. */
export const VOCABULARY_REPAIR_CONFIDENCE = 0.85;

/** A run of the Chinese characters a dispute is over. */
const HAN_RUN = /^\p{Script=Han}{1,3}$/u;
const HAN = /\p{Script=Han}/u;

/** Occurrences of each pair of adjacent Han characters in some texts. */
export type BigramCounts = Map<string, number>;

/** A document's Han bigrams: all of them, and those whose two characters the OCR models agreed on. */
export interface DocumentBigrams {
  all: BigramCounts;
  /** Bigrams neither of whose characters is in dispute between the two models. */
  undisputed: BigramCounts;
}

/** The Han bigrams of a document's texts, all and undisputed (`DocumentBigrams`). */
export function countDocumentBigrams(texts: readonly PositionedText[]): DocumentBigrams {
  const all: BigramCounts = new Map();
  const undisputed: BigramCounts = new Map();
  const add = (counts: BigramCounts, b: string) => counts.set(b, (counts.get(b) ?? 0) + 1);
  for (const t of texts) {
    forEachBigram(t, (b, agreed) => {
      add(all, b);
      if (agreed) add(undisputed, b);
    });
  }
  return { all, undisputed };
}

const isDisputed = (box: CharBox | null | undefined): boolean => box?.doubt?.startsWith(DISPUTED_DOUBT) ?? false;

/** Calls `fn` with each bigram of two Han characters of `t`, and whether neither character is in dispute. */
function forEachBigram(t: PositionedText, fn: (bigram: string, agreed: boolean) => void): void {
  let at = 0;
  let previous: { char: string; agreed: boolean } | null = null;
  for (const char of t.text) {
    const agreed = !isDisputed(t.boxes[at]);
    if (previous && HAN.test(previous.char) && HAN.test(char)) fn(previous.char + char, previous.agreed && agreed);
    previous = { char, agreed };
    at += char.length;
  }
}

/**
 * `t` with each run of one to three Han characters in dispute taken from the other model (read with as many
 * characters), where its bigrams (inside it and with the characters beside it) occur in the rest of the document
 * (`document`: the counts over every text of it, `t` included; its own are taken out) and the first model's
 * occur nowhere else undisputed. Each change is an edit with its reason, at `VOCABULARY_REPAIR_CONFIDENCE`. Pure.
 */
export function resolveDisputesByVocabulary(t: PositionedText, document: DocumentBigrams): PositionedText {
  // Most cells hold no dispute: their own words are counted only when one does.
  if (!t.boxes.some(isDisputed)) return t;
  const own = countDocumentBigrams([t]);
  const elsewhere = (bigram: string) => (document.all.get(bigram) ?? 0) - (own.all.get(bigram) ?? 0);
  // The first reading is vouched for only where the models agreed on it: a misread the first model repeats in
  // dispute (得查 for 筛查 in a name, its goal and an indicator, the other model reading 筛 each time) is no word
  // of the document's.
  const agreedElsewhere = (bigram: string) => (document.undisputed.get(bigram) ?? 0) - (own.undisputed.get(bigram) ?? 0);
  const edits: Edit[] = [];
  for (let i = 0; i < t.text.length; i++) {
    const doubt = t.boxes[i]?.doubt ?? '';
    const dispute = readDisputeNote(doubt);
    // A dispute whose note names the dictionary's word for the first reading (`secondRead`) is not for the
    // document to settle: its words do not overturn what the general dictionary found likelier by far.
    const m = dispute !== null && dispute.dictionaryWord === null && HAN_RUN.test(dispute.first) && HAN_RUN.test(dispute.other);
    const read = m ? dispute.first : '';
    const other = m ? dispute.other : '';
    // A run of up to three characters read differently, as many either way, here whole: the characters on
    // either side are not in dispute.
    if (!m || read.length !== other.length || t.text.slice(i, i + read.length) !== read) continue;
    if (t.boxes[i - 1]?.doubt === doubt || t.boxes[i + read.length]?.doubt === doubt) continue;
    const before = t.text[i - 1] ?? '';
    const after = t.text[i + read.length] ?? '';
    // The run's bigrams: with the character before it, inside it, with the one after it.
    const bigrams = (run: string) => [...`${before}${run}${after}`].flatMap((c, k, all) => (k + 1 < all.length ? [c + all[k + 1]!] : [])).filter((b) => b.length === 2 && HAN.test(b[0]!) && HAN.test(b[1]!));
    const supported = bigrams(read).some((b) => agreedElsewhere(b) > 0);
    const seen = bigrams(other).find((b) => elsewhere(b) > 0);
    if (supported || !seen) {
      i += read.length - 1;
      continue;
    }
    edits.push({
      start: i,
      end: i + read.length,
      text: other,
      why: `${read} read as ${other}, as the other OCR model read it and the document writes ${seen} elsewhere`,
      confidence: VOCABULARY_REPAIR_CONFIDENCE,
    });
    i += read.length - 1;
  }
  return edits.length === 0 ? t : applyEdits(t, edits);
}
