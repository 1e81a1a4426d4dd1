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
    throw e;
  }
}
