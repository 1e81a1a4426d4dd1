import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";

function loadEnvWith(vars: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "-e", 'await import("./lib/env.ts"); console.log("loaded")'], {
    env: { PATH: process.env.PATH, ...vars } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
  });
}

describe("configuration", () => {
  it("starts with no configuration at all", () => {
    const run = loadEnvWith({});
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("loaded");
  });

  it.each([
    ["PORT", "not-a-port"],
    ["DATABASE_URL", "mysql://localhost/db"],
    ["APP_MODE", "staging"],
    ["AUTH_SECRET", "short"],
  ])("stops with one line naming %s when it is bad", (name, value) => {
    const run = loadEnvWith({ [name]: value });
    expect(run.status).not.toBe(0);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Configuration error: ${name} `));
  });
});
