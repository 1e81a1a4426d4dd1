/** Test fixture: opens a PGlite folder, migrates, then writes rows until it is killed. */
import { sql } from "drizzle-orm";
import { openDatabase } from "./client";
import { runMigrations } from "./migrate";

const handle = openDatabase({ pgliteDir: process.argv[2]! });
await runMigrations(handle);
await handle.db.execute(sql`create table if not exists crash_probe (n int primary key, payload text not null)`);
let n = 0;
for (;;) {
  await handle.db.execute(sql`insert into crash_probe values (${n}, repeat('x', 500))`);
  n += 1;
  if (n === 50) console.log("writing");
}
