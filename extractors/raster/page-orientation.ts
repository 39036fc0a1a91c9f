/**
 * Which way up a scanned page stands: a landscape table scanned on its side, or a page fed upside down, reads as
 * garbage that OCR can be sure of, and no table is found in it or, worse, rows are made up from it. Told from the
 * ink alone, before anything is read:
 *
 * - the direction of the text lines: Chinese characters stand close to their neighbours along a line (a tenth of
 *   an em apart) and farther from the next line (a third of an em or more), so the side on which a character's
 *   nearest neighbour stands is the direction of its line;
 * - which side is down: the small marks of Chinese punctuation (，。、) sit at the foot of the line, set against
 *   the character before them, and only the quotation marks at its head, so the marks low in their line far
 *   outnumber the high ones when the page is upright, and the other way round when it is upside down. Pieces
 *   that look like marks but have ink over or under them (the halves of ：；？, the dot atop 市, a digit broken
 *   apart) or white on both sides (the dot of 产 whose strokes below it broke apart) are passed over.
 *
 * Where the ink says too little (a page with hardly any text, or as many marks high as low) the page is read as
 * it is: turning a page on thin evidence would spoil an upright page to save a rare turned one.
 *
 * Coordinates: pixels of the page image, origin top-left. Turns are clockwise, in degrees.
 */
import type { GreyImage } from './grey-image.js';
import { greyToInkComponents, type InkComponent } from './ink-components.js';

/** A quarter turn, clockwise, in degrees. */
export type QuarterTurn = 0 | 90 | 180 | 270;

/** Settings of `estimateOrientation`. */
export interface OrientationSettings {
  /**
   * Grey level below which a pixel is ink.
   * @default 128
   */
  inkBelow: number;
  /**
   * Characters with a neighbour this close (a share of the em) along one side are counted for that side.
   * @default 0.25
   */
  closeGap: number;
  /**
   * Characters with a close neighbour along their lines must outnumber those with one across them by this factor
   * for the direction of the lines to be decided.
   * @default 2
   */
  lineRatio: number;
  /**
   * Fewest characters with a close neighbour along the winning side for the direction of the lines to be decided.
   * @default 40
   */
  minCharacters: number;
  /**
   * Marks low in their line must outnumber the high ones (or the other way round) by this factor for the page's
   * foot to be decided. On the 738 upright pages of the development and evaluation scans the low marks outnumber
   * the high ones 2.7 times at the least (HanaMinA at 200 dpi, where dots atop characters remain), and where the
   * high ones won they were 4 against 3.
   * @default 3
   */
  footRatio: number;
  /**
   * Fewest marks on the winning side for the page's foot to be decided.
   * @default 10
   */
  minMarks: number;
}

export const DEFAULT_ORIENTATION_SETTINGS: OrientationSettings = { inkBelow: 128, closeGap: 0.25, lineRatio: 2, minCharacters: 40, footRatio: 3, minMarks: 10 };

/** What the ink of a page says of which way up it stands. */
export interface PageOrientation {
  /** Degrees the page image must be turned clockwise for its text to stand upright; 0 when undecided. */
  turn: QuarterTurn;
  /** Whether the evidence decided it; when not, the page is read as it is. */
  decided: boolean;
  /** Which way the text lines run, decided on its own: down the page is a page on its side. */
  lines: 'across' | 'down' | 'unclear';
  /** The counts it was decided on. */
  evidence: {
    /** The em of the page's characters, in pixels (0: no characters found). */
    em: number;
    /** Characters with a close neighbour beside them (left or right), and above or below them. */
    beside: number;
    above: number;
    /** Punctuation marks at the foot of their line, and at its head, once the lines run left to right. */
    low: number;
    high: number;
  };
}

/** Where on the page a turned image's point was: the inverse of `turnImage` for a point (any unit, one for all). */
export function turnedToPage(x: number, y: number, turn: QuarterTurn, width: number, height: number): [number, number] {
  // width × height is the size of the original page.
  switch (turn) {
    case 0:
      return [x, y];
    case 90:
      return [y, height - x];
    case 180:
      return [width - x, height - y];
    case 270:
      return [width - y, x];
  }
}

/** `image` turned clockwise by `turn`. Pure. */
export function turnImage(image: GreyImage, turn: QuarterTurn): GreyImage {
  if (turn === 0) return image;
  const { width: w, height: h, data } = image;
  const out = new Uint8Array(w * h);
  const [width, height] = turn === 180 ? [w, h] : [h, w];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = data[y * w + x]!;
      // Clockwise by 90: (x, y) → (h - 1 - y, x); by 180: (w - 1 - x, h - 1 - y); by 270: (y, w - 1 - x).
      if (turn === 90) out[x * width + (h - 1 - y)] = v;
      else if (turn === 180) out[(h - 1 - y) * width + (w - 1 - x)] = v;
      else out[(w - 1 - x) * width + y] = v;
    }
  }
  return { width, height, data: out, dpi: image.dpi };
}

/** Which way up `image` stands, from its ink. Pure. */
export function estimateOrientation(image: GreyImage, settings: OrientationSettings = DEFAULT_ORIENTATION_SETTINGS): PageOrientation {
  const components = greyToInkComponents(image, settings.inkBelow);
  const em = componentsToEm(components, image.dpi);
  if (em === 0) return { turn: 0, decided: false, lines: 'unclear', evidence: { em, beside: 0, above: 0, low: 0, high: 0 } };
  const characters = components.filter((c) => isCharacter(c, em));
  const { beside, above } = closeNeighbours(characters, em, settings.closeGap);
  const across = beside >= above;
  const along = across ? beside : above;
  const crossing = across ? above : beside;
  const linesDecided = along >= settings.minCharacters && along >= crossing * settings.lineRatio;
  // Lines running down the page are laid across it (turned by 90) before their marks are weighed; which of 90
  // and 270 it is, the marks decide as they do between 0 and 180.
  const upright = across ? components : components.map((c) => turnBox(c, image.height));
  const { low, high } = marksByHeight(upright, em);
  const evidence = { em, beside, above, low, high };
  const lines: PageOrientation['lines'] = !linesDecided ? 'unclear' : across ? 'across' : 'down';
  const footDecided = Math.max(low, high) >= settings.minMarks && Math.max(low, high) >= Math.min(low, high) * settings.footRatio;
  if (!linesDecided || !footDecided) return { turn: 0, decided: false, lines, evidence };
  const turn: QuarterTurn = across ? (low > high ? 0 : 180) : low > high ? 90 : 270;
  return { turn, decided: true, lines, evidence };
}

/** A box turned with its page clockwise by 90 (`height`: the page's, in pixels). */
function turnBox(c: InkComponent, height: number): InkComponent {
  return { x0: height - c.y1, x1: height - c.y0, y0: c.x0, y1: c.x1, pixels: c.pixels };
}

/** Smallest and largest em (inches) of the text looked for: 5pt to 28pt. */
const EM_INCHES = { min: 5 / 72, max: 28 / 72 };

/**
 * The em of the page's characters, in pixels: the commonest size of the larger pieces of ink. Most Chinese
 * characters hold one piece as tall or as wide as the character (月 of 明, the box of 国), while strokes apart,
 * dots and punctuation are smaller; ruling lines and stamps are far larger and are left out by the size range.
 */
function componentsToEm(components: readonly InkComponent[], dpi: number): number {
  const min = Math.max(4, Math.round(EM_INCHES.min * dpi * 0.6));
  const max = Math.round(EM_INCHES.max * dpi);
  const sizes = components.map((c) => Math.max(c.x1 - c.x0, c.y1 - c.y0)).filter((s) => s >= min && s <= max);
  if (sizes.length < 20) return 0;
  // The most frequent size among the largest third (the pieces that are whole characters), over a window of ±6%.
  sizes.sort((a, b) => a - b);
  const large = sizes.slice(Math.floor((sizes.length * 2) / 3));
  let best = 0;
  let bestCount = 0;
  for (let i = 0, j = 0, k = 0; i < large.length; i++) {
    const s = large[i]!;
    while (large[j]! < s * 0.94) j++;
    while (k < large.length && large[k]! <= s * 1.06) k++;
    if (k - j > bestCount) {
      bestCount = k - j;
      best = s;
    }
  }
  return best;
}

/** Whether a piece of ink is the size of a character: at least half an em one way, at most a third more either. */
function isCharacter(c: InkComponent, em: number): boolean {
  const w = c.x1 - c.x0;
  const h = c.y1 - c.y0;
  return Math.max(w, h) >= em * 0.5 && w <= em * 1.35 && h <= em * 1.35;
}

/**
 * How many characters have another within `gap` em beside them (to the right, the two overlapping by half their
 * height) and how many below them (the two overlapping by half their width).
 */
function closeNeighbours(characters: readonly InkComponent[], em: number, gap: number): { beside: number; above: number } {
  const near = piecesAround(characters, em, (c) => [c.x0, c.y0], [-2, 3], [-2, 3]);
  let beside = 0;
  let above = 0;
  const limit = gap * em;
  for (const c of characters) {
    let right = false;
    let below = false;
    for (const o of near(c)) {
      const overlapY = Math.min(c.y1, o.y1) - Math.max(c.y0, o.y0);
      const overlapX = Math.min(c.x1, o.x1) - Math.max(c.x0, o.x0);
      if (!right && o.x0 >= c.x1 - 1 && o.x0 - c.x1 <= limit && overlapY >= Math.min(c.y1 - c.y0, o.y1 - o.y0) * 0.5) right = true;
      if (!below && o.y0 >= c.y1 - 1 && o.y0 - c.y1 <= limit && overlapX >= Math.min(c.x1 - c.x0, o.x1 - o.x0) * 0.5) below = true;
    }
    if (right) beside++;
    if (below) above++;
  }
  return { beside, above };
}

/**
 * Punctuation-sized marks (no more than 0.4 em either way) standing in a line of characters, counted by where they
 * stand in the line's height: in its lower third (，。、 of upright text), or its upper third. Lines run left to
 * right in `components`' frame.
 */
function marksByHeight(components: readonly InkComponent[], em: number): { low: number; high: number } {
  // Every piece of ink no larger than a character, found by its centre.
  const pieces = components.filter((c) => c.x1 - c.x0 <= em * 1.35 && c.y1 - c.y0 <= em * 1.35);
  const around = piecesAround(pieces, em, (c) => [(c.x0 + c.x1) / 2, (c.y0 + c.y1) / 2], [-2, 2], [-1, 1]);
  const isMark = (o: InkComponent) => {
    const w = o.x1 - o.x0;
    const h = o.y1 - o.y0;
    return w <= em * 0.4 && h <= em * 0.4 && Math.max(w, h) >= em / 8 && Math.min(w, h) >= em / 12;
  };
  // One comma of a quotation mark: another mark as tall beside it, level with it, a quarter of an em away at most.
  const isQuoteHalf = (m: InkComponent, near: readonly InkComponent[]) =>
    near.some(
      (o) =>
        isMark(o) &&
        ((o.x1 <= m.x0 + 1 && m.x0 - o.x1 <= em * 0.25) || (o.x0 >= m.x1 - 1 && o.x0 - m.x1 <= em * 0.25)) &&
        Math.abs(o.y0 + o.y1 - m.y0 - m.y1) / 2 <= em * 0.1 &&
        Math.max(o.y1 - o.y0, m.y1 - m.y0) <= Math.min(o.y1 - o.y0, m.y1 - m.y0) * 1.5,
    );
  let low = 0;
  let high = 0;
  for (const m of components) {
    if (!isMark(m)) continue;
    const near = around(m);
    // Quotation marks are passed over: they stand at the head of the line, and in a face whose ，。 stand in the
    // middle of their em they would outnumber the marks that do not.
    if (isQuoteHalf(m, near)) continue;
    const cy = (m.y0 + m.y1) / 2;
    // Punctuation has no ink over or under it within its line: a piece with some is half of a ：, ； or ？ (one
    // half high, the other low, they say nothing: their halves stand up to 0.4 em apart), the dot atop 市 or 户,
    // or a digit broken apart. The next line's characters stand farther off.
    const over = (o: InkComponent) => Math.min(m.x1, o.x1) > Math.max(m.x0, o.x0) ? Math.max(o.y0 - m.y1, m.y0 - o.y1) : Infinity;
    if (near.some((o) => over(o) < (Math.max(o.x1 - o.x0, o.y1 - o.y0) <= em * 0.6 ? em * 0.45 : em * 0.2))) continue;
    // The characters of its line: level with it (their height spanning its centre give or take a third of an em).
    const line = near.filter((c) => isCharacter(c, em) && c.y0 - em / 3 <= cy && cy <= c.y1 + em / 3);
    // And the nearest ink before and after it along the line, whatever its size.
    const level = near.filter((o) => Math.min(m.y1 + em / 3, o.y1) > Math.max(m.y0 - em / 3, o.y0));
    const before = Math.max(-Infinity, ...level.filter((o) => o.x1 <= m.x0 + 1).map((o) => o.x1));
    const after = Math.min(Infinity, ...level.filter((o) => o.x0 >= m.x1 - 1).map((o) => o.x0));
    if (line.length === 0 || !Number.isFinite(before) || !Number.isFinite(after)) continue;
    // Chinese punctuation has white of a third of an em or more beside it, on the side away from the character it
    // follows, or on both where it stands in the middle of its em (AR PL UMing): pieces of a character have less.
    if (Math.max(m.x0 - before, after - m.x1) < em / 3) continue;
    const top = Math.min(...line.map((c) => c.y0));
    const bottom = Math.max(...line.map((c) => c.y1));
    if (bottom - top < em * 0.6 || bottom - top > em * 1.6) continue;
    const t = (cy - top) / (bottom - top);
    if (t > 2 / 3) low++;
    else if (t < 1 / 3) high++;
  }
  return { low, high };
}

/**
 * A lookup of the `pieces` near a piece: all those whose anchor point falls in the em-square cells from `dx[0]` to
 * `dx[1]` and `dy[0]` to `dy[1]` cells away from the cell of its own (the piece itself left out). Pieces are put in
 * their cells once, so a page's neighbours are found in one pass, not by comparing every pair.
 */
function piecesAround(
  pieces: readonly InkComponent[],
  em: number,
  anchor: (c: InkComponent) => [number, number],
  dx: readonly [number, number],
  dy: readonly [number, number],
): (c: InkComponent) => InkComponent[] {
  const cell = Math.max(1, Math.round(em));
  const key = (bx: number, by: number) => by * 100_003 + bx;
  const cellOf = (c: InkComponent): [number, number] => anchor(c).map((v) => Math.floor(v / cell)) as [number, number];
  const cells = new Map<number, InkComponent[]>();
  for (const c of pieces) {
    const k = key(...cellOf(c));
    const list = cells.get(k);
    if (list) list.push(c);
    else cells.set(k, [c]);
  }
  return (c) => {
    const [bx, by] = cellOf(c);
    const found: InkComponent[] = [];
    for (let y = dy[0]; y <= dy[1]; y++) for (let x = dx[0]; x <= dx[1]; x++) for (const o of cells.get(key(bx + x, by + y)) ?? []) if (o !== c) found.push(o);
    return found;
  };
}
