import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { listPublishedForFeeds } from "@/lib/cases/feed";
import { listCities } from "@/lib/cities/queries";
import { appUrl } from "@/lib/env";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const [cases, cities] = await Promise.all([listPublishedForFeeds(), listCities()]);
  return [
    { url: `${appUrl}/` },
    { url: `${appUrl}/search` },
    { url: `${appUrl}/sdgs` },
    ...Array.from({ length: 17 }, (_, i) => ({ url: `${appUrl}/sdgs/${i + 1}` })),
    { url: `${appUrl}/cities` },
    ...cities.map((c) => ({ url: `${appUrl}/cities/${c.slug}` })),
    ...cases.map((c) => ({ url: `${appUrl}/cases/${c.slug}`, lastModified: c.updatedAt })),
  ];
}
