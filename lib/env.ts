/**
 * The only reader of process.env. Validated once; a bad value stops start-up with one line
 * naming the variable.
 */
import { z } from "zod";
import path from "node:path";

const optionalUrl = (protocols: RegExp) =>
  z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.url({ protocol: protocols }).optional())
    .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: optionalUrl(/^postgres(ql)?$/),
  /** Folder of the embedded database; used only when DATABASE_URL is unset. */
  PGLITE_DIR: z.string().default(".data/pglite"),
  DATA_DIR: z.string().default(".data"),
  UPLOADS_DIR: z.string().optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Public origin of the site, e.g. https://cases.example.org; defaults to http://localhost:PORT. */
  APP_URL: optionalUrl(/^https?$/),
  SMTP_URL: optionalUrl(/^smtps?$/),
  MAIL_FROM: z.string().default("Urban Policy Platform <no-reply@localhost>"),
  MEILI_HOST: optionalUrl(/^https?$/),
  MEILI_API_KEY: z.string().optional(),
  MEILI_SEARCH_KEY: z.string().optional(),
  MEILI_INDEX: z.string().regex(/^[A-Za-z0-9_-]+$/).default("cases"),
  /**
   * "demo" (the default, for trying the platform): loads the demo cases and one account per role,
   * and writes outgoing mail to the server log when SMTP_URL is unset. "production": reference
   * data only, no demo accounts, and mail features say they are unavailable without SMTP_URL.
   */
  APP_MODE: z.enum(["demo", "production"]).default("demo"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Set by Next.js while it builds; nothing touches the database then. */
  NEXT_PHASE: z.string().optional(),
});

export type Env = z.output<typeof envSchema>;

function loadEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    const message = `Configuration error: ${name} ${issue.message.replace(/^Invalid input: ?/, "is invalid: ")}`;
    // One line, then stop: a half-configured server is worse than none.
    console.error(message);
    if (typeof process.exit === "function") process.exit(1);
    throw new Error(message);
  }
  return parsed.data;
}

export const env: Env = loadEnv();

export const isProductionMode = env.APP_MODE === "production";
// Folders chosen at run time, not files of the build: told to Turbopack, which would otherwise
// trace the whole project into the server output (and warn about it on every build).
export const dataDir = path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR);
export const pgliteDir = path.resolve(/*turbopackIgnore: true*/ env.PGLITE_DIR);
export const uploadsDir = path.resolve(/*turbopackIgnore: true*/ env.UPLOADS_DIR ?? path.join(env.DATA_DIR, "uploads"));
export const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;
export const isBuildPhase = env.NEXT_PHASE === "phase-production-build";
