"use client";
import { useActionState } from "react";
import { buttonClass, inputClass } from "./fields";

type Result = { ok: boolean; message?: string } | null;

export function NewCaseForm({
  cities,
  action,
}: {
  cities: { id: string; name: string; language: string }[];
  action: (prev: Result, form: FormData) => Promise<Result>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <div className="flex flex-col">
        <label htmlFor="cityId" className="font-semibold">
          City
        </label>
        <select id="cityId" name="cityId" className={inputClass} defaultValue={cities[0]?.id}>
          {cities.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} (writes in {c.language} by default)
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col">
        <label htmlFor="title" className="font-semibold">
          Working title (you can change it later)
        </label>
        <input id="title" name="title" className={inputClass} maxLength={200} />
      </div>
      {state && !state.ok && (
        <p role="alert" className="text-red-800">
          {state.message}
        </p>
      )}
      <button type="submit" className={`${buttonClass} self-start bg-blue-800 font-semibold text-white hover:bg-blue-900`} disabled={pending}>
        {pending ? "Starting…" : "Start writing"}
      </button>
    </form>
  );
}
