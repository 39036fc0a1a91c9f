/**
 * The pipeline: the one place where the stages are put in order.
 *
 *   input → load → read pages (text layer, ruling lines; pages without a usable one marked for OCR)
 *   → scan pages (rasterize → preprocess → grid → OCR, for the marked pages) → digits (OCR digits read against the
 *   document's other glyphs of their shape) → find tables (edges → cells) → table rows
 *   (header dropped, cells keyed by column) → place names (OCR text, from the gazetteer) → document numbers (OCR
 *   text, their 〔year〕) → disputed characters (OCR text, from the document's own words) → stitch rows across pages
 *   → parse rows (profile) → checks (profile) → document fields → assemble (confidence, review flags) → Extraction
 */
import { InputError } from '../extractors/pdf/open-pdf.js';
import { projectExpenditure } from '../extractors/profiles/project-expenditure/index.js';
import type { Extraction } from '../schemas/extraction.js';
import { assemble, errorsInPageOrder } from './stages/assemble.js';
import { readDocumentFields } from './stages/document-fields.js';
import { findTables } from './stages/find-tables.js';
import { loadDocument } from './stages/load.js';
import { readPages } from './stages/read-pages.js';
import { repairDocumentNumbers, repairPlaces } from './stages/text-repairs.js';
import { resolveDisputes } from './stages/vocabulary.js';
import { scanPages } from './stages/scan-pages.js';
import { agreeDigitShapes } from './stages/digit-consensus.js';
import { createOcrEngine, type OcrEngine } from '../extractors/ocr/ocr-engine.js';
import { stitchRows } from './stages/stitch.js';
import { tableRows } from './stages/table-rows.js';
import { DEFAULT_INPUT_LIMITS, DEFAULT_REVIEW_THRESHOLD, type DocumentInput, type PipelineSettings, type ProfileStages, type StageContext } from './types.js';

export interface ExtractOptions extends Partial<PipelineSettings> {
  /** The table profile. @default the 项目支出绩效目标表 profile */
  profile?: ProfileStages;
  /**
   * An OCR engine to use (and leave running) for scanned pages, or a function that gives one when a page first
   * needs it; without one, an engine is created when a page needs it and terminated at the end of the
   * document. Batches pass one engine for all their documents.
   * @default undefined
   */
  ocrEngine?: OcrEngine | (() => Promise<OcrEngine>);
  /**
   * Called once the input is open and its page count known, before any page is read (a batch sets its time
   * budget for the document from it).
   * @default undefined
   */
  onLoad?: (info: { sha256: string; pageCount: number }) => void;
}

/**
 * Extract one document. Throws `InputError` when the file cannot be read at all or holds no table of the
 * profile; a page that fails is recorded in `errors` and the result is `partial`.
 */
export async function extractDocument(input: DocumentInput, options: ExtractOptions = {}): Promise<Extraction> {
  let ownEngine: Promise<OcrEngine> | null = null;
  const ctx: StageContext = {
    file: input.file,
    settings: {
      reviewThreshold: options.reviewThreshold ?? DEFAULT_REVIEW_THRESHOLD,
      password: options.password,
      ocr: options.ocr ?? true,
      limits: options.limits ?? DEFAULT_INPUT_LIMITS,
    },
    profile: options.profile ?? projectExpenditure,
    errors: [],
    ocr: () => {
      const given = options.ocrEngine;
      if (typeof given === 'function') return given();
      return given ? Promise.resolve(given) : (ownEngine ??= createOcrEngine());
    },
  };
  const doc = await loadDocument(input, ctx);
  try {
    options.onLoad?.({ sha256: doc.sha256, pageCount: doc.pageCount });
    const read = await readPages(doc, ctx);
    const pages = await scanPages({ doc, pages: read }, ctx);
    const agreed = await agreeDigitShapes(pages, ctx);
    const layouts = await findTables(agreed, ctx);
    const table = await tableRows(layouts, ctx);
    if (!table.found || table.pieces.length === 0) {
      // Where OCR failed too, its error is the reason, not the missing text layer it stood in for.
      const ocrFailed = errorsInPageOrder(ctx.errors).find((e) => e.stage === 'scan-pages');
      const unusable = `its text layer is unusable (${pages[0]?.quality.reason ?? 'no pages'})${ocrFailed ? ` and OCR failed (page ${ocrFailed.page}: ${ocrFailed.message})` : ''}`;
      const why = pages.every((p) => !p.quality.usable) ? unusable : `no table with its header (${ctx.profile.table.columns.length} columns such as 项目名称, 绩效指标)`;
      throw new InputError('no-table', `Expected a ${ctx.profile.table.tableName}, got ${why}`);
    }
    const placed = await repairPlaces(table, ctx);
    const repaired = await repairDocumentNumbers(placed, ctx);
    const decided = await resolveDisputes(repaired, ctx);
    const stitched = await stitchRows(decided.pieces, ctx);
    const rows = await ctx.profile.parseRows(stitched, ctx);
    const checks = await ctx.profile.checkRows(rows, ctx);
    const documentFields = await readDocumentFields(repaired, ctx);
    return await assemble({ doc, pages, rows, checks, documentFields }, ctx);
  } finally {
    await doc.pdf?.destroy();
    // Assigned in `ctx.ocr`, which TypeScript cannot see from here.
    const engine = ownEngine as Promise<OcrEngine> | null;
    if (engine) await (await engine).terminate();
  }
}
