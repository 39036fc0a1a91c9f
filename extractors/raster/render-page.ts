/**
 * Rendering a PDF page to a greyscale raster with pdf.js's own canvas factory (`doc.canvasFactory`), so the
 * canvas and pdf.js share one copy of @napi-rs/canvas.
 */
import type { PDFDocumentProxy, PDFPageProxy } from '../pdf/pdfjs.js';
import { OPS } from '../pdf/pdfjs.js';
import { rgbaToGrey, type GreyImage } from './grey-image.js';

/** Settings of `chooseRenderDpi`. */
export interface RenderSettings {
  /**
   * Resolution for pages that are not one embedded scan.
   * @default 300
   */
  defaultDpi: number;
  /**
   * Lowest and highest resolution used for an embedded scan rendered at its own resolution.
   * @default [150, 400]
   */
  scanDpiRange: [number, number];
}

export const DEFAULT_RENDER_SETTINGS: RenderSettings = { defaultDpi: 300, scanDpiRange: [150, 400] };

/**
 * The resolution to render a page at: an embedded scan (one image covering the page) at its own resolution,
 * since rendering it finer only interpolates and coarser loses detail; anything else at `defaultDpi`.
 */
export async function chooseRenderDpi(page: PDFPageProxy, settings: RenderSettings = DEFAULT_RENDER_SETTINGS): Promise<{ dpi: number; scan: boolean }> {
  return operatorListToRenderDpi(await page.getOperatorList(), page.getViewport({ scale: 1 }), settings);
}

/** `chooseRenderDpi` from an operator list already at hand (page units from `viewport` at scale 1). Pure. */
export function operatorListToRenderDpi(
  ops: { fnArray: number[]; argsArray: unknown[] },
  viewport: { width: number; height: number },
  settings: RenderSettings = DEFAULT_RENDER_SETTINGS,
): { dpi: number; scan: boolean } {
  let best = 0;
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (ops.fnArray[i] !== OPS.paintImageXObject && ops.fnArray[i] !== OPS.paintInlineImageXObject) continue;
    const args = ops.argsArray[i] as unknown[];
    const w = typeof args[1] === 'number' ? args[1] : 0;
    if (w > best) best = w;
  }
  const pageInches = Math.max(viewport.width, viewport.height) / 72;
  const imageDpi = best / (viewport.width / 72);
  // An image at least as wide, in pixels, as the page at 100 dpi is a scan of the page.
  if (best > 0 && imageDpi >= 100 && best >= (pageInches / 2) * 100) {
    const [lo, hi] = settings.scanDpiRange;
    return { dpi: Math.round(Math.min(hi, Math.max(lo, imageDpi))), scan: true };
  }
  return { dpi: settings.defaultDpi, scan: false };
}

/** Render page `n` (1-based) at `dpi` to grey. */
export async function renderPdfPage(doc: PDFDocumentProxy, n: number, dpi: number): Promise<GreyImage> {
  const { data, width, height } = await renderPdfRgba(doc, n, dpi / 72);
  return rgbaToGrey(data, width, height, dpi);
}

/**
 * Render page `n` (1-based), or the region of it given in page units (origin top-left), at `scale` pixels per
 * page unit, on white, as RGBA. Uses pdf.js's own canvas factory: a second copy of @napi-rs/canvas would make
 * pdf.js's `Path2D` mismatch.
 */
export async function renderPdfRgba(
  doc: PDFDocumentProxy,
  n: number,
  scale: number,
  region?: readonly [x0: number, y0: number, x1: number, y1: number],
): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const page = await doc.getPage(n);
  try {
    // A region's corner is moved to the canvas origin by the viewport's offset; the canvas clips the rest.
    const viewport = region ? page.getViewport({ scale, offsetX: -region[0] * scale, offsetY: -region[1] * scale }) : page.getViewport({ scale });
    const width = region ? Math.max(1, Math.round((region[2] - region[0]) * scale)) : Math.ceil(viewport.width);
    const height = region ? Math.max(1, Math.round((region[3] - region[1]) * scale)) : Math.ceil(viewport.height);
    const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    const { canvas, context } = factory.create(width, height);
    try {
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      await page.render({ canvasContext: context, viewport, canvas } as unknown as Parameters<PDFPageProxy['render']>[0]).promise;
      return { data: context.getImageData(0, 0, width, height).data, width, height };
    } finally {
      factory.destroy({ canvas, context });
    }
  } finally {
    page.cleanup();
  }
}

interface CanvasFactory {
  create(width: number, height: number): { canvas: unknown; context: CanvasContext };
  destroy(entry: { canvas: unknown; context: CanvasContext }): void;
}

interface CanvasContext {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}
