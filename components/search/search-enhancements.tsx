"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";

type Suggestion = { kind: "case" | "city" | "target"; label: string; detail: string; href: string };

const KIND_LABEL: Record<Suggestion["kind"], string> = { case: "Case", city: "City", target: "SDG target" };

/**
 * What JavaScript adds to the plain GET search form: a filter change submits at once, and the
 * query box suggests case titles, cities and SDG targets as you type (an ARIA combobox).
 */
export function SearchEnhancements({ formId, inputId }: { formId: string; inputId: string }) {
  const listId = useId();
  const router = useRouter();
  const [items, setItems] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(-1);
  const itemsRef = useRef(items);
  const activeRef = useRef(active);
  itemsRef.current = items;
  activeRef.current = active;

  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    const input = document.getElementById(inputId) as HTMLInputElement | null;
    if (!form || !input) return;

    const onChange = (e: Event) => {
      const target = e.target as HTMLElement;
      if (target.hasAttribute("data-autosubmit")) form.requestSubmit();
    };
    form.addEventListener("change", onChange);
    // Same GET request as the plain form, minus empty fields, as a client-side navigation.
    const onSubmit = (e: SubmitEvent) => {
      e.preventDefault();
      const params = new URLSearchParams();
      for (const [key, value] of new FormData(form)) {
        if (typeof value !== "string" || value.trim() === "") continue;
        if (key === "sort" && value === "relevance") continue;
        params.append(key, key === "q" ? value.trim() : value);
      }
      setItems([]);
      router.push(params.size ? `/search?${params}` : "/search");
    };
    form.addEventListener("submit", onSubmit);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");

    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    const onInput = () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (q.length < 2) {
        setItems([]);
        return;
      }
      timer = setTimeout(async () => {
        controller?.abort();
        controller = new AbortController();
        try {
          const res = await fetch(`/api/v1/search/suggest?q=${encodeURIComponent(q)}`, { signal: controller.signal });
          if (!res.ok) return;
          const body = (await res.json()) as { suggestions: Suggestion[] };
          setItems(body.suggestions);
          setActive(-1);
        } catch {
          // Aborted by the next keystroke, or offline: the plain form still works.
        }
      }, 150);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      const list = itemsRef.current;
      if (list.length === 0) return;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        const next = (activeRef.current + (e.key === "ArrowDown" ? 1 : -1) + list.length + 1) % (list.length + 1);
        setActive(next === list.length ? -1 : next);
      } else if (e.key === "Enter" && activeRef.current >= 0) {
        e.preventDefault();
        window.location.assign(list[activeRef.current]!.href);
      } else if (e.key === "Escape") {
        setItems([]);
      }
    };
    const onBlur = () => setTimeout(() => setItems([]), 150);
    input.addEventListener("input", onInput);
    input.addEventListener("keydown", onKeyDown);
    input.addEventListener("blur", onBlur);
    return () => {
      clearTimeout(timer);
      controller?.abort();
      form.removeEventListener("change", onChange);
      form.removeEventListener("submit", onSubmit);
      input.removeEventListener("input", onInput);
      input.removeEventListener("keydown", onKeyDown);
      input.removeEventListener("blur", onBlur);
    };
  }, [formId, inputId, listId, router]);

  useEffect(() => {
    const input = document.getElementById(inputId);
    input?.setAttribute("aria-expanded", items.length > 0 ? "true" : "false");
    if (active >= 0) input?.setAttribute("aria-activedescendant", `${listId}-${active}`);
    else input?.removeAttribute("aria-activedescendant");
  }, [items, active, inputId, listId]);

  return (
    <ul
      id={listId}
      role="listbox"
      aria-label="Suggestions"
      hidden={items.length === 0}
      className="absolute left-0 top-full z-10 mt-1 w-full max-w-2xl rounded border border-slate-300 bg-white shadow-lg"
    >
      {items.map((s, i) => (
        <li
          key={`${s.kind}-${s.href}`}
          id={`${listId}-${i}`}
          role="option"
          aria-selected={i === active}
          className={`cursor-pointer px-3 py-2 ${i === active ? "bg-brand-100" : "hover:bg-slate-100"}`}
          onMouseDown={(e) => {
            e.preventDefault();
            window.location.assign(s.href);
          }}
        >
          <span className="text-xs font-semibold uppercase text-slate-700">{KIND_LABEL[s.kind]}</span>{" "}
          <span className="font-medium">{s.label}</span> <span className="text-sm text-slate-700">— {s.detail}</span>
        </li>
      ))}
    </ul>
  );
}
