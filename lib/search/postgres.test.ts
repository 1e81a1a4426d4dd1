import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { db, getDatabase } from "../../db/client";
import { describeSearchEngineBehaviour } from "./engine.behaviour";
import { createPostgresEngine } from "./postgres";

// As the app builds it: on PostgreSQL, statements with words go through the text-search pool.
describeSearchEngineBehaviour("postgres", async () => createPostgresEngine(db, { textSearchDb: getDatabase().textSearchDb }));

test("on PostgreSQL the text-search pool prices out sequential scans, and the app's own pool does not; neither compiles plans with JIT or forks parallel workers", async (ctx) => {
  const handle = getDatabase();
  if (!handle.textSearchDb) {
    console.log("Skipped: PGlite has one connection and no text-search pool; each statement with words sets this locally.");
    ctx.skip();
    return;
  }
  const setting = async (on: typeof db, name: string) => {
    const result = (await on.execute(sql`select current_setting(${name}) as s`)) as unknown as { s: string }[];
    return result[0]!.s;
  };
  expect(await setting(handle.textSearchDb, "enable_seqscan")).toBe("off");
  expect(await setting(handle.db, "enable_seqscan")).toBe("on");
  expect(await setting(handle.textSearchDb, "jit")).toBe("off");
  expect(await setting(handle.db, "jit")).toBe("off");
  expect(await setting(handle.textSearchDb, "max_parallel_workers_per_gather")).toBe("0");
  expect(await setting(handle.db, "max_parallel_workers_per_gather")).toBe("0");
});
