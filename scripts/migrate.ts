/** `npm run db:migrate`: applies the committed migrations to the configured database. */
import { closeDatabase, getDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";
import { DatabaseLockedError } from "../db/lock";

try {
  const handle = getDatabase();
  await runMigrations(handle);
  console.log(`Migrations applied (${handle.driver}, ${handle.location}).`);
  await closeDatabase();
} catch (e) {
  console.error(e instanceof DatabaseLockedError ? e.message : e);
  process.exit(1);
}
