/** Creating and editing cities: who may, what the form accepts, and the audit trail. */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { auditEvents, cities, users } from "../../db/schema";
import { loadActor } from "../auth/actor";
import { NotFoundError, type Actor } from "../auth/policy";
import { cityInputSchema, createCity, getCityForEdit, updateCity } from "./admin";

const IP = "192.0.2.40";
let admin: Actor;
let seoulAdmin: Actor;
let seoulId: string;
let bangkokId: string;

const form = (over: Record<string, string> = {}) =>
  cityInputSchema.parse({
    name: "Darkhan",
    slug: "Darkhan",
    countryCode: "mn",
    country: "Mongolia",
    region: "Asia",
    kind: "city",
    population: "74,738",
    description: "",
    ...over,
  });

beforeAll(async () => {
  const actor = async (email: string) => {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(row!.id))!;
  };
  admin = await actor("admin@example.org");
  seoulAdmin = await actor("seoul.admin@example.org");
  const ids = await db.select({ id: cities.id, slug: cities.slug }).from(cities);
  seoulId = ids.find((c) => c.slug === "seoul")!.id;
  bangkokId = ids.find((c) => c.slug === "bangkok")!.id;
});

describe("city administration", () => {
  it("normalises the form and explains what is wrong in plain words", () => {
    expect(form()).toMatchObject({ slug: "darkhan", countryCode: "MN", population: 74738, description: null });
    const bad = cityInputSchema.safeParse({ name: "", slug: "Not a slug!", countryCode: "MNG", country: "M", region: "Asia", kind: "village", population: "-3", description: "" });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(messages).toMatchObject({
      name: "Enter the city's name.",
      slug: expect.stringContaining("lower-case letters"),
      countryCode: expect.stringContaining("two-letter"),
      kind: "Choose a kind of government.",
      population: "Population cannot be negative.",
    });
  });

  it("lets a platform admin create a city, once per slug, with an audit entry", async () => {
    await expect(createCity(seoulAdmin, form(), IP)).rejects.toBeInstanceOf(NotFoundError);
    const created = await createCity(admin, form(), IP);
    expect(created.ok).toBe(true);
    const again = await createCity(admin, form({ name: "Darkhan again" }), IP);
    expect(again).toMatchObject({ ok: false, code: "slug_taken" });
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "city.created"), eq(auditEvents.actorIp, IP)));
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ after: { slug: "darkhan", name: "Darkhan" } });
  });

  it("lets a city admin edit their own city, and no other", async () => {
    const seoul = await getCityForEdit(seoulAdmin, seoulId);
    const input = cityInputSchema.parse({ ...seoul, population: String(seoul.population ?? ""), description: "Capital of Korea" });
    expect(await updateCity(seoulAdmin, seoulId, input, IP)).toEqual({ ok: true });
    const [after] = await db.select({ description: cities.description }).from(cities).where(eq(cities.id, seoulId));
    expect(after!.description).toBe("Capital of Korea");
    await expect(getCityForEdit(seoulAdmin, bangkokId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateCity(seoulAdmin, bangkokId, input, IP)).rejects.toBeInstanceOf(NotFoundError);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "city.updated"), eq(auditEvents.entityId, seoulId)));
    expect(event!.data).toMatchObject({ before: { slug: "seoul" }, after: { description: "Capital of Korea" } });
  });
});
