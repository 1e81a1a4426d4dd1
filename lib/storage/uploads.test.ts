/**
 * Uploads with real files made by sharp: the type comes from the bytes, size and pixel caps hold,
 * images are re-encoded without their metadata, and a draft's files stay private.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, rm, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { eq } from "drizzle-orm";
import { db } from "../../db/client";
import { uploads } from "../../db/schema";
import { LocalFolderStorage, setStorage } from "./storage";
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, detectFileType, getUploadForViewer, storeUpload } from "./uploads";
import { createDraftCase, saveDraft } from "../cases/mutations";
import { submitCase, approveSubmission } from "../cases/workflow";
import { DEMO, actorByEmail, cityIdBySlug, completeRevision } from "../cases/workflow.fixtures";

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "uploads-test-"));
  setStorage(new LocalFolderStorage(folder));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function seoulDraft() {
  const official = await actorByEmail(DEMO.seoulOfficial);
  const created = await createDraftCase(official, { cityId: await cityIdBySlug("seoul"), title: "Uploads" });
  if (!created.ok) throw new Error(created.message);
  return { official, caseId: created.caseId, version: created.version };
}

const png = (w = 64, h = 48) => sharp({ create: { width: w, height: h, channels: 3, background: { r: 10, g: 120, b: 200 } } }).png().toBuffer();
const pdf = () => Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function countUploads() {
  return (await db.select({ id: uploads.id }).from(uploads)).length;
}

describe("detectFileType", () => {
  it("reads magic numbers, not names", async () => {
    expect(detectFileType(await png())).toBe("image/png");
    expect(detectFileType(await sharp(await png()).jpeg().toBuffer())).toBe("image/jpeg");
    expect(detectFileType(await sharp(await png()).webp().toBuffer())).toBe("image/webp");
    expect(detectFileType(pdf())).toBe("application/pdf");
    expect(detectFileType(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(detectFileType(Buffer.from("GIF89a"))).toBeNull();
  });
});

describe("storeUpload refuses", () => {
  it("a PNG renamed .pdf", async () => {
    const { official, caseId } = await seoulDraft();
    const before = await countUploads();
    const result = await storeUpload(official, { caseId, fileName: "report.pdf", bytes: await png() });
    expect(result).toMatchObject({ ok: false, code: "unsupported" });
    expect(!result.ok && result.message).toMatch(/ends in \.pdf, but its content is a PNG image/);
    expect(await countUploads()).toBe(before);
  });

  it("an HTML file renamed .jpg, and SVG", async () => {
    const { official, caseId } = await seoulDraft();
    const html = Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>");
    const asJpg = await storeUpload(official, { caseId, fileName: "photo.jpg", bytes: html });
    expect(asJpg).toMatchObject({ ok: false, code: "unsupported" });
    expect(!asJpg.ok && asJpg.message).toMatch(/SVG, HTML and other markup files are not accepted/);
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
    expect(await storeUpload(official, { caseId, fileName: "logo.svg", bytes: svg })).toMatchObject({ ok: false, code: "unsupported" });
  });

  it("an image over 10 MB", async () => {
    const { official, caseId } = await seoulDraft();
    // Random pixels do not compress: a real PNG just over the cap.
    const side = 1900;
    const noisy = await sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(noisy.length).toBeGreaterThan(MAX_IMAGE_BYTES);
    const result = await storeUpload(official, { caseId, fileName: "big.png", bytes: noisy });
    expect(result).toMatchObject({ ok: false, code: "too_large" });
    expect(!result.ok && result.message).toMatch(/at most 10 MB/);
  });

  it("a decompression bomb", async () => {
    const { official, caseId } = await seoulDraft();
    // A flat colour compresses to almost nothing but decodes to more pixels than the limit.
    const side = Math.ceil(Math.sqrt(MAX_IMAGE_PIXELS)) + 200;
    const bomb = await sharp({ create: { width: side, height: side, channels: 3, background: "#fff" }, limitInputPixels: false })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = await countUploads();
    const result = await storeUpload(official, { caseId, fileName: "bomb.png", bytes: bomb });
    expect(result).toMatchObject({ ok: false, code: "too_large" });
    expect(!result.ok && result.message).toMatch(/megapixels/);
    expect(await countUploads()).toBe(before);
  }, 60_000);

  it("a truncated image and an empty file", async () => {
    const { official, caseId } = await seoulDraft();
    const broken = (await png(400, 400)).subarray(0, 60);
    expect(await storeUpload(official, { caseId, fileName: "x.png", bytes: broken })).toMatchObject({ ok: false, code: "invalid" });
    expect(await storeUpload(official, { caseId, fileName: "x.png", bytes: new Uint8Array() })).toMatchObject({ ok: false, code: "invalid" });
  });

  it("an official of another city, as not found", async () => {
    const { caseId } = await seoulDraft();
    const bangkok = await actorByEmail(DEMO.bangkokOfficial);
    expect(await storeUpload(bangkok, { caseId, fileName: "a.png", bytes: await png() })).toMatchObject({ ok: false, code: "not_found" });
    expect(await storeUpload(null, { caseId, fileName: "a.png", bytes: await png() })).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("storeUpload accepts", () => {
  it("re-encodes a JPEG without its metadata, makes smaller sizes, and stores under a generated name", async () => {
    const { official, caseId } = await seoulDraft();
    const jpeg = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: "#336699" } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: "secret-gps-owner", Artist: "someone" } } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const result = await storeUpload(official, { caseId, fileName: "../../etc/passwd.jpg", bytes: jpeg });
    if (!result.ok) throw new Error(result.message);
    expect(result.file.url).toMatch(/^\/api\/uploads\/[0-9a-f-]{36}\.jpg$/);
    expect(result.file.originalName).toBe("../../etc/passwd.jpg");
    const name = result.file.url.split("/").pop()!;
    const served = await getUploadForViewer(official, name);
    expect(served?.mimeType).toBe("image/jpeg");
    const meta = await sharp(served!.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect(served!.data.includes(Buffer.from("secret-gps-owner"))).toBe(false);
    const [row] = await db.select().from(uploads).where(eq(uploads.id, result.file.id));
    expect(row!.variants.map((v) => v.width)).toEqual([480, 960, 1600]);
    expect((await getUploadForViewer(official, row!.variants[0]!.key))?.mimeType).toBe("image/webp");
    // Nothing was written outside the storage folder.
    const top = await readdir(folder);
    expect(top.every((d) => /^[0-9a-f]{2}$/.test(d))).toBe(true);
  });

  it("stores a PDF and serves it as a document", async () => {
    const { official, caseId } = await seoulDraft();
    const result = await storeUpload(official, { caseId, fileName: "plan.pdf", bytes: pdf() });
    if (!result.ok) throw new Error(result.message);
    const served = await getUploadForViewer(official, result.file.url.split("/").pop()!);
    expect(served).toMatchObject({ mimeType: "application/pdf", isDocument: true });
  });
});

describe("getUploadForViewer", () => {
  it("keeps a draft's files from everyone but the city's officials, and opens them once published", async () => {
    const { official, caseId, version } = await seoulDraft();
    const stored = await storeUpload(official, { caseId, fileName: "bus.png", bytes: await png(800, 600) });
    if (!stored.ok) throw new Error(stored.message);
    const name = stored.file.url.split("/").pop()!;
    const bangkok = await actorByEmail(DEMO.bangkokOfficial);
    const member = await actorByEmail(DEMO.member);
    expect(await getUploadForViewer(official, name)).not.toBeNull();
    expect(await getUploadForViewer(official, stored.file.id)).not.toBeNull();
    expect(await getUploadForViewer(bangkok, name)).toBeNull();
    expect(await getUploadForViewer(member, name)).toBeNull();
    expect(await getUploadForViewer(null, name)).toBeNull();
    expect(await getUploadForViewer(null, "../../secret.png")).toBeNull();

    const revision = completeRevision({ media: [{ kind: "image", uploadId: stored.file.id, alt: "A night bus", caption: null }] });
    const saved = await saveDraft(official, { caseId, version, revision });
    if (!saved.ok) throw new Error("save failed");
    const submitted = await submitCase(official, { caseId, version: saved.version });
    if (!submitted.ok) throw new Error(submitted.message);
    expect(await getUploadForViewer(null, name)).toBeNull();
    const approved = await approveSubmission(await actorByEmail(DEMO.moderator), { caseId, revisionId: submitted.revisionId });
    expect(approved.ok).toBe(true);
    expect((await getUploadForViewer(null, name))?.public).toBe(true);
    expect(await getUploadForViewer(member, name)).not.toBeNull();
  });
});
