/** Sends one file to the upload route; answers its address or a message in plain words. */
export async function uploadFile(caseId: string, file: File): Promise<{ ok: true; url: string; id: string } | { ok: false; message: string }> {
  const form = new FormData();
  form.set("caseId", caseId);
  form.set("file", file);
  try {
    const response = await fetch("/api/uploads", { method: "POST", body: form });
    const body = (await response.json().catch(() => null)) as { ok?: boolean; message?: string; file?: { url: string; id: string } } | null;
    if (response.ok && body?.file) return { ok: true, url: body.file.url, id: body.file.id };
    return { ok: false, message: body?.message ?? "The file could not be uploaded." };
  } catch {
    return { ok: false, message: "The file could not be uploaded: the network is unavailable. Try again." };
  }
}
