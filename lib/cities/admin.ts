/**
 * Creating and editing cities. Admins create; a city's admins and platform admins edit the
 * profile. One schema for the form and the server.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "../../db/client";
import { cities, CITY_KINDS } from "../../db/schema";
import { can, NotFoundError, type Actor } from "../auth/policy";
import { recordAuthEvent } from "../auth/audit";
import type { Failure, Ok } from "../auth/accounts";

const optionalNumber = (schema: z.ZodNumber) =>
  z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : Number(v.replace(/[\s,_]/g, ""))))
    .pipe(schema.nullable());

export const cityInputSchema = z.object({
  name: z.string().trim().min(1, "Enter the city's name.").max(200, "Use at most 200 characters."),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, like new-york."),
  countryCode: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "Use the two-letter ISO 3166 code, like KR."),
  country: z.string().trim().min(1, "Enter the country.").max(100),
  region: z.string().trim().min(1, "Enter the region, like Asia.").max(100),
  kind: z.enum(CITY_KINDS, "Choose a kind of government."),
  population: optionalNumber(z.number("Enter a number.").int("Enter a whole number.").min(0, "Population cannot be negative.")),
  description: z
    .string()
    .trim()
    .max(5000, "Use at most 5,000 characters.")
    .transform((v) => (v === "" ? null : v)),
});
export type CityInput = z.output<typeof cityInputSchema>;

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === "23505" || err?.cause?.code === "23505";
}

export async function createCity(actor: Actor, input: CityInput, ip: string): Promise<Ok<{ id: string }> | Failure<"slug_taken">> {
  if (!can(actor, "city.create")) throw new NotFoundError("This page");
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx.insert(cities).values(input).returning({ id: cities.id });
      await recordAuthEvent(tx, { action: "city.created", actorId: actor.id, ip, entityType: "city", entityId: row!.id, cityId: row!.id, data: { after: input } });
      return row!.id;
    });
    return { ok: true, id };
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, code: "slug_taken", message: "Another city already uses this web address (slug)." };
    throw e;
  }
}

export async function updateCity(actor: Actor, cityId: string, input: CityInput, ip: string): Promise<Ok | Failure<"slug_taken">> {
  if (!can(actor, "city.edit", { cityId })) throw new NotFoundError("This city");
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx
        .select({ name: cities.name, slug: cities.slug, countryCode: cities.countryCode, country: cities.country, region: cities.region, kind: cities.kind, population: cities.population, description: cities.description })
        .from(cities)
        .where(eq(cities.id, cityId))
        .for("update");
      if (!before) throw new NotFoundError("This city");
      await tx.update(cities).set({ ...input, updatedAt: new Date() }).where(eq(cities.id, cityId));
      await recordAuthEvent(tx, { action: "city.updated", actorId: actor.id, ip, entityType: "city", entityId: cityId, cityId, data: { before, after: input } });
      return { ok: true as const };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, code: "slug_taken", message: "Another city already uses this web address (slug)." };
    throw e;
  }
}

export async function getCityForEdit(actor: Actor, cityId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(cityId) || !can(actor, "city.edit", { cityId })) throw new NotFoundError("This city");
  const [city] = await db
    .select({ id: cities.id, name: cities.name, slug: cities.slug, countryCode: cities.countryCode, country: cities.country, region: cities.region, kind: cities.kind, population: cities.population, description: cities.description })
    .from(cities)
    .where(eq(cities.id, cityId));
  if (!city) throw new NotFoundError("This city");
  return city;
}
