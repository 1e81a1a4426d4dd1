/** Full rebuild of the search index from the database (npm run search:reindex, the bench). */
import { and, asc, eq, gt } from "drizzle-orm";
import type { Database } from "../../db/client";
import { policyCases } from "../../db/schema";
import { buildSearchDocuments, type SearchDocument } from "./document";
import type { SearchEngine } from "./engine";

async function* publishedDocuments(db: Database, batchSize: number, onBatch?: (n: number) => void): AsyncGenerator<SearchDocument[]> {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const ids = await db
      .select({ id: policyCases.id })
      .from(policyCases)
      .where(and(eq(policyCases.status, "published"), gt(policyCases.id, after)))
      .orderBy(asc(policyCases.id))
      .limit(batchSize);
    if (ids.length === 0) return;
    after = ids[ids.length - 1]!.id;
    const docs = await buildSearchDocuments(db, ids.map((r) => r.id));
    onBatch?.(docs.size);
    yield [...docs.values()];
  }
}

export async function reindexAll(
  db: Database,
  engine: SearchEngine,
  opts: { batchSize?: number; onBatch?: (n: number) => void } = {},
): Promise<{ documents: number; seconds: number }> {
  const started = performance.now();
  const { documents } = await engine.rebuild(publishedDocuments(db, opts.batchSize ?? 500, opts.onBatch));
  return { documents, seconds: (performance.now() - started) / 1000 };
}
