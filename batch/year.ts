/**
 * The year a disclosure is for: `--year`, else a year in the document's title (`2024年项目支出绩效目标表`),
 * else a year that names one of its folders (`disclosures/2024/…`, `2024年/…`), nearest folder first.
 */
import path from 'node:path';
import type { YearSource } from '../schemas/batch.js';

export interface DocumentYear {
  year: number | null;
  source: YearSource | null;
}

/** A plausible year for these disclosures, standing alone (not part of a longer number). */
const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/;
/** In a title the year is written `2024年` or `2024 年度`. */
const TITLE_YEAR = /(?<!\d)((?:19|20)\d{2})\s*年/;

export function documentYear(option: number | undefined, title: string | null | undefined, file: string): DocumentYear {
  if (option !== undefined) return { year: option, source: 'option' };
  const inTitle = title ? TITLE_YEAR.exec(title) : null;
  if (inTitle) return { year: Number(inTitle[1]), source: 'title' };
  const folders = path.dirname(file).split(/[\\/]/).reverse();
  for (const folder of folders) {
    const m = YEAR.exec(folder);
    if (m) return { year: Number(m[1]), source: 'folder' };
  }
  return { year: null, source: null };
}
