/**
 * Applies the committed migrations from code (drizzle's migrators), for PGlite and PostgreSQL
 * alike. On PostgreSQL an advisory lock keeps two replicas starting at once from racing.
 */
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { DatabaseHandle } from "./client";

export const migrationsFolder = path.resolve(process.cwd(), "migrations");

const MIGRATION_LOCK_KEY = 720_531_001;

export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  if (handle.driver === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // A dedicated single connection, so the advisory lock and the migrations share one session.
  const client = postgres(handle.databaseUrl!, { max: 1, onnotice: () => {} });
  const db = drizzle(client);
  try {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    await migratePostgres(db, { migrationsFolder });
  } finally {
    await client.end({ timeout: 5 });
  }
}
