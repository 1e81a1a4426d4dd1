import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { listMyCities } from "@/lib/cases/studio-queries";
import { NewCaseForm } from "@/components/studio/new-case-form";
import { createCaseAction } from "../../actions";

export const metadata: Metadata = { title: "New case", robots: { index: false } };

export default async function NewCasePage() {
  const actor = await requireActor("/studio/cases/new");
  const cities = await listMyCities(actor);
  if (cities.length === 0) {
    return (
      <div className="flex max-w-2xl flex-col gap-4">
        <h1 className="text-3xl font-bold">Start a new case</h1>
        <p>
          Only officials of a city can write its cases.{" "}
          <Link href="/account/cities" className="font-semibold underline">
            Ask to join your city
          </Link>
          .
        </p>
      </div>
    );
  }
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-3xl font-bold">Start a new case</h1>
      <NewCaseForm cities={cities} action={createCaseAction} />
    </div>
  );
}
