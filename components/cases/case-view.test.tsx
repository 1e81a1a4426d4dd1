import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { getPublishedCase, withoutContactEmails } from "@/lib/cases/queries";
import { CaseView } from "./case-view";

describe("CaseView", () => {
  it("shows every kind of media item, videos only through the privacy-enhanced players", async () => {
    const item = await getPublishedCase("seoul-waterworks", { withContactEmails: false });
    const uploadId = "0b9c3f2e-1d2a-4c55-9a1e-2f3b4c5d6e7f";
    const html = renderToStaticMarkup(
      <CaseView
        item={{
          ...item!,
          media: [
            { kind: "image", uploadId, alt: "Arisu purification plant", caption: "The plant in 2016" },
            { kind: "document", uploadId, title: "Operations manual" },
            { kind: "video", url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", title: "Tour of the plant" },
            { kind: "video", url: "https://example.org/video.mp4", title: "Other host" },
          ],
        }}
      />,
    );
    expect(html).toContain(`<img src="/api/uploads/${uploadId}" alt="Arisu purification plant"`);
    expect(html).toContain("<figcaption");
    expect(html).toMatch(new RegExp(`<a href="/api/uploads/${uploadId}" download="">Operations manual`));
    expect(html).toContain('src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(html).not.toContain('src="https://example.org/video.mp4"');
    expect(html).toContain('href="https://example.org/video.mp4"');
  });

  it("shows the key facts of a seeded case and never a contact email it was not given", async () => {
    const item = await getPublishedCase("seoul-foreign-officials-internship-muap", { withContactEmails: true });
    const html = renderToStaticMarkup(
      <CaseView item={withoutContactEmails({ ...item!, contacts: [{ name: "Ms Park", email: "park@example.org" }] })} />,
    );
    expect(html).toContain("₩690,000,000");
    expect(html).toContain("International Relations Bureau");
    expect(html).toContain("Ms Park");
    expect(html).not.toContain("park@example.org");
  });
});
