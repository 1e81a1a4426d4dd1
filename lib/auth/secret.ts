/**
 * The key that encrypts session JWTs. AUTH_SECRET when set (required with more than one
 * replica: every replica must share it). Otherwise one is generated on first start and kept in
 * `${DATA_DIR}/auth-secret` (mode 0600), so `npm start` needs no configuration and sessions
 * survive restarts on this machine.
 */
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { dataDir, env } from "../env";

function readSecretFile(file: string): string {
  return fs.readFileSync(file, "utf8").trim();
}

/** Reads the secret file, creating it (exclusively, so two starting processes agree) when missing. */
export function ensureSecretFile(file: string): string {
  try {
    return readSecretFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  try {
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (e) {
    // Another process created it between our read and our write: use theirs.
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return readSecretFile(file);
    throw e;
  }
}

let cached: string | null = null;

export function getAuthSecret(): string {
  cached ??= env.AUTH_SECRET ?? ensureSecretFile(path.join(dataDir, "auth-secret"));
  if (cached.length < 32) throw new Error(`The session secret in ${path.join(dataDir, "auth-secret")} is too short; delete the file to generate a new one.`);
  return cached;
}
