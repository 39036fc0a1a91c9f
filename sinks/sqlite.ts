/**
 * SQLite (better-sqlite3), the embedded database for one machine: a file, in WAL mode, written one
 * transaction per document.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CORRECTIONS_FOR_REAPPLY, reapplyCorrections, toReapply, type CorrectionColumns } from '../review/reapply.js';
import { doneRecords, failedRecord, type DocumentRecords } from './records.js';
import { table, migrationsTable } from './schema.js';
import type { DocumentKey, DoneDocument, FailedDocument, Sink } from './sink.js';
import { deleteChildrenSql, holdsSql, insertRowsSql, params, pendingMigrations, upsertDocumentSql } from './sql.js';

const CHILD_TABLES = ['table_rows', 'indicators', 'checks'] as const;

/** Options of `openSqliteDatabase`. */
export interface OpenSqliteOptions {
  /**
   * Refuse a file that does not exist instead of creating it (a review or an export of a database that a
   * mistyped path would otherwise create empty).
   * @default false
   */
  mustExist?: boolean;
}

/** Open (creating if needed, unless `mustExist`) and migrate the database at `file`, in WAL mode. */
export function openSqliteDatabase(file: string, options: OpenSqliteOptions = {}): Database.Database {
  if (options.mustExist && !existsSync(file)) throw new Error(`Expected a SQLite database at ${file}, got no such file`);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    // WAL: readers (dashboards) never block the batch and a killed run leaves the file consistent.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    migrateSqlite(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * The statements that write a document's records (its `documents` row upserted, its rows replaced), prepared
 * once: a batch and a review write documents the same way, so they cannot disagree.
 */
export class SqliteDocumentWriter {
  private readonly upsert: Database.Statement;
  private readonly deleteChildren: Database.Statement[];
  private readonly insert: Record<(typeof CHILD_TABLES)[number], Database.Statement>;

  constructor(db: Database.Database) {
    this.upsert = db.prepare(upsertDocumentSql('sqlite'));
    this.deleteChildren = deleteChildrenSql('sqlite').map((sql) => db.prepare(sql));
    this.insert = {
      table_rows: db.prepare(insertRowsSql(table('table_rows'), 'sqlite', 1)),
      indicators: db.prepare(insertRowsSql(table('indicators'), 'sqlite', 1)),
      checks: db.prepare(insertRowsSql(table('checks'), 'sqlite', 1)),
    };
  }

  /** Write a document's records. Call it inside a transaction: alone it is several statements. */
  write(records: DocumentRecords): void {
    this.upsert.run(params(table('documents'), records.document, 'sqlite'));
    for (const remove of this.deleteChildren) remove.run(records.document.sha256);
    const rows = { table_rows: records.tableRows, indicators: records.indicators, checks: records.checks };
    for (const name of CHILD_TABLES) {
      const t = table(name);
      for (const row of rows[name]) this.insert[name].run(params(t, row, 'sqlite'));
    }
  }
}

export class SqliteSink implements Sink {
  readonly name: string;
  readonly persistent = true;
  private readonly db: Database.Database;
  private readonly writer: SqliteDocumentWriter;
  private readonly statements: { holds: Database.Statement; upsertFailed: Database.Statement; corrections: Database.Statement };

  /** Open (creating if needed) and migrate the database at `file`. */
  constructor(file: string) {
    this.name = `sqlite ${file}`;
    this.db = openSqliteDatabase(file);
    this.writer = new SqliteDocumentWriter(this.db);
    this.statements = {
      holds: this.db.prepare(holdsSql('sqlite')),
      upsertFailed: this.db.prepare(upsertDocumentSql('sqlite', true)),
      corrections: this.db.prepare(`${CORRECTIONS_FOR_REAPPLY}? ORDER BY corrected_at, rowid`),
    };
  }

  async holds(key: DocumentKey): Promise<boolean> {
    return this.statements.holds.get(key.sha256, key.pipelineVersion) !== undefined;
  }

  async putDone(doc: DoneDocument): Promise<void> {
    this.db
      .transaction(() => {
        // A document reviewed before keeps what its reviewers decided, where the new extraction still reads
        // what they saw (`review/reapply.ts`).
        const corrections = toReapply(this.statements.corrections.all(doc.key.sha256) as CorrectionColumns[], true);
        const extraction = corrections.length > 0 ? reapplyCorrections(doc.extraction, corrections).extraction : doc.extraction;
        this.writer.write(doneRecords({ ...doc, extraction }));
      })
      .immediate();
  }

  async putFailed(doc: FailedDocument): Promise<void> {
    this.statements.upsertFailed.run(params(table('documents'), failedRecord(doc), 'sqlite'));
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

function migrateSqlite(db: Database.Database, file: string): void {
  db.exec(migrationsTable('sqlite'));
  db.transaction(() => {
    const applied = (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version);
    for (const m of pendingMigrations(applied, `the SQLite database ${file}`)) {
      for (const sql of m.statements('sqlite')) db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }
  }).immediate();
}
