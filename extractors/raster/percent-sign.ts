/**
 * A % that OCR read as a Chinese character. Tesseract's Chinese models read the % of a serif Latin face (the
 * Computer Modern % of TeX Live's Fandol faces, the Times % of most Word documents) as 吧 吕 叹 宛 兄 匈 史 …: a
 * number's unit that no table writes. Such a character, right after a digit and in a unit's place, is looked at:
 * a % is as tall as the digits, not as a Chinese character, and its ink closes two small loops, one in its upper
 * left and one in its lower right, and no other; it is narrower than a Chinese character too. A Chinese character
 * the models confuse with it (吕, 名) stands a full em tall and wide, and most have their loops one above the other
 * (吕, 日) or none; a few have them as a % has (座, 条, 组), but are as wide as an em. Pixels of the padded read, origin
 * top-left.
 */
import { runsAroundBox, type InkRun } from './ink-columns.js';
import { medianLineExtents, withoutDispute, type Crop, type MarkedSymbol } from './ocr-read.js';
import { typicalHanHeight } from '../ocr/lines.js';

/** What reading % from the ink needs of the OCR settings. */
export interface PercentSignSettings {
  /** White margin around the crop Tesseract read, pixels. */
  padding: number;
  /** Pixels darker than this are ink. */
  inkThreshold: number;
}

/** The shape of a %, as shares of the em (the read's `typicalHanHeight`) and of its own box. */
export const DEFAULT_PERCENT_SHAPE = {
  /**
   * Its height, from and to: the Computer Modern % of the Fandol faces stands 0.81–0.89 of the read's em (the
   * height of its Chinese characters, which measure 0.95–1.05 in it), a Times % as tall as the digits.
   */
  height: [0.5, 0.92] as const,
  /**
   * Its width at most: 0.74–0.86 em for the Fandol faces' %, 0.96–1 for the Chinese characters whose loops look
   * like its (座 and 条 in Noto Serif CJK Light, 组 in Noto Serif CJK Black, at 200 dpi).
   */
  maxWidth: 0.9,
  /** Its height against the digit's before it, from and to (Computer Modern: 1.2, its % reaching below the line). */
  digitHeight: [0.85, 1.3] as const,
  /** A loop's area at most, as a share of the glyph's box. */
  loopArea: 0.15,
  /** A loop's area at least, pixels: smaller white is noise between strokes. */
  minLoopPixels: 3,
};

/**
 * Confidence of a % read from its shape where OCR read a Chinese character, and the other model read a Chinese
 * character too or was not asked: the shape is the only witness. Measured on the twenty-two development and
 * evaluation sets: every % read from its shape was right (226; 50 of them where the other model read a Chinese
 * character, which settles their dispute), bar one in an item the numbering check shows misplaced. High enough that
 * a target with one more repair as sure (FandolFang's ≥90%, its ≥ read as > and its % as 兄, each put right from its
 * shape) stays at the review threshold after both repairs' `REPAIR_FACTOR`: 0.93 × 0.985² = 0.902. At 0.92 the 34
 * such targets of `--fresh23` were all flagged, and all right.
 */
export const PERCENT_SIGN_CONFIDENCE = 0.93;
/**
 * Confidence of a % read from its shape where the other OCR model read % too: two readings that share nothing (the
 * ink's loops, another network) agree. Measured on the twenty-two development and evaluation sets: the % was right in
 * all 124 such targets (and in the 98 where the other model read something else).
 */
export const PERCENT_SIGN_AGREED_CONFIDENCE = 0.95;

/**
 * Marks that may follow a number's unit: those that end a target (after them, or at the end of a line or of the read,
 * the unit is the target's last), a bracket that opens a remark on it (100%（应处尽处）) and the mark of a range
 * (95%-100%).
 */
const AFTER_UNIT = /^[；;。，,、（(【〔〈《\-~～—]$/;
const HAN = /^\p{Script=Han}$/u;
/** What the other model read for a %'s glyph when it read Chinese characters only. */
const HAN_READING = /^\p{Script=Han}{1,2}$/u;

/** The Chinese characters after a number, ending its target, whose ink is a %'s, read as % and marked. Pure. */
export function readPercentSigns(symbols: readonly MarkedSymbol[], crop: Crop, settings: PercentSignSettings, shape = DEFAULT_PERCENT_SHAPE): MarkedSymbol[] {
  if (!symbols.some((s, i) => (HAN.test(s.text) || s.text === '&') && /^[0-9]$/.test(symbols[i - 1]?.text ?? ''))) return [...symbols];
  const em = typicalHanHeight(symbols);
  if (em < 1) return [...symbols];
  const lines = medianLineExtents(symbols);
  const p = settings.padding;
  return symbols.map((s, i) => {
    const before = symbols[i - 1];
    const after = symbols[i + 1];
    if (percentAndMarkAsAmpersand(s, before, after)) {
      return { ...s, text: '%', confidence: Math.min(s.confidence, PERCENT_AND_MARK_CONFIDENCE), repair: `OCR read & after a number, the other OCR model ${s.otherReading}: a % and the mark after it set close, read as one glyph` };
    }
    if (!HAN.test(s.text) || before === undefined || before.line !== s.line || !/^[0-9]$/.test(before.text)) return s;
    if (after !== undefined && after.line === s.line && !AFTER_UNIT.test(after.text)) return s;
    const line = lines.get(s.line)!;
    // The line's median extents: any further and the lines above and below join the glyphs. The glyph is the run
    // of inked columns under its box, the digit the run before it.
    const rows = { y0: line.y0 - p, y1: line.y1 - p };
    const box = { x0: s.x0 - p, x1: s.x1 - p };
    const around = runsAroundBox(crop, rows, settings.inkThreshold, box, 2 * em);
    const runs = around.runs;
    const under = around.under >= 0 ? around.under : runBeforeWhite(runs, (box.x0 + box.x1) / 2);
    const k = onMarkAfter(runs, under, em, shape) ? under - 1 : under;
    const glyph = runs[k];
    const digit = runs[k - 1];
    if (glyph === undefined || digit === undefined) return s;
    const h = glyph.y1 - glyph.y0;
    const digitH = digit.y1 - digit.y0;
    if (h < shape.height[0] * em || h > shape.height[1] * em || glyph.x1 - glyph.x0 > shape.maxWidth * em) return s;
    if (digitH < 1 || h < shape.digitHeight[0] * digitH || h > shape.digitHeight[1] * digitH) return s;
    if (!twoDiagonalLoops(crop, glyph, settings.inkThreshold, shape)) return s;
    const repair = `OCR read ${s.text} after a number, its shape is %`;
    if (s.otherReading === '%') {
      // The dispute between the two models was the first one's misreading: with it gone, they agree.
      return { ...withoutDispute(s), text: '%', confidence: PERCENT_SIGN_AGREED_CONFIDENCE, confirmed: true, repair: `${repair}, as the other OCR model read it` };
    }
    // The other model's Chinese character for the glyph (史 吊 古 吉 for the Computer Modern %) is its misreading as
    // much as the first one's: the shape settles their dispute. A digit in its reading (0写) says the box held a digit
    // as well, and the dispute stands.
    if (s.otherReading !== undefined && HAN_READING.test(s.otherReading)) {
      return { ...withoutDispute(s), text: '%', confidence: PERCENT_SIGN_CONFIDENCE, repair: `${repair}, the other OCR model's ${s.otherReading} a misreading as well` };
    }
    return { ...s, text: '%', confidence: Math.min(s.confidence, PERCENT_SIGN_CONFIDENCE), repair };
  });
}

/**
 * Confidence of a % taken from the other model where the first read an & for it and the 。 or ， after it: the other
 * model's reading against the first's, and the mark after the % lost. Below the review threshold.
 */
const PERCENT_AND_MARK_CONFIDENCE = 0.5;

/**
 * Whether `s` is an & read for a % and the mark after it, which WenQuanYi Zen Hei Sharp sets close (99%。4、 read
 * 99&4、): after a digit, the end of its item (the next item's number, a mark that ends a target, or the line's end)
 * after it, and the other model reading a % there.
 */
function percentAndMarkAsAmpersand(s: MarkedSymbol, before: MarkedSymbol | undefined, after: MarkedSymbol | undefined): boolean {
  if (s.text !== '&' || before === undefined || before.line !== s.line || !/^[0-9]$/.test(before.text)) return false;
  if (!/^%[，,。.]?$/.test(s.otherReading ?? '')) return false;
  return after === undefined || after.line !== s.line || /^[0-9]$/.test(after.text) || TARGET_END.test(after.text);
}

/** Marks that end a target. */
const TARGET_END = /^[；;。，,]$/;

/**
 * The run a box stands for whose middle falls on white: the last run that starts before the middle. Tesseract boxes the
 * Fandol faces' % half a glyph to the right, its middle on the white between the % and the 。 or ； after it (100%。 in
 * FandolFang, the %'s ink at 590–620 px, its box 614–647); -1 where no run starts before it.
 */
function runBeforeWhite(runs: readonly InkRun[], middle: number): number {
  return runs.findLastIndex((r) => r.x0 <= middle);
}

/**
 * Whether the run under a symbol's box is the small mark after the glyph (a 。 or ，) rather than the glyph: Tesseract
 * sometimes boxes a glyph one place to the right, on the punctuation after it, and the digit before it over the
 * glyph (6.8%。 in FandolFang, its 8's box over the %, its %'s over the 。). The glyph is then the run before.
 */
function onMarkAfter(runs: readonly InkRun[], under: number, em: number, shape: typeof DEFAULT_PERCENT_SHAPE): boolean {
  const run = runs[under];
  if (run === undefined || under < 2) return false;
  return run.y1 - run.y0 < shape.height[0] * em && run.x1 - run.x0 < shape.height[0] * em;
}

/**
 * Whether the white inside `box` (pixels of the crop) that no path of white joins to the box's border forms two
 * loops and no more, one in the upper left and one in the lower right, each small.
 */
export function twoDiagonalLoops(crop: Crop, box: { x0: number; y0: number; x1: number; y1: number }, inkThreshold: number, shape = DEFAULT_PERCENT_SHAPE): boolean {
  // One pixel of white around the box, so that the border's white is one region.
  const x0 = box.x0 - 1;
  const y0 = box.y0 - 1;
  const w = box.x1 - box.x0 + 2;
  const h = box.y1 - box.y0 + 2;
  if (w < 6 || h < 6) return false;
  const ink = (x: number, y: number) => {
    const cx = x0 + x;
    const cy = y0 + y;
    if (cx < box.x0 || cx >= box.x1 || cy < box.y0 || cy >= box.y1) return false;
    if (cx < 0 || cy < 0 || cx >= crop.width || cy >= crop.height) return false;
    return crop.data[cy * crop.width + cx]! < inkThreshold;
  };
  const label = new Int32Array(w * h).fill(-1);
  const regions: { area: number; sx: number; sy: number }[] = [];
  for (let start = 0; start < w * h; start++) {
    if (label[start] !== -1 || ink(start % w, Math.floor(start / w))) continue;
    const id = regions.length;
    const region = { area: 0, sx: 0, sy: 0 };
    const stack = [start];
    label[start] = id;
    while (stack.length > 0) {
      const k = stack.pop()!;
      const x = k % w;
      const y = Math.floor(k / w);
      region.area++;
      region.sx += x;
      region.sy += y;
      // Four neighbours: white touching only at a corner is closed off by the strokes.
      for (const [nx, ny] of [[x + 1, y], [x - 1, y], [x, y + 1], [x, y - 1]] as const) {
        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
        const n = ny * w + nx;
        if (label[n] !== -1 || ink(nx, ny)) continue;
        label[n] = id;
        stack.push(n);
      }
    }
    regions.push(region);
  }
  // Region 0 holds the top-left corner: the white around the glyph.
  const loops = regions.slice(1).filter((r) => r.area >= shape.minLoopPixels);
  if (loops.length !== 2) return false;
  const inner = (w - 2) * (h - 2);
  if (loops.some((r) => r.area > shape.loopArea * inner)) return false;
  const [a, b] = [...loops].sort((r, q) => r.sy / r.area - q.sy / q.area);
  const at = (r: { area: number; sx: number; sy: number }) => ({ x: r.sx / r.area / w, y: r.sy / r.area / h });
  const upper = at(a!);
  const lower = at(b!);
  return upper.x < 0.5 && upper.y < 0.5 && lower.x > 0.5 && lower.y > 0.5;
}
