/**
 * Server start-up on Node.js: the process takes the embedded database's lock, applies migrations
 * and loads seed data before it serves a request, then starts the search outbox drainer.
 */
import { isBuildPhase } from "./lib/env";
import { prepareDatabase } from "./db/boot";
import { DatabaseLockedError } from "./db/lock";
import { getDatabase } from "./db/client";
import { startSearchDrainer } from "./lib/search/outbox";

async function start() {
  try {
    await prepareDatabase({ log: (line) => console.log(line) });
  } catch (e) {
    if (e instanceof DatabaseLockedError) {
      console.error(e.message);
      process.exit(1);
    }
    // A server that cannot reach or prepare its database must not serve errors page by page.
    const { driver, location } = getDatabase();
    const reason = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
    console.error(`Cannot prepare the database (${driver} at ${location}): ${reason}`);
    process.exit(1);
  }
  // Search index updates: drains the outbox now (indexing the demo cases on a first run), then
  // polls, and runs right after each publish. Not awaited: a slow engine must not delay start-up.
  void startSearchDrainer({ log: (line) => console.warn(line) }).catch((e) => console.error("Search drainer failed to start", e));
}

if (!isBuildPhase) await start();
