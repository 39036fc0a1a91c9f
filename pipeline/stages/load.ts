/**
 * Stage: bytes to an open document (a PDF, or the pages of an image file), with its SHA-256.
 *
 * The input limits are checked here, on what the file declares (page count, image sizes), before anything is
 * decoded: a PDF bomb or an absurd image fails at once with a reason instead of exhausting memory.
 */
import { createHash } from 'node:crypto';
import { InputError, openPdf } from '../../extractors/pdf/open-pdf.js';
import { largestDeclaredImage } from '../../extractors/pdf/image-sizes.js';
import { DEFAULT_IMAGE_INPUT_SETTINGS, detectInputKind, imagePages } from '../../extractors/raster/image-input.js';
import { DEFAULT_INPUT_LIMITS, type DocumentInput, type InputLimits, type LoadedDocument, type Stage } from '../types.js';

export const loadDocument: Stage<DocumentInput, LoadedDocument> = async (input, ctx) => {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const limits = ctx.settings.limits ?? DEFAULT_INPUT_LIMITS;
  const kind = input.bytes.length === 0 ? 'pdf' : detectInputKind(input.bytes);
  if (kind === null) {
    const head = Buffer.from(input.bytes.subarray(0, 16)).toString('latin1').replace(/[^\x20-\x7e]/g, '.');
    throw new InputError('not-pdf', `Expected a PDF, PNG, JPEG or TIFF file, got a file starting with "${head}"`);
  }
  if (kind === 'pdf') {
    checkDeclaredImages(input.bytes, limits);
    const pdf = await openPdf(input.bytes, { password: ctx.settings.password, maxImagePixels: limits.maxPixels });
    if (pdf.numPages > limits.maxPages) {
      await pdf.destroy();
      throw tooManyPages(pdf.numPages, limits);
    }
    return { file: input.file, sha256, kind: 'pdf', pdf, bytes: input.bytes, imagePages: [], pageCount: pdf.numPages };
  }
  let pages;
  try {
    // Only the headers are read here, so no pixel limit is needed yet: the sizes are checked below, with a reason.
    pages = await imagePages(input.bytes, { ...DEFAULT_IMAGE_INPUT_SETTINGS, maxPixels: Number.MAX_SAFE_INTEGER });
  } catch (error) {
    throw new InputError('unreadable', `Expected a readable ${kind.toUpperCase()} image, got: ${(error as Error).message}`);
  }
  if (pages.length > limits.maxPages) throw tooManyPages(pages.length, limits);
  pages.forEach((p, i) => {
    if (p.width * p.height > limits.maxPixels) {
      throw new InputError('limit', `Expected pages of at most ${limits.maxPixels} pixels (--max-pixels), got ${p.width}×${p.height} on page ${i + 1}`);
    }
  });
  return { file: input.file, sha256, kind: 'image', pdf: null, bytes: input.bytes, imagePages: pages, pageCount: pages.length };
};

function tooManyPages(count: number, limits: InputLimits): InputError {
  return new InputError('limit', `Expected at most ${limits.maxPages} pages per document (--max-pages), got ${count}`);
}

/** An image the file declares larger than the limit fails the document, rather than vanish from its page. */
function checkDeclaredImages(bytes: Uint8Array, limits: InputLimits): void {
  const largest = largestDeclaredImage(bytes);
  if (largest && largest.width * largest.height > limits.maxPixels) {
    throw new InputError('limit', `Expected images of at most ${limits.maxPixels} pixels (--max-pixels), got one of ${largest.width}×${largest.height}`);
  }
}
