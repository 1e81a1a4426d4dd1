"use client";
/**
 * The whole case editor. State is one `RevisionData`; every change is validated with the same zod
 * schema the server uses (feedback here, truth there) and autosaved.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import dynamic from "next/dynamic";
import {
  revisionSchema,
  submittableRevisionSchema,
  SECTION_KEYS,
  SECTION_LABELS,
  STAKEHOLDER_TYPES,
  STAKEHOLDER_TYPE_LABELS,
  type RevisionData,
  type SectionKey,
} from "@/lib/cases/schemas";
import { fieldKeyOfPath } from "@/lib/cases/fields";
import type { TiptapDoc } from "@/lib/editor/allowlist";
import { CURRENCIES } from "@/lib/i18n/currencies";
import { buttonClass, FieldProblems, LinesField, ModeratorNote, NumberField, SelectField, TextField, inputClass } from "./fields";
import { RowList } from "./row-list";
import { SdgPicker, type PickerGoal, type PickerTarget } from "./sdg-picker";
import { clearBackup, readBackup, useAutosave, type LocalBackup } from "./use-autosave";
import { MediaList } from "./media-list";

// The editor is client-only (ProseMirror needs the DOM); loading it lazily keeps the form responsive.
const RichTextEditor = dynamic(() => import("@/components/editor/rich-text-editor").then((m) => m.RichTextEditor), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-700">Loading the editor…</p>,
});

type Issue = { path: string; message: string };
type SubmitResult = { ok: boolean; message?: string; issues?: Issue[]; code?: string };

export type CaseFormProps = {
  caseId: string;
  version: number;
  initial: RevisionData;
  editable: boolean;
  revisionStatus: string;
  reference: { goals: PickerGoal[]; targets: PickerTarget[]; policyAreas: { key: string; label: string }[] };
  changeRequest: { comment: string; fieldComments: { field: string; comment: string }[] } | null;
  submitAction: (input: { caseId: string; version: number }) => Promise<SubmitResult>;
  withdrawAction: (input: { caseId: string }) => Promise<SubmitResult>;
};

const FUNDING_TYPES = ["own-budget", "national", "international", "private", "loan", "grant", "other"] as const;
const FUNDING_LABELS: Record<(typeof FUNDING_TYPES)[number], string> = {
  "own-budget": "City's own budget",
  national: "National government",
  international: "International",
  private: "Private",
  loan: "Loan",
  grant: "Grant",
  other: "Other",
};

const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const nullIfBlank = (v: string | null | undefined) => (blank(v) ? null : v);
const lines = (xs: string[]) => xs.map((x) => x.trim()).filter(Boolean);
function dropBlankRows<T extends object>(rows: T[], ignore: string[] = []): T[] {
  return rows.filter((row) => Object.entries(row).some(([k, v]) => !ignore.includes(k) && !blank(v) && v !== false));
}

/** What is sent: blank rows and empty optional values removed, so a half-started row never blocks a save. */
export function cleanRevision(d: RevisionData): RevisionData {
  const budget = d.budget
    ? {
        ...d.budget,
        currency: nullIfBlank(d.budget.currency),
        note: nullIfBlank(d.budget.note),
        fundingSources: dropBlankRows(d.budget.fundingSources, ["type"]),
      }
    : null;
  const staff = d.staff
    ? { ...d.staff, departments: lines(d.staff.departments), partnerPersonnel: lines(d.staff.partnerPersonnel), note: nullIfBlank(d.staff.note) }
    : null;
  const budgetEmpty = !budget || (budget.amount == null && !budget.currency && budget.year == null && budget.usd == null && !budget.note && budget.fundingSources.length === 0);
  const staffEmpty = !staff || (staff.headcount == null && staff.fte == null && !staff.departments.length && !staff.partnerPersonnel.length && !staff.note);
  return {
    ...d,
    tags: lines(d.tags),
    budget: budgetEmpty ? null : budget,
    staff: staffEmpty ? null : staff,
    stakeholders: dropBlankRows(d.stakeholders, ["type"]),
    timeline: {
      ...d.timeline,
      start: nullIfBlank(d.timeline.start),
      end: nullIfBlank(d.timeline.end),
      milestones: dropBlankRows(d.timeline.milestones).map((m) => ({ ...m, description: nullIfBlank(m.description) })),
    },
    obstacles: dropBlankRows(d.obstacles),
    results: dropBlankRows(d.results).map((r) => ({ ...r, sdgIndicator: nullIfBlank(r.sdgIndicator) })),
    contacts: dropBlankRows(d.contacts).map((c) => ({
      name: nullIfBlank(c.name),
      title: nullIfBlank(c.title),
      department: nullIfBlank(c.department),
      organisation: nullIfBlank(c.organisation),
      email: nullIfBlank(c.email?.trim()),
    })),
    media: d.media.map((m) => (m.kind === "image" ? { ...m, caption: nullIfBlank(m.caption) } : m)),
    references: dropBlankRows(d.references).map((r) => ({ ...r, url: nullIfBlank(r.url?.trim()), publisher: nullIfBlank(r.publisher) })),
    translations: Object.fromEntries(
      Object.entries(d.translations)
        .filter(([lang, t]) => lang.trim() && (!blank(t.title) || !blank(t.summary)))
        .map(([lang, t]) => [lang.trim(), { title: nullIfBlank(t.title), summary: nullIfBlank(t.summary) }]),
    ),
  };
}

function prepare(d: RevisionData) {
  const data = cleanRevision(d);
  const parsed = revisionSchema.safeParse(data);
  const issues = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  return { data, issues };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), "");
}

function formatTime(iso: string | null): string {
  if (!iso) return "";
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

export function CaseForm(props: CaseFormProps) {
  const { caseId, editable, reference } = props;
  const router = useRouter();
  const [data, setData] = useState<RevisionData>(props.initial);
  const [generation, setGeneration] = useState(0);
  const [submitIssues, setSubmitIssues] = useState<Issue[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [olderBackup, setOlderBackup] = useState<LocalBackup | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitMessage, setSubmitMessage] = useState<string | null>(null);
  const autosave = useAutosave({ caseId, initialVersion: props.version, enabled: editable, prepare });
  const { changed, setBaseline } = autosave;

  // On load: the server copy is the baseline; unsaved changes kept in this browser come back.
  useEffect(() => {
    setBaseline(props.initial);
    if (!editable) return;
    const backup = readBackup(caseId);
    if (!backup) return;
    const same = JSON.stringify(cleanRevision(backup.data)) === JSON.stringify(cleanRevision(props.initial));
    if (same) return clearBackup(caseId);
    if (backup.baseVersion === props.version) {
      setData(backup.data);
      setGeneration((g) => g + 1);
      changed(backup.data);
      setNotice(`Restored changes from ${new Date(backup.at).toLocaleString()} that had not reached the server; saving them now.`);
    } else {
      setOlderBackup(backup);
    }
  }, []);

  const update = useCallback(
    (patch: Partial<RevisionData> | ((d: RevisionData) => RevisionData)) => {
      setData((d) => {
        const next = typeof patch === "function" ? patch(d) : { ...d, ...patch };
        changed(next);
        return next;
      });
    },
    [changed],
  );

  const liveIssues = useMemo(() => prepare(data).issues, [data]);
  const saveIssues = autosave.state.kind === "invalid" ? autosave.state.issues : [];
  const allIssues = useMemo(() => {
    const seen = new Set<string>();
    return [...liveIssues, ...saveIssues, ...submitIssues].filter((i) => {
      const k = `${i.path}|${i.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }, [liveIssues, saveIssues, submitIssues]);
  const at = (path: string) => allIssues.filter((i) => i.path === path).map((i) => i.message);

  const commentsByField = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const c of props.changeRequest?.fieldComments ?? []) {
      const key = fieldKeyOfPath(c.field) ?? c.field;
      map.set(key, [...(map.get(key) ?? []), c.comment]);
    }
    return map;
  }, [props.changeRequest]);
  const notes = (key: string) => commentsByField.get(key) ?? [];

  const disabled = !editable;

  const submit = async () => {
    setSubmitMessage(null);
    setSubmitting(true);
    try {
      const saved = await autosave.saveNow();
      if (!saved) {
        setSubmitMessage("The draft could not be saved, so it was not submitted. See the message above.");
        return;
      }
      const check = submittableRevisionSchema.safeParse(cleanRevision(data));
      if (!check.success) {
        setSubmitIssues(check.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
        setSubmitMessage("Some required information is missing. Complete the fields marked below, then submit again.");
        return;
      }
      const result = await props.submitAction({ caseId, version: autosave.version() });
      if (result.ok) {
        clearBackup(caseId);
        setSubmitIssues([]);
        setSubmitMessage("Submitted for review. A moderator will look at it soon.");
        router.refresh();
      } else {
        setSubmitIssues(result.issues ?? []);
        setSubmitMessage(result.message ?? "The case could not be submitted.");
      }
    } finally {
      setSubmitting(false);
    }
  };

  /** Saves first, so the preview and the history show what was just typed. */
  const leaveTo = async (href: string) => {
    if (editable && s.kind !== "conflict") await autosave.saveNow();
    router.push(href);
  };

  const s = autosave.state;
  const statusText =
    !editable
      ? "Read only"
      : s.kind === "saved"
        ? s.at
          ? `Saved at ${formatTime(s.at)}`
          : "Saved"
        : s.kind === "saving"
          ? "Saving…"
          : s.kind === "unsaved"
            ? "Not saved yet"
            : s.kind === "conflict"
              ? "Not saved: someone else changed this case"
              : "Not saved";

  const budget = data.budget ?? { amount: null, currency: null, year: null, usd: null, note: null, fundingSources: [] };
  const staff = data.staff ?? { headcount: null, fte: null, departments: [], partnerPersonnel: [], note: null };
  const setBudget = (patch: Partial<typeof budget>) => update((d) => ({ ...d, budget: { ...budget, ...(d.budget ?? {}), ...patch } }));
  const setStaff = (patch: Partial<typeof staff>) => update((d) => ({ ...d, staff: { ...staff, ...(d.staff ?? {}), ...patch } }));
  const translations = Object.entries(data.translations).map(([language, t]) => ({ language, title: t.title ?? "", summary: t.summary ?? "" }));

  return (
    <div className="flex flex-col gap-6">
      <div className="sticky top-0 z-10 flex flex-wrap items-center gap-3 border-b border-slate-300 bg-white/95 py-2">
        <p role="status" aria-live="polite" data-testid="save-status" data-state={editable ? s.kind : "readonly"} className="font-semibold">
          {statusText}
        </p>
        <button type="button" className={`${buttonClass} ml-auto`} onClick={() => void leaveTo(`/studio/cases/${caseId}/preview`)}>
          Preview
        </button>
        <button type="button" className={buttonClass} onClick={() => void leaveTo(`/studio/cases/${caseId}/history`)}>
          History
        </button>
        {editable && (
          <>
            <button type="button" className={buttonClass} onClick={() => void autosave.saveNow()} disabled={s.kind === "saving"}>
              Save now
            </button>
            <button
              type="button"
              className="rounded bg-blue-800 px-4 py-1 font-semibold text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-50"
              onClick={() => void submit()}
              disabled={submitting || s.kind === "conflict"}
            >
              {submitting ? "Submitting…" : "Submit for review"}
            </button>
          </>
        )}
        {!editable && props.revisionStatus === "submitted" && (
          <button
            type="button"
            className={buttonClass}
            onClick={async () => {
              const r = await props.withdrawAction({ caseId });
              if (r.ok) router.refresh();
              else setSubmitMessage(r.message ?? "The submission could not be withdrawn.");
            }}
          >
            Withdraw submission to edit
          </button>
        )}
      </div>

      {(s.kind === "offline" || s.kind === "error" || s.kind === "invalid") && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-2 text-red-900">
          {s.message}
        </p>
      )}
      {submitMessage && (
        <p role="alert" className="rounded border border-slate-400 bg-slate-50 p-2" data-testid="submit-message">
          {submitMessage}
        </p>
      )}
      {notice && (
        <p role="status" className="rounded border border-blue-700 bg-blue-50 p-2">
          {notice}
        </p>
      )}
      {olderBackup && (
        <div role="alert" className="rounded border border-amber-700 bg-amber-50 p-3">
          <p>
            This browser kept changes from {new Date(olderBackup.at).toLocaleString()} that were never saved, made before the case was last
            changed on the server.
          </p>
          <div className="mt-2 flex gap-2">
            <button
              type="button"
              className={buttonClass}
              onClick={() => {
                setData(olderBackup.data);
                setGeneration((g) => g + 1);
                changed(olderBackup.data);
                setOlderBackup(null);
              }}
            >
              Restore my unsaved changes
            </button>
            <button
              type="button"
              className={buttonClass}
              onClick={() => {
                clearBackup(caseId);
                setOlderBackup(null);
              }}
            >
              Discard them
            </button>
          </div>
        </div>
      )}
      {s.kind === "conflict" && (
        <div role="alert" className="rounded border border-red-700 bg-red-50 p-3" data-testid="conflict">
          <p className="font-semibold">{s.message}</p>
          {s.changes.length > 0 ? (
            <>
              <p>These fields differ between the saved version and your copy:</p>
              <table className="mt-2 w-full border-collapse text-sm">
                <thead>
                  <tr>
                    <th scope="col" className="border border-slate-300 p-1 text-left">Field</th>
                    <th scope="col" className="border border-slate-300 p-1 text-left">Your copy</th>
                    <th scope="col" className="border border-slate-300 p-1 text-left">Saved version</th>
                  </tr>
                </thead>
                <tbody>
                  {s.changes.map((c) => (
                    <tr key={c.field}>
                      <th scope="row" className="border border-slate-300 p-1 text-left align-top">{c.label}</th>
                      <td className="whitespace-pre-wrap border border-slate-300 p-1 align-top">{c.before || "(empty)"}</td>
                      <td className="whitespace-pre-wrap border border-slate-300 p-1 align-top">{c.after || "(empty)"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <p>The saved version has the same content as your copy.</p>
          )}
          <p className="mt-2">Your copy is kept in this browser either way.</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" className={buttonClass} onClick={() => window.location.reload()}>
              Reload the saved version
            </button>
            <button type="button" className={buttonClass} onClick={() => void autosave.overwrite(s.currentVersion)}>
              Save my copy over it
            </button>
          </div>
        </div>
      )}
      {props.changeRequest && (
        <section aria-labelledby="change-request" className="rounded border-l-4 border-amber-600 bg-amber-50 p-3">
          <h2 id="change-request" className="font-semibold">
            The moderator asked for changes
          </h2>
          <p className="whitespace-pre-wrap">{props.changeRequest.comment}</p>
          {props.changeRequest.fieldComments.length > 0 && <p className="text-sm">Comments on single fields are shown beside them.</p>}
        </section>
      )}
      {allIssues.length > 0 && submitIssues.length > 0 && (
        <section aria-labelledby="problems" className="rounded border border-red-700 p-3">
          <h2 id="problems" className="font-semibold text-red-900">
            To submit, fix these
          </h2>
          <ul className="list-disc pl-6 text-sm">
            {submitIssues.map((i) => (
              <li key={`${i.path}-${i.message}`}>{i.message}</li>
            ))}
          </ul>
        </section>
      )}

      <fieldset disabled={disabled} key={generation} className="flex flex-col gap-8">
        <legend className="sr-only">Case</legend>
        <section aria-labelledby="basics" className="flex flex-col gap-4">
          <h2 id="basics" className="text-xl font-bold">
            The case at a glance
          </h2>
          <div>
            <TextField label="Title" value={data.title} maxLength={200} problems={at("title")} onChange={(title) => update({ title })} />
            <ModeratorNote comments={notes("title")} />
          </div>
          <div>
            <TextField
              label="Summary"
              hint="Plain text, up to 600 characters: what the city did and what came of it."
              multiline
              value={data.summary}
              problems={at("summary")}
              onChange={(summary) => update({ summary })}
            />
            <p className={`text-sm ${data.summary.length > 600 ? "font-semibold text-red-800" : "text-slate-700"}`} aria-live="polite" data-testid="summary-counter">
              {data.summary.length} / 600 characters
            </p>
            <ModeratorNote comments={notes("summary")} />
          </div>
          <div>
            <TextField
              label="Language of the case"
              hint="A language code such as en, ko, fr or pt-BR."
              value={data.language}
              problems={at("language")}
              onChange={(language) => update({ language })}
            />
            <ModeratorNote comments={notes("language")} />
          </div>
          <fieldset className="flex flex-col gap-1">
            <legend className="font-semibold">Policy areas</legend>
            <ModeratorNote comments={notes("policyAreas")} />
            <FieldProblems messages={at("policyAreas")} />
            <ul className="grid grid-cols-1 gap-1 sm:grid-cols-2">
              {reference.policyAreas.map((a) => (
                <li key={a.key}>
                  <label className="flex gap-2">
                    <input
                      type="checkbox"
                      checked={data.policyAreas.includes(a.key)}
                      onChange={(e) =>
                        update((d) => ({ ...d, policyAreas: e.target.checked ? [...d.policyAreas, a.key] : d.policyAreas.filter((k) => k !== a.key) }))
                      }
                    />
                    {a.label}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div>
            <LinesField label="Tags" hint="One per line." value={data.tags} problems={at("tags")} onChange={(tags) => update({ tags })} />
            <ModeratorNote comments={notes("tags")} />
          </div>
        </section>

        <SdgPicker
          goals={reference.goals}
          targets={reference.targets}
          selectedGoals={data.sdgGoals}
          selectedTargets={data.sdgTargets}
          onChange={({ goals, targets }) => update({ sdgGoals: goals, sdgTargets: targets })}
          goalProblems={at("sdgGoals")}
          targetProblems={at("sdgTargets")}
          goalComments={notes("sdgGoals")}
          targetComments={notes("sdgTargets")}
        />

        <section aria-labelledby="sections" className="flex flex-col gap-6">
          <h2 id="sections" className="text-xl font-bold">
            The story
          </h2>
          {SECTION_KEYS.map((key: SectionKey) => (
            <div key={key} id={`field-sections-${key}`}>
              <RichTextEditor
                id={`section-${key}`}
                label={SECTION_LABELS[key]}
                caseId={caseId}
                value={data.sections[key] as TiptapDoc | undefined}
                readOnly={disabled}
                onChange={(doc) => update((d) => ({ ...d, sections: { ...d.sections, [key]: doc } }))}
              />
              <ModeratorNote comments={notes(`sections.${key}`)} />
              <FieldProblems messages={allIssues.filter((i) => i.path.startsWith(`sections.${key}`)).map((i) => i.message)} />
            </div>
          ))}
        </section>

        <section aria-labelledby="budget-heading" className="flex flex-col gap-3">
          <h2 id="budget-heading" className="text-xl font-bold">
            Budget
          </h2>
          <ModeratorNote comments={notes("budget")} />
          <FieldProblems messages={at("budget")} />
          <div className="grid gap-3 sm:grid-cols-2">
            <NumberField label="Budget amount" value={budget.amount} problems={at("budget.amount")} onChange={(amount) => setBudget({ amount })} />
            <SelectField
              label="Currency"
              value={budget.currency ?? ""}
              emptyLabel="Choose a currency"
              options={CURRENCIES.map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` }))}
              problems={at("budget.currency")}
              onChange={(currency) => setBudget({ currency: currency || null })}
            />
            <NumberField label="Budget year" integer value={budget.year} problems={at("budget.year")} onChange={(year) => setBudget({ year })} />
            <NumberField
              label="Approximate amount in US dollars (optional)"
              hint="For comparing cases; leave empty if unsure."
              value={budget.usd}
              problems={at("budget.usd")}
              onChange={(usd) => setBudget({ usd })}
            />
          </div>
          <TextField label="Budget note" multiline value={budget.note ?? ""} problems={at("budget.note")} onChange={(note) => setBudget({ note })} />
          <RowList
            legend="Funding sources"
            itemName="funding source"
            items={budget.fundingSources}
            onChange={(fundingSources) => setBudget({ fundingSources })}
            newItem={() => ({ source: "", type: "own-budget" as const, amount: null })}
            renderRow={(row, i, set) => (
              <div className="grid gap-2 sm:grid-cols-3">
                <TextField label="Source" value={row.source} problems={at(`budget.fundingSources[${i}].source`)} onChange={(source) => set({ source })} />
                <SelectField
                  label="Type"
                  value={row.type}
                  options={FUNDING_TYPES.map((t) => ({ value: t, label: FUNDING_LABELS[t] }))}
                  onChange={(type) => set({ type: type as (typeof FUNDING_TYPES)[number] })}
                />
                <NumberField label="Amount" value={row.amount} problems={at(`budget.fundingSources[${i}].amount`)} onChange={(amount) => set({ amount })} />
              </div>
            )}
          />
        </section>

        <section aria-labelledby="staff-heading" className="flex flex-col gap-3">
          <h2 id="staff-heading" className="text-xl font-bold">
            Staff
          </h2>
          <ModeratorNote comments={notes("staff")} />
          <div className="grid gap-3 sm:grid-cols-2">
            <NumberField label="Headcount (people)" integer value={staff.headcount} problems={at("staff.headcount")} onChange={(headcount) => setStaff({ headcount })} />
            <NumberField label="Full-time equivalents" value={staff.fte} problems={at("staff.fte")} onChange={(fte) => setStaff({ fte })} />
          </div>
          <LinesField label="Departments involved" hint="One per line." value={staff.departments} onChange={(departments) => setStaff({ departments })} />
          <LinesField label="Partner personnel" hint="One per line." value={staff.partnerPersonnel} onChange={(partnerPersonnel) => setStaff({ partnerPersonnel })} />
          <TextField label="Staff note" multiline value={staff.note ?? ""} onChange={(note) => setStaff({ note })} />
        </section>

        <section aria-labelledby="people-heading" className="flex flex-col gap-3">
          <h2 id="people-heading" className="sr-only">
            Stakeholders
          </h2>
          <ModeratorNote comments={notes("stakeholders")} />
          <RowList
            legend="Stakeholders"
            itemName="stakeholder"
            items={data.stakeholders}
            problems={at("stakeholders")}
            onChange={(stakeholders) => update({ stakeholders })}
            newItem={() => ({ name: "", type: "government" as const, role: "" })}
            renderRow={(row, i, set) => (
              <div className="grid gap-2 sm:grid-cols-3">
                <TextField label="Name" value={row.name} problems={at(`stakeholders[${i}].name`)} onChange={(name) => set({ name })} />
                <SelectField
                  label="Kind"
                  value={row.type}
                  options={STAKEHOLDER_TYPES.map((t) => ({ value: t, label: STAKEHOLDER_TYPE_LABELS[t] }))}
                  problems={at(`stakeholders[${i}].type`)}
                  onChange={(type) => set({ type: type as (typeof STAKEHOLDER_TYPES)[number] })}
                />
                <TextField label="Role" value={row.role} problems={at(`stakeholders[${i}].role`)} onChange={(role) => set({ role })} />
              </div>
            )}
          />
        </section>

        <section aria-labelledby="timeline-heading" className="flex flex-col gap-3">
          <h2 id="timeline-heading" className="text-xl font-bold">
            Timeline
          </h2>
          <ModeratorNote comments={notes("timeline")} />
          <div className="grid gap-3 sm:grid-cols-3">
            <TextField
              label="Start"
              hint="2016, 2016-06 or 2016-06-09"
              value={data.timeline.start ?? ""}
              problems={at("timeline.start")}
              onChange={(start) => update((d) => ({ ...d, timeline: { ...d.timeline, start } }))}
            />
            <TextField
              label="End"
              hint="Leave empty if it is still running"
              value={data.timeline.end ?? ""}
              problems={at("timeline.end")}
              onChange={(end) => update((d) => ({ ...d, timeline: { ...d.timeline, end } }))}
            />
            <label className="flex items-center gap-2 self-end">
              <input
                type="checkbox"
                checked={data.timeline.ongoing}
                onChange={(e) => update((d) => ({ ...d, timeline: { ...d.timeline, ongoing: e.target.checked } }))}
              />
              Ongoing
            </label>
          </div>
          <RowList
            legend="Milestones"
            itemName="milestone"
            items={data.timeline.milestones}
            onChange={(milestones) => update((d) => ({ ...d, timeline: { ...d.timeline, milestones } }))}
            newItem={() => ({ date: "", title: "", description: null })}
            renderRow={(row, i, set) => (
              <div className="grid gap-2 sm:grid-cols-3">
                <TextField label="Date" hint="2016, 2016-06 or 2016-06-09" value={row.date} problems={at(`timeline.milestones[${i}].date`)} onChange={(date) => set({ date })} />
                <TextField label="What happened" value={row.title} problems={at(`timeline.milestones[${i}].title`)} onChange={(title) => set({ title })} />
                <TextField label="Details" value={row.description ?? ""} onChange={(description) => set({ description })} />
              </div>
            )}
          />
        </section>

        <section aria-labelledby="obstacles-heading" className="flex flex-col gap-3">
          <h2 id="obstacles-heading" className="sr-only">
            Obstacles and adaptations
          </h2>
          <ModeratorNote comments={notes("obstacles")} />
          <RowList
            legend="Obstacles and how the city adapted"
            itemName="obstacle"
            items={data.obstacles}
            onChange={(obstacles) => update({ obstacles })}
            newItem={() => ({ obstacle: "", adaptation: "" })}
            renderRow={(row, i, set) => (
              <div className="grid gap-2 sm:grid-cols-2">
                <TextField label="Obstacle" multiline value={row.obstacle} problems={at(`obstacles[${i}].obstacle`)} onChange={(obstacle) => set({ obstacle })} />
                <TextField label="Adaptation" multiline value={row.adaptation} problems={at(`obstacles[${i}].adaptation`)} onChange={(adaptation) => set({ adaptation })} />
              </div>
            )}
          />
        </section>

        <section aria-labelledby="results-heading" className="flex flex-col gap-3">
          <h2 id="results-heading" className="sr-only">
            Results
          </h2>
          <ModeratorNote comments={notes("results")} />
          <RowList
            legend="Results as indicators"
            itemName="result"
            items={data.results}
            onChange={(results) => update({ results })}
            newItem={() => ({ indicator: "", baseline: null, value: null, unit: "", year: null, sdgIndicator: null })}
            renderRow={(row, i, set) => (
              <div className="grid gap-2 sm:grid-cols-3">
                <TextField label="Indicator" value={row.indicator} problems={at(`results[${i}].indicator`)} onChange={(indicator) => set({ indicator })} />
                <NumberField label="Baseline" value={row.baseline} problems={at(`results[${i}].baseline`)} onChange={(baseline) => set({ baseline })} />
                <NumberField label="Value" value={row.value} problems={at(`results[${i}].value`)} onChange={(value) => set({ value })} />
                <TextField label="Unit" value={row.unit} onChange={(unit) => set({ unit })} />
                <NumberField label="Year" integer value={row.year} problems={at(`results[${i}].year`)} onChange={(year) => set({ year })} />
                <TextField
                  label="SDG indicator (optional)"
                  hint="e.g. 11.2.1"
                  value={row.sdgIndicator ?? ""}
                  problems={at(`results[${i}].sdgIndicator`)}
                  onChange={(sdgIndicator) => set({ sdgIndicator })}
                />
              </div>
            )}
          />
        </section>

        <section aria-labelledby="contacts-heading" className="flex flex-col gap-3">
          <h2 id="contacts-heading" className="sr-only">
            Contacts
          </h2>
          <ModeratorNote comments={notes("contacts")} />
          <RowList
            legend="Contacts (emails are shown to signed-in members only)"
            itemName="contact"
            items={data.contacts}
            onChange={(contacts) => update({ contacts })}
            newItem={() => ({ name: null, title: null, department: null, organisation: null, email: null })}
            renderRow={(row, i, set) => (
              <div className="grid gap-2 sm:grid-cols-3">
                <TextField label="Name" value={row.name ?? ""} onChange={(name) => set({ name })} />
                <TextField label="Job title" value={row.title ?? ""} onChange={(title) => set({ title })} />
                <TextField label="Department" value={row.department ?? ""} onChange={(department) => set({ department })} />
                <TextField label="Organisation" value={row.organisation ?? ""} onChange={(organisation) => set({ organisation })} />
                <TextField label="Email" type="email" value={row.email ?? ""} problems={at(`contacts[${i}].email`)} onChange={(email) => set({ email })} />
              </div>
            )}
          />
        </section>

        <section aria-labelledby="media-heading" className="flex flex-col gap-3">
          <h2 id="media-heading" className="text-xl font-bold">
            Media
          </h2>
          <ModeratorNote comments={notes("media")} />
          <MediaList caseId={caseId} items={data.media} onChange={(media) => update({ media })} at={at} />
        </section>

        <section aria-labelledby="references-heading" className="flex flex-col gap-3">
          <h2 id="references-heading" className="sr-only">
            References
          </h2>
          <ModeratorNote comments={notes("references")} />
          <RowList
            legend="References"
            itemName="reference"
            items={data.references}
            onChange={(references) => update({ references })}
            newItem={() => ({ title: "", url: null, publisher: null, year: null })}
            renderRow={(row, i, set) => (
              <div className="grid gap-2 sm:grid-cols-2">
                <TextField label="Title" value={row.title} problems={at(`references[${i}].title`)} onChange={(title) => set({ title })} />
                <TextField label="Web address" type="url" value={row.url ?? ""} problems={at(`references[${i}].url`)} onChange={(url) => set({ url })} />
                <TextField label="Publisher" value={row.publisher ?? ""} onChange={(publisher) => set({ publisher })} />
                <NumberField label="Year" integer value={row.year} problems={at(`references[${i}].year`)} onChange={(year) => set({ year })} />
              </div>
            )}
          />
        </section>

        <section aria-labelledby="translations-heading" className="flex flex-col gap-3">
          <h2 id="translations-heading" className="sr-only">
            Translations
          </h2>
          <ModeratorNote comments={notes("translations")} />
          <RowList
            legend="Title and summary in other languages"
            itemName="translation"
            items={translations}
            onChange={(rows) => update({ translations: Object.fromEntries(rows.map((r) => [r.language, { title: r.title, summary: r.summary }])) })}
            newItem={() => ({ language: "", title: "", summary: "" })}
            renderRow={(row, _i, set) => (
              <div className="grid gap-2">
                <label className="flex flex-col">
                  <span className="font-semibold">Language code</span>
                  <input className={inputClass} value={row.language} onChange={(e) => set({ language: e.target.value })} />
                </label>
                <TextField label="Title" value={row.title} onChange={(title) => set({ title })} />
                <TextField label="Summary" multiline value={row.summary} onChange={(summary) => set({ summary })} />
              </div>
            )}
          />
        </section>
      </fieldset>
    </div>
  );
}
