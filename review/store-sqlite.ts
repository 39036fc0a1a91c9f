/**
 * Review on a SQLite database: better-sqlite3, whose transactions are synchronous, so a change reads,
 * edits and writes a document with nothing else in between (an IMMEDIATE transaction: a batch or a second
 * reviewer writing the same file waits its turn).
 */
import type Database from 'better-sqlite3';
import { doneRecords } from '../sinks/records.js';
import { table } from '../sinks/schema.js';
import { openSqliteDatabase, SqliteDocumentWriter } from '../sinks/sqlite.js';
import { insertRowsSql, params } from '../sinks/sql.js';
import type { CorrectionRecord } from './corrections.js';
import { ReviewError } from './errors.js';
import {
  correctionRow,
  DOCUMENT_COLUMNS,
  fromCorrectionRow,
  REFS_SQL,
  SUMMARY_SQL,
  toDoneDocument,
  toStoredDocument,
  toSummary,
  type CorrectionDbRow,
  type DocumentRow,
  type DocumentSummary,
  type ReviewStore,
  type StoredDocument,
} from './store.js';

export class SqliteReviewStore implements ReviewStore {
  readonly name: string;
  private readonly db: Database.Database;
  private readonly writer: SqliteDocumentWriter;
  private readonly statements: {
    summaries: Database.Statement;
    refs: Database.Statement;
    document: Database.Statement;
    insertCorrection: Database.Statement;
    corrections: Database.Statement;
  };

  /** Open and migrate (adding `corrections`) the database at `file`, which must exist. */
  constructor(file: string) {
    this.name = `sqlite ${file}`;
    this.db = openSqliteDatabase(file, { mustExist: true });
    this.writer = new SqliteDocumentWriter(this.db);
    this.statements = {
      summaries: this.db.prepare(SUMMARY_SQL),
      refs: this.db.prepare(REFS_SQL),
      document: this.db.prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE sha256 = ? AND status <> 'failed'`),
      insertCorrection: this.db.prepare(insertRowsSql(table('corrections'), 'sqlite', 1)),
      corrections: this.db.prepare('SELECT * FROM corrections WHERE document_sha256 = ? ORDER BY corrected_at, rowid'),
    };
  }

  async summaries(): Promise<DocumentSummary[]> {
    return (this.statements.summaries.all() as Record<string, unknown>[]).map(toSummary);
  }

  async documentRefs(): Promise<{ sha256: string; sourcePath: string }[]> {
    return (this.statements.refs.all() as { sha256: string; source_path: string }[]).map((r) => ({ sha256: r.sha256, sourcePath: r.source_path }));
  }

  async document(sha256: string): Promise<StoredDocument | null> {
    const row = this.statements.document.get(sha256) as DocumentRow | undefined;
    return row ? toStoredDocument(row) : null;
  }

  async change(sha256: string, edit: (doc: StoredDocument) => { extraction: StoredDocument['extraction']; corrections: CorrectionRecord[] }): Promise<StoredDocument> {
    const run = this.db.transaction((): StoredDocument => {
      const row = this.statements.document.get(sha256) as DocumentRow | undefined;
      if (!row) throw new ReviewError(404, `Expected a document that was read with SHA-256 ${sha256}, got none in ${this.name}`);
      const doc = toStoredDocument(row);
      const { extraction, corrections } = edit(doc);
      this.writer.write(doneRecords(toDoneDocument(doc, extraction)));
      for (const c of corrections) this.statements.insertCorrection.run(params(table('corrections'), correctionRow(c), 'sqlite'));
      return { ...doc, extraction };
    });
    return run.immediate();
  }

  async corrections(sha256: string): Promise<CorrectionRecord[]> {
    return (this.statements.corrections.all(sha256) as CorrectionDbRow[]).map((r) => fromCorrectionRow(r, true));
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
