/**
 * Who is asking, as far as the request tells: the client IP for rate limits and audit.
 *
 * Next.js sets X-Forwarded-For to the socket address only when the request has none, so a client
 * talking to the app directly can choose its own value. Behind a reverse proxy that appends the
 * client address the last entry is the one the proxy saw. Without a proxy the
 * per-IP limits are therefore advisory; the per-account limits do not depend on the IP.
 */
export function clientIpFrom(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const hops = forwarded.split(",").map((h) => h.trim()).filter(Boolean);
    // The last hop is the one our own side added (Next.js, or the trusted proxy).
    const chosen = hops.at(-1);
    if (chosen) return chosen.slice(0, 64);
  }
  return headers.get("x-real-ip")?.slice(0, 64) ?? "unknown";
}

/** The client IP of the request being handled (server components, actions, route handlers). */
export async function currentClientIp(): Promise<string> {
  const { headers } = await import("next/headers");
  return clientIpFrom(await headers());
}
