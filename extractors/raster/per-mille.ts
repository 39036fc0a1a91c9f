/**
 * A ‰ that OCR read as %. Tesseract's Chinese models read ‰ as % more often than not, at high confidence, and a
 * target of 3‰ read as 3% is wrong by a factor of ten. A Kai face draws ‰ as % with a small circle set close
 * after it (0.06 em apart on the evaluation scans): that circle is looked for before the ； that ends a period
 * target, where OCR read nothing for it, and told from a comma, which runs below the line. Before a 。 or a 、 it
 * is not: some faces set those as close, and as round. (A Song face draws ‰ as one glyph wider than %, 0.63–0.66 of an em
 * against 0.43–0.50; but a % whose ink touches its neighbour's on a noisy or bilevel scan is as wide, so width
 * alone is no sign.) Pixels of the padded read, origin top-left.
 */
import { inkColumnRuns, widestOverlapping, type InkRun } from './ink-columns.js';
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
