/**
 * The transactional outbox between the database and the search engine. Whatever publishes,
 * updates, unpublishes or deletes a case adds a row in the same transaction; the drainer pushes
 * rows to the engine with retries and exponential backoff.
 *
 * Delivery is at-least-once and idempotent: a row is claimed with a lease (`locked_until`, taken
 * with `for update skip locked`), the engine is told the case's CURRENT state (its published
 * document, or removal when it has none) keyed by case id, and only then is the row marked done.
 * A drainer that dies mid-batch leaves its rows leased; when the lease runs out another drainer
 * claims them and repeats the same idempotent writes.
 */
import { sql, type SQL } from "drizzle-orm";
import { searchOutbox } from "../../db/schema";
import type { DbOrTx, Database } from "../../db/client";
import { buildSearchDocuments } from "./document";
import type { SearchEngine } from "./engine";

/** Queues a search-index update. Call it inside the transaction that changes the case. */
export async function enqueueSearchUpdate(tx: DbOrTx, caseId: string, op: "upsert" | "remove"): Promise<void> {
  await tx.insert(searchOutbox).values({ caseId, op });
  // The row is visible only once the caller commits; nudge the running drainer a few times soon
  // after, so a publish is findable within a second without waiting for the next poll.
  kickSearchDrainer();
}

export type DrainOptions = {
  batchSize?: number;
  /** How long a claimed row stays reserved for this drainer. */
  leaseSeconds?: number;
  /** After this many failed attempts a row is parked as `failed` (see npm run search:status). */
  maxAttempts?: number;
};

export type DrainResult = { claimed: number; done: number; retried: number; failed: number };

const DEFAULTS = { batchSize: 100, leaseSeconds: 60, maxAttempts: 30 };

/** Seconds before attempt n+1: 1, 2, 4 … capped at 5 minutes. */
export function backoffSeconds(attempts: number): number {
  return Math.min(300, 2 ** Math.max(0, attempts - 1));
}

type Row = Record<string, unknown>;
async function rows<T extends Row>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Claims and processes one batch. Returns what happened; never throws for engine failures. */
export async function drainSearchOutboxOnce(db: Database, engine: SearchEngine, options: DrainOptions = {}): Promise<DrainResult> {
  const { batchSize, leaseSeconds, maxAttempts } = { ...DEFAULTS, ...options };
  const claimed = await rows<{ id: number; case_id: string; attempts: number; lease: string }>(
    db,
    sql`update search_outbox o
           set locked_until = now() + make_interval(secs => ${leaseSeconds}), attempts = o.attempts + 1
         where o.id in (select id from search_outbox
                         where status = 'pending' and next_attempt_at <= now()
                           and (locked_until is null or locked_until < now())
                         order by id
                         limit ${batchSize}
                         for update skip locked)
     returning o.id, o.case_id, o.attempts, o.locked_until::text as lease`,
  );
  if (claimed.length === 0) return { claimed: 0, done: 0, retried: 0, failed: 0 };
  const ids = claimed.map((r) => Number(r.id));
  const idList = sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::bigint[]`;
  // Every row of one claim carries the same lease end: it is this drainer's token. A drainer that
  // stalled past its lease finds its rows re-leased by another and must not touch them.
  const mine = sql`id = any(${idList}) and locked_until = ${claimed[0]!.lease}::timestamptz`;
  const caseIds = [...new Set(claimed.map((r) => String(r.case_id)))];
  try {
    // The state now, not the op recorded then: replaying an old row can never resurrect a case.
    const docs = await buildSearchDocuments(db, caseIds);
    const gone = caseIds.filter((id) => !docs.has(id));
    if (docs.size) await engine.upsert([...docs.values()]);
    if (gone.length) await engine.remove(gone);
    await db.execute(
      sql`update search_outbox set status = 'done', processed_at = now(), locked_until = null, last_error = null
           where ${mine}`,
    );
    return { claimed: claimed.length, done: claimed.length, retried: 0, failed: 0 };
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).slice(0, 1000);
    const updated = await rows<{ status: string }>(
      db,
      sql`update search_outbox
             set locked_until = null, last_error = ${message},
                 status = case when attempts >= ${maxAttempts} then 'failed' else 'pending' end,
                 next_attempt_at = now() + make_interval(secs => least(300, power(2, greatest(attempts - 1, 0))))
           where ${mine}
       returning status`,
    );
    const failed = updated.filter((r) => r.status === "failed").length;
    return { claimed: claimed.length, done: 0, retried: updated.length - failed, failed };
  }
}

/** Drains until nothing is due (or `maxBatches` ran). */
export async function drainSearchOutbox(
  db: Database,
  engine: SearchEngine,
  options: DrainOptions & { maxBatches?: number } = {},
): Promise<DrainResult> {
  const total: DrainResult = { claimed: 0, done: 0, retried: 0, failed: 0 };
  for (let i = 0; i < (options.maxBatches ?? 1000); i++) {
    const r = await drainSearchOutboxOnce(db, engine, options);
    total.claimed += r.claimed;
    total.done += r.done;
    total.retried += r.retried;
    total.failed += r.failed;
    if (r.claimed === 0 || r.done === 0) break;
  }
  return total;
}

export type OutboxStatus = {
  pending: number;
  due: number;
  failed: number;
  done: number;
  oldestPendingAt: string | null;
  recentFailures: { id: number; caseId: string; attempts: number; lastError: string | null }[];
};

export async function searchOutboxStatus(db: DbOrTx): Promise<OutboxStatus> {
  const [counts] = await rows<Row>(
    db,
    sql`select count(*) filter (where status = 'pending')::int as pending,
               count(*) filter (where status = 'pending' and next_attempt_at <= now())::int as due,
               count(*) filter (where status = 'failed')::int as failed,
               count(*) filter (where status = 'done')::int as done,
               min(created_at) filter (where status = 'pending') as oldest
          from search_outbox`,
  );
  const failures = await rows<Row>(
    db,
    sql`select id, case_id, attempts, last_error from search_outbox
         where status = 'failed' or (status = 'pending' and last_error is not null)
         order by id desc limit 20`,
  );
  return {
    pending: Number(counts?.pending ?? 0),
    due: Number(counts?.due ?? 0),
    failed: Number(counts?.failed ?? 0),
    done: Number(counts?.done ?? 0),
    oldestPendingAt: counts?.oldest ? new Date(counts.oldest as string).toISOString() : null,
    recentFailures: failures.map((r) => ({
      id: Number(r.id),
      caseId: String(r.case_id),
      attempts: Number(r.attempts),
      lastError: (r.last_error as string | null) ?? null,
    })),
  };
}

/** Puts parked rows back in the queue (after an outage is fixed). */
export async function retryFailedSearchUpdates(db: DbOrTx): Promise<number> {
  const r = await rows<Row>(
    db,
    sql`update search_outbox set status = 'pending', attempts = 0, next_attempt_at = now(), locked_until = null
         where status = 'failed' returning id`,
  );
  return r.length;
}

// ---------------------------------------------------------------------------------------------
// The in-process drainer of a server: polls every few seconds, and runs at once when kicked.

type DrainerState = {
  db: Database;
  /** Resolved on every run: an engine that was unreachable at start is picked up when it returns. */
  engine: () => Promise<SearchEngine>;
  options: DrainOptions;
  timer: ReturnType<typeof setInterval> | null;
  running: Promise<void> | null;
  again: boolean;
  stopped: boolean;
  kicks: ReturnType<typeof setTimeout>[];
  log: (line: string) => void;
};

const globalForDrainer = globalThis as unknown as { __searchDrainer?: DrainerState };

function runDrainer(state: DrainerState): Promise<void> {
  if (state.running) {
    state.again = true;
    return state.running;
  }
  state.running = (async () => {
    do {
      state.again = false;
      try {
        const r = await drainSearchOutbox(state.db, await state.engine(), state.options);
        if (r.retried || r.failed)
          state.log(`Search index update failed for ${r.retried + r.failed} outbox row(s); will retry with backoff.`);
      } catch (e) {
        // The engine could not be reached at all, or the database failed (e.g. closing at
        // shutdown); the rows stay queued and the next poll tries again.
        if (!state.stopped) state.log(`Search outbox drain error: ${e instanceof Error ? e.message : String(e)}`);
      }
    } while (state.again && !state.stopped);
  })().finally(() => {
    state.running = null;
  });
  return state.running;
}

/**
 * Starts the process's drainer (idempotent): drains now — which indexes the seeded demo cases on
 * a first boot — then every `pollMs`, and shortly after each enqueue in this process.
 */
export function startSearchDrainer(opts: {
  db?: Database;
  engine?: SearchEngine;
  pollMs?: number;
  options?: DrainOptions;
  log?: (line: string) => void;
} = {}): Promise<void> {
  if (globalForDrainer.__searchDrainer && !globalForDrainer.__searchDrainer.stopped) return Promise.resolve();
  return (async () => {
    const { db } = await import("../../db/client");
    const { getSearchEngine } = await import("./engine");
    const state: DrainerState = {
      db: opts.db ?? db,
      engine: opts.engine ? () => Promise.resolve(opts.engine!) : getSearchEngine,
      options: opts.options ?? {},
      timer: null,
      running: null,
      again: false,
      stopped: false,
      kicks: [],
      log: opts.log ?? ((line) => console.warn(line)),
    };
    globalForDrainer.__searchDrainer = state;
    // One line per distinct problem a minute, not one per poll, while an engine stays down.
    const log = state.log;
    const lastLogged = new Map<string, number>();
    state.log = (line) => {
      if (Date.now() - (lastLogged.get(line) ?? 0) < 60_000) return;
      lastLogged.set(line, Date.now());
      log(line);
    };
    state.timer = setInterval(() => void runDrainer(state), opts.pollMs ?? 2000);
    state.timer.unref?.();
    await runDrainer(state);
  })();
}

export async function stopSearchDrainer(): Promise<void> {
  const state = globalForDrainer.__searchDrainer;
  if (!state) return;
  state.stopped = true;
  if (state.timer) clearInterval(state.timer);
  for (const k of state.kicks) clearTimeout(k);
  globalForDrainer.__searchDrainer = undefined;
  await state.running;
}

/** Runs the drainer soon, a few times, to catch the enqueuing transaction's commit. */
export function kickSearchDrainer(): void {
  const state = globalForDrainer.__searchDrainer;
  if (!state || state.stopped) return;
  if (state.kicks.length > 0) return; // the pending nudges will see this row too
  for (const delay of [30, 150, 400, 800]) {
    const t = setTimeout(() => {
      state.kicks = state.kicks.filter((k) => k !== t);
      if (!state.stopped) void runDrainer(state);
    }, delay);
    t.unref?.();
    state.kicks.push(t);
  }
}

/** Waits until the running drainer (if any) is idle; tests use it. */
export async function settleSearchDrainer(): Promise<void> {
  const state = globalForDrainer.__searchDrainer;
  while (state?.running) await state.running;
}
