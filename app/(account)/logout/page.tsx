import type { Metadata } from "next";
import { getCurrentActor } from "@/lib/auth/session";
import { signOutAction, signOutEverywhereAction } from "../actions";
import Link from "next/link";

export const metadata: Metadata = { title: "Sign out" };

/** Signing out is a POST (a form), so a link on another site cannot sign anyone out. */
export default async function LogoutPage() {
  const actor = await getCurrentActor();
  if (!actor) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-4 text-2xl font-semibold">Signed out</h1>
        <p>
          You are not signed in. <Link href="/login">Sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-2xl font-semibold">Sign out</h1>
      <p className="mb-4">You are signed in as {actor.email}.</p>
      <form action={signOutAction} className="mb-6">
        <button type="submit" className="rounded bg-brand-900 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
          Sign out
        </button>
      </form>
      <h2 className="mb-2 text-lg font-semibold">Sign out everywhere</h2>
      <p className="mb-3 text-sm text-slate-700">Ends every session of your account, on this device and all others (for example a computer you no longer use).</p>
      <form action={signOutEverywhereAction}>
        <button type="submit" className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100">
          Sign out everywhere
        </button>
      </form>
    </div>
  );
}
