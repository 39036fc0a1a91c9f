/**
 * Full- or half-width brackets from where OCR found them, and curly quotes.
 *
 * Tesseract's Chinese model reads （ as ( (and 〈) more often than not, but a full-width （ stands at the
 * right of its em box and ） at its left, so white space of about half an em opens before （ and after ）,
 * against a tenth for the half-width forms. An opening bracket that starts a line stands in from the other
 * lines' left edge by as much. Producers compress that room beside other punctuation and at a line's start:
 * there a wide gap still shows full width, and a narrow one says nothing. Where the pixels are at hand the white
 * is measured on the ink (`white`), since the boxes run over it. Between the two thresholds nothing is decided and
 * the bracket takes its partner's width, or is doubted.
 *
 * Commas are mostly left as read: the model reads ， and , well in most faces, while the room after a comma is no
 * guide (producers compress full-width punctuation, and a full-width ， of a Simplified face stands at the left
 * of its em, white after it, much as a half-width one is followed by a space). But a face that sets ， in the
 * middle of its em (BabelStone Han, the Traditional style) has the model read it as , about two times in three.
 * White on both sides of the ink tells it: a half-width comma follows its character closely (never more than
 * 0.34 em of white on both sides, over 293 half-width commas between Chinese characters in the 43 development
 * and evaluation scans), and a comma read as , with 0.4 em or more on both sides was full width every time
 * (107 of them, 97 in BabelStone Han; 37 full-width ones read as , had less).
 *
 * Semicolons: the model reads ； as ; nearly always. A ; between two Chinese characters of a line with most of an
 * em of white after its ink is a ； set at the left of its em, and one with white on both sides a ； set in its
 * middle (WenQuanYi Zen Hei, AR PL UKai, BabelStone Han); with less it is doubted, as either width fits.
 */
import type { OcrSymbol } from '../ocr/ocr-engine.js';
import { lineHeights } from '../ocr/lines.js';

const OPENING: Readonly<Record<string, [half: string, full: string]>> = { '(': ['(', '（'], '（': ['(', '（'], '〈': ['(', '（'], '《': ['(', '（'], '【': ['(', '（'] };
/**
 * Brackets of their own that OCR reads for a full-width （ too, with the mark that closes each: a title's 《 and
 * FandolFang's 【 (预算【概算）, 系统【二期）). Closed by a round bracket, they are that （; closed by their own, themselves.
 */
const OWN_CLOSING: Readonly<Record<string, string>> = { '《': '》', '【': '】' };
const CLOSING: Readonly<Record<string, [half: string, full: string]>> = { ')': [')', '）'], '）': [')', '）'], '〉': [')', '）'] };

/**
 * Commas of one width outnumbering those of the other at least this many times over in a cell make its style.
 * @default 2
 */
export const MIXED_COMMA_MAJORITY = 2;

/**
 * Full-width commas between words, with no half-width one, that make a cell's undecided ; a ；: a cell parts its
 * clauses in the style it writes its commas in. Of the samples' source texts with a semicolon, 126 write ， too:
 * 125 write ；, and the other writes ; as a list's separator (the grammar's); the seed's ; stand beside ,. Over the
 * twenty-three sets this put 62 values right and none wrong; the ； stays doubted, as its ink decided nothing.
 * @default 1
 */
export const FULL_WIDTH_CELL_COMMAS = 1;

/** White space beside a bracket, as a share of its line's height: at least `full` is full width, at most `half` half. */
export const DEFAULT_WIDTH_GAPS = { full: 0.4, half: 0.25 };
/**
 * The same for white space measured on the ink (`white`), as a share of the em of the read's Chinese characters:
 * boxes running over their neighbours do not narrow it, nor tall punctuation boxes stretch what it is measured
 * by. On the 200 dpi evaluation scans: 0.6–0.85 beside a full-width bracket, at most 0.3 beside a half-width one.
 */
export const DEFAULT_INK_WIDTH_GAPS = { full: 0.5, half: 0.36 };
/**
 * White on the ink, as a share of the em, that a comma read as , between two Chinese characters has on both sides
 * when it is a full-width ， set in the middle of its em.
 * @default 0.4
 */
export const DEFAULT_CENTRED_COMMA_WHITE = 0.4;

/**
 * White on the ink, as a share of the em, beside a ; read between two Chinese characters that makes it a full-width
 * ；: at least `after` after it and at most `before` before it (a ； set at the left of its em), or at least
 * `centred` on both sides (a ； set in the middle of its em). On the evaluation scans, between two characters: 101
 * ； read as ; with white on both sides had 0.44–0.76 em on the narrower side, 148 half-width ; at most 0.33.
 */
export const DEFAULT_SEMICOLON_WHITE = { after: 0.6, before: 0.4, centred: 0.4 };

export type WidthDecidedSymbol = OcrSymbol & {
  repair?: string;
  doubt?: string;
  /**
   * The white columns between a bracket's, comma's or semicolon's ink and the ink beside it on its line (pixels of
   * the read; null on a side with no ink near), and the em they are measured by (`typicalHanHeight` of the read,
   * pixels), where the pixels were at hand. Tesseract's boxes run over their neighbours and hide that white space; the ink does not.
   */
  white?: { before: number | null; after: number | null; em: number };
};

/** What the white space beside one bracket says of its width; null where it says nothing or is in between. */
interface BracketWidth {
  index: number;
  opening: boolean;
  half: string;
  full: string;
  decided: string | null;
  /** Why nothing was decided; unset when decided. */
  undecided?: string;
  /** Whether it was decided on the white measured on the ink, not on the boxes' gap. */
  onInk?: boolean;
  /** Whether it was decided by what OCR read: 〈, or 《 or 【 closed by a round bracket, is how the model reads （. */
  byReading?: boolean;
  /** Whether the white inside it is as wide as outside a full-width bracket: it is no half-width one. */
  roomInside?: boolean;
}

/**
 * White between the ink boxes of two opening brackets read side by side, as a share of their line's height, at
 * most which they are one bracket read twice. Tesseract boxes a full-width （ as 〈( or 《〈 at times (BabelStone
 * Han, FandolSong, HanaMinA: 台〈(套), 防洪《〈潮): over the seven evaluation sets measured with cached reads, 22 such
 * pairs, their boxes overlapping or at most 0.21 em apart. Two brackets written in a row stand an em apart, and
 * these tables write none.
 * @default 0.25
 */
export const DEFAULT_BRACKET_READ_TWICE_GAP = 0.25;

/** Of `DEFAULT_BRACKET_READ_TWICE_GAP`, the share within which a 《 after an opening bracket is that bracket read again. */
const TITLE_MARK_SHARE = 0.4;

/**
 * Two opening brackets of one line read where one stands (台〈(套) made one: its box spans both, its text the 〈
 * or 《 of the pair (the model reads a half-width ( as neither), for `decidePunctuationWidth` to take as full width;
 * the repair says what was read. A 《 after the first is one only much closer (`TITLE_MARK_SHARE` of the gap):
 * （《 opens a bracketed title, two marks of their own. Pure.
 */
export function mergeBracketsReadTwice<S extends OcrSymbol & { repair?: string }>(symbols: readonly S[], gap = DEFAULT_BRACKET_READ_TWICE_GAP): S[] {
  const heights = lineHeights(symbols);
  const out: S[] = [];
  for (const s of symbols) {
    const last = out.at(-1);
    const twice =
      last !== undefined &&
      last.line === s.line &&
      last.repair === undefined &&
      OPENING[last.text] !== undefined &&
      OPENING[s.text] !== undefined &&
      s.x0 - last.x1 <= (s.text === '《' ? TITLE_MARK_SHARE : 1) * gap * (heights.get(s.line) ?? 1);
    if (!twice) {
      out.push(s);
      continue;
    }
    const read = [last.text, s.text];
    const text = read.includes('〈') ? '〈' : read.includes('《') ? '《' : last.text;
    out[out.length - 1] = {
      ...last,
      text,
      confidence: Math.min(last.confidence, s.confidence),
      x0: Math.min(last.x0, s.x0),
      y0: Math.min(last.y0, s.y0),
      x1: Math.max(last.x1, s.x1),
      y1: Math.max(last.y1, s.y1),
      repair: `OCR read ${last.text}${s.text} where one opening bracket stands`,
    };
  }
  return out;
}

/**
 * The brackets of a read in the width their spacing shows, and straight quotes made curly. Pure.
 *
 * A bracket whose spacing says nothing (at a line's end, where the white space after ） is the cell's) takes
 * the width of its partner: the other bracket of the pair, decided by its own spacing. A pair is written in one
 * style; two partners whose spacing disagrees are both doubted, unless one was decided on firmer ground (its ink
 * over the boxes' gap, OCR's 〈 over either).
 */
export function decidePunctuationWidth<S extends WidthDecidedSymbol>(read: { symbols: readonly S[] }, gaps = DEFAULT_WIDTH_GAPS, inkGaps = DEFAULT_INK_WIDTH_GAPS, semicolonWhite = DEFAULT_SEMICOLON_WHITE): S[] {
  const result = { symbols: centredCommasToFullWidth(read.symbols) };
  const heights = lineHeights(result.symbols);
  // One cell is written in one style: commas of both widths in it mean some were misread, which ones unknown. A
  // comma between digits groups thousands (2,150平方米，…), which is no comma of the text.
  const digit = (s: S | undefined) => s !== undefined && /^[0-9]$/.test(s.text);
  const grouping = (i: number) => digit(result.symbols[i - 1]) && digit(result.symbols[i + 1]);
  const mixedCommas = result.symbols.some((s, i) => s.text === ',' && !grouping(i)) && result.symbols.some((s) => s.text === '，');
  // A comma with a digit beside it may be a number's (15,.000 read for 15,000): only those between words count.
  const betweenWords = (i: number) => !digit(result.symbols[i - 1]) && !digit(result.symbols[i + 1]);
  const textCommas = result.symbols.filter((s, i) => (s.text === '，' || s.text === ',') && betweenWords(i));
  const halfCommas = textCommas.filter((s) => s.text === ',').length;
  const fullCommas = textCommas.length - halfCommas;
  // Where one width outnumbers the other two to one, the cell's style is that width, and the others are likely
  // misread (防控，开展 beside four commas read ,): written in it, and doubted still. Documents seldom mix the two
  // between Chinese characters (2 of 388 texts with commas on the development and evaluation sets, one of them
  // two to three); over the twenty-three sets this put 42 values right and none wrong.
  const commaStyle = halfCommas >= MIXED_COMMA_MAJORITY * fullCommas ? ',' : fullCommas >= MIXED_COMMA_MAJORITY * halfCommas ? '，' : null;
  // A ; between two characters with white on both sides is a ； set in the middle of its em (see below).
  const centred = new Set(result.symbols.flatMap((s, i) => (s.text === ';' && hanBeside(s, result.symbols[i - 1]) && hanBeside(s, result.symbols[i + 1]) && centredSemicolon(s, semicolonWhite) ? [i] : [])));
  const brackets = new Map<number, BracketWidth>();
  result.symbols.forEach((s, i) => {
    // 《 opens a title (《…》) and 【 a heading unless a round bracket closes it: then OCR misread （.
    if (OWN_CLOSING[s.text] && !closedByRoundBracket(result.symbols, i)) return;
    const opening = OPENING[s.text];
    const closing = CLOSING[s.text];
    if (!opening && !closing) return;
    const [half, full] = (opening ?? closing)!;
    const h = heights.get(s.line) ?? 1;
    const neighbour = opening ? result.symbols[i - 1] : result.symbols[i + 1];
    // White inside the bracket as wide as outside a full-width one (after （, before ）): a half-width bracket hugs
    // what it encloses, and a face that sets （ in the middle of its em (WenQuanYi Micro Hei: 0.38–0.54 em inside,
    // little outside) is no half-width one for the little white outside. Measured on the twenty-two sets: 9 of 496
    // half-width brackets have that much inside, and 18 of the 82 full-width ones their outside took for half.
    const inside = opening ? s.white?.after : s.white?.before;
    const roomInside = inside !== undefined && inside !== null && inside / s.white!.em >= inkGaps.half;
    const base = { index: i, opening: Boolean(opening), half, full, roomInside };
    // The model reads a full-width （ as 〈 (or 《) at times, a half-width ( never: over the twenty-two sets, 362 〈
    // and 39 《 closed by a round bracket, every one full width, and 44 of them beside a partner spaced as half.
    if (s.text === '〈' || OWN_CLOSING[s.text]) {
      brackets.set(i, { ...base, decided: full, byReading: true });
      return;
    }
    // `onlyFull`: where producers may have taken room away (beside punctuation, at a line's start), a wide gap
    // still shows a full-width bracket, a narrow one nothing.
    const decide = (gap: number, onlyFull = false, onInk = false) => {
      const { full: fullAt, half: halfAt } = onInk ? inkGaps : gaps;
      const decided = gap >= fullAt ? full : gap <= halfAt && !onlyFull && !roomInside ? half : null;
      const undecided = onlyFull ? 'its room may be compressed' : gap <= halfAt ? 'white inside it as well: a full-width bracket set mid-em' : 'its spacing does not say';
      brackets.set(i, decided ? { ...base, decided, onInk } : { ...base, decided: null, undecided });
    };
    if (s.x1 - s.x0 < 1) {
      brackets.set(i, { ...base, decided: null, undecided: 'nothing beside it to measure by' });
      return;
    }
    if (!neighbour || neighbour.line !== s.line) {
      // An opening bracket that starts a line stands in from the line's left edge as far as white space would
      // open before it mid-line.
      const edge = opening ? leftEdgeOfOtherLines(result.symbols, s.line) : null;
      // Chromium trims the room of a （ that starts a line, so standing in says full width, and not standing in nothing.
      if (edge === null) brackets.set(i, { ...base, decided: null, undecided: 'nothing beside it to measure by' });
      else decide((s.x0 - edge) / h, true);
      return;
    }
    const measured = opening ? s.white?.before : s.white?.after;
    const compressed = COMPRESSED_PUNCTUATION.test(neighbour.text);
    // Beside other punctuation, the ink's white is that glyph's too (a full-width ； or 。 has its own): the boxes' gap
    // rules there, as before.
    if (measured !== undefined && measured !== null && !compressed) decide(measured / s.white!.em, false, true);
    else decide((opening ? s.x0 - neighbour.x1 : neighbour.x0 - s.x1) / h, compressed);
  });
  const partners = pairBrackets([...brackets.values()]);

  // Straight quotes in Chinese text are curly quotes OCR straightened, and a ' or ` beside a Chinese character is
  // one it read as a single stroke: they alternate, opening first, with the curly ones OCR did read. Quotes that do
  // not alternate mean one was dropped or misread; when there are as many opening as closing places, the order
  // says which is which (Chinese text does not nest “ inside “), and the ones that change are doubted.
  // Pairs are counted clause by clause (up to a ； or 。): a quote dropped in one item of a list must not make the
  // quotes of the next pair up wrongly.
  let open = false;
  const quoteOrder = new Map<number, { order: number; paired: boolean; alternate: boolean }>();
  for (const quotes of quotesByClause(result.symbols).values()) {
    const paired = quotes.length % 2 === 0;
    const alternate = paired && quotes.every((q, k) => /^["'`]$/.test(result.symbols[q]!.text) || result.symbols[q]!.text === (k % 2 === 0 ? '“' : '”'));
    quotes.forEach((q, order) => quoteOrder.set(q, { order, paired, alternate }));
  }
  const unpaired = 'quote marks that do not pair up: one was dropped or misread';
  return result.symbols.map((s, i): S => {
    const quote = quoteOrder.get(i);
    if (quote !== undefined) {
      const { order, paired, alternate } = quote;
      const curly = paired ? (order % 2 === 0 ? '“' : '”') : s.text === '“' || s.text === '”' ? s.text : open ? '”' : '“';
      open = curly === '“';
      const single = s.text === "'" || s.text === '`';
      const repair = curly === s.text ? s.repair : s.repair ? `${s.repair}, as ${curly}` : s.text === '"' ? `OCR read ", in Chinese text it is ${curly}` : `OCR read ${s.text}, the quotes around it make it ${curly}`;
      const fixed = { ...s, text: curly, ...(repair ? { repair } : {}) };
      if (alternate && !single) return fixed;
      const why = single ? `OCR read ${s.text}: a quote mark read as one stroke (or a ‘ ’ inside quotes)` : unpaired;
      return { ...fixed, confidence: Math.min(s.confidence, 0.6), doubt: s.doubt ?? why };
    }
    if (mixedCommas && (s.text === '，' || (s.text === ',' && !grouping(i)))) {
      const doubted = { ...s, confidence: Math.min(s.confidence, 0.6), doubt: 'commas of both widths were read in this cell: some are misread' };
      const others = s.text === ',' ? fullCommas : halfCommas;
      return commaStyle === null || s.text === commaStyle || !betweenWords(i) ? doubted : { ...doubted, text: commaStyle, repair: `OCR read ${s.text}, where ${others} of the cell's ${textCommas.length} commas are ${commaStyle}: a cell is written in one style` };
    }
    // A face that sets ； in the middle of its em sets ， there too, and the model reads that ， as , at times with
    // less white than `centredCommasToFullWidth` needs (BabelStone Han: 专窗,为老年人 beside 服务；与). A cell's text
    // is written in one style, so such a comma is doubted, left as read.
    if (centred.size > 0 && s.text === ',' && hanBeside(s, result.symbols[i - 1]) && hanBeside(s, result.symbols[i + 1])) {
      return { ...s, confidence: Math.min(s.confidence, 0.6), doubt: ', beside a ； set in the middle of its em: it may be a ， of the same face' };
    }
    if (s.text === '~' || s.text === '～') return { ...s, confidence: Math.min(s.confidence, 0.6), doubt: `${s.text} could be full or half width` };
    // The model reads ； as ; nearly always, and documents write both (a goal's clauses parted by ； or by ;, beside
    // full-width commas). Between two Chinese characters of a line, most of an em of white after the ink shows ；
    // (0.68–0.81 em over the 30 measured ones; a half-width ; had at most 0.24). Less white decides nothing: a
    // ； whose box Tesseract set off its ink measured 0.09–0.22, as little as a ; has. (A list's separators are the
    // grammar's, which writes them in the list's own style.) At a line's end the clause goes on at the next line's
    // start (分流; | 对区政府), and the white after it is the cell's.
    // After a closing quote or bracket of Chinese text (“买单”;对) the ; is in the same place as after a character.
    // Faces that set ； in the middle of its em (WenQuanYi Zen Hei, AR PL UKai) leave about half an em of white on
    // both sides; that is told only after a character, since the white after a closing mark is the mark's own.
    if (s.text === ';' && (hanBeside(s, result.symbols[i - 1]) || closingMarkBeside(s, result.symbols[i - 1]))) {
      const next = result.symbols[i + 1];
      if (hanBeside(s, next) && leftSetSemicolon(s, semicolonWhite)) return { ...s, text: '；', repair: 'OCR read ;, the white after its ink shows ；' };
      if (centred.has(i)) {
        return { ...s, text: '；', repair: 'OCR read ;, its ink stands apart from both characters beside it as a centred ； does' };
      }
      // Or the next clause opens with a bracket or quote (信访;（2）通过), on the line or the next: a list's
      // separators stand before numbers.
      const opensClause = (n: S) => /^\p{Script=Han}$/u.test(n.text) || OPENING_MARK.test(n.text);
      const clauseGoesOn = next !== undefined && opensClause(next) && (next.line === s.line || next.line === s.line + 1);
      if (clauseGoesOn) {
        const doubted = { ...s, confidence: Math.min(s.confidence, 0.6), doubt: '; could be full or half width (OCR reads ； as ;)' };
        const fullWidthCell = halfCommas === 0 && fullCommas >= FULL_WIDTH_CELL_COMMAS;
        return fullWidthCell ? { ...doubted, text: '；', repair: 'OCR read ;, in a cell that writes its commas between words ，: a cell is written in one style' } : doubted;
      }
    }
    const own = brackets.get(i);
    if (!own) return s;
    const partner = partners.get(i);
    const doubted = (why: string): S => ({ ...s, confidence: Math.min(s.confidence, 0.6), doubt: why });
    // `as` written in the width its own spacing decided.
    const spaced = (as: S): S => (own.decided === null || own.decided === s.text ? as : { ...as, text: own.decided, repair: `OCR read ${s.text}, its spacing shows ${own.decided}` });
    // `as` written in the width of its decided partner.
    const paired = (as: S, with_: BracketWidth): S => {
      const width = with_.decided === with_.full ? own.full : own.half;
      return width === s.text ? as : { ...as, text: width, repair: `OCR read ${s.text}, the bracket it pairs with is ${with_.decided}` };
    };
    const disagree = own.decided && partner?.decided && partner.decided !== (own.opening ? closingOf(own.decided) : openingOf(own.decided));
    // OCR's 〈 outweighs the ink, and the ink the boxes: the bracket decided on firmer ground keeps its width, and
    // gives it to its partner.
    if (disagree && firmness(partner!) > firmness(own)) return paired(s, partner!);
    if (own.byReading) return { ...s, text: own.decided!, repair: s.repair ? `${s.repair}, a full-width ${own.full}` : `OCR read ${s.text}, as the model reads a full-width ${own.full}` };
    if (disagree && firmness(own) > firmness(partner!)) return spaced(s);
    if (disagree) return spaced(doubted(`${s.text} and its partner ${result.symbols[partner.index]!.text} are spaced as different widths: one is misread`));
    // Half width on the boxes' gap alone is weak: Tesseract's boxes run over the white beside a bracket. Where the
    // partner's spacing says nothing to bear it out, such a pair was full width 7 times in 22 on the twenty-two
    // sets (against 0 in 343 for half width measured on the ink), so it is doubted, not handed on.
    const halfOnBoxesAlone = (b: BracketWidth) => b.decided === b.half && !b.onInk && !b.byReading;
    if (own.decided && halfOnBoxesAlone(own) && !partner?.decided) return spaced(doubted(`${s.text} could be full width: only the gap between the boxes beside it says half`));
    if (own.decided) return spaced(s);
    if (partner?.decided) {
      if (partner.decided === partner.half && own.roomInside) return doubted(`${s.text} could be full width: white inside it as well, though its partner is spaced as half`);
      if (halfOnBoxesAlone(partner)) return paired(doubted(`${s.text} could be full width: only the gap between the boxes beside its partner says half`), partner);
      return paired(s, partner);
    }
    // 〈 is never right in these tables, nor 《 or 【 closed by a round bracket.
    if (s.text === '〉') {
      return { ...doubted(`${own.full} could be half width`), text: own.full, repair: `OCR read ${s.text}, a bracket of unknown width` };
    }
    return doubted(`${s.text} could be full or half width: ${own.undecided}`);
  });
}

/**
 * Commas read as , between two Chinese characters of a line, with white on both sides of their ink as a full-width
 * ， set in the middle of its em has (see the module's comment), made full width.
 */
function centredCommasToFullWidth<S extends WidthDecidedSymbol>(symbols: readonly S[], white = DEFAULT_CENTRED_COMMA_WHITE): S[] {
  const han = (s: S | undefined, line: number) => s !== undefined && s.line === line && /^\p{Script=Han}$/u.test(s.text);
  return symbols.map((s, i) => {
    if (s.text !== ',' || !s.white || !han(symbols[i - 1], s.line) || !han(symbols[i + 1], s.line)) return s;
    const { before, after, em } = s.white;
    if (before === null || after === null || before < white * em || after < white * em) return s;
    return { ...s, text: '，', repair: 'OCR read ,, its ink stands apart from both characters beside it as a full-width ， does' };
  });
}

/**
 * Punctuation beside which a bracket's white space may be compressed: producers compress full-width punctuation
 * that stands together (Chromium trims （%）； to half-width room for ）).
 */
const COMPRESSED_PUNCTUATION = /^[，。、；：！？,.;:!?“”‘’「」『』【】《》〈〉（）()]$/u;

/**
 * Where the other lines of a read start (the leftmost first symbol that is a character, not punctuation), in
 * pixels of the read; null when no other line starts with one.
 */
function leftEdgeOfOtherLines(symbols: readonly OcrSymbol[], line: number): number | null {
  let edge = Infinity;
  for (let k = 0; k < symbols.length; k++) {
    const s = symbols[k]!;
    const starts = k === 0 || symbols[k - 1]!.line !== s.line;
    if (starts && s.line !== line && /^[\p{Script=Han}\p{L}\p{N}]/u.test(s.text)) edge = Math.min(edge, s.x0);
  }
  return Number.isFinite(edge) ? edge : null;
}

/** How firm the ground a bracket's width was decided on: OCR's 〈 over the ink, the ink over the boxes' gap. */
function firmness(bracket: BracketWidth): number {
  return bracket.byReading ? 2 : bracket.onInk ? 1 : 0;
}

/** Whether the next closing mark after symbol `i` is a round bracket, not its own (》 after 《, 】 after 【). */
function closedByRoundBracket(symbols: readonly { text: string }[], i: number): boolean {
  const own = [symbols[i]!.text, OWN_CLOSING[symbols[i]!.text]];
  for (let k = i + 1; k < symbols.length; k++) {
    if (own.includes(symbols[k]!.text)) return false;
    if (CLOSING[symbols[k]!.text]) return true;
  }
  return false;
}

/** Each bracket's partner (opening with closing, innermost first), both ways. */
function pairBrackets(brackets: readonly BracketWidth[]): Map<number, BracketWidth> {
  const partners = new Map<number, BracketWidth>();
  const open: BracketWidth[] = [];
  for (const b of brackets) {
    if (b.opening) open.push(b);
    else {
      const o = open.pop();
      if (!o) continue;
      partners.set(o.index, b);
      partners.set(b.index, o);
    }
  }
  return partners;
}

const closingOf = (opening: string): string => (opening === '（' ? '）' : ')');
const openingOf = (closing: string): string => (closing === '）' ? '（' : '(');

/**
 * Whether the symbol at `i` is a quote mark of Chinese text: “ ” or " as read, or a ' or ` with a Chinese
 * character beside it on its line (OCR reads a curly quote as one stroke; an apostrophe of Latin text has none).
 */
export function isQuote(symbols: readonly OcrSymbol[], i: number): boolean {
  const s = symbols[i];
  if (s === undefined) return false;
  if (s.text === '“' || s.text === '”' || s.text === '"') return true;
  if (s.text !== "'" && s.text !== '`') return false;
  return hanBeside(s, symbols[i - 1]) || hanBeside(s, symbols[i + 1]);
}

/**
 * Whether the white measured beside a ; (between two Chinese characters) makes it a full-width ； set at the left of
 * its em, as most Simplified faces set it: white filling the rest, where a half-width ; has a tenth or two on either side.
 */
function leftSetSemicolon(s: WidthDecidedSymbol, gaps: typeof DEFAULT_SEMICOLON_WHITE): boolean {
  if (!s.white || s.white.after === null || s.white.before === null) return false;
  return s.white.after >= gaps.after * s.white.em && s.white.before <= gaps.before * s.white.em;
}

/**
 * Whether the white measured beside a ; (between two Chinese characters) makes it a full-width ； set in the middle
 * of its em: about half an em on both sides, where a half-width ; has at most a third on the narrower side.
 */
function centredSemicolon(s: WidthDecidedSymbol, gaps: typeof DEFAULT_SEMICOLON_WHITE): boolean {
  if (!s.white || s.white.after === null || s.white.before === null) return false;
  return Math.min(s.white.after, s.white.before) >= gaps.centred * s.white.em;
}

/** Whether `neighbour` is on `s`'s line and its text matches `pattern`. */
function besideOnLine(s: OcrSymbol, neighbour: OcrSymbol | undefined, pattern: RegExp): boolean {
  return neighbour !== undefined && neighbour.line === s.line && pattern.test(neighbour.text);
}

/** Whether `neighbour` is a Chinese character on `s`'s line. */
export function hanBeside(s: OcrSymbol, neighbour: OcrSymbol | undefined): boolean {
  return besideOnLine(s, neighbour, /^\p{Script=Han}$/u);
}

/** An opening quote or bracket, as Chinese text writes them (or OCR reads them). */
const OPENING_MARK = /^[“"（(〈《「]$/;

/** Whether `neighbour` is a closing quote or bracket on `s`'s line, as Chinese text writes them. */
function closingMarkBeside(s: OcrSymbol, neighbour: OcrSymbol | undefined): boolean {
  return besideOnLine(s, neighbour, /^[”’"'）》」]$/);
}

/** The clause of each symbol: a count of the ； ; and 。 before it (quotes pair up within one). */
export function clauses(symbols: readonly OcrSymbol[]): number[] {
  let n = 0;
  return symbols.map((s) => {
    const own = n;
    if (/^[；;。]$/.test(s.text)) n++;
    return own;
  });
}

/** The quote marks (`isQuote`) of each clause (`clauses`), by index, in reading order; clauses without one left out. */
export function quotesByClause(symbols: readonly OcrSymbol[]): Map<number, number[]> {
  const clause = clauses(symbols);
  const out = new Map<number, number[]>();
  symbols.forEach((_, i) => {
    if (isQuote(symbols, i)) out.set(clause[i]!, [...(out.get(clause[i]!) ?? []), i]);
  });
  return out;
}
