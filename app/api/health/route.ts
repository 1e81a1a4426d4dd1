import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { NextResponse } from "next/server";

/** Liveness and database reachability, for load balancers and for a newcomer's first check. */
export async function GET() {
  const handle = getDatabase();
  const started = performance.now();
  try {
    await handle.db.execute(sql`select 1`);
    return NextResponse.json(
      { status: "ok", database: { driver: handle.driver, ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 } },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (e) {
    console.error("health check: database did not answer", e);
    return NextResponse.json(
      { status: "error", database: { driver: handle.driver, ok: false } },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
