/**
 * `npm run bench:search -- --cases N [--json FILE] [--queries K] [--keep]`
 *
 * A benchmark, not a test: generates a realistic corpus of N published cases (default 100,000;
 * varied languages, SDGs, areas, cities, budgets, years, stakeholders, transfers) in a scratch
 * database of its own — a fresh PGlite folder under /tmp, or, when DATABASE_URL is set, a fresh
 * database on that PostgreSQL server — indexes it with the configured engine (postgres unless
 * MEILI_HOST is set), runs a fixed mixed workload and prints p50/p95/p99 server time per query
 * kind (time inside engine.search, facets included, as the API calls it), index size and load time.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "../db/client";
import { runMigrations } from "../db/migrate";
import { seedReferenceData } from "../db/seed";
import { caseRevisions, cities, policyAreas, policyCases, sdgTargets, transfers } from "../db/schema";
import { emptyFilters, type SearchEngine, type SearchFilters, type SearchRequest } from "../lib/search/engine";
import { createPostgresEngine } from "../lib/search/postgres";
import { reindexAll } from "../lib/search/reindex";
import { env } from "../lib/env";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const CASES = Number(arg("cases") ?? 100_000);
const JSON_FILE = arg("json");
// 200 queries a kind: the p95 is then the 190th time, not the 57th of 60, which one slow moment moved.
const QUERIES_PER_KIND = Number(arg("queries") ?? 200);
const KEEP = process.argv.includes("--keep");
if (!Number.isInteger(CASES) || CASES < 1) throw new Error("--cases must be a positive whole number");

// Deterministic pseudo-random numbers (mulberry32), so two runs index the same corpus.
let seed = 20261123;
function random(): number {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const some = <T,>(list: readonly T[], min: number, max: number): T[] => {
  const n = min + Math.floor(random() * (max - min + 1));
  return [...new Set(Array.from({ length: n }, () => pick(list)))];
};

type Topic = { areas: string[]; goals: number[]; words: Record<string, string[]> };
const TOPICS: Topic[] = [
  {
    areas: ["transportation", "urban-railway"],
    goals: [11, 9],
    words: {
      en: ["public transport", "bus rapid transit", "traffic congestion", "fare card", "transportation card", "metro line", "traffic signals", "cycling lanes", "parking management", "intelligent transportation system", "road safety"],
      es: ["transporte público", "congestión del tráfico", "tarjeta de transporte", "carriles para bicicletas", "metro", "seguridad vial"],
      fr: ["transports en commun", "congestion du trafic", "carte de transport", "pistes cyclables", "métro", "sécurité routière"],
      ko: ["대중교통", "교통카드", "교통 혼잡", "버스 전용차로", "지하철", "교통안전", "자전거 도로"],
      pt: ["transporte público", "congestionamento", "cartão de transporte", "ciclovias"],
    },
  },
  {
    areas: ["waste", "environment"],
    goals: [12, 11],
    words: {
      en: ["waste collection", "recycling", "solid waste", "landfill", "composting", "waste disposal", "resource recovery", "plastic reduction"],
      es: ["gestión de residuos", "reciclaje", "residuos sólidos", "compostaje", "vertedero"],
      fr: ["gestion des déchets", "recyclage", "déchets solides", "compostage", "décharge"],
      ko: ["폐기물 관리", "재활용", "쓰레기 수거", "자원회수", "음식물 쓰레기"],
      pt: ["gestão de resíduos", "reciclagem", "coleta seletiva"],
    },
  },
  {
    areas: ["water"],
    goals: [6],
    words: {
      en: ["water supply", "water quality", "leakage reduction", "wastewater treatment", "stormwater", "drinking water"],
      es: ["abastecimiento de agua", "calidad del agua", "aguas residuales"],
      fr: ["approvisionnement en eau", "qualité de l'eau", "eaux usées"],
      ko: ["상수도", "수질 관리", "누수 감소", "하수 처리"],
      pt: ["abastecimento de água", "qualidade da água"],
    },
  },
  {
    areas: ["energy", "environment"],
    goals: [7, 13],
    words: {
      en: ["energy efficiency", "solar panels", "LED streetlights", "building retrofits", "renewable energy", "district heating", "carbon emissions"],
      es: ["eficiencia energética", "paneles solares", "energía renovable", "emisiones de carbono"],
      fr: ["efficacité énergétique", "panneaux solaires", "énergie renouvelable", "émissions de carbone"],
      ko: ["에너지 효율", "태양광", "신재생 에너지", "온실가스 감축"],
      pt: ["eficiência energética", "energia solar"],
    },
  },
  {
    areas: ["e-government", "data-smart-city"],
    goals: [16, 9],
    words: {
      en: ["tax administration", "online services", "open data", "digital identity", "manual tax collection", "e-procurement", "civil complaints", "big data", "smart city platform"],
      es: ["administración tributaria", "servicios en línea", "datos abiertos", "ciudad inteligente"],
      fr: ["administration fiscale", "services en ligne", "données ouvertes", "ville intelligente"],
      ko: ["전자정부", "지방세", "공공데이터", "스마트시티", "민원 처리", "빅데이터"],
      pt: ["administração tributária", "dados abertos", "cidade inteligente"],
    },
  },
  {
    areas: ["housing", "urban-planning"],
    goals: [11, 1],
    words: {
      en: ["affordable housing", "urban regeneration", "informal settlements", "master plan", "land use", "public housing"],
      es: ["vivienda asequible", "regeneración urbana", "asentamientos informales"],
      fr: ["logement abordable", "renouvellement urbain", "habitat informel"],
      ko: ["공공주택", "도시재생", "도시계획", "주거 복지"],
      pt: ["habitação acessível", "regeneração urbana"],
    },
  },
  {
    areas: ["safety-disaster"],
    goals: [11, 13],
    words: {
      en: ["flood warning", "fire emergency", "disaster response", "earthquake preparedness", "emergency call centre"],
      es: ["alerta de inundaciones", "respuesta a desastres", "emergencias"],
      fr: ["alerte aux inondations", "gestion des catastrophes", "urgences"],
      ko: ["재난 대응", "홍수 경보", "119 구급", "소방"],
      pt: ["alerta de enchentes", "resposta a desastres"],
    },
  },
  {
    areas: ["welfare-health", "economy-jobs"],
    goals: [3, 8, 10],
    words: {
      en: ["community health", "elderly care", "small business", "job training", "sharing economy", "social enterprise", "school meals"],
      es: ["salud comunitaria", "pequeños negocios", "economía colaborativa", "empleo juvenil"],
      fr: ["santé communautaire", "petites entreprises", "économie du partage", "emploi des jeunes"],
      ko: ["공유경제", "사회적기업", "소상공인", "노인 돌봄", "일자리"],
      pt: ["saúde comunitária", "pequenos negócios", "economia compartilhada"],
    },
  },
  {
    areas: ["governance-participation", "education-capacity", "international-cooperation"],
    goals: [16, 17, 4],
    words: {
      en: ["citizen participation", "participatory budgeting", "capacity building", "policy transfer", "training programme", "knowledge sharing"],
      es: ["participación ciudadana", "presupuesto participativo", "fortalecimiento de capacidades"],
      fr: ["participation citoyenne", "budget participatif", "renforcement des capacités"],
      ko: ["시민참여", "주민참여예산", "역량 강화", "정책 공유"],
      pt: ["participação cidadã", "orçamento participativo"],
    },
  },
];
const CONNECT: Record<string, string[]> = {
  en: ["The city introduced", "A pilot of", "The programme combined", "Officials expanded", "Residents asked for", "The department evaluated", "Partners financed", "The project reduced costs through"],
  es: ["La ciudad puso en marcha", "Un programa piloto de", "El gobierno local amplió", "Los vecinos pidieron"],
  fr: ["La ville a lancé", "Un projet pilote de", "La municipalité a étendu", "Les habitants ont demandé"],
  ko: ["서울시는", "시범 사업으로", "시민들은", "구청은", "협력 기관과 함께"],
  pt: ["A cidade lançou", "Um projeto piloto de", "A prefeitura ampliou"],
};
const FILLER: Record<string, string[]> = {
  en: ["to improve services", "for residents", "across districts", "with measurable results", "within the budget", "over three years", "in partnership with universities", "and published the data"],
  es: ["para mejorar los servicios", "en todos los barrios", "con resultados medibles"],
  fr: ["pour améliorer les services", "dans tous les quartiers", "avec des résultats mesurables"],
  ko: ["서비스를 개선했다", "모든 자치구에서", "성과를 측정했다", "예산 안에서"],
  pt: ["para melhorar os serviços", "em todos os bairros"],
};
const LANGUAGES = [...Array(55).fill("en"), ...Array(12).fill("es"), ...Array(10).fill("fr"), ...Array(13).fill("ko"), ...Array(10).fill("pt")] as string[];
const STAKEHOLDERS = ["government", "public-enterprise", "private", "civil-society", "academia", "international-organisation", "citizens"] as const;

function sentence(lang: string, topic: Topic): string {
  const words = topic.words[lang] ?? topic.words.en!;
  return `${pick(CONNECT[lang]!)} ${pick(words)} ${pick(FILLER[lang]!)}${lang === "ko" ? "" : ` and ${pick(words)}`}.`;
}

async function scratchDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void>; where: string }> {
  if (env.DATABASE_URL) {
    const name = `bench_search_${process.pid}`;
    const admin = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(env.DATABASE_URL);
    url.pathname = `/${name}`;
    const handle = openDatabase({ databaseUrl: url.toString(), pgliteDir: "" });
    return {
      handle,
      where: `PostgreSQL database ${name}`,
      drop: async () => {
        await handle.close();
        if (!KEEP) await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end({ timeout: 5 });
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-search-"));
  const handle = openDatabase({ pgliteDir: dir });
  return {
    handle,
    where: `PGlite folder ${dir}`,
    drop: async () => {
      await handle.close();
      if (!KEEP) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function generate(handle: DatabaseHandle): Promise<void> {
  const db = handle.db;
  const cityRows = await db.select({ id: cities.id }).from(cities);
  const targetRows = await db.select({ code: sdgTargets.code, goal: sdgTargets.goal }).from(sdgTargets);
  const areaKeys = new Set((await db.select({ key: policyAreas.key }).from(policyAreas)).map((a) => a.key));
  const targetsByGoal = new Map<number, string[]>();
  for (const t of targetRows) targetsByGoal.set(t.goal, [...(targetsByGoal.get(t.goal) ?? []), t.code]);
  const BATCH = 500;
  const started = Date.now();
  for (let from = 0; from < CASES; from += BATCH) {
    const caseValues: (typeof policyCases.$inferInsert)[] = [];
    const revisionValues: (typeof caseRevisions.$inferInsert)[] = [];
    const transferValues: (typeof transfers.$inferInsert)[] = [];
    for (let i = from; i < Math.min(CASES, from + BATCH); i++) {
      const id = randomUUID();
      const revisionId = randomUUID();
      const lang = pick(LANGUAGES);
      const topics = some(TOPICS, 1, 2);
      const main = topics[0]!;
      const words = main.words[lang] ?? main.words.en!;
      const goals = [...new Set(topics.flatMap((t) => some(t.goals, 1, 2)))].sort((a, b) => a - b);
      const targets = [...new Set(goals.flatMap((g) => some(targetsByGoal.get(g) ?? [], 0, 2)))];
      const areas = [...new Set(topics.flatMap((t) => some(t.areas, 1, 2)))].filter((a) => areaKeys.has(a));
      const year = 1995 + Math.floor(random() * 31);
      const budget = random() < 0.3 ? null : Math.round(10 ** (4 + random() * 4.7));
      const publishedAt = new Date(Date.UTC(2016, 0, 1) + Math.floor(random() * 10 * 365 * 86400_000));
      const title = `${pick(words)}: ${pick(words)} ${lang === "ko" ? "사례" : lang === "en" ? "case" : ""} ${i}`.slice(0, 200);
      const summary = [sentence(lang, main), sentence(lang, pick(topics)), sentence(lang, main)].join(" ").slice(0, 600);
      const body = Array.from({ length: 8 }, () => sentence(lang, pick(topics))).join(" ");
      caseValues.push({ id, slug: `bench-case-${i}`, cityId: pick(cityRows).id, status: "draft", publishedAt, createdAt: publishedAt });
      revisionValues.push({
        id: revisionId,
        caseId: id,
        number: 1,
        status: "approved",
        title,
        summary,
        language: lang,
        sdgGoals: goals,
        sdgTargets: targets,
        policyAreas: areas.length ? areas : ["urban-planning"],
        tags: some(words, 1, 3),
        sections: { background: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: body }] }] } },
        budgetAmount: budget,
        budgetCurrency: budget == null ? null : "USD",
        budgetUsd: budget,
        timelineStart: String(year),
        startYear: year,
        stakeholders: some(STAKEHOLDERS, 1, 3).map((type, k) => ({ name: `Partner ${k + 1} of case ${i}`, type, role: "" })),
        translations: random() < 0.1 && lang !== "en" ? { en: { title: `${pick(main.words.en!)} case ${i}`, summary: sentence("en", main) } } : {},
      });
      if (random() < 0.1) {
        for (const c of some(cityRows, 1, 2))
          transferValues.push({ caseId: id, adoptingCityId: c.id, kind: "consulting", year: 2016 + Math.floor(random() * 9), status: "completed" });
      }
    }
    await db.transaction(async (tx) => {
      await tx.insert(policyCases).values(caseValues);
      await tx.insert(caseRevisions).values(revisionValues);
      if (transferValues.length) await tx.insert(transfers).values(transferValues).onConflictDoNothing();
      await tx.execute(sql`update policy_cases p set status = 'published', published_revision_id = r.id
                             from case_revisions r
                            where r.case_id = p.id and r.id = any(${sql`array[${sql.join(revisionValues.map((r) => sql`${r.id}`), sql`, `)}]::uuid[]`})`);
    });
    if ((from / BATCH) % 20 === 0) process.stdout.write(`\rGenerated ${Math.min(CASES, from + BATCH)} / ${CASES} cases (${((Date.now() - started) / 1000).toFixed(0)} s)…`);
  }
  process.stdout.write(`\rGenerated ${CASES} cases in ${((Date.now() - started) / 1000).toFixed(1)} s.            \n`);
}

type Kind = "single_word" | "phrase" | "typo" | "korean" | "filters_only" | "filters_text" | "deep_page" | "suggest_prefix";

function workload(kind: Kind, i: number): SearchRequest {
  const base: SearchRequest = { q: "", filters: emptyFilters(), sort: "relevance", page: 1, perPage: 20, withFacets: true };
  const filters = (): SearchFilters => {
    const f = emptyFilters();
    const choice = i % 5;
    if (choice === 0) f.sdg = [pick([11, 6, 7, 12, 16])];
    if (choice === 1) f.area = [pick(["transportation", "waste", "water", "housing", "e-government"])];
    if (choice === 2) {
      f.region = [pick(["Asia", "Europe", "Americas", "Africa"])];
      f.budgetBand = ["1m-10m"];
    }
    if (choice === 3) {
      f.yearFrom = 2010;
      f.yearTo = 2020;
      f.transferred = true;
    }
    if (choice === 4) {
      f.sdg = [11, 13];
      f.stakeholderType = ["citizens"];
      f.language = ["en", "es"];
    }
    return f;
  };
  switch (kind) {
    case "single_word":
      return { ...base, q: pick(["recycling", "transport", "housing", "water", "energy", "participation", "congestion", "reciclaje", "déchets", "budget"]) };
    case "phrase":
      return { ...base, q: pick(['"public transport"', '"waste collection"', '"affordable housing"', '"open data"', "traffic congestion", "tax collection is manual", '"gestion des déchets"']) };
    case "typo":
      return { ...base, q: pick(["transprot", "congestoin", "recyling", "goverment servises", "housng", "enviroment", "particpation"]) };
    case "korean":
      return { ...base, q: pick(["교통카드", "재활용", "공유경제", "시민참여", "상수도", "교통 혼잡", "도시재생"]) };
    case "filters_only":
      return { ...base, filters: filters(), sort: pick(["relevance", "newest", "budget"] as const) };
    case "filters_text":
      return { ...base, q: pick(["transport", "recycling", "water supply", "open data", "participation"]), filters: filters() };
    case "deep_page":
      return { ...base, q: pick(["", "transport", "waste"]), page: 50 + Math.floor(random() * 200), sort: pick(["relevance", "newest"] as const) };
    case "suggest_prefix":
      return { ...base, q: pick(["transp", "recyc", "afford", "water su", "open da"]), prefix: true, perPage: 5, withFacets: false };
  }
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[i]! * 10) / 10;
}

async function main() {
  const { handle, drop, where } = await scratchDatabase();
  console.log(`Scratch database: ${where}`);
  try {
    await runMigrations(handle);
    await seedReferenceData(handle.db);
    await generate(handle);

    let engine: SearchEngine;
    if (env.MEILI_HOST) {
      const { createMeilisearchEngine } = await import("../lib/search/meilisearch");
      engine = await createMeilisearchEngine({ host: env.MEILI_HOST, apiKey: env.MEILI_API_KEY, index: `bench_${process.pid}` });
    } else {
      engine = createPostgresEngine(handle.db, { textSearchDb: handle.textSearchDb });
    }
    let indexed = 0;
    const load = await reindexAll(handle.db, engine, {
      batchSize: 250,
      onBatch: (n) => {
        indexed += n;
        if (indexed % 5000 < 250) process.stdout.write(`\rIndexed ${indexed} / ${CASES}…`);
      },
    });
    process.stdout.write(`\rIndexed ${load.documents} cases in ${load.seconds.toFixed(1)} s.          \n`);
    // The steady state of a live index: autovacuum (PostgreSQL) or the drainer (PGlite) has
    // vacuumed it, so its visibility map is set and dead row versions are gone. The whole scratch
    // database is vacuumed and checkpointed, not the index alone: otherwise the aftermath of
    // writing 100,000 cases (autovacuum of the case tables, a checkpoint writing their pages)
    // runs in the background at a random moment of the measurement, on the same two cores.
    if (engine.name === "postgres") {
      await handle.db.execute(sql`vacuum analyze`);
      await handle.db.execute(sql`checkpoint`).catch((e) => console.log(`No checkpoint before measuring (${e instanceof Error ? e.message : e}).`));
    }

    let indexBytes: number | null = null;
    if (engine.name === "postgres") {
      const r = (await handle.db.execute(
        sql`select pg_total_relation_size('search_documents') + pg_total_relation_size('search_terms') as bytes`,
      )) as unknown;
      const row = (Array.isArray(r) ? r[0] : (r as { rows: Record<string, unknown>[] }).rows[0]) as { bytes: string | number };
      indexBytes = Number(row.bytes);
    }

    const kinds: Kind[] = ["single_word", "phrase", "typo", "korean", "filters_only", "filters_text", "deep_page", "suggest_prefix"];
    // Warm-up: first queries pay for plan caching and cold pages.
    for (const kind of kinds) for (let i = 0; i < 3; i++) await engine.search(workload(kind, i));
    const results: Record<string, { p50: number; p95: number; p99: number; mean: number; meanHits: number }> = {};
    for (const kind of kinds) {
      const times: number[] = [];
      let hits = 0;
      for (let i = 0; i < QUERIES_PER_KIND; i++) {
        const req = workload(kind, i);
        const t0 = performance.now();
        const r = await engine.search(req);
        times.push(performance.now() - t0);
        hits += r.total;
      }
      times.sort((a, b) => a - b);
      results[kind] = {
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        p99: percentile(times, 99),
        mean: Math.round((times.reduce((a, b) => a + b, 0) / times.length) * 10) / 10,
        meanHits: Math.round(hits / QUERIES_PER_KIND),
      };
    }

    console.log(`\n${engine.name} engine on ${handle.driver}, ${CASES} published cases, ${QUERIES_PER_KIND} queries per kind`);
    console.log(`Load (index build) ${load.seconds.toFixed(1)} s${indexBytes != null ? `, index size ${(indexBytes / 1024 / 1024).toFixed(1)} MiB` : ""}`);
    console.log("kind              p50 ms   p95 ms   p99 ms   mean hits");
    for (const [kind, r] of Object.entries(results))
      console.log(`${kind.padEnd(16)} ${String(r.p50).padStart(7)} ${String(r.p95).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.meanHits).padStart(11)}`);

    if (JSON_FILE) {
      const out = {
        cases: CASES,
        engine: engine.name,
        database: handle.driver,
        loadSeconds: Math.round(load.seconds * 10) / 10,
        indexBytes,
        queriesPerKind: QUERIES_PER_KIND,
        kinds: Object.fromEntries(Object.entries(results).map(([k, r]) => [k, { p50: r.p50, p95: r.p95, p99: r.p99 }])),
        machine: { cpus: os.cpus().length, node: process.version },
        at: new Date().toISOString(),
      };
      fs.writeFileSync(JSON_FILE, `${JSON.stringify(out, null, 2)}\n`);
      console.log(`Wrote ${JSON_FILE}`);
    }
  } finally {
    await drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
