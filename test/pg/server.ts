/**
 * The PostgreSQL server of the suite: JIXIAO_PG_URL, and fresh databases on it for each test.
 *
 * Under CI (CI=true) a missing or unreachable server fails the suite: it must never pass by skipping. Off CI
 * the suite is skipped with a note, so a developer without PostgreSQL can still run it.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';

export const PG_URL = process.env.JIXIAO_PG_URL ?? '';

async function reachable(url: string): Promise<string | null> {
  if (!url) return 'JIXIAO_PG_URL is not set';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const problem = await reachable(PG_URL);
if (problem && process.env.CI) {
  throw new Error(`Expected a PostgreSQL server at JIXIAO_PG_URL under CI, got: ${problem}`);
}
if (problem) console.warn(`PostgreSQL suite skipped: ${problem}`);

/** Whether the suite runs. */
export const HAVE_SERVER = problem === null;

const created: string[] = [];

/** A new, empty database on the server; its URL. */
export async function freshDatabase(): Promise<string> {
  const name = `jixiao_test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  created.push(name);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drop every database `freshDatabase` made. */
export async function dropDatabases(): Promise<void> {
  if (!HAVE_SERVER) return;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    for (const name of created.splice(0)) {
      // A plain DROP ends an autovacuum worker on the database by itself; WITH (FORCE) would try to terminate it as
      // a session of another role and fail for want of pg_signal_backend. FORCE only for a client a test left open.
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      } catch (error) {
        if ((error as { code?: string }).code !== '55006') throw error;
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    }
  } finally {
    await admin.end();
  }
}

/** Run `sql` on the database at `url`; its rows. */
export async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
