/**
 * The outbox between publishing and the index. The engine is the real postgres engine; the only
 * double is a wrapper that fails or stalls on demand — the fault we cannot cause otherwise.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { db } from "../../db/client";
import type { SearchEngine } from "./engine";
import { emptyFilters } from "./engine";
import { createPostgresEngine } from "./postgres";
import { backoffSeconds, drainSearchOutbox, drainSearchOutboxOnce, searchOutboxStatus } from "./outbox";
import { publishTestCases, unpublishTestCase } from "./test-helpers";

type Mode = { kind: "up" } | { kind: "down" } | { kind: "stall-after"; docs: number; release: Promise<void> };

/** Fault injector around a real engine: "down" throws like an unreachable server; "stall-after" writes n documents and then hangs, like a process killed mid-batch. */
function faultyEngine(real: SearchEngine) {
  const state: { mode: Mode; upserts: number } = { mode: { kind: "up" }, upserts: 0 };
  const engine: SearchEngine = {
    ...real,
    name: real.name,
    async upsert(docs) {
      const mode = state.mode;
      if (mode.kind === "down") throw new Error("connect ECONNREFUSED 127.0.0.1:7700");
      if (mode.kind === "stall-after") {
        await real.upsert(docs.slice(0, mode.docs));
        await mode.release;
        throw new Error("drainer was killed");
      }
      state.upserts += docs.length;
      await real.upsert(docs);
    },
    async remove(ids) {
      if (state.mode.kind === "down") throw new Error("connect ECONNREFUSED 127.0.0.1:7700");
      await real.remove(ids);
    },
  };
  return { engine, state };
}

type Row = Record<string, unknown>;
async function rows(query: ReturnType<typeof sql>): Promise<Row[]> {
  const r = (await db.execute(query)) as unknown;
  return (Array.isArray(r) ? r : (r as { rows: Row[] }).rows) as Row[];
}

const real = createPostgresEngine(db);
const find = async (q: string) =>
  (await real.search({ q, filters: emptyFilters(), sort: "relevance", page: 1, perPage: 100 })).hits.map((h) => h.slug);

describe("search outbox", () => {
  beforeAll(async () => {
    await drainSearchOutbox(db, real); // the demo seed's rows
  });

  test("backoff doubles and is capped", () => {
    expect([1, 2, 3, 4, 10, 20].map(backoffSeconds)).toEqual([1, 2, 4, 8, 300, 300]);
  });

  test("with the engine unreachable, publishing commits and the row waits; when it returns, it drains", async () => {
    const { engine, state } = faultyEngine(real);
    state.mode = { kind: "down" };
    await publishTestCases(db, [{ slug: "ob-night-buses", title: "Owlbusnetwork night buses for shift workers" }]);
    const [published] = await rows(sql`select status from policy_cases where slug = 'ob-night-buses'`);
    expect(published?.status).toBe("published");

    const first = await drainSearchOutboxOnce(db, engine);
    expect(first).toMatchObject({ claimed: 1, done: 0, retried: 1, failed: 0 });
    let [row] = await rows(sql`select status, attempts, last_error, next_attempt_at > now() as later, locked_until
                                 from search_outbox where case_id = (select id from policy_cases where slug = 'ob-night-buses')`);
    expect(row).toMatchObject({ status: "pending", attempts: 1, later: true, locked_until: null });
    expect(String(row!.last_error)).toContain("ECONNREFUSED");
    expect(await find("owlbusnetwork")).toEqual([]);
    expect((await searchOutboxStatus(db)).pending).toBe(1);

    // Not due yet: a drain now does nothing, the row keeps waiting.
    expect((await drainSearchOutboxOnce(db, engine)).claimed).toBe(0);

    // Still down at the next attempt: attempts grow, the wait doubles.
    await db.execute(sql`update search_outbox set next_attempt_at = now() where status = 'pending'`);
    await drainSearchOutboxOnce(db, engine);
    [row] = await rows(sql`select attempts, extract(epoch from next_attempt_at - now()) as wait from search_outbox where status = 'pending'`);
    expect(row!.attempts).toBe(2);
    expect(Number(row!.wait)).toBeGreaterThan(1.2);

    state.mode = { kind: "up" };
    await db.execute(sql`update search_outbox set next_attempt_at = now() where status = 'pending'`);
    expect(await drainSearchOutbox(db, engine)).toMatchObject({ done: 1 });
    expect(await find("owlbusnetwork")).toEqual(["ob-night-buses"]);
    expect((await searchOutboxStatus(db)).pending).toBe(0);
  });

  test("a drainer killed mid-batch loses nothing and duplicates nothing", async () => {
    const cases = Array.from({ length: 12 }, (_, i) => ({ slug: `ob-kill-${i}`, title: `Killtestcase number ${i} for the outbox` }));
    await publishTestCases(db, cases);
    await unpublishTestCase(db, "ob-night-buses"); // a removal in the same batch
    const { engine, state } = faultyEngine(real);
    let release!: () => void;
    state.mode = { kind: "stall-after", docs: 5, release: new Promise<void>((r) => (release = r)) };

    const stalled = drainSearchOutboxOnce(db, engine, { leaseSeconds: 1 });
    // The first drainer wrote 5 of 12 documents and hangs with its rows leased.
    for (let i = 0; i < 100 && (await find("killtestcase")).length < 5; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await find("killtestcase")).length).toBe(5);
    expect((await drainSearchOutboxOnce(db, real)).claimed).toBe(0); // leased rows are not taken twice

    await new Promise((r) => setTimeout(r, 1100)); // the lease runs out
    const second = faultyEngine(real);
    expect(await drainSearchOutbox(db, second.engine)).toMatchObject({ claimed: 13, done: 13 });
    expect(second.state.upserts).toBe(12);

    // The killed drainer wakes up and fails: it must not reopen rows that another drainer finished.
    release();
    expect(await stalled).toMatchObject({ claimed: 13, done: 0 });

    const status = await searchOutboxStatus(db);
    expect(status).toMatchObject({ pending: 0, failed: 0 });
    const found = await find("killtestcase");
    expect(found.sort()).toEqual(cases.map((c) => c.slug).sort());
    const [dupes] = await rows(sql`select count(*)::int as n, count(distinct case_id)::int as d from search_documents`);
    expect(dupes!.n).toBe(dupes!.d);
    expect(await find("owlbusnetwork")).toEqual([]);
  });

  test("after too many failures a row is parked as failed and reported", async () => {
    await publishTestCases(db, [{ slug: "ob-parked", title: "Parkedrow example" }]);
    const { engine, state } = faultyEngine(real);
    state.mode = { kind: "down" };
    const r = await drainSearchOutboxOnce(db, engine, { maxAttempts: 1 });
    expect(r).toMatchObject({ failed: 1 });
    const status = await searchOutboxStatus(db);
    expect(status.failed).toBe(1);
    expect(status.recentFailures[0]?.lastError).toContain("ECONNREFUSED");
  });
});
