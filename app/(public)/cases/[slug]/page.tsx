import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getPublishedCase } from "@/lib/cases/queries";
import { CaseView } from "@/components/cases/case-view";
import { FreshnessNote } from "@/components/cases/freshness-note";

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
  const item = await getPublishedCase(slug, { withContactEmails: false });
  if (!item) notFound();
  // The key facts already list both dates; the note adds the refresh warning when one is due.
  return (
    <CaseView
      item={item}
      aside={<FreshnessNote lastReviewedAt={item.lastReviewedAt} lastUpdatedAt={item.lastUpdatedAt} showDates={false} />}
    />
  );
}
