/**
 * The whole state machine: every (state × action × role), allowed and refused. The expected
 * outcome comes from the table below — written from DESIGN.md's lifecycle and the permission
 * table, not from the implementation. A refused call must leave the case, the audit log, the
 * notifications and the search outbox exactly as they were.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { asc, count, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { auditEvents, notifications, searchOutbox } from "../../db/schema";
import type { Actor } from "../auth/policy";
import { actorByEmail, cityIdBySlug, createDraftCase, DEMO, getCase } from "./workflow.fixtures";
import {
  approveSubmission,
  archiveCase,
  rejectSubmission,
  requestChanges,
  restoreCase,
  startNewDraft,
  submitCase,
  unpublishCase,
  withdrawSubmission,
  type WorkflowAction,
  type WorkflowResult,
} from "./workflow";
import type { CaseStatus } from "../../db/schema";

const STATES = [
  "draft",
  "submitted",
  "changes_requested",
  "changes_requested_redrafted",
  "rejected",
  "published",
  "published_update_draft",
  "published_update_submitted",
  "published_update_changes_requested",
  "unpublished",
  "unpublished_update_submitted",
  "archived",
  "archived_draft",
] as const;
type State = (typeof STATES)[number];

const ACTIONS: WorkflowAction[] = ["submit", "withdraw", "approve", "request_changes", "reject", "unpublish", "archive", "restore"];

const ROLES = ["anonymous", "member", "official", "other_city_official", "city_admin", "moderator", "admin"] as const;
type MatrixRole = (typeof ROLES)[number];

// --- The expected behaviour -------------------------------------------------------------------

const GRANTED: Record<Exclude<WorkflowAction, "restore">, MatrixRole[]> = {
  submit: ["official", "city_admin"],
  withdraw: ["official", "city_admin"],
  approve: ["moderator", "admin"],
  request_changes: ["moderator", "admin"],
  reject: ["moderator", "admin"],
  unpublish: ["admin"],
  archive: ["city_admin", "admin"],
};

function restoreGrant(state: State): MatrixRole[] {
  if (state === "unpublished" || state === "unpublished_update_submitted") return ["admin"];
  return ["city_admin", "admin"]; // archived, and "may do one of the two" for every other state
}

const PENDING: State[] = ["submitted", "published_update_submitted", "unpublished_update_submitted"];
const PUBLISHED_ANY: State[] = ["published", "published_update_draft", "published_update_submitted", "published_update_changes_requested"];

const ALLOWED_IN: Record<WorkflowAction, State[]> = {
  submit: ["draft", "changes_requested_redrafted", "published_update_draft"],
  withdraw: PENDING,
  approve: PENDING,
  request_changes: PENDING,
  reject: PENDING,
  unpublish: PUBLISHED_ANY,
  archive: STATES.filter((s) => !PENDING.includes(s) && s !== "archived" && s !== "archived_draft"),
  restore: ["unpublished", "unpublished_update_submitted", "archived", "archived_draft"],
};

/** For a decision in a state with nothing pending: the revision handed in is already decided? */
const DECIDED_STATES: State[] = [
  "changes_requested",
  "rejected",
  "published",
  "published_update_changes_requested",
  "unpublished",
  "archived",
];

const RESULT_STATUS: Record<WorkflowAction, Partial<Record<State, CaseStatus>>> = {
  submit: { draft: "submitted", changes_requested_redrafted: "submitted", published_update_draft: "published" },
  withdraw: { submitted: "draft", published_update_submitted: "published", unpublished_update_submitted: "unpublished" },
  approve: { submitted: "published", published_update_submitted: "published", unpublished_update_submitted: "published" },
  request_changes: {
    submitted: "changes_requested",
    published_update_submitted: "published",
    unpublished_update_submitted: "unpublished",
  },
  reject: { submitted: "rejected", published_update_submitted: "published", unpublished_update_submitted: "unpublished" },
  unpublish: Object.fromEntries(PUBLISHED_ANY.map((s) => [s, "unpublished"])),
  archive: Object.fromEntries(STATES.map((s) => [s, "archived"])),
  restore: { unpublished: "published", unpublished_update_submitted: "published", archived: "published", archived_draft: "draft" },
};

/** Which search outbox row an allowed transition must write. */
function expectedOutbox(action: WorkflowAction, state: State): "upsert" | "remove" | null {
  if (action === "approve") return "upsert";
  if (action === "unpublish") return "remove";
  if (action === "archive" && PUBLISHED_ANY.includes(state)) return "remove";
  if (action === "restore" && RESULT_STATUS.restore[state] === "published") return "upsert";
  return null;
}

/** Transitions that tell someone: decisions tell the author; offline changes tell the city. */
function expectsNotification(action: WorkflowAction): boolean {
  return ["approve", "request_changes", "reject", "unpublish", "archive", "restore"].includes(action);
}

type Expected = { ok: true; status: CaseStatus } | { ok: false; code: string };

function expected(state: State, action: WorkflowAction, role: MatrixRole): Expected {
  const grant = action === "restore" ? restoreGrant(state) : GRANTED[action];
  if (!grant.includes(role)) return { ok: false, code: "not_found" };
  if (ALLOWED_IN[action].includes(state)) return { ok: true, status: RESULT_STATUS[action][state]! };
  if (["approve", "request_changes", "reject"].includes(action) && DECIDED_STATES.includes(state))
    return { ok: false, code: "already_decided" };
  return { ok: false, code: "invalid_transition" };
}

// --- Fixtures ---------------------------------------------------------------------------------

let actors: Record<MatrixRole, Actor | null>;
let seoulId: string;

beforeAll(async () => {
  seoulId = await cityIdBySlug("seoul");
  actors = {
    anonymous: null,
    member: await actorByEmail(DEMO.member),
    official: await actorByEmail(DEMO.seoulOfficial),
    other_city_official: await actorByEmail(DEMO.bangkokOfficial),
    city_admin: await actorByEmail(DEMO.seoulAdmin),
    moderator: await actorByEmail(DEMO.moderator),
    admin: await actorByEmail(DEMO.admin),
  };
});

function must(result: WorkflowResult | { ok: boolean }, step: string): void {
  if (!result.ok) throw new Error(`fixture step ${step} failed: ${JSON.stringify(result)}`);
}

/** Brings a fresh case into `state` through the real transitions. */
async function build(state: State): Promise<string> {
  const official = actors.official!;
  const moderator = actors.moderator!;
  const admin = actors.admin!;
  const { caseId, revisionId } = await createDraftCase({ cityId: seoulId, authorId: official.id });
  const version = async () => (await getCase(caseId)).version;
  const working = async () => (await getCase(caseId)).workingRevisionId!;
  const published = async () => (await getCase(caseId)).publishedRevisionId!;
  const submit = async () => must(await submitCase(official, { caseId, version: await version() }), "submit");
  const publish = async () => {
    await submit();
    must(await approveSubmission(moderator, { caseId, revisionId: await working() }), "approve");
  };
  const redraftLive = async () => must(await startNewDraft(official, { caseId, revisionId: await published() }), "new draft");

  switch (state) {
    case "draft":
      break;
    case "submitted":
      await submit();
      break;
    case "changes_requested":
    case "changes_requested_redrafted":
      await submit();
      must(await requestChanges(moderator, { caseId, revisionId, comment: "More on the budget." }), "request changes");
      if (state === "changes_requested_redrafted") must(await startNewDraft(official, { caseId, revisionId }), "redraft");
      break;
    case "rejected":
      await submit();
      must(await rejectSubmission(moderator, { caseId, revisionId, reason: "Not a policy case." }), "reject");
      break;
    case "published":
      await publish();
      break;
    case "published_update_draft":
    case "published_update_submitted":
    case "published_update_changes_requested":
      await publish();
      await redraftLive();
      if (state !== "published_update_draft") await submit();
      if (state === "published_update_changes_requested")
        must(await requestChanges(moderator, { caseId, revisionId: await working(), comment: "Cite the source." }), "rc");
      break;
    case "unpublished":
    case "unpublished_update_submitted":
      await publish();
      must(await unpublishCase(admin, { caseId, reason: "Complaint under review." }), "unpublish");
      if (state === "unpublished_update_submitted") {
        await redraftLive();
        await submit();
      }
      break;
    case "archived":
      await publish();
      must(await archiveCase(admin, { caseId, reason: "Programme ended." }), "archive");
      break;
    case "archived_draft":
      must(await archiveCase(admin, { caseId }), "archive draft");
      break;
  }
  return caseId;
}

async function call(action: WorkflowAction, actor: Actor | null, caseId: string): Promise<WorkflowResult> {
  const c = await getCase(caseId);
  const revisionId = c.workingRevisionId ?? c.publishedRevisionId!;
  switch (action) {
    case "submit":
      return submitCase(actor, { caseId, version: c.version });
    case "withdraw":
      return withdrawSubmission(actor, { caseId, version: c.version });
    case "approve":
      return approveSubmission(actor, { caseId, revisionId });
    case "request_changes":
      return requestChanges(actor, { caseId, revisionId, comment: "Please add the year.", fieldComments: [{ field: "budget", comment: "Which year?" }] });
    case "reject":
      return rejectSubmission(actor, { caseId, revisionId, reason: "Out of scope." });
    case "unpublish":
      return unpublishCase(actor, { caseId, reason: "Under legal review." });
    case "archive":
      return archiveCase(actor, { caseId, reason: "Retired." });
    case "restore":
      return restoreCase(actor, { caseId, reason: "Back." });
  }
}

async function sideEffects(caseId: string) {
  const [a] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.caseId, caseId));
  const [n] = await db.select({ n: count() }).from(notifications).where(eq(notifications.caseId, caseId));
  const outbox = await db.select({ op: searchOutbox.op }).from(searchOutbox).where(eq(searchOutbox.caseId, caseId)).orderBy(asc(searchOutbox.id));
  return { audit: a!.n, notifications: n!.n, outbox: outbox.map((o) => o.op) };
}

/** One case per state, rebuilt only after an allowed transition changed it. */
const cache = new Map<State, string>();
async function caseIn(state: State): Promise<string> {
  if (!cache.has(state)) cache.set(state, await build(state));
  return cache.get(state)!;
}

const combinations = STATES.flatMap((state) =>
  ACTIONS.flatMap((action) => ROLES.map((role) => ({ state, action, role, want: expected(state, action, role) }))),
);

describe(`workflow matrix: ${STATES.length} states × ${ACTIONS.length} actions × ${ROLES.length} roles = ${combinations.length} combinations (${combinations.filter((c) => c.want.ok).length} allowed)`, () => {
  it.each(combinations)("$state × $action × $role", async ({ state, action, role, want }) => {
    const caseId = await caseIn(state);
    const before = await getCase(caseId);
    const effectsBefore = await sideEffects(caseId);
    const result = await call(action, actors[role], caseId);
    const after = await getCase(caseId);
    const effectsAfter = await sideEffects(caseId);

    if (want.ok) {
      cache.delete(state);
      expect(result).toMatchObject({ ok: true, status: want.status });
      expect(after.status).toBe(want.status);
      expect(after.version).toBe(before.version + 1);
      expect(effectsAfter.audit).toBe(effectsBefore.audit + 1);
      const outboxOp = expectedOutbox(action, state);
      expect(effectsAfter.outbox).toEqual(outboxOp ? [...effectsBefore.outbox, outboxOp] : effectsBefore.outbox);
      if (expectsNotification(action)) expect(effectsAfter.notifications).toBeGreaterThan(effectsBefore.notifications);
      else expect(effectsAfter.notifications).toBe(effectsBefore.notifications);
      // Only an approval changes what the public sees as the live revision.
      if (action === "approve") expect(after.publishedRevisionId).toBe(before.workingRevisionId);
      else expect(after.publishedRevisionId).toBe(before.publishedRevisionId);
    } else {
      expect(result).toMatchObject({ ok: false, code: want.code });
      expect(typeof (result as { message: string }).message).toBe("string");
      expect(after).toEqual(before);
      expect(effectsAfter).toEqual(effectsBefore);
    }
  });
});
