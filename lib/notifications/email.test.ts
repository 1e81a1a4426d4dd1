/**
 * Decision mail end to end: SMTP_URL points at a real SMTP server on loopback, a moderator
 * decides, and the author's mail arrives after the transaction commits.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SMTPServer } from "smtp-server";

const port = vi.hoisted(() => {
  const chosen = 20_000 + Math.floor(Math.random() * 20_000);
  process.env.SMTP_URL = `smtp://127.0.0.1:${chosen}`;
  return chosen;
});

import { actorByEmail, cityIdBySlug, createDraftCase, DEMO, getCase } from "../cases/workflow.fixtures";
import { approveSubmission, requestChanges, submitCase } from "../cases/workflow";

type Received = { to: string[]; body: string };
const received: Received[] = [];
let server: SMTPServer;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      let body = "";
      stream.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Quoted-printable soft line breaks and escapes undone, enough to search the text. */
const plain = (body: string) => body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

describe("notification mail", () => {
  it("a change request sends the author one mail after commit; submitting sends none", async () => {
    const official = await actorByEmail(DEMO.seoulOfficial);
    const moderator = await actorByEmail(DEMO.moderator);
    const { caseId, revisionId } = await createDraftCase({ cityId: await cityIdBySlug("seoul"), authorId: official.id });
    expect(await submitCase(official, { caseId, version: (await getCase(caseId)).version })).toMatchObject({ ok: true });
    expect(received).toHaveLength(0);

    expect(
      await requestChanges(moderator, { caseId, revisionId, comment: "Which year is the budget for?" }),
    ).toMatchObject({ ok: true });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual([DEMO.seoulOfficial]);
    const text = plain(received[0]!.body);
    expect(text).toContain("A moderator asked for changes");
    expect(text).toContain("Which year is the budget for?");
    expect(text).toContain(`/studio/cases/${caseId}`);
  });

  it("mail failure does not undo the decision", async () => {
    const official = await actorByEmail(DEMO.seoulOfficial);
    const moderator = await actorByEmail(DEMO.moderator);
    const { caseId, revisionId } = await createDraftCase({ cityId: await cityIdBySlug("seoul"), authorId: official.id });
    await submitCase(official, { caseId, version: (await getCase(caseId)).version });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await approveSubmission(moderator, { caseId, revisionId })).toMatchObject({ ok: true, status: "published" });
      expect(errors).toHaveBeenCalledWith("workflow: sending notification mail failed", expect.anything());
    } finally {
      errors.mockRestore();
    }
    expect((await getCase(caseId)).status).toBe("published");
    // Reopen for afterAll.
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  });
});
