/**
 * The output contract of jixiao, as zod schemas.
 *
 * This file is the one source of the contract: the TypeScript types are inferred from it and the JSON Schema
 * printed by `jixiao schema` is derived from it (see `json-schema.ts`). Never write either by hand.
 *
 * Units and coordinates: every `bbox` is in PDF page units (1/72 inch, the page's own user space at scale 1),
 * with the origin at the top-left corner of the page, x growing rightwards and y downwards. Page numbers are
 * 1-based.
 */
import { z } from 'zod';

/** `[x0, y0, x1, y1]` in page units, origin top-left; `x0 <= x1`, `y0 <= y1`. */
export const BBox = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .describe('[x0, y0, x1, y1] in PDF page units (1/72 inch), origin at the top-left corner of the page');
export type BBox = z.infer<typeof BBox>;

/** Where a value was read: a page (1-based) and a box on it. */
export const Source = z.object({
  page: z.number().int().min(1).describe('1-based page number'),
  bbox: BBox,
});
export type Source = z.infer<typeof Source>;

/** A value with the probability that it is right, where it came from, and why its confidence is what it is. */
export const Field = <T extends z.ZodType>(value: T) =>
  z.object({
    value,
    confidence: z.number().min(0).max(1).describe('probability that the value is right, 0..1'),
    sources: z.array(Source),
    notes: z.array(z.string()).optional().describe('why the confidence is what it is'),
  });
export type Field<T> = { value: T; confidence: number; sources: Source[]; notes?: string[] };

export const Comparator = z.enum(['>=', '<=', '>', '<', '=']);
export type Comparator = z.infer<typeof Comparator>;

/**
 * A target value such as `≥12次`. `raw` is always the document's text; `comparator`, `value` and `unit` are
 * filled only when the text is a plain (comparator) number (unit) form, and are all null otherwise: never a guess.
 */
export const Target = z.object({
  raw: z.string(),
  comparator: Comparator.nullable(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
});
export type Target = z.infer<typeof Target>;

export const CodeName = z.object({ code: z.string(), name: z.string() });
export type CodeName = z.infer<typeof CodeName>;

/** One item of the 绩效指标 list: `1、1-产出指标；11-数量指标；name；实施周期指标值:x；年度指标值:y。` */
export const Indicator = z.object({
  seq: z.number().int().describe('the sequence number the document gives the item'),
  level1: Field(CodeName).describe('一级指标, e.g. 1-产出指标'),
  level2: Field(CodeName).describe('二级指标, e.g. 11-数量指标'),
  name: Field(z.string()).describe('三级指标: the indicator name'),
  periodTarget: Field(Target).describe('实施周期指标值'),
  annualTarget: Field(Target).describe('年度指标值'),
});
export type Indicator = z.infer<typeof Indicator>;

export const RowKind = z.enum(['total', 'unit', 'project']);
export type RowKind = z.infer<typeof RowKind>;

/** One row of the table, possibly rebuilt from pieces on several pages. */
export const Row = z.object({
  kind: RowKind.describe('total: 合计; unit: a 资金使用单位 with its subtotal; project: a project under a unit'),
  unit: z.string().nullable().describe('the unit a project row belongs to; null for total and unit rows'),
  pages: z.array(z.number().int().min(1)).describe('the pages the row was read from, in order'),
  name: Field(z.string()),
  total: Field(z.number().nullable()).describe('总计'),
  fiscal: Field(z.number().nullable()).describe('财政拨款'),
  specialAccount: Field(z.number().nullable()).describe('财政专户拨款'),
  other: Field(z.number().nullable()).describe('其他资金'),
  goal: Field(z.string().nullable()).describe('绩效目标; null for total and unit rows'),
  indicators: z.array(Indicator),
  needsReview: z.boolean().describe('true when any field of the row is below the review threshold'),
});
export type Row = z.infer<typeof Row>;

export const Check = z.object({
  rule: z.string().describe('the rule checked, e.g. row-amounts-add-up'),
  ok: z.boolean(),
  rows: z.array(z.number().int().min(0)).describe('positions (0-based, in `rows`) of the rows involved'),
  message: z.string(),
});
export type Check = z.infer<typeof Check>;

export const PageInfo = z.object({
  page: z.number().int().min(1),
  method: z.enum(['text', 'ocr']),
  width: z.number().describe('page width in page units (1/72 inch)'),
  height: z.number().describe('page height in page units (1/72 inch)'),
  notes: z.array(z.string()).optional().describe('why the page was read the way it was, and what went wrong'),
  turn: z
    .union([z.literal(90), z.literal(180), z.literal(270)])
    .optional()
    .describe('degrees the scanned page was turned clockwise to stand upright before it was read (absent when read as it lies); sources stay in the coordinates of the page as it lies'),
});
export type PageInfo = z.infer<typeof PageInfo>;

export const PageError = z.object({
  page: z.number().int().min(1).nullable().describe('the page, or null for the whole document'),
  stage: z.string(),
  message: z.string(),
});
export type PageError = z.infer<typeof PageError>;

export const Extraction = z.object({
  schemaVersion: z.literal(1),
  source: z.object({
    file: z.string().describe('the input file name, as given'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    pages: z.array(PageInfo),
  }),
  document: z.object({
    title: Field(z.string()),
    department: Field(z.string()),
    currencyUnit: Field(z.string()),
  }),
  rows: z.array(Row).describe('in document order'),
  checks: z.array(Check),
  review: z.object({
    threshold: z.number().min(0).max(1),
    fields: z.number().int().min(0).describe('how many fields the document has'),
    flagged: z.number().int().min(0).describe('how many of them are below the threshold'),
  }),
  status: z
    .enum(['complete', 'partial'])
    .describe('partial when some page could not be read; `errors` says which and why'),
  errors: z.array(PageError),
});
export type Extraction = z.infer<typeof Extraction>;
