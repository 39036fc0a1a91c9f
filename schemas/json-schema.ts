/**
 * The JSON Schemas of the output and of a batch's report, derived from the zod schemas: never written by hand.
 */
import { z } from 'zod';
import { Report } from './batch.js';
import { Extraction } from './extraction.js';

/** JSON Schema (draft 2020-12) of an `Extraction`. */
export function extractionJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Extraction, { target: 'draft-2020-12', io: 'output' }),
    $id: 'https://jixiao.invalid/schemas/extraction-v1.json',
    title: 'jixiao extraction of a 项目支出绩效目标表, schema version 1',
  };
}

/** JSON Schema (draft 2020-12) of `report.json`. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Report, { target: 'draft-2020-12', io: 'output' }),
    $id: 'https://jixiao.invalid/schemas/report-v1.json',
    title: 'jixiao batch report (<out>/report.json), version 1',
  };
}
