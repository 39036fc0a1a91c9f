/**
 * A ‰ that OCR read as %. Tesseract's Chinese models read ‰ as % more often than not, at high confidence, and a
 * target of 3‰ read as 3% is wrong by a factor of ten. A Kai face draws ‰ as % with a small circle set close
 * after it (0.06 em apart on the evaluation scans): that circle is looked for before the ； that ends a period
 * target, where OCR read nothing for it, and told from a comma, which runs below the line. Before a 。 or a 、 it
 * is not: some faces set those as close, and as round. (A Song face draws ‰ as one glyph wider than %, 0.63–0.66 of an em
 * against 0.43–0.50; but a % whose ink touches its neighbour's on a noisy or bilevel scan is as wide, so width
 * alone is no sign.) A face that draws ‰ as one glyph (HanaMinA) is told by its ink's rings instead
 * (`readPerMilleRings`). Pixels of the padded read, origin top-left.
 */
import { inkColumnRuns, widestOverlapping, type InkRun } from './ink-columns.js';
import { greyToInkPieces, runsToHoles, type RowRun } from './ink-components.js';
import { medianLineExtents, type Crop, type MarkedSymbol } from './ocr-read.js';
import { typicalHanHeight } from '../ocr/lines.js';

/** What reading ‰ from the ink needs of the OCR settings. */
export interface PerMilleSettings {
  /** White margin around the crop Tesseract read, pixels. */
  padding: number;
  /** Pixels darker than this are ink. */
  inkThreshold: number;
}

/** The shapes that tell ‰ from %, as shares of the em (the read's `typicalHanHeight`). */
export const DEFAULT_PER_MILLE_SHAPES = {
  /** A circle at most this far after the % belongs to it. */
  circleGap: 0.15,
  /** The circle's width, from and to. */
  circleWidth: [0.15, 0.38] as const,
  /** Its bottom lies this close to the %'s bottom (a comma's runs below it). */
  baseline: 0.1,
};

/** Confidence of a ‰ read from its shape: a likely reading, never a sure one. */
export const PER_MILLE_CONFIDENCE = 0.85;

/** A box narrower than this share of the em places its symbol nowhere. */
const MIN_PLACED_WIDTH = 0.1;

/** The ； that ends a period target, after which a ‰'s circle is told from a mark's. */
const SEMICOLON = /^[；;]$/;


/** The % symbols whose ink shows ‰, read as ‰ and marked as a repair. Pure. */
export function readPerMille(symbols: readonly MarkedSymbol[], crop: Crop, settings: PerMilleSettings, shapes = DEFAULT_PER_MILLE_SHAPES): MarkedSymbol[] {
  if (!symbols.some((s) => s.text === '%')) return [...symbols];
  const em = typicalHanHeight(symbols);
  if (em < 1) return [...symbols];
  const lines = medianLineExtents(symbols);
  const p = settings.padding;
  return symbols.map((s, i) => {
    // Only before the ； that ends a period target: before a 。 or a 、 (read or dropped, and the next item's number
    // after it) the small circle may be that mark, set close by the face (Noto Serif, Zen Hei at 200 dpi), and the
    // shapes do not tell them apart.
    if (s.text !== '%' || !SEMICOLON.test(symbols[i + 1]?.text ?? '')) return s;
    // Boxes that place nothing (a broken read) say nothing of whose ink is whose.
    const placed = (x: MarkedSymbol | undefined) => x === undefined || x.line !== s.line || x.x1 - x.x0 >= MIN_PLACED_WIDTH * em;
    if (!placed(s) || !placed(symbols[i + 1])) return s;
    const line = lines.get(s.line)!;
    // The whole line's height, and a little more: the circle and the % sit on the baseline.
    const rows = { y0: line.y0 - p - 0.1 * em, y1: line.y1 - p + 0.1 * em };
    const runs = inkColumnRuns(crop, rows, settings.inkThreshold, s.x0 - p - em, s.x1 - p + em);
    const percent = widestOverlapping(runs, s.x0 - p, s.x1 - p);
    if (!percent) return s;
    const next = runs[runs.indexOf(percent) + 1];
    // Not the ink of the symbol OCR read next (a 。 that some faces set close after a %): the circle is ink that
    // OCR read as nothing, or as part of the %.
    const following = symbols[i + 1];
    const inFollowing = (r: InkRun | undefined) => following !== undefined && following.line === s.line && r !== undefined && Math.min(r.x1, following.x1 - p) - Math.max(r.x0, following.x0 - p) > 0;
    // Tesseract's box of a ； may run back over the white before its ink and take in the circle (HanaMinA: ≤0.5‰；
    // boxed as % and a ; over the circle too): where that box holds ink of its own further on, the circle is not it.
    const readAs = inFollowing(next) && !inFollowing(runs[runs.indexOf(percent) + 2]);
    const circle =
      !readAs &&
      next !== undefined &&
      next.x0 - percent.x1 <= shapes.circleGap * em &&
      next.x1 - next.x0 >= shapes.circleWidth[0] * em &&
      next.x1 - next.x0 <= shapes.circleWidth[1] * em &&
      Math.abs(next.y1 - percent.y1) <= shapes.baseline * em &&
      next.y0 > percent.y0 + 0.3 * (percent.y1 - percent.y0);
    if (!circle) return s;
    return { ...s, text: '‰', confidence: Math.min(s.confidence, PER_MILLE_CONFIDENCE), repair: 'OCR read %, a small circle close after it makes it ‰' };
  });
}

/**
 * The rings that tell a ‰ drawn as one glyph (or as pieces touching OCR's box) from a %: below the first ring, two
 * more side by side. Shares of the em (the read's `typicalHanHeight`) but where said.
 */
export const DEFAULT_PER_MILLE_RINGS = {
  /** White enclosed by less than this share of the em squared is a speck, not a ring. */
  minHole: 0.012,
  /** A lower ring's centre lies below this share of the glyph's height. */
  lowerFrom: 0.45,
  /**
   * The two lower rings' centres lie within this share of the glyph's height of each other, up or down: within 0.03
   * on the evaluation scans, where a mono face's 。 joined to a % sits 0.08–0.1 below the %'s ring.
   */
  sameHeight: 0.05,
  /** They hold as much white: the smaller at least this share of the larger (a 。 a noisy scan joins to a % is smaller than its ring). */
  sameSize: 0.7,
  /** They stand at most this far apart, centre to centre (that 。 stands 0.5 em or more from the ring). */
  apart: 0.45,
  /** Pieces of ink shorter than this are not the glyph's (a point, a speck). */
  minPieceHeight: 0.12,
};

/**
 * The % symbols whose ink holds a ‰'s three rings, read as ‰ and marked as a repair. Tesseract's Chinese models read
 * a ‰ drawn as one glyph (HanaMinA, AR PL KaitiM GB) as % at 0.95, a silent error in the unit; the third ring is
 * what tells them apart. The glyph is the pieces of ink that reach into OCR's box for the %; a symbol OCR read over
 * its last ring (a W) goes with it. Symbols are in the padded image's pixels, as OCR gave them. Pure.
 */
export function readPerMilleRings(symbols: readonly MarkedSymbol[], crop: Crop, settings: PerMilleSettings, rings = DEFAULT_PER_MILLE_RINGS): MarkedSymbol[] {
  if (!symbols.some((s) => s.text === '%')) return [...symbols];
  const em = typicalHanHeight(symbols);
  if (em < 1) return [...symbols];
  const lines = medianLineExtents(symbols);
  const p = settings.padding;
  const absorbed = new Set<number>();
  const read = symbols.map((s, i) => {
    // A % and an o (its last ring read so) the text's repairs read as ‰, and settle it where the format leaves no
    // other reading; a repair here would only leave it flagged.
    if (s.text !== '%' || /^[oO]$/.test(symbols[i + 1]?.text ?? '')) return s;
    const line = lines.get(s.line)!;
    const window = {
      x0: Math.max(0, Math.floor(s.x0 - p - 0.3 * em)),
      x1: Math.min(crop.width, Math.ceil(s.x1 - p + 0.8 * em)),
      y0: Math.max(0, Math.floor(Math.min(s.y0, line.y0) - p - 0.15 * em)),
      y1: Math.min(crop.height, Math.ceil(Math.max(s.y1, line.y1) - p + 0.15 * em)),
    };
    if (window.x1 <= window.x0 || window.y1 <= window.y0) return s;
    const inBox = (runs: readonly RowRun[]) => runs.some((r) => r.x1 > s.x0 - p + 1 && r.x0 < s.x1 - p - 1);
    const tallEnough = (runs: readonly RowRun[]) => runs[runs.length - 1]!.y + 1 - runs[0]!.y > rings.minPieceHeight * em;
    const glyph = greyToInkPieces(crop, settings.inkThreshold, window).filter((runs) => inBox(runs) && tallEnough(runs)).flat();
    if (glyph.length === 0) return s;
    const top = Math.min(...glyph.map((r) => r.y));
    const height = Math.max(...glyph.map((r) => r.y)) + 1 - top;
    const right = Math.max(...glyph.map((r) => r.x1));
    const lower = runsToHoles(glyph).filter((h) => h.pixels >= rings.minHole * em * em && h.cy - top > rings.lowerFrom * height);
    const twoRings = lower.some((a) =>
      lower.some((b) => b.cx > a.cx && b.cx - a.cx <= rings.apart * em && Math.abs(a.cy - b.cy) <= rings.sameHeight * height && Math.min(a.pixels, b.pixels) >= rings.sameSize * Math.max(a.pixels, b.pixels)),
    );
    if (!twoRings) return s;
    const next = symbols[i + 1];
    if (next !== undefined && next.line === s.line && next.text !== '%' && (next.x0 + next.x1) / 2 - p < right) absorbed.add(i + 1);
    return { ...s, text: '‰', x1: Math.max(s.x1, right + p), confidence: Math.min(s.confidence, PER_MILLE_CONFIDENCE), repair: 'OCR read %, three rings in its ink make it ‰' };
  });
  return read.filter((_, i) => !absorbed.has(i));
}
