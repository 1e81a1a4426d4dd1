/**
 * Writing drafts: starting a case and saving its working revision. Status changes (submit,
 * decisions) belong to `workflow.ts`; this module only ever writes a revision whose status is
 * `draft`, and every write is guarded by the case's `version` (optimistic locking).
 */
import { and, eq, ne } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db, type Transaction } from "../../db/client";
import { caseRevisions, cities, policyCases, users } from "../../db/schema";
import { can, type Actor } from "../auth/policy";
import { recordAudit } from "../audit/record";
import { revisionSchema, languageSchema, type RevisionData } from "./schemas";
import { columnsToRevision, revisionToColumns } from "./revision-row";
import { changedFields } from "./diff";
import type { RevisionFieldKey } from "./fields";
import { startNewDraftFrom } from "./workflow";

export type FieldIssue = { path: string; message: string };
/** One field that differs between two copies of a revision, as readable text. */
export type FieldChange = { field: RevisionFieldKey; label: string; before: string; after: string };

export type MutationError =
  | { ok: false; code: "not_found"; message: string }
  | { ok: false; code: "invalid"; message: string; issues: FieldIssue[] }
  | { ok: false; code: "invalid_transition"; message: string };

export type ConflictResult = {
  ok: false;
  code: "conflict";
  message: string;
  /** The version now stored; saving again with it overwrites the other person's change on purpose. */
  currentVersion: number;
  /** Fields where the stored draft differs from the copy that was sent. */
  changes: FieldChange[];
  lastEditor: string | null;
  updatedAt: string;
};

export type CreateDraftResult = { ok: true; caseId: string; revisionId: string; version: number } | MutationError;
export type SaveDraftResult =
  | { ok: true; caseId: string; revisionId: string; version: number; savedAt: string; newRevision: boolean }
  | MutationError
  | ConflictResult;

const NOT_FOUND = { ok: false, code: "not_found", message: "This case could not be found." } as const;

const uuid = z.uuid();

export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    "",
  );
}

function invalid(error: z.ZodError, message = "Some fields need attention before this can be saved."): MutationError {
  return { ok: false, code: "invalid", message, issues: error.issues.map((i) => ({ path: formatIssuePath(i.path), message: i.message })) };
}

/** Rolls a transaction back while carrying a typed result out of it. */
class Rollback extends Error {
  constructor(readonly result: MutationError | ConflictResult) {
    super(result.message);
  }
}

function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}

function titleSlugBase(citySlug: string, title: string): string | null {
  const base = slugify(title);
  return base ? `${citySlug}-${base}`.slice(0, 110).replace(/-+$/g, "") : null;
}

/**
 * A never-published case takes its address from its title; once published the address is fixed so
 * links keep working.
 */
async function slugForTitle(tx: Transaction, caseId: string, citySlug: string, title: string): Promise<string | null> {
  const candidate = titleSlugBase(citySlug, title);
  if (!candidate) return null;
  const [taken] = await tx
    .select({ id: policyCases.id })
    .from(policyCases)
    .where(and(eq(policyCases.slug, candidate), ne(policyCases.id, caseId)));
  return taken ? `${candidate}-${randomBytes(3).toString("hex")}` : candidate;
}

const createInput = z.object({
  cityId: z.string(),
  title: z.string().trim().max(200, "Keep the title under 200 characters.").optional(),
  language: languageSchema.optional(),
});

/** Starts an empty draft for one of the actor's cities. The language defaults to the city's first. */
export async function createDraftCase(
  actor: Actor | null,
  input: { cityId: string; title?: string; language?: string },
): Promise<CreateDraftResult> {
  const parsed = createInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error, "The new case could not be started.");
  if (!actor || !uuid.safeParse(parsed.data.cityId).success) return NOT_FOUND;
  if (!can(actor, "case.create", { cityId: parsed.data.cityId })) return NOT_FOUND;
  return db.transaction(async (tx) => {
    const [city] = await tx
      .select({ id: cities.id, slug: cities.slug, languages: cities.languages })
      .from(cities)
      .where(eq(cities.id, parsed.data.cityId));
    if (!city) return NOT_FOUND;
    const language = parsed.data.language ?? city.languages.find((l) => languageSchema.safeParse(l).success) ?? "en";
    const revision = revisionSchema.parse({ title: parsed.data.title ?? "", language });
    const [created] = await tx
      .insert(policyCases)
      .values({ slug: `${city.slug}-draft-${randomBytes(4).toString("hex")}`, cityId: city.id, status: "draft", createdBy: actor.id })
      .returning({ id: policyCases.id });
    const caseId = created!.id;
    if (revision.title) {
      const slug = await slugForTitle(tx, caseId, city.slug, revision.title);
      if (slug) await tx.update(policyCases).set({ slug }).where(eq(policyCases.id, caseId));
    }
    const [rev] = await tx
      .insert(caseRevisions)
      .values({ ...revisionToColumns(revision), caseId, number: 1, status: "draft", authorId: actor.id, lastEditorId: actor.id })
      .returning({ id: caseRevisions.id });
    await tx.update(policyCases).set({ workingRevisionId: rev!.id }).where(eq(policyCases.id, caseId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "case.created",
      entityType: "case",
      entityId: caseId,
      caseId,
      cityId: city.id,
      data: { revisionId: rev!.id, language },
    });
    return { ok: true as const, caseId, revisionId: rev!.id, version: 1 };
  });
}

/** PostgreSQL cannot store U+0000 in text or jsonb; it is invisible anyway, so it is dropped. */
function withoutNulCharacters(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
  if (depth > 50 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => withoutNulCharacters(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNulCharacters(v, depth + 1)]));
}

const saveInput = z.object({ caseId: z.string(), version: z.number().int().min(1), revision: z.unknown() });

/**
 * Saves the working draft. A stale `version` is refused with what differs, never overwritten.
 * Editing a published case (or one sent back for changes) first starts a new draft revision, so the
 * live revision stays untouched until the new one is approved.
 */
export async function saveDraft(
  actor: Actor | null,
  input: { caseId: string; version: number; revision: unknown },
): Promise<SaveDraftResult> {
  const parsedInput = saveInput.safeParse(input);
  if (!parsedInput.success) return invalid(parsedInput.error, "The request was not understood.");
  const { caseId, version } = parsedInput.data;
  if (!actor || !uuid.safeParse(caseId).success) return NOT_FOUND;
  // Validate before touching the database: bad input writes nothing.
  const parsedRevision = revisionSchema.safeParse(withoutNulCharacters(parsedInput.data.revision));

  try {
    return await db.transaction(async (tx): Promise<SaveDraftResult> => {
      const [c] = await tx.select().from(policyCases).where(eq(policyCases.id, caseId)).for("update");
      if (!c || !can(actor, "case.edit", { cityId: c.cityId })) return NOT_FOUND;
      if (!parsedRevision.success) return invalid(parsedRevision.error);
      const revision: RevisionData = parsedRevision.data;

      if (c.version !== version) {
        const currentId = c.workingRevisionId ?? c.publishedRevisionId;
        const [current] = currentId
          ? await tx
              .select({ row: caseRevisions, editor: users.name })
              .from(caseRevisions)
              .leftJoin(users, eq(users.id, caseRevisions.lastEditorId))
              .where(eq(caseRevisions.id, currentId))
          : [];
        const changes: FieldChange[] = current
          ? changedFields(revision, columnsToRevision(current.row)).map((d) => ({ field: d.key, label: d.label, before: d.before, after: d.after }))
          : [];
        return {
          ok: false,
          code: "conflict",
          message: current?.editor
            ? `${current.editor} saved this case after you opened it. Your copy was not saved.`
            : "Someone saved this case after you opened it. Your copy was not saved.",
          currentVersion: c.version,
          changes,
          lastEditor: current?.editor ?? null,
          updatedAt: (current?.row.updatedAt ?? c.updatedAt).toISOString(),
        };
      }
      if (c.status === "archived")
        return { ok: false, code: "invalid_transition", message: "This case is archived. Ask a city admin to restore it before editing." };
      if (c.status === "rejected") return { ok: false, code: "invalid_transition", message: "This case was rejected and cannot be edited." };

      const [working] = c.workingRevisionId
        ? await tx
            .select({ id: caseRevisions.id, status: caseRevisions.status })
            .from(caseRevisions)
            .where(eq(caseRevisions.id, c.workingRevisionId))
        : [];
      let revisionId: string;
      let nextVersion = c.version + 1;
      let newRevision = false;
      if (working?.status === "draft") {
        revisionId = working.id;
      } else if (working?.status === "submitted") {
        return {
          ok: false,
          code: "invalid_transition",
          message: "This case is waiting for review. Withdraw the submission to edit it.",
        };
      } else {
        const source = working?.status === "changes_requested" ? working.id : c.publishedRevisionId;
        if (!source) return { ok: false, code: "invalid_transition", message: "There is nothing to edit in this case." };
        const started = await startNewDraftFrom(tx, c.id, source, actor.id);
        if (!started.ok) throw new Rollback({ ok: false, code: "invalid_transition", message: started.message });
        revisionId = started.revisionId;
        nextVersion = started.version + 1;
        newRevision = started.created;
      }

      const now = new Date();
      await tx
        .update(caseRevisions)
        .set({ ...revisionToColumns(revision), lastEditorId: actor.id, updatedAt: now })
        .where(and(eq(caseRevisions.id, revisionId), eq(caseRevisions.status, "draft")));
      let slug: string | null = null;
      if (!c.publishedRevisionId && revision.title) {
        const [city] = await tx.select({ slug: cities.slug }).from(cities).where(eq(cities.id, c.cityId));
        const wanted = titleSlugBase(city!.slug, revision.title);
        const alreadyThere = c.slug === wanted || (c.slug.startsWith(`${wanted}-`) && /^[0-9a-f]{6}$/.test(c.slug.slice(wanted!.length + 1)));
        if (wanted && !alreadyThere) slug = await slugForTitle(tx, c.id, city!.slug, revision.title);
      }
      await tx
        .update(policyCases)
        .set({ version: nextVersion, updatedAt: now, ...(slug ? { slug } : {}) })
        .where(eq(policyCases.id, c.id));
      return { ok: true, caseId: c.id, revisionId, version: nextVersion, savedAt: now.toISOString(), newRevision };
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
}
