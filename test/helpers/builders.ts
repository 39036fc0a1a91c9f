/**
 * Small builders for unit tests: glyphs, positioned texts, keyed cells, row pieces, stitched rows and draft rows.
 *
 * Coordinates: page units, origin top-left (as everywhere in jixiao).
 */
import type { Glyph } from '../../extractors/pdf/glyph.js';
import type { Crop } from '../../extractors/raster/ocr-read.js';
import type { KeyedCell } from '../../extractors/table/columns.js';
import { unplacedText, type CharBox, type PositionedText } from '../../extractors/text/positioned-text.js';
import { parseTarget } from '../../extractors/profiles/project-expenditure/targets.js';
import { projectExpenditure } from '../../extractors/profiles/project-expenditure/index.js';
import { fieldFrom, type DraftField } from '../../pipeline/field.js';
import type { Source } from '../../schemas/extraction.js';
import type { DraftIndicator, DraftRow, RowPiece, StageContext, StitchedRow } from '../../pipeline/types.js';

/**
 * A white grey crop (pixels, origin top-left) with black rectangles `[x0, x1, y0, y1]` (ends exclusive) painted in,
 * and its ink bounds (inclusive) around them.
 */
export function inkCrop(width: number, height: number, rects: readonly (readonly [number, number, number, number])[]): Crop {
  const data = new Uint8Array(width * height).fill(255);
  for (const [x0, x1, y0, y1] of rects) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * width + x] = 0;
  const ink = { x0: Math.min(...rects.map((r) => r[0])), x1: Math.max(...rects.map((r) => r[1])) - 1, y0: Math.min(...rects.map((r) => r[2])), y1: Math.max(...rects.map((r) => r[3])) - 1 };
  return { left: 0, top: 0, width, height, data, ink };
}

/** The confidence every built field starts from. */
export const BUILT_CONFIDENCE = 0.99;

/** One glyph; `size` defaults to its height. */
export function glyph(char: string, x0: number, y0: number, x1: number, y1: number, opts: { size?: number; page?: number; run?: number } = {}): Glyph {
  return { char, x0, y0, x1, y1, size: opts.size ?? y1 - y0, page: opts.page ?? 1, run: opts.run ?? 0 };
}

/**
 * One glyph per character of `text`, left to right from `x`, each `advance` wide (default: `size`), top at `y`.
 * All in one run unless `run` says otherwise.
 */
export function glyphRun(text: string, x: number, y: number, opts: { size?: number; advance?: number; page?: number; run?: number } = {}): Glyph[] {
  const size = opts.size ?? 10;
  const advance = opts.advance ?? size;
  return [...text].map((char, i) => glyph(char, x + i * advance, y, x + (i + 1) * advance, y + size, { size, page: opts.page ?? 1, run: opts.run ?? 0 }));
}

/** A text with a box per UTF-16 unit, as if read from one line at (`x`, `y`) on `page`, `advance` per character. */
export function placedText(text: string, page = 1, x = 0, y = 0, advance = 10): PositionedText {
  const boxes: CharBox[] = [];
  let i = 0;
  for (const ch of text) {
    const box: CharBox = { page, bbox: [x + i * advance, y, x + (i + 1) * advance, y + advance] };
    for (let k = 0; k < ch.length; k++) boxes.push(box);
    i++;
  }
  return { text, boxes };
}

/** A text as OCR read it: every character placed on one line, with a confidence. */
export function ocrReadText(text: string, confidence = 0.98): PositionedText {
  const placed = placedText(text);
  return { text, boxes: placed.boxes.map((b) => (b ? { ...b, confidence } : b)) };
}

/** A keyed cell from a string (unplaced) or a positioned text; no drawn-cell region unless given. */
export function keyedCell(text: string | PositionedText, opts: { straddling?: number; parts?: number; regions?: Source[] } = {}): KeyedCell {
  return { text: typeof text === 'string' ? unplacedText(text) : text, straddling: opts.straddling ?? 0, parts: opts.parts ?? 1, regions: opts.regions ?? [] };
}

/** Cells keyed by column from a record of texts; empty strings are kept as empty cells. */
export function keyedCells(texts: Record<string, string | PositionedText>): Map<string, KeyedCell> {
  return new Map(Object.entries(texts).map(([k, v]) => [k, keyedCell(v)]));
}

/** A stitched row on one page (by default) with unplaced texts. */
export function stitchedRow(texts: Record<string, string | PositionedText>, opts: Partial<Omit<StitchedRow, 'cells'>> = {}): StitchedRow {
  return {
    pages: opts.pages ?? [1],
    cells: keyedCells(texts),
    readConfidence: opts.readConfidence ?? BUILT_CONFIDENCE,
    joinedColumns: opts.joinedColumns ?? [],
    notes: opts.notes ?? [],
  };
}

/** A row piece on `page`. */
export function rowPiece(page: number, firstOnPage: boolean, texts: Record<string, string | PositionedText>, opts: { readConfidence?: number; notes?: string[] } = {}): RowPiece {
  return { page, firstOnPage, cells: keyedCells(texts), readConfidence: opts.readConfidence ?? BUILT_CONFIDENCE, notes: opts.notes ?? [] };
}

/** A stage context with the 项目支出绩效目标表 profile. */
export function stageContext(): StageContext {
  return {
    file: 'test.pdf',
    settings: { reviewThreshold: 0.9, ocr: false },
    profile: projectExpenditure,
    errors: [],
    ocr: () => Promise.reject(new Error('Expected no OCR in a unit test, got a request for the engine')),
  };
}

/** A field at `BUILT_CONFIDENCE` with no source. */
export function field<T>(value: T): DraftField<T> {
  return fieldFrom(value, null, BUILT_CONFIDENCE);
}

/** An indicator `seq、l1-…；l2-…；name；实施周期指标值:period；年度指标值:annual` with fields at `BUILT_CONFIDENCE`. */
export function draftIndicator(seq: number, codes: [level1: string, level2: string], targets: [period: string, annual: string], name = `指标${seq}`): DraftIndicator {
  return {
    seq,
    level1: field({ code: codes[0], name: '产出指标' }),
    level2: field({ code: codes[1], name: '数量指标' }),
    name: field(name),
    periodTarget: field(parseTarget(targets[0])),
    annualTarget: field(parseTarget(targets[1])),
  };
}

/** A draft row with amounts `[总计, 财政拨款, 财政专户拨款, 其他资金]`, every field at `BUILT_CONFIDENCE`. */
export function draftRow(
  kind: DraftRow['kind'],
  name: string,
  amounts: [total: number | null, fiscal: number | null, specialAccount: number | null, other: number | null],
  opts: { unit?: string | null; goal?: string | null; indicators?: DraftIndicator[]; pages?: number[] } = {},
): DraftRow {
  return {
    kind,
    unit: opts.unit ?? null,
    pages: opts.pages ?? [1],
    name: field(name),
    total: field(amounts[0]),
    fiscal: field(amounts[1]),
    specialAccount: field(amounts[2]),
    other: field(amounts[3]),
    goal: field(opts.goal !== undefined ? opts.goal : kind === 'project' ? '目标' : null),
    indicators: opts.indicators ?? (kind === 'project' ? [draftIndicator(1, ['1', '11'], ['1次', '1次'])] : []),
  };
}

/** Every field of a draft row, by a path such as `total` or `indicators[0].level1`. */
export function rowFields(row: DraftRow): Record<string, DraftField<unknown>> {
  const out: Record<string, DraftField<unknown>> = {
    name: row.name,
    total: row.total,
    fiscal: row.fiscal,
    specialAccount: row.specialAccount,
    other: row.other,
    goal: row.goal,
  };
  row.indicators.forEach((ind, i) => {
    for (const k of ['level1', 'level2', 'name', 'periodTarget', 'annualTarget'] as const) out[`indicators[${i}].${k}`] = ind[k];
  });
  return out;
}

/** Every field of a list of rows, keyed `position:path`. */
export function allFields(rows: readonly DraftRow[]): Record<string, DraftField<unknown>> {
  const out: Record<string, DraftField<unknown>> = {};
  rows.forEach((row, p) => {
    for (const [k, f] of Object.entries(rowFields(row))) out[`${p}:${k}`] = f;
  });
  return out;
}

/** Keys (as in `allFields`) of the fields whose confidence is below `threshold`, sorted. */
export function loweredFields(rows: readonly DraftRow[], threshold = 0.9): string[] {
  return Object.entries(allFields(rows))
    .filter(([, f]) => f.confidence < threshold)
    .map(([k]) => k)
    .sort();
}
