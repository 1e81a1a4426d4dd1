/**
 * PGlite is one process's database: two processes writing the same folder corrupt it. The first
 * process to open the folder takes an exclusive lock file beside it; a second one is refused
 * with a message naming the holder. A lock whose process is gone (crash, kill -9) is taken over.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export class DatabaseLockedError extends Error {
  constructor(
    public readonly lockPath: string,
    public readonly holder: LockInfo,
  ) {
    super(
      `The embedded database ${path.relative(process.cwd(), lockPath.replace(/\.lock$/, "")) || lockPath} is in use by process ${holder.pid} (${holder.command}, since ${holder.startedAt}). ` +
        `Stop that process first, or set DATABASE_URL to use a PostgreSQL server.`,
    );
    this.name = "DatabaseLockedError";
  }
}

export type LockInfo = { pid: number; hostname: string; command: string; startedAt: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  // A recycled pid that now belongs to something other than node is not our holder.
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return /node|tsx|next/.test(cmdline);
  } catch {
    return true;
  }
}

function readLock(lockPath: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

const held = new Set<string>();

/** Takes the lock for `dataDir` or throws DatabaseLockedError. Safe to call twice in one process. */
export function acquireDatabaseLock(dataDir: string): void {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  if (held.has(lockPath)) return;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const me: LockInfo = {
    pid: process.pid,
    hostname: os.hostname(),
    command: process.argv.slice(1).map((a) => path.basename(a)).join(" ").slice(0, 200) || "node",
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      // "wx" fails if the file exists: creation is the atomic test-and-set.
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: "wx" });
      held.add(lockPath);
      process.once("exit", () => releaseDatabaseLock(dataDir));
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = readLock(lockPath);
    if (holder && holder.pid === process.pid) {
      held.add(lockPath);
      return;
    }
    if (holder && holder.hostname === os.hostname() && isAlive(holder.pid)) {
      throw new DatabaseLockedError(lockPath, holder);
    }
    if (!holder) {
      // Being written right now by another process, or truncated by a crash: look again shortly.
      const age = Date.now() - (fs.statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age < 2000) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
        continue;
      }
    }
    // The holder is gone: take the lock over. Rename is atomic, so two takers cannot both win.
    const stale = `${lockPath}.stale-${process.pid}`;
    try {
      fs.renameSync(lockPath, stale);
      fs.rmSync(stale, { force: true });
    } catch {
      /* someone else took it over first; loop and look again */
    }
  }
  const holder = readLock(lockPath);
  throw new DatabaseLockedError(lockPath, holder ?? { pid: 0, hostname: "?", command: "unknown", startedAt: "?" });
}

export function releaseDatabaseLock(dataDir: string): void {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  if (!held.has(lockPath)) return;
  const holder = readLock(lockPath);
  if (holder?.pid === process.pid) fs.rmSync(lockPath, { force: true });
  held.delete(lockPath);
}
