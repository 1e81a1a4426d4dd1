/**
 * POST /api/studio/cases/:id/draft — the editor's autosave, also used by `navigator.sendBeacon`
 * and `fetch(..., { keepalive: true })` when the page is being left. Body: { version, revision }.
 */
import { NextResponse } from "next/server";
import { revalidatePath } from "next/cache";
import { getCurrentActor } from "@/lib/auth/session";
import { saveDraft } from "@/lib/cases/mutations";

const MAX_BODY_BYTES = 2_000_000;

function reply(status: number, body: unknown) {
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getCurrentActor();
  if (!actor) return reply(401, { ok: false, code: "unauthenticated", message: "Your session has ended. Sign in again; your changes are kept in this browser." });
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return reply(413, { ok: false, code: "invalid", message: "This case is too large to save in one go.", issues: [] });
  let body: { version?: unknown; revision?: unknown };
  try {
    body = JSON.parse(text);
  } catch {
    return reply(400, { ok: false, code: "invalid", message: "The request was not understood.", issues: [] });
  }
  try {
    const result = await saveDraft(actor, { caseId: id, version: body.version as number, revision: body.revision });
    if (result.ok) {
      revalidatePath("/studio");
      return reply(200, result);
    }
    const status = { not_found: 404, invalid: 422, invalid_transition: 409, conflict: 409 }[result.code];
    return reply(status, result);
  } catch (e) {
    console.error("autosave failed", e);
    return reply(500, { ok: false, code: "internal", message: "The draft could not be saved. Your changes are kept in this browser; try again in a moment." });
  }
}
