/**
 * Search parameters from a URL: the API's (`GET /api/v1/search`) and the search page's, one
 * parser. Repeated parameters are OR within a facet; different parameters are AND. A bad value
 * is reported with the parameter's name; nothing is guessed.
 */
import { z } from "zod";
import { STAKEHOLDER_TYPES } from "../cases/schemas";
import { BUDGET_BANDS, type BudgetBand } from "./document";
import { emptyFilters, MAX_PER_PAGE, SORTS, type SearchRequest } from "./engine";

export const API_PARAMETERS = [
  "q",
  "sdg",
  "target",
  "area",
  "region",
  "country",
  "city",
  "language",
  "year_from",
  "year_to",
  "budget_usd_min",
  "budget_usd_max",
  "stakeholder_type",
  "transferred",
  "sort",
  "page",
  "per_page",
] as const;
/** The page also filters by budget band (its facet); the API has the open USD range instead. */
export const PAGE_PARAMETERS = [...API_PARAMETERS, "budget_band"] as const;

export const DEFAULT_PER_PAGE = 20;
/** Deep pages cost a scan each; past this, narrow the search instead. */
export const MAX_PAGE = 500;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a slug such as seoul or urban-planning").max(120);
const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
const amount = z
  .string()
  .regex(/^\d+(\.\d+)?$/, "must be a non-negative number")
  .transform(Number)
  .pipe(z.number().max(1e15, "is too large"));

const repeated = {
  sdg: integer(1, 17),
  target: z.string().regex(/^(1[0-7]|[1-9])\.([0-9]{1,2}|[a-z])$/, "must be an SDG target such as 11.2 or 6.a"),
  area: slug,
  region: z.string().trim().min(1, "must not be empty").max(60, "is too long"),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "must be a two-letter country code such as KR")
    .transform((v) => v.toUpperCase()),
  city: slug,
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a language code such as en or ko"),
  stakeholder_type: z.enum(STAKEHOLDER_TYPES, { error: `must be one of ${STAKEHOLDER_TYPES.join(", ")}` }),
  budget_band: z.enum(BUDGET_BANDS.map((b) => b.key) as [BudgetBand, ...BudgetBand[]], {
    error: `must be one of ${BUDGET_BANDS.map((b) => b.key).join(", ")}`,
  }),
};
const single = {
  q: z.string().max(200, "must be at most 200 characters"),
  year_from: integer(1900, 2100),
  year_to: integer(1900, 2100),
  budget_usd_min: amount,
  budget_usd_max: amount,
  transferred: z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true"),
  sort: z.enum(SORTS, { error: `must be one of ${SORTS.join(", ")}` }),
  page: integer(1, MAX_PAGE),
  per_page: integer(1, MAX_PER_PAGE),
};

export type ParamError = { parameter: string; message: string };
export type ParsedSearch = { ok: true; request: SearchRequest } | { ok: false; error: ParamError };

export function parseSearchParams(params: URLSearchParams, opts: { allowed?: readonly string[] } = {}): ParsedSearch {
  const allowed = new Set(opts.allowed ?? API_PARAMETERS);
  for (const key of new Set(params.keys())) {
    if (!allowed.has(key)) return { ok: false, error: { parameter: key, message: `${key} is not a search parameter` } };
  }
  const values: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(repeated)) {
    const list: unknown[] = [];
    for (const raw of params.getAll(name)) {
      if (raw === "") continue; // an empty select in a plain form means "any"
      const r = (schema as z.ZodType).safeParse(raw);
      if (!r.success) return { ok: false, error: { parameter: name, message: `${name} ${r.error.issues[0]!.message}` } };
      if (!list.includes(r.data)) list.push(r.data);
    }
    values[name] = list;
  }
  for (const [name, schema] of Object.entries(single)) {
    const all = params.getAll(name);
    if (all.length > 1) return { ok: false, error: { parameter: name, message: `${name} may be given only once` } };
    if (all.length === 0 || (all[0] === "" && name !== "q")) continue;
    const r = (schema as z.ZodType).safeParse(all[0]);
    if (!r.success) return { ok: false, error: { parameter: name, message: `${name} ${r.error.issues[0]!.message}` } };
    values[name] = r.data;
  }
  const v = values as {
    q?: string;
    sdg: number[];
    target: string[];
    area: string[];
    region: string[];
    country: string[];
    city: string[];
    language: string[];
    stakeholder_type: string[];
    budget_band: BudgetBand[];
    year_from?: number;
    year_to?: number;
    budget_usd_min?: number;
    budget_usd_max?: number;
    transferred?: boolean;
    sort?: SearchRequest["sort"];
    page?: number;
    per_page?: number;
  };
  if (v.year_from !== undefined && v.year_to !== undefined && v.year_from > v.year_to)
    return { ok: false, error: { parameter: "year_to", message: "year_to must not be before year_from" } };
  if (v.budget_usd_min !== undefined && v.budget_usd_max !== undefined && v.budget_usd_min > v.budget_usd_max)
    return { ok: false, error: { parameter: "budget_usd_max", message: "budget_usd_max must not be below budget_usd_min" } };
  return {
    ok: true,
    request: {
      q: (v.q ?? "").trim(),
      filters: {
        ...emptyFilters(),
        sdg: v.sdg,
        target: v.target,
        area: v.area,
        region: v.region,
        country: v.country,
        city: v.city,
        language: v.language,
        stakeholderType: v.stakeholder_type,
        budgetBand: v.budget_band,
        yearFrom: v.year_from,
        yearTo: v.year_to,
        budgetUsdMin: v.budget_usd_min,
        budgetUsdMax: v.budget_usd_max,
        transferred: v.transferred,
      },
      sort: v.sort ?? "relevance",
      page: v.page ?? 1,
      perPage: v.per_page ?? DEFAULT_PER_PAGE,
    },
  };
}

/** The URL of a search state: the inverse of parseSearchParams (page links, facet links). */
export function searchParamsOf(req: SearchRequest): URLSearchParams {
  const p = new URLSearchParams();
  if (req.q) p.set("q", req.q);
  const f = req.filters;
  for (const v of f.sdg) p.append("sdg", String(v));
  for (const v of f.target) p.append("target", v);
  for (const v of f.area) p.append("area", v);
  for (const v of f.region) p.append("region", v);
  for (const v of f.country) p.append("country", v);
  for (const v of f.city) p.append("city", v);
  for (const v of f.language) p.append("language", v);
  for (const v of f.stakeholderType) p.append("stakeholder_type", v);
  for (const v of f.budgetBand) p.append("budget_band", v);
  if (f.yearFrom !== undefined) p.set("year_from", String(f.yearFrom));
  if (f.yearTo !== undefined) p.set("year_to", String(f.yearTo));
  if (f.budgetUsdMin !== undefined) p.set("budget_usd_min", String(f.budgetUsdMin));
  if (f.budgetUsdMax !== undefined) p.set("budget_usd_max", String(f.budgetUsdMax));
  if (f.transferred !== undefined) p.set("transferred", String(f.transferred));
  if (req.sort !== "relevance") p.set("sort", req.sort);
  if (req.page !== 1) p.set("page", String(req.page));
  if (req.perPage !== DEFAULT_PER_PAGE) p.set("per_page", String(req.perPage));
  return p;
}
