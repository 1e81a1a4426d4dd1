/** `npm run seed`: migrations, reference data and (with --demo, the default in demo mode) the demo content. */
import { getDatabase, closeDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";
import { seedAll } from "../db/seed";
import { env } from "../lib/env";
import { DatabaseLockedError } from "../db/lock";

async function main() {
  const demo = process.argv.includes("--no-demo") ? false : env.APP_MODE === "demo" || process.argv.includes("--demo");
  const handle = getDatabase();
  await runMigrations(handle);
  await seedAll(handle.db, { demo });
  console.log(`Seeded ${handle.driver} (${handle.location})${demo ? " with the demo content" : ""}.`);
  await closeDatabase();
}

main().catch((e) => {
  console.error(e instanceof DatabaseLockedError ? e.message : e);
  process.exit(1);
});
