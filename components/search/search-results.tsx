import Link from "next/link";
import type { SearchRequest, SearchResult } from "@/lib/search/engine";
import type { FacetLabels } from "@/lib/search/labels";
import { emptyFilters } from "@/lib/search/engine";
import { highlightSegments } from "@/lib/search/text";
import { formatNumber, languageName } from "@/lib/i18n/format";

/** Text with the query's words in <mark>; React escapes every segment, so markup shows as text. */
function Highlighted({ text, q }: { text: string; q: string }) {
  return (
    <>
      {highlightSegments(text, q).map((s, i) =>
        s.match ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-inherit">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

function activeFilterCount(req: SearchRequest): number {
  const f = req.filters;
  return (
    f.sdg.length + f.target.length + f.area.length + f.region.length + f.country.length + f.city.length +
    f.language.length + f.budgetBand.length + f.stakeholderType.length +
    [f.yearFrom, f.yearTo, f.budgetUsdMin, f.budgetUsdMax, f.transferred].filter((v) => v !== undefined).length
  );
}

const EXAMPLES = ["traffic congestion", "waste disposal", "smart city", "교통카드", "gestion des déchets", "pequeños negocios"];

export function SearchResults({
  request,
  result,
  labels,
  hrefOf,
}: {
  request: SearchRequest;
  result: SearchResult;
  labels: FacetLabels;
  hrefOf: (r: SearchRequest) => string;
}) {
  const pages = Math.max(1, Math.ceil(result.total / result.perPage));
  const filters = activeFilterCount(request);
  const first = (result.page - 1) * result.perPage + 1;
  const last = Math.min(result.total, result.page * result.perPage);
  return (
    <section aria-labelledby="results-heading" className="flex flex-col gap-4">
      <h2 id="results-heading" className="text-xl font-semibold" aria-live="polite">
        {result.total === 0
          ? "No cases found"
          : result.hits.length === 0
            ? `No results on page ${result.page}`
            : `${result.totalApproximate ? "About " : ""}${formatNumber(result.total)} ${result.total === 1 ? "case" : "cases"}${pages > 1 ? ` — showing ${first}–${last}` : ""}`}
      </h2>
      {result.corrections.length > 0 && (
        <p className="text-sm text-slate-700">
          Also searched for {result.corrections.map((c) => `“${c.to}” (for “${c.from}”)`).join(", ")}.
        </p>
      )}

      {result.total === 0 && (
        <div className="flex flex-col gap-3 rounded border border-slate-200 bg-slate-50 p-4" data-testid="empty-state">
          <p>
            Nothing matches {request.q ? <>“{request.q}”</> : "this search"}
            {filters > 0 ? ` with ${filters} ${filters === 1 ? "filter" : "filters"}` : ""}.
          </p>
          <ul className="list-disc pl-6">
            {filters > 0 && (
              <li>
                <Link href={hrefOf({ ...request, filters: emptyFilters(), page: 1 })}>Search all cases for these words</Link>{" "}
                without the filters.
              </li>
            )}
            {request.q && (
              <li>
                <Link href={hrefOf({ ...request, q: "", page: 1 })}>Keep the filters</Link> and drop the words.
              </li>
            )}
            <li>Try fewer or more general words, or the words of another language.</li>
            <li>
              Examples:{" "}
              {EXAMPLES.map((e, i) => (
                <span key={e}>
                  {i > 0 && ", "}
                  <Link href={hrefOf({ q: e, filters: emptyFilters(), sort: "relevance", page: 1, perPage: request.perPage })}>{e}</Link>
                </span>
              ))}
              .
            </li>
            <li>
              Or <Link href="/sdgs">browse by Sustainable Development Goal</Link>.
            </li>
          </ul>
        </div>
      )}
      {result.total > 0 && result.hits.length === 0 && (
        <p>
          <Link href={hrefOf({ ...request, page: 1 })}>Go to the first page</Link>.
        </p>
      )}

      <ol className="flex flex-col gap-4" aria-label="Results">
        {result.hits.map((h) => (
          <li key={h.id} className="rounded border border-slate-200 p-4">
            <article className="flex flex-col gap-1" lang={h.language}>
              <h3 className="text-lg font-semibold leading-snug">
                <Link href={`/cases/${h.slug}`}>
                  <Highlighted text={h.title} q={request.q} />
                </Link>
              </h3>
              <p className="text-sm text-slate-700" lang="en">
                {h.city.name}, {h.city.country}
                {h.language !== "en" && <> · {languageName(h.language)}</>}
                {h.startYear != null && <> · since {h.startYear}</>}
                {h.budgetUsd != null && <> · US${formatNumber(Math.round(h.budgetUsd))}</>}
                {h.transferred && <> · transferred to other cities</>}
              </p>
              <p className="text-sm text-slate-800">
                <Highlighted text={h.summary} q={request.q} />
              </p>
              <p className="text-xs text-slate-700" lang="en">
                {h.sdgGoals.map((g) => `SDG ${g}`).join(" · ")}
                {h.policyAreas.length > 0 && <> — {h.policyAreas.map((a) => labels("area", a)).join(", ")}</>}
              </p>
            </article>
          </li>
        ))}
      </ol>

      {pages > 1 && (
        <nav aria-label="Pages" className="flex flex-wrap items-center gap-2">
          {result.page > 1 && (
            <Link rel="prev" href={hrefOf({ ...request, page: result.page - 1 })} className="rounded border px-3 py-1">
              Previous
            </Link>
          )}
          {pageNumbers(result.page, pages, !result.totalApproximate).map((n, i) =>
            n === null ? (
              <span key={`gap-${i}`} aria-hidden="true">
                …
              </span>
            ) : n === result.page ? (
              <span key={n} aria-current="page" className="rounded bg-brand-700 px-3 py-1 font-semibold text-white">
                {n}
              </span>
            ) : (
              <Link key={n} href={hrefOf({ ...request, page: n })} className="rounded border px-3 py-1" aria-label={`Page ${n}`}>
                {n}
              </Link>
            ),
          )}
          {result.page < pages && (
            <Link rel="next" href={hrefOf({ ...request, page: result.page + 1 })} className="rounded border px-3 py-1">
              Next
            </Link>
          )}
        </nav>
      )}
      <p className="text-xs text-slate-600">
        {result.engine} search, {result.tookMs} ms
      </p>
    </section>
  );
}

/** 1 … 4 5 [6] 7 8 … 20. The last page is left out when the total is an estimate: it may not exist. */
function pageNumbers(current: number, total: number, withLast: boolean): (number | null)[] {
  const wanted = new Set(
    [1, ...(withLast ? [total] : []), current - 2, current - 1, current, current + 1, current + 2].filter(
      (n) => n >= 1 && n <= Math.min(total, 500),
    ),
  );
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) out.push(null);
    out.push(n);
  });
  return out;
}
