/**
 * The database: PGlite in `.data/` when DATABASE_URL is unset, PostgreSQL (postgres driver)
 * otherwise. Same schema, same migrations, same code paths. One instance per process, kept on
 * globalThis so hot reload and Next's module copies share it.
 */
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import postgres from "postgres";
import * as schema from "./schema";
import { acquireDatabaseLock, releaseDatabaseLock } from "./lock";
import { env, pgliteDir } from "../lib/env";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Functions that may run inside a caller's transaction take this. */
export type DbOrTx = Database | Transaction;

export type DatabaseDriver = "pglite" | "postgres";
export type DatabaseHandle = {
  db: Database;
  driver: DatabaseDriver;
  /** Where it lives, without credentials: a folder or host/database. */
  location: string;
  /** Set for PostgreSQL, so tools that need a dedicated connection can open one. */
  databaseUrl?: string;
  /**
   * PostgreSQL only: a second, small pool for full-text search statements, whose sessions price
   * out sequential scans (see searchRows in lib/search/postgres.ts). Setting that per session
   * rather than per statement saves a transaction (three round trips) on every such statement.
   */
  textSearchDb?: Database;
  close: () => Promise<void>;
};

export type DatabaseConfig = { databaseUrl?: string; pgliteDir: string };

export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  if (config.databaseUrl) {
    // JIT compilation off: it starts above a plan cost, not a duration, and costs about 120 ms of
    // compiling, more than any statement of this app takes to run. Every plan costs over its
    // threshold once sequential scans are priced out (the text-search pool), among them the
    // driver's own type lookup on each new connection. No parallel workers either: a search
    // already runs its statements side by side, and workers forked for one of them take the
    // cores from the others and from other visitors' searches (one search at a time, the
    // benchmark showed no difference beyond its noise).
    const session = { jit: "off", max_parallel_workers_per_gather: "0" };
    const client = postgres(config.databaseUrl, {
      max: 10,
      onnotice: () => {},
      connection: { application_name: "urban-policy-platform", ...session },
    });
    // Connections are opened on first use, so a process that never searches opens none here.
    const textSearchClient = postgres(config.databaseUrl, {
      max: 6,
      onnotice: () => {},
      connection: { application_name: "urban-policy-platform-search", enable_seqscan: "off", ...session },
    });
    const url = new URL(config.databaseUrl);
    return {
      db: drizzlePostgres(client, { schema }) as unknown as Database,
      driver: "postgres",
      location: `${url.hostname}:${url.port || 5432}${url.pathname}`,
      databaseUrl: config.databaseUrl,
      textSearchDb: drizzlePostgres(textSearchClient, { schema }) as unknown as Database,
      close: async () => {
        await Promise.all([client.end({ timeout: 5 }), textSearchClient.end({ timeout: 5 })]);
      },
    };
  }
  const inMemory = config.pgliteDir.startsWith("memory://");
  if (!inMemory) acquireDatabaseLock(config.pgliteDir);
  const client = new PGlite(config.pgliteDir, { extensions: { pg_trgm, unaccent } });
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    driver: "pglite",
    location: config.pgliteDir,
    close: async () => {
      await client.close();
      if (!inMemory) releaseDatabaseLock(config.pgliteDir);
    },
  };
}

const globalForDb = globalThis as unknown as { __platformDatabase?: DatabaseHandle };

/** The process's database, opened on first use from lib/env. */
export function getDatabase(): DatabaseHandle {
  if (!globalForDb.__platformDatabase) {
    globalForDb.__platformDatabase = openDatabase({
      databaseUrl: env.DATABASE_URL,
      pgliteDir: env.PGLITE_DIR.startsWith("memory://") ? env.PGLITE_DIR : pgliteDir,
    });
  }
  return globalForDb.__platformDatabase;
}

export async function closeDatabase(): Promise<void> {
  const handle = globalForDb.__platformDatabase;
  globalForDb.__platformDatabase = undefined;
  await handle?.close();
}

/** The drizzle database of this process. */
export const db: Database = new Proxy({} as Database, {
  get(_target, prop) {
    const real = getDatabase().db as unknown as Record<PropertyKey, unknown>;
    const value = real[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});
