import { listCities } from "@/lib/cities/queries";
import { jsonOk } from "@/lib/api/responses";

export async function GET() {
  const cities = await listCities();
  return jsonOk({ cities, total: cities.length });
}
