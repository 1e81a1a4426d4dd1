import Link from "next/link";

/** The site's banner and main navigation. Account links come from the auth layer. */
export function SiteHeader({ accountSlot }: { accountSlot?: React.ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-white no-underline hover:underline">
          Urban Policy Knowledge Platform
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap items-center gap-4 text-sm">
            <li>
              <Link className="text-white" href="/search">
                Find cases
              </Link>
            </li>
            <li>
              <Link className="text-white" href="/sdgs">
                SDGs
              </Link>
            </li>
            <li>
              <Link className="text-white" href="/cities">
                Cities
              </Link>
            </li>
            {accountSlot}
          </ul>
        </nav>
      </div>
    </header>
  );
}
