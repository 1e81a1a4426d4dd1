/**
 * `tsx scripts/e2e-db.ts create|drop NAME`: a fresh PostgreSQL database for one e2e run, on the
 * server of DATABASE_URL. Prints the new database's URL on create.
 */
import postgres from "postgres";

const [action, name] = process.argv.slice(2);
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl || !name || !/^[a-z0-9_]+$/.test(name) || (action !== "create" && action !== "drop")) {
  console.error("Usage: DATABASE_URL=... tsx scripts/e2e-db.ts create|drop NAME");
  process.exit(2);
}
const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
try {
  if (action === "create") {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
    await sql.unsafe(`create database "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    console.log(url.toString());
  } else {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  }
} finally {
  await sql.end({ timeout: 5 });
}
