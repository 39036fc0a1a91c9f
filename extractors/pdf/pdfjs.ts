/**
 * pdf.js (legacy build, for Node), loaded once for the whole process.
 *
 * The legacy build bundles core-js, which on Node 20 replaces `Array.prototype.push` with a JavaScript
 * polyfill (its feature test trips on a V8 quirk about non-writable `length`). That polyfill made every push in
 * the process several times slower, pdf.js's own and ours: a third of the run time. pdf.js does not depend on
 * the quirk, so the native push is put back as soon as pdf.js has loaded. The worker module is loaded here
 * too and handed to pdf.js through `globalThis.pdfjsWorker`, so that it runs in this thread without a second
 * dynamic import.
 */
import { NATIVE_PUSH } from './native-push.js';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

if (Array.prototype.push !== NATIVE_PUSH) {
  Object.defineProperty(Array.prototype, 'push', { value: NATIVE_PUSH, writable: true, configurable: true, enumerable: false });
}
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

export const { getDocument, OPS, VerbosityLevel } = pdfjs;
export type { PDFDocumentProxy, PDFPageProxy, PageViewport } from 'pdfjs-dist/legacy/build/pdf.mjs';
