/**
 * `npm start`: validates the configuration, refuses to start if another process holds the
 * embedded database, builds when there is no build or the source is newer than it, then runs
 * `next start` (or `next dev` with --dev). The server itself migrates and seeds at boot
 * (instrumentation.ts), so every way of starting it gets the same database.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { env, pgliteDir } from "../lib/env";
import { acquireDatabaseLock, releaseDatabaseLock, DatabaseLockedError } from "../db/lock";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const dev = process.argv.includes("--dev");

const SOURCE_ENTRIES = [
  "app", "components", "lib", "db", "public", "instrumentation.ts", "instrumentation-node.ts", "proxy.ts", "auth.ts",
  "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package.json", "package-lock.json",
];

function newestMtime(entry: string): number {
  const full = path.join(root, entry);
  const stat = fs.statSync(full, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) {
    if (child === "node_modules" || child.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function buildIsStale(): string | null {
  const buildId = fs.statSync(path.join(root, ".next", "BUILD_ID"), { throwIfNoEntry: false });
  if (!buildId) return "there is no build yet";
  const newest = Math.max(...SOURCE_ENTRIES.map(newestMtime));
  return newest > buildId.mtimeMs ? "the source changed since the last build" : null;
}

function checkDatabaseIsFree() {
  if (env.DATABASE_URL) return;
  // Take and release the lock: fails fast, before a long build, if a server already holds it.
  try {
    acquireDatabaseLock(pgliteDir);
    releaseDatabaseLock(pgliteDir);
  } catch (e) {
    if (e instanceof DatabaseLockedError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

function main() {
  checkDatabaseIsFree();
  if (!dev) {
    const why = buildIsStale();
    if (why) {
      console.log(`Building the app (${why})…`);
      const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
      if (build.status !== 0) {
        console.error("The build failed; see the messages above.");
        process.exit(build.status ?? 1);
      }
    }
  }
  const args = [nextBin, dev ? "dev" : "start", "-p", String(env.PORT)];
  console.log(`Starting on http://localhost:${env.PORT} (${env.DATABASE_URL ? "PostgreSQL" : `embedded database in ${path.relative(root, pgliteDir)}`})…`);
  const child = spawn(process.execPath, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main();
