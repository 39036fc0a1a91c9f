/**
 * Review on PostgreSQL: a change locks the document's row (`SELECT … FOR UPDATE`) for its transaction, so two
 * reviewers (or a batch) changing one document take turns and neither undoes the other.
 */
import type pg from 'pg';
import { doneRecords } from '../sinks/records.js';
import { table } from '../sinks/schema.js';
import { inTransaction, openPostgresPool, redactUrl, writePostgresRecords } from '../sinks/postgres.js';
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

const DOCUMENT_SQL = `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE sha256 = $1 AND status <> 'failed'`;

export class PostgresReviewStore implements ReviewStore {
  private constructor(
    readonly name: string,
    private readonly pool: pg.Pool,
  ) {}

  /** Connect and migrate (adding `corrections`); throws with the reason when the server cannot be reached. */
  static async open(url: string): Promise<PostgresReviewStore> {
    return new PostgresReviewStore(`postgres ${redactUrl(url)}`, await openPostgresPool(url));
  }

  async summaries(): Promise<DocumentSummary[]> {
    return (await this.pool.query(SUMMARY_SQL)).rows.map(toSummary);
  }

  async documentRefs(): Promise<{ sha256: string; sourcePath: string }[]> {
    return (await this.pool.query<{ sha256: string; source_path: string }>(REFS_SQL)).rows.map((r) => ({ sha256: r.sha256, sourcePath: r.source_path }));
  }

  async document(sha256: string): Promise<StoredDocument | null> {
    const row = (await this.pool.query<DocumentRow>(DOCUMENT_SQL, [sha256])).rows[0];
    return row ? toStoredDocument(row) : null;
  }

  async change(sha256: string, edit: (doc: StoredDocument) => { extraction: StoredDocument['extraction']; corrections: CorrectionRecord[] }): Promise<StoredDocument> {
    return inTransaction(this.pool, async (client) => {
      const row = (await client.query<DocumentRow>(`${DOCUMENT_SQL} FOR UPDATE`, [sha256])).rows[0];
      if (!row) throw new ReviewError(404, `Expected a document that was read with SHA-256 ${sha256}, got none in ${this.name}`);
      const doc = toStoredDocument(row);
      const { extraction, corrections } = edit(doc);
      await writePostgresRecords(client, doneRecords(toDoneDocument(doc, extraction)));
      const t = table('corrections');
      for (const c of corrections) await client.query(insertRowsSql(t, 'postgres', 1), params(t, correctionRow(c), 'postgres'));
      return { ...doc, extraction };
    });
  }

  async corrections(sha256: string): Promise<CorrectionRecord[]> {
    const rows = (await this.pool.query<CorrectionDbRow>('SELECT * FROM corrections WHERE document_sha256 = $1 ORDER BY corrected_at, id', [sha256])).rows;
    return rows.map((r) => fromCorrectionRow(r, false));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
