import { searchOutbox } from "../../db/schema";
import type { DbOrTx } from "../../db/client";

/**
 * Queues a search-index update. Call it inside the transaction that publishes, updates or
 * withdraws the case, so the index can never miss a committed change.
 */
export async function enqueueSearchUpdate(tx: DbOrTx, caseId: string, op: "upsert" | "remove"): Promise<void> {
  await tx.insert(searchOutbox).values({ caseId, op });
}
