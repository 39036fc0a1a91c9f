/**
 * The sizes of the images a PDF declares, read from the raw bytes without parsing the file.
 *
 * Why not ask pdf.js: given `maxImageSize` it silently drops a larger image from the page, and the page then
 * fails later for a reason that hides the cause ("no table"). Image XObjects are streams, and streams never sit
 * inside object streams, so their dictionaries are always readable in the file as written. This is a check
 * for a clear message; pdf.js's `maxImageSize` stays the guard for anything it cannot see (sizes given by
 * reference, inline images in compressed content).
 */

const IMAGE = Buffer.from('/Image');
const STREAM = Buffer.from('stream');
const OBJ = Buffer.from(' obj');
/** How far around `/Subtype /Image` an image dictionary's `/Width` and `/Height` are looked for. */
const WINDOW = 4096;

/** PDF delimiters and white space end a name; anything else continues it (`/ImageB`, `/ImageMask`). */
function endsName(byte: number | undefined): boolean {
  return byte === undefined || ' \t\r\n\f\0()<>[]{}/%'.includes(String.fromCharCode(byte));
}

/** The image XObject with the most pixels among those whose width and height are written as numbers, or null. */
export function largestDeclaredImage(bytes: Uint8Array): { width: number; height: number } | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let best: { width: number; height: number } | null = null;
  for (let at = buf.indexOf(IMAGE); at >= 0; at = buf.indexOf(IMAGE, at + IMAGE.length)) {
    if (!endsName(buf[at + IMAGE.length])) continue;
    if (!/\/Subtype\s*$/.test(buf.subarray(Math.max(0, at - 24), at).toString('latin1'))) continue;
    const objStart = buf.lastIndexOf(OBJ, at);
    const from = Math.max(0, at - WINDOW, objStart);
    const streamAt = buf.indexOf(STREAM, at);
    const to = Math.min(buf.length, at + WINDOW, streamAt < 0 ? buf.length : streamAt);
    const dict = buf.subarray(from, to).toString('latin1');
    const width = declared(dict, 'Width');
    const height = declared(dict, 'Height');
    if (width === null || height === null) continue;
    if (!best || width * height > best.width * best.height) best = { width, height };
  }
  return best;
}

/** `/Key 123` as a number; null when absent or given by reference (`/Key 12 0 R`). */
function declared(dict: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+)(?![\\d.]|\\s+\\d+\\s+R)`).exec(dict);
  return m ? Number(m[1]) : null;
}
