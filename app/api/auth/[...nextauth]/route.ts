import type { NextRequest } from "next/server";
import { handlers } from "@/auth";

export const GET = handlers.GET;

/**
 * Sign-in by a direct POST gets an honest 429 with Retry-After when the limit is reached
 * (next-auth itself would answer with a redirect to the login page).
 */
export async function POST(request: NextRequest) {
  const response = await handlers.POST(request);
  const location = response.headers.get("location");
  const code = location ? new URL(location, request.url).searchParams.get("code") : null;
  const match = code?.match(/^rate_limited:(\d+)$/);
  if (match) {
    return Response.json(
      { error: { code: "rate_limited", message: "Too many failed sign-in attempts.", retryAfterSeconds: Number(match[1]) } },
      { status: 429, headers: { "Retry-After": match[1]!, "Cache-Control": "no-store" } },
    );
  }
  return response;
}
