import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getPublishedCase, withoutContactEmails } from "@/lib/cases/queries";
import { getCurrentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { CaseView } from "@/components/cases/case-view";
import { FreshnessNote } from "@/components/cases/freshness-note";
import { RelatedCases } from "@/components/search/related-cases";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const { slug } = await params;
  const item = await getPublishedCase(slug, { withContactEmails: false });
  return item ? { title: item.title, description: item.summary } : { title: "Case not found" };
}

export default async function CasePage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const [found, actor] = await Promise.all([getPublishedCase(slug, { withContactEmails: true }), getCurrentActor()]);
  if (!found) notFound();
  // Contact emails are for signed-in members only (DESIGN: "The domain").
  const mayContact = can(actor, "case.view_contacts", { cityId: found.city.id, published: true });
  const item = mayContact ? found : withoutContactEmails(found);
  return (
    <div className="flex flex-col gap-10">
      <CaseView
        item={item}
        aside={
          <>
            {/* The key facts already list both dates; the note adds the refresh warning when one is due. */}
            <FreshnessNote lastReviewedAt={item.lastReviewedAt} lastUpdatedAt={item.lastUpdatedAt} showDates={false} />
            {!mayContact && item.contacts.length > 0 && (
              <p className="text-slate-700">
                <Link href={`/login?next=${encodeURIComponent(`/cases/${item.slug}`)}`}>Sign in</Link> to see contact
                email addresses.
              </p>
            )}
          </>
        }
      />
      <RelatedCases caseId={item.id} />
    </div>
  );
}
