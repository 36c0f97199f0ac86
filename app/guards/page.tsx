// /guards - the tenant's guards: search, their sites and status; admins and
// managers add, edit, assign, deactivate and reactivate them.
import type { Metadata } from "next";
import { GuardsAdmin } from "@/components/guards/guards-admin";
import { requirePageActor } from "@/server/auth/page-auth";
import { listGuardSites } from "@/server/presenters/guards/list-guard-sites";
import { listGuards } from "@/server/presenters/guards/list-guards";
import { listSites } from "@/server/presenters/sites/list-sites";
import { getRuntime } from "@/server/runtime";
import { ConsoleFrame } from "../console-frame";
import "../styles/admin.css";
import "../styles/guards.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Guards" };

export default async function GuardsPage() {
  const actor = await requirePageActor();
  const { db } = getRuntime();
  const [guards, guardSites, sites] = await Promise.all([
    listGuards(db, actor),
    listGuardSites(db, actor),
    listSites(db, actor),
  ]);
  return (
    <ConsoleFrame actor={actor}>
      <main className="page">
        <div className="page-header">
          <h1>Guards</h1>
          <span className="muted">Search, edit, assign and deactivate</span>
        </div>
        <GuardsAdmin
          initial={guards}
          initialSites={guardSites}
          sites={sites.map((s) => ({ siteId: s.id, siteName: s.name }))}
          canEdit={actor.role === "admin" || actor.role === "manager"}
        />
      </main>
    </ConsoleFrame>
  );
}
