/**
 * Full- or half-width brackets from where OCR found them, and curly quotes.
 *
 * Tesseract's Chinese model reads （ as ( (and 〈) more often than not, but a full-width （ stands at the
 * right of its em box and ） at its left, so white space of about half an em opens before （ and after ）,
 * against a tenth for the half-width forms. Commas are left as read: the model reads ， and , well, while their
 * room in the line is no guide (producers compress full-width punctuation). Between the two thresholds nothing
 * is decided and the bracket is doubted.
 */
import type { OcrSymbol } from '../ocr/ocr-engine.js';
import { lineHeights } from '../ocr/lines.js';

const OPENING: Readonly<Record<string, [half: string, full: string]>> = { '(': ['(', '（'], '（': ['(', '（'], '〈': ['(', '（'] };
const CLOSING: Readonly<Record<string, [half: string, full: string]>> = { ')': [')', '）'], '）': [')', '）'], '〉': [')', '）'] };

/** White space beside a bracket, as a share of its line's height: at least `full` is full width, at most `half` half. */
export const DEFAULT_WIDTH_GAPS = { full: 0.35, half: 0.2 };

export type WidthDecidedSymbol = OcrSymbol & { repair?: string; doubt?: string };

/** The brackets of a read in the width their spacing shows, and straight quotes made curly. Pure. */
export function decidePunctuationWidth<S extends WidthDecidedSymbol>(result: { symbols: readonly S[] }, gaps = DEFAULT_WIDTH_GAPS): S[] {
  const heights = lineHeights(result.symbols);
  // One cell is written in one style: commas of both widths in it mean some were misread, which ones unknown.
  const mixedCommas = result.symbols.some((s) => s.text === ',') && result.symbols.some((s) => s.text === '，');
  // Straight quotes in Chinese text are curly quotes OCR straightened: they alternate, opening first.
  let quotes = 0;
  return result.symbols.map((s, i): S => {
    if (mixedCommas && (s.text === ',' || s.text === '，')) {
      return { ...s, confidence: Math.min(s.confidence, 0.6), doubt: 'commas of both widths were read in this cell: some are misread' };
    }
    if (s.text === '~' || s.text === '～') return { ...s, confidence: Math.min(s.confidence, 0.6), doubt: `${s.text} could be full or half width` };
    if (s.text === '"') {
      const curly = quotes++ % 2 === 0 ? '“' : '”';
      return { ...s, text: curly, repair: `OCR read ", in Chinese text it is ${curly}` };
    }
    const opening = OPENING[s.text];
    const closing = CLOSING[s.text];
    if (!opening && !closing) return s;
    const h = heights.get(s.line) ?? 1;
    const neighbour = opening ? result.symbols[i - 1] : result.symbols[i + 1];
    const [half, full] = (opening ?? closing)!;
    // At a line's end the white space says nothing; 〈 is never right in these tables.
    if (!neighbour || neighbour.line !== s.line || s.x1 - s.x0 < 1) {
      return s.text === '〈' || s.text === '〉'
        ? { ...s, text: full, confidence: Math.min(s.confidence, 0.6), repair: `OCR read ${s.text}, a bracket of unknown width`, doubt: `${full} could be half width` }
        : { ...s, confidence: Math.min(s.confidence, 0.6), doubt: `${s.text} could be full or half width: nothing beside it to measure by` };
    }
    const gap = (opening ? s.x0 - neighbour.x1 : neighbour.x0 - s.x1) / h;
    const decided = gap >= gaps.full ? full : gap <= gaps.half ? half : null;
    if (decided === null) return { ...s, confidence: Math.min(s.confidence, 0.6), doubt: `${s.text} could be full or half width: its spacing does not say` };
    if (decided === s.text) return s;
    return { ...s, text: decided, repair: `OCR read ${s.text}, its spacing shows ${decided}` };
  });
}
