/**
 * `npm run import -- FILE.json [--as-draft] [--dry-run]`: an administrator's bulk load of cases
 * in the format of db/seed/data/cases.json. Validates every record first; one bad record and
 * nothing is written.
 */
import fs from "node:fs";
import { closeDatabase, getDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";
import { seedReferenceData } from "../db/seed";
import { importCaseRecords } from "../lib/cases/import";
import { DatabaseLockedError } from "../db/lock";

const USAGE = "Usage: npm run import -- FILE.json [--as-draft] [--dry-run]";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--as-draft" && a !== "--dry-run");
  const files = args.filter((a) => !a.startsWith("--"));
  if (unknown.length || files.length !== 1) {
    console.error(unknown.length ? `Unknown option ${unknown[0]}. ${USAGE}` : USAGE);
    return 2;
  }
  const file = files[0]!;
  let input: unknown;
  try {
    input = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    console.error(`Cannot read ${file}: ${(e as Error).message}`);
    return 1;
  }
  const asDraft = args.includes("--as-draft");
  const dryRun = args.includes("--dry-run");

  const handle = getDatabase();
  await runMigrations(handle);
  await seedReferenceData(handle.db);
  const outcome = await importCaseRecords(handle.db, input, {
    as: asDraft ? "draft" : "published",
    existing: "new-revision",
    dryRun,
  });
  if (!outcome.ok) {
    console.error(`${file}: ${outcome.problems.length} problem(s); nothing was imported.`);
    for (const p of outcome.problems)
      console.error(`  record ${p.index}${p.slug ? ` (${p.slug})` : ""}: ${p.path || "(record)"} — ${p.message}`);
    return 1;
  }
  if (dryRun) {
    console.log(`${file}: ${outcome.count} record(s) are valid. Nothing was written (--dry-run).`);
    return 0;
  }
  const r = outcome.result!;
  console.log(
    `${file}: imported ${outcome.count} record(s) as ${asDraft ? "drafts" : "published cases"}: ` +
      `${r.created.length} new, ${r.revised.length} new revision(s) of existing cases.`,
  );
  return 0;
}

main()
  .then(async (code) => {
    await closeDatabase();
    process.exit(code);
  })
  .catch(async (e) => {
    console.error(e instanceof DatabaseLockedError ? e.message : e);
    await closeDatabase().catch(() => {});
    process.exit(1);
  });
