import { describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The import command as an administrator runs it, on an embedded database folder of its own. */
function runImport(dataDir: string, args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], {
    env: { PATH: process.env.PATH, PGLITE_DIR: path.join(dataDir, "pglite"), DATA_DIR: dataDir, APP_MODE: "production" } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
  });
}

const record = (slug: string, extra: Record<string, unknown> = {}) => ({
  slug,
  city: "seoul",
  language: "en",
  title: `Case ${slug}`,
  summary: "A summary.",
  sdgGoals: [11],
  sdgTargets: ["11.2"],
  policyAreas: ["transportation"],
  sections: { implementation: ["Did things."] },
  timeline: { start: "2020", milestones: [] },
  ...extra,
});

describe("npm run import (the command)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "import-cli-"));
  const write = (name: string, content: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
  };

  it("reports each bad record with index, field and reason, exits non-zero and writes nothing", () => {
    const file = write("bad.json", [record("good-one"), record("bad-one", { city: "atlantis", sdgGoals: [] })]);
    const run = runImport(dir, [file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("nothing was imported");
    expect(run.stderr).toContain("record 1 (bad-one): sdgGoals — Give at least one SDG goal.");
    // A dry run of the good record alone proves the failed run left the database empty of it.
    const check = runImport(dir, [write("good.json", [record("good-one")])]);
    expect(check.stdout).toContain("1 new, 0 new revision(s)");
  }, 60_000);

  it("validates only with --dry-run, and re-imports as a new revision", () => {
    const file = write("again.json", [record("good-one", { title: "Second version" })]);
    expect(runImport(dir, [file, "--dry-run"]).stdout).toContain("1 record(s) are valid. Nothing was written");
    expect(runImport(dir, [file]).stdout).toContain("0 new, 1 new revision(s)");
  }, 60_000);

  it("refuses broken JSON and unknown options with one clear line", () => {
    expect(runImport(dir, [write("broken.json", "[{")]).stderr).toMatch(/^Cannot read .*broken\.json/);
    const unknown = runImport(dir, ["x.json", "--publish"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option --publish");
  }, 60_000);

  it("stops with a message naming the holder while another process has the database open", async () => {
    const holder = spawn(process.execPath, ["--import", "tsx", path.resolve("db/lock.fixture.ts"), path.join(dir, "pglite")], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve) => holder.stdout!.on("data", (d: Buffer) => d.toString().includes("locked") && resolve()));
    try {
      const run = runImport(dir, [write("while-locked.json", [record("locked-case")])]);
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toContain(`in use by process ${holder.pid}`);
    } finally {
      holder.kill("SIGKILL");
    }
  }, 60_000);
});
