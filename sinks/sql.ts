/**
 * The statements both databases run, built from `schema.ts`: one text per statement, with each dialect's
 * placeholders (`?` for SQLite, `$1…` for PostgreSQL), and the parameters in column order.
 */
import { isJson, type Row, type SqlValue } from './records.js';
import { MIGRATIONS, SCHEMA_VERSION, table, type Dialect, type Migration, type Table } from './schema.js';

const placeholder = (dialect: Dialect, n: number) => (dialect === 'sqlite' ? '?' : `$${n}`);

/**
 * Insert a document's row, or replace it. With `unlessDone`, an existing row is replaced only if it records a
 * failure: a failed attempt never overwrites a document that was read.
 */
export function upsertDocumentSql(dialect: Dialect, unlessDone = false): string {
  const t = table('documents');
  const names = t.columns.map((c) => c.name);
  const updates = names.filter((n) => n !== 'sha256').map((n) => `${n} = excluded.${n}`);
  const values = names.map((_, i) => placeholder(dialect, i + 1));
  return (
    `INSERT INTO documents (${names.join(', ')}) VALUES (${values.join(', ')}) ` +
    `ON CONFLICT (sha256) DO UPDATE SET ${updates.join(', ')}` +
    (unlessDone ? ` WHERE documents.status = 'failed'` : '')
  );
}

/** Insert `count` rows into `t` in one statement. */
export function insertRowsSql(t: Table, dialect: Dialect, count: number): string {
  const names = t.columns.map((c) => c.name);
  let n = 0;
  const tuples = Array.from({ length: count }, () => `(${names.map(() => placeholder(dialect, ++n)).join(', ')})`);
  return `INSERT INTO ${t.name} (${names.join(', ')}) VALUES ${tuples.join(', ')}`;
}

/**
 * Remove a document's rows from the tables its extraction fills, children first. Not `corrections`: the
 * record of a review outlives the extraction it changed.
 */
export function deleteChildrenSql(dialect: Dialect): string[] {
  return ['checks', 'indicators', 'table_rows'].map((name) => `DELETE FROM ${name} WHERE document_sha256 = ${placeholder(dialect, 1)}`);
}

/** Whether a document was read (not failed) by this pipeline version. */
export function holdsSql(dialect: Dialect): string {
  return `SELECT 1 AS held FROM documents WHERE sha256 = ${placeholder(dialect, 1)} AND pipeline_version = ${placeholder(dialect, 2)} AND status <> 'failed'`;
}

/** A record's values in `t`'s column order, as the driver wants them. */
export function params(t: Table, row: Row, dialect: Dialect): SqlValue[] {
  return t.columns.map((c) => {
    if (!(c.name in row)) throw new Error(`Expected a value for ${t.name}.${c.name}, got none`);
    const v = row[c.name]!;
    if (isJson(v)) return v.json === null ? null : JSON.stringify(v.json);
    if (typeof v === 'boolean' && dialect === 'sqlite') return v ? 1 : 0;
    return v;
  });
}

/** The migrations a database at `applied` still needs, in order; throws for a database newer than this code. */
export function pendingMigrations(applied: readonly number[], where: string): Migration[] {
  const newest = Math.max(0, ...applied);
  if (newest > SCHEMA_VERSION) {
    throw new Error(`Expected ${where} at schema version ${SCHEMA_VERSION} or older, got version ${newest} (written by a newer jixiao)`);
  }
  return MIGRATIONS.filter((m) => !applied.includes(m.version));
}

/** Rows per INSERT: PostgreSQL takes at most 65535 parameters in one statement. */
export function chunkSize(t: Table): number {
  return Math.max(1, Math.floor(60000 / t.columns.length));
}
