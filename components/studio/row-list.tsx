"use client";
/** An editable, reorderable list of rows (stakeholders, milestones, …), keyboard friendly. */
import { buttonClass, FieldProblems } from "./fields";

type Props<T> = {
  legend: string;
  itemName: string;
  items: T[];
  onChange: (items: T[]) => void;
  newItem: () => T;
  renderRow: (item: T, index: number, update: (patch: Partial<T>) => void) => React.ReactNode;
  disabled?: boolean;
  problems?: string[];
};

export function RowList<T>({ legend, itemName, items, onChange, newItem, renderRow, disabled, problems = [] }: Props<T>) {
  const move = (from: number, to: number) => {
    if (to < 0 || to >= items.length) return;
    const next = [...items];
    const [row] = next.splice(from, 1);
    next.splice(to, 0, row!);
    onChange(next);
  };
  return (
    <fieldset className="flex flex-col gap-3" disabled={disabled}>
      <legend className="text-lg font-semibold">{legend}</legend>
      <FieldProblems messages={problems} />
      {items.length === 0 && <p className="text-sm text-slate-700">None yet.</p>}
      <ol className="flex flex-col gap-3">
        {items.map((item, index) => (
          <li key={index} className="rounded border border-slate-300 p-3" data-row={`${itemName}-${index + 1}`}>
            <fieldset className="flex flex-col gap-2">
              <legend className="font-semibold">
                {itemName[0]!.toUpperCase() + itemName.slice(1)} {index + 1}
              </legend>
              {renderRow(item, index, (patch) => onChange(items.map((it, i) => (i === index ? { ...it, ...patch } : it))))}
              <div className="flex flex-wrap gap-2">
                <button type="button" className={buttonClass} onClick={() => move(index, index - 1)} disabled={index === 0}>
                  Move up<span className="sr-only"> {itemName} {index + 1}</span>
                </button>
                <button type="button" className={buttonClass} onClick={() => move(index, index + 1)} disabled={index === items.length - 1}>
                  Move down<span className="sr-only"> {itemName} {index + 1}</span>
                </button>
                <button type="button" className={buttonClass} onClick={() => onChange(items.filter((_, i) => i !== index))}>
                  Remove<span className="sr-only"> {itemName} {index + 1}</span>
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" className={`${buttonClass} self-start`} onClick={() => onChange([...items, newItem()])}>
        Add {itemName}
      </button>
    </fieldset>
  );
}
