import { NextResponse } from "next/server";

/** JSON error bodies share one shape: { error: { code, message, parameter? } }. */
export function jsonError(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  return NextResponse.json({ error: { code, message, ...extra } }, { status });
}

export const notFoundJson = (what = "resource") => jsonError(404, "not_found", `No published ${what} with that name.`);

export function jsonOk(body: unknown, init: { maxAge?: number } = {}) {
  return NextResponse.json(body, {
    headers: { "Cache-Control": init.maxAge ? `public, max-age=${init.maxAge}` : "no-store" },
  });
}
