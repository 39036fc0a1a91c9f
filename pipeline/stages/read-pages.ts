/**
 * Stage: each page's text layer and ruling lines, and whether its text can be trusted.
 *
 * A page that fails to read records an error and is left out; the document goes on and ends as partial.
 */
import { pageToGlyphs } from '../../extractors/pdf/text-layer.js';
import { operatorListToEdges } from '../../extractors/pdf/ruling-lines.js';
import { assessTextLayer } from '../../extractors/text/normalize.js';
import { GARBAGE_PAGE_CONFIDENCE, TEXT_LAYER_CONFIDENCE } from '../confidence.js';
import type { PageError } from '../../schemas/extraction.js';
import type { LoadedDocument, PageRead, Stage } from '../types.js';

export const readPages: Stage<LoadedDocument, PageRead[]> = async (doc, ctx) => {
  const pages: PageRead[] = [];
  for (let n = 1; n <= doc.pageCount; n++) {
    try {
      pages.push(await readPage(doc, n, ctx.errors));
    } catch (error) {
      ctx.errors.push({ page: n, stage: 'read-pages', message: `Expected a readable page, got: ${(error as Error).message}` });
    }
  }
  return pages;
};

async function readPage(doc: LoadedDocument, n: number, errors: PageError[]): Promise<PageRead> {
  const page = await doc.pdf.getPage(n);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const { glyphs, rawText } = await pageToGlyphs(page, viewport, n);
    const opList = await page.getOperatorList();
    const edges = operatorListToEdges(opList, viewport);
    const quality = assessTextLayer(rawText);
    const notes: string[] = [];
    let readConfidence = TEXT_LAYER_CONFIDENCE;
    if (!quality.usable && quality.characters > 0) {
      // Scans and OCR come later; until then such a page is read for what it is worth and flagged.
      notes.push(quality.reason!);
      readConfidence = GARBAGE_PAGE_CONFIDENCE;
      errors.push({ page: n, stage: 'read-pages', message: `${quality.reason}; the page's fields are flagged` });
    }
    return { page: n, width: viewport.width, height: viewport.height, method: 'text', glyphs, edges, quality, readConfidence, notes };
  } finally {
    page.cleanup();
  }
}
