/**
 * Real-scan excerpts for the OCR stage's pixel checks: a cell image cut from test/fixtures/ocr, and the symbols
 * Tesseract read there, as the stage sees them (pixels of the padded read, origin top-left).
 */
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { DEFAULT_OCR_CELL_SETTINGS } from '../../extractors/raster/ocr-cells.js';
import type { Crop, MarkedSymbol } from '../../extractors/raster/ocr-read.js';

/** A grey image from test/fixtures/ocr as a crop (its pixels as they are: the symbols say where they stand). */
export async function fixtureCrop(name: string): Promise<Crop> {
  const { data, info } = await sharp(fileURLToPath(new URL(`../fixtures/ocr/${name}`, import.meta.url))).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { left: 0, top: 0, width: info.width, height: info.height, data: new Uint8Array(data), ink: { x0: 0, y0: 0, x1: info.width - 1, y1: info.height - 1 } };
}

/**
 * Symbols as Tesseract boxed them in the whole padded cell image ([text, x0, x1, y0, y1, line]), moved into an
 * excerpt cut from it `dx`, `dy` pixels in, and into that excerpt's padded frame.
 */
export function excerptSymbols(read: readonly [string, number, number, number, number, number][], dx: number, dy: number, padding = DEFAULT_OCR_CELL_SETTINGS.padding): MarkedSymbol[] {
  return read.map(([text, x0, x1, y0, y1, line]) => ({ text, confidence: 0.95, x0: x0 - dx + padding, x1: x1 - dx + padding, y0: y0 - dy + padding, y1: y1 - dy + padding, word: 0, line }));
}
