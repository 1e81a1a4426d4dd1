"use client";
/** Images (with required alt text), PDF documents and video links attached to a case. */
import { useId, useState } from "react";
import type { MediaItem } from "@/lib/cases/types";
import { uploadFile } from "./upload";
import { buttonClass, TextField } from "./fields";

type Props = {
  caseId: string;
  items: MediaItem[];
  onChange: (items: MediaItem[]) => void;
  at: (path: string) => string[];
};

export function MediaList({ caseId, items, onChange, at }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const imageInput = useId();
  const docInput = useId();
  const set = (index: number, patch: Partial<MediaItem>) =>
    onChange(items.map((m, i) => (i === index ? ({ ...m, ...patch } as MediaItem) : m)));
  const move = (from: number, to: number) => {
    if (to < 0 || to >= items.length) return;
    const next = [...items];
    const [row] = next.splice(from, 1);
    next.splice(to, 0, row!);
    onChange(next);
  };
  const upload = async (file: File | undefined, kind: "image" | "document") => {
    if (!file) return;
    setBusy(true);
    setError(null);
    const result = await uploadFile(caseId, file);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    onChange([
      ...items,
      kind === "image"
        ? { kind: "image", uploadId: result.id, alt: "", caption: null }
        : { kind: "document", uploadId: result.id, title: file.name.replace(/\.pdf$/i, "").slice(0, 300) || "Document" },
    ]);
  };

  return (
    <div className="flex flex-col gap-3">
      {items.length === 0 && <p className="text-sm text-slate-700">No images, documents or videos yet.</p>}
      <ol className="flex flex-col gap-3">
        {items.map((m, i) => (
          <li key={i} className="rounded border border-slate-300 p-3" data-row={`media-${i + 1}`}>
            <fieldset className="flex flex-col gap-2">
              <legend className="font-semibold">
                {m.kind === "image" ? "Image" : m.kind === "document" ? "PDF document" : "Video"} {i + 1}
              </legend>
              {m.kind === "image" && (
                <>
                  <img src={`/api/uploads/${m.uploadId}`} alt="" className="max-h-40 w-auto self-start rounded border" />
                  <TextField label="Alt text (required)" value={m.alt} problems={at(`media[${i}].alt`)} onChange={(alt) => set(i, { alt })} />
                  <TextField label="Caption" value={m.caption ?? ""} onChange={(caption) => set(i, { caption })} />
                </>
              )}
              {m.kind === "document" && (
                <>
                  <a href={`/api/uploads/${m.uploadId}`} className="self-start underline">
                    Download the PDF
                  </a>
                  <TextField label="Document title" value={m.title} problems={at(`media[${i}].title`)} onChange={(title) => set(i, { title })} />
                </>
              )}
              {m.kind === "video" && (
                <>
                  <TextField label="Video address (YouTube or Vimeo)" type="url" value={m.url} problems={at(`media[${i}].url`)} onChange={(url) => set(i, { url })} />
                  <TextField label="Video title" value={m.title} problems={at(`media[${i}].title`)} onChange={(title) => set(i, { title })} />
                </>
              )}
              <div className="flex flex-wrap gap-2">
                <button type="button" className={buttonClass} onClick={() => move(i, i - 1)} disabled={i === 0}>
                  Move up<span className="sr-only"> media {i + 1}</span>
                </button>
                <button type="button" className={buttonClass} onClick={() => move(i, i + 1)} disabled={i === items.length - 1}>
                  Move down<span className="sr-only"> media {i + 1}</span>
                </button>
                <button type="button" className={buttonClass} onClick={() => onChange(items.filter((_, j) => j !== i))}>
                  Remove<span className="sr-only"> media {i + 1}</span>
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex flex-col">
          <label htmlFor={imageInput} className="font-semibold">
            Add an image (JPEG, PNG or WebP, up to 10 MB)
          </label>
          <input id={imageInput} type="file" accept="image/jpeg,image/png,image/webp" disabled={busy} onChange={(e) => void upload(e.target.files?.[0], "image")} />
        </div>
        <div className="flex flex-col">
          <label htmlFor={docInput} className="font-semibold">
            Add a PDF document (up to 20 MB)
          </label>
          <input id={docInput} type="file" accept="application/pdf" disabled={busy} onChange={(e) => void upload(e.target.files?.[0], "document")} />
        </div>
        <button type="button" className={buttonClass} onClick={() => onChange([...items, { kind: "video", url: "", title: "" }])}>
          Add a video link
        </button>
      </div>
      {busy && <p role="status">Uploading…</p>}
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
