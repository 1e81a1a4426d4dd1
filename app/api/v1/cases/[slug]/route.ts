import { getPublishedCase } from "@/lib/cases/queries";
import { caseToApi } from "@/lib/cases/api";
import { jsonOk, notFoundJson } from "@/lib/api/responses";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const item = await getPublishedCase((await params).slug, { withContactEmails: false });
  if (!item) return notFoundJson("case");
  return jsonOk({ case: caseToApi(item) });
}
