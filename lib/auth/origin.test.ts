import { describe, expect, it } from "vitest";
import { isCrossOriginWrite } from "./origin";

const allowed = ["https://cases.example.org"];
const h = (init: Record<string, string>) => new Headers(init);

describe("the cross-origin write wall", () => {
  it("lets reads through whatever their origin", () => {
    expect(isCrossOriginWrite("GET", h({ origin: "https://evil.example" }), allowed)).toBe(false);
    expect(isCrossOriginWrite("HEAD", h({ origin: "null" }), allowed)).toBe(false);
  });

  it("accepts writes from the site itself (configured origin, or the Host it was sent to)", () => {
    expect(isCrossOriginWrite("POST", h({ origin: "https://cases.example.org", host: "internal:3000" }), allowed)).toBe(false);
    expect(isCrossOriginWrite("POST", h({ origin: "http://localhost:3201", host: "localhost:3201" }), allowed)).toBe(false);
    expect(isCrossOriginWrite("POST", h({ "sec-fetch-site": "same-origin" }), allowed)).toBe(false);
  });

  it("refuses writes from another origin, from the opaque null origin, and from a garbled one", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(isCrossOriginWrite(method, h({ origin: "https://evil.example", host: "cases.example.org" }), allowed)).toBe(true);
      expect(isCrossOriginWrite(method, h({ origin: "null", host: "cases.example.org" }), allowed)).toBe(true);
    }
    expect(isCrossOriginWrite("POST", h({ origin: "not a url", host: "cases.example.org" }), allowed)).toBe(true);
    // Same host name, other port or scheme: another origin.
    expect(isCrossOriginWrite("POST", h({ origin: "http://localhost:9999", host: "localhost:3201" }), allowed)).toBe(true);
  });

  it("refuses a write without Origin when the browser says it is cross-site", () => {
    expect(isCrossOriginWrite("POST", h({ "sec-fetch-site": "cross-site" }), allowed)).toBe(true);
    expect(isCrossOriginWrite("POST", h({ "sec-fetch-site": "same-site" }), allowed)).toBe(true);
    // No browser headers at all (curl, server-to-server): nothing ambient to forge.
    expect(isCrossOriginWrite("POST", h({}), allowed)).toBe(false);
  });
});
