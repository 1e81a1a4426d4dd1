import { listPublishedForFeeds } from "@/lib/cases/feed";
import { appUrl } from "@/lib/env";

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);

/** An Atom feed of the newest published cases. */
export async function GET() {
  const cases = await listPublishedForFeeds(50);
  const updated = (cases[0]?.updatedAt ?? new Date()).toISOString();
  const entries = cases
    .map(
      (c) => `  <entry>
    <id>${appUrl}/cases/${escapeXml(c.slug)}</id>
    <title>${escapeXml(c.title)}</title>
    <link href="${appUrl}/cases/${escapeXml(c.slug)}"/>
    <updated>${(c.updatedAt ?? c.publishedAt ?? new Date()).toISOString()}</updated>
    <author><name>${escapeXml(c.cityName)}</name></author>
    <summary xml:lang="${escapeXml(c.language)}">${escapeXml(c.summary)}</summary>
  </entry>`,
    )
    .join("\n");
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${appUrl}/feed.xml</id>
  <title>Urban Policy Knowledge Platform — newest cases</title>
  <link rel="self" href="${appUrl}/feed.xml"/>
  <link href="${appUrl}/"/>
  <updated>${updated}</updated>
${entries}
</feed>
`;
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
