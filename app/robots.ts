import type { MetadataRoute } from "next";
import { appUrl } from "@/lib/env";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/studio", "/moderation", "/admin", "/account", "/api/"] },
    sitemap: `${appUrl}/sitemap.xml`,
  };
}
