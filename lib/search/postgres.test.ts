import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { db, getDatabase } from "../../db/client";
import { describeSearchEngineBehaviour } from "./engine.behaviour";
import { createPostgresEngine } from "./postgres";

// As the app builds it: on PostgreSQL, statements with words go through the text-search pool.
describeSearchEngineBehaviour("postgres", async () => createPostgresEngine(db, { textSearchDb: getDatabase().textSearchDb }));

test("on PostgreSQL the text-search pool prices out sequential scans, and the app's own pool does not", async (ctx) => {
  const handle = getDatabase();
  if (!handle.textSearchDb) {
    console.log("Skipped: PGlite has one connection and no text-search pool; each statement with words sets this locally.");
    ctx.skip();
    return;
  }
  const setting = async (on: typeof db) => {
    const result = (await on.execute(sql`select current_setting('enable_seqscan') as s`)) as unknown as { s: string }[];
    return result[0]!.s;
  };
  expect(await setting(handle.textSearchDb)).toBe("off");
  expect(await setting(handle.db)).toBe("on");
});
