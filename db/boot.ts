/**
 * Brings the database up to date at start: migrations, reference data, and the demo content on
 * a first run in demo mode. Called once per process, by the server (instrumentation) and scripts.
 */
import { getDatabase, type DatabaseHandle } from "./client";
import { runMigrations } from "./migrate";
import { hasAnyCase, seedDemoAccounts, seedDemoCases, seedReferenceData } from "./seed";
import { env } from "../lib/env";

const globalForBoot = globalThis as unknown as { __platformBoot?: Promise<DatabaseHandle> };

export function prepareDatabase(opts: { log?: (line: string) => void } = {}): Promise<DatabaseHandle> {
  globalForBoot.__platformBoot ??= (async () => {
    const log = opts.log ?? (() => {});
    const handle = getDatabase();
    const started = Date.now();
    await runMigrations(handle);
    await seedReferenceData(handle.db);
    if (env.APP_MODE === "demo" && !(await hasAnyCase(handle.db))) {
      log("First run: loading the demo cases and accounts…");
      await seedDemoCases(handle.db);
      await seedDemoAccounts(handle.db);
    }
    log(`Database ready (${handle.driver}, ${handle.location}) in ${Date.now() - started} ms.`);
    return handle;
  })();
  return globalForBoot.__platformBoot;
}
