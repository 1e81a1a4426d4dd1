/**
 * next-auth settings without providers, shared by auth.ts (sign-in, session reads) and proxy.ts
 * (which slides the idle expiry on each request). No database import here.
 */
import type { NextAuthConfig } from "next-auth";
import { getAuthSecret } from "@/lib/auth/secret";
import { ABSOLUTE_SESSION_SECONDS, IDLE_SESSION_SECONDS, sessionCookies, useSecureCookies } from "@/lib/auth/session-config";

export function authConfig(): NextAuthConfig {
  return {
    secret: getAuthSecret(),
    // The app is self-hosted: the Host header is the site's own (proxy.ts refuses cross-origin writes).
    trustHost: true,
    useSecureCookies,
    cookies: sessionCookies,
    session: { strategy: "jwt", maxAge: IDLE_SESSION_SECONDS },
    jwt: { maxAge: IDLE_SESSION_SECONDS },
    pages: { signIn: "/login", signOut: "/logout", error: "/login" },
    providers: [],
    logger: {
      // A refused password is an expected outcome, audited by lib/auth/accounts.ts; keep the log for surprises.
      error(error) {
        if (error.name === "CredentialsSignin") return;
        console.error("[auth]", error);
      },
      warn() {},
    },
    callbacks: {
      jwt({ token, user }) {
        const now = Math.floor(Date.now() / 1000);
        if (user) {
          const signedIn = user as { id?: string; sessionVersion?: number };
          return { sub: signedIn.id, sv: signedIn.sessionVersion, authTime: now };
        }
        // Past the absolute lifetime the cookie is dropped, whatever the idle expiry says.
        if (typeof token.authTime !== "number" || now - token.authTime > ABSOLUTE_SESSION_SECONDS) return null;
        return token;
      },
      session({ session, token }) {
        // Only what the session check needs; the actor itself is loaded from the database.
        return {
          expires: session.expires,
          user: { id: token.sub } as typeof session.user,
          claims: { sub: token.sub, sv: token.sv, authTime: token.authTime, iat: token.iat },
        } as unknown as typeof session;
      },
    },
  };
}
