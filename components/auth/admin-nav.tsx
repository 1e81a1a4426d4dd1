import Link from "next/link";

export function AdminNav({ current }: { current: "users" | "cities" | "memberships" | "home" }) {
  const items = [
    { key: "users", href: "/admin/users", label: "Users" },
    { key: "cities", href: "/admin/cities", label: "Cities" },
    { key: "memberships", href: "/admin/memberships", label: "Membership requests" },
  ] as const;
  return (
    <nav aria-label="Administration" className="mb-6">
      <ul className="flex flex-wrap gap-4 text-sm">
        <li>
          <Link href="/admin" aria-current={current === "home" ? "page" : undefined}>
            Administration
          </Link>
        </li>
        {items.map((item) => (
          <li key={item.key}>
            <Link href={item.href} aria-current={current === item.key ? "page" : undefined} className={current === item.key ? "font-semibold" : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
