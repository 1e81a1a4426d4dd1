/**
 * GET /api/uploads/:name — a stored file, with its real type, `nosniff`, and PDFs as downloads.
 * Files of drafts answer 404 to anyone who may not see the draft.
 */
import { getCurrentActor } from "@/lib/auth/session";
import { getUploadForViewer } from "@/lib/storage/uploads";

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const actor = await getCurrentActor();
  const file = await getUploadForViewer(actor, name);
  if (!file) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
  const headers: Record<string, string> = {
    "Content-Type": file.mimeType,
    "Content-Length": String(file.data.length),
    "X-Content-Type-Options": "nosniff",
    // Even if a browser were tricked into rendering the file as a page, it could run nothing.
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": file.public ? "public, max-age=300" : "private, no-store",
  };
  if (file.isDocument) headers["Content-Disposition"] = `attachment; filename="${file.downloadName}"`;
  return new Response(new Uint8Array(file.data), { status: 200, headers });
}
