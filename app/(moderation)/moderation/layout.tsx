import Link from "next/link";

/** Moderation area navigation. Each page checks access itself (layouts do not guard actions). */
export default function ModerationLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Moderation" className="border-b border-slate-200 pb-2 text-sm">
        <ul className="flex gap-4">
          <li>
            <Link href="/moderation">Review queue</Link>
          </li>
          <li>
            <Link href="/moderation/audit">Audit log</Link>
          </li>
        </ul>
      </nav>
      {children}
    </div>
  );
}
