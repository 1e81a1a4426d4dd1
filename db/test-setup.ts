/**
 * Every test file gets a fresh database of its own: an in-memory PGlite by default, or — when
 * DATABASE_URL is set — a new database created on that PostgreSQL server and dropped afterwards.
 * Migrations and the demo seed are applied, so tests run against the real schema and data.
 */
import { afterAll, beforeAll } from "vitest";
import postgres from "postgres";
import { randomBytes } from "node:crypto";

const serverUrl = process.env.DATABASE_URL;
let testDatabaseName: string | null = null;

if (serverUrl) {
  testDatabaseName = `test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const url = new URL(serverUrl);
  url.pathname = `/${testDatabaseName}`;
  process.env.DATABASE_URL = url.toString();
} else {
  process.env.PGLITE_DIR = "memory://";
}
process.env.APP_MODE ??= "demo";

async function adminSql<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

beforeAll(async () => {
  if (testDatabaseName) await adminSql((sql) => sql.unsafe(`create database "${testDatabaseName}"`));
  const { prepareDatabase } = await import("./boot");
  await prepareDatabase();
});

afterAll(async () => {
  const { closeDatabase } = await import("./client");
  await closeDatabase();
  if (testDatabaseName)
    await adminSql((sql) => sql.unsafe(`drop database if exists "${testDatabaseName}" with (force)`));
});
