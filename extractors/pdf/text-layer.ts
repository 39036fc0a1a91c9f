/**
 * A page's text layer as placed glyphs.
 *
 * pdf.js gives text as runs (items) with a transform and a total advance width, not per-glyph positions. A
 * run is split into characters by estimated advance: full-width characters (Han, CJK punctuation) take one
 * em and narrow ones about half. Runs never cross a table's ruling lines in practice, and when one does the
 * error is a fraction of a character, far less than a cell's padding.
 */
import type { PDFPageProxy, PageViewport } from './pdfjs.js';
import { normalizeCodePoint } from '../text/normalize.js';
import type { Glyph } from './glyph.js';

interface TextRun {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** Ascent and descent as shares of the font size, for the box of a glyph. */
const ASCENT = 0.86;
const DESCENT = 0.14;

/** Read the text layer of a page: raw code points (for quality checks) and normalized glyphs. */
export async function pageToGlyphs(
  page: PDFPageProxy,
  viewport: PageViewport,
  pageNumber: number,
): Promise<{ glyphs: Glyph[]; rawText: string }> {
  const content = await page.getTextContent({ disableNormalization: true, includeMarkedContent: false });
  const glyphs: Glyph[] = [];
  let rawText = '';
  let run = 0;
  for (const item of content.items) {
    if (!('str' in item) || item.str.length === 0) continue;
    rawText += item.str + (item.hasEOL ? '\n' : ' ');
    glyphs.push(...runToGlyphs(item, viewport, pageNumber, run++));
  }
  return { glyphs, rawText };
}

/** Split one run into glyphs, with boxes in viewport (top-left) coordinates. */
export function runToGlyphs(run: TextRun, viewport: Pick<PageViewport, 'convertToViewportPoint'>, pageNumber: number, runIndex = 0): Glyph[] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = run.transform;
  const scaleX = Math.hypot(a, b) || 1;
  const size = run.height > 0 ? run.height : Math.hypot(c, d);
  if (!(size > 0)) return [];
  // Text direction and its normal (pointing up the glyph) in PDF user space.
  const ux = a / scaleX;
  const uy = b / scaleX;
  const nx = -uy;
  const ny = ux;
  const chars = Array.from(run.str);
  const weights = chars.map(charAdvanceWeight);
  const totalWeight = weights.reduce((s, w) => s + w, 0) || 1;
  const advance = run.width > 0 ? run.width : totalWeight * size;
  const glyphs: Glyph[] = [];
  const space = unmappedSpace(run, size);
  let offset = 0;
  chars.forEach((ch, i) => {
    const w = (weights[i]! / totalWeight) * advance;
    const start = offset;
    offset += w;
    const char = space ? ' ' : normalizeCodePoint(ch.codePointAt(0)!);
    if (char === '') return;
    const corners = [
      [start, -DESCENT],
      [start + w, -DESCENT],
      [start, ASCENT],
      [start + w, ASCENT],
    ].map(([along, up]) => {
      const x = e + ux * along! + nx * up! * size;
      const y = f + uy * along! + ny * up! * size;
      return viewport.convertToViewportPoint(x, y) as [number, number];
    });
    const xs = corners.map((p) => p[0]);
    const ys = corners.map((p) => p[1]);
    glyphs.push({
      char: /\s/.test(char) ? ' ' : char,
      x0: Math.min(...xs),
      y0: Math.min(...ys),
      x1: Math.max(...xs),
      y1: Math.max(...ys),
      size,
      page: pageNumber,
      run: runIndex,
    });
  });
  return glyphs;
}

/**
 * Widest advance (ems) of a glyph without a Unicode value that is read as a space.
 * @default 0.5
 */
export const DEFAULT_MAX_UNMAPPED_SPACE_ADVANCE = 0.5;

/**
 * A run of one glyph without a Unicode value (pdf.js hands on its character code, a control code point) and no
 * wider than a space: the space of a Type 3 font. Chromium prints a web font (an OpenType font loaded by
 * `@font-face`, such as TeX Live's Fandol faces) as Type 3 fonts whose ToUnicode maps every glyph but the space,
 * each space a run of its own a third of an em wide; read as the control character it was, it ran the half-width
 * `; ` before an indicator into the indicator's name. An unmapped glyph wider than that stays what it is, so that
 * `assessTextLayer` counts it.
 */
function unmappedSpace(run: TextRun, size: number): boolean {
  if (run.str.length !== 1) return false;
  const cp = run.str.codePointAt(0)!;
  return cp < 0x20 && run.width > 0 && run.width / size <= DEFAULT_MAX_UNMAPPED_SPACE_ADVANCE;
}

/** Advance of a character in ems, roughly: CJK and full-width forms one em, spaces a third, the rest half. */
export function charAdvanceWeight(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp === 0x20 || cp === 0xa0) return 0.3;
  if (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x20000 ||
    cp === 0x2014 || cp === 0x2026 || cp === 0x201c || cp === 0x201d || cp === 0x2018 || cp === 0x2019 ||
    cp === 0x2265 || cp === 0x2264
  ) {
    return 1;
  }
  return 0.55;
}
