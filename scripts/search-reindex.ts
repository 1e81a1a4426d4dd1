/**
 * `npm run search:reindex`: rebuilds the search index from the published cases in the database
 * (Meilisearch: into a temporary index swapped in atomically). `--retry-failed` also puts parked
 * outbox rows back in the queue.
 */
import { closeDatabase, getDatabase } from "../db/client";
import { prepareDatabase } from "../db/boot";
import { DatabaseLockedError } from "../db/lock";
import { getSearchEngine } from "../lib/search/engine";
import { reindexAll } from "../lib/search/reindex";
import { retryFailedSearchUpdates } from "../lib/search/outbox";

async function main() {
  await prepareDatabase();
  const { db } = getDatabase();
  const engine = await getSearchEngine();
  let done = 0;
  const result = await reindexAll(db, engine, {
    onBatch: (n) => {
      done += n;
      process.stdout.write(`\rIndexed ${done} cases…`);
    },
  });
  process.stdout.write("\n");
  console.log(`Rebuilt the ${engine.name} index: ${result.documents} published cases in ${result.seconds.toFixed(1)} s.`);
  if (process.argv.includes("--retry-failed")) console.log(`Re-queued ${await retryFailedSearchUpdates(db)} failed outbox rows.`);
  await closeDatabase();
}

main().catch((e) => {
  console.error(e instanceof DatabaseLockedError ? e.message : e);
  process.exit(1);
});
