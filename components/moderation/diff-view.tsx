/**
 * A field-by-field diff of two revisions (lib/cases/diff.ts). Additions are <ins>, removals <del>,
 * each also marked in words for screen readers and for anyone who cannot tell the colours apart.
 */
import type { DiffSegment, FieldDiff } from "@/lib/cases/diff";

function Segment({ s }: { s: DiffSegment }) {
  if (s.op === "added")
    return (
      <ins className="bg-green-100 text-green-900 underline decoration-green-700">
        <span className="sr-only">[added: </span>
        {s.text}
        <span className="sr-only">]</span>
      </ins>
    );
  if (s.op === "removed")
    return (
      <del className="bg-red-100 text-red-900 line-through decoration-red-700">
        <span className="sr-only">[removed: </span>
        {s.text}
        <span className="sr-only">]</span>
      </del>
    );
  return <span>{s.text}</span>;
}

function FieldRow({ d }: { d: FieldDiff }) {
  return (
    <div className="border-t border-slate-200 py-3" data-field={d.key}>
      <dt className="font-semibold">{d.label}</dt>
      <dd className="mt-1">
        {d.mode === "text" ? (
          <p className="whitespace-pre-wrap leading-7">
            {d.segments.map((s, i) => (
              <Segment key={i} s={s} />
            ))}
          </p>
        ) : (
          <ul className="flex flex-col gap-1">
            {d.segments.map((s, i) => (
              <li key={i} className="whitespace-pre-wrap">
                <span aria-hidden="true" className="mr-2 inline-block w-3 font-mono">
                  {s.op === "added" ? "+" : s.op === "removed" ? "−" : " "}
                </span>
                <Segment s={s} />
              </li>
            ))}
          </ul>
        )}
        {d.segments.length === 0 && <p className="text-slate-700">(empty)</p>}
      </dd>
    </div>
  );
}

export function DiffView({ diff, caption }: { diff: FieldDiff[]; caption: string }) {
  const changed = diff.filter((d) => d.changed);
  const unchanged = diff.filter((d) => !d.changed);
  return (
    <section aria-labelledby="diff-heading" className="flex flex-col gap-2">
      <h2 id="diff-heading" className="text-xl font-semibold">
        {caption}
      </h2>
      {changed.length === 0 ? (
        <p>No field differs from the live version.</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            {changed.length} of {diff.length} fields changed: {changed.map((d) => d.label).join(", ")}.
          </p>
          <dl data-testid="diff-changed">
            {changed.map((d) => (
              <FieldRow key={d.key} d={d} />
            ))}
          </dl>
        </>
      )}
      {unchanged.length > 0 && (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm">Show the {unchanged.length} unchanged fields</summary>
          <dl>
            {unchanged.map((d) => (
              <FieldRow key={d.key} d={d} />
            ))}
          </dl>
        </details>
      )}
    </section>
  );
}
