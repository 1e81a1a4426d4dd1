import { describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { acquireDatabaseLock, releaseDatabaseLock, DatabaseLockedError } from "./lock";

function holdLockInChild(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("db/lock.fixture.ts"), dir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("locked") && resolve(child));
    child.on("exit", (code) => reject(new Error(`fixture exited with ${code}`)));
  });
}

describe("the embedded database lock", () => {
  it("refuses a second process with a message naming the holder, and takes over after a kill -9", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lock-")), "pglite");
    const child = await holdLockInChild(dir);
    try {
      let error: unknown;
      try {
        acquireDatabaseLock(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DatabaseLockedError);
      expect((error as Error).message).toContain(`process ${child.pid}`);
      expect((error as Error).message).toContain("Stop that process first, or set DATABASE_URL");
      expect((error as Error).message.split("\n")).toHaveLength(1);
    } finally {
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
    }
    // The holder died without releasing: its lock file is still there, and is taken over.
    expect(fs.existsSync(`${dir}.lock`)).toBe(true);
    acquireDatabaseLock(dir);
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, "utf8")).pid).toBe(process.pid);
    releaseDatabaseLock(dir);
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it("treats a lock file of a process that no longer exists as stale", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lock-")), "pglite");
    fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid: 2 ** 22 + 1, hostname: os.hostname(), command: "gone", startedAt: "x" }));
    acquireDatabaseLock(dir);
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, "utf8")).pid).toBe(process.pid);
    releaseDatabaseLock(dir);
  });
});
