import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase } from "./client";
import { runMigrations } from "./migrate";

describe("the embedded database after a crash", () => {
  it("opens and answers after the writing process is killed with SIGKILL", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "crash-")), "pglite");
    const child = spawn(process.execPath, ["--import", "tsx", path.resolve("db/crash.fixture.ts"), dir], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (d: Buffer) => d.toString().includes("writing") && resolve());
      child.on("exit", (code) => reject(new Error(`fixture exited early with ${code}`)));
    });
    await new Promise((r) => setTimeout(r, 300));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));

    const handle = openDatabase({ pgliteDir: dir });
    try {
      await runMigrations(handle);
      const rows = await handle.db.execute<{ n: number; max: number }>(
        sql`select count(*)::int as n, coalesce(max(n), -1)::int as max from crash_probe`,
      );
      const { n, max } = (rows as unknown as { rows: { n: number; max: number }[] }).rows[0]!;
      // Every committed row survived, with no gaps: recovery replayed a consistent prefix.
      expect(n).toBeGreaterThanOrEqual(50);
      expect(max).toBe(n - 1);
      const check = await handle.db.execute(sql`select count(*)::int as n from sdg_goals`);
      expect(check).toBeTruthy();
    } finally {
      await handle.close();
    }
  }, 60_000);
});
