"use client";
/**
 * Forms for server actions that keep what the person typed: the submit handler calls the action
 * inside a transition instead of letting React reset the form, so a refused form keeps every
 * value (passwords included) without echoing them from the server. Without JavaScript the form
 * still posts to the same action.
 */
import { createContext, startTransition, useActionState, useContext, useId, type ReactNode } from "react";
import { useFormStatus } from "react-dom";

export type FormState = {
  ok?: boolean;
  message?: string;
  /** Field name → a plain-words problem. */
  errors?: Record<string, string>;
} | null;

export type FormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

const FormStateContext = createContext<FormState>(null);

export function ActionForm({
  action,
  submitLabel,
  children,
  className,
  variant = "primary",
}: {
  action: FormAction;
  submitLabel: string;
  children?: ReactNode;
  className?: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const [state, formAction] = useActionState(action, null);
  const messageId = useId();
  return (
    <FormStateContext.Provider value={state}>
      <form
        action={formAction}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => formAction(data));
        }}
        className={className ?? "flex max-w-md flex-col gap-4"}
        aria-describedby={state?.message ? messageId : undefined}
        noValidate
      >
        {state?.message ? (
          <p
            id={messageId}
            role={state.ok ? "status" : "alert"}
            className={
              state.ok
                ? "rounded border border-green-700 bg-green-50 p-3 text-sm text-green-900"
                : "rounded border border-red-700 bg-red-50 p-3 text-sm text-red-900"
            }
          >
            {state.message}
          </p>
        ) : null}
        {children}
        <SubmitButton label={submitLabel} variant={variant} />
      </form>
    </FormStateContext.Provider>
  );
}

function SubmitButton({ label, variant }: { label: string; variant: "primary" | "secondary" | "danger" }) {
  const { pending } = useFormStatus();
  const styles = {
    primary: "bg-brand-900 text-white hover:bg-brand-800",
    secondary: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100",
    danger: "bg-red-800 text-white hover:bg-red-900",
  }[variant];
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={`self-start rounded px-4 py-2 text-sm font-medium disabled:opacity-60 ${styles}`}>
      {pending ? "Working…" : label}
    </button>
  );
}

export function Field({
  name,
  label,
  type = "text",
  hint,
  autoComplete,
  required,
  defaultValue,
  maxLength,
}: {
  name: string;
  label: string;
  type?: string;
  hint?: string;
  autoComplete?: string;
  required?: boolean;
  defaultValue?: string;
  maxLength?: number;
}) {
  const state = useContext(FormStateContext);
  const id = useId();
  const error = state?.errors?.[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-700">
          {hint}
        </p>
      ) : null}
      {type === "textarea" ? (
        <textarea id={id} name={name} required={required} defaultValue={defaultValue} maxLength={maxLength} aria-invalid={!!error} aria-describedby={describedBy} rows={3} className="rounded border border-slate-500 px-3 py-2" />
      ) : (
        <input
          id={id}
          name={name}
          type={type}
          autoComplete={autoComplete}
          required={required}
          defaultValue={defaultValue}
          maxLength={maxLength}
          aria-invalid={!!error}
          aria-describedby={describedBy}
          className="rounded border border-slate-500 px-3 py-2"
        />
      )}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function HiddenField({ name, value }: { name: string; value: string }) {
  return <input type="hidden" name={name} value={value} />;
}

export function SelectField({ name, label, options, defaultValue }: { name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string }) {
  const state = useContext(FormStateContext);
  const id = useId();
  const error = state?.errors?.[name];
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-900">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} aria-invalid={!!error} aria-describedby={error ? `${id}-error` : undefined} className="rounded border border-slate-500 px-3 py-2">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
