/**
 * Rich text is accepted only as tiptap JSON whose node types, mark types and attributes are on
 * this list. It mirrors `extensions.ts`; `allowlist.test.ts` checks the two agree.
 */
import { z } from "zod";
import { isAllowedVideoUrl } from "./video";
import { HEADING_LEVELS } from "./extensions-meta";

export type TiptapMark = { type: string; attrs?: Record<string, unknown> };
export type TiptapNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: TiptapNode[];
  marks?: TiptapMark[];
  text?: string;
};
export type TiptapDoc = TiptapNode & { type: "doc" };

const nodeSchema: z.ZodType<TiptapNode> = z.lazy(() =>
  z.object({
    type: z.string(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(nodeSchema).optional(),
    marks: z.array(z.object({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() })).optional(),
    text: z.string().optional(),
  }),
);

export const tiptapDocSchema = z
  .object({
    type: z.literal("doc", { error: "A rich-text section must be a document." }),
    content: z.array(nodeSchema).optional(),
  })
  .transform((d) => d as TiptapDoc);

export const MAX_DOC_BYTES = 200_000;
const MAX_DEPTH = 20;
const MAX_NODES = 10_000;

type AttrCheck = (value: unknown) => string | null;
const anyOf =
  (...allowed: unknown[]): AttrCheck =>
  (v) =>
    allowed.includes(v) ? null : `value ${JSON.stringify(v)} is not allowed`;
const optionalString =
  (max: number): AttrCheck =>
  (v) =>
    v == null || (typeof v === "string" && v.length <= max) ? null : "must be text";
const optionalPositiveInt: AttrCheck = (v) =>
  v == null || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 1000) ? null : "must be a whole number";
const colwidth: AttrCheck = (v) =>
  v == null || (Array.isArray(v) && v.every((n) => Number.isInteger(n) && n > 0 && n < 5000)) ? null : "invalid column width";

export function isSafeLinkHref(href: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  const cleaned = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  const scheme = cleaned.match(/^([a-zA-Z][a-zA-Z0-9+.-]*):/)?.[1]?.toLowerCase();
  if (!scheme) return false;
  if (scheme !== "http" && scheme !== "https" && scheme !== "mailto") return false;
  try {
    new URL(href.trim());
  } catch {
    return false;
  }
  return true;
}

/** Images come from our own upload store or from an https address. */
export function isSafeImageSrc(src: string): boolean {
  if (/^\/api\/uploads\/[A-Za-z0-9._-]+$/.test(src)) return true;
  try {
    return new URL(src).protocol === "https:";
  } catch {
    return false;
  }
}

const NODE_ATTRS: Record<string, Record<string, AttrCheck>> = {
  doc: {},
  paragraph: { textAlign: anyOf(null, "left") },
  text: {},
  heading: { level: anyOf(...HEADING_LEVELS) },
  bulletList: {},
  orderedList: { start: optionalPositiveInt, type: anyOf(null, "1", "a", "A", "i", "I") },
  listItem: {},
  blockquote: {},
  hardBreak: {},
  horizontalRule: {},
  table: {},
  tableRow: {},
  tableHeader: { colspan: optionalPositiveInt, rowspan: optionalPositiveInt, colwidth },
  tableCell: { colspan: optionalPositiveInt, rowspan: optionalPositiveInt, colwidth },
  image: {
    src: (v) => (typeof v === "string" && isSafeImageSrc(v) ? null : "must be an uploaded image or an https address"),
    alt: (v) => (typeof v === "string" && v.trim().length > 0 && v.length <= 300 ? null : "needs a text alternative (alt text)"),
    caption: optionalString(500),
  },
  videoEmbed: {
    src: (v) => (typeof v === "string" && isAllowedVideoUrl(v) ? null : "must be a YouTube or Vimeo address"),
    title: optionalString(300),
  },
};

const MARK_ATTRS: Record<string, Record<string, AttrCheck>> = {
  bold: {},
  italic: {},
  link: {
    href: (v) => (typeof v === "string" && v.length <= 2000 && isSafeLinkHref(v) ? null : "links must start with http:, https: or mailto:"),
    target: anyOf(null, "_blank"),
    rel: optionalString(100),
    class: anyOf(null),
  },
};

export const ALLOWED_NODE_TYPES = Object.keys(NODE_ATTRS);
export const ALLOWED_MARK_TYPES = Object.keys(MARK_ATTRS);

/** Returns the problems found, in plain words; an empty list means the document is acceptable. */
export function checkRichText(doc: TiptapNode): string[] {
  const problems: string[] = [];
  if (JSON.stringify(doc).length > MAX_DOC_BYTES)
    return [`This section is too long (more than ${MAX_DOC_BYTES / 1000} KB). Split it or shorten it.`];
  let count = 0;
  const visit = (node: TiptapNode, depth: number) => {
    if (problems.length > 20) return;
    count += 1;
    if (count > MAX_NODES) {
      if (count === MAX_NODES + 1) problems.push("This section has too many elements.");
      return;
    }
    if (depth > MAX_DEPTH) {
      problems.push("This section is nested too deeply.");
      return;
    }
    const allowedAttrs = NODE_ATTRS[node.type];
    if (!allowedAttrs) {
      problems.push(`"${node.type}" is not an allowed kind of content.`);
      return;
    }
    if ((depth === 0) !== (node.type === "doc")) problems.push(`"${node.type}" is not allowed here.`);
    for (const [name, value] of Object.entries(node.attrs ?? {})) {
      const check = allowedAttrs[name];
      if (!check) {
        if (value != null) problems.push(`The attribute "${name}" is not allowed on ${node.type}.`);
        continue;
      }
      const why = check(value);
      if (why) problems.push(`${node.type} ${name}: ${why}.`);
    }
    for (const [name, check] of Object.entries(allowedAttrs)) {
      if (node.type === "image" || node.type === "videoEmbed") {
        if (name !== "caption" && name !== "title" && !(name in (node.attrs ?? {}))) {
          const why = check(undefined);
          if (why) problems.push(`${node.type} ${name}: ${why}.`);
        }
      }
    }
    if (node.type === "text") {
      if (typeof node.text !== "string" || node.text.length === 0) problems.push("Empty text node.");
      if (node.content) problems.push("A text node cannot have content.");
    } else if (node.text !== undefined) {
      problems.push(`"${node.type}" cannot carry text directly.`);
    }
    for (const mark of node.marks ?? []) {
      const markAttrs = MARK_ATTRS[mark.type];
      if (!markAttrs) {
        problems.push(`The formatting "${mark.type}" is not allowed.`);
        continue;
      }
      for (const [name, value] of Object.entries(mark.attrs ?? {})) {
        const check = markAttrs[name];
        if (!check) {
          if (value != null) problems.push(`The attribute "${name}" is not allowed on ${mark.type}.`);
          continue;
        }
        const why = check(value);
        if (why) problems.push(`${mark.type}: ${why}.`);
      }
      if (mark.type === "link" && typeof mark.attrs?.href !== "string")
        problems.push("link: links must start with http:, https: or mailto:.");
    }
    for (const child of node.content ?? []) visit(child, depth + 1);
  };
  visit(doc, 0);
  return [...new Set(problems)];
}

/** Plain text of a document, for search and for diffs; never goes through HTML. */
export function docToPlainText(doc: TiptapNode | null | undefined): string {
  if (!doc) return "";
  const blocks: string[] = [];
  const inline = (node: TiptapNode): string => {
    if (node.type === "text") return node.text ?? "";
    if (node.type === "hardBreak") return "\n";
    if (node.type === "image") return String(node.attrs?.caption ?? node.attrs?.alt ?? "");
    return (node.content ?? []).map(inline).join("");
  };
  const block = (node: TiptapNode) => {
    const isTextBlock = node.type === "paragraph" || node.type === "heading";
    if (isTextBlock || node.type === "image" || node.type === "videoEmbed") {
      const t = node.type === "videoEmbed" ? String(node.attrs?.title ?? "") : inline(node);
      if (t.trim()) blocks.push(t.trim());
      return;
    }
    if (node.type === "tableRow") {
      blocks.push((node.content ?? []).map((c) => inline(c).trim()).join(" | "));
      return;
    }
    for (const c of node.content ?? []) block(c);
  };
  block(doc);
  return blocks.join("\n");
}
