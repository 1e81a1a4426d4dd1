/**
 * Uploading and serving case files. The type is decided from the file's first bytes (never its
 * name or the browser's header); images are decoded and re-encoded with sharp, which drops every
 * byte we did not draw ourselves (metadata, trailing payloads, polyglots) and refuses
 * decompression bombs by pixel count; files are stored under generated names.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import { z } from "zod";
import { db } from "../../db/client";
import { caseRevisions, policyCases, uploads } from "../../db/schema";
import { can, type Actor } from "../auth/policy";
import { getStorage } from "./storage";

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** Largest request the upload route reads at all. */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_DOCUMENT_BYTES + 64 * 1024;
/** 50 megapixels: more than any camera photo a case needs; a bomb of 20,000 × 20,000 is refused. */
export const MAX_IMAGE_PIXELS = 50_000_000;
const MAX_STORED_WIDTH = 2400;
const VARIANT_WIDTHS = [480, 960, 1600] as const;

export type DetectedType = "image/jpeg" | "image/png" | "image/webp" | "application/pdf";

const EXTENSION: Record<DetectedType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
};
const NAME_EXTENSIONS: Record<DetectedType, string[]> = {
  "image/jpeg": ["jpg", "jpeg", "jpe", "jfif"],
  "image/png": ["png"],
  "image/webp": ["webp"],
  "application/pdf": ["pdf"],
};
const TYPE_NAMES: Record<DetectedType, string> = {
  "image/jpeg": "a JPEG image",
  "image/png": "a PNG image",
  "image/webp": "a WebP image",
  "application/pdf": "a PDF document",
};
const TYPE_OF_EXTENSION: Record<string, DetectedType> = { jpg: "image/jpeg", png: "image/png", webp: "image/webp", pdf: "application/pdf" };

/** The file's real type from its magic number, or null when it is none of the accepted ones. */
export function detectFileType(bytes: Uint8Array): DetectedType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50)
    return "image/webp";
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf";
  return null;
}

function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 512)).toString("utf8").replace(/^\uFEFF/, "").trimStart().toLowerCase();
  return head.startsWith("<");
}

export type UploadedFile = {
  id: string;
  kind: "image" | "document";
  url: string;
  mimeType: DetectedType;
  bytes: number;
  width: number | null;
  height: number | null;
  originalName: string | null;
};

export type UploadError = {
  ok: false;
  code: "not_found" | "too_large" | "unsupported" | "invalid";
  message: string;
};
export type UploadResult = { ok: true; file: UploadedFile } | UploadError;

const fail = (code: UploadError["code"], message: string): UploadError => ({ ok: false, code, message });

const uploadInput = z.object({
  caseId: z.uuid(),
  fileName: z.string().max(300).nullish(),
  bytes: z.instanceof(Uint8Array),
});

type Encoded = { data: Buffer; width: number; height: number };

async function reencodeImage(bytes: Uint8Array, type: DetectedType): Promise<{ main: Encoded; variants: { width: number; data: Buffer }[] } | UploadError> {
  const input = () => sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error", sequentialRead: true });
  let meta: Metadata;
  try {
    // Only the header is read here, so the pixel count can be reported in plain words; decoding
    // below still carries the limit.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return fail("invalid", "This image could not be read. It may be damaged; export it again as JPEG, PNG or WebP.");
  }
  const expected = { "image/jpeg": "jpeg", "image/png": "png", "image/webp": "webp" }[type as "image/png"];
  if (meta.format !== expected) return fail("invalid", "This image could not be read. Export it again as JPEG, PNG or WebP.");
  if (!meta.width || !meta.height) return fail("invalid", "This image has no size.");
  if (meta.width * meta.height > MAX_IMAGE_PIXELS)
    return fail("too_large", `This image is ${meta.width} × ${meta.height} pixels; the limit is ${MAX_IMAGE_PIXELS / 1_000_000} megapixels. Scale it down and try again.`);
  try {
    // rotate() applies the EXIF orientation before the metadata is dropped (sharp writes none by default).
    const base = () => input().rotate();
    const resized = base().resize({ width: MAX_STORED_WIDTH, withoutEnlargement: true });
    const encoder =
      type === "image/jpeg"
        ? resized.jpeg({ quality: 85, mozjpeg: true })
        : type === "image/png"
          ? resized.png({ compressionLevel: 9 })
          : resized.webp({ quality: 85 });
    const { data, info } = await encoder.toBuffer({ resolveWithObject: true });
    const variants: { width: number; data: Buffer }[] = [];
    for (const width of VARIANT_WIDTHS) {
      if (width >= info.width) break;
      variants.push({ width, data: await base().resize({ width }).webp({ quality: 80 }).toBuffer() });
    }
    return { main: { data, width: info.width, height: info.height }, variants };
  } catch {
    return fail("invalid", "This image could not be processed. It may be damaged; export it again and retry.");
  }
}

/** Checks, re-encodes and stores one file for a case the actor may edit. */
export async function storeUpload(
  actor: Actor | null,
  input: { caseId: string; fileName?: string | null; bytes: Uint8Array },
): Promise<UploadResult> {
  const parsed = uploadInput.safeParse(input);
  if (!parsed.success) return fail("not_found", "This case could not be found.");
  const [c] = await db.select({ id: policyCases.id, cityId: policyCases.cityId }).from(policyCases).where(eq(policyCases.id, parsed.data.caseId));
  if (!c || !can(actor, "upload.create", { cityId: c.cityId })) return fail("not_found", "This case could not be found.");

  const { bytes } = parsed.data;
  if (bytes.length === 0) return fail("invalid", "The file is empty.");
  const type = detectFileType(bytes);
  if (!type) {
    if (looksLikeMarkup(bytes))
      return fail("unsupported", "SVG, HTML and other markup files are not accepted. Upload a JPEG, PNG or WebP image, or a PDF.");
    return fail("unsupported", "Only JPEG, PNG and WebP images and PDF documents are accepted. This file is none of those, whatever its name says.");
  }
  // The bytes decide the type; a name that claims another type is a mistake or a trick, so refuse it.
  const nameExt = /\.([A-Za-z0-9]{1,10})$/.exec(parsed.data.fileName ?? "")?.[1]?.toLowerCase();
  if (nameExt && !NAME_EXTENSIONS[type].includes(nameExt))
    return fail(
      "unsupported",
      `The file's name ends in .${nameExt}, but its content is ${TYPE_NAMES[type]}. Rename it to match what it is, or export it again.`,
    );
  const isImage = type !== "application/pdf";
  const cap = isImage ? MAX_IMAGE_BYTES : MAX_DOCUMENT_BYTES;
  if (bytes.length > cap)
    return fail("too_large", `${isImage ? "Images" : "PDF documents"} can be at most ${cap / 1024 / 1024} MB; this file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB.`);

  const id = randomUUID();
  const key = `${id}.${EXTENSION[type]}`;
  const storage = getStorage();
  let stored: Buffer;
  let width: number | null = null;
  let height: number | null = null;
  const variantRows: { width: number; key: string }[] = [];
  if (isImage) {
    const encoded = await reencodeImage(bytes, type);
    if ("ok" in encoded) return encoded;
    stored = encoded.main.data;
    width = encoded.main.width;
    height = encoded.main.height;
    for (const v of encoded.variants) {
      const variantKey = `${id}-w${v.width}.webp`;
      await storage.put(variantKey, v.data);
      variantRows.push({ width: v.width, key: variantKey });
    }
  } else {
    stored = Buffer.from(bytes);
  }
  await storage.put(key, stored);
  const originalName = parsed.data.fileName?.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200) || null;
  try {
    await db.insert(uploads).values({
      id,
      caseId: c.id,
      cityId: c.cityId,
      uploaderId: actor!.id,
      kind: isImage ? "image" : "document",
      storageKey: key,
      mimeType: type,
      bytes: stored.length,
      width,
      height,
      variants: variantRows,
      originalName,
    });
  } catch (error) {
    await Promise.all([storage.delete(key), ...variantRows.map((v) => storage.delete(v.key))]);
    throw error;
  }
  return {
    ok: true,
    file: { id, kind: isImage ? "image" : "document", url: `/api/uploads/${key}`, mimeType: type, bytes: stored.length, width, height, originalName },
  };
}

const NAME_PATTERN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:-w(\d{2,4}))?\.(jpg|png|webp|pdf)$/;

export type ServedFile = { data: Buffer; mimeType: DetectedType; isDocument: boolean; public: boolean; downloadName: string };

/**
 * A stored file for someone allowed to see it, or null (unknown, or a file that only belongs to an
 * unpublished draft the actor cannot see — the same answer for both).
 */
export async function getUploadForViewer(actor: Actor | null, name: string): Promise<ServedFile | null> {
  // A bare id names the main file (media items store only the upload's id).
  const bare = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(name);
  const match = bare ? [name, name, undefined, undefined] : NAME_PATTERN.exec(name);
  if (!match) return null;
  const [, id, variantWidth] = match;
  const [row] = await db
    .select({ upload: uploads, status: policyCases.status, publishedRevisionId: policyCases.publishedRevisionId })
    .from(uploads)
    .leftJoin(policyCases, eq(policyCases.id, uploads.caseId))
    .where(eq(uploads.id, id!));
  if (!row) return null;
  const u = row.upload;
  const key = bare ? u.storageKey : name;
  const isKnownKey = variantWidth ? u.variants.some((v) => v.key === key) : u.storageKey === key;
  if (!isKnownKey) return null;

  // Public only when the live revision of a published case actually uses the file.
  let published = false;
  if (row.status === "published" && row.publishedRevisionId) {
    const [live] = await db
      .select({ media: caseRevisions.media, sections: caseRevisions.sections })
      .from(caseRevisions)
      .where(and(eq(caseRevisions.id, row.publishedRevisionId)));
    published = !!live && JSON.stringify([live.media, live.sections]).includes(u.id);
  }
  if (!can(actor, "upload.view", { cityId: u.cityId, published })) return null;

  const data = await getStorage().get(key);
  if (!data) return null;
  const ext = key.split(".").pop()!;
  const mimeType = variantWidth ? "image/webp" : TYPE_OF_EXTENSION[ext]!;
  return { data, mimeType, isDocument: mimeType === "application/pdf", public: published, downloadName: `document-${id!.slice(0, 8)}.${ext}` };
}
