// /admin/notifications - who is told about alerts and how (contacts,
// escalation policies), and which alerts are raised at all (alert rules). Admins only.
import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/admin/forbidden-notice";
import { NotificationsAdmin } from "@/components/admin/notifications-admin";
import { ADMIN_PAGE_SIZE } from "@/server/contracts/pagination";
import { requirePageActor } from "@/server/auth/page-auth";
import { getAlertRules } from "@/server/presenters/alerts/get-alert-rules";
import { listContacts } from "@/server/presenters/contacts/list-contacts";
import { listEscalationPolicies } from "@/server/presenters/contacts/list-escalation-policies";
import { listSites } from "@/server/presenters/sites/list-sites";
import { getRuntime } from "@/server/runtime";
import type { Actor } from "@/server/auth/actor";
import { ConsoleFrame } from "../../console-frame";
import "../../styles/admin.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Notifications" };

async function load(actor: Actor) {
  const { db } = getRuntime();
  const [contacts, policies, rules, sites] = await Promise.all([
    listContacts(db, actor, { limit: ADMIN_PAGE_SIZE }),
    listEscalationPolicies(db, actor, { limit: ADMIN_PAGE_SIZE }),
    getAlertRules(db, actor),
    listSites(db, actor),
  ]);
  return { contacts, policies, rules, sites: sites.map(({ id, name }) => ({ id, name })) };
}

export default async function NotificationsPage() {
  const actor = await requirePageActor();
  const data = actor.role === "admin" ? await load(actor) : null;
  return (
    <ConsoleFrame actor={actor}>
      <main className="page">
        <div className="page-header">
          <h1>Notifications</h1>
          <span className="muted">Contacts, escalation and alert rules</span>
        </div>
        {data ? <NotificationsAdmin {...data} /> : <ForbiddenNotice who="admins" />}
      </main>
    </ConsoleFrame>
  );
}
