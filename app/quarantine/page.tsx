// /quarantine - MQTT messages Vigil refused, and why; admins register unknown
// devices from here in one click.
import type { Metadata } from "next";
import { QuarantineList } from "@/components/quarantine/quarantine-list";
import { QUARANTINE_PAGE_SIZE } from "@/server/contracts/quarantine";
import { requirePageActor } from "@/server/auth/page-auth";
import { listQuarantine } from "@/server/presenters/quarantine/list-quarantine";
import { getRuntime } from "@/server/runtime";
import { ConsoleFrame } from "../console-frame";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Quarantine" };

export default async function QuarantinePage() {
  const actor = await requirePageActor();
  const allowed = actor.role === "admin" || actor.role === "operator";
  const initial = allowed ? await listQuarantine(getRuntime().db, actor, { limit: QUARANTINE_PAGE_SIZE }) : null;
  return (
    <ConsoleFrame actor={actor}>
      <main className="page">
        <div className="page-header">
          <h1>Quarantine</h1>
          <span className="muted">Rejected MQTT messages</span>
        </div>
        {initial ? (
          <QuarantineList key={initial.items[0]?.id ?? 0} initial={initial} canRegister={actor.role === "admin"} />
        ) : (
          <p className="empty muted">The quarantine is open to admins and operators.</p>
        )}
      </main>
    </ConsoleFrame>
  );
}
