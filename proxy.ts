/**
 * Runs before every request except static assets:
 * 1. refuses cross-origin writes (see lib/auth/origin.ts) with 403 before any handler runs;
 * 2. lets next-auth re-issue the session cookie, which slides the 2-hour idle expiry;
 * 3. passes the request path on (x-request-path) so requireActor can come back after sign-in.
 */
import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "./auth.config";
import { isCrossOriginWrite } from "./lib/auth/origin";
import { appUrl } from "./lib/env";

const { auth } = NextAuth(() => authConfig());
const allowedOrigins = [new URL(appUrl).origin];

// With a lazy config (the secret is read at the first request, not at build time) next-auth's
// `auth(handler)` hands back a promise of the wrapped handler rather than the handler itself.
const withSession = auth((request) => {
  const forwarded = new Headers(request.headers);
  forwarded.set("x-request-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers: forwarded } });
});

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  if (isCrossOriginWrite(request.method, request.headers, allowedOrigins)) {
    return NextResponse.json(
      { error: { code: "cross_origin", message: "Cross-origin requests that change data are refused." } },
      { status: 403, headers: { "Cache-Control": "no-store" } },
    );
  }
  const handler = (await (withSession as unknown as Promise<(r: NextRequest, e: NextFetchEvent) => Promise<Response>>));
  return handler(request, event);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:png|jpg|jpeg|gif|svg|webp|ico|css|js|woff2?)$).*)"],
};
