/**
 * Stage: each page's text layer and ruling lines, and whether its text can be trusted; pages without a usable
 * text layer (scans, broken ToUnicode maps) are marked for OCR, with the reason in their notes.
 *
 * A page that fails to read records an error and is left out; the document goes on and ends as partial.
 */
import { pageToGlyphs } from '../../extractors/pdf/text-layer.js';
import { operatorListToEdges } from '../../extractors/pdf/ruling-lines.js';
import { operatorListToRenderDpi } from '../../extractors/raster/render-page.js';
import { assessTextLayer } from '../../extractors/text/normalize.js';
import { GARBAGE_PAGE_CONFIDENCE, OCR_PAGE_CONFIDENCE, TEXT_LAYER_CONFIDENCE } from '../confidence.js';
import { InputError } from '../../extractors/pdf/open-pdf.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits, type LoadedDocument, type PageRead, type Stage, type StageContext } from '../types.js';

export const readPages: Stage<LoadedDocument, PageRead[]> = async (doc, ctx) => {
  const pages: PageRead[] = [];
  for (let n = 1; n <= doc.pageCount; n++) {
    try {
      pages.push(doc.kind === 'image' ? imagePageRead(doc, n) : await readPage(doc, n, ctx));
    } catch (error) {
      // A limit is the document's failure, not one page's.
      if (error instanceof InputError) throw error;
      ctx.errors.push({ page: n, stage: 'read-pages', message: `Expected a readable page, got: ${(error as Error).message}` });
    }
  }
  return pages;
};

/** An image page: everything is read by OCR. */
function imagePageRead(doc: LoadedDocument, n: number): PageRead {
  const info = doc.imagePages[n - 1]!;
  const inches = (px: number, dpi: number) => Math.round(px / dpi);
  const why = info.dpiGiven
    ? ''
    : info.dpiRejected !== undefined
      ? ` (the image says ${info.dpiRejected} dpi, which would make the page ${inches(info.width, info.dpiRejected)} × ${inches(info.height, info.dpiRejected)} inches: ${info.dpi} dpi assumed)`
      : ` (the image gives no resolution: ${info.dpi} dpi assumed)`;
  const notes = [`an image page: read by OCR${why}`];
  return {
    page: n,
    width: (info.width * 72) / info.dpi,
    height: (info.height * 72) / info.dpi,
    method: 'ocr',
    glyphs: [],
    edges: [],
    quality: { characters: 0, suspectShare: 0, hanShare: 0, commonHanShare: 0, usable: false, reason: 'an image has no text layer' },
    readConfidence: OCR_PAGE_CONFIDENCE,
    notes,
    skew: 0,
    turn: 0,
  };
}

async function readPage(doc: LoadedDocument, n: number, ctx: StageContext): Promise<PageRead> {
  const errors = ctx.errors;
  const page = await doc.pdf!.getPage(n);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const { glyphs, rawText } = await pageToGlyphs(page, viewport, n);
    const opList = await page.getOperatorList();
    const edges = operatorListToEdges(opList, viewport);
    const quality = assessTextLayer(rawText);
    const notes: string[] = [];
    let readConfidence = TEXT_LAYER_CONFIDENCE;
    let method: PageRead['method'] = 'text';
    if (!quality.usable && ctx.settings.ocr) {
      notes.push(`${quality.characters === 0 ? 'no text layer' : `text layer rejected: ${quality.reason}`}: read by OCR`);
      method = 'ocr';
      readConfidence = OCR_PAGE_CONFIDENCE;
    } else if (!quality.usable && quality.characters > 0) {
      // Without OCR such a page is read for what it is worth and flagged.
      notes.push(quality.reason!);
      readConfidence = GARBAGE_PAGE_CONFIDENCE;
      errors.push({ page: n, stage: 'read-pages', message: `${quality.reason}; the page's fields are flagged` });
    }
    if (method === 'ocr') {
      // The operator list is at hand: the resolution to render the scan at comes from it, not from a second one.
      const { dpi, scan } = operatorListToRenderDpi(opList, viewport);
      checkRenderSize(n, viewport, dpi, ctx.settings.limits ?? DEFAULT_INPUT_LIMITS);
      notes.push(scan ? `an embedded scan, rendered at its own resolution (${dpi} dpi)` : `rendered at ${dpi} dpi`);
      return { page: n, width: viewport.width, height: viewport.height, method, glyphs: [], edges: [], quality, readConfidence, notes, skew: 0, turn: 0, dpi };
    }
    return { page: n, width: viewport.width, height: viewport.height, method, glyphs, edges, quality, readConfidence, notes, skew: 0, turn: 0 };
  } finally {
    page.cleanup();
  }
}

/** A page too large to render for OCR (a bomb's 200-inch page) fails the document before a canvas is made. */
function checkRenderSize(n: number, viewport: { width: number; height: number }, dpi: number, limits: InputLimits): void {
  const width = Math.ceil((viewport.width * dpi) / 72);
  const height = Math.ceil((viewport.height * dpi) / 72);
  if (width * height > limits.maxPixels) {
    throw new InputError('limit', `Expected pages of at most ${limits.maxPixels} pixels (--max-pixels), got page ${n} at ${width}×${height} (${dpi} dpi)`);
  }
}
