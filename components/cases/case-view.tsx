/**
 * The whole case as readers see it. The public page, the studio preview and the moderators'
 * review all render through this one component, so a preview is exactly what will be published.
 */
import Link from "next/link";
import type { CaseView as CaseViewData } from "@/lib/cases/queries";
import { renderRichText } from "@/lib/cases/render";
import { SECTION_KEYS, SECTION_LABELS, STAKEHOLDER_TYPE_LABELS, type StakeholderType } from "@/lib/cases/schemas";
import { formatDate, formatMoney, formatNumber, formatPartialDate, languageName } from "@/lib/i18n/format";
import { GoalBadge } from "@/components/sdgs/goal-badge";
import { videoEmbedUrl } from "@/lib/editor/video";

const TRANSFER_KIND_LABELS: Record<string, string> = {
  consulting: "Consulting",
  mou: "Memorandum of understanding",
  loi: "Letter of intent",
  "feasibility-study": "Feasibility study",
  training: "Training",
  pilot: "Pilot",
  construction: "Construction",
  "full-adoption": "Full adoption",
};

/** A YouTube or Vimeo video through its privacy-enhanced player; any other address as a link. */
function VideoLink({ url, title }: { url: string; title: string }) {
  const embed = videoEmbedUrl(url);
  if (!embed) {
    return (
      <a href={url} rel="noopener noreferrer nofollow">
        {title} (video)
      </a>
    );
  }
  return (
    <figure>
      <div className="relative aspect-video w-full">
        <iframe
          src={embed}
          title={title}
          loading="lazy"
          allow="fullscreen; picture-in-picture"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
          sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
          className="absolute inset-0 h-full w-full border-0"
        />
      </div>
      <figcaption className="mt-1 text-sm text-slate-700">{title}</figcaption>
    </figure>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="border-t border-slate-200 pt-4">
      <h2 id={id} className="mb-2 text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function CaseView({ item, aside }: { item: CaseViewData; aside?: React.ReactNode }) {
  const sections = SECTION_KEYS.map((key) => ({ key, html: renderRichText(item.sections[key]) })).filter((s) => s.html);
  const translations = Object.entries(item.translations).filter(([, t]) => t.title || t.summary);

  return (
    <article className="grid gap-8 lg:grid-cols-[1fr_18rem]" lang={item.language}>
      <div className="flex min-w-0 flex-col gap-6">
        <header className="flex flex-col gap-3">
          <p className="text-sm text-slate-700" lang="en">
            <Link href={`/cities/${item.city.slug}`}>{item.city.name}</Link>, {item.city.country} · {item.city.region}
          </p>
          <h1 className="text-3xl font-bold leading-tight">{item.title}</h1>
          <p className="text-lg leading-8 text-slate-800">{item.summary}</p>
          {item.sdgGoals.length > 0 && (
            <ul className="flex flex-wrap gap-2" aria-label="Sustainable Development Goals" lang="en">
              {item.sdgGoals.map((g) => (
                <li key={g.goal}>
                  <GoalBadge goal={g.goal} shortName={g.shortName} color={g.color} />
                </li>
              ))}
            </ul>
          )}
        </header>

        {sections.map((s) => (
          <Section key={s.key} id={`section-${s.key}`} title={SECTION_LABELS[s.key]}>
            <div className="prose-case" dangerouslySetInnerHTML={{ __html: s.html }} />
          </Section>
        ))}

        {item.media.length > 0 && (
          <Section id="media" title="Images, documents and videos">
            <ul className="grid gap-4 sm:grid-cols-2">
              {item.media.map((m, i) => (
                <li key={i}>
                  {m.kind === "image" ? (
                    <figure>
                      <img src={`/api/uploads/${m.uploadId}`} alt={m.alt} loading="lazy" className="h-auto max-w-full rounded" />
                      {m.caption && <figcaption className="mt-1 text-sm text-slate-700">{m.caption}</figcaption>}
                    </figure>
                  ) : m.kind === "document" ? (
                    <a href={`/api/uploads/${m.uploadId}`} download>
                      {m.title} <span className="text-sm text-slate-700">(PDF)</span>
                    </a>
                  ) : (
                    <VideoLink url={m.url} title={m.title} />
                  )}
                </li>
              ))}
            </ul>
          </Section>
        )}

        {item.obstacles.length > 0 && (
          <Section id="obstacles-list" title="Obstacles and how the city adapted">
            <dl className="flex flex-col gap-3">
              {item.obstacles.map((o, i) => (
                <div key={i} className="rounded border border-slate-200 p-3">
                  <dt className="font-semibold">Obstacle: {o.obstacle}</dt>
                  {o.adaptation && <dd className="mt-1">Adaptation: {o.adaptation}</dd>}
                </div>
              ))}
            </dl>
          </Section>
        )}

        {item.results.length > 0 && (
          <Section id="results-table" title="Results">
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-sm">
                <caption className="sr-only">Result indicators</caption>
                <thead>
                  <tr className="bg-slate-100">
                    <th scope="col" className="border border-slate-300 px-2 py-1 text-left">Indicator</th>
                    <th scope="col" className="border border-slate-300 px-2 py-1 text-right">Baseline</th>
                    <th scope="col" className="border border-slate-300 px-2 py-1 text-right">Value</th>
                    <th scope="col" className="border border-slate-300 px-2 py-1 text-left">Unit</th>
                    <th scope="col" className="border border-slate-300 px-2 py-1 text-left">Year</th>
                    <th scope="col" className="border border-slate-300 px-2 py-1 text-left">SDG indicator</th>
                  </tr>
                </thead>
                <tbody>
                  {item.results.map((r, i) => (
                    <tr key={i}>
                      <th scope="row" className="border border-slate-300 px-2 py-1 text-left font-normal">{r.indicator}</th>
                      <td className="border border-slate-300 px-2 py-1 text-right">{r.baseline != null ? formatNumber(r.baseline) : ""}</td>
                      <td className="border border-slate-300 px-2 py-1 text-right">{r.value != null ? formatNumber(r.value) : ""}</td>
                      <td className="border border-slate-300 px-2 py-1">{r.unit}</td>
                      <td className="border border-slate-300 px-2 py-1">{r.year ?? ""}</td>
                      <td className="border border-slate-300 px-2 py-1">{r.sdgIndicator ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
        )}

        {item.stakeholders.length > 0 && (
          <Section id="stakeholders" title="Stakeholders">
            <ul className="flex flex-col gap-2">
              {item.stakeholders.map((s, i) => (
                <li key={i}>
                  <span className="font-semibold">{s.name}</span>{" "}
                  <span className="text-sm text-slate-700">({STAKEHOLDER_TYPE_LABELS[s.type as StakeholderType] ?? s.type})</span>
                  {s.role && <> — {s.role}</>}
                </li>
              ))}
            </ul>
          </Section>
        )}

        {(item.timeline.start || item.timeline.milestones.length > 0) && (
          <Section id="timeline" title="Timeline">
            <p className="mb-3">
              {item.timeline.start && <>Started {formatPartialDate(item.timeline.start)}</>}
              {item.timeline.end ? <>; ended {formatPartialDate(item.timeline.end)}.</> : item.timeline.ongoing ? <>; ongoing.</> : "."}
            </p>
            {item.timeline.milestones.length > 0 && (
              <ol className="flex flex-col gap-2 border-l-2 border-slate-300 pl-4">
                {item.timeline.milestones.map((m, i) => (
                  <li key={i}>
                    <span className="font-semibold">
                      <time dateTime={m.date}>{formatPartialDate(m.date)}</time>
                    </span>{" "}
                    — {m.title}
                    {m.description && <p className="text-sm text-slate-700">{m.description}</p>}
                  </li>
                ))}
              </ol>
            )}
          </Section>
        )}

        {item.transfers.length > 0 && (
          <Section id="transfers" title="Where this policy has travelled">
            <ul className="flex flex-col gap-2" lang="en">
              {item.transfers.map((t, i) => (
                <li key={i}>
                  <Link href={`/cities/${t.city.slug}`}>{t.city.name}</Link>, {t.city.country} —{" "}
                  {TRANSFER_KIND_LABELS[t.kind] ?? t.kind}
                  {t.year ? `, ${t.year}` : ""} ({t.status.replace("-", " ")})
                  {t.outcome && <p className="text-sm text-slate-700">{t.outcome}</p>}
                </li>
              ))}
            </ul>
          </Section>
        )}

        {item.references.length > 0 && (
          <Section id="references" title="References">
            <ul className="list-disc pl-6">
              {item.references.map((r, i) => (
                <li key={i}>
                  {r.url ? (
                    <a href={r.url} rel="noopener noreferrer nofollow">
                      {r.title}
                    </a>
                  ) : (
                    r.title
                  )}
                  {r.publisher && <>, {r.publisher}</>}
                  {r.year && <> ({r.year})</>}
                </li>
              ))}
            </ul>
          </Section>
        )}

        {translations.length > 0 && (
          <Section id="translations" title="In other languages">
            {translations.map(([lang, t]) => (
              <div key={lang} lang={lang} className="mb-3">
                <h3 className="font-semibold">
                  <span lang="en">{languageName(lang)}: </span>
                  {t.title}
                </h3>
                {t.summary && <p>{t.summary}</p>}
              </div>
            ))}
          </Section>
        )}
      </div>

      <aside className="flex flex-col gap-4 text-sm" aria-label="Key facts" lang="en">
        <dl className="flex flex-col gap-3 rounded border border-slate-200 bg-slate-50 p-4">
          <div>
            <dt className="font-semibold">Budget</dt>
            <dd data-testid="budget">
              {item.budget?.amount != null ? (
                <>
                  {formatMoney(item.budget.amount, item.budget.currency)}
                  {item.budget.year && <> ({item.budget.year})</>}
                  {item.budget.usd != null && <> · about {formatMoney(item.budget.usd, "USD")}</>}
                </>
              ) : (
                "Not reported"
              )}
              {item.budget?.note && <p className="mt-1 text-slate-700">{item.budget.note}</p>}
              {item.budget && item.budget.fundingSources.length > 0 && (
                <ul className="mt-1 list-disc pl-5">
                  {item.budget.fundingSources.map((f, i) => (
                    <li key={i}>
                      {f.source} ({f.type}){f.amount != null && <> — {formatMoney(f.amount, item.budget?.currency)}</>}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <div>
            <dt className="font-semibold">Staff</dt>
            <dd data-testid="staff">
              {item.staff ? (
                <>
                  {item.staff.headcount != null && <p>{formatNumber(item.staff.headcount)} people</p>}
                  {item.staff.fte != null && <p>{formatNumber(item.staff.fte)} full-time equivalent</p>}
                  {item.staff.departments.length > 0 && <p>Departments: {item.staff.departments.join("; ")}</p>}
                  {item.staff.partnerPersonnel.length > 0 && <p>Partners: {item.staff.partnerPersonnel.join("; ")}</p>}
                  {item.staff.note && <p className="text-slate-700">{item.staff.note}</p>}
                </>
              ) : (
                "Not reported"
              )}
            </dd>
          </div>
          {item.timeline.start && (
            <div>
              <dt className="font-semibold">Period</dt>
              <dd>
                {formatPartialDate(item.timeline.start)} – {item.timeline.end ? formatPartialDate(item.timeline.end) : "ongoing"}
              </dd>
            </div>
          )}
          {item.policyAreas.length > 0 && (
            <div>
              <dt className="font-semibold">Policy areas</dt>
              <dd>{item.policyAreas.map((a) => a.label).join(", ")}</dd>
            </div>
          )}
          {item.sdgTargets.length > 0 && (
            <div>
              <dt className="font-semibold">SDG targets</dt>
              <dd>
                <ul className="flex flex-col gap-1">
                  {item.sdgTargets.map((t) => (
                    <li key={t.code}>
                      <Link href={`/sdgs/${t.goal}#target-${t.code}`}>Target {t.code}</Link>
                      <span className="block text-slate-700">{t.text}</span>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
          {item.tags.length > 0 && (
            <div>
              <dt className="font-semibold">Tags</dt>
              <dd>
                <ul className="flex flex-wrap gap-1">
                  {item.tags.map((t) => (
                    <li key={t} className="rounded bg-white px-2 py-0.5 ring-1 ring-slate-300">
                      {t}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
          <div>
            <dt className="font-semibold">Language</dt>
            <dd>{languageName(item.language)}</dd>
          </div>
          {item.publishedAt && (
            <div>
              <dt className="font-semibold">Published</dt>
              <dd>{formatDate(item.publishedAt)}</dd>
            </div>
          )}
          {item.lastReviewedAt && (
            <div>
              <dt className="font-semibold">Last reviewed</dt>
              <dd>{formatDate(item.lastReviewedAt)}</dd>
            </div>
          )}
          {item.lastUpdatedAt && (
            <div>
              <dt className="font-semibold">Last updated</dt>
              <dd>{formatDate(item.lastUpdatedAt)}</dd>
            </div>
          )}
        </dl>
        {item.contacts.length > 0 && (
          <section aria-labelledby="contacts" className="rounded border border-slate-200 p-4">
            <h2 id="contacts" className="mb-2 font-semibold">
              Contacts
            </h2>
            <ul className="flex flex-col gap-2">
              {item.contacts.map((c, i) => (
                <li key={i}>
                  {[c.name, c.title].filter(Boolean).join(", ")}
                  {(c.name || c.title) && <br />}
                  {[c.department, c.organisation].filter(Boolean).join(", ")}
                  {c.email && (
                    <>
                      <br />
                      <a href={`mailto:${c.email}`}>{c.email}</a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
        {aside}
      </aside>
    </article>
  );
}
