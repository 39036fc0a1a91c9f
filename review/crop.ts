/**
 * Crops of the page region a field was read from, rendered on demand as PNG from the document's source file:
 * PDF pages with pdf.js (its own canvas factory, `doc.canvasFactory`, so pdf.js and the canvas share one copy
 * of @napi-rs/canvas), image files with sharp. Only the region is rendered, with a margin around it, and each
 * of the field's boxes on that page is outlined.
 *
 * The source file is the one `documents.source_path` names, and it is used only if its bytes still have the
 * document's SHA-256: a file edited or replaced since extraction would show other pixels than the value came
 * from. Paths come from the database, never from a request.
 */
import { stat, readFile } from 'node:fs/promises';
import PQueue from 'p-queue';
import sharp from 'sharp';
import { hashFile } from '../batch/files.js';
import { detectInputKind } from '../extractors/raster/image-input.js';
import type { PDFDocumentProxy } from '../extractors/pdf/pdfjs.js';
import type { BBox, Extraction } from '../schemas/extraction.js';
import { ReviewError } from './errors.js';

/** Settings of `CropRenderer`. */
export interface CropOptions {
  /**
   * Page units (1/72 inch) shown around the region on every side, so the value is seen in its cell and row.
   * @default 24
   */
  margin: number;
  /**
   * Least page units across a crop: a short amount is shown with its neighbours, so its row and column are
   * seen.
   * @default 220
   */
  minWidth: number;
  /**
   * Most pixels across a crop; a wide region is rendered at a lower scale to fit.
   * @default 1400
   */
  maxWidth: number;
  /**
   * Most pixels per page unit (3 = 216 dpi): enough to read a small character, never more than the scan holds.
   * @default 3
   */
  maxScale: number;
  /**
   * Source files (PDFs open, images' bytes) kept between requests.
   * @default 4
   */
  openFiles: number;
  /**
   * Crops kept rendered (a crop never changes: a field's sources are fixed at extraction).
   * @default 200
   */
  cachedCrops: number;
  /**
   * Largest image page accepted, in pixels (sharp's `limitInputPixels`), as `extract --max-pixels`.
   * @default 200_000_000
   */
  maxPixels: number;
}

export const DEFAULT_CROP_OPTIONS: CropOptions = { margin: 24, minWidth: 220, maxWidth: 1400, maxScale: 3, openFiles: 4, cachedCrops: 200, maxPixels: 200_000_000 };

/** The document a crop comes from, as the database has it. */
export interface CropSource {
  sha256: string;
  sourcePath: string;
  extraction: Pick<Extraction, 'source'>;
}

/** A region of a page in page units, and the boxes to outline in it. */
export interface CropRegion {
  page: number;
  /** The region rendered: the boxes' union with the margin, within the page. */
  region: BBox;
  boxes: BBox[];
}

type OpenFile = { kind: 'pdf'; pdf: PDFDocumentProxy } | { kind: 'image'; bytes: Buffer };

/** The region to render for `boxes` on a page of `width` × `height` page units. Pure. */
export function cropRegion(page: number, boxes: readonly BBox[], width: number, height: number, margin: number, minWidth = 0): CropRegion {
  if (boxes.length === 0) throw new ReviewError(404, `Expected the field to have a source on page ${page}, got none`);
  let x0 = Math.min(...boxes.map((b) => b[0])) - margin;
  let x1 = Math.max(...boxes.map((b) => b[2])) + margin;
  const widen = Math.max(0, minWidth - (x1 - x0)) / 2;
  x0 = Math.max(0, x0 - widen);
  x1 = Math.min(width, x1 + widen);
  const y0 = Math.max(0, Math.min(...boxes.map((b) => b[1])) - margin);
  const y1 = Math.min(height, Math.max(...boxes.map((b) => b[3])) + margin);
  if (x1 - x0 < 1 || y1 - y0 < 1) throw new ReviewError(422, `Expected a region inside page ${page} (${width} × ${height}), got boxes outside it`);
  return { page, region: [x0, y0, x1, y1], boxes: [...boxes] };
}

export class CropRenderer {
  private readonly options: CropOptions;
  private readonly files = new Map<string, Promise<OpenFile>>();
  private readonly crops = new Map<string, Promise<Buffer>>();
  /** Renders one or two at a time: the machine has two cores and the page asks for many crops at once. */
  private readonly queue = new PQueue({ concurrency: 2 });

  constructor(options: Partial<CropOptions> = {}) {
    this.options = { ...DEFAULT_CROP_OPTIONS, ...options };
  }

  /** A PNG of `page` of `doc` around `boxes`, each outlined. */
  async crop(doc: CropSource, page: number, boxes: readonly BBox[]): Promise<Buffer> {
    const info = doc.extraction.source.pages.find((p) => p.page === page);
    if (!info) throw new ReviewError(404, `Expected a page from 1 to ${doc.extraction.source.pages.length}, got ${page}`);
    const region = cropRegion(page, boxes, info.width, info.height, this.options.margin, this.options.minWidth);
    const key = `${doc.sha256}/${page}/${region.boxes.map((b) => b.join(',')).join(';')}`;
    let png = this.crops.get(key);
    if (!png) {
      png = this.queue.add(() => this.render(doc, region, info.width, info.turn ?? 0));
      this.remember(this.crops, key, png, this.options.cachedCrops);
      // A failure is not kept: the file may be put back.
      png.catch(() => this.crops.delete(key));
    }
    return png;
  }

  async close(): Promise<void> {
    await this.queue.onIdle();
    const files = [...this.files.values()];
    this.files.clear();
    for (const f of files) {
      const open = await f.catch(() => null);
      if (open?.kind === 'pdf') await open.pdf.destroy();
    }
  }

  /** The crop as a PNG, its boxes outlined, turned by `turn` degrees clockwise as the page was to be read. */
  private async render(doc: CropSource, crop: CropRegion, pageWidth: number, turn: number): Promise<Buffer> {
    const file = await this.open(doc);
    const [x0, y0, x1] = crop.region;
    const scale = Math.min(this.options.maxScale, this.options.maxWidth / (x1 - x0));
    const raster = file.kind === 'pdf' ? await renderPdfRegion(file.pdf, crop, scale) : await renderImageRegion(file.bytes, crop, scale, pageWidth, this.options.maxPixels);
    const outline = crop.boxes
      .map((b) => {
        const x = (b[0] - x0) * scale;
        const y = (b[1] - y0) * scale;
        return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${((b[2] - b[0]) * scale).toFixed(1)}" height="${((b[3] - b[1]) * scale).toFixed(1)}" fill="rgba(255,196,0,0.15)" stroke="#d0021b" stroke-width="2.5"/>`;
      })
      .join('');
    const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${raster.width}" height="${raster.height}">${outline}</svg>`);
    const outlined = sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: raster.channels } }).composite([{ input: svg, top: 0, left: 0 }]);
    if (turn === 0) return outlined.png({ compressionLevel: 6 }).toBuffer();
    // A page read turned (a table scanned on its side) is shown as it was read, its text upright. Turned in a
    // pipeline of its own: sharp turns an image before it composites onto it, and the outlines are drawn unturned.
    const { data, info } = await outlined.raw().toBuffer({ resolveWithObject: true });
    return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
      .rotate(turn)
      .png({ compressionLevel: 6 })
      .toBuffer();
  }

  /** The source file, open, once its bytes are known to be the document's. */
  private open(doc: CropSource): Promise<OpenFile> {
    let file = this.files.get(doc.sha256);
    if (file) {
      // Most recently used last: the file a render is using is never the one evicted for another.
      this.files.delete(doc.sha256);
      this.files.set(doc.sha256, file);
    } else {
      file = openSource(doc, this.options.maxPixels);
      this.remember(this.files, doc.sha256, file, this.options.openFiles, (evicted) =>
        evicted.then((f) => (f.kind === 'pdf' ? f.pdf.destroy() : undefined)).catch(() => undefined),
      );
      file.catch(() => this.files.delete(doc.sha256));
    }
    return file;
  }

  /** Keep `value` under `key`, dropping the oldest entry past `limit` (a Map iterates in insertion order). */
  private remember<T>(map: Map<string, T>, key: string, value: T, limit: number, evict?: (value: T) => void): void {
    map.set(key, value);
    while (map.size > limit) {
      const [oldest, old] = map.entries().next().value as [string, T];
      map.delete(oldest);
      evict?.(old);
    }
  }
}

async function openSource(doc: CropSource, maxPixels: number): Promise<OpenFile> {
  const info = await stat(doc.sourcePath).catch(() => null);
  if (!info?.isFile()) throw new ReviewError(410, `Expected the source file ${doc.sourcePath}, got none there: it was moved or deleted since it was extracted`);
  const sha256 = await hashFile(doc.sourcePath);
  if (sha256 !== doc.sha256) throw new ReviewError(409, `Expected ${doc.sourcePath} to have SHA-256 ${doc.sha256}, got ${sha256}: the file changed since it was extracted`);
  const bytes = await readFile(doc.sourcePath);
  const kind = detectInputKind(bytes);
  if (kind === 'pdf') {
    // Loaded when the first PDF crop is asked for: a review of scanned images never loads pdf.js.
    const { openPdf } = await import('../extractors/pdf/open-pdf.js');
    return { kind: 'pdf', pdf: await openPdf(bytes, { maxImagePixels: maxPixels }) };
  }
  if (kind === null) throw new ReviewError(422, `Expected a PDF, PNG, JPEG or TIFF at ${doc.sourcePath}, got none of them`);
  return { kind: 'image', bytes };
}

interface Raster {
  data: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
}

/** Render only the region of a PDF page, at `scale` pixels per page unit, on white. */
async function renderPdfRegion(pdf: PDFDocumentProxy, crop: CropRegion, scale: number): Promise<Raster> {
  // Imported here, as pdf.js is (render-page loads it): a review of scanned images never loads it.
  const { renderPdfRgba } = await import('../extractors/raster/render-page.js');
  const { data, width, height } = await renderPdfRgba(pdf, crop.page, scale, crop.region);
  return { data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), width, height, channels: 4 };
}

/** Cut the region out of an image page (page units are its pixels × 72 / its dpi) and scale it to `scale`. */
async function renderImageRegion(bytes: Buffer, crop: CropRegion, scale: number, pageWidth: number, maxPixels: number): Promise<Raster> {
  const image = sharp(bytes, { page: crop.page - 1, limitInputPixels: maxPixels });
  const meta = await image.metadata();
  const imageWidth = meta.width ?? 0;
  const imageHeight = meta.pageHeight ?? meta.height ?? 0;
  // Pixels per page unit, from the page width the extraction recorded for this very image.
  const ppu = imageWidth / pageWidth;
  const [x0, y0, x1, y1] = crop.region;
  const left = Math.max(0, Math.floor(x0 * ppu));
  const top = Math.max(0, Math.floor(y0 * ppu));
  const width = Math.max(1, Math.min(imageWidth - left, Math.ceil((x1 - x0) * ppu)));
  const height = Math.max(1, Math.min(imageHeight - top, Math.ceil((y1 - y0) * ppu)));
  const outWidth = Math.max(1, Math.round((x1 - x0) * scale));
  const outHeight = Math.max(1, Math.round((y1 - y0) * scale));
  const { data, info } = await sharp(bytes, { page: crop.page - 1, limitInputPixels: maxPixels })
    .extract({ left, top, width, height })
    .resize(outWidth, outHeight, { fit: 'fill' })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels === 4 ? 4 : 3 };
}
