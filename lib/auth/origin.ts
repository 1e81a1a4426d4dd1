/**
 * Cross-site request forgery wall for every state-changing request (server actions and route
 * handlers alike). Next.js checks server actions' Origin itself but lets `Origin: null` and a
 * missing Origin through; route handlers get no check at all. This refuses a write when:
 * - Origin is present and is not this site (including the opaque `null` origin of sandboxed
 *   frames, data: URLs and some redirects), or
 * - Origin is absent but the browser says it came from another site (Sec-Fetch-Site).
 * A request without either header is not from a browser and carries no ambient cookies to abuse
 * unless the client sent them on purpose.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossOriginWrite(method: string, headers: Headers, allowedOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get("origin");
  if (origin !== null) {
    if (origin === "null") return true;
    const host = headers.get("host");
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return true;
    }
    if (allowedOrigins.includes(parsed.origin)) return false;
    // Same host as the request was sent to (what Next.js's own server-action check compares).
    return !(host && parsed.host === host);
  }
  const site = headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin" && site !== "none";
}
