import { beforeAll, describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { NotificationBell } from "./bell";
import { actorByEmail, cityIdBySlug, createDraftCase, DEMO, getCase } from "@/lib/cases/workflow.fixtures";
import { requestChanges, submitCase } from "@/lib/cases/workflow";
import type { Actor } from "@/lib/auth/policy";

let official: Actor;
beforeAll(async () => {
  official = await actorByEmail(DEMO.seoulOfficial);
});

describe("NotificationBell", () => {
  it("shows the unread count in its accessible name and as a badge", async () => {
    expect(renderToStaticMarkup(await NotificationBell({ userId: official.id }))).toContain('aria-label="Notifications, none unread"');
    const moderator = await actorByEmail(DEMO.moderator);
    const { caseId, revisionId } = await createDraftCase({ cityId: await cityIdBySlug("seoul"), authorId: official.id });
    await submitCase(official, { caseId, version: (await getCase(caseId)).version });
    await requestChanges(moderator, { caseId, revisionId, comment: "Add the year." });
    const html = renderToStaticMarkup(await NotificationBell({ userId: official.id }));
    expect(html).toContain('aria-label="Notifications, 1 unread"');
    expect(html).toMatch(/>1<\/span>/);
    expect(html.startsWith("<li>")).toBe(true);
  });
});
