"use client";
import { useId } from "react";

/** A labelled select of cities, by slug. */
export function CitySelect({ name, label, cities }: { name: string; label: string; cities: { slug: string; name: string; country: string }[] }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-900">
        {label}
      </label>
      <select id={id} name={name} required defaultValue="" className="rounded border border-slate-500 px-3 py-2">
        <option value="" disabled>
          Choose a city…
        </option>
        {cities.map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.name} ({c.country})
          </option>
        ))}
      </select>
    </div>
  );
}
