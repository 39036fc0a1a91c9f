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
  const places: { page: PageRead; index: number }[] = [];
  const specimens: DigitSpecimen[] = [];
  for (const page of pages) {
    if (page.method !== 'ocr') continue;
    page.glyphs.forEach((g, index) => {
      if (!g.shape) return;
      places.push({ page, index });
      specimens.push({ digit: g.char, confidence: g.confidence ?? 0, doubted: g.doubt !== undefined || g.repair !== undefined, shape: g.shape });
    });
  }
  for (const [i, change] of agreeDigits(specimens)) {
    const { page, index } = places[i]!;
    const g: Glyph = page.glyphs[index]!;
    page.glyphs[index] = { ...g, char: change.digit, confidence: Math.min(g.confidence ?? 1, DIGIT_CONSENSUS_CAP), repair: g.repair ? `${g.repair}; ${change.why}` : change.why };
  }
  return pages;
};
