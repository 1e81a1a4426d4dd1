"use client";
/**
 * Choosing SDG goals and targets with the official names and colours, and a search over the
 * target texts (choosing a target also chooses its goal).
 */
import { useId, useMemo, useState } from "react";
import { FieldProblems, inputClass, ModeratorNote } from "./fields";

export type PickerGoal = { goal: number; title: string; shortName: string; color: string };
export type PickerTarget = { code: string; goal: number; text: string };

type Props = {
  goals: PickerGoal[];
  targets: PickerTarget[];
  selectedGoals: number[];
  selectedTargets: string[];
  onChange: (next: { goals: number[]; targets: string[] }) => void;
  goalProblems?: string[];
  targetProblems?: string[];
  goalComments?: string[];
  targetComments?: string[];
  disabled?: boolean;
};

export function SdgPicker(props: Props) {
  const { goals, targets, selectedGoals, selectedTargets, onChange, disabled } = props;
  const [query, setQuery] = useState("");
  const searchId = useId();
  const goalSet = new Set(selectedGoals);
  const targetSet = new Set(selectedTargets);

  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (q.length < 2) return [];
    return targets.filter((t) => t.text.toLowerCase().includes(q) || t.code.startsWith(q)).slice(0, 30);
  }, [query, targets]);

  const toggleGoal = (goal: number) => {
    if (goalSet.has(goal))
      onChange({ goals: selectedGoals.filter((g) => g !== goal), targets: selectedTargets.filter((t) => !t.startsWith(`${goal}.`)) });
    else onChange({ goals: [...selectedGoals, goal].sort((a, b) => a - b), targets: selectedTargets });
  };
  const toggleTarget = (t: PickerTarget) => {
    if (targetSet.has(t.code)) onChange({ goals: selectedGoals, targets: selectedTargets.filter((c) => c !== t.code) });
    else
      onChange({
        goals: goalSet.has(t.goal) ? selectedGoals : [...selectedGoals, t.goal].sort((a, b) => a - b),
        targets: [...selectedTargets, t.code],
      });
  };

  const targetCheckbox = (t: PickerTarget, prefix: string) => (
    <li key={`${prefix}-${t.code}`}>
      <label className="flex gap-2 text-sm">
        <input type="checkbox" checked={targetSet.has(t.code)} onChange={() => toggleTarget(t)} className="mt-1" />
        <span>
          <span className="font-semibold">Target {t.code}</span> {t.text}
        </span>
      </label>
    </li>
  );

  return (
    <fieldset className="flex flex-col gap-3" disabled={disabled} id="field-sdgGoals">
      <legend className="text-lg font-semibold">Sustainable Development Goals</legend>
      <ModeratorNote comments={props.goalComments ?? []} />
      <FieldProblems messages={props.goalProblems ?? []} />
      <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3" aria-label="Goals">
        {goals.map((g) => (
          <li key={g.goal}>
            {/* The goal's colour as a band beside dark text: some official colours are too light
                for white text and too dark for black at body size. */}
            <label className="flex items-center gap-2 rounded border border-slate-300 border-l-8 bg-white px-2 py-1" style={{ borderLeftColor: g.color }}>
              <input type="checkbox" checked={goalSet.has(g.goal)} onChange={() => toggleGoal(g.goal)} />
              <span>
                <span className="font-bold">{g.goal}</span> {g.title}
              </span>
            </label>
          </li>
        ))}
      </ul>

      <div className="flex flex-col" id="field-sdgTargets">
        <label htmlFor={searchId} className="font-semibold">
          Find targets by their text
        </label>
        <input
          id={searchId}
          type="search"
          className={inputClass}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="e.g. public transport, waste, 11.2"
        />
        <ModeratorNote comments={props.targetComments ?? []} />
        <FieldProblems messages={props.targetProblems ?? []} />
        {query.trim().length >= 2 && (
          <div aria-live="polite" className="mt-2">
            <p className="text-sm text-slate-700">{matches.length === 0 ? "No target mentions that." : `${matches.length} matching targets`}</p>
            <ul className="mt-1 flex max-h-64 flex-col gap-1 overflow-y-auto" aria-label="Matching targets">
              {matches.map((t) => targetCheckbox(t, "m"))}
            </ul>
          </div>
        )}
      </div>

      {selectedGoals.map((goal) => {
        const g = goals.find((x) => x.goal === goal);
        return (
          <details key={goal} className="rounded border border-slate-300 p-2" open={selectedTargets.some((t) => t.startsWith(`${goal}.`))}>
            <summary className="cursor-pointer font-semibold">
              Targets of goal {goal}: {g?.shortName ?? g?.title}
              {` (${selectedTargets.filter((t) => t.startsWith(`${goal}.`)).length} chosen)`}
            </summary>
            <ul className="mt-2 flex flex-col gap-1">{targets.filter((t) => t.goal === goal).map((t) => targetCheckbox(t, "g"))}</ul>
          </details>
        );
      })}
    </fieldset>
  );
}
