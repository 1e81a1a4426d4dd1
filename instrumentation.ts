/**
 * Runs once when the server starts. The Node.js work lives in instrumentation-node.ts so the
 * Edge bundle of this file never sees Node-only APIs.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
