/**
 * Stage: bytes to an open document (a PDF, or the pages of an image file), with its SHA-256.
 */
import { createHash } from 'node:crypto';
import { InputError, openPdf } from '../../extractors/pdf/open-pdf.js';
import { detectInputKind, imagePages } from '../../extractors/raster/image-input.js';
import type { DocumentInput, LoadedDocument, Stage } from '../types.js';

export const loadDocument: Stage<DocumentInput, LoadedDocument> = async (input, ctx) => {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const kind = input.bytes.length === 0 ? 'pdf' : detectInputKind(input.bytes);
  if (kind === null) {
    const head = Buffer.from(input.bytes.subarray(0, 16)).toString('latin1').replace(/[^\x20-\x7e]/g, '.');
    throw new InputError('not-pdf', `Expected a PDF, PNG, JPEG or TIFF file, got a file starting with "${head}"`);
  }
  if (kind === 'pdf') {
    const pdf = await openPdf(input.bytes, { password: ctx.settings.password });
    return { file: input.file, sha256, kind: 'pdf', pdf, bytes: input.bytes, imagePages: [], pageCount: pdf.numPages };
  }
  let pages;
  try {
    pages = await imagePages(input.bytes);
  } catch (error) {
    throw new InputError('unreadable', `Expected a readable ${kind.toUpperCase()} image, got: ${(error as Error).message}`);
  }
  return { file: input.file, sha256, kind: 'image', pdf: null, bytes: input.bytes, imagePages: pages, pageCount: pages.length };
};
