"use client";
// The top navigation shared by the console pages: the sections this role may
// open, who is signed in (a link to their Account page), and sign out. On a phone the sections wrap onto a
// second row of full-width tabs.
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { UserRole } from "@/server/contracts/api";

type Section = { href: string; label: string; roles?: readonly UserRole[]; superAdmin?: true };

const sections: Section[] = [
  { href: "/", label: "Map" },
  { href: "/alerts", label: "Alerts" },
  { href: "/guards", label: "Guards" },
  { href: "/devices", label: "Devices" },
  { href: "/quarantine", label: "Quarantine", roles: ["admin", "operator"] },
  { href: "/sites", label: "Sites", roles: ["admin", "manager"] },
  { href: "/admin/users", label: "Users", roles: ["admin"] },
  { href: "/admin/notifications", label: "Notifications", roles: ["admin"] },
  { href: "/admin/audit", label: "Audit", roles: ["admin", "manager"] },
  { href: "/admin/tenants", label: "Tenants", superAdmin: true },
  { href: "/training", label: "Training", roles: ["admin", "manager"] },
  { href: "/reports", label: "Reports", roles: ["admin", "manager"] },
];

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

type Props = { email: string; role: UserRole; isSuperAdmin?: boolean; signOut: () => Promise<void> };

export function ConsoleNav({ email, role, isSuperAdmin = false, signOut }: Props) {
  const pathname = usePathname();
  return (
    <header className="topnav">
      <Link href="/" className="brand">
        VIGIL
      </Link>
      <nav className="sections" aria-label="Console">
        {sections
          .filter((s) => (!s.roles || s.roles.includes(role)) && (!s.superAdmin || isSuperAdmin))
          .map((s) => (
            <Link key={s.href} href={s.href} aria-current={isCurrent(pathname, s.href) ? "page" : undefined}>
              {s.label}
            </Link>
          ))}
      </nav>
      <span className="spacer" />
      <Link
        href="/account"
        className="user"
        title={`${email} (${role}): password and two-factor sign-in`}
        aria-current={isCurrent(pathname, "/account") ? "page" : undefined}
      >
        Account <span className="muted">{email}</span>
      </Link>
      <form action={signOut}>
        <button className="btn-ghost" type="submit">
          Sign out
        </button>
      </form>
    </header>
  );
}
