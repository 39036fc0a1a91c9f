/**
 * `--format csv`: `<out>/indicators.csv`, one line per indicator with its row's and its document's columns
 * repeated, and one line for each row that has no indicator (合计 and unit rows) so no amount is left out.
 * UTF-8 with a byte-order mark and CRLF line ends, so Excel opens the Chinese text as it is.
 *
 * The columns are those of the database tables (`schema.ts`), values with their confidences beside them.
 */
import path from 'node:path';
import { doneRecords, isJson, type RecordValue, type Row } from './records.js';
import { table } from './schema.js';
import { FileExport } from './file-export.js';
import type { DoneDocument, Sink } from './sink.js';

export const CSV_FILE = 'indicators.csv';

const DOCUMENT_COLUMNS = ['file', 'sha256', 'year', 'department', 'title', 'currency_unit'];
const ROW_COLUMNS = table('table_rows')
  .columns.map((c) => c.name)
  .filter((n) => n !== 'document_sha256');
const INDICATOR_COLUMNS = table('indicators')
  .columns.map((c) => c.name)
  .filter((n) => n !== 'document_sha256' && n !== 'row_position');

/** The header: document columns, row columns (`position` as `row_position`), indicator columns prefixed `indicator_`. */
export const CSV_HEADER = [...DOCUMENT_COLUMNS, ...ROW_COLUMNS.map((n) => (n === 'position' ? 'row_position' : n)), ...INDICATOR_COLUMNS.map((n) => `indicator_${n}`)];

export class CsvSink implements Sink {
  readonly name = 'csv';
  readonly persistent = false;
  private readonly file: FileExport;
  private started = false;

  constructor(outDir: string) {
    this.file = new FileExport(path.join(outDir, CSV_FILE));
  }

  async holds(): Promise<boolean> {
    return false;
  }

  async putDone(doc: DoneDocument): Promise<void> {
    await this.start();
    const records = doneRecords(doc);
    const docCells = DOCUMENT_COLUMNS.map((n) => records.document[n]!);
    const lines: string[] = [];
    records.tableRows.forEach((row) => {
      const rowCells = ROW_COLUMNS.map((n) => row[n]!);
      const indicators = records.indicators.filter((i) => i.row_position === row.position);
      const indicatorCells = (i: Row | null) => INDICATOR_COLUMNS.map((n) => (i ? i[n]! : null));
      if (indicators.length === 0) lines.push(csvLine([...docCells, ...rowCells, ...indicatorCells(null)]));
      for (const i of indicators) lines.push(csvLine([...docCells, ...rowCells, ...indicatorCells(i)]));
    });
    await this.file.write(lines.join(''));
  }

  async putFailed(): Promise<void> {}

  async close(): Promise<void> {
    await this.start();
    await this.file.close();
  }

  /** The BOM and the header, once, even for a run that exports nothing. */
  private async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.file.write('\ufeff' + csvLine(CSV_HEADER));
  }
}

export function csvLine(values: readonly RecordValue[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

function csvCell(value: RecordValue): string {
  if (value === null) return '';
  if (isJson(value)) return quote(JSON.stringify(value.json));
  if (typeof value !== 'string') return String(value);
  // A cell starting with = + - @ is a formula to Excel: text from a PDF is never run as one.
  return quote(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
