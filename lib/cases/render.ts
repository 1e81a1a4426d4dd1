/**
 * The one way rich text becomes HTML: tiptap JSON → `@tiptap/html` with the editor's own
 * extension list → an allowlist sanitizer as a second wall. Only this output may be passed
 * to dangerouslySetInnerHTML.
 */
import "server-only";
import { generateHTML } from "@tiptap/html";
import sanitizeHtml from "sanitize-html";
import { richTextExtensions } from "../editor/extensions";
import { checkRichText, type TiptapNode } from "../editor/allowlist";

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "h2", "h3", "h4", "strong", "em", "a", "ul", "ol", "li", "blockquote", "hr",
    "table", "tbody", "thead", "tr", "th", "td", "colgroup", "col", "figure", "figcaption", "img", "div", "iframe",
  ],
  allowedAttributes: {
    a: ["href", "rel"],
    ol: ["start", "type"],
    th: ["colspan", "rowspan"],
    td: ["colspan", "rowspan"],
    img: ["src", "alt", "loading"],
    div: ["class", "data-video-embed"],
    iframe: ["src", "title", "loading", "allow", "allowfullscreen", "referrerpolicy", "sandbox"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["https"], iframe: ["https"] },
  allowedIframeHostnames: ["www.youtube-nocookie.com", "player.vimeo.com"],
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }),
  },
};

export function renderRichText(doc: TiptapNode | null | undefined): string {
  if (!doc || !doc.content?.length) return "";
  // Stored documents were checked on save; checking again keeps an old or hand-edited row from
  // reaching the page.
  if (checkRichText(doc).length > 0) return "<p>(This section could not be shown.)</p>";
  const html = generateHTML(doc as Parameters<typeof generateHTML>[0], richTextExtensions);
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}
