import { Field, SelectField } from "./form";
import { CITY_KINDS } from "@/db/schema/cities";

type CityValues = { name: string; slug: string; countryCode: string; country: string; region: string; kind: string; population: number | null; description: string | null };

/** The fields of the city form, shared by create and edit (inside an ActionForm). */
export function CityFields({ city }: { city?: CityValues }) {
  return (
    <>
      <Field name="name" label="Name" required defaultValue={city?.name} maxLength={200} />
      <Field name="slug" label="Web address (slug)" required defaultValue={city?.slug} hint="Lower-case letters, digits and hyphens: it becomes /cities/slug." />
      <Field name="countryCode" label="Country code (ISO 3166, two letters)" required defaultValue={city?.countryCode} maxLength={2} />
      <Field name="country" label="Country" required defaultValue={city?.country} />
      <Field name="region" label="Region" required defaultValue={city?.region} hint="For example Asia, Europe, Africa." />
      <SelectField name="kind" label="Kind of government" defaultValue={city?.kind ?? "city"} options={CITY_KINDS.map((k) => ({ value: k, label: k }))} />
      <Field name="population" label="Population (optional)" defaultValue={city?.population?.toString() ?? ""} />
      <Field name="description" label="Description (optional)" type="textarea" defaultValue={city?.description ?? ""} maxLength={5000} />
    </>
  );
}
