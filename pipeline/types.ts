/**
 * What flows between the stages. Each stage is a function `(input, ctx) => output` (see `Stage`); the order
 * of the stages lives in `pipeline.ts` alone.
 *
 * Coordinates everywhere: page units (1/72 inch), origin at the top-left of the page. Pages are 1-based.
 */
import type { QuarterTurn } from '../extractors/raster/page-orientation.js';
import type { ImagePageInfo } from '../extractors/raster/image-input.js';
import type { PDFDocumentProxy } from '../extractors/pdf/pdfjs.js';
import type { Glyph } from '../extractors/pdf/glyph.js';
import type { Edge } from '../extractors/table/edge.js';
import type { PageTable } from '../extractors/table/page-table.js';
import type { KeyedCell } from '../extractors/table/columns.js';
import type { TextLayerQuality } from '../extractors/text/normalize.js';
import type { PositionedText } from '../extractors/text/positioned-text.js';
import type { TableProfile } from '../extractors/profiles/profile.js';
import type { Check, Extraction, PageError, Row } from '../schemas/extraction.js';
import type { DraftField } from './field.js';
import type { OcrEngine } from '../extractors/ocr/ocr-engine.js';

/** Settings of one run. */
export interface PipelineSettings {
  /**
   * Fields with a confidence below this are flagged for review.
   * @default 0.9
   */
  reviewThreshold: number;
  /** Password for encrypted PDFs. @default undefined */
  password?: string;
  /**
   * Read pages without a usable text layer by OCR. When false, such pages are read for what their text layer
   * is worth and flagged.
   * @default true
   */
  ocr: boolean;
  /**
   * Limits past which an input fails with a reason instead of taking the machine's memory.
   * @default DEFAULT_INPUT_LIMITS
   */
  limits?: InputLimits;
}

export const DEFAULT_REVIEW_THRESHOLD = 0.9;

/** Limits that keep one hostile or broken input (a PDF bomb, an absurd image) from sinking a batch. */
export interface InputLimits {
  /**
   * Most pages a document may have; checked on the page count the file declares, before any page is read.
   * @default 1000
   */
  maxPages: number;
  /**
   * Most pixels (width × height) of an image file's page, of an image embedded in a PDF, and of a PDF page
   * rendered for OCR. Image files are decoded with sharp's `limitInputPixels` at this value and pdf.js drops
   * larger embedded images (`maxImageSize`).
   * @default 200_000_000
   */
  maxPixels: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = { maxPages: 1000, maxPixels: 200_000_000 };

/** What every stage may read and write besides its input: the run's settings and the errors met so far. */
export interface StageContext {
  /** The input's name, for messages. */
  file: string;
  settings: PipelineSettings;
  profile: ProfileStages;
  /** Page errors: a stage records one and goes on; the document then ends as partial. */
  errors: PageError[];
  /** The OCR engine, created when the first page needs it. */
  ocr: () => Promise<OcrEngine>;
}

/** One stage of the pipeline. */
export type Stage<I, O> = (input: I, ctx: StageContext) => O | Promise<O>;

export interface DocumentInput {
  /** Name to report, usually the path given on the command line. */
  file: string;
  bytes: Uint8Array;
}

export interface LoadedDocument {
  file: string;
  sha256: string;
  /** What the input is: a PDF, or an image file (PNG, JPEG, TIFF) whose pages are scans. */
  kind: 'pdf' | 'image';
  /** The open PDF; null for image inputs. */
  pdf: PDFDocumentProxy | null;
  /** The input's bytes, for image inputs (pages are decoded one at a time). */
  bytes: Uint8Array;
  /** For image inputs, each page's size in pixels and resolution. */
  imagePages: ImagePageInfo[];
  pageCount: number;
}

/** A page as read: its text layer's glyphs, its drawn lines, and how far its text can be trusted. */
export interface PageRead {
  page: number;
  width: number;
  height: number;
  method: 'text' | 'ocr';
  glyphs: Glyph[];
  edges: Edge[];
  quality: TextLayerQuality;
  /** Probability that a character read from this page is right, before any check. */
  readConfidence: number;
  notes: string[];
  /**
   * For OCR pages, the degrees the scan was rotated clockwise and levelled by: glyphs and edges are in the
   * levelled frame, and sources are mapped back to the page when the output is assembled. 0 otherwise.
   */
  skew: number;
  /**
   * For OCR pages, the degrees (clockwise) the levelled scan was turned by so that its text stands upright (a
   * table scanned on its side, or upside down): glyphs and edges are in the turned frame, and `width` and
   * `height` stay the page's own. 0 otherwise.
   */
  turn: QuarterTurn;
  /** For OCR pages, the resolution (dots per inch) the page is rendered and read at. */
  dpi?: number;
}

/** The tables found on a page, and the glyphs outside them (title, header lines, footers). */
export interface PageLayout {
  read: PageRead;
  tables: PageTable[];
  outside: Glyph[];
}

/** One table row on one page, its cells keyed by column. A row cut by a page break is two pieces. */
export interface RowPiece {
  page: number;
  /** Whether this is the first body row of its page (a candidate continuation of the previous page's last). */
  firstOnPage: boolean;
  cells: Map<string, KeyedCell>;
  /** Probability that a character read here is right, from the page and the table layout. */
  readConfidence: number;
  notes: string[];
}

/** What `tableRows` produces: row pieces in document order and the text above the first table. */
export interface TableRowsResult {
  pieces: RowPiece[];
  /** Lines of text above the table on its first page, top to bottom (title, 部门名称, 单位). */
  headerLines: { text: PositionedText; size: number }[];
  /** Whether a table of the profile was found at all. */
  found: boolean;
}

/** A row rebuilt from its pieces. */
export interface StitchedRow {
  pages: number[];
  cells: Map<string, KeyedCell>;
  readConfidence: number;
  /** Columns whose text was joined across a page break. */
  joinedColumns: string[];
  notes: string[];
}

/** A row under construction, with draft fields whose confidence the checks may lower. */
export interface DraftIndicator {
  seq: number;
  level1: DraftField<{ code: string; name: string }>;
  level2: DraftField<{ code: string; name: string }>;
  name: DraftField<string>;
  periodTarget: DraftField<Row['indicators'][number]['periodTarget']['value']>;
  annualTarget: DraftField<Row['indicators'][number]['annualTarget']['value']>;
}

export interface DraftRow {
  kind: Row['kind'];
  unit: string | null;
  pages: number[];
  name: DraftField<string>;
  total: DraftField<number | null>;
  fiscal: DraftField<number | null>;
  specialAccount: DraftField<number | null>;
  other: DraftField<number | null>;
  goal: DraftField<string | null>;
  indicators: DraftIndicator[];
}

export interface DraftDocumentFields {
  title: DraftField<string>;
  department: DraftField<string>;
  currencyUnit: DraftField<string>;
}

/** The stages a table profile supplies on top of the general engine. */
export interface ProfileStages {
  table: TableProfile;
  /** Stitched rows to typed rows with draft fields. */
  parseRows: Stage<StitchedRow[], DraftRow[]>;
  /** Checks over the rows; lowers the confidence of the fields a failed check involves. */
  checkRows: Stage<DraftRow[], Check[]>;
}

export type { Extraction };

/** A read page's height in the frame its glyphs are in (page units): its width for a page turned on its side. */
export function uprightHeight(read: Pick<PageRead, 'width' | 'height' | 'turn'>): number {
  return read.turn === 90 || read.turn === 270 ? read.width : read.height;
}
