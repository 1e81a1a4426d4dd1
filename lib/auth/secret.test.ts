import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureSecretFile } from "./secret";
import { clientIpFrom } from "./request-info";

describe("the generated session secret", () => {
  it("is created once with mode 0600 and read back unchanged", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "auth-secret-"));
    const file = path.join(dir, "nested", "auth-secret");
    const first = ensureSecretFile(file);
    expect(first.length).toBeGreaterThanOrEqual(48);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(ensureSecretFile(file)).toBe(first);
    fs.rmSync(dir, { recursive: true });
  });
});

describe("the client IP", () => {
  it("is the last X-Forwarded-For hop (the one our side added)", () => {
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "10.0.0.1, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "::1" }))).toBe("::1");
    expect(clientIpFrom(new Headers())).toBe("unknown");
  });
});
