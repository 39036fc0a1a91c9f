/**
 * Opening a PDF with pdf.js (legacy build, for Node), with the CMaps and standard fonts of the installed
 * pdfjs-dist package: nothing is fetched at run time.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, VerbosityLevel } from './pdfjs.js';
import type { PDFDocumentProxy } from './pdfjs.js';

const require = createRequire(import.meta.url);
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));
/** pdf.js wants folder URLs with a trailing slash; in Node they are read with `fs`. */
const CMAP_DIR = path.join(PDFJS_DIR, 'cmaps') + path.sep;
const STANDARD_FONT_DIR = path.join(PDFJS_DIR, 'standard_fonts') + path.sep;

export type InputErrorCode = 'empty' | 'not-pdf' | 'truncated' | 'encrypted' | 'invalid-pdf' | 'no-table' | 'unreadable' | 'limit';

/** Why a file could not be read at all. `message` is one line that says what was expected and what was found. */
export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** Options for `openPdf`. */
export interface OpenPdfOptions {
  /** Password for an encrypted PDF. @default undefined */
  password?: string;
  /**
   * Images with more pixels than this are dropped by pdf.js instead of decoded (its `maxImageSize`).
   * @default 200_000_000
   */
  maxImagePixels?: number;
}

const PDF_MAGIC = Buffer.from('%PDF-');
const EOF_MARKER = Buffer.from('%%EOF');
/** How far from the end `%%EOF` may stand; producers and mail gateways append a little junk. */
const EOF_SEARCH_BYTES = 2048;

/** Check what can be checked on the bytes before pdf.js sees them. Throws `InputError`. */
export function checkPdfBytes(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new InputError('empty', 'Expected a PDF, got an empty file (0 bytes)');
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.indexOf(PDF_MAGIC) < 0) {
    const printable = head.subarray(0, 16).toString('latin1').replace(/[^\x20-\x7e]/g, '.');
    throw new InputError('not-pdf', `Expected a PDF (a file starting with %PDF-), got a file starting with "${printable}"`);
  }
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - EOF_SEARCH_BYTES)));
  if (tail.indexOf(EOF_MARKER) < 0) {
    // pdf.js would try to repair such a file and could quietly lose pages: refuse rather than guess.
    throw new InputError('truncated', `Expected a complete PDF ending in %%EOF, got ${bytes.length} bytes with no end marker (truncated?)`);
  }
}

/** Open a PDF. Throws `InputError` for empty, non-PDF, truncated, encrypted and broken files. */
export async function openPdf(bytes: Uint8Array, options: OpenPdfOptions = {}): Promise<PDFDocumentProxy> {
  checkPdfBytes(bytes);
  const task = getDocument({
    // pdf.js transfers the buffer to its worker: give it a copy so the caller's bytes stay usable.
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DIR,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: VerbosityLevel.ERRORS,
    password: options.password,
    maxImageSize: options.maxImagePixels ?? 200_000_000,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw classifyPdfError(error);
  }
}

function classifyPdfError(error: unknown): InputError {
  const err = error as { name?: string; message?: string; code?: number };
  if (err?.name === 'PasswordException') {
    return new InputError(
      'encrypted',
      err.code === 2
        ? 'Expected the right password for this encrypted PDF, got an incorrect one'
        : 'Expected an unencrypted PDF, got one that needs a password (use --password)',
    );
  }
  if (err?.name === 'InvalidPDFException') {
    return new InputError('invalid-pdf', `Expected a valid PDF, got one pdf.js cannot parse: ${err.message ?? 'unknown error'}`);
  }
  return new InputError('unreadable', `Expected a readable PDF, got an error: ${err?.message ?? String(error)}`);
}
