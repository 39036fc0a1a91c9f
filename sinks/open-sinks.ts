/**
 * The sinks of a run, from its options: the JSON outputs always (the store every other sink can be refilled
 * from), a database when `--db` names one, and the flat exports asked for with `--format`.
 */
import { CsvSink } from './csv.js';
import { JsonFilesSink } from './json-files.js';
import { JsonlSink } from './jsonl.js';
import type { Sink } from './sink.js';

export const EXPORT_FORMATS = ['jsonl', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface OpenedSinks {
  json: JsonFilesSink;
  /** The database (if any) and the exports, in the order they are written. */
  others: Sink[];
}

export async function openSinks(options: { out: string; db?: string; formats: readonly ExportFormat[] }): Promise<OpenedSinks> {
  const others: Sink[] = [];
  try {
    if (options.db) others.push(await openDatabase(options.db));
    for (const format of options.formats) others.push(format === 'jsonl' ? new JsonlSink(options.out) : new CsvSink(options.out));
  } catch (error) {
    await Promise.all(others.map((s) => s.close().catch(() => undefined)));
    throw error;
  }
  return { json: new JsonFilesSink(options.out), others };
}

/** `postgres://…` or `postgresql://…` is a PostgreSQL server; anything else a SQLite file. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//.test(target);
}

/** The database's driver is loaded only when a run loads a database. */
async function openDatabase(target: string): Promise<Sink> {
  if (isPostgresUrl(target)) return (await import('./postgres.js')).PostgresSink.open(target);
  return new (await import('./sqlite.js')).SqliteSink(target);
}
