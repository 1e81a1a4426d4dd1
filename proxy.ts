/**
 * Runs before every request except static assets:
 * 1. refuses cross-origin writes (see lib/auth/origin.ts) with 403 before any handler runs;
 * 2. lets next-auth re-issue the session cookie, which slides the 2-hour idle expiry;
 * 3. passes the request path on (x-request-path) so requireActor can come back after sign-in;
 * 4. sets the Content-Security-Policy with a fresh nonce, which Next.js reads from the request's
 *    CSP header and puts on its own scripts (every page is rendered per request).
 */
import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "./auth.config";
import { isCrossOriginWrite } from "./lib/auth/origin";
import { appUrl, env } from "./lib/env";
import { contentSecurityPolicy, newNonce } from "./lib/security/csp";

const { auth } = NextAuth(() => authConfig());
const allowedOrigins = [new URL(appUrl).origin];

// With a lazy config (the secret is read at the first request, not at build time) next-auth's
// `auth(handler)` hands back a promise of the wrapped handler rather than the handler itself.
const cspOptions = { dev: env.NODE_ENV === "development", https: appUrl.startsWith("https:") };

const withSession = auth((request) => {
  const csp = contentSecurityPolicy(newNonce(), cspOptions);
  const forwarded = new Headers(request.headers);
  forwarded.set("x-request-path", request.nextUrl.pathname + request.nextUrl.search);
  forwarded.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
});

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  if (isCrossOriginWrite(request.method, request.headers, allowedOrigins)) {
    return NextResponse.json(
      { error: { code: "cross_origin", message: "Cross-origin requests that change data are refused." } },
      { status: 403, headers: { "Cache-Control": "no-store" } },
    );
  }
  // Files from public/ need neither a session nor a CSP; writes to them still met the wall above.
  if (STATIC_FILE.test(request.nextUrl.pathname) && (request.method === "GET" || request.method === "HEAD")) return NextResponse.next();
  const handler = (await (withSession as unknown as Promise<(r: NextRequest, e: NextFetchEvent) => Promise<Response>>));
  return handler(request, event);
}

const STATIC_FILE = /\.(?:png|jpe?g|gif|svg|webp|avif|ico|css|js|map|woff2?|txt)$/i;

// Everything but Next's own build assets: the origin wall must see every write, whatever its path.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
