import { describe, test } from "vitest";
import { describeSearchEngineBehaviour } from "./engine.behaviour";
import { env } from "../env";

if (env.MEILI_HOST) {
  const host = env.MEILI_HOST;
  describeSearchEngineBehaviour("meilisearch", async () => {
    const { createMeilisearchEngine } = await import("./meilisearch");
    // A fresh index per run, so the suite never touches a deployment's data.
    return createMeilisearchEngine({ host, apiKey: env.MEILI_API_KEY, index: `test_${process.pid}_${Date.now()}` });
  });
} else {
  console.log("Skipping the Meilisearch behavioural suite: MEILI_HOST is not set (no Meilisearch server on this machine).");
  describe.skip("search engine behaviour: meilisearch (MEILI_HOST not set)", () => {
    test("runs only against a real Meilisearch server", () => {});
  });
}
