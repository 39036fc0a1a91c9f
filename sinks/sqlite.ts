/**
 * SQLite (better-sqlite3), the embedded database for one machine: a file, in WAL mode, written one
 * transaction per document.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { doneRecords, failedRecord } from './records.js';
import { table, migrationsTable } from './schema.js';
import type { DocumentKey, DoneDocument, FailedDocument, Sink } from './sink.js';
import { deleteChildrenSql, holdsSql, insertRowsSql, params, pendingMigrations, upsertDocumentSql } from './sql.js';

const CHILD_TABLES = ['table_rows', 'indicators', 'checks'] as const;

export class SqliteSink implements Sink {
  readonly name: string;
  readonly persistent = true;
  private readonly db: Database.Database;
  private readonly statements: {
    holds: Database.Statement;
    upsert: Database.Statement;
    upsertFailed: Database.Statement;
    deleteChildren: Database.Statement[];
    insert: Record<(typeof CHILD_TABLES)[number], Database.Statement>;
  };

  /** Open (creating if needed) and migrate the database at `file`. */
  constructor(file: string) {
    this.name = `sqlite ${file}`;
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    // WAL: readers (dashboards) never block the batch and a killed run leaves the file consistent.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 10000');
    migrateSqlite(this.db, file);
    const db = this.db;
    this.statements = {
      holds: db.prepare(holdsSql('sqlite')),
      upsert: db.prepare(upsertDocumentSql('sqlite')),
      upsertFailed: db.prepare(upsertDocumentSql('sqlite', true)),
      deleteChildren: deleteChildrenSql('sqlite').map((sql) => db.prepare(sql)),
      insert: {
        table_rows: db.prepare(insertRowsSql(table('table_rows'), 'sqlite', 1)),
        indicators: db.prepare(insertRowsSql(table('indicators'), 'sqlite', 1)),
        checks: db.prepare(insertRowsSql(table('checks'), 'sqlite', 1)),
      },
    };
  }

  async holds(key: DocumentKey): Promise<boolean> {
    return this.statements.holds.get(key.sha256, key.pipelineVersion) !== undefined;
  }

  async putDone(doc: DoneDocument): Promise<void> {
    const records = doneRecords(doc);
    const s = this.statements;
    const write = this.db.transaction(() => {
      s.upsert.run(params(table('documents'), records.document, 'sqlite'));
      for (const remove of s.deleteChildren) remove.run(doc.key.sha256);
      const rows = { table_rows: records.tableRows, indicators: records.indicators, checks: records.checks };
      for (const name of CHILD_TABLES) {
        const t = table(name);
        for (const row of rows[name]) s.insert[name].run(params(t, row, 'sqlite'));
      }
    });
    write.immediate();
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
