/**
 * Stage: draft rows, checks and document fields to the output contract, with review flags counted.
 */
import type { Extraction, Field, PageError, Row, Source } from '../../schemas/extraction.js';
import { finishField, type DraftField } from '../field.js';
import { levelledToPage } from '../../extractors/raster/preprocess.js';
import { turnedToPage } from '../../extractors/raster/page-orientation.js';
import type { DraftDocumentFields, DraftRow, LoadedDocument, PageRead, Stage } from '../types.js';

export interface AssembleInput {
  doc: LoadedDocument;
  pages: PageRead[];
  rows: DraftRow[];
  checks: Extraction['checks'];
  documentFields: DraftDocumentFields;
}

export const assemble: Stage<AssembleInput, Extraction> = ({ doc, pages, rows, checks, documentFields }, ctx) => {
  const threshold = ctx.settings.reviewThreshold;
  let fields = 0;
  let flagged = 0;
  // Pages whose scan was levelled or turned: their sources go back to the page's own coordinates.
  const moved = new Map(pages.filter((p) => p.skew !== 0 || p.turn !== 0).map((p) => [p.page, p]));
  const finish = <T>(f: DraftField<T>): Field<T> => {
    fields++;
    if (f.confidence < threshold) flagged++;
    return finishField(moved.size === 0 ? f : { ...f, sources: f.sources.map((s) => levelledSourceToPage(s, moved.get(s.page))) });
  };
  const document = { title: finish(documentFields.title), department: finish(documentFields.department), currencyUnit: finish(documentFields.currencyUnit) };
  const outRows: Row[] = rows.map((r) => {
    const before = flagged;
    const row: Row = {
      kind: r.kind,
      unit: r.unit,
      pages: r.pages,
      name: finish(r.name),
      total: finish(r.total),
      fiscal: finish(r.fiscal),
      specialAccount: finish(r.specialAccount),
      other: finish(r.other),
      goal: finish(r.goal),
      indicators: r.indicators.map((ind) => ({
        seq: ind.seq,
        level1: finish(ind.level1),
        level2: finish(ind.level2),
        name: finish(ind.name),
        periodTarget: finish(ind.periodTarget),
        annualTarget: finish(ind.annualTarget),
      })),
      needsReview: false,
    };
    row.needsReview = flagged > before;
    return row;
  });
  const pageNotes = new Map(pages.map((p) => [p.page, p.notes]));
  return {
    schemaVersion: 1,
    source: {
      file: doc.file,
      sha256: doc.sha256,
      pages: Array.from({ length: doc.pageCount }, (_, i) => {
        const read = pages.find((p) => p.page === i + 1);
        const notes = pageNotes.get(i + 1) ?? ['the page could not be read'];
        return {
          page: i + 1,
          method: read?.method ?? 'text',
          width: round2(read?.width ?? 0),
          height: round2(read?.height ?? 0),
          ...(notes.length > 0 ? { notes: [...new Set(notes)] } : {}),
          ...(read?.turn ? { turn: read.turn } : {}),
        };
      }),
    },
    document,
    rows: outRows,
    checks,
    review: { threshold, fields, flagged },
    status: ctx.errors.length > 0 ? 'partial' : 'complete',
    errors: errorsInPageOrder(ctx.errors),
  };
};

/**
 * The errors by page, document-wide ones (page null) first, each page's in the order its stages met them.
 * Pages are read concurrently, so the order errors are recorded in is the order pages happened to finish:
 * sorting keeps a run's output, and the page an error message names, the same from run to run.
 */
export function errorsInPageOrder(errors: readonly PageError[]): PageError[] {
  return [...errors].sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * A source read on a deskewed (and perhaps turned) scan, back in the page's own coordinates: its corners turned
 * back, then rotated back about the page centre, and the box around them.
 */
export function levelledSourceToPage(source: Source, page: Pick<PageRead, 'skew' | 'turn' | 'width' | 'height'> | undefined): Source {
  if (!page || (page.skew === 0 && page.turn === 0)) return source;
  const [x0, y0, x1, y1] = source.bbox;
  const corners = [[x0, y0], [x1, y0], [x0, y1], [x1, y1]].map(([x, y]) => {
    const [lx, ly] = turnedToPage(x!, y!, page.turn, page.width, page.height);
    return levelledToPage(lx, ly, page.skew, page.width, page.height);
  });
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return { page: source.page, bbox: [round2(Math.min(...xs)), round2(Math.min(...ys)), round2(Math.max(...xs)), round2(Math.max(...ys))] };
}
