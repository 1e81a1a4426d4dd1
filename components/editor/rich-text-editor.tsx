"use client";
/**
 * The studio's rich-text editor: tiptap v3 with exactly the shared extension list
 * (`lib/editor/extensions.ts`), so whatever can be typed here passes the server's allowlist and
 * renders the same on the public page. Loaded only by studio routes.
 */
import { useEffect, useId, useRef, useState } from "react";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { NodeSelection } from "@tiptap/pm/state";
import { richTextExtensions } from "@/lib/editor/extensions";
import { isSafeLinkHref, type TiptapDoc } from "@/lib/editor/allowlist";
import { isAllowedVideoUrl } from "@/lib/editor/video";
import { uploadFile } from "@/components/studio/upload";

type Props = {
  id: string;
  label: string;
  value: TiptapDoc | undefined;
  onChange: (doc: TiptapDoc | undefined) => void;
  caseId: string;
  readOnly?: boolean;
  describedBy?: string;
};

type Panel = null | "link" | "image" | "video" | "imageEdit";

const btn =
  "rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700 disabled:opacity-50 aria-pressed:bg-blue-100 aria-pressed:border-blue-700";

export function RichTextEditor({ id, label, value, onChange, caseId, readOnly, describedBy }: Props) {
  const labelId = useId();
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const editor = useEditor({
    extensions: richTextExtensions,
    content: value ?? null,
    editable: !readOnly,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        class: "prose-case min-h-32 rounded-b border border-slate-400 bg-white p-3 focus:outline-2 focus:outline-blue-700",
      },
    },
    onUpdate: ({ editor }) => {
      onChangeRef.current(editor.isEmpty ? undefined : (editor.getJSON() as TiptapDoc));
    },
  });
  useEffect(() => {
    // No update event: toggling editability is not an edit and must not trigger a save.
    editor?.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  return (
    <div className="flex flex-col" data-rich-text={id}>
      <span id={labelId} className="mb-1 font-semibold">
        {label}
      </span>
      {editor && !readOnly && <Toolbar editor={editor} caseId={caseId} label={label} />}
      <EditorContent editor={editor} />
    </div>
  );
}

function Toolbar({ editor, caseId, label }: { editor: Editor; caseId: string; label: string }) {
  const [panel, setPanel] = useState<Panel>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      h4: e.isActive("heading", { level: 4 }),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      link: e.isActive("link"),
      inTable: e.isActive("table"),
      imageSelected: e.state.selection instanceof NodeSelection && e.state.selection.node.type.name === "image",
    }),
  });
  const chain = () => editor.chain().focus();
  const toggle = (p: Panel) => setPanel((cur) => (cur === p ? null : p));

  return (
    <div className="rounded-t border border-b-0 border-slate-400 bg-slate-50 p-1">
      <div role="toolbar" aria-label={`Formatting for ${label}`} className="flex flex-wrap gap-1">
        <button type="button" className={btn} aria-pressed={state.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
          Heading
        </button>
        <button type="button" className={btn} aria-pressed={state.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
          Subheading
        </button>
        <button type="button" className={btn} aria-pressed={state.h4} onClick={() => chain().toggleHeading({ level: 4 }).run()}>
          Minor heading
        </button>
        <button type="button" className={btn} aria-pressed={state.bold} onClick={() => chain().toggleBold().run()}>
          <strong>Bold</strong>
        </button>
        <button type="button" className={btn} aria-pressed={state.italic} onClick={() => chain().toggleItalic().run()}>
          <em>Italic</em>
        </button>
        <button type="button" className={btn} aria-pressed={state.bullet} onClick={() => chain().toggleBulletList().run()}>
          Bulleted list
        </button>
        <button type="button" className={btn} aria-pressed={state.ordered} onClick={() => chain().toggleOrderedList().run()}>
          Numbered list
        </button>
        <button type="button" className={btn} aria-pressed={state.quote} onClick={() => chain().toggleBlockquote().run()}>
          Quote
        </button>
        <button type="button" className={btn} aria-pressed={state.link || panel === "link"} onClick={() => toggle("link")}>
          Link
        </button>
        <button
          type="button"
          className={btn}
          onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
          disabled={state.inTable}
        >
          Table
        </button>
        <button type="button" className={btn} aria-pressed={panel === "image"} onClick={() => toggle("image")}>
          Image
        </button>
        <button type="button" className={btn} aria-pressed={panel === "video"} onClick={() => toggle("video")}>
          Video
        </button>
        {state.imageSelected && (
          <button type="button" className={btn} aria-pressed={panel === "imageEdit"} onClick={() => toggle("imageEdit")}>
            Edit image text
          </button>
        )}
      </div>
      {state.inTable && (
        <div role="toolbar" aria-label={`Table tools for ${label}`} className="mt-1 flex flex-wrap gap-1">
          <button type="button" className={btn} onClick={() => chain().addRowAfter().run()}>
            Add row
          </button>
          <button type="button" className={btn} onClick={() => chain().addColumnAfter().run()}>
            Add column
          </button>
          <button type="button" className={btn} onClick={() => chain().deleteRow().run()}>
            Delete row
          </button>
          <button type="button" className={btn} onClick={() => chain().deleteColumn().run()}>
            Delete column
          </button>
          <button type="button" className={btn} onClick={() => chain().deleteTable().run()}>
            Delete table
          </button>
        </div>
      )}
      {panel === "link" && <LinkPanel editor={editor} onDone={() => setPanel(null)} />}
      {panel === "image" && <ImagePanel editor={editor} caseId={caseId} onDone={() => setPanel(null)} />}
      {panel === "imageEdit" && state.imageSelected && <ImageEditPanel editor={editor} onDone={() => setPanel(null)} />}
      {panel === "video" && <VideoPanel editor={editor} onDone={() => setPanel(null)} />}
    </div>
  );
}

function PanelFrame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div role="group" aria-label={title} className="mt-2 flex flex-col gap-2 rounded border border-slate-300 bg-white p-2">
      {children}
    </div>
  );
}

function LinkPanel({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const current = (editor.getAttributes("link").href as string | undefined) ?? "";
  const [href, setHref] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const apply = () => {
    const value = href.trim();
    if (!value) {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
      return onDone();
    }
    if (!isSafeLinkHref(value)) return setError("Links must start with http://, https:// or mailto:.");
    if (editor.state.selection.empty && !editor.isActive("link")) {
      editor.chain().focus().insertContent({ type: "text", text: value, marks: [{ type: "link", attrs: { href: value } }] }).run();
    } else {
      editor.chain().focus().extendMarkRange("link").setLink({ href: value }).run();
    }
    onDone();
  };
  return (
    <PanelFrame title="Link">
      <label htmlFor={inputId} className="text-sm font-semibold">
        Link address
      </label>
      <input
        id={inputId}
        type="url"
        className="rounded border border-slate-400 px-2 py-1"
        value={href}
        onChange={(e) => {
          setHref(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            apply();
          }
        }}
        placeholder="https://"
        aria-invalid={!!error}
      />
      {error && <p className="text-sm text-red-800">{error}</p>}
      <div className="flex gap-2">
        <button type="button" className={btn} onClick={apply}>
          {current ? "Update link" : "Add link"}
        </button>
        {current && (
          <button
            type="button"
            className={btn}
            onClick={() => {
              editor.chain().focus().extendMarkRange("link").unsetLink().run();
              onDone();
            }}
          >
            Remove link
          </button>
        )}
      </div>
    </PanelFrame>
  );
}


function ImagePanel({ editor, caseId, onDone }: { editor: Editor; caseId: string; onDone: () => void }) {
  const [src, setSrc] = useState<string | null>(null);
  const [alt, setAlt] = useState("");
  const [caption, setCaption] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fileId = useId();
  const altId = useId();
  const captionId = useId();
  const insert = () => {
    if (!src) return setError("Choose an image first.");
    if (!alt.trim()) return setError("Describe the image for people who cannot see it (alt text is required).");
    editor
      .chain()
      .focus()
      .insertContent({ type: "image", attrs: { src, alt: alt.trim(), caption: caption.trim() || null } })
      .run();
    onDone();
  };
  return (
    <PanelFrame title="Insert image">
      <label htmlFor={fileId} className="text-sm font-semibold">
        Image file (JPEG, PNG or WebP, up to 10 MB)
      </label>
      <input
        id={fileId}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        disabled={busy}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          setBusy(true);
          setError(null);
          const result = await uploadFile(caseId, file);
          setBusy(false);
          if (result.ok) setSrc(result.url);
          else setError(result.message);
        }}
      />
      {busy && <p role="status">Uploading…</p>}
      {src && (
        <img src={src} alt="" className="max-h-40 w-auto self-start rounded border" />
      )}
      <label htmlFor={altId} className="text-sm font-semibold">
        Alt text (required): what the image shows
      </label>
      <input id={altId} className="rounded border border-slate-400 px-2 py-1" value={alt} maxLength={300} onChange={(e) => setAlt(e.target.value)} />
      <label htmlFor={captionId} className="text-sm font-semibold">
        Caption (optional)
      </label>
      <input id={captionId} className="rounded border border-slate-400 px-2 py-1" value={caption} maxLength={500} onChange={(e) => setCaption(e.target.value)} />
      {error && (
        <p className="text-sm text-red-800" role="alert">
          {error}
        </p>
      )}
      <button type="button" className={`${btn} self-start`} onClick={insert} disabled={busy}>
        Insert image
      </button>
    </PanelFrame>
  );
}

function ImageEditPanel({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const attrs = editor.getAttributes("image") as { alt?: string; caption?: string | null };
  const [alt, setAlt] = useState(attrs.alt ?? "");
  const [caption, setCaption] = useState(attrs.caption ?? "");
  const [error, setError] = useState<string | null>(null);
  const altId = useId();
  const captionId = useId();
  return (
    <PanelFrame title="Image text">
      <label htmlFor={altId} className="text-sm font-semibold">
        Alt text (required)
      </label>
      <input id={altId} className="rounded border border-slate-400 px-2 py-1" value={alt} maxLength={300} onChange={(e) => setAlt(e.target.value)} />
      <label htmlFor={captionId} className="text-sm font-semibold">
        Caption (optional)
      </label>
      <input id={captionId} className="rounded border border-slate-400 px-2 py-1" value={caption} maxLength={500} onChange={(e) => setCaption(e.target.value)} />
      {error && <p className="text-sm text-red-800">{error}</p>}
      <button
        type="button"
        className={`${btn} self-start`}
        onClick={() => {
          if (!alt.trim()) return setError("Alt text is required.");
          editor.chain().focus().updateAttributes("image", { alt: alt.trim(), caption: caption.trim() || null }).run();
          onDone();
        }}
      >
        Save image text
      </button>
    </PanelFrame>
  );
}

function VideoPanel({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const [url, setUrl] = useState("");
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const urlId = useId();
  const titleId = useId();
  return (
    <PanelFrame title="Insert video">
      <label htmlFor={urlId} className="text-sm font-semibold">
        YouTube or Vimeo address
      </label>
      <input id={urlId} type="url" className="rounded border border-slate-400 px-2 py-1" value={url} onChange={(e) => setUrl(e.target.value)} />
      <label htmlFor={titleId} className="text-sm font-semibold">
        Video title
      </label>
      <input id={titleId} className="rounded border border-slate-400 px-2 py-1" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
      {error && <p className="text-sm text-red-800">{error}</p>}
      <button
        type="button"
        className={`${btn} self-start`}
        onClick={() => {
          if (!isAllowedVideoUrl(url.trim())) return setError("Only YouTube and Vimeo video addresses can be embedded.");
          if (!title.trim()) return setError("Give the video a title.");
          editor.chain().focus().insertContent({ type: "videoEmbed", attrs: { src: url.trim(), title: title.trim() } }).run();
          onDone();
        }}
      >
        Insert video
      </button>
    </PanelFrame>
  );
}
