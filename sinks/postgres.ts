/**
 * PostgreSQL (pg), for teams: the same tables as SQLite, written one transaction per document. Several runs
 * may load into one database at once: migrations take an advisory lock, and a document's upsert locks its
 * row, so two runs writing the same document leave one copy of it.
 */
import pg from 'pg';
import { CORRECTIONS_FOR_REAPPLY, reapplyCorrections, toReapply, type CorrectionColumns } from '../review/reapply.js';
import { doneRecords, failedRecord, type DocumentRecords, type Row } from './records.js';
import { migrationsTable, table, type Table } from './schema.js';
import type { DocumentKey, DoneDocument, FailedDocument, Sink } from './sink.js';
import { chunkSize, deleteChildrenSql, holdsSql, insertRowsSql, params, pendingMigrations, upsertDocumentSql } from './sql.js';

/** Any key, as long as every jixiao agrees on it: migrations of one database run one at a time. */
const MIGRATION_LOCK = 0x6a697869;

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

export class PostgresSink implements Sink {
  readonly persistent = true;

  private constructor(
    readonly name: string,
    private readonly pool: pg.Pool,
  ) {}

  /** Connect and migrate; throws with the reason when the server cannot be reached. */
  static async open(url: string): Promise<PostgresSink> {
    return new PostgresSink(`postgres ${redactUrl(url)}`, await openPostgresPool(url));
  }

  async holds(key: DocumentKey): Promise<boolean> {
    const result = await this.pool.query(holdsSql('postgres'), [key.sha256, key.pipelineVersion]);
    return (result.rowCount ?? 0) > 0;
  }

  async putDone(doc: DoneDocument): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      // The document's row locked first, so a review changing it meanwhile either comes before (and its
      // correction is carried over below) or after.
      await client.query('SELECT 1 FROM documents WHERE sha256 = $1 FOR UPDATE', [doc.key.sha256]);
      // A document reviewed before keeps what its reviewers decided, where the new extraction still reads what
      // they saw (`review/reapply.ts`).
      const rows = (await client.query<CorrectionColumns>(`${CORRECTIONS_FOR_REAPPLY}$1 ORDER BY corrected_at, id`, [doc.key.sha256])).rows;
      const corrections = toReapply(rows, false);
      const extraction = corrections.length > 0 ? reapplyCorrections(doc.extraction, corrections).extraction : doc.extraction;
      await writePostgresRecords(client, doneRecords({ ...doc, extraction }));
    });
  }

  async putFailed(doc: FailedDocument): Promise<void> {
    await this.pool.query(upsertDocumentSql('postgres', true), params(table('documents'), failedRecord(doc), 'postgres'));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** A pool on `url`, the database migrated; throws with the reason (password hidden) when it cannot be reached. */
export async function openPostgresPool(url: string): Promise<pg.Pool> {
  const where = redactUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle client's error (the server restarting) must not bring the batch down; the next query reports it.
  pool.on('error', () => undefined);
  try {
    await migratePostgres(pool, where);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`Expected a PostgreSQL database at ${where}, got: ${(error as Error).message}`);
  }
  return pool;
}

/** Run `work` in one transaction on one client of `pool`: committed if it resolves, rolled back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Write a document's records (its `documents` row upserted, its rows replaced) on `client`, inside the caller's
 * transaction: a batch and a review write documents the same way, so they cannot disagree.
 */
export async function writePostgresRecords(client: pg.PoolClient, records: DocumentRecords): Promise<void> {
  await client.query(upsertDocumentSql('postgres'), params(table('documents'), records.document, 'postgres'));
  for (const sql of deleteChildrenSql('postgres')) await client.query(sql, [records.document.sha256]);
  await insertRows(client, table('table_rows'), records.tableRows);
  await insertRows(client, table('indicators'), records.indicators);
  await insertRows(client, table('checks'), records.checks);
}

async function insertRows(client: pg.PoolClient, t: Table, rows: Row[]): Promise<void> {
  const size = chunkSize(t);
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    await client.query(insertRowsSql(t, 'postgres', chunk.length), chunk.flatMap((r) => params(t, r, 'postgres')));
  }
}

async function migratePostgres(pool: pg.Pool, where: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(migrationsTable('postgres'));
    const applied = (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version);
    for (const m of pendingMigrations(applied, `the PostgreSQL database ${where}`)) {
      for (const sql of m.statements('postgres')) await client.query(sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
