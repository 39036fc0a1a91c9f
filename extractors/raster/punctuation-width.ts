/**
 * Full- or half-width brackets and commas from where OCR found them: Tesseract reads （ as ( and ， as , (or
 * the other way), but the two take different room in the line. Chinese text sits on a grid of one em per
 * character, and a full-width （ or ， takes a whole cell of it, a half-width one about a third. So the advance
 * from the character before the mark to the one after it is about two ems for a full-width mark and about one
 * and a third for a half-width one; the em is the line's own median advance between Chinese characters.
 * Between the two, nothing is decided and the mark is doubted.
 */
import type { OcrResult, OcrSymbol } from '../ocr/ocr-engine.js';

const FORMS: Readonly<Record<string, [half: string, full: string]>> = {
  '(': ['(', '（'], '（': ['(', '（'], '〈': ['(', '（'],
  ')': [')', '）'], '）': [')', '）'], '〉': [')', '）'],
  ',': [',', '，'], '，': [',', '，'],
};

/** Advances (in ems, from the character before the mark to the one after) that decide the width. */
export const DEFAULT_WIDTH_ADVANCES = { full: 1.8, half: 1.6 };

export type WidthDecidedSymbol = OcrSymbol & { repair?: string; doubt?: string };

const HAN = /^\p{Script=Han}$/u;

/** The brackets and commas of a read, in the width their room in the line shows. Pure. */
export function decidePunctuationWidth(result: OcrResult, advances = DEFAULT_WIDTH_ADVANCES): WidthDecidedSymbol[] {
  const symbols = result.symbols;
  const pitches: number[] = [];
  for (let i = 0; i + 1 < symbols.length; i++) {
    const a = symbols[i]!;
    const b = symbols[i + 1]!;
    if (a.line === b.line && HAN.test(a.text) && HAN.test(b.text) && b.x0 > a.x0) pitches.push(b.x0 - a.x0);
  }
  pitches.sort((x, y) => x - y);
  const em = pitches.length >= 3 ? pitches[Math.floor(pitches.length / 2)]! : null;

  // Straight quotes in Chinese text are curly quotes OCR straightened: they alternate, opening first.
  let quotes = 0;
  return symbols.map((s, i) => {
    if (s.text === '"') {
      const curly = quotes++ % 2 === 0 ? '“' : '”';
      return { ...s, text: curly, repair: `OCR read ", in Chinese text it is ${curly}` };
    }
    const forms = FORMS[s.text];
    if (!forms) return s;
    const prev = symbols[i - 1];
    const next = symbols[i + 1];
    // At a line's end, or without a grid to measure by, the room says nothing.
    if (!em || !prev || !next || prev.line !== s.line || next.line !== s.line || s.x1 - s.x0 < 1) return s;
    const advance = (next.x0 - prev.x0) / em;
    const [half, full] = forms;
    const decided = advance >= advances.full ? full : advance <= advances.half ? half : null;
    if (decided === null) return { ...s, confidence: Math.min(s.confidence, 0.6), doubt: `${s.text} could be full or half width: its room in the line does not say` };
    if (decided === s.text) return s;
    return { ...s, text: decided, repair: `OCR read ${s.text}, its room in the line shows ${decided}` };
  });
}
