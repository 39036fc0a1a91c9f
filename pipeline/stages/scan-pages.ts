/**
 * Stage: pages marked for OCR are rasterized, preprocessed, their ruling lines found in the pixels, and their
 * cells read by OCR, giving the same glyphs and edges as a text-layer page.
 *
 *   rasterize (pdf.js canvas, or the image file's page) → preprocess (sharp: grey, deskew, normalise,
 *   denoise) → orient (a page on its side or upside down turned upright, from its ink; where the ink does not
 *   tell, by reading a few cells both ways up) → grid (pixel lines → cells) → OCR (one job per cell, on the
 *   engine's workers)
 *
 * Pages flow through a p-queue with a small concurrency, so at most that many page images are held at once
 * however long the document is; the OCR engine's own queue spreads the cells of those pages over its workers.
 */
import PQueue from 'p-queue';
import { edgesToPageTables } from '../../extractors/table/page-table.js';
import { greyToEdges } from '../../extractors/raster/pixel-lines.js';
import { preprocessPage, type PreparedPage } from '../../extractors/raster/preprocess.js';
import { estimateOrientation, turnImage, type PageOrientation, type QuarterTurn } from '../../extractors/raster/page-orientation.js';
import { probeHalfTurn, type HalfTurnProbe } from '../../extractors/raster/orientation-probe.js';
import { rememberJobs } from '../../extractors/ocr/remembered-jobs.js';
import { DEFAULT_RENDER_SETTINGS, renderPdfPage } from '../../extractors/raster/render-page.js';
import { DEFAULT_IMAGE_INPUT_SETTINGS, loadImagePage } from '../../extractors/raster/image-input.js';
import { ocrRegions, type OcrRegion } from '../../extractors/raster/ocr-cells.js';
import { inkBesideTables, type InkBeside } from '../../extractors/raster/ink-beside-tables.js';
import { INK_BESIDE_TABLE_CAP, UNSURE_ORIENTATION_CAP } from '../confidence.js';
import type { GreyImage } from '../../extractors/raster/grey-image.js';
import type { Edge } from '../../extractors/table/edge.js';
import type { Glyph } from '../../extractors/pdf/glyph.js';
import { DEFAULT_INPUT_LIMITS, type LoadedDocument, type PageRead, type Stage, type StageContext } from '../types.js';

/**
 * Pages between rasterizing and the end of OCR at any time.
 * @default 2
 */
export const DEFAULT_PAGES_IN_FLIGHT = 2;

export interface ScanInput {
  doc: LoadedDocument;
  pages: PageRead[];
}

export const scanPages: Stage<ScanInput, PageRead[]> = async ({ doc, pages }, ctx) => {
  if (!ctx.settings.ocr) {
    for (const read of pages.filter((p) => p.method === 'ocr')) {
      read.notes.push('not read: OCR is off');
      ctx.errors.push({ page: read.page, stage: 'scan-pages', message: 'Expected a text layer or OCR, got an image page with OCR off' });
    }
    return pages;
  }
  const queue = new PQueue({ concurrency: DEFAULT_PAGES_IN_FLIGHT });
  await Promise.all(
    pages
      .filter((p) => p.method === 'ocr')
      .map((read) =>
        queue.add(async () => {
          try {
            await scanPage(doc, read, ctx);
          } catch (error) {
            read.notes.push(`OCR failed: ${(error as Error).message}`);
            ctx.errors.push({ page: read.page, stage: 'scan-pages', message: `Expected a readable scan, got: ${(error as Error).message}` });
          }
        }),
      ),
  );
  return pages;
};

/** Stage unit: the page's raster. */
export async function rasterize(doc: LoadedDocument, read: PageRead, maxPixels = DEFAULT_INPUT_LIMITS.maxPixels): Promise<GreyImage> {
  if (doc.kind === 'image') {
    const info = doc.imagePages[read.page - 1]!;
    // The run's pixel limit, checked at load on the declared size, is the decoder's too.
    return loadImagePage(doc.bytes, read.page - 1, info.dpi, { ...DEFAULT_IMAGE_INPUT_SETTINGS, maxPixels });
  }
  return renderPdfPage(doc.pdf!, read.page, read.dpi ?? DEFAULT_RENDER_SETTINGS.defaultDpi);
}

/**
 * Stage unit: the levelled page turned so that its text stands upright where its ink shows which way up it
 * stands (and says so in the page's notes). A page whose ink does not show it is left as it is, or turned by 90°
 * when its lines run down it, for `settleOrientation` to settle by reading.
 */
export function orient(prepared: PreparedPage, read: PageRead): OrientedPage {
  const orientation = estimateOrientation(prepared.image);
  const { turn, decided, evidence } = orientation;
  const applied = decided ? turn : orientation.lines === 'down' ? 90 : 0;
  if (decided && turn !== 0) {
    read.notes.push(`turned by ${turn}° clockwise: ${turn === 180 ? 'the page was upside down' : 'its text lines ran down the page'} (its punctuation, ${Math.max(evidence.low, evidence.high)} marks against ${Math.min(evidence.low, evidence.high)}, showed which way up)`);
  }
  return { ...prepared, image: turnImage(prepared.image, applied), orientation: { ...orientation, turn: applied } };
}

/** A levelled page as `orient` turned it. */
export type OrientedPage = PreparedPage & { orientation: PageOrientation };

/** Two shares (0..1) of sure Chinese, the winning way up's first, as a note says them. */
const shares = (won: number, lost: number) => `${Math.round(won * 100)}% of its characters read as sure Chinese against ${Math.round(lost * 100)}%`;

/**
 * Stage unit: a page whose ink did not show which way up it stands, settled by what reading its cells both ways
 * up said (`probeHalfTurn`): turned half a circle more where OCR was clearly surer of it so, kept where it was
 * surer of it as it is. A page on its side that neither settles stays turned by 90° as a guess, and its reading is
 * doubted whole: read upside down it would be garbage. A page with its lines across it that neither settles is read
 * as it is, as before. Pure: the probe is done by the caller.
 */
export function settleOrientation(page: OrientedPage, read: PageRead, probe: HalfTurnProbe): OrientedPage {
  const { orientation } = page;
  const base = orientation.turn;
  if (probe.halfTurn === true) {
    const turn = ((base + 180) % 360) as QuarterTurn;
    read.notes.push(`turned by ${turn}° clockwise: its ink did not show which way up, and OCR read its cells with more confidence so (${shares(probe.turned, probe.asIs)})`);
    return { ...page, image: turnImage(page.image, 180), orientation: { ...orientation, turn } };
  }
  if (base === 90 && probe.halfTurn === false) {
    read.notes.push(`turned by 90° clockwise: its text lines ran down the page, and OCR read its cells with more confidence this way up (${shares(probe.asIs, probe.turned)})`);
  } else if (base === 90) {
    read.notes.push(`turned by 90° clockwise as a guess: its text lines ran down the page, and neither its ink nor reading it both ways showed which way up (${orientation.evidence.low} marks at the foot of a line against ${orientation.evidence.high} at its head)`);
    read.readConfidence = Math.min(read.readConfidence, UNSURE_ORIENTATION_CAP);
  }
  return page;
}

/**
 * Stage unit: ruling lines from the pixels, and the regions to read: every cell, and the text above the table;
 * and the ink beside a table that no region holds.
 */
export function grid(prepared: PreparedPage, read: PageRead): { edges: Edge[]; regions: OcrRegion[]; inkBeside: InkBeside[] } {
  const edges = greyToEdges(prepared.image);
  const { tables } = edgesToPageTables(read.page, edges, []);
  const regions: OcrRegion[] = tables.flatMap((t) => t.rows.flat().map((c) => ({ rect: c.rect, role: 'cell' as const })));
  const width = (prepared.image.width * 72) / prepared.image.dpi;
  const height = (prepared.image.height * 72) / prepared.image.dpi;
  const top = tables.length > 0 ? Math.min(...tables.map((t) => t.bounds.y0)) : height;
  // Text outside the table: the title and 部门名称 lines above it (or the whole page when it has no table).
  if (top > 12) regions.push({ rect: { x0: 0, y0: 0, x1: width, y1: top - 1 }, role: 'block' });
  return { edges, regions, inkBeside: inkBesideTables(prepared.image, tables.map((t) => t.bounds)) };
}

async function scanPage(doc: LoadedDocument, read: PageRead, ctx: StageContext): Promise<void> {
  const raster = await rasterize(doc, read, ctx.settings.limits?.maxPixels);
  const levelled = await preprocessPage(raster);
  if (levelled.skew !== 0) read.notes.push(`deskewed by ${levelled.skew.toFixed(2)}°`);
  if (levelled.denoised) read.notes.push('speckle noise filtered');
  let engine = await ctx.ocr();
  let prepared = orient(levelled, read);
  let { edges, regions, inkBeside } = grid(prepared, read);
  if (!prepared.orientation.decided && prepared.orientation.lines !== 'unclear') {
    // The probe's upright reads are reads of the page's own cells: remembered, they are not done twice.
    engine = rememberJobs(engine);
    const settled = settleOrientation(prepared, read, await probeHalfTurn(prepared.image, regions, prepared.orientation.evidence.em, engine));
    if (settled !== prepared) ({ edges, regions, inkBeside } = grid(settled, read));
    prepared = settled;
  }
  for (const side of new Set(inkBeside.map((b) => b.side))) {
    read.notes.push(`ink ${side} of the table, level with its rows, that no cell holds: a column may have gone unread`);
    read.readConfidence = Math.min(read.readConfidence, INK_BESIDE_TABLE_CAP);
  }
  const glyphs: Glyph[] = await ocrRegions(prepared.image, regions, engine, read.page);
  read.glyphs = glyphs;
  read.edges = edges;
  read.skew = prepared.skew;
  read.turn = prepared.orientation.turn;
  read.dpi = prepared.image.dpi;
}
