/**
 * The commands over a loaded database: `jixiao review` (the review server, until Ctrl-C) and `jixiao export`
 * (the documents as they stand after review).
 */
import { exportDocuments, type ExportFileFormat } from '../review/export.js';
import { startReviewServer } from '../review/server.js';
import { openReviewStore } from '../review/store.js';
import type { ExportFlags, ReviewFlags } from './review-options.js';

/** Serve until SIGINT or SIGTERM; resolves with the exit status. */
export async function runReview(flags: ReviewFlags): Promise<number> {
  const store = await openReviewStore(flags.db);
  let server;
  try {
    server = await startReviewServer({ store, host: flags.host, port: flags.port, reviewer: flags.reviewer });
  } catch (error) {
    await store.close();
    throw error;
  }
  // The handlers go in before "Ctrl-C stops the server" is printed: a Ctrl-C (or a test's SIGINT) that follows the
  // line at once would otherwise meet the default action and kill the process without closing the store.
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const docs = await store.summaries();
  const flagged = docs.reduce((n, d) => n + d.flagged, 0);
  process.stdout.write(`Reviewing ${docs.length} document${docs.length === 1 ? '' : 's'} with ${flagged} flagged field${flagged === 1 ? '' : 's'} from ${store.name} as ${server.reviewer}\n`);
  process.stdout.write(`Open ${server.url}\n`);
  if (!server.url.includes('token=')) process.stdout.write('(this machine only; Ctrl-C stops the server)\n');
  else process.stdout.write('(anyone with this link can review; Ctrl-C stops the server)\n');
  await stopped;
  await server.close();
  await store.close();
  return 0;
}

export async function runExport(flags: ExportFlags): Promise<number> {
  const store = await openReviewStore(flags.db);
  try {
    const formats = flags.format.length > 0 ? flags.format : (['json'] as ExportFileFormat[]);
    const result = await exportDocuments(store, { out: flags.out, formats });
    process.stdout.write(`${result.documents} document${result.documents === 1 ? '' : 's'} from ${store.name} -> ${flags.out} (${formats.join(', ')})\n`);
    return 0;
  } finally {
    await store.close();
  }
}
