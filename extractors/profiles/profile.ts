/**
 * A table profile: what one kind of table looks like (its columns, how its header reads, where its document
 * fields stand). The engine under it (text layer, ruling lines, cells, rows, stitching) knows nothing of any
 * particular table; the profile supplies the rest (row kinds, field grammar, checks) through the stages it
 * exports.
 */

/** A column of the table, recognized by its header label. */
export interface ColumnSpec {
  /** Key under which the column's cells travel through the pipeline. */
  key: string;
  /** Matches the header label, with white space removed. Tried in the order the columns are listed. */
  label: RegExp;
  /** `name`: identifies the row; `amount`: a number; `text`: free text. */
  role: 'name' | 'amount' | 'text';
  /**
   * The header words the label stands for, as printed (white space removed): a header OCR read one character
   * off (财政拔款) is recognized by them when `label` matches no column.
   */
  words?: readonly string[];
}

/** The document-level fields read from the text above the table. */
export interface DocumentFieldSpec {
  /** A line that is the title matches this. */
  title: RegExp;
  /**
   * The titles the table is printed under, as printed: a title read by OCR that spells one of them but for
   * characters it was unsure of is written as it (`repairTitle`).
   * @default []
   */
  titleForms?: readonly string[];
  /** Captures the department name in group 1. */
  department: RegExp[];
  /** Captures the currency unit in group 1. */
  currencyUnit: RegExp[];
}

export interface TableProfile {
  id: string;
  /** Human name, used in messages: "no 项目支出绩效目标表 found". */
  tableName: string;
  columns: ColumnSpec[];
  /**
   * Column keys in the order they stand on paper, left to right: used to map columns by position when the
   * header cannot be read (a text layer of garbage).
   */
  layoutOrder: string[];
  /**
   * A table row is a header row when its cells match at least this many column labels.
   * @default 2
   */
  minHeaderMatches: number;
  documentFields: DocumentFieldSpec;
}
