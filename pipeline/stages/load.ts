/**
 * Stage: bytes to an open PDF, with its SHA-256.
 */
import { createHash } from 'node:crypto';
import { openPdf } from '../../extractors/pdf/open-pdf.js';
import type { DocumentInput, LoadedDocument, Stage } from '../types.js';

export const loadDocument: Stage<DocumentInput, LoadedDocument> = async (input, ctx) => {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const pdf = await openPdf(input.bytes, { password: ctx.settings.password });
  return { file: input.file, sha256, pdf, pageCount: pdf.numPages };
};
