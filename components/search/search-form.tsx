import type { FacetCounts, SearchRequest } from "@/lib/search/engine";
import type { Facet } from "@/lib/search/document";
import type { FacetLabels } from "@/lib/search/labels";
import { DEFAULT_PER_PAGE } from "@/lib/search/params";
import { SearchEnhancements } from "./search-enhancements";

/** How many values a facet shows before "More"; the rest sit in a <details>, no script needed. */
const VISIBLE_VALUES = 8;

type CheckboxFacet = { facet: Facet; param: string; legend: string; selected: string[] };

function checkboxFacets(req: SearchRequest): CheckboxFacet[] {
  const f = req.filters;
  return [
    { facet: "sdg", param: "sdg", legend: "SDG goal", selected: f.sdg.map(String) },
    { facet: "target", param: "target", legend: "SDG target", selected: f.target },
    { facet: "area", param: "area", legend: "Policy area", selected: f.area },
    { facet: "region", param: "region", legend: "Region", selected: f.region },
    { facet: "country", param: "country", legend: "Country", selected: f.country },
    { facet: "city", param: "city", legend: "City", selected: f.city },
    { facet: "language", param: "language", legend: "Language", selected: f.language },
    { facet: "budgetBand", param: "budget_band", legend: "Budget (US$)", selected: f.budgetBand },
    { facet: "stakeholderType", param: "stakeholder_type", legend: "Stakeholders involved", selected: f.stakeholderType },
  ];
}

/** A facet count; an estimate (a very broad search counts a sample) says so, also to screen readers. */
export function FacetCount({ n, approximate }: { n: number; approximate: boolean }) {
  if (!approximate) return <>({n.toLocaleString("en")})</>;
  return (
    <>
      (<span aria-hidden="true">≈</span>
      <span className="sr-only">about </span>
      {n.toLocaleString("en")})
    </>
  );
}

function FacetCheckboxes({
  spec,
  counts,
  approximate,
  labels,
}: {
  spec: CheckboxFacet;
  counts: FacetCounts | null;
  approximate: boolean;
  labels: FacetLabels;
}) {
  const values = [...(counts?.[spec.facet] ?? [])];
  // A selected value stays visible (and checked) even when nothing matches it any more.
  for (const s of spec.selected) if (!values.some((v) => v.value === s)) values.push({ value: s, count: 0 });
  if (values.length === 0) return null;
  const item = (v: { value: string; count: number }) => {
    const id = `f-${spec.param}-${v.value}`.replace(/[^A-Za-z0-9_-]/g, "_");
    return (
      <li key={v.value} className="flex items-start gap-2">
        <input
          type="checkbox"
          id={id}
          name={spec.param}
          value={v.value}
          defaultChecked={spec.selected.includes(v.value)}
          className="mt-1 h-4 w-4"
          data-autosubmit
        />
        <label htmlFor={id} className="text-sm leading-6">
          {labels(spec.facet, v.value)}{" "}
          <span className="text-slate-700">
            <FacetCount n={v.count} approximate={approximate && v.count > 0} />
          </span>
        </label>
      </li>
    );
  };
  const first = values.slice(0, VISIBLE_VALUES);
  const rest = values.slice(VISIBLE_VALUES);
  return (
    <fieldset className="flex flex-col gap-1" data-facet={spec.facet}>
      <legend className="mb-1 font-semibold">{spec.legend}</legend>
      <ul className="flex flex-col gap-0.5">{first.map(item)}</ul>
      {rest.length > 0 && (
        <details open={rest.some((v) => spec.selected.includes(v.value))}>
          <summary className="cursor-pointer text-sm text-brand-700">{rest.length} more</summary>
          <ul className="mt-1 flex flex-col gap-0.5">{rest.map(item)}</ul>
        </details>
      )}
    </fieldset>
  );
}

/**
 * The whole search state is one plain GET form: it works without JavaScript (tick boxes, press
 * "Apply"), and the enhancements submit it on change and suggest as you type.
 */
export function SearchForm({
  request,
  facets,
  facetsApproximate = false,
  labels,
  children,
}: {
  request: SearchRequest;
  facets: FacetCounts | null;
  /** The counts are estimates from a sample of a very large match set. */
  facetsApproximate?: boolean;
  labels: FacetLabels;
  children?: React.ReactNode;
}) {
  const f = request.filters;
  const years = facets?.year ?? [];
  const transferred = facets?.transferred ?? [];
  const countOf = (v: string) => transferred.find((t) => t.value === v)?.count ?? 0;
  return (
    <form id="search-form" action="/search" method="get" role="search" aria-label="Search cases" className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <label htmlFor="search-q" className="font-semibold">
          Describe the problem or the policy
        </label>
        <div className="relative flex flex-wrap gap-2">
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={request.q}
            maxLength={200}
            autoComplete="off"
            placeholder="e.g. traffic congestion, tax collection is manual, 교통카드, gestion des déchets"
            className="min-w-0 flex-1 rounded border border-slate-500 px-3 py-2"
            aria-describedby="search-q-help"
          />
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            Search
          </button>
          <SearchEnhancements formId="search-form" inputId="search-q" />
        </div>
        <p id="search-q-help" className="text-sm text-slate-700">
          Any language. Put words in quotes for an exact phrase; a minus sign excludes a word.
        </p>
      </div>

      <div className="grid gap-8 md:grid-cols-[16rem_1fr]">
        <div className="flex flex-col gap-5">
          <h2 className="sr-only">Filters</h2>
          <div className="flex flex-col gap-1">
            <label htmlFor="search-sort" className="font-semibold">
              Sort by
            </label>
            <select id="search-sort" name="sort" defaultValue={request.sort} className="rounded border border-slate-500 px-2 py-1" data-autosubmit>
              <option value="relevance">Relevance</option>
              <option value="newest">Newest</option>
              <option value="budget">Largest budget</option>
            </select>
          </div>
          {request.perPage !== DEFAULT_PER_PAGE && <input type="hidden" name="per_page" value={request.perPage} />}
          {f.budgetUsdMin !== undefined && <input type="hidden" name="budget_usd_min" value={f.budgetUsdMin} />}
          {f.budgetUsdMax !== undefined && <input type="hidden" name="budget_usd_max" value={f.budgetUsdMax} />}
          {checkboxFacets(request).map((spec) => (
            <FacetCheckboxes key={spec.param} spec={spec} counts={facets} approximate={facetsApproximate} labels={labels} />
          ))}
          {facetsApproximate && (
            <p className="text-sm text-slate-700">
              Counts marked ≈ are estimated from a sample of the matches; narrow the search for exact counts.
            </p>
          )}

          <fieldset className="flex flex-col gap-1" data-facet="year">
            <legend className="mb-1 font-semibold">Start year</legend>
            <div className="flex items-center gap-2">
              <label htmlFor="year-from" className="text-sm">
                From
              </label>
              <input id="year-from" name="year_from" type="number" min={1900} max={2100} defaultValue={f.yearFrom} className="w-20 rounded border border-slate-500 px-1" />
              <label htmlFor="year-to" className="text-sm">
                to
              </label>
              <input id="year-to" name="year_to" type="number" min={1900} max={2100} defaultValue={f.yearTo} className="w-20 rounded border border-slate-500 px-1" />
            </div>
            {years.length > 0 && (
              <p className="text-sm text-slate-700">
                {[...years]
                  .sort((a, b) => Number(b.value) - Number(a.value))
                  .slice(0, 12)
                  .map((y) => `${y.value} (${facetsApproximate ? "≈" : ""}${y.count.toLocaleString("en")})`)
                  .join(" · ")}
              </p>
            )}
          </fieldset>

          <fieldset className="flex flex-col gap-1" data-facet="transferred">
            <legend className="mb-1 font-semibold">Has been transferred</legend>
            {(
              [
                ["", "Any", countOf("true") + countOf("false")],
                ["true", "Adopted or studied by another city", countOf("true")],
                ["false", "Not yet", countOf("false")],
              ] as const
            ).map(([value, label, count]) => (
              <div key={value} className="flex items-start gap-2">
                <input
                  type="radio"
                  id={`transferred-${value || "any"}`}
                  name="transferred"
                  value={value}
                  defaultChecked={(f.transferred === undefined ? "" : String(f.transferred)) === value}
                  className="mt-1 h-4 w-4"
                  data-autosubmit
                />
                <label htmlFor={`transferred-${value || "any"}`} className="text-sm leading-6">
                  {label}{" "}
                  <span className="text-slate-700">
                    <FacetCount n={count} approximate={facetsApproximate && count > 0} />
                  </span>
                </label>
              </div>
            ))}
          </fieldset>

          <button type="submit" className="self-start rounded border border-brand-700 px-3 py-1 font-semibold text-brand-700 hover:bg-brand-50">
            Apply filters
          </button>
        </div>
        <div className="min-w-0">{children}</div>
      </div>
    </form>
  );
}
