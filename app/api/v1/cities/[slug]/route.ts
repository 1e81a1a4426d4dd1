import { getCityProfile } from "@/lib/cities/queries";
import { listCasesOfCity } from "@/lib/cases/queries";
import { jsonOk, notFoundJson } from "@/lib/api/responses";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const city = await getCityProfile((await params).slug);
  if (!city) return notFoundJson("city");
  const cases = await listCasesOfCity(city.id);
  const { id: _id, ...profile } = city;
  return jsonOk({
    city: {
      ...profile,
      cases: cases.map((c) => ({ slug: c.slug, title: c.title, summary: c.summary, language: c.language, sdgGoals: c.sdgGoals, publishedAt: c.publishedAt })),
    },
  });
}
