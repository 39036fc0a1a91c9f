/**
 * Stage: ruled tables on each page, from its drawn lines, with the page's glyphs read into their cells.
 */
import { edgesToPageTables } from '../../extractors/table/page-table.js';
import type { PageLayout, PageRead, Stage } from '../types.js';

export const findTables: Stage<PageRead[], PageLayout[]> = (pages) =>
  pages.map((read) => {
    const { tables, outside } = edgesToPageTables(read.page, read.edges, read.glyphs);
    return { read, tables, outside };
  });
