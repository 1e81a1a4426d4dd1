/**
 * Runs once when the server starts: the process takes the embedded database's lock, applies
 * migrations and loads seed data before it serves a request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { isBuildPhase } = await import("./lib/env");
  if (isBuildPhase) return;
  const { prepareDatabase } = await import("./db/boot");
  const { DatabaseLockedError } = await import("./db/lock");
  try {
    await prepareDatabase({ log: (line) => console.log(line) });
    // Search index updates: drains the outbox now (indexing the demo cases on a first run), then
    // polls, and runs right after each publish. Not awaited: a slow engine must not delay start-up.
    const { startSearchDrainer } = await import("./lib/search/outbox");
    void startSearchDrainer({ log: (line) => console.warn(line) }).catch((e) => console.error("Search drainer failed to start", e));
  } catch (e) {
    if (e instanceof DatabaseLockedError) {
      console.error(e.message);
      process.exit(1);
    }
    // A server that cannot reach or prepare its database must not serve errors page by page.
    const { getDatabase } = await import("./db/client");
    const { driver, location } = getDatabase();
    const reason = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
    console.error(`Cannot prepare the database (${driver} at ${location}): ${reason}`);
    process.exit(1);
  }
}
