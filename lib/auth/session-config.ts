/**
 * Session settings shared by auth.config.ts, the session check and its tests. No next-auth
 * runtime import here, so tests and scripts can use it.
 */
import { appUrl } from "../env";

/** Sign-in is valid for at most 12 hours, whatever happens. */
export const ABSOLUTE_SESSION_SECONDS = 12 * 60 * 60;
/** Two hours without a request ends the session (the JWT's expiry slides on each request). */
export const IDLE_SESSION_SECONDS = 2 * 60 * 60;

/** Secure cookies whenever the site is served over https; prefixes need Secure. */
export const useSecureCookies = appUrl.startsWith("https:");
export const sessionCookieName = useSecureCookies ? "__Host-authjs.session-token" : "authjs.session-token";
export const csrfCookieName = useSecureCookies ? "__Host-authjs.csrf-token" : "authjs.csrf-token";
export const callbackCookieName = useSecureCookies ? "__Secure-authjs.callback-url" : "authjs.callback-url";

const cookieOptions = { httpOnly: true, sameSite: "lax" as const, path: "/", secure: useSecureCookies };

export const sessionCookies = {
  sessionToken: { name: sessionCookieName, options: cookieOptions },
  csrfToken: { name: csrfCookieName, options: cookieOptions },
  callbackUrl: { name: callbackCookieName, options: cookieOptions },
};

/** What the session JWT carries besides the standard claims. */
export type SessionClaims = {
  /** User id. */
  sub?: unknown;
  /** users.session_version when the session was issued. */
  sv?: unknown;
  /** Sign-in time, seconds since the epoch (for the absolute lifetime). */
  authTime?: unknown;
  /** Last time the token was (re)issued, i.e. the last request seen. */
  iat?: unknown;
};
