/**
 * Stage: the digits OCR read on the document's scanned pages, compared with each other by their ink
 * (`extractors/raster/digit-consensus.ts`). A digit read otherwise than the glyphs of its shape are read surely
 * elsewhere in the document is put right, and left for review: the glyph is the same, so one of the two reads is
 * wrong, and the many sure ones are likelier right than the one.
 */
import { agreeDigits, type DigitSpecimen } from '../../extractors/raster/digit-consensus.js';
import { DIGIT_CONSENSUS_CAP } from '../confidence.js';
import type { Glyph } from '../../extractors/pdf/glyph.js';
import type { PageRead, Stage } from '../types.js';

export const agreeDigitShapes: Stage<PageRead[], PageRead[]> = (pages) => {
  const places: { page: number; index: number }[] = [];
  const specimens: DigitSpecimen[] = [];
  pages.forEach((page, p) => {
    if (page.method !== 'ocr') return;
    page.glyphs.forEach((g, index) => {
      if (!g.shape) return;
      places.push({ page: p, index });
      specimens.push({ digit: g.char, confidence: g.confidence ?? 0, doubted: g.doubt !== undefined || g.repair !== undefined, shape: g.shape });
    });
  });
  const changes = agreeDigits(specimens);
  if (changes.size === 0) return pages;
  // The changed glyphs of each page, by index: the pages read are left as they are, and changed copies returned.
  const byPage = new Map<number, Map<number, { digit: string; why: string }>>();
  for (const [i, change] of changes) {
    const { page, index } = places[i]!;
    byPage.set(page, (byPage.get(page) ?? new Map()).set(index, change));
  }
  return pages.map((page, p) => {
    const changed = byPage.get(p);
    return changed ? { ...page, glyphs: page.glyphs.map((g, index) => agreed(g, changed.get(index))) } : page;
  });
};

/** A glyph put right to the document's reading of its shape, capped and noted; as it was where there is none. */
function agreed(g: Glyph, change: { digit: string; why: string } | undefined): Glyph {
  if (!change) return g;
  return { ...g, char: change.digit, confidence: Math.min(g.confidence ?? 1, DIGIT_CONSENSUS_CAP), repair: g.repair ? `${g.repair}; ${change.why}` : change.why };
}
