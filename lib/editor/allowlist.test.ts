/** The rich-text allowlist: what the server refuses, and that it matches the editor's extensions. */
import { describe, expect, it } from "vitest";
import { getSchema } from "@tiptap/core";
import { ALLOWED_MARK_TYPES, ALLOWED_NODE_TYPES, MAX_DOC_BYTES, checkRichText, isSafeLinkHref, type TiptapNode } from "./allowlist";
import { richTextExtensions } from "./extensions";

const doc = (...content: TiptapNode[]): TiptapNode => ({ type: "doc", content });
const para = (...content: TiptapNode[]): TiptapNode => ({ type: "paragraph", content });
const link = (href: string): TiptapNode => doc(para({ type: "text", text: "click", marks: [{ type: "link", attrs: { href } }] }));

describe("checkRichText", () => {
  it("accepts what the editor produces: headings, lists, quotes, tables, figures, videos, links", () => {
    const ok = doc(
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Plan" }] },
      para({ type: "text", text: "bold", marks: [{ type: "bold" }, { type: "italic" }] }),
      { type: "bulletList", content: [{ type: "listItem", content: [para({ type: "text", text: "one" })] }] },
      { type: "orderedList", attrs: { start: 1, type: null }, content: [{ type: "listItem", content: [para({ type: "text", text: "two" })] }] },
      { type: "blockquote", content: [para({ type: "text", text: "quote" })] },
      {
        type: "table",
        content: [
          { type: "tableRow", content: [{ type: "tableHeader", attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [para({ type: "text", text: "h" })] }] },
          { type: "tableRow", content: [{ type: "tableCell", attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [para()] }] },
        ],
      },
      { type: "image", attrs: { src: "/api/uploads/0b4f0a55-1111-4222-8333-444455556666.png", alt: "A bus", caption: "Night bus" } },
      { type: "videoEmbed", attrs: { src: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", title: "Launch" } },
      para({ type: "text", text: "mail", marks: [{ type: "link", attrs: { href: "mailto:a@example.org", target: null, rel: "noopener noreferrer nofollow", class: null } }] }),
    );
    expect(checkRichText(ok)).toEqual([]);
  });

  it("refuses unknown nodes and marks", () => {
    expect(checkRichText(doc({ type: "script", content: [] }))).toEqual(['"script" is not an allowed kind of content.']);
    expect(checkRichText(doc({ type: "iframe", attrs: { src: "https://evil.example" } }))[0]).toMatch(/"iframe" is not an allowed/);
    expect(checkRichText(doc(para({ type: "text", text: "x", marks: [{ type: "code" }] })))).toEqual(['The formatting "code" is not allowed.']);
    expect(checkRichText(doc(para({ type: "text", text: "x", marks: [{ type: "textStyle", attrs: { color: "red" } }] })))[0]).toMatch(/textStyle/);
    expect(checkRichText(doc({ type: "paragraph", attrs: { onclick: "alert(1)" } }))[0]).toMatch(/attribute "onclick" is not allowed/);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\u0000javascript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "javascript&colon;alert(1)",
    "&#106;avascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "//evil.example/x",
    "/relative",
  ])("refuses the link %j", (href) => {
    expect(isSafeLinkHref(href)).toBe(false);
    expect(checkRichText(link(href))).toContain("link: links must start with http:, https: or mailto:.");
  });

  it("accepts http, https and mailto links", () => {
    for (const href of ["https://example.org/a?b=c", "http://example.org", "mailto:someone@example.org", "HTTPS://EXAMPLE.ORG"])
      expect(checkRichText(link(href))).toEqual([]);
  });

  it("refuses data: and javascript: image sources, images without alt text, and foreign video hosts", () => {
    const img = (attrs: Record<string, unknown>) => doc({ type: "image", attrs });
    expect(checkRichText(img({ src: "data:image/png;base64,iVBORw0KGgo=", alt: "x" }))[0]).toMatch(/must be an uploaded image or an https address/);
    expect(checkRichText(img({ src: "javascript:alert(1)", alt: "x" }))[0]).toMatch(/must be an uploaded image/);
    expect(checkRichText(img({ src: "/api/uploads/../../etc/passwd", alt: "x" }))[0]).toMatch(/must be an uploaded image/);
    expect(checkRichText(img({ src: "https://example.org/a.png", alt: "  " }))[0]).toMatch(/needs a text alternative/);
    expect(checkRichText(img({ src: "https://example.org/a.png" }))[0]).toMatch(/needs a text alternative/);
    expect(checkRichText(doc({ type: "videoEmbed", attrs: { src: "https://evil.example/watch?v=dQw4w9WgXcQ" } }))[0]).toMatch(/YouTube or Vimeo/);
  });

  it("refuses an oversize document and one nested too deeply", () => {
    const big = doc(...Array.from({ length: 300 }, () => para({ type: "text", text: "x".repeat(1000) })));
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_DOC_BYTES);
    expect(checkRichText(big)[0]).toMatch(/too long/);
    let deep: TiptapNode = para({ type: "text", text: "deep" });
    for (let i = 0; i < 30; i++) deep = { type: "blockquote", content: [deep] };
    expect(checkRichText(doc(deep))).toContain("This section is nested too deeply.");
  });

  it("refuses a doc node that is not at the top and text nodes with content", () => {
    expect(checkRichText(doc(doc()))).toContain('"doc" is not allowed here.');
    expect(checkRichText(doc(para({ type: "text", text: "" })))).toContain("Empty text node.");
  });

  it("lists exactly the node and mark types of the editor's extensions", () => {
    const schema = getSchema(richTextExtensions);
    expect(new Set(ALLOWED_NODE_TYPES)).toEqual(new Set(Object.keys(schema.nodes)));
    expect(new Set(ALLOWED_MARK_TYPES)).toEqual(new Set(Object.keys(schema.marks)));
  });
});
