// /admin/users - the tenant's users and their roles (admins only).
import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/admin/forbidden-notice";
import { UsersAdmin } from "@/components/admin/users-admin";
import { ADMIN_PAGE_SIZE } from "@/server/contracts/pagination";
import { requirePageActor } from "@/server/auth/page-auth";
import { getSecuritySettings } from "@/server/presenters/tenants/get-security-settings";
import { listSites } from "@/server/presenters/sites/list-sites";
import { listUsers } from "@/server/presenters/users/list-users";
import { getRuntime } from "@/server/runtime";
import { ConsoleFrame } from "../../console-frame";
import "../../styles/admin.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageActor();
  const allowed = actor.role === "admin";
  const db = getRuntime().db;
  const initial = allowed ? await listUsers(db, actor, { limit: ADMIN_PAGE_SIZE }) : null;
  const security = allowed ? await getSecuritySettings(db, actor) : null;
  const sites = allowed ? (await listSites(db, actor)).map(({ id, name }) => ({ id, name })) : [];
  return (
    <ConsoleFrame actor={actor}>
      <main className="page">
        <div className="page-header">
          <h1>Users</h1>
          <span className="muted">Who signs in, and with which role</span>
        </div>
        {initial && security ? (
          <UsersAdmin initial={initial} selfId={actor.userId} security={security} sites={sites} />
        ) : (
          <ForbiddenNotice who="admins" />
        )}
      </main>
    </ConsoleFrame>
  );
}
