/**
 * next-auth with the Credentials provider. authorize() runs the real checks (rate limits,
 * argon2id, audit) in lib/auth/accounts.ts, so a direct POST to /api/auth/callback/credentials
 * meets the same limits as the login form.
 */
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfig } from "./auth.config";
import { authenticate } from "@/lib/auth/accounts";
import { clientIpFrom } from "@/lib/auth/request-info";

/** Carries the wait in its code ("rate_limited:840") to the login form. */
export class RateLimitedSignIn extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `rate_limited:${retryAfterSeconds}`;
  }
}

const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(1024) });

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig(),
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await authenticate(parsed.data, clientIpFrom(request.headers));
        if (result.ok) return { id: result.user.id, sessionVersion: result.user.sessionVersion };
        if (result.code === "rate_limited") throw new RateLimitedSignIn(result.retryAfterSeconds ?? 60);
        return null;
      },
    }),
  ],
}));
