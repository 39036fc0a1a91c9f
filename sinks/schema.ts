/**
 * The database schema, written once for both SQLite and PostgreSQL: tables as lists of columns with portable
 * types, turned into each dialect's DDL. Plain and relational, for analysts: one row per document, per table
 * row, per indicator and per check, each value with its confidence in the column beside it.
 *
 * For review and correction (a later tool), nothing needs re-extracting: `documents.extraction` keeps the whole
 * extraction (every field's value, confidence, notes and sources: page + box), `documents.source_path` the
 * file to crop from, and `(document_sha256, position)` / `(…, row_position, position)` address each row and
 * indicator as `rows[position]` / `rows[row_position].indicators[position]` of that JSON.
 *
 * Review (`jixiao review`) changes a document in place (its `extraction` JSON and its rows) and keeps what it
 * changed in `corrections` (version 2): the field, its value before and after, who and when.
 *
 * Migrations are versioned (`schema_migrations`); a migration, once released, is never edited: a change is a
 * new one.
 */

export type Dialect = 'sqlite' | 'postgres';
export type ColumnType = 'text' | 'integer' | 'real' | 'boolean' | 'json' | 'timestamp';

export interface Column {
  name: string;
  type: ColumnType;
  /** @default false */
  notNull?: boolean;
}

export interface Table {
  name: string;
  columns: Column[];
  primaryKey: string[];
  foreignKey?: { columns: string[]; references: string; referencedColumns: string[] };
  indexes?: string[][];
}

const TYPES: Record<Dialect, Record<ColumnType, string>> = {
  sqlite: { text: 'TEXT', integer: 'INTEGER', real: 'REAL', boolean: 'INTEGER', json: 'TEXT', timestamp: 'TEXT' },
  postgres: { text: 'text', integer: 'integer', real: 'double precision', boolean: 'boolean', json: 'jsonb', timestamp: 'timestamptz' },
};

const text = (name: string, notNull = false): Column => ({ name, type: 'text', notNull });
const int = (name: string, notNull = false): Column => ({ name, type: 'integer', notNull });
const real = (name: string, notNull = false): Column => ({ name, type: 'real', notNull });
/** A value and its confidence beside it. */
const withConfidence = (column: Column): Column[] => [column, real(`${column.name}_confidence`)];
/** A target as its four parts and one confidence. */
const target = (prefix: string): Column[] => [
  text(`${prefix}_raw`),
  text(`${prefix}_comparator`),
  real(`${prefix}_value`),
  text(`${prefix}_unit`),
  real(`${prefix}_confidence`),
];

/** Version 1: documents, table rows, indicators, checks. */
export const SCHEMA_V1: Table[] = [
  {
    name: 'documents',
    columns: [
      text('sha256', true),
      text('pipeline_version', true),
      text('status', true),
      text('error_code'),
      text('error'),
      text('file', true),
      text('source_path', true),
      ...withConfidence(text('department')),
      ...withConfidence(text('title')),
      ...withConfidence(text('currency_unit')),
      int('year'),
      text('year_source'),
      int('page_count'),
      int('row_count'),
      int('fields'),
      int('flagged'),
      real('review_threshold'),
      { name: 'extracted_at', type: 'timestamp', notNull: true },
      { name: 'extraction', type: 'json' },
    ],
    primaryKey: ['sha256'],
    indexes: [['year', 'department']],
  },
  {
    name: 'table_rows',
    columns: [
      text('document_sha256', true),
      int('position', true),
      text('kind', true),
      text('unit'),
      { name: 'pages', type: 'json' },
      ...withConfidence(text('name')),
      ...withConfidence(real('total')),
      ...withConfidence(real('fiscal')),
      ...withConfidence(real('special_account')),
      ...withConfidence(real('other')),
      ...withConfidence(text('goal')),
      { name: 'needs_review', type: 'boolean', notNull: true },
    ],
    primaryKey: ['document_sha256', 'position'],
    foreignKey: { columns: ['document_sha256'], references: 'documents', referencedColumns: ['sha256'] },
  },
  {
    name: 'indicators',
    columns: [
      text('document_sha256', true),
      int('row_position', true),
      int('position', true),
      int('seq', true),
      text('level1_code'),
      text('level1_name'),
      real('level1_confidence'),
      text('level2_code'),
      text('level2_name'),
      real('level2_confidence'),
      ...withConfidence(text('name')),
      ...target('period_target'),
      ...target('annual_target'),
    ],
    primaryKey: ['document_sha256', 'row_position', 'position'],
    foreignKey: { columns: ['document_sha256', 'row_position'], references: 'table_rows', referencedColumns: ['document_sha256', 'position'] },
  },
  {
    name: 'checks',
    columns: [
      text('document_sha256', true),
      int('position', true),
      text('rule', true),
      { name: 'ok', type: 'boolean', notNull: true },
      { name: 'rows', type: 'json' },
      text('message'),
    ],
    primaryKey: ['document_sha256', 'position'],
    foreignKey: { columns: ['document_sha256'], references: 'documents', referencedColumns: ['sha256'] },
  },
];

/**
 * Version 2: `corrections`, the audit trail of review. One row per field accepted or corrected, never updated
 * or deleted by jixiao: `field_path` addresses the field in the document's extraction (`5/total`,
 * `5/indicators/2/annualTarget`, `document/department`), `original_*` is what the field was before (value,
 * confidence, notes), `corrected_value` what the reviewer made it. Not removed when a document is extracted
 * again: the record of who changed what outlives the extraction it changed, and the sinks apply it again to the
 * new extraction where that still reads what the reviewer saw (`review/reapply.ts`).
 */
export const CORRECTIONS_TABLE: Table = {
  name: 'corrections',
  columns: [
    text('id', true),
    text('document_sha256', true),
    text('field_path', true),
    text('action', true),
    { name: 'original_value', type: 'json' },
    real('original_confidence', true),
    { name: 'original_notes', type: 'json' },
    { name: 'corrected_value', type: 'json' },
    text('reviewer', true),
    { name: 'corrected_at', type: 'timestamp', notNull: true },
  ],
  primaryKey: ['id'],
  foreignKey: { columns: ['document_sha256'], references: 'documents', referencedColumns: ['sha256'] },
  indexes: [['document_sha256', 'corrected_at']],
};

/** The tables as the latest migration leaves them: what the sinks write. */
export const TABLES = [...SCHEMA_V1, CORRECTIONS_TABLE];

export type TableName = 'documents' | 'table_rows' | 'indicators' | 'checks' | 'corrections';

/** A table of the current schema by name. */
export function table(name: TableName): Table {
  const t = TABLES.find((x) => x.name === name);
  if (!t) throw new Error(`Expected a table named ${name}, got none`);
  return t;
}

export interface Migration {
  version: number;
  name: string;
  /** The statements, in order, for a dialect. */
  statements(dialect: Dialect): string[];
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'documents, table_rows, indicators, checks',
    statements: (dialect) => SCHEMA_V1.flatMap((t) => createTable(t, dialect)),
  },
  {
    version: 2,
    name: 'corrections',
    statements: (dialect) => createTable(CORRECTIONS_TABLE, dialect),
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** The table that records which migrations a database has had. */
export function migrationsTable(dialect: Dialect): string {
  return `CREATE TABLE IF NOT EXISTS schema_migrations (version ${TYPES[dialect].integer} PRIMARY KEY, name ${TYPES[dialect].text} NOT NULL, applied_at ${TYPES[dialect].timestamp} NOT NULL)`;
}

export function createTable(t: Table, dialect: Dialect): string[] {
  const lines = t.columns.map((c) => `  ${c.name} ${TYPES[dialect][c.type]}${c.notNull ? ' NOT NULL' : ''}`);
  lines.push(`  PRIMARY KEY (${t.primaryKey.join(', ')})`);
  if (t.foreignKey) {
    const fk = t.foreignKey;
    lines.push(`  FOREIGN KEY (${fk.columns.join(', ')}) REFERENCES ${fk.references} (${fk.referencedColumns.join(', ')}) ON DELETE CASCADE`);
  }
  const statements = [`CREATE TABLE ${t.name} (\n${lines.join(',\n')}\n)`];
  for (const index of t.indexes ?? []) statements.push(`CREATE INDEX ${t.name}_${index.join('_')} ON ${t.name} (${index.join(', ')})`);
  return statements;
}
