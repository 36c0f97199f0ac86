// /admin/tenants - the installation's tenants (the super-admin only).
import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/admin/forbidden-notice";
import { TenantsAdmin } from "@/components/admin/tenants-admin";
import { ADMIN_PAGE_SIZE } from "@/server/contracts/pagination";
import { requirePageActor } from "@/server/auth/page-auth";
import { listTenants } from "@/server/presenters/tenants/list-tenants";
import { getRuntime } from "@/server/runtime";
import { ConsoleFrame } from "../../console-frame";
import "../../styles/admin.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tenants" };

export default async function TenantsPage() {
  const actor = await requirePageActor();
  const initial = actor.isSuperAdmin ? await listTenants(getRuntime().db, actor, { limit: ADMIN_PAGE_SIZE }) : null;
  return (
    <ConsoleFrame actor={actor}>
      <main className="page">
        <div className="page-header">
          <h1>Tenants</h1>
          <span className="muted">Organisations using this Vigil</span>
        </div>
        {initial ? <TenantsAdmin initial={initial} /> : <ForbiddenNotice who="the installation's super-admin" />}
      </main>
    </ConsoleFrame>
  );
}
