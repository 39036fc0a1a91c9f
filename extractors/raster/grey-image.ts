/**
 * A greyscale raster: one byte per pixel, 0 = black, 255 = white, rows top to bottom.
 *
 * Coordinates: pixels, origin top-left. `dpi` converts to page units (1/72 inch): `x * 72 / dpi`.
 */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
  /** Pixels per inch of the page the image shows. */
  dpi: number;
}

/** Page units (1/72 inch) per pixel. */
export function pointsPerPixel(image: Pick<GreyImage, 'dpi'>): number {
  return 72 / image.dpi;
}

/** RGBA bytes (as a canvas gives them) to grey, by luma. */
export function rgbaToGrey(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, dpi: number): GreyImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    // Transparent pixels are paper: pdf.js leaves the canvas transparent where nothing was painted.
    const a = rgba[j + 3]! / 255;
    const luma = 0.299 * rgba[j]! + 0.587 * rgba[j + 1]! + 0.114 * rgba[j + 2]!;
    data[i] = Math.round(luma * a + 255 * (1 - a));
  }
  return { width, height, data, dpi };
}
