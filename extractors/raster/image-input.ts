/**
 * Inputs other than PDF: PNG, JPEG and TIFF (multi-page TIFF, bilevel Group 4 included), read with sharp.
 */
import sharp from 'sharp';
import type { GreyImage } from './grey-image.js';

export type InputKind = 'pdf' | 'png' | 'jpeg' | 'tiff';

/** What a file is, from its first bytes; null when it is none of the inputs jixiao reads. */
export function detectInputKind(bytes: Uint8Array): InputKind | null {
  const b = bytes;
  if (b.length >= 4 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 4 && ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a))) return 'tiff';
  if (Buffer.from(b.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  return null;
}

/** Settings of image inputs. */
export interface ImageInputSettings {
  /**
   * Resolution assumed when an image does not say (no density in its header), in dots per inch.
   * @default 300
   */
  defaultDpi: number;
  /**
   * Largest image accepted, in pixels (width × height): a guard against decompression bombs.
   * @default 200_000_000
   */
  maxPixels: number;
  /**
   * Longest page side, in inches, that a resolution an image declares may give it. A larger page is not believed:
   * screenshots and some converters (`pdfimages -png`) write 72 dpi for a 300 dpi scan, which would make an A4
   * page 48 inches tall and its text too large for every setting measured in page units; `defaultDpi` is taken
   * instead. 24 inches is A2's long side and more.
   * @default 24
   */
  maxPageInches: number;
}

export const DEFAULT_IMAGE_INPUT_SETTINGS: ImageInputSettings = { defaultDpi: 300, maxPixels: 200_000_000, maxPageInches: 24 };

/** An image page: its size as it is shown (pixels), the resolution it is read at, and where that came from. */
export interface ImagePageInfo {
  width: number;
  height: number;
  /** Pixels per inch the page is read at. */
  dpi: number;
  /** Whether `dpi` is the one the image declares. */
  dpiGiven: boolean;
  /** A resolution the image declares that was not believed (see `maxPageInches`); unset otherwise. */
  dpiRejected?: number;
}

/** The pages of an image file, each with its size and resolution. */
export async function imagePages(bytes: Uint8Array, settings: ImageInputSettings = DEFAULT_IMAGE_INPUT_SETTINGS): Promise<ImagePageInfo[]> {
  const meta = await sharp(bytes, { limitInputPixels: settings.maxPixels }).metadata();
  const count = meta.pages ?? 1;
  const pages: ImagePageInfo[] = [];
  for (let i = 0; i < count; i++) {
    const m = count === 1 ? meta : await sharp(bytes, { page: i, limitInputPixels: settings.maxPixels }).metadata();
    // A camera's or a scanner's JPEG may be stored on its side with an EXIF orientation: its size as it is shown.
    const shown = m.autoOrient ?? m;
    const width = shown.width ?? 0;
    const height = shown.height ?? 0;
    const declared = m.density && m.density > 30 ? m.density : null;
    const believable = declared !== null && Math.max(width, height) / declared <= settings.maxPageInches;
    pages.push({
      width,
      height,
      dpi: believable ? declared : settings.defaultDpi,
      dpiGiven: believable,
      ...(declared !== null && !believable ? { dpiRejected: declared } : {}),
    });
  }
  return pages;
}

/** One page of an image file as greyscale, turned as its EXIF orientation says it is shown. */
export async function loadImagePage(bytes: Uint8Array, index: number, dpi: number, settings: ImageInputSettings = DEFAULT_IMAGE_INPUT_SETTINGS): Promise<GreyImage> {
  const { data, info } = await sharp(bytes, { page: index, limitInputPixels: settings.maxPixels, autoOrient: true })
    .flatten({ background: '#ffffff' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), dpi };
}
