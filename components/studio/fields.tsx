"use client";
/** Small labelled inputs for the studio form; each shows its own problems right beside it. */
import { useId } from "react";

export const inputClass =
  "w-full rounded border border-slate-400 bg-white px-2 py-1 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700 aria-[invalid=true]:border-red-700";
export const buttonClass =
  "rounded border border-slate-400 bg-white px-3 py-1 text-sm hover:bg-slate-100 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700 disabled:opacity-50";

export function FieldProblems({ id, messages }: { id?: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="mt-1 text-sm text-red-800" data-field-problems>
      {messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}

export function ModeratorNote({ comments }: { comments: string[] }) {
  if (comments.length === 0) return null;
  return (
    <div className="mt-1 rounded border-l-4 border-amber-600 bg-amber-50 px-2 py-1 text-sm" data-moderator-comment>
      <span className="font-semibold">Moderator: </span>
      {comments.join(" ")}
    </div>
  );
}

type Common = { label: string; problems?: string[]; hint?: string; disabled?: boolean; name?: string };

export function TextField({
  label,
  value,
  onChange,
  problems = [],
  hint,
  disabled,
  maxLength,
  multiline,
  type = "text",
  name,
}: Common & { value: string; onChange: (v: string) => void; maxLength?: number; multiline?: boolean; type?: string }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  const describedBy = [hint ? hintId : null, problems.length ? errId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea
          id={id}
          name={name}
          className={`${inputClass} min-h-20`}
          value={value}
          maxLength={maxLength}
          disabled={disabled}
          aria-invalid={problems.length > 0}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          id={id}
          name={name}
          type={type}
          className={inputClass}
          value={value}
          maxLength={maxLength}
          disabled={disabled}
          aria-invalid={problems.length > 0}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <FieldProblems id={errId} messages={problems} />
    </div>
  );
}

export function NumberField({
  label,
  value,
  onChange,
  problems = [],
  hint,
  disabled,
  integer,
}: Common & { value: number | null | undefined; onChange: (v: number | null) => void; integer?: boolean }) {
  const id = useId();
  const errId = `${id}-err`;
  return (
    <div className="flex flex-col">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      {hint && <p className="text-sm text-slate-700">{hint}</p>}
      <input
        id={id}
        type="number"
        inputMode={integer ? "numeric" : "decimal"}
        step={integer ? 1 : "any"}
        className={inputClass}
        value={value ?? ""}
        disabled={disabled}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length ? errId : undefined}
        onChange={(e) => {
          const n = e.target.valueAsNumber;
          onChange(e.target.value === "" || Number.isNaN(n) ? null : n);
        }}
      />
      <FieldProblems id={errId} messages={problems} />
    </div>
  );
}

export function SelectField({
  label,
  value,
  onChange,
  options,
  problems = [],
  disabled,
  emptyLabel,
}: Common & { value: string; onChange: (v: string) => void; options: readonly { value: string; label: string }[]; emptyLabel?: string }) {
  const id = useId();
  const errId = `${id}-err`;
  return (
    <div className="flex flex-col">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <select
        id={id}
        className={inputClass}
        value={value}
        disabled={disabled}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length ? errId : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldProblems id={errId} messages={problems} />
    </div>
  );
}

/** A list of short strings (tags, departments) edited one per line. */
export function LinesField({
  label,
  value,
  onChange,
  problems = [],
  hint,
  disabled,
}: Common & { value: string[]; onChange: (v: string[]) => void }) {
  const id = useId();
  return (
    <div className="flex flex-col">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      {hint && <p className="text-sm text-slate-700">{hint}</p>}
      <textarea
        id={id}
        className={`${inputClass} min-h-16`}
        value={value.join("\n")}
        disabled={disabled}
        aria-invalid={problems.length > 0}
        onChange={(e) => onChange(e.target.value.split("\n"))}
      />
      <FieldProblems messages={problems} />
    </div>
  );
}
