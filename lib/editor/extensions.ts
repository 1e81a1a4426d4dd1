/**
 * The one list of rich-text extensions. The studio editor, the server renderer and the
 * allowlist check all read from here, so what can be written is exactly what can be shown.
 */
import { Node, type Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { Table, TableRow, TableHeader, TableCell } from "@tiptap/extension-table";
import { videoEmbedUrl } from "./video";

import { HEADING_LEVELS } from "./extensions-meta";
export { HEADING_LEVELS };

/** An image with a required text alternative and an optional caption, shown as a <figure>. */
export const FigureImage = Node.create({
  name: "image",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      src: { default: null },
      alt: { default: "" },
      caption: { default: null },
    };
  },
  parseHTML() {
    return [{ tag: "img[src]" }];
  },
  renderHTML({ node }) {
    const img = ["img", { src: node.attrs.src, alt: node.attrs.alt ?? "", loading: "lazy" }] as const;
    if (!node.attrs.caption) return ["figure", {}, img];
    return ["figure", {}, img, ["figcaption", {}, String(node.attrs.caption)]];
  },
});

/** A YouTube or Vimeo video, rendered as a privacy-enhanced iframe. */
export const VideoEmbed = Node.create({
  name: "videoEmbed",
  group: "block",
  atom: true,
  addAttributes() {
    return { src: { default: null }, title: { default: "Video" } };
  },
  parseHTML() {
    return [{ tag: "div[data-video-embed]" }];
  },
  renderHTML({ node }) {
    const embed = videoEmbedUrl(String(node.attrs.src ?? ""));
    if (!embed) return ["p", {}, "(video link not allowed)"];
    return [
      "div",
      { "data-video-embed": "", class: "video-embed" },
      [
        "iframe",
        {
          src: embed,
          title: String(node.attrs.title || "Video"),
          loading: "lazy",
          allow: "fullscreen; picture-in-picture",
          allowfullscreen: "true",
          referrerpolicy: "strict-origin-when-cross-origin",
          sandbox: "allow-scripts allow-same-origin allow-presentation allow-popups",
        },
      ],
    ];
  },
});

export const richTextExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [...HEADING_LEVELS] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: ["http", "https", "mailto"],
      HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
    },
  }),
  Table.configure({ resizable: false }),
  TableRow,
  TableHeader,
  TableCell,
  FigureImage,
  VideoEmbed,
];
