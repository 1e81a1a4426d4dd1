/** POST /api/uploads — multipart form with `file` and `caseId`; answers the stored file's address. */
import { NextResponse } from "next/server";
import { getCurrentActor } from "@/lib/auth/session";
import { MAX_UPLOAD_REQUEST_BYTES, storeUpload } from "@/lib/storage/uploads";

const STATUS = { not_found: 404, too_large: 413, unsupported: 415, invalid: 422 } as const;

function error(status: number, code: string, message: string) {
  return NextResponse.json({ ok: false, code, message }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function POST(request: Request) {
  const actor = await getCurrentActor();
  if (!actor) return error(401, "unauthenticated", "Sign in to upload files.");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_UPLOAD_REQUEST_BYTES) return error(413, "too_large", "The file is too large: images up to 10 MB, PDF documents up to 20 MB.");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return error(400, "invalid", "Send the file as a multipart form.");
  }
  const file = form.get("file");
  const caseId = form.get("caseId");
  if (!(file instanceof File) || typeof caseId !== "string") return error(400, "invalid", "Choose a file to upload.");
  if (file.size > MAX_UPLOAD_REQUEST_BYTES) return error(413, "too_large", "The file is too large: images up to 10 MB, PDF documents up to 20 MB.");
  try {
    const result = await storeUpload(actor, { caseId, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    if (!result.ok) return error(STATUS[result.code], result.code, result.message);
    return NextResponse.json({ ok: true, file: result.file }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    console.error("upload failed", e);
    return error(500, "internal", "The file could not be stored. Try again in a moment.");
  }
}
