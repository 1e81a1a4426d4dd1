/** `npm run search:status`: the engine's health and the outbox's pending and failed rows. */
import { closeDatabase, getDatabase } from "../db/client";
import { prepareDatabase } from "../db/boot";
import { DatabaseLockedError } from "../db/lock";
import { getSearchEngine } from "../lib/search/engine";
import { searchOutboxStatus } from "../lib/search/outbox";

async function main() {
  await prepareDatabase();
  const { db } = getDatabase();
  const engine = await getSearchEngine();
  const health = await engine.health();
  const status = await searchOutboxStatus(db);
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({ health, outbox: status }, null, 2));
  } else {
    console.log(`Engine:   ${health.engine} — ${health.ok ? `up, ${health.documents} documents` : `DOWN: ${health.detail}`}`);
    console.log(`Outbox:   ${status.pending} pending (${status.due} due now), ${status.failed} failed, ${status.done} done`);
    if (status.oldestPendingAt) console.log(`Oldest pending since ${status.oldestPendingAt}`);
    for (const f of status.recentFailures)
      console.log(`  row ${f.id} case ${f.caseId}: ${f.attempts} attempts — ${f.lastError ?? ""}`);
    if (status.failed > 0) console.log("Fix the cause, then run `npm run search:reindex -- --retry-failed`.");
  }
  await closeDatabase();
  if (!health.ok || status.failed > 0) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e instanceof DatabaseLockedError ? e.message : e);
  process.exit(1);
});
