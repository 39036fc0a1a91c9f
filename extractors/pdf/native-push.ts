/**
 * `Array.prototype.push` as the engine made it, saved before pdf.js loads (see `pdfjs.ts`).
 */
export const NATIVE_PUSH = Array.prototype.push;
