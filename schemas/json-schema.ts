/**
 * The JSON Schema of the output, derived from the zod schemas: never written by hand.
 */
import { z } from 'zod';
import { Extraction } from './extraction.js';

/** JSON Schema (draft 2020-12) of an `Extraction`. */
export function extractionJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Extraction, { target: 'draft-2020-12', io: 'output' }),
    $id: 'https://jixiao.invalid/schemas/extraction-v1.json',
    title: 'jixiao extraction of a 项目支出绩效目标表, schema version 1',
  };
}
